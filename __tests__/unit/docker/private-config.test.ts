import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readlinkSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createPrivateConfig, privateConfigJson, removePrivateConfig } from '../../../src/docker/private-config.js';

describe('privateConfigJson: the login stays in the run’s own config.json', () => {
  it.each<[string, Record<string, unknown>, string, Record<string, unknown>]>([
    [
      'no credential store: as it is',
      { auths: { 'ghcr.io': { auth: 'eA==' } } },
      'localhost:5000',
      { auths: { 'ghcr.io': { auth: 'eA==' } } },
    ],
    [
      'a store for all: this registry alone kept in the file',
      { credsStore: 'desktop', proxies: { default: { httpProxy: 'http://p:3128' } } },
      'localhost:5000',
      {
        credsStore: 'desktop',
        credHelpers: { 'localhost:5000': '' },
        proxies: { default: { httpProxy: 'http://p:3128' } },
      },
    ],
    [
      'a helper for this registry and one for another: only this one replaced',
      { credHelpers: { 'ghcr.io': 'gh', '123.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login' } },
      'ghcr.io',
      { credHelpers: { 'ghcr.io': '', '123.dkr.ecr.eu-west-1.amazonaws.com': 'ecr-login' } },
    ],
    [
      'Docker Hub: under both names the CLI looks it up by',
      { credsStore: 'pass' },
      'docker.io',
      { credsStore: 'pass', credHelpers: { 'index.docker.io': '', 'https://index.docker.io/v1/': '' } },
    ],
  ])('%s', (_case, config, registry, expected) => {
    expect(privateConfigJson(config, registry)).toEqual(expected);
  });
});

describe('createPrivateConfig and removePrivateConfig', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'private-config-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const shared = path.join(root, 'shared');
  const runnerTemp = path.join(root, 'runner-temp');
  mkdirSync(path.join(shared, 'cli-plugins'), { recursive: true });
  mkdirSync(path.join(shared, 'buildx'));
  mkdirSync(runnerTemp);
  writeFileSync(path.join(shared, 'config.json'), JSON.stringify({ credsStore: 'desktop', currentContext: 'ci' }));

  it('under RUNNER_TEMP, 0700, config.json 0600 with the user’s settings; the rest linked; removed whole', async () => {
    const dir = await createPrivateConfig({ DOCKER_CONFIG: shared, RUNNER_TEMP: runnerTemp }, 'localhost:5000');
    expect(path.dirname(dir)).toBe(runnerTemp);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
    expect(statSync(path.join(dir, 'config.json')).mode & 0o777).toBe(0o600);
    expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual({
      credsStore: 'desktop',
      currentContext: 'ci',
      credHelpers: { 'localhost:5000': '' },
    });
    for (const entry of ['cli-plugins', 'buildx']) {
      expect(lstatSync(path.join(dir, entry)).isSymbolicLink()).toBe(true);
      expect(readlinkSync(path.join(dir, entry))).toBe(path.join(shared, entry));
    }
    await removePrivateConfig(dir);
    expect(() => statSync(dir)).toThrow();
    // What the links pointed to stays, and so does the shared config.
    expect(statSync(path.join(shared, 'cli-plugins')).isDirectory()).toBe(true);
    expect(JSON.parse(readFileSync(path.join(shared, 'config.json'), 'utf8'))).toEqual({
      credsStore: 'desktop',
      currentContext: 'ci',
    });
  });

  it('no shared config at all: an empty one of its own', async () => {
    const dir = await createPrivateConfig(
      { DOCKER_CONFIG: path.join(root, 'none'), RUNNER_TEMP: runnerTemp },
      'ghcr.io',
    );
    expect(JSON.parse(readFileSync(path.join(dir, 'config.json'), 'utf8'))).toEqual({});
    await removePrivateConfig(dir);
  });

  it('refuses to remove a folder it did not make (a saved state that names another)', async () => {
    await expect(removePrivateConfig(shared)).rejects.toThrow(`${shared} is not a docker config this action made.`);
    expect(statSync(shared).isDirectory()).toBe(true);
  });
});
