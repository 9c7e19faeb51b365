import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceUrlOf, webUrlOfRemote } from '../../../src/cli/source-url.js';

describe('webUrlOfRemote', () => {
  it.each<[string, string, string | undefined]>([
    ['scp-like', 'git@github.com:acme/app.git', 'https://github.com/acme/app'],
    ['scp-like without .git', 'git@github.com:acme/app', 'https://github.com/acme/app'],
    ['scp-like without a user', 'github.com:acme/app.git', 'https://github.com/acme/app'],
    [
      'scp-like with a leading slash',
      'git@gitlab.example.com:/group/sub/app.git',
      'https://gitlab.example.com/group/sub/app',
    ],
    ['https', 'https://github.com/acme/app.git', 'https://github.com/acme/app'],
    ['https without .git', 'https://github.com/acme/app', 'https://github.com/acme/app'],
    ['https, a nested group', 'https://gitlab.com/acme/platform/app.git', 'https://gitlab.com/acme/platform/app'],
    ['https with a user and a token', 'https://user:token@github.com/acme/app', 'https://github.com/acme/app'],
    [
      'https with a token only',
      'https://x-access-token:ghs_abc123@github.com/acme/app.git',
      'https://github.com/acme/app',
    ],
    ['https with a port', 'https://git.example.com:8443/acme/app.git', 'https://git.example.com:8443/acme/app'],
    ['https with its default port', 'https://github.com:443/acme/app.git', 'https://github.com/acme/app'],
    ['http stays http', 'http://localhost:3000/acme/app.git', 'http://localhost:3000/acme/app'],
    ['ssh with a port', 'ssh://git@host:22/acme/app.git', 'https://host/acme/app'],
    ['ssh without a user', 'ssh://github.com/acme/app.git', 'https://github.com/acme/app'],
    ['git://', 'git://github.com/acme/app.git', 'https://github.com/acme/app'],
    ['a trailing slash', 'https://github.com/acme/app/', 'https://github.com/acme/app'],
    ['trailing slashes after .git', 'https://github.com/acme/app.git//', 'https://github.com/acme/app'],
    ['scp-like with a trailing slash', 'git@github.com:acme/app.git/', 'https://github.com/acme/app'],
    ['a newline, as git prints it', 'git@github.com:acme/app.git\n', 'https://github.com/acme/app'],
    ['a query and a fragment are dropped', 'https://github.com/acme/app.git?x=1#y', 'https://github.com/acme/app'],
    ['empty', '', undefined],
    ['blank', '  \n', undefined],
    ['a file URL', 'file:///x', undefined],
    ['a file URL of a repository', 'file:///srv/git/app.git', undefined],
    ['an absolute path', '/srv/git/app.git', undefined],
    ['a relative path', '../app.git', undefined],
    ['a host without a path', 'https://github.com', undefined],
    ['a host with only a slash', 'https://github.com/', undefined],
    ['scp-like without a path', 'git@github.com:', undefined],
    ['another scheme', 'ftp://example.com/acme/app.git', undefined],
    ['not a URL', 'not a url', undefined],
  ])('%s: %j → %s', (_, remote, expected) => {
    expect(webUrlOfRemote(remote)).toBe(expected);
  });

  it.each([
    'https://user:token@github.com/acme/app',
    'https://user:token@github.com/acme/app.git/',
    'ssh://user:token@github.com:22/acme/app.git',
    'http://user:token@localhost:3000/acme/app',
    'user:token@github.com:acme/app.git',
  ])('never keeps the credentials of %s', (remote) => {
    const url = webUrlOfRemote(remote);
    expect(url).toMatch(/^https?:\/\/[^@]+\/acme\/app$/);
    expect(url).not.toContain('token');
    expect(url).not.toContain('user');
  });
});

describe('sourceUrlOf', () => {
  const notAWorkTree = (): string => mkdtempSync(path.join(tmpdir(), 'no-git-'));

  it.each<[string, NodeJS.ProcessEnv, string]>([
    ['GITHUB_REPOSITORY on github.com', { GITHUB_REPOSITORY: 'acme/app' }, 'https://github.com/acme/app'],
    [
      'GITHUB_SERVER_URL of a GitHub Enterprise server',
      { GITHUB_REPOSITORY: 'acme/app', GITHUB_SERVER_URL: 'https://ghe.example.com' },
      'https://ghe.example.com/acme/app',
    ],
    [
      'an empty GITHUB_SERVER_URL',
      { GITHUB_REPOSITORY: 'acme/app', GITHUB_SERVER_URL: '' },
      'https://github.com/acme/app',
    ],
  ])('%s', async (_, env, expected) => {
    // The context is no work tree: the URL comes from the environment alone.
    expect(await sourceUrlOf(env, notAWorkTree())).toBe(expected);
  });

  it('without GITHUB_REPOSITORY, a directory that is no work tree has none', async () => {
    expect(await sourceUrlOf({ GITHUB_REPOSITORY: '' }, notAWorkTree())).toBeUndefined();
    expect(await sourceUrlOf({}, path.join(notAWorkTree(), 'missing'))).toBeUndefined();
  });

  it('without GITHUB_REPOSITORY, the web address of origin, with no credentials; none without origin', async () => {
    const dir = notAWorkTree();
    const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' });
    git('init', '--quiet');
    expect(await sourceUrlOf({}, dir)).toBeUndefined();
    git('remote', 'add', 'origin', 'https://bot:ghp_secret@github.com/acme/app.git');
    expect(await sourceUrlOf({}, dir)).toBe('https://github.com/acme/app');
  });
});
