import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import path from 'node:path';
import { startFaultProxy } from '../harness/fault-proxy.mjs';
import { startRegistry } from '../harness/registry.mjs';
import { ROOT, runAction, runNode } from '../harness/run-action.mjs';
import type { TokenServer } from '../harness/token-server.mjs';
import {
  FIXTURES,
  MANIFEST_ACCEPT_ALL,
  errorLine,
  freshDockerConfig,
  randomId,
  randomSha,
  removeRepositories,
  resolveActionDir,
  usesContainerdStore,
} from './support.js';

// Registries as they are in the wild, on every engine profile: the distribution registry with `auth: token` and
// a token server (RS256 JWTs, per-scope access, anonymous pull of one public repository), as GHCR, Docker Hub,
// GitLab and Harbor have it; rate limits; the fewest requests; upper-case image paths. The global registry
// (htpasswd) serves the proxy tests.

const basicRegistry = inject('registry');
const namespace = `e2e/wild-${randomId()}`;
const PUBLIC = `${namespace}/public`;
const PRIVATE = `${namespace}/private`;
const credentials = { username: 'e2e-token', password: `token-secret-${randomId()}` };
const RESOLVE_CLI = path.join(ROOT, 'dist', 'resolve-cli', 'index.js');
const ACTION_AGENT = 'build-test-deploy-action';

let registry: { host: string; tokenServer: TokenServer; stop: () => Promise<void> };
const created: string[] = [];

beforeAll(async () => {
  registry = await startRegistry({ ...credentials, auth: 'token', publicRepositories: [PUBLIC] });
});

afterAll(async () => {
  removeRepositories(...created);
  await registry?.stop();
});

/** A deploy of the service fixture, logged in as `as` (the token registry's user, by default). */
function deploy(image: string, as: { username: string; password: string } = credentials) {
  created.push(image);
  return runAction({
    inputs: {
      image,
      context: path.join(FIXTURES, 'service'),
      sha: randomSha(),
      deploy: 'true',
      'test-command': 'wget -q -O - http://127.0.0.1:8080/ | grep -q "from the service"',
      'registry-username': as.username,
      'registry-password': as.password,
    },
  });
}

/**
 * The resolve CLI, in a child process this process does not wait for blocked: the token server and the proxy
 * answer from this process's event loop. `auth`: REGISTRY_* credentials; null: a docker config with no login.
 */
async function resolve(args: string[], auth: { username: string; password: string } | null = credentials) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('REGISTRY_')));
  const result = await runNode(
    RESOLVE_CLI,
    auth === null
      ? { ...env, DOCKER_CONFIG: freshDockerConfig() }
      : { ...env, REGISTRY_USERNAME: auth.username, REGISTRY_PASSWORD: auth.password },
    ROOT,
    false,
    undefined,
    { args },
  );
  const values = Object.fromEntries(
    result.stdout
      .split('\n')
      .filter((line) => line.includes('='))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { ...result, status: result.exitCode, values };
}

/** The tokens the action's own client got since `from` (not docker's or BuildKit's), each one's scopes. */
function tokensSince(from: number): string[][] {
  return registry.tokenServer
    .requests()
    .slice(from)
    .filter((request) => request.status === 200 && request.agent === ACTION_AGENT)
    .map((request) => request.scope);
}

