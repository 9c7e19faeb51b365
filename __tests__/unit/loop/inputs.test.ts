import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  parseInputs,
  parseKeyValueLines,
  parseWaitFor,
  readInputs,
  WAIT_FOR_FORM,
  type Inputs,
  type WaitFor,
} from '../../../src/loop/inputs.js';
import { InputError, parseBoolean, parseInteger, registryPassword } from '../../../src/shared/field-parser.js';
import { cacheForm } from '../../../src/loop/cache.js';
import { CLI_NAMING } from '../../../src/cli/args.js';
import { problemsOf } from '../support.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface ActionYml {
  inputs: Record<string, { default?: string | number | boolean; required?: boolean }>;
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

/** Every input as the runner would pass it with no `with:` apart from image. */
function actionDefaults(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, spec]) => [name, spec.default === undefined ? '' : String(spec.default)]),
  );
}

const SHA40 = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
const SHA64 = 'a'.repeat(64);

/** A fake core.getInput over action.yml's defaults plus `overrides`; records every name it is asked for. */
function fakeReader(overrides: Record<string, string>): { read: (name: string) => string; asked: string[] } {
  const values: Record<string, string> = { ...actionDefaults(), image: 'acme/app', ...overrides };
  const asked: string[] = [];
  return {
    asked,
    read: (name: string) => {
      asked.push(name);
      const value = values[name];
      if (value === undefined) throw new Error(`test reader: no input '${name}' in action.yml`);
      return value;
    },
  };
}

function parseWith(overrides: Record<string, string>): Inputs {
  return parseInputs(fakeReader(overrides).read);
}

function inputErrorOf(overrides: Record<string, string>): InputError {
  try {
    parseWith(overrides);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`expected an InputError for ${JSON.stringify(overrides)}`);
}

describe('parseInputs with action.yml defaults', () => {
  it('gives the documented defaults', () => {
    expect(parseWith({})).toEqual({
      image: { name: 'acme/app', registry: 'docker.io', path: 'acme/app' },
      deploy: false,
      context: '.',
      file: path.join('.', 'Dockerfile'),
      buildArgs: [],
      target: '',
      labels: [],
      builder: '',
      buildSecrets: [],
      cacheFrom: { auto: true, specs: [] },
      cacheTo: { auto: true, specs: [] },
      sha: '',
      tagLength: 7,
      shaEnv: 'SHA',
      prune: 'on',
      pruneKeep: 0,
      pruneGraceSeconds: 120,
      runArgs: [],
      waitFor: { kind: 'auto' },
      waitTimeoutSeconds: 60,
      testCommand: '',
      testOn: 'container',
      testUser: '',
      testEnv: [],
      testTimeoutSeconds: 0,
      testReports: '',
      reportsDir: 'reports',
      registryAuth: undefined,
      pushRetries: 3,
      alsoPush: [],
      envPrefix: 'APP',
      envFile: '',
      notices: [],
    } satisfies Inputs);
    expect(path.join('.', 'Dockerfile')).toBe('Dockerfile');
  });

  it('reads exactly the inputs action.yml declares', () => {
    const reader = fakeReader({});
    parseInputs(reader.read);
    expect(new Set(reader.asked)).toEqual(new Set(Object.keys(action.inputs)));
    expect(reader.asked).toHaveLength(Object.keys(action.inputs).length);
  });

  it('marks only image as required in action.yml', () => {
    expect(
      Object.entries(action.inputs)
        .filter(([, spec]) => spec.required === true)
        .map(([name]) => name),
    ).toEqual(['image']);
  });
});

describe('parseInputs with values', () => {
  it('parses every input when all are set', () => {
    const inputs = parseWith({
      image: ' ghcr.io/acme/app ',
      deploy: 'TRUE',
      context: 'services/api',
      file: 'services/api/Dockerfile.prod',
      'build-args': 'NODE_ENV=production\nVERSION=1.2.3\n',
      target: 'runtime',
      labels: 'com.example.team=web\n',
      builder: 'remote-kit',
      'build-secrets': 'id=npm,env=NPM_TOKEN\n id=key , src=/run/key ',
      'cache-from': 'auto\n ghcr.io/acme/app:main \ntype=gha,scope=api\n',
      // Each key and value trimmed: the spec's text is what buildx gets, and buildx does not trim.
      'cache-to': ' type=registry, ref = ghcr.io/acme/app:buildcache ,mode=max',
      sha: SHA40,
      'tag-length': '12',
      'sha-env': 'GIT_SHA',
      prune: 'False',
      'prune-keep': '3',
      'prune-grace': '0',
      'run-args': '--env=A=B\n--publish 127.0.0.1::8080',
      'wait-for': ' http:8080/health#status=204 ',
      'wait-timeout': '120',
      'test-command': '  curl -fsS http://localhost:8080/health  ',
      'test-on': 'container',
      'test-user': ' app:staff ',
      'test-env': 'API_TOKEN=s3cret\nlower_case=a=b\n',
      'test-timeout': '600',
      'test-reports': ' /app/reports ',
      'reports-dir': ' out/reports ',
      'push-retries': '5',
      'also-push': 'mirror.example.com/acme/app\n\nghcr.io/acme/app\nacme/app\nmirror.example.com/acme/app\n',
      'registry-username': ' bot ',
      'registry-password': 's3cret',
      'env-prefix': ' API ',
      'env-file': ' deploy/set.env ',
    });
    expect(inputs).toEqual({
      image: { name: 'ghcr.io/acme/app', registry: 'ghcr.io', path: 'acme/app' },
      deploy: true,
      context: 'services/api',
      file: 'services/api/Dockerfile.prod',
      buildArgs: [
        { key: 'NODE_ENV', value: 'production' },
        { key: 'VERSION', value: '1.2.3' },
      ],
      target: 'runtime',
      labels: [{ key: 'com.example.team', value: 'web' }],
      builder: 'remote-kit',
      buildSecrets: [
        { id: 'npm', source: { env: 'NPM_TOKEN' } },
        { id: 'key', source: { src: '/run/key' } },
      ],
      cacheFrom: {
        auto: true,
        specs: [
          {
            type: 'registry',
            attributes: { type: 'registry', ref: 'ghcr.io/acme/app:main' },
            text: 'type=registry,ref=ghcr.io/acme/app:main',
          },
          { type: 'gha', attributes: { type: 'gha', scope: 'api' }, text: 'type=gha,scope=api' },
        ],
      },
      cacheTo: {
        auto: false,
        specs: [
          {
            type: 'registry',
            attributes: { type: 'registry', ref: 'ghcr.io/acme/app:buildcache', mode: 'max' },
            text: 'type=registry,ref=ghcr.io/acme/app:buildcache,mode=max',
          },
        ],
      },
      sha: SHA40,
      tagLength: 12,
      shaEnv: 'GIT_SHA',
      prune: 'off',
      pruneKeep: 3,
      pruneGraceSeconds: 0,
      runArgs: ['--env=A=B', '--publish', '127.0.0.1::8080'],
      waitFor: { kind: 'http', port: 8080, path: '/health', status: 204 },
      waitTimeoutSeconds: 120,
      testCommand: 'curl -fsS http://localhost:8080/health',
      testOn: 'container',
      testUser: 'app:staff',
      testEnv: [
        { key: 'API_TOKEN', value: 's3cret' },
        { key: 'lower_case', value: 'a=b' },
      ],
      testTimeoutSeconds: 600,
      testReports: '/app/reports',
      reportsDir: 'out/reports',
      registryAuth: { username: 'bot', password: 's3cret' },
      pushRetries: 5,
      // The image itself and repeats are dropped: each repository gets the tags once.
      alsoPush: [
        { name: 'mirror.example.com/acme/app', registry: 'mirror.example.com', path: 'acme/app' },
        { name: 'acme/app', registry: 'docker.io', path: 'acme/app' },
      ],
      envPrefix: 'API',
      envFile: 'deploy/set.env',
      notices: [],
    } satisfies Inputs);
  });

  it.each([
    ['context set, file empty', { context: 'app' }, 'app', path.join('app', 'Dockerfile')],
    ['context empty', { context: '' }, '.', 'Dockerfile'],
    ['file set', { context: 'app', file: 'docker/Dockerfile' }, 'app', 'docker/Dockerfile'],
  ])('%s → context %s, file %s', (_case, overrides, context, file) => {
    const inputs = parseWith(overrides);
    expect([inputs.context, inputs.file]).toEqual([context, file]);
  });

  it.each([
    ['a 40-character sha', SHA40],
    ['a 64-character sha', SHA64],
    ['an empty sha', ''],
  ])('accepts %s', (_case, sha) => {
    expect(parseWith({ sha }).sha).toBe(sha);
  });

  it.each([
    ['tag-length', '4', 'tagLength', 4],
    ['tag-length', '40', 'tagLength', 40],
    ['wait-timeout', '1', 'waitTimeoutSeconds', 1],
    ['wait-timeout', '21600', 'waitTimeoutSeconds', 21600],
    ['test-timeout', '0', 'testTimeoutSeconds', 0],
    ['test-timeout', '86400', 'testTimeoutSeconds', 86400],
  ] as const)('accepts %s %s (range bound)', (name, raw, key, expected) => {
    expect(parseWith({ [name]: raw })[key]).toBe(expected);
  });
});

