import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RESOLVE_DEFAULTS, parseResolveInputs, type ResolveInputs } from '../../../src/resolve/inputs.js';
import { resolutionOutputs } from '../../../src/resolve/resolve.js';
import { problemsOf } from '../support.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ACTION_DIR = path.join(ROOT, 'resolve');

interface ActionYml {
  inputs: Record<string, { default?: string | number | boolean; required?: boolean }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}

const action = parse(readFileSync(path.join(ACTION_DIR, 'action.yml'), 'utf8')) as ActionYml;

function actionDefaults(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, spec]) => [name, spec.default === undefined ? '' : String(spec.default)]),
  );
}

function fakeReader(overrides: Record<string, string>): { read: (name: string) => string; asked: string[] } {
  const values: Record<string, string> = { ...actionDefaults(), image: 'ghcr.io/acme/app', ...overrides };
  const asked: string[] = [];
  return {
    asked,
    read: (name: string) => {
      asked.push(name);
      const value = values[name];
      if (value === undefined) throw new Error(`test reader: no input '${name}' in resolve/action.yml`);
      return value;
    },
  };
}

const GHCR_APP = { name: 'ghcr.io/acme/app', registry: 'ghcr.io', path: 'acme/app' };

describe('resolve/action.yml', () => {
  it("runs the resolve bundle from the repository's dist/ on node24", () => {
    expect(action.runs).toEqual({ using: 'node24', main: '../dist/resolve/index.js' });
    expect(existsSync(path.resolve(ACTION_DIR, action.runs.main))).toBe(true);
  });

  it('has the defaults the CLI has', () => {
    const withoutNoDefault = Object.entries(actionDefaults()).filter(
      ([name]) => !['image', 'registry-username', 'registry-password'].includes(name),
    );
    expect(Object.fromEntries(withoutNoDefault)).toEqual(RESOLVE_DEFAULTS);
    expect(action.inputs.image?.required).toBe(true);
  });

  it('declares exactly the outputs the action sets', () => {
    const outputs = resolutionOutputs({
      ref: 'a:latest',
      sha: 'a'.repeat(40),
      tag: 'aaaaaaa',
      digest: '',
      imageRef: 'a:aaaaaaa',
      source: 'local',
      shaFrom: 'env',
    });
    expect(Object.keys(outputs).sort()).toEqual(Object.keys(action.outputs).sort());
  });
});

describe('parseResolveInputs', () => {
  it('gives the documented defaults', () => {
    expect(parseResolveInputs(fakeReader({}).read)).toEqual({
      image: GHCR_APP,
      tag: 'latest',
      shaEnv: 'SHA',
      source: 'auto',
      tagLength: 7,
      registryAuth: undefined,
    } satisfies ResolveInputs);
  });

  it('reads exactly the inputs resolve/action.yml declares, once each', () => {
    const reader = fakeReader({});
    parseResolveInputs(reader.read);
    expect([...reader.asked].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it.each<[string, Record<string, string>, Partial<ResolveInputs>]>([
    ['a short-sha tag', { tag: 'd24155b' }, { tag: 'd24155b' }],
    ['an empty tag (unset dispatch input) means latest', { tag: '' }, { tag: 'latest' }],
    ['a tag with dots, dashes, underscores', { tag: 'v1.2.3-rc_1' }, { tag: 'v1.2.3-rc_1' }],
    ['white space around values', { tag: ' v1 ', source: ' registry ' }, { tag: 'v1', source: 'registry' }],
    ['source local', { source: 'local' }, { source: 'local' }],
    ['source registry', { source: 'registry' }, { source: 'registry' }],
    ['another sha env', { 'sha-env': 'GIT_COMMIT' }, { shaEnv: 'GIT_COMMIT' }],
    ['tag-length 12', { 'tag-length': '12' }, { tagLength: 12 }],
    [
      'credentials',
      { 'registry-username': 'ci', 'registry-password': ' p w ' },
      { registryAuth: { username: 'ci', password: ' p w ' } },
    ],
    [
      'a Docker Hub name',
      { image: 'nginx' },
      { image: { name: 'nginx', registry: 'docker.io', path: 'library/nginx' } },
    ],
    [
      'a loopback registry',
      { image: '127.0.0.1:5000/e2e/app' },
      { image: { name: '127.0.0.1:5000/e2e/app', registry: '127.0.0.1:5000', path: 'e2e/app' } },
    ],
  ])('%s', (_case, overrides, expected) => {
    expect(parseResolveInputs(fakeReader(overrides).read)).toMatchObject(expected);
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'an image with a tag',
      { image: 'ghcr.io/acme/app:v1' },
      `Input 'image' is "ghcr.io/acme/app:v1"; expected a repository without a tag: the tag goes into 'tag'.`,
    ],
    [
      'an image with a digest',
      { image: `acme/app@sha256:${'a'.repeat(64)}` },
      `Input 'image' is "acme/app@sha256:${'a'.repeat(64)}"; expected a repository without a digest: resolve reads a tag.`,
    ],
    ['an empty image', { image: '' }, "Input 'image' is empty; expected a repository name without tag or digest"],
    [
      'an upper-case image',
      { image: 'Acme/App' },
      'Input \'image\' has the path component "App", which is not lowercase',
    ],
    [
      'a tag with a slash',
      { tag: 'feature/x' },
      `Input 'tag' is "feature/x"; expected an image tag: up to 128 of A-Z a-z 0-9 _ . -, not starting with . or -.`,
    ],
    ['a tag starting with a dash', { tag: '-x' }, `Input 'tag' is "-x"`],
    ['a tag of 129 characters', { tag: 'a'.repeat(129) }, `Input 'tag' is "${'a'.repeat(129)}"`],
    ['an unknown source', { source: 'pull' }, `Input 'source' is "pull"; expected auto, local or registry.`],
    [
      'a sha-env that is no variable name',
      { 'sha-env': '1SHA' },
      `Input 'sha-env' is "1SHA"; expected an environment variable name ([A-Za-z_][A-Za-z0-9_]*).`,
    ],
    ['tag-length 3', { 'tag-length': '3' }, `Input 'tag-length' is "3"; expected a whole number from 4 to 40.`],
    [
      'a username without a password',
      { 'registry-username': 'ci' },
      `Input 'registry-password' is empty; expected registry-username and registry-password together, or neither (then the registry is read anonymously).`,
    ],
    ['a password without a username', { 'registry-password': 'x' }, `Input 'registry-username' is empty;`],
  ])('refuses %s', (_case, overrides, message) => {
    const problems = problemsOf(() => parseResolveInputs(fakeReader(overrides).read));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(() =>
      parseResolveInputs(
        fakeReader({ image: 'acme/B', tag: '.x', source: 'x', 'sha-env': '-', 'tag-length': 'x' }).read,
      ),
    );
    expect(problems.map((problem) => /^Input '([^']+)'/.exec(problem)?.[1])).toEqual([
      'image',
      'tag',
      'sha-env',
      'source',
      'tag-length',
    ]);
  });
});
