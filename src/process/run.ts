import {
  spawn,
  type ChildProcess,
  type ChildProcessByStdio,
  type ChildProcessWithoutNullStreams,
  type SpawnOptions,
} from 'node:child_process';
import type { Readable } from 'node:stream';
import { constants as osConstants } from 'node:os';
import { track } from './children.js';
import { commandLog } from './command-log.js';

// The one place a child process starts (docker, git, a credential helper, the runner-side test shell):
// always an argv array, no shell between, each child the leader of its own process group and tracked, so
// a cancelled run stops it with everything it started.

export interface CommandResult {
  readonly exitCode: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface RunOptions {
  /** Written to the child's stdin (passwords, stdin Dockerfiles): never in argv. */
  readonly input?: string;
  /** Do not show the command and its output in the log. */
  readonly silent?: boolean;
  readonly env?: NodeJS.ProcessEnv;
  readonly cwd?: string;
}

/** Spawns `file` detached (its own process group) and tracked until it closes. */
export function spawnTracked(
  file: string,
  args: readonly string[],
  options: SpawnOptions & { stdio: ['pipe', 'pipe', 'pipe'] },
): ChildProcessWithoutNullStreams;
export function spawnTracked(
  file: string,
  args: readonly string[],
  options: SpawnOptions & { stdio: ['ignore', 'pipe', 'pipe'] },
): ChildProcessByStdio<null, Readable, Readable>;
export function spawnTracked(file: string, args: readonly string[], options: SpawnOptions): ChildProcess;
export function spawnTracked(file: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(file, [...args], { ...options, detached: true });
  track(child);
  return child;
}

/** Runs a command to its end, its output shown as it comes (unless silent) and returned. */
export function runCommand(file: string, args: readonly string[], options: RunOptions = {}): Promise<CommandResult> {
  const silent = options.silent === true;
  const log = commandLog();
  if (!silent) log.command([file, ...args].join(' '));
  return new Promise<CommandResult>((resolve, reject) => {
    const child = spawnTracked(file, args, { stdio: ['pipe', 'pipe', 'pipe'], env: options.env, cwd: options.cwd });
    const stdout: Buffer[] = [];
    const stderr: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => {
      stdout.push(chunk);
      if (!silent) log.output(chunk, 'stdout');
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      if (!silent) log.output(chunk, 'stderr');
    });
    child.on('error', reject);
    child.on('close', (code, signal) =>
      resolve({
        exitCode: code ?? (signal === null ? 1 : 128 + (osConstants.signals[signal] ?? 0)),
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
      }),
    );
    child.stdin.on('error', () => undefined); // it exited before reading it all: its exit status says why
    child.stdin.end(options.input);
  });
}