describe('parseInputs rejects bad values', () => {
  it.each([
    ['image', '', 'is empty; expected a repository name'],
    [
      'image',
      'acme/app:1',
      'must not include a tag (":1"): the action tags the image with the commit sha; expected a repository name',
    ],
    // Upper case is lower-cased (see below) unless the name has another fault: then the first fault is named.
    ['image', 'acme/App!', 'has the path component "App!", which is not lowercase; expected a repository name'],
    ['image', 'ghcr.io/Acme/App:v1', 'must not include a tag (":v1"): the action tags the image with the commit sha'],
    ['deploy', 'yes', 'is "yes"; expected true or false'],
    ['prune', '1', 'is "1"; expected true, false or dry-run'],
    ['prune', 'dryrun', 'is "dryrun"; expected true, false or dry-run'],
    ['prune-keep', '-1', 'is "-1"; expected a whole number from 0 to 1000'],
    ['prune-keep', '1001', 'is "1001"; expected a whole number from 0 to 1000'],
    ['prune-grace', '1h', 'is "1h"; expected a whole number from 0 to 86400'],
    ['builder', 'my builder', 'is "my builder"; expected a buildx builder name'],
    ['build-secrets', 'npm', 'line 1 is "npm"; expected id=NAME,env=VARIABLE or id=NAME,src=PATH'],
    ['build-secrets', 'id=npm', 'line 1 is "id=npm"; expected id=NAME,env=VARIABLE or id=NAME,src=PATH'],
    [
      'build-secrets',
      'id=npm,env=A,src=/b',
      'line 1 is "id=npm,env=A,src=/b"; expected id=NAME,env=VARIABLE or id=NAME,src=PATH',
    ],
    [
      'build-secrets',
      'id=npm,value=x',
      'line 1 is "id=npm,value=x"; expected id=NAME,env=VARIABLE or id=NAME,src=PATH',
    ],
    ['build-secrets', 'id=a b,env=X', 'line 1 is "id=a b,env=X"; expected id=NAME,env=VARIABLE or id=NAME,src=PATH'],
    [
      'cache-from',
      'type=inline',
      `line 1 is "type=inline": type=inline is not one of registry, local, gha, s3, azblob; expected ${cacheForm('from')}`,
    ],
    [
      'cache-from',
      'type=registry',
      `line 1 is "type=registry": it has no ref=… (type=registry needs one); expected ${cacheForm('from')}`,
    ],
    [
      'cache-from',
      'none\nauto',
      `line 1 is none beside other lines (none stands alone); expected ${cacheForm('from')}`,
    ],
    [
      'cache-to',
      'type=local,src=/c',
      `line 1 is "type=local,src=/c": it has no dest=… (type=local needs one); expected ${cacheForm('to')}`,
    ],
    ['cache-to', 'type=gha,mode', `line 1 is "type=gha,mode": "mode" is not key=value; expected ${cacheForm('to')}`],
    ['push-retries', '11', 'is "11"; expected a whole number from 0 to 10'],
    ['push-retries', 'forever', 'is "forever"; expected a whole number from 0 to 10'],
    ['also-push', 'mirror.example.com/acme/app:v1', 'line 1 "mirror.example.com/acme/app:v1" must not include a tag'],
    ['also-push', 'ok/app\nBad/App!', 'line 2 "Bad/App!" has the path component "App!", which is not lowercase'],
    ['tag-length', '3', 'is "3"; expected a whole number from 4 to 40'],
    ['tag-length', '41', 'is "41"; expected a whole number from 4 to 40'],
    ['tag-length', '7.5', 'is "7.5"; expected a whole number from 4 to 40'],
    ['tag-length', 'abc', 'is "abc"; expected a whole number from 4 to 40'],
    ['tag-length', '', 'is ""; expected a whole number from 4 to 40'],
    ['wait-timeout', '0', 'is "0"; expected a whole number from 1 to 21600'],
    ['wait-timeout', '-1', 'is "-1"; expected a whole number from 1 to 21600'],
    ['wait-timeout', '21601', 'is "21601"; expected a whole number from 1 to 21600'],
    [
      'sha',
      SHA40.toUpperCase(),
      `is "${SHA40.toUpperCase()}"; expected a full commit sha: 40 (or 64) lowercase hex characters`,
    ],
    ['sha', 'd24155b', 'is "d24155b"; expected a full commit sha'],
    ['sha', `${SHA40}0`, `is "${SHA40}0"; expected a full commit sha`],
    ['sha-env', '1X', 'is "1X"; expected an environment variable name'],
    ['sha-env', 'GIT-SHA', 'is "GIT-SHA"; expected an environment variable name'],
    ['sha-env', '', 'is ""; expected an environment variable name'],
    ['target', 'a b', 'is "a b"; expected a build stage name'],
    ['target', '-stage', 'is "-stage"; expected a build stage name'],
    ['build-args', 'NOEQUALS', 'line 1 is "NOEQUALS"; expected one KEY=VALUE per line'],
    ['build-args', 'A=1\n=2', 'line 2 is "=2"; expected one KEY=VALUE per line'],
    ['build-args', '1A=x', 'line 1 is "1A=x"; expected one KEY=VALUE per line'],
    ['labels', 'a b=c', 'line 1 is "a b=c"; expected one KEY=VALUE per line'],
    ['labels', 'ok=1\nnope', 'line 2 is "nope"; expected one KEY=VALUE per line'],
    ['run-args', 'foo', 'line 1 is "foo"; expected one docker run option per line, starting with "-"'],
    ['run-args', '--rm', 'line 1 uses --rm, which is not allowed'],
    ['run-args', '--rm=true', 'line 1 uses --rm, which is not allowed'],
    ['run-args', '-d', 'line 1 uses -d, which is not allowed'],
    ['run-args', '--detach', 'line 1 uses --detach, which is not allowed'],
    ['run-args', '--name=x', 'line 1 uses --name, which is not allowed'],
    ['run-args', '--name x', 'line 1 uses --name, which is not allowed'],
    ['run-args', '--env=A=B\n--name x', 'line 2 uses --name, which is not allowed'],
    ['wait-for', '', `is ""; expected ${WAIT_FOR_FORM}`],
    ['wait-for', 'ready', `is "ready"; expected ${WAIT_FOR_FORM}`],
    ['wait-for', 'exit:1', `is "exit:1"; expected ${WAIT_FOR_FORM}`],
    ['wait-for', 'tcp:0', `has the port "0"; expected ${WAIT_FOR_FORM}`],
    ['wait-for', 'tcp:70000', `has the port "70000"; expected ${WAIT_FOR_FORM}`],
    ['wait-for', 'tcp:abc', `has the port "abc"; expected ${WAIT_FOR_FORM}`],
    [
      'wait-for',
      'http:',
      `is "http:"; an http check names the container port, as http:PORT/path or http://127.0.0.1:PORT/path; expected ${WAIT_FOR_FORM}`,
    ],
    [
      'wait-for',
      'http://example.com:80/',
      `is "http://example.com:80/"; an http check names the container port, as http:PORT/path or http://127.0.0.1:PORT/path; expected ${WAIT_FOR_FORM}`,
    ],
    ['wait-for', 'log:', `has an empty regular expression; expected ${WAIT_FOR_FORM}`],
    [
      'wait-for',
      'log:(',
      `has an invalid regular expression: Invalid regular expression: /(/: Unterminated group; expected ${WAIT_FOR_FORM}`,
    ],
    ['test-on', 'host', 'is "host"; expected container or runner'],
    ['test-on', '', 'is ""; expected container or runner'],
    ['test-on', 'Container', 'is "Container"; expected container or runner'],
    ['test-user', 'a b', 'is "a b"; expected a user name or uid, optionally :group or :gid'],
    ['test-user', 'app:', 'is "app:"; expected a user name or uid, optionally :group or :gid'],
    ['test-user', ':staff', 'is ":staff"; expected a user name or uid, optionally :group or :gid'],
    ['test-user', 'a:b:c', 'is "a:b:c"; expected a user name or uid, optionally :group or :gid'],
    ['test-user', '$(id)', 'is "$(id)"; expected a user name or uid, optionally :group or :gid'],
    ['test-env', 'lower-case=1', 'line 1 is "lower-case=1"; expected one KEY=VALUE per line'],
    ['test-env', 'A.B=1', 'line 1 is "A.B=1"; expected one KEY=VALUE per line'],
    ['test-env', '1A=1', 'line 1 is "1A=1"; expected one KEY=VALUE per line'],
    ['test-env', 'TOKEN', 'line 1 is "TOKEN"; expected one KEY=VALUE per line'],
    ['test-env', 'A=1\n=2', 'line 2 is "=2"; expected one KEY=VALUE per line'],
    ['test-env', 'A B=1', 'line 1 is "A B=1"; expected one KEY=VALUE per line'],
    ['test-timeout', '-1', 'is "-1"; expected a whole number from 0 to 86400'],
    ['test-timeout', '86401', 'is "86401"; expected a whole number from 0 to 86400'],
    ['test-timeout', '1m', 'is "1m"; expected a whole number from 0 to 86400'],
    ['test-timeout', '', 'is ""; expected a whole number from 0 to 86400'],
    ['test-reports', 'reports', 'is "reports"; expected an absolute path inside the container, e.g. /app/reports'],
    ['test-reports', './reports', 'is "./reports"; expected an absolute path inside the container, e.g. /app/reports'],
    ['test-reports', '~/reports', 'is "~/reports"; expected an absolute path inside the container, e.g. /app/reports'],
    [
      'test-reports',
      '/',
      `is "/", the container's whole file system; expected the directory the tests write their reports to, e.g. /app/reports`,
    ],
    [
      'test-reports',
      '/app/..',
      `is "/app/..", the container's whole file system; expected the directory the tests write their reports to, e.g. /app/reports`,
    ],
    [
      'test-reports',
      '//',
      `is "//", the container's whole file system; expected the directory the tests write their reports to, e.g. /app/reports`,
    ],
    ['reports-dir', '.', 'is "."; expected a directory relative to the workspace, inside it'],
    ['reports-dir', 'a\nb', 'contains a line break; expected one directory path'],
    ['reports-dir', 'a\0b', 'contains a line break; expected one directory path'],
    ['reports-dir', 'a/..', 'is "a/.."; expected a directory relative to the workspace, inside it'],
    ['reports-dir', 'a/../../b', 'is "a/../../b"; expected a directory relative to the workspace, inside it'],
    ['env-file', '/tmp/set.env', 'is "/tmp/set.env"; expected a file path relative to the workspace, inside it'],
    ['env-file', '../set.env', 'is "../set.env"; expected a file path relative to the workspace, inside it'],
    ['reports-dir', '', 'is ""; expected a directory relative to the workspace, inside it'],
    ['reports-dir', '   ', 'is ""; expected a directory relative to the workspace, inside it'],
    ['reports-dir', '../outside', 'is "../outside"; expected a directory relative to the workspace, inside it'],
    ['reports-dir', '/etc/reports', 'is "/etc/reports"; expected a directory relative to the workspace, inside it'],
    ['env-prefix', '1X', 'is "1X"; expected an environment variable name ([A-Za-z_][A-Za-z0-9_]*)'],
    ['env-prefix', 'WEB-APP', 'is "WEB-APP"; expected an environment variable name ([A-Za-z_][A-Za-z0-9_]*)'],
    ['env-prefix', 'WEB APP', 'is "WEB APP"; expected an environment variable name ([A-Za-z_][A-Za-z0-9_]*)'],
    ['env-file', 'a.env\nb.env', 'contains a line break; expected one file path'],
    ['env-file', 'a.env\r\nb.env', 'contains a line break; expected one file path'],
    ['env-file', 'a\0.env', 'contains a line break; expected one file path'],
  ])("%s %j → Input '<name>' %s", (name, raw, fragment) => {
    const error = inputErrorOf({ [name]: raw });
    expect(error.name).toBe('InputError');
    expect(error.problems).toHaveLength(1);
    expect(error.message).toBe(error.problems[0]);
    expect(error.message).toContain(`Input '${name}' ${fragment}`);
    expect(error.message.endsWith('.')).toBe(true);
  });

  it.each([
    ['username without password', { 'registry-username': 'bot' }, 'registry-password'],
    ['password without username', { 'registry-password': 's3cret' }, 'registry-username'],
    [
      'blank username with password',
      { 'registry-username': '   ', 'registry-password': 's3cret' },
      'registry-username',
    ],
  ])('%s names the missing one', (_case, overrides, missing) => {
    const error = inputErrorOf(overrides);
    expect(error.problems).toEqual([
      `Input '${missing}' is empty; expected registry-username and registry-password together, or neither (then an earlier docker login is used).`,
    ]);
  });

  it('collects every problem into one error', () => {
    const error = inputErrorOf({
      image: 'acme/App!',
      deploy: 'yes',
      'tag-length': '3',
      'run-args': '--rm',
      'registry-username': 'bot',
    });
    expect(error.problems).toHaveLength(5);
    expect(error.problems.map((p) => /^Input '([^']+)'/.exec(p)?.[1])).toEqual([
      'image',
      'deploy',
      'tag-length',
      'run-args',
      'registry-password',
    ]);
    expect(error.message).toBe(`Invalid inputs:\n${error.problems.map((p) => `  - ${p}`).join('\n')}`);
    expect(error.message.split('\n')).toHaveLength(6);
  });

  it('says all of a cache input in one problem, in input order with the others', () => {
    const error = inputErrorOf({
      builder: 'my builder',
      'cache-from': 'type=redis\ntype=local',
      'cache-to': 'none\ntype=inline',
      sha: 'd24155b',
    });
    expect(error.problems.map((p) => /^Input '([^']+)'/.exec(p)?.[1])).toEqual([
      'builder',
      'cache-from',
      'cache-to',
      'sha',
    ]);
    expect(error.problems[1]).toBe(
      `Input 'cache-from' line 1 is "type=redis": type=redis is not one of registry, local, gha, s3, azblob; line 2 is "type=local": it has no src=… (type=local needs one); expected ${cacheForm('from')}.`,
    );
    expect(error.problems[2]).toBe(
      `Input 'cache-to' line 1 is none beside other lines (none stands alone); expected ${cacheForm('to')}.`,
    );
  });
});

