import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

// Watches the argv of every process on the machine (/proc/<pid>/cmdline; the tests run as root, so
// the docker CLI's, the engine's and the containers' processes are all visible) while a run goes on.

export interface ArgvSighting {
  readonly pid: number;
  readonly argv: readonly string[];
  /** `pid:[4026531836]`: a container's processes have another PID namespace than the runner's. */
  readonly pidNamespace: string;
}

/** The PID namespace of this test process: the runner's. */
export const RUNNER_PID_NAMESPACE = readlinkSync('/proc/self/ns/pid');

function pidNamespace(pid: string): string {
  try {
    return readlinkSync(`/proc/${pid}/ns/pid`);
  } catch {
    return '';
  }
}

export interface ArgvWatch {
  /** Stops polling after one last scan; what was seen. */
  stop(): ArgvReport;
}

export interface ArgvReport {
  readonly scans: number;
  /** Every distinct (pid, argv) seen. */
  readonly seen: readonly ArgvSighting[];
  /** The sightings whose command line held one of the needles (checked on the raw bytes). */
  readonly leaks: readonly ArgvSighting[];
}

function scanProc(needles: readonly Buffer[], seen: Map<string, ArgvSighting>, leaks: Map<string, ArgvSighting>): void {
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    let raw: Buffer;
    try {
      raw = readFileSync(`/proc/${entry}/cmdline`);
    } catch {
      continue; // exited meanwhile
    }
    if (raw.length === 0) continue; // kernel thread or zombie
    const argv = raw.toString('utf8').replace(/\0$/, '').split('\0');
    const key = `${entry}\0${raw.toString('hex')}`;
    if (seen.has(key)) continue;
    const sighting = { pid: Number(entry), argv, pidNamespace: pidNamespace(entry) };
    seen.set(key, sighting);
    if (needles.some((needle) => raw.includes(needle))) leaks.set(key, sighting);
  }
}

/** The processes running now whose argv holds `needle`: one scan. */
export function processesWith(needle: string): ArgvSighting[] {
  const leaks = new Map<string, ArgvSighting>();
  scanProc([Buffer.from(needle, 'utf8')], new Map(), leaks);
  return [...leaks.values()];
}

/** Polls every `intervalMs` for processes whose argv holds any of `needles`. */
export function watchArgv(needles: readonly string[], intervalMs: number): ArgvWatch {
  const bytes = needles.map((needle) => Buffer.from(needle, 'utf8'));
  const seen = new Map<string, ArgvSighting>();
  const leaks = new Map<string, ArgvSighting>();
  let scans = 0;
  const scan = (): void => {
    scans += 1;
    scanProc(bytes, seen, leaks);
  };
  scan();
  const timer = setInterval(scan, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      scan();
      return { scans, seen: [...seen.values()], leaks: [...leaks.values()] };
    },
  };
}

/** Whether `argv` ends with `tail` (argv[0] is however the program was started: docker, /usr/bin/docker…). */
export function argvEndsWith(argv: readonly string[], tail: readonly string[]): boolean {
  return argv.length >= tail.length && tail.every((arg, index) => argv[argv.length - tail.length + index] === arg);
}

/** The watcher must see a short-lived process holding a needle, or a clean report proves nothing. */
export async function selfTest(intervalMs: number): Promise<ArgvReport> {
  const canary = `argv-canary-${Math.random().toString(36).slice(2)}`;
  const watch = watchArgv([canary], intervalMs);
  await new Promise<void>((resolve, reject) => {
    const child = spawn('sh', ['-c', 'sleep 0.2', canary], { stdio: 'ignore' });
    child.on('error', reject);
    child.on('close', () => resolve());
  });
  return watch.stop();
}
