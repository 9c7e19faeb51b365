import type { ChildProcess } from 'node:child_process';
import { killChild } from './children.js';
import { commandLog } from './command-log.js';
import { spawnTracked } from './run.js';

export interface StreamedResult {
  /** null when the process was killed. */
  readonly exitCode: number | null;
  readonly timedOut: boolean;
}

export interface StreamedOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** 0: no limit. On expiry the process (with its whole process group) is killed. */
  readonly timeoutMs: number;
  /** Shown as the command; never holds a secret (values go by env). */
  readonly display: string;
}

/**
 * Runs a command with its output going to the log as it comes (nothing kept, so long test runs stream),
 * and a time limit that stops it together with everything it started.
 */
export function runStreamed(file: string, args: readonly string[], options: StreamedOptions): Promise<StreamedResult> {
  commandLog().command(options.display);
  const child = spawnTracked(file, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
  streamOutput(child);
  return superviseStreamed(child, options.timeoutMs);
}

/** Hands a child's output to the command log as it comes. */
export function streamOutput(child: ChildProcess): void {
  const log = commandLog();
  child.stdout?.on('data', (chunk: Buffer) => log.output(chunk, 'stdout'));
  child.stderr?.on('data', (chunk: Buffer) => log.output(chunk, 'stderr'));
}

/** Waits for a child that leads its own process group; at `timeoutMs` (0: never) kills the whole group. */
export function superviseStreamed(child: ChildProcess, timeoutMs: number): Promise<StreamedResult> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            killChild(child);
          }, timeoutMs)
        : undefined;
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    // Whatever the command left running in its group (a server started with `&`) would hold the output open.
    child.once('exit', () => killChild(child));
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, timedOut });
    });
  });
}