describe('parseInputs: wait-for and the test phase', () => {
  it.each<[string, WaitFor]>([
    ['auto', { kind: 'auto' }],
    ['healthy', { kind: 'healthy' }],
    ['running', { kind: 'running' }],
    ['exit:0', { kind: 'exit' }],
    ['tcp:5432', { kind: 'tcp', port: 5432 }],
    ['  tcp:5432\n', { kind: 'tcp', port: 5432 }],
    ['log:^ready$', { kind: 'log', pattern: /^ready$/ }],
    ['http:8080', { kind: 'http', port: 8080, path: '/', status: undefined }],
    ['http:8080/health', { kind: 'http', port: 8080, path: '/health', status: undefined }],
    ['http://127.0.0.1:8080/health', { kind: 'http', port: 8080, path: '/health', status: undefined }],
    ['http://localhost:8080/x#status=204', { kind: 'http', port: 8080, path: '/x', status: 204 }],
    ['http:8080#status=404', { kind: 'http', port: 8080, path: '/', status: 404 }],
  ])('wait-for %j → %j', (raw, expected) => {
    const waitFor = parseWith({ 'wait-for': raw }).waitFor;
    expect(waitFor).toEqual(expected);
    expect(waitFor).toEqual(parseWaitFor(raw.trim()));
    if (waitFor.kind === 'log' && expected.kind === 'log') expect(waitFor.pattern.source).toBe(expected.pattern.source);
  });

  it.each<[string, Record<string, string>, Partial<Inputs>]>([
    ['test-on runner', { 'test-on': 'runner' }, { testOn: 'runner', testUser: '' }],
    [
      'test-on container with a user name',
      { 'test-on': 'container', 'test-user': 'app' },
      { testOn: 'container', testUser: 'app' },
    ],
    ['test-user uid', { 'test-user': '1000' }, { testUser: '1000' }],
    ['test-user uid:gid', { 'test-user': '1000:1000' }, { testUser: '1000:1000' }],
    ['test-user name:group', { 'test-user': 'www-data:www-data' }, { testUser: 'www-data:www-data' }],
    ['test-user with a dot and underscore', { 'test-user': 'svc.user_1' }, { testUser: 'svc.user_1' }],
    ['test-user blank', { 'test-user': '   ' }, { testUser: '' }],
    [
      'test-user empty with test-on runner',
      { 'test-on': 'runner', 'test-user': '' },
      { testOn: 'runner', testUser: '' },
    ],
    ['test-env: upper case', { 'test-env': 'API_TOKEN=s3cret' }, { testEnv: [{ key: 'API_TOKEN', value: 's3cret' }] }],
    [
      'test-env: lower case and underscores',
      { 'test-env': 'lower_case=1\n_private=2' },
      {
        testEnv: [
          { key: 'lower_case', value: '1' },
          { key: '_private', value: '2' },
        ],
      },
    ],
    [
      'test-env: digits after the first character',
      { 'test-env': 'A1=x\nb2_C3=' },
      {
        testEnv: [
          { key: 'A1', value: 'x' },
          { key: 'b2_C3', value: '' },
        ],
      },
    ],
    [
      'test-env: values keep "=" and spaces after it; the line is trimmed',
      { 'test-env': 'URL=postgres://u:p@db/x?a=1\n  MSG= two words  ' },
      {
        testEnv: [
          { key: 'URL', value: 'postgres://u:p@db/x?a=1' },
          { key: 'MSG', value: ' two words' },
        ],
      },
    ],
    [
      'test-env with test-on runner',
      { 'test-on': 'runner', 'test-env': 'A=1' },
      { testOn: 'runner', testEnv: [{ key: 'A', value: '1' }] },
    ],
    ['test-timeout', { 'test-timeout': '900' }, { testTimeoutSeconds: 900 }],
    ['test-reports', { 'test-reports': '/app/reports' }, { testReports: '/app/reports' }],
    ['test-reports with a trailing slash', { 'test-reports': '/app/reports/' }, { testReports: '/app/reports/' }],
    ['reports-dir nested', { 'reports-dir': 'build/test-results' }, { reportsDir: 'build/test-results' }],
    ['reports-dir with ./', { 'reports-dir': './junit' }, { reportsDir: './junit' }],
  ])('accepts %s', (_case, overrides, expected) => {
    expect(parseWith(overrides)).toMatchObject(expected);
  });

  it('refuses test-user with test-on runner', () => {
    expect(inputErrorOf({ 'test-on': 'runner', 'test-user': 'app' }).problems).toEqual([
      "Input 'test-user' is set, but test-on is runner; expected it only with test-on: container.",
    ]);
  });

  const EXIT_ON_CONTAINER =
    "Input 'test-on' is container, but wait-for exit:0 waits until the container has stopped, and a stopped container cannot run a test-command; expected test-on: runner (or no test-command).";

  it.each<[string, Record<string, string>]>([
    ['test-on container', { 'wait-for': 'exit:0', 'test-command': 'pytest', 'test-on': 'container' }],
    ['test-on left at its default', { 'wait-for': 'exit:0', 'test-command': 'pytest' }],
    ['wait-for with spaces around it', { 'wait-for': ' exit:0 ', 'test-command': 'pytest' }],
  ])('refuses wait-for exit:0 with a test-command and %s, naming test-on', (_case, overrides) => {
    expect(inputErrorOf(overrides).problems).toEqual([EXIT_ON_CONTAINER]);
  });

  it.each<[string, Record<string, string>, Partial<Inputs>]>([
    [
      'with test-on runner',
      { 'wait-for': 'exit:0', 'test-command': 'pytest', 'test-on': 'runner' },
      { waitFor: { kind: 'exit' }, testCommand: 'pytest', testOn: 'runner' },
    ],
    [
      'with no test-command',
      { 'wait-for': 'exit:0', 'test-on': 'container' },
      { waitFor: { kind: 'exit' }, testCommand: '', testOn: 'container' },
    ],
    [
      'with a blank test-command',
      { 'wait-for': 'exit:0', 'test-command': '   ' },
      { waitFor: { kind: 'exit' }, testCommand: '', testOn: 'container' },
    ],
    [
      'with test-reports (copied out of the stopped container)',
      { 'wait-for': 'exit:0', 'test-reports': '/app/reports' },
      { waitFor: { kind: 'exit' }, testReports: '/app/reports' },
    ],
    [
      'other wait-for with a test-command in the container',
      { 'wait-for': 'running', 'test-command': 'pytest' },
      { waitFor: { kind: 'running' }, testOn: 'container' },
    ],
  ])('accepts wait-for exit:0 %s', (_case, overrides, expected) => {
    expect(parseWith(overrides)).toMatchObject(expected);
  });

  it('reports a bad test-on once, not also as "is container" for exit:0', () => {
    expect(inputErrorOf({ 'wait-for': 'exit:0', 'test-command': 'pytest', 'test-on': 'host' }).problems).toEqual([
      'Input \'test-on\' is "host"; expected container or runner.',
    ]);
  });

  it('collects the problems of the new inputs with the others, in input order', () => {
    const error = inputErrorOf({
      'wait-for': 'ready',
      'test-on': 'runner',
      'test-user': 'app',
      'test-env': 'a-b=1',
      'test-timeout': '-1',
      'test-reports': 'reports',
      'reports-dir': '',
    });
    expect(error.problems.map((p) => /^Input '([^']+)'/.exec(p)?.[1])).toEqual([
      'wait-for',
      'test-user',
      'test-env',
      'test-timeout',
      'test-reports',
      'reports-dir',
    ]);
  });
});

