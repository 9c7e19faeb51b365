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

/** How long output may still come after the command exited, from what it left behind in another session. */
const OUTPUT_AFTER_EXIT_MS = 2000;

/**
 * Waits for a child that leads its own process group; at `timeoutMs` (0: never) kills the whole group. Once
 * it exits, what it left running in its group (a server started with `&`) is killed too, and what still holds
 * its output open from outside the group (`setsid daemon &`) is given OUTPUT_AFTER_EXIT_MS, then cut off.
 */
export function superviseStreamed(child: ChildProcess, timeoutMs: number): Promise<StreamedResult> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    let exitCode: number | null = null;
    let lingering: NodeJS.Timeout | undefined;
    const timer =
      timeoutMs > 0
        ? setTimeout(() => {
            timedOut = true;
            killChild(child);
          }, timeoutMs)
        : undefined;
    child.on('error', (error) => {
      clearTimeout(timer);
      clearTimeout(lingering);
      reject(error);
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      exitCode = code;
      killChild(child);
      lingering = setTimeout(() => {
        child.stdout?.destroy();
        child.stderr?.destroy();
      }, OUTPUT_AFTER_EXIT_MS);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      clearTimeout(lingering);
      resolve({ exitCode: code ?? exitCode, timedOut });
    });
  });
}
