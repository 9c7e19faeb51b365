import type { ChildProcess, ChildProcessWithoutNullStreams } from 'node:child_process';
import { createInterface } from 'node:readline';
import { killChild } from '../process/children.js';
import { runCommand, spawnTracked, type CommandResult, type OutputRenderer } from '../process/run.js';

// The docker CLI, always with an argv array: no shell ever sees an input.

export type DockerResult = CommandResult;

export interface DockerOptions {
  /** Written to docker's stdin (passwords, stdin Dockerfiles): never in argv. */
  readonly input?: string;
  /** Do not echo the command and its output into the log. */
  readonly silent?: boolean;
  /** Return a non-zero exit instead of throwing. */
  readonly allowFailure?: boolean;
  /** Shows stderr (machine output) in the log as this renders it. */
  readonly renderStderr?: OutputRenderer;
  /** Stops the command when aborted (it then fails as killed). */
  readonly signal?: AbortSignal;
  /** The CLI's environment; this process's when undefined. */
  readonly env?: NodeJS.ProcessEnv;
}

export class DockerError extends Error {
  constructor(
    readonly args: readonly string[],
    readonly result: DockerResult,
  ) {
    super(
      `docker ${args[0] ?? ''} failed with exit code ${result.exitCode}: ${lastLines(result.stderr || result.stdout, 5)}`,
    );
    this.name = 'DockerError';
  }
}

/**
 * Runs one docker command to its end, shown with its output in the log (unless silent), and tracked, so a
 * cancelled run stops a build or a push at once rather than leaving it running behind.
 */
export async function docker(args: readonly string[], options: DockerOptions = {}): Promise<DockerResult> {
  const result = await runCommand('docker', args, {
    input: options.input,
    silent: options.silent,
    renderStderr: options.renderStderr,
    signal: options.signal,
    env: options.env,
  });
  if (result.exitCode !== 0 && options.allowFailure !== true) throw new DockerError(args, result);
  return result;
}

/**
 * Starts a docker command that runs the user's code (the test `docker exec`) as the leader of its own
 * process group, tracked, so a time limit or a cancellation stops it with all it started; the caller
 * supervises it and must read its output (a full pipe would stop it). `env` carries test-env values, which
 * the argv names only.
 */
export function startDocker(
  args: readonly string[],
  options: { readonly env: NodeJS.ProcessEnv; readonly stdin: 'pipe' },
): ChildProcessWithoutNullStreams;
export function startDocker(
  args: readonly string[],
  options: { readonly env: NodeJS.ProcessEnv; readonly stdin: 'ignore' },
): ChildProcess;
export function startDocker(
  args: readonly string[],
  options: { readonly env: NodeJS.ProcessEnv; readonly stdin: 'pipe' | 'ignore' },
): ChildProcess {
  return spawnTracked('docker', args, { env: options.env, stdio: [options.stdin, 'pipe', 'pipe'] });
}

/**
 * Runs a long-lived docker command (`docker events`, `docker logs --follow`) and hands each output line
 * to `onLine` until it returns a value other than undefined. Resolves undefined when the command ends
 * on its own with status 0 or `signal` aborts; the command is stopped either way, with its whole process
 * group: a `docker` on PATH that is a wrapper script would otherwise leave the real CLI running, holding
 * the output pipes open, and the step would never end.
 */
export function dockerUntil<T>(
  args: readonly string[],
  onLine: (line: string) => T | undefined,
  signal: AbortSignal,
  options: { readonly stderrLines?: boolean } = {},
): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawnTracked('docker', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let settled = false;
    // Until its output closes: the CLI itself may have exited while what it started runs on.
    let closed = false;
    const finish = (settle: () => void): void => {
      if (settled) return;
      settled = true;
      signal.removeEventListener('abort', onAbort);
      if (!closed) killChild(child);
      settle();
    };
    const onAbort = (): void => finish(() => resolve(undefined));
    const handle = (line: string): void => {
      if (settled) return;
      try {
        const value = onLine(line);
        if (value !== undefined) finish(() => resolve(value));
      } catch (error) {
        finish(() => reject(error instanceof Error ? error : new Error(String(error))));
      }
    };
    signal.addEventListener('abort', onAbort, { once: true });
    if (signal.aborted) onAbort();
    createInterface({ input: child.stdout }).on('line', handle);
    if (options.stderrLines === true) createInterface({ input: child.stderr }).on('line', handle);
    else child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', (error) => finish(() => reject(error)));
    child.on('close', (code) => {
      closed = true;
      finish(() =>
        code === 0 ? resolve(undefined) : reject(new DockerError(args, { exitCode: code ?? -1, stdout: '', stderr })),
      );
    });
  });
}

export function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join(' | ');
}