describe('parseInputs: upper case in a repository path', () => {
  const lowered = (subject: string, raw: string, image: string): string =>
    `${subject} is "${raw}": registries refuse upper-case repository paths, so the image is ${image}.`;

  it.each<[string, Record<string, string>, Partial<Inputs>]>([
    [
      'image ghcr.io/${{ github.repository }} of Acme/App',
      { image: 'ghcr.io/Acme/App' },
      {
        image: { name: 'ghcr.io/acme/app', registry: 'ghcr.io', path: 'acme/app' },
        envPrefix: 'APP',
        notices: [lowered("Input 'image'", 'ghcr.io/Acme/App', 'ghcr.io/acme/app')],
      },
    ],
    [
      'a Docker Hub image',
      { image: 'Acme/App' },
      {
        image: { name: 'acme/app', registry: 'docker.io', path: 'acme/app' },
        notices: [lowered("Input 'image'", 'Acme/App', 'acme/app')],
      },
    ],
    [
      'a registry port; the prefix of the lower-cased name',
      { image: 'localhost:5000/Web-App' },
      {
        image: { name: 'localhost:5000/web-app', registry: 'localhost:5000', path: 'web-app' },
        envPrefix: 'WEB_APP',
        notices: [lowered("Input 'image'", 'localhost:5000/Web-App', 'localhost:5000/web-app')],
      },
    ],
    [
      'an upper-case host only: as written, no notice',
      { image: 'GHCR.IO/acme/app' },
      { image: { name: 'GHCR.IO/acme/app', registry: 'GHCR.IO', path: 'acme/app' }, notices: [] },
    ],
    ['all lower case: no notice', { image: 'ghcr.io/acme/app' }, { notices: [] }],
    [
      'an also-push line',
      { image: 'ghcr.io/acme/app', 'also-push': 'mirror.example.com/acme/app\nmirror.example.com/Acme/Web' },
      {
        alsoPush: [
          { name: 'mirror.example.com/acme/app', registry: 'mirror.example.com', path: 'acme/app' },
          { name: 'mirror.example.com/acme/web', registry: 'mirror.example.com', path: 'acme/web' },
        ],
        notices: [lowered("Input 'also-push'", 'mirror.example.com/Acme/Web', 'mirror.example.com/acme/web')],
      },
    ],
    [
      'the image and also-push lines, in input order',
      { image: 'ghcr.io/Acme/App', 'also-push': 'Acme/App\nquay.io/acme/app' },
      {
        image: { name: 'ghcr.io/acme/app', registry: 'ghcr.io', path: 'acme/app' },
        alsoPush: [
          { name: 'acme/app', registry: 'docker.io', path: 'acme/app' },
          { name: 'quay.io/acme/app', registry: 'quay.io', path: 'acme/app' },
        ],
        notices: [
          lowered("Input 'image'", 'ghcr.io/Acme/App', 'ghcr.io/acme/app'),
          lowered("Input 'also-push'", 'Acme/App', 'acme/app'),
        ],
      },
    ],
    [
      'an also-push line that is the image once lower-cased: dropped as the image itself',
      { image: 'ghcr.io/acme/app', 'also-push': 'ghcr.io/Acme/App' },
      { alsoPush: [], notices: [lowered("Input 'also-push'", 'ghcr.io/Acme/App', 'ghcr.io/acme/app')] },
    ],
  ])('%s', (_case, overrides, expected) => {
    expect(parseWith(overrides)).toMatchObject(expected);
  });

  it('the CLI names its own option', () => {
    const values: Record<string, string> = { ...actionDefaults(), image: 'ghcr.io/Acme/App' };
    expect(parseInputs((name) => values[name] ?? '', CLI_NAMING).notices).toEqual([
      lowered('--image', 'ghcr.io/Acme/App', 'ghcr.io/acme/app'),
    ]);
  });
});