/** The registry's own digest of a tag, with a token of the user's for its pull scope. */
async function registryDigest(repositoryPath: string, tag: string): Promise<string | null> {
  const realm = new URL(registry.tokenServer.realm);
  realm.searchParams.set('service', registry.tokenServer.service);
  realm.searchParams.set('scope', `repository:${repositoryPath}:pull`);
  const auth = Buffer.from(`${credentials.username}:${credentials.password}`).toString('base64');
  const { token } = (await (await fetch(realm, { headers: { authorization: `Basic ${auth}` } })).json()) as {
    token: string;
  };
  const response = await fetch(`http://${registry.host}/v2/${repositoryPath}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      authorization: `Bearer ${token}`,
      accept: MANIFEST_ACCEPT_ALL,
    },
  });
  return response.status === 200 ? response.headers.get('docker-content-digest') : null;
}

describe('a registry with token auth', () => {
  const pushed: Record<string, { sha: string; digest: string }> = {};

  it("the action logs in, pushes, and reads both tags back with one token of the pull scope; the digest is the registry's", async () => {
    const image = `${registry.host}/${PRIVATE}`;
    const before = registry.tokenServer.requests().length;
    const run = await deploy(image);
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    const digest = await registryDigest(PRIVATE, run.outputs.tag ?? '');
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.outputs.digest).toBe(digest);
    expect(await registryDigest(PRIVATE, 'latest')).toBe(digest);
    expect(run.main.stdout).not.toContain('Could not read the pushed tags back');
    // One token for the read-back's two HEADs (docker and BuildKit ask for their own).
    expect(tokensSince(before)).toEqual([[`repository:${PRIVATE}:pull`]]);
    pushed[PRIVATE] = { sha: run.outputs.sha ?? '', digest: digest ?? '' };
    expect(run.main.stdout.replace(`::add-mask::${credentials.password}`, '')).not.toContain(credentials.password);
  });

  it('resolve: with credentials in one token; anonymously on the public repository; refused on a private one, saying why', async () => {
    const publicRun = await deploy(`${registry.host}/${PUBLIC}`);
    expect(publicRun.main.exitCode, publicRun.main.stdout).toBe(0);
    const privateImage = pushed[PRIVATE] as { sha: string; digest: string };

    const before = registry.tokenServer.requests().length;
    const withCredentials = await resolve([`${registry.host}/${PRIVATE}`, '--source', 'registry']);
    expect(withCredentials.status, withCredentials.stderr).toBe(0);
    expect(withCredentials.values).toMatchObject({ SHA: privateImage.sha, DIGEST: privateImage.digest });
    expect(tokensSince(before)).toEqual([[`repository:${PRIVATE}:pull`]]);

    const anonymous = await resolve([`${registry.host}/${PUBLIC}`, '--source', 'registry'], null);
    expect(anonymous.status, anonymous.stderr).toBe(0);
    expect(anonymous.values.SHA).toBe(publicRun.outputs.sha);
    const anonymousToken = registry.tokenServer.requests().at(-1);
    expect(anonymousToken?.account).toBeUndefined();

    const refused = await resolve([`${registry.host}/${PRIVATE}`, '--source', 'registry'], null);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain(
      `The registry ${registry.host} gives anonymous users no pull access to ${PRIVATE}: it does not exist, or it is private (HTTP 401, insufficient_scope).`,
    );
    const missing = await resolve([`${registry.host}/${namespace}/nothing-here`, '--source', 'registry']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain(`has no tag "latest" in ${namespace}/nothing-here`);

    // The action too, with the stored credentials of no login: the same refusal as its step error.
    const action = await runAction({
      inputs: { image: `${registry.host}/${PRIVATE}`, source: 'registry' },
      actionDir: resolveActionDir(),
      post: false,
      env: { DOCKER_CONFIG: freshDockerConfig() },
    });
    expect(action.main.exitCode).toBe(1);
    expect(errorLine(action.main.stdout)).toContain('gives anonymous users no pull access');
  });

  it('a token that expires during the run is fetched again, not reported as a failure', async () => {
    const privateImage = pushed[PRIVATE] as { sha: string; digest: string };
    const before = registry.tokenServer.requests().length;
    registry.tokenServer.expireNext(1);
    const result = await resolve([`${registry.host}/${PRIVATE}`, '--source', 'registry']);
    expect(result.status, result.stderr).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.values).toMatchObject({ SHA: privateImage.sha, DIGEST: privateImage.digest });
    const issued = registry.tokenServer.requests().slice(before);
    expect(issued.map((request) => request.expired)).toEqual([true, false]);
  });

  it('resolve costs the /v2/ challenge, one manifest GET and one config blob GET, counted through a proxy', async () => {
    const proxy = await startFaultProxy({ target: registry.host, faults: 0 });
    try {
      const result = await resolve([`${proxy.host}/${PRIVATE}`, '--source', 'registry']);
      expect(result.status, result.stderr).toBe(0);
      const requests = proxy.requests();
      expect(requests[0]).toBe('GET /v2/');
      expect(requests.slice(1)).toEqual([
        `GET /v2/${PRIVATE}/manifests/latest`,
        expect.stringMatching(new RegExp(`^GET /v2/${PRIVATE}/blobs/sha256:[0-9a-f]{64}$`)),
      ]);
      // On the containerd image store :latest is an index: its platform's manifest is the one more GET.
    } finally {
      await proxy.stop();
    }
  });
});

describe('rate limits: 429 with Retry-After', () => {
  it('resolve waits as the registry says and then reads the tag', async () => {
    const run = await deploy(`${basicRegistry.host}/${namespace}/limited`, basicRegistry);
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    const proxy = await startFaultProxy({
      target: basicRegistry.host,
      faults: 1,
      mode: '429',
      match: (method, url) => method === 'GET' && url.includes('/manifests/'),
    });
    try {
      const started = Date.now();
      const result = await resolve([`${proxy.host}/${namespace}/limited`, '--source', 'registry'], basicRegistry);
      expect(result.status, result.stderr).toBe(0);
      expect(result.stdout).toContain(`SHA=${run.outputs.sha}`);
      expect(proxy.faulted()).toBe(1);
      expect(Date.now() - started).toBeGreaterThanOrEqual(1000); // Retry-After: 1
      const manifestGets = proxy
        .requests()
        .filter((request) => request.startsWith('GET ') && request.includes('/manifests/'));
      expect(manifestGets).toHaveLength(2);
    } finally {
      await proxy.stop();
    }
  });

  it("the push gets through a 429, by the engine's retry or the action's; the read-back after it is HEADs only", async () => {
    const proxy = await startFaultProxy({ target: basicRegistry.host, faults: 1, mode: '429' });
    try {
      const repositoryPath = `${namespace}/limited-push`;
      const run = await deploy(`${proxy.host}/${repositoryPath}`, basicRegistry);
      expect(run.main.exitCode, run.main.stdout).toBe(0);
      expect(proxy.faulted()).toBe(1);
      const retried = /::warning::docker push .* failed \(.*\); retry 1 of 3 in [0-9.]+ s\./;
      // The containerd image store's pusher waits out a 429 itself; the graph driver's fails, and the action retries.
      if (usesContainerdStore()) expect(run.main.stdout).not.toMatch(retried);
      else expect(run.main.stdout).toMatch(retried);
      const ours = proxy.log().filter((request) => request.agent === ACTION_AGENT);
      expect(ours.map((request) => `${request.method} ${request.url}`)).toEqual([
        'GET /v2/',
        `HEAD /v2/${repositoryPath}/manifests/${run.outputs.tag ?? ''}`,
        `HEAD /v2/${repositoryPath}/manifests/latest`,
      ]);
    } finally {
      await proxy.stop();
    }
  });
});

describe('upper-case image paths', () => {
  it('are lower-cased, with a notice in the log and the summary; the host keeps its case', async () => {
    const written = `${basicRegistry.host}/${namespace}/Acme-App`;
    const lowered = `${basicRegistry.host}/${namespace}/acme-app`;
    const run = await runAction({
      inputs: { image: written, context: path.join(FIXTURES, 'service'), sha: randomSha() },
    });
    created.push(lowered);
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    const notice = `Input 'image' is "${written}": registries refuse upper-case repository paths, so the image is ${lowered}.`;
    expect(run.main.stdout).toContain(`::warning::${notice}`);
    expect(run.summary).toContain('registries refuse upper-case repository paths');
    expect(run.outputs.image).toBe(lowered);
    expect(run.outputs['image-ref']).toBe(`${lowered}:${run.outputs.tag ?? ''}`);

    // Anything else the grammar refuses is refused as before.
    const refused = await runAction({ inputs: { image: `${basicRegistry.host}/${namespace}/Acme App` }, post: false });
    expect(refused.main.exitCode).toBe(1);
    expect(errorLine(refused.main.stdout)).toContain("Input 'image' contains white space");
  });
});
