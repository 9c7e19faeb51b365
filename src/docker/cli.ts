import { spawn, type ChildProcess, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { constants as osConstants, EOL } from 'node:os';
import { createInterface } from 'node:readline';
import { killChild, track } from '../process/children.js';

// The one place the docker CLI is started. Arguments are always an argv array: no shell ever sees an input.

export interface DockerResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface DockerOptions {
  /** Written to docker's stdin (passwords, stdin Dockerfiles): never in argv. */
  readonly input?: string;
  /** Do not echo the command and its output into the log. */
  readonly silent?: boolean;
  /** Return a non-zero exit instead of throwing. */
  readonly allowFailure?: boolean;
}

export class DockerError extends Error {
  constructor(readonly args: readonly string[], readonly result: DockerResult) {
    super(`docker ${args[0] ?? ''} failed with exit code ${result.exitCode}: ${lastLines(result.stderr || result.stdout, 5)}`);
    this.name = 'DockerError';
  }
}

/**
 * Runs one docker command to its end: echoed as `[command]docker …` with its output streamed into the log
 * (unless silent), as @actions/exec does, and tracked, so a cancelled run stops a build or a push at once
 * rather than leaving it running behind.
 */
export async function docker(args: readonly string[], options: DockerOptions = {}): Promise<DockerResult> {
  const silent = options.silent === true;
  if (!silent) process.stdout.write(`[command]docker ${args.join(' ')}${EOL}`);
  const result = await new Promise<DockerResult>((resolve, reject) => {
    const child = spawn('docker', [...args], { stdio: ['pipe', 'pipe', 'pipe'], detached: true });
    track(child);
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      if (!silent) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      if (!silent) process.stderr.write(chunk);
    });
    child.on('error', reject);
    child.on('close', (code, signal) => resolve({
      exitCode: code ?? (signal === null ? 1 : 128 + (osConstants.signals[signal] ?? 0)),
      stdout: Buffer.concat(stdout).toString(),
      stderr: Buffer.concat(stderr).toString(),
    }));
    child.stdin.on('error', () => undefined); // docker exited before reading it all: its exit status says why
    child.stdin.end(options.input);
  });
  if (result.exitCode !== 0 && options.allowFailure !== true) throw new DockerError(args, result);
  return result;
}

/**
 * Starts a docker command that runs the user's code (the test `docker exec`) as the leader of its own
 * process group, tracked, so a time limit or a cancellation stops it with all it started; the caller
 * supervises it. `env` carries test-env values, which the argv names only.
 */
export function startDocker(args: readonly string[], options: { readonly env: NodeJS.ProcessEnv; readonly stdin: 'pipe'; readonly output: 'pipe' }): ChildProcessWithoutNullStreams;
export function startDocker(args: readonly string[], options: { readonly env: NodeJS.ProcessEnv; readonly stdin: 'ignore'; readonly output: 'inherit' }): ChildProcess;
export function startDocker(args: readonly string[], options: { readonly env: NodeJS.ProcessEnv; readonly stdin: 'pipe' | 'ignore'; readonly output: 'pipe' | 'inherit' }): ChildProcess {
  const child = spawn('docker', [...args], { env: options.env, stdio: [options.stdin, options.output, options.output], detached: true });
  track(child);
  return child;
}

/**
 * Runs a long-lived docker command (`docker events`, `docker logs --follow`) and hands each output line
 * to `onLine` until it returns a value other than undefined. Resolves undefined when the command ends
 * on its own with status 0 or `signal` aborts; the command is stopped either way, with its whole process
 * group: a `docker` on PATH that is a wrapper script would otherwise leave the real CLI running, holding
 * the output pipes open, and the step would never end.
 */
export function dockerUntil<T>(args: readonly string[], onLine: (line: string) => T | undefined, signal: AbortSignal, options: { readonly stderrLines?: boolean } = {}): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const child = spawn('docker', [...args], { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    track(child);
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
      finish(() => (code === 0 ? resolve(undefined) : reject(new DockerError(args, { exitCode: code ?? -1, stdout: '', stderr }))));
    });
  });
}

export function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join(' | ');
}