describe('parseInputs: env-prefix and env-file', () => {
  it.each<[string, Record<string, string>, Partial<Inputs>]>([
    [
      'the default prefix: the last path component, upper-cased',
      { image: 'ghcr.io/acme/web-app' },
      { envPrefix: 'WEB_APP' },
    ],
    ['of an official image', { image: 'nginx' }, { envPrefix: 'NGINX' }],
    ['dots and dashes become _', { image: 'a/b.c--d' }, { envPrefix: 'B_C__D' }],
    ['a registry port is not part of it', { image: 'localhost:5000/app' }, { envPrefix: 'APP' }],
    ['an explicit prefix', { 'env-prefix': 'WEB' }, { envPrefix: 'WEB' }],
    ['an explicit prefix, trimmed, lower case kept', { 'env-prefix': ' web_1 ' }, { envPrefix: 'web_1' }],
    [
      'an explicit prefix where the derived one is no variable name',
      { image: 'acme/2048', 'env-prefix': 'GAME' },
      { envPrefix: 'GAME' },
    ],
    ['an env-file', { 'env-file': 'deploy/set.env' }, { envFile: 'deploy/set.env' }],
    ['an env-file, trimmed', { 'env-file': '  set.env \n' }, { envFile: 'set.env' }],
    ['no env-file', { 'env-file': '   ' }, { envFile: '' }],
  ])('%s', (_case, overrides, expected) => {
    expect(parseWith(overrides)).toMatchObject(expected);
  });

  it.each([
    ['acme/2048', '_2048'],
    ['2048-game', '_2048_GAME'],
    ['ghcr.io/acme/3d-viewer', '_3D_VIEWER'],
  ])('takes the image %s, whose last path component starts with a digit, with the prefix %s', (image, derived) => {
    expect(parseWith({ image })).toMatchObject({ envPrefix: derived });
  });

  it('a bad image: no second problem about the prefix it would give', () => {
    expect(inputErrorOf({ image: 'acme/App!' }).problems.map((p) => /^Input '([^']+)'/.exec(p)?.[1])).toEqual([
      'image',
    ]);
  });
});

