import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SOCKET,
  apiErrorMessage,
  apiVersionOf,
  connectEngineApi,
  engineEndpoint,
  localEngineEndpoint,
  type ContextStore,
  type EngineEndpoint,
} from '../../../src/docker/engine-api.js';
import { killTracked } from '../../../src/process/children.js';

const contexts: ContextStore = {
  host: (name) =>
    ({
      rootless: 'unix:///run/user/1000/docker.sock',
      desktop: 'unix:///Users/dev/.docker/run/docker.sock',
      remote: 'tcp://10.0.0.5:2376',
      ssh: 'ssh://ci@build-host',
      tls: 'unix:///var/run/docker.sock',
    })[name],
  hasTls: (name) => name === 'tls',
};

describe('engineEndpoint: where the docker CLI would send its requests', () => {
  it.each<[string, NodeJS.ProcessEnv, NodeJS.Platform, string | undefined, EngineEndpoint]>([
    [
      'nothing set: the default socket',
      {},
      'linux',
      undefined,
      { socket: DEFAULT_SOCKET, from: 'the default context' },
    ],
    [
      'empty values count as unset',
      { DOCKER_HOST: '', DOCKER_CONTEXT: '', DOCKER_TLS_VERIFY: '' },
      'linux',
      undefined,
      { socket: DEFAULT_SOCKET, from: 'the default context' },
    ],
    [
      'DOCKER_HOST at a unix socket',
      { DOCKER_HOST: 'unix:///run/user/1000/docker.sock' },
      'linux',
      undefined,
      { socket: '/run/user/1000/docker.sock', from: 'DOCKER_HOST=unix:///run/user/1000/docker.sock' },
    ],
    [
      'DOCKER_HOST wins over DOCKER_CONTEXT and the config',
      { DOCKER_HOST: 'unix:///tmp/d.sock', DOCKER_CONTEXT: 'remote' },
      'linux',
      'remote',
      { socket: '/tmp/d.sock', from: 'DOCKER_HOST=unix:///tmp/d.sock' },
    ],
    [
      'DOCKER_HOST over tcp',
      { DOCKER_HOST: 'tcp://10.0.0.5:2375' },
      'linux',
      undefined,
      { socket: undefined, why: 'DOCKER_HOST=tcp://10.0.0.5:2375 is no unix socket' },
    ],
    [
      'DOCKER_HOST over ssh',
      { DOCKER_HOST: 'ssh://ci@build-host' },
      'linux',
      undefined,
      { socket: undefined, why: 'DOCKER_HOST=ssh://ci@build-host is no unix socket' },
    ],
    [
      'DOCKER_HOST with an empty socket path',
      { DOCKER_HOST: 'unix://' },
      'linux',
      undefined,
      { socket: undefined, why: 'DOCKER_HOST=unix:// is no unix socket' },
    ],
    [
      'TLS asked for',
      { DOCKER_HOST: 'unix:///var/run/docker.sock', DOCKER_TLS_VERIFY: '1' },
      'linux',
      undefined,
      { socket: undefined, why: 'DOCKER_TLS or DOCKER_TLS_VERIFY is set' },
    ],
    [
      'DOCKER_TLS alone',
      { DOCKER_TLS: '1' },
      'linux',
      undefined,
      { socket: undefined, why: 'DOCKER_TLS or DOCKER_TLS_VERIFY is set' },
    ],
    [
      'DOCKER_CONTEXT of a unix socket',
      { DOCKER_CONTEXT: 'rootless' },
      'linux',
      undefined,
      { socket: '/run/user/1000/docker.sock', from: 'docker context rootless' },
    ],
    [
      'DOCKER_CONTEXT wins over the config',
      { DOCKER_CONTEXT: 'default' },
      'linux',
      'remote',
      { socket: DEFAULT_SOCKET, from: 'the default context' },
    ],
    [
      "config.json's currentContext (Docker Desktop)",
      {},
      'darwin',
      'desktop',
      { socket: '/Users/dev/.docker/run/docker.sock', from: 'docker context desktop' },
    ],
    [
      'a context over tcp',
      {},
      'linux',
      'remote',
      { socket: undefined, why: 'docker context remote is at tcp://10.0.0.5:2376, no unix socket' },
    ],
    [
      'a context over ssh',
      { DOCKER_CONTEXT: 'ssh' },
      'linux',
      undefined,
      { socket: undefined, why: 'docker context ssh is at ssh://ci@build-host, no unix socket' },
    ],
    [
      'a context with TLS material',
      { DOCKER_CONTEXT: 'tls' },
      'linux',
      undefined,
      { socket: undefined, why: 'docker context tls uses TLS' },
    ],
    [
      'a context that is not stored',
      { DOCKER_CONTEXT: 'gone' },
      'linux',
      undefined,
      { socket: undefined, why: 'docker context gone has no docker endpoint' },
    ],
    [
      'Windows: a named pipe',
      {},
      'win32',
      undefined,
      { socket: undefined, why: 'on Windows the engine listens on a named pipe' },
    ],
  ])('%s', (_case, env, platform, current, expected) => {
    expect(engineEndpoint(env, platform, current, contexts)).toEqual(expected);
  });
});

