import {
  spawn,
  type ChildProcess,
  type ChildProcessByStdio,
  type ChildProcessWithoutNullStreams,
  type SpawnOptions,
} from 'node:child_process';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { constants as osConstants } from 'node:os';
import { killChild, track } from './children.js';
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
  /** Shows stderr in the log as this turns it into text (machine output made readable); stderr is returned as it came. */
  readonly renderStderr?: OutputRenderer;
  /** Stops the child (its whole process group) when aborted: it then ends as killed. */
  readonly signal?: AbortSignal;
}

/** Turns a command's output into what the log shows, chunk by chunk. */
export interface OutputRenderer {
  write(text: string): string;
  /** The output has ended: the rest. */
  end(): string;
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
    const render = options.renderStderr;
    const decoder = new StringDecoder('utf8');
    const show = (text: string): void => {
      if (!silent && text !== '') log.output(Buffer.from(text), 'stderr');
    };
    child.stderr.on('data', (chunk: Buffer) => {
      stderr.push(chunk);
      if (render !== undefined) show(render.write(decoder.write(chunk)));
      else if (!silent) log.output(chunk, 'stderr');
    });
    const stop = (): void => killChild(child);
    options.signal?.addEventListener('abort', stop, { once: true });
    if (options.signal?.aborted === true) stop();
    child.on('error', reject);
    child.on('close', (code, signal) => {
      options.signal?.removeEventListener('abort', stop);
      if (render !== undefined) show(render.write(decoder.end()) + render.end());
      resolve({
        exitCode: code ?? (signal === null ? 1 : 128 + (osConstants.signals[signal] ?? 0)),
        stdout: Buffer.concat(stdout).toString(),
        stderr: Buffer.concat(stderr).toString(),
      });
    });
    child.stdin.on('error', () => undefined); // it exited before reading it all: its exit status says why
    child.stdin.end(options.input);
  });
}
