import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCommand } from '../../../src/process/run.js';
import { alive } from '../support.js';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('runCommand with a signal', () => {
  it('an abort stops the command and what it started, and it ends as killed', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'run-signal-'));
    dirs.push(dir);
    const stop = new AbortController();
    const started = performance.now();
    // A grandchild too: the whole process group goes.
    const running = runCommand('sh', ['-c', `sleep 30 & echo $! > ${dir}/pid; wait`], {
      silent: true,
      signal: stop.signal,
    });
    for (let i = 0; i < 100 && !readFileSync(`${dir}/pid`, { flag: 'a+' }).toString().trim(); i++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const grandchild = Number(readFileSync(`${dir}/pid`, 'utf8'));
    stop.abort();
    const result = await running;
    expect(result.exitCode).toBe(137);
    expect(performance.now() - started).toBeLessThan(5000);
    for (let i = 0; i < 50 && alive(grandchild); i++) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(alive(grandchild)).toBe(false);
  });

  it('a signal aborted before the start stops the command at once', async () => {
    const stop = new AbortController();
    stop.abort();
    const result = await runCommand('sleep', ['30'], { silent: true, signal: stop.signal });
    expect(result.exitCode).toBe(137);
  });

  it('a signal never aborted changes nothing', async () => {
    const result = await runCommand('sh', ['-c', 'echo out; exit 3'], {
      silent: true,
      signal: new AbortController().signal,
    });
    expect(result).toEqual({ exitCode: 3, stdout: 'out\n', stderr: '' });
  });
});