describe('readInputs: env-file', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'inputs-env-file-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, 'Dockerfile'), 'FROM scratch\n');
  mkdirSync(path.join(dir, 'a-directory'));
  const files: Record<string, string> = {
    'other.env': 'APP_IMAGE=other/image\nAPP_SHA=x\n',
    'same.env': `# shop\nAPP_IMAGE=acme/app\nAPP_TAG=aaaaaaa\nWEB_IMAGE=ghcr.io/acme/web\n`,
    'groups.env': 'WEB_IMAGE=ghcr.io/acme/web\nAPP_IMAGE_IMAGE=other/image\nMY_APP_IMAGE=other/image\n',
    'crlf.env': 'X=1\r\nAPP_IMAGE=other/image\r\n',
    'empty.env': '',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);

  // The workspace is `dir`: env-file is relative to it.
  const read = (overrides: Record<string, string>): Inputs =>
    readInputs(fakeReader({ context: dir, file: path.join(dir, 'Dockerfile'), ...overrides }).read, {
      env: {},
      mask: () => undefined,
      workspace: dir,
    });

  it.each<[string, Record<string, string>]>([
    ['a file not there yet', { 'env-file': 'new/set.env' }],
    ['an empty file', { 'env-file': 'empty.env' }],
    ['a file with the same image under the prefix', { 'env-file': 'same.env' }],
    ['a file with other groups only (APP_IMAGE_*, MY_APP_*)', { 'env-file': 'groups.env' }],
    [
      'a file with another image under the default prefix, and a prefix of its own',
      { 'env-file': 'other.env', 'env-prefix': 'MINE' },
    ],
    ['no env-file', { 'env-file': '' }],
  ])('accepts %s', (_case, overrides) => {
    const file = overrides['env-file'] ?? '';
    expect(read(overrides).envFile).toBe(file === '' ? '' : path.join(dir, file));
  });

  it.each<[string, Record<string, string>, (file: string) => string]>([
    [
      'a directory',
      { 'env-file': 'a-directory' },
      (file) => `Input 'env-file' is ${file}, which is a directory; expected a file path.`,
    ],
    [
      'another image under the same prefix',
      { 'env-file': 'other.env' },
      (file) =>
        `Input 'env-file' ${file} has APP_IMAGE=other/image already, another image under the same prefix; expected an env-prefix of its own for acme/app.`,
    ],
    [
      'another image under the same explicit prefix, CRLF lines',
      { 'env-file': 'crlf.env', image: 'ghcr.io/acme/web', 'env-prefix': 'APP' },
      (file) =>
        `Input 'env-file' ${file} has APP_IMAGE=other/image already, another image under the same prefix; expected an env-prefix of its own for ghcr.io/acme/web.`,
    ],
  ])('refuses %s, naming env-file', (_case, overrides, message) => {
    expect(problemsOf(() => read(overrides))).toEqual([message(path.join(dir, overrides['env-file'] ?? ''))]);
  });

  it('with the other problems readInputs finds', () => {
    const problems = problemsOf(() => read({ context: path.join(dir, 'missing'), 'env-file': 'a-directory' }));
    expect(problems.map((p) => /^Input '([^']+)'/.exec(p)?.[1])).toEqual(['context', 'env-file']);
  });
});