const dirs: string[] = [];
const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(
    servers.splice(0).map(
      (server) =>
        new Promise((resolve) => {
          server.closeAllConnections();
          server.close(resolve);
        }),
    ),
  );
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'engine-api-'));
  dirs.push(dir);
  return dir;
}

describe('localEngineEndpoint: the docker config folder as the CLI stores it', () => {
  const store = (dir: string, name: string, host: string, tls = false): void => {
    const hash = createHash('sha256').update(name).digest('hex');
    mkdirSync(path.join(dir, 'contexts', 'meta', hash), { recursive: true });
    writeFileSync(
      path.join(dir, 'contexts', 'meta', hash, 'meta.json'),
      JSON.stringify({ Name: name, Metadata: {}, Endpoints: { docker: { Host: host, SkipTLSVerify: false } } }),
    );
    if (tls) mkdirSync(path.join(dir, 'contexts', 'tls', hash, 'docker'), { recursive: true });
  };

  it.each<[string, (dir: string) => void, NodeJS.ProcessEnv, EngineEndpoint]>([
    ['no config.json', () => undefined, {}, { socket: DEFAULT_SOCKET, from: 'the default context' }],
    [
      'a config.json that is no JSON',
      (dir) => writeFileSync(path.join(dir, 'config.json'), '{'),
      {},
      { socket: DEFAULT_SOCKET, from: 'the default context' },
    ],
    [
      "config.json's currentContext, stored with a unix socket",
      (dir) => {
        writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ currentContext: 'rootless' }));
        store(dir, 'rootless', 'unix:///run/user/1000/docker.sock');
      },
      {},
      { socket: '/run/user/1000/docker.sock', from: 'docker context rootless' },
    ],
    [
      'DOCKER_CONTEXT, stored with TLS material',
      (dir) => store(dir, 'secure', 'unix:///var/run/docker.sock', true),
      { DOCKER_CONTEXT: 'secure' },
      { socket: undefined, why: 'docker context secure uses TLS' },
    ],
    [
      'DOCKER_CONTEXT, stored over tcp',
      (dir) => store(dir, 'remote', 'tcp://10.0.0.5:2376'),
      { DOCKER_CONTEXT: 'remote' },
      { socket: undefined, why: 'docker context remote is at tcp://10.0.0.5:2376, no unix socket' },
    ],
  ])('%s', (_case, prepare, env, expected) => {
    const dir = tempDir();
    prepare(dir);
    expect(localEngineEndpoint({ ...env, DOCKER_CONFIG: dir })).toEqual(expected);
  });
});

describe('apiVersionOf', () => {
  it.each<[string, NodeJS.ProcessEnv, string | undefined, string | undefined]>([
    ["the engine's", {}, '1.45', '1.45'],
    ['DOCKER_API_VERSION pins it, as for the CLI', { DOCKER_API_VERSION: '1.41' }, '1.45', '1.41'],
    ['an empty DOCKER_API_VERSION counts as unset', { DOCKER_API_VERSION: '' }, '1.52', '1.52'],
    ['no header', {}, undefined, undefined],
    ['no version in it', {}, 'latest', undefined],
  ])('%s', (_case, env, header, expected) => {
    expect(apiVersionOf(env, header)).toBe(expected);
  });
});

