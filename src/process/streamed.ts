import * as core from '@actions/core';
import { spawn, type ChildProcess } from 'node:child_process';
import { killChild, track } from './children.js';

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
  /** Echoed as `[command]…`, like @actions/exec does; never holds a secret (values go by env). */
  readonly display: string;
}

/**
 * Runs a command with its output going straight to the log (no buffering, so long test runs stream),
 * and a time limit that stops it together with everything it started.
 */
export function runStreamed(file: string, args: readonly string[], options: StreamedOptions): Promise<StreamedResult> {
  core.info(`[command]${options.display}`);
  // Its own process group, so a timeout stops the test runner's children too.
  const child = spawn(file, [...args], { cwd: options.cwd, env: options.env, stdio: ['ignore', 'inherit', 'inherit'], detached: true });
  track(child);
  return superviseStreamed(child, options.timeoutMs);
}

/** Waits for a child that leads its own process group; at `timeoutMs` (0: never) kills the whole group. */
export function superviseStreamed(child: ChildProcess, timeoutMs: number): Promise<StreamedResult> {
  return new Promise((resolve, reject) => {
    let timedOut = false;
    const timer = timeoutMs > 0 ? setTimeout(() => {
      timedOut = true;
      killChild(child);
    }, timeoutMs) : undefined;
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ exitCode, timedOut });
    });
  });
}
