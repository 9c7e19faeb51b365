import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { uncommittedChanges } from '../../../src/cli/work-tree.js';

const made: string[] = [];
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function workTree(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'btd-work-tree-'));
  made.push(dir);
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
  git('init', '-q');
  mkdirSync(path.join(dir, 'service'));
  writeFileSync(path.join(dir, 'service', 'Dockerfile'), 'FROM scratch\n');
  writeFileSync(path.join(dir, 'README'), 'x\n');
  writeFileSync(path.join(dir, '.gitignore'), 'ignored/\n');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-q', '-m', 'one');
  return dir;
}

describe('uncommittedChanges', () => {
  it('is 0 for a clean work tree', async () => {
    expect(await uncommittedChanges(workTree())).toBe(0);
  });

  it('counts changed, added and untracked files, not ignored ones', async () => {
    const dir = workTree();
    writeFileSync(path.join(dir, 'service', 'Dockerfile'), 'FROM scratch\nENV A=1\n');
    writeFileSync(path.join(dir, 'service', 'new.txt'), 'new\n');
    mkdirSync(path.join(dir, 'ignored'));
    writeFileSync(path.join(dir, 'ignored', 'x'), 'x\n');
    expect(await uncommittedChanges(dir)).toBe(2);
  });

  it('counts only what is inside the context', async () => {
    const dir = workTree();
    writeFileSync(path.join(dir, 'README'), 'changed\n');
    expect(await uncommittedChanges(path.join(dir, 'service'))).toBe(0);
    expect(await uncommittedChanges(dir)).toBe(1);
  });

  it('is undefined outside a git work tree', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'btd-no-git-'));
    made.push(dir);
    expect(await uncommittedChanges(dir)).toBeUndefined();
  });
});