describe('InputError', () => {
  it.each([
    [['one problem.'], 'one problem.'],
    [['a.', 'b.'], 'Invalid inputs:\n  - a.\n  - b.'],
  ])('%j → %j', (problems, message) => {
    const error = new InputError(problems);
    expect(error).toBeInstanceOf(Error);
    expect([error.name, error.message, error.problems]).toEqual(['InputError', message, problems]);
  });
});

describe('parseKeyValueLines', () => {
  const buildArgKey = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

  it.each([
    ['A=B', [{ key: 'A', value: 'B' }]],
    ['URL=https://x/?a=1&b=2', [{ key: 'URL', value: 'https://x/?a=1&b=2' }]],
    ['EQ==', [{ key: 'EQ', value: '=' }]],
    ['EMPTY=', [{ key: 'EMPTY', value: '' }]],
    [
      'A=1\n\n  B=two words  \r\nC=',
      [
        { key: 'A', value: '1' },
        { key: 'B', value: 'two words' },
        { key: 'C', value: '' },
      ],
    ],
    ['', []],
    [
      'A=1\nA=2',
      [
        { key: 'A', value: '1' },
        { key: 'A', value: '2' },
      ],
    ],
  ])('%j → %j', (raw, expected) => {
    expect(parseKeyValueLines(raw, buildArgKey)).toEqual(expected);
  });

  it.each([
    ['NOEQUALS', 'line 1 is "NOEQUALS"; expected one KEY=VALUE per line'],
    ['=value', 'line 1 is "=value"; expected one KEY=VALUE per line'],
    ['A=1\nB C=2', 'line 2 is "B C=2"; expected one KEY=VALUE per line'],
    ['A=1\n\nbad', 'line 2 is "bad"; expected one KEY=VALUE per line'],
  ])('rejects %j: %s', (raw, message) => {
    expect(() => parseKeyValueLines(raw, buildArgKey)).toThrow(message);
  });
});

describe('parseBoolean', () => {
  it.each([
    ['true', true],
    ['True', true],
    ['TRUE', true],
    ['false', false],
    ['False', false],
    ['FALSE', false],
  ])('%j → %s', (raw, expected) => {
    expect(parseBoolean(raw)).toBe(expected);
  });

  it.each(['', 'yes', 'no', '1', '0', 'on', 'tRUE', 'fAlse', ' true', 'true '])('rejects %j', (raw) => {
    expect(() => parseBoolean(raw)).toThrow(`is "${raw}"; expected true or false`);
  });
});

describe('parseInteger', () => {
  const range = { min: 4, max: 40 };

  it.each([
    ['4', 4],
    ['40', 40],
    ['007', 7],
  ])('%j → %d', (raw, expected) => {
    expect(parseInteger(raw, range)).toBe(expected);
  });

  it.each(['3', '41', '', ' 7', '7.0', '1e1', '0x10', '+7', '-7'])('rejects %j', (raw) => {
    expect(() => parseInteger(raw, range)).toThrow(`is "${raw}"; expected a whole number from 4 to 40`);
  });
});

describe('parseWaitFor', () => {
  it.each<[string, WaitFor]>([
    ['auto', { kind: 'auto' }],
    ['healthy', { kind: 'healthy' }],
    ['running', { kind: 'running' }],
    ['exit:0', { kind: 'exit' }],
    ['tcp:5432', { kind: 'tcp', port: 5432 }],
    ['tcp:1', { kind: 'tcp', port: 1 }],
    ['tcp:65535', { kind: 'tcp', port: 65535 }],
    ['tcp:08080', { kind: 'tcp', port: 8080 }],
    ['http:8080', { kind: 'http', port: 8080, path: '/', status: undefined }],
    ['http:8080/', { kind: 'http', port: 8080, path: '/', status: undefined }],
    ['http:8080/health', { kind: 'http', port: 8080, path: '/health', status: undefined }],
    ['http:8080/health?full=1', { kind: 'http', port: 8080, path: '/health?full=1', status: undefined }],
    ['http://127.0.0.1:8080/health', { kind: 'http', port: 8080, path: '/health', status: undefined }],
    ['http://127.0.0.1:8080', { kind: 'http', port: 8080, path: '/', status: undefined }],
    ['http://localhost:8080/x#status=204', { kind: 'http', port: 8080, path: '/x', status: 204 }],
    ['http:8080#status=404', { kind: 'http', port: 8080, path: '/', status: 404 }],
    ['http:8080/#status=301', { kind: 'http', port: 8080, path: '/', status: 301 }],
  ])('%j → %j', (raw, expected) => {
    expect(parseWaitFor(raw)).toEqual(expected);
  });

  it.each<[string, string, string]>([
    ['log:^ready$', '^ready$', ''],
    ['log:Listening on port \\d+', 'Listening on port \\d+', ''],
    ['log:a/b', 'a\\/b', ''],
    ['log:  spaces kept  ', '  spaces kept  ', ''],
    ['log:ready: yes', 'ready: yes', ''],
  ])('%j → log /%s/%s', (raw, source, flags) => {
    const waitFor = parseWaitFor(raw);
    expect(waitFor.kind).toBe('log');
    if (waitFor.kind !== 'log') return;
    expect([waitFor.pattern.source, waitFor.pattern.flags]).toEqual([source, flags]);
  });

  it('gives a log pattern that matches whole lines as written', () => {
    const waitFor = parseWaitFor('log:^ready$');
    if (waitFor.kind !== 'log') throw new Error('expected a log condition');
    expect(['ready', 'not ready', 'ready now'].map((line) => waitFor.pattern.test(line))).toEqual([true, false, false]);
  });

  it.each<[string, string]>([
    ['', 'is ""'],
    ['ready', 'is "ready"'],
    ['Healthy', 'is "Healthy"'],
    ['exit:1', 'is "exit:1"'],
    ['exit', 'is "exit"'],
    ['exit:0 ', 'is "exit:0 "'],
    ['tcp:0', 'has the port "0"'],
    ['tcp:70000', 'has the port "70000"'],
    ['tcp:65536', 'has the port "65536"'],
    ['tcp:000080', 'has the port "000080"'],
    ['tcp:abc', 'has the port "abc"'],
    ['tcp:', 'has the port ""'],
    ['tcp:-1', 'has the port "-1"'],
    ['http:', 'is "http:"; an http check names the container port, as http:PORT/path or http://127.0.0.1:PORT/path'],
    ['http:0/health', 'has the port "0"'],
    ['http:99999', 'has the port "99999"'],
    [
      'http://localhost:/x',
      'is "http://localhost:/x"; an http check names the container port, as http:PORT/path or http://127.0.0.1:PORT/path',
    ],
    // Only the runner's loopback is a host: another one is not taken for a port either.
    [
      'http://example.com:80/',
      'is "http://example.com:80/"; an http check names the container port, as http:PORT/path or http://127.0.0.1:PORT/path',
    ],
    ['http:8080/x#status=abc', 'is "http:8080/x#status=abc"'],
    ['http:8080#status=20', 'has the status "20"; a response status is 200 to 599'],
    ['http:8080#fragment', 'is "http:8080#fragment"'],
    ['https://127.0.0.1:8443/', 'is "https://127.0.0.1:8443/"'],
    ['log:', 'has an empty regular expression'],
    ['log:(', 'has an invalid regular expression: Invalid regular expression: /(/: Unterminated group'],
    ['log:[a-', 'has an invalid regular expression: Invalid regular expression: /[a-/: Unterminated character class'],
  ])('rejects %j: %s', (raw, message) => {
    expect(() => parseWaitFor(raw)).toThrow(message);
  });

  it('never names the input in its message', () => {
    expect(() => parseWaitFor('ready')).toThrow(/^is "ready"$/);
  });

  it.each(['http:8080#status=000', 'http:8080#status=099'])(
    'rejects %j: no HTTP response has that status, so the wait could only time out',
    (raw) => {
      expect(() => parseWaitFor(raw)).toThrow();
    },
  );

  it('lists every form in WAIT_FOR_FORM', () => {
    expect(WAIT_FOR_FORM).toBe(
      'auto, healthy, running, http:PORT/path (or http://127.0.0.1:PORT/path; #status=CODE for a status other than 2xx), tcp:PORT, log:REGEX or exit:0',
    );
  });
});

