import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnTracked } from '../../../src/process/run.js';
import { superviseStreamed } from '../../../src/process/streamed.js';
import { alive } from '../support.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) {
    try {
      process.kill(Number(readFileSync(path.join(dir, 'pid'), 'utf8')), 'SIGKILL');
    } catch {
      // gone already, or never started
    }
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Runs `script` under sh as the supervised test command does: its own group, output piped. */
async function supervise(
  script: string,
  timeoutMs = 0,
): Promise<{ result: Awaited<ReturnType<typeof superviseStreamed>>; seconds: number; output: string; dir: string }> {
  const dir = mkdtempSync(path.join(tmpdir(), 'btd-streamed-'));
  dirs.push(dir);
  const child = spawnTracked('sh', ['-c', script], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const started = performance.now();
  const result = await superviseStreamed(child, timeoutMs);
  return { result, seconds: (performance.now() - started) / 1000, output, dir };
}

describe('superviseStreamed', () => {
  it('ends with the exit code when the command exits; what it left in its group is killed', async () => {
    const { result, seconds, output, dir } = await supervise('sleep 30 & echo $! > pid; echo done; exit 3');
    expect(result).toEqual({ exitCode: 3, timedOut: false });
    expect(output).toBe('done\n');
    expect(seconds).toBeLessThan(10);
    const pid = Number(readFileSync(path.join(dir, 'pid'), 'utf8'));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(alive(pid)).toBe(false);
  });

  it('does not wait for ever on output held open from another session (setsid … &)', async () => {
    const { result, output } = await supervise("setsid sh -c 'echo $$ > pid; exec sleep 30' & sleep 0.2; echo done");
    expect(result).toEqual({ exitCode: 0, timedOut: false });
    expect(output).toBe('done\n');
  });

  it('stops the command at the time limit and says so', async () => {
    const { result } = await supervise('echo $$ > pid; sleep 30', 300);
    expect(result.timedOut).toBe(true);
    expect(result.exitCode).toBeNull();
  });

  it('a command that finishes within the time limit is not a timeout, also after the limit has passed', async () => {
    const { result } = await supervise('exit 0', 200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(result).toEqual({ exitCode: 0, timedOut: false });
  });
});
