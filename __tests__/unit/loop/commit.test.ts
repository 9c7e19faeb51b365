import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveCommit } from '../../../src/loop/commit.js';

const SHA = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';

function notAWorkTree(): string {
  return mkdtempSync(path.join(tmpdir(), 'no-git-'));
}

function workTree(): { dir: string; sha: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'git-'));
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
  writeFileSync(path.join(dir, 'file'), 'x');
  git('init', '--quiet');
  git('add', '.');
  git(
    '-c',
    'user.name=t',
    '-c',
    'user.email=t@example.invalid',
    'commit',
    '--quiet',
    '--message',
    'm',
    '--date',
    '2025-06-07T08:09:10Z',
  );
  return { dir, sha: git('rev-parse', 'HEAD') };
}

describe('resolveCommit', () => {
  it('takes the checked-out commit of the context over GITHUB_SHA, with its commit time', async () => {
    const tree = workTree();
    const commit = await resolveCommit('', tree.dir, SHA);
    expect(commit.sha).toBe(tree.sha);
    expect(commit.source).toBe('git');
    expect(commit.created).toBe(
      new Date(
        execFileSync('git', ['-C', tree.dir, 'log', '-1', '--format=%cI'], { encoding: 'utf8' }).trim(),
      ).toISOString(),
    );
  });

  it('takes the sha input first', async () => {
    const tree = workTree();
    expect(await resolveCommit(SHA, tree.dir, undefined)).toMatchObject({ sha: SHA, source: 'input' });
  });

  it('falls back to GITHUB_SHA outside a git work tree', async () => {
    expect(await resolveCommit('', notAWorkTree(), SHA)).toMatchObject({ sha: SHA, source: 'GITHUB_SHA' });
  });

  it.each([
    [undefined, 'GITHUB_SHA is unset'],
    ['not-a-sha', 'GITHUB_SHA is "not-a-sha"'],
  ])('fails naming the sha input when GITHUB_SHA is %s', async (githubSha, message) => {
    await expect(resolveCommit('', notAWorkTree(), githubSha)).rejects.toThrow(
      new RegExp(`^Input 'sha' is empty.*${message.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`),
    );
  });

  it('names the sha input as the face writes it', async () => {
    const naming = { subject: (name: string) => `--${name}`, name: (name: string) => `--${name}` };
    await expect(resolveCommit('', notAWorkTree(), undefined, naming)).rejects.toThrow(/^--sha is empty/);
  });
});