describe('apiErrorMessage', () => {
  it.each<[string, { status: number; body: string }, string]>([
    [
      "the engine's message",
      { status: 409, body: '{"message":"conflict: unable to remove repository reference"}\n' },
      'conflict: unable to remove repository reference',
    ],
    ['a body that is no JSON', { status: 500, body: 'page not found\n' }, 'page not found'],
    ['JSON without a message', { status: 500, body: '{"error":"x"}' }, '{"error":"x"}'],
    ['no body', { status: 502, body: '' }, 'HTTP 502'],
  ])('%s', (_case, response, expected) => {
    expect(apiErrorMessage(response)).toBe(expected);
  });
});

/** An engine API stand-in on a unix socket of its own: `answer` handles every request but `/_ping`. */
async function fakeEngine(
  answer: (request: IncomingMessage, response: ServerResponse) => void,
  ping: { status: number; version?: string } = { status: 200, version: '1.45' },
): Promise<{ socket: string; seen: string[] }> {
  const socket = path.join(tempDir(), 'engine.sock');
  const seen: string[] = [];
  const server = createServer((request, response) => {
    seen.push(`${request.method ?? ''} ${request.url ?? ''}`);
    if (request.url === '/_ping') {
      response.writeHead(ping.status, ping.version === undefined ? {} : { 'Api-Version': ping.version });
      response.end('OK');
    } else answer(request, response);
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(socket, resolve));
  return { socket, seen };
}

describe('connectEngineApi', () => {
  it("speaks the engine's own API version, one request after the other on a kept connection", async () => {
    const engine = await fakeEngine((request, response) => response.end(`{"url":"${request.url ?? ''}"}`));
    const api = await connectEngineApi(engine.socket, {}, 2);
    expect(api?.socket).toBe(engine.socket);
    const answer = await api?.request('GET', '/images/sha256%3Aabc/json');
    const removed = await api?.request('DELETE', '/images/acme%2Fapp%3Astale');
    api?.close();
    expect(answer).toEqual({ status: 200, body: '{"url":"/v1.45/images/sha256%3Aabc/json"}' });
    expect(removed?.status).toBe(200);
    expect(engine.seen).toEqual([
      'GET /_ping',
      'GET /v1.45/images/sha256%3Aabc/json',
      'DELETE /v1.45/images/acme%2Fapp%3Astale',
    ]);
  });

  it('DOCKER_API_VERSION pins the version, as for the CLI', async () => {
    const engine = await fakeEngine((_request, response) => response.end('{}'));
    const api = await connectEngineApi(engine.socket, { DOCKER_API_VERSION: '1.41' }, 1);
    await api?.request('GET', '/containers/c1/json');
    api?.close();
    expect(engine.seen).toEqual(['GET /_ping', 'GET /v1.41/containers/c1/json']);
  });

  it('an error answer comes back as it is, for the caller to judge', async () => {
    const engine = await fakeEngine((_request, response) => {
      response.writeHead(404, { 'Content-Type': 'application/json' });
      response.end('{"message":"No such image: sha256:abc"}');
    });
    const api = await connectEngineApi(engine.socket, {}, 1);
    const answer = await api?.request('GET', '/images/sha256:abc/json');
    api?.close();
    expect(answer).toEqual({ status: 404, body: '{"message":"No such image: sha256:abc"}' });
  });

  it.each<[string, { status: number; version?: string }]>([
    ['a ping that fails', { status: 500, version: '1.45' }],
    ['a ping without an API version (not an engine)', { status: 200 }],
  ])('undefined for %s: the caller takes the CLI', async (_case, ping) => {
    const engine = await fakeEngine((_request, response) => response.end('{}'), ping);
    expect(await connectEngineApi(engine.socket, {}, 1)).toBeUndefined();
  });

  it('undefined when nothing listens at the socket', async () => {
    expect(await connectEngineApi(path.join(tempDir(), 'none.sock'), {}, 1)).toBeUndefined();
  });

  it("a cancelled run's kill ends the requests still waiting for the engine", async () => {
    const engine = await fakeEngine(() => undefined); // never answers
    const api = await connectEngineApi(engine.socket, {}, 1);
    const waiting = api?.request('DELETE', '/images/acme%2Fapp%3Astale');
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = performance.now();
    killTracked();
    await expect(waiting).rejects.toThrow();
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