describe('readInputs: every problem at once; written paths inside the workspace', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'inputs-workspace-'));
  const outside = mkdtempSync(path.join(tmpdir(), 'inputs-outside-'));
  afterAll(() => {
    rmSync(workspace, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  });
  writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\n');
  // Committed links: one out of the workspace, one inside it, one to nowhere.
  symlinkSync(outside, path.join(workspace, 'out-link'));
  mkdirSync(path.join(workspace, 'real-reports'));
  symlinkSync('real-reports', path.join(workspace, 'in-link'));
  symlinkSync(path.join(workspace, 'gone'), path.join(workspace, 'broken-link'));

  const read = (overrides: Record<string, string>): Inputs =>
    readInputs(fakeReader({ context: workspace, file: path.join(workspace, 'Dockerfile'), ...overrides }).read, {
      env: {},
      mask: () => undefined,
      workspace,
    });

  it('a bad value and a missing context: both named, in one error', () => {
    const problems = problemsOf(() => read({ 'tag-length': '99', context: path.join(workspace, 'missing') }));
    expect(problems.map((p) => /^Input '([^']+)'/.exec(p)?.[1])).toEqual(['tag-length', 'context']);
  });

  it('a bad image and a missing build secret file: both named', () => {
    const problems = problemsOf(() =>
      read({ image: 'acme/App!', 'build-secrets': `id=npm,src=${path.join(workspace, 'no-npmrc')}` }),
    );
    expect(problems.map((p) => /^Input '([^']+)'/.exec(p)?.[1])).toEqual(['image', 'build-secrets']);
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'reports-dir through a link out of the workspace',
      { 'reports-dir': 'out-link/reports' },
      `Input 'reports-dir' is "out-link/reports", which a symbolic link sends to ${path.join(realpathSync(outside), 'reports')}, outside the workspace ${workspace}; expected a path inside it.`,
    ],
    [
      'reports-dir that is the link out',
      { 'reports-dir': 'out-link' },
      `Input 'reports-dir' is "out-link", which a symbolic link sends to ${realpathSync(outside)}, outside the workspace ${workspace}; expected a path inside it.`,
    ],
    [
      'reports-dir through a broken link',
      { 'reports-dir': 'broken-link/x' },
      `Input 'reports-dir' is "broken-link/x", which leads through a broken symbolic link (${path.join(workspace, 'broken-link')}); expected a path inside the workspace.`,
    ],
    [
      'env-file through a link out of the workspace',
      { 'env-file': 'out-link/set.env', 'test-reports': '' },
      `Input 'env-file' is "out-link/set.env", which a symbolic link sends to ${path.join(realpathSync(outside), 'set.env')}, outside the workspace ${workspace}; expected a path inside it.`,
    ],
  ])('refuses %s', (_case, overrides, problem) => {
    expect(problemsOf(() => read({ 'test-reports': '/app/reports', ...overrides }))).toEqual([problem]);
  });

  it.each<[string, Record<string, string>, Partial<Inputs>]>([
    ['reports-dir through a link inside', { 'reports-dir': 'in-link/junit' }, { reportsDir: 'in-link/junit' }],
    ['reports-dir not there yet', { 'reports-dir': 'a/b/c' }, { reportsDir: 'a/b/c' }],
    [
      'env-file through a link inside',
      { 'env-file': 'in-link/set.env' },
      { envFile: path.join(workspace, 'in-link', 'set.env') },
    ],
    // Not copied at all without test-reports: its link is not followed.
    [
      'reports-dir out, but no test-reports',
      { 'reports-dir': 'out-link', 'test-reports': '' },
      { reportsDir: 'out-link' },
    ],
  ])('accepts %s', (_case, overrides, expected) => {
    expect(read({ 'test-reports': '/app/reports', ...overrides })).toMatchObject(expected);
  });
});

describe('registryPassword: as docker login --password-stdin takes it', () => {
  it.each([
    ['s3cret', 's3cret'],
    ['s3cret\n', 's3cret'],
    ['s3cret\r\n', 's3cret'],
    ['s3cret\n\n', 's3cret\n'],
    [' s3cret ', ' s3cret '],
    ['', ''],
  ])('%j → %j', (raw, password) => {
    expect(registryPassword(raw)).toBe(password);
  });

  it('the same in the action and the CLI: registryAuthOf takes it so', () => {
    const auth = parseInputs(fakeReader({ 'registry-username': 'u', 'registry-password': ' p \n' }).read).registryAuth;
    expect(auth).toEqual({ username: 'u', password: ' p ' });
  });
});
