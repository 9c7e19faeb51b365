import { getExecOutput } from '@actions/exec';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

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

export async function docker(args: readonly string[], options: DockerOptions = {}): Promise<DockerResult> {
  const result = await getExecOutput('docker', [...args], {
    input: options.input === undefined ? undefined : Buffer.from(options.input),
    silent: options.silent ?? false,
    ignoreReturnCode: true,
  });
  if (result.exitCode !== 0 && options.allowFailure !== true) throw new DockerError(args, result);
  return result;
}

/**
 * Runs a long-lived docker command (e.g. `docker events`) and hands each stdout line to `onLine`
 * until `onLine` returns a value other than undefined, the command ends, or `signal` aborts.
 */
export async function dockerUntil<T>(args: readonly string[], onLine: (line: string) => T | undefined, signal: AbortSignal): Promise<T | undefined> {
  const child = spawn('docker', [...args], { stdio: ['ignore', 'pipe', 'pipe'], signal });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => {
    child.on('close', (code) => resolve(code));
    child.on('error', () => resolve(null)); // abort and spawn failures; told apart below
  });
  try {
    for await (const line of createInterface({ input: child.stdout })) {
      const value = onLine(line);
      if (value !== undefined) return value;
    }
    const code = await exited;
    if (signal.aborted) return undefined;
    throw new DockerError(args, { exitCode: code ?? -1, stdout: '', stderr });
  } finally {
    if (child.exitCode === null) child.kill();
  }
}

export function lastLines(text: string, count: number): string {
  return text.trim().split('\n').slice(-count).join(' | ');
}
