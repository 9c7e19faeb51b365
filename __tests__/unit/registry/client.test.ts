import { afterEach, describe, expect, it, vi } from 'vitest';
import { MANIFEST_ACCEPT, MEDIA_TYPE, digestOf } from '../../../src/registry/manifest.js';
import { RegistryClient, type FetchLike } from '../../../src/registry/client.js';
import { RegistryError } from '../../../src/registry/registry-error.js';
import type { RegistryAuth } from '../../../src/shared/vocabulary.js';

const SHA = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;

// ---------------------------------------------------------------------------------------------
// The client against a fake fetch: every request is recorded, nothing touches the network.

interface Call {
  readonly method: string | undefined;
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly redirect: string | undefined;
}

type Handler = (url: URL, headers: Record<string, string>) => Response;

function fakeFetch(handler: Handler): { fetch: FetchLike; calls: Call[] } {
  const calls: Call[] = [];
  return {
    calls,
    fetch: (url, init) => {
      const headers = { ...(init.headers as Record<string, string>) };
      calls.push({ method: init.method, url, headers, redirect: init.redirect });
      return Promise.resolve(handler(new URL(url), headers));
    },
  };
}

interface Blob {
  readonly bytes: Uint8Array;
  readonly digest: string;
  readonly size: number;
}

function blob(value: unknown): Blob {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  return { bytes, digest: digestOf(bytes), size: bytes.byteLength };
}

function imageConfig(env: string[], labels: Record<string, string> = {}): Blob {
  return blob({
    architecture: 'amd64',
    os: 'linux',
    config: { Env: env, Labels: labels },
    rootfs: { type: 'layers', diff_ids: [] },
  });
}

function imageManifest(
  config: Blob,
  mediaType: string = MEDIA_TYPE.dockerManifest,
  configType: string = MEDIA_TYPE.dockerConfig,
): Blob {
  return blob({
    schemaVersion: 2,
    mediaType,
    config: { mediaType: configType, digest: config.digest, size: config.size },
    layers: [],
  });
}

function ok(body: Blob, contentType: string, extra: Record<string, string> = {}): Response {
  return new Response(body.bytes, {
    status: 200,
    headers: { 'content-type': contentType, 'docker-content-digest': body.digest, ...extra },
  });
}

function status(code: number, headers: Record<string, string> = {}, body = ''): Response {
  return new Response(body === '' ? null : body, { status: code, headers });
}

const USER = { username: 'ci', password: 's3cret' };
const BASIC = `Basic ${Buffer.from('ci:s3cret').toString('base64')}`;

describe('RegistryClient', () => {
  const config = imageConfig(['PATH=/bin', `SHA=${SHA}`], { 'org.opencontainers.image.revision': SHA });
  const manifest = imageManifest(config);

  /** A registry on 127.0.0.1:5000 with htpasswd (Basic) auth, like the e2e one. */
  function basicRegistry(): Handler {
    return (url, headers) => {
      if (headers.authorization === undefined)
        return status(
          401,
          { 'www-authenticate': 'Basic realm="e2e"' },
          '{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}',
        );
      if (headers.authorization !== BASIC) return status(401, { 'www-authenticate': 'Basic realm="e2e"' });
      if (url.pathname === '/v2/acme/app/manifests/latest') return ok(manifest, MEDIA_TYPE.dockerManifest);
      if (url.pathname === `/v2/acme/app/blobs/${config.digest}`) return ok(config, 'application/octet-stream');
      return status(404, {}, '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}');
    };
  }

  it('Basic: answers the challenge with the credentials, then reuses them for the blob', async () => {
    const fake = fakeFetch(basicRegistry());
    const client = new RegistryClient({
      registry: '127.0.0.1:5000',
      repository: 'acme/app',
      auth: USER,
      fetch: fake.fetch,
    });
    const image = await client.readImage('latest');
    expect(image).toEqual({
      digest: manifest.digest,
      manifestDigest: manifest.digest,
      platform: undefined,
      config: { env: ['PATH=/bin', `SHA=${SHA}`], labels: { 'org.opencontainers.image.revision': SHA } },
    });
    // The challenge comes from the ping: the manifest is asked for once, with the credentials.
    expect(fake.calls.map((call) => [call.url, call.headers.authorization])).toEqual([
      ['http://127.0.0.1:5000/v2/', undefined],
      ['http://127.0.0.1:5000/v2/acme/app/manifests/latest', BASIC],
      [`http://127.0.0.1:5000/v2/acme/app/blobs/${config.digest}`, BASIC],
    ]);
    expect(fake.calls.map((call) => call.headers.accept)).toEqual(['application/json', MANIFEST_ACCEPT, '*/*']);
    expect(MANIFEST_ACCEPT.split(', ')).toEqual([
      MEDIA_TYPE.dockerManifest,
      MEDIA_TYPE.dockerManifestList,
      MEDIA_TYPE.ociManifest,
      MEDIA_TYPE.ociIndex,
    ]);
    expect(fake.calls.every((call) => call.redirect === 'manual')).toBe(true);
  });

  it('Bearer: gets a token from the realm with service and scope, with basic auth, at the ping, and reads with it', async () => {
    const fake = fakeFetch((url, headers) => {
      if (url.origin === 'https://ghcr.io' && url.pathname === '/token') {
        return headers.authorization === BASIC
          ? new Response(JSON.stringify({ token: 'tok-1', expires_in: 300 }), { status: 200 })
          : status(401);
      }
      // The blob store behind the redirect authorizes by its signed URL alone.
      if (url.origin === 'https://pkg-containers.githubusercontent.com') return ok(config, 'application/octet-stream');
      if (headers.authorization !== 'Bearer tok-1') {
        return status(401, {
          'www-authenticate': 'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/app:pull"',
        });
      }
      if (url.pathname === '/v2/acme/app/manifests/v1') return ok(manifest, MEDIA_TYPE.dockerManifest);
      if (url.pathname === `/v2/acme/app/blobs/${config.digest}`)
        return status(307, { location: `https://pkg-containers.githubusercontent.com/ghcr1/blobs/sha256:x?sig=abc` });
      return status(404);
    });
    const client = new RegistryClient({ registry: 'ghcr.io', repository: 'acme/app', auth: USER, fetch: fake.fetch });
    const image = await client.readImage('v1');
    expect(image.config.env).toContain(`SHA=${SHA}`);
    expect(fake.calls.map((call) => [call.url, call.headers.authorization])).toEqual([
      ['https://ghcr.io/v2/', undefined],
      ['https://ghcr.io/token?service=ghcr.io&scope=repository%3Aacme%2Fapp%3Apull', BASIC],
      ['https://ghcr.io/v2/acme/app/manifests/v1', 'Bearer tok-1'],
      [`https://ghcr.io/v2/acme/app/blobs/${config.digest}`, 'Bearer tok-1'],
      // The redirect leaves the registry's origin: the token stays behind.
      ['https://pkg-containers.githubusercontent.com/ghcr1/blobs/sha256:x?sig=abc', undefined],
    ]);
  });

  it('Bearer on Docker Hub, anonymously: registry-1.docker.io, no Authorization to the token endpoint, access_token accepted', async () => {
    const fake = fakeFetch((url, headers) => {
      if (url.origin === 'https://auth.docker.io')
        return new Response(JSON.stringify({ access_token: 'anon-2' }), { status: 200 });
      // Docker Hub's /v2/ names no scope: the token gets the repository's pull scope.
      if (url.pathname === '/v2/')
        return status(401, {
          'www-authenticate': 'Bearer realm="https://auth.docker.io/token",service="registry.docker.io"',
        });
      if (headers.authorization !== 'Bearer anon-2') {
        return status(401, {
          'www-authenticate':
            'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
        });
      }
      if (url.pathname === '/v2/library/nginx/manifests/latest') return ok(manifest, MEDIA_TYPE.dockerManifest);
      if (url.pathname === `/v2/library/nginx/blobs/${config.digest}`) return ok(config, 'application/octet-stream');
      return status(404);
    });
    const client = new RegistryClient({ registry: 'docker.io', repository: 'library/nginx', fetch: fake.fetch });
    await client.readImage('latest');
    expect(fake.calls.map((call) => [call.url, call.headers.authorization])).toEqual([
      ['https://registry-1.docker.io/v2/', undefined],
      ['https://auth.docker.io/token?service=registry.docker.io&scope=repository%3Alibrary%2Fnginx%3Apull', undefined],
      ['https://registry-1.docker.io/v2/library/nginx/manifests/latest', 'Bearer anon-2'],
      [`https://registry-1.docker.io/v2/library/nginx/blobs/${config.digest}`, 'Bearer anon-2'],
    ]);
  });

  it('a token that expired before the blob request: answers the new challenge, keeps same-origin redirects authorized', async () => {
    let issued = 0;
    const fake = fakeFetch((url, headers) => {
      if (url.pathname === '/token') return new Response(JSON.stringify({ token: `tok-${++issued}` }));
      const challenge = status(401, {
        'www-authenticate': 'Bearer realm="https://r.example/token",service="r.example"',
      });
      if (url.pathname === '/v2/acme/app/manifests/latest')
        return headers.authorization === 'Bearer tok-1' ? ok(manifest, MEDIA_TYPE.dockerManifest) : challenge;
      if (headers.authorization !== 'Bearer tok-2') return challenge; // tok-1 expired
      if (url.pathname === `/v2/acme/app/blobs/${config.digest}`) return status(302, { location: '/storage/config' });
      if (url.pathname === '/storage/config') return ok(config, 'application/octet-stream');
      return status(404);
    });
    await new RegistryClient({ registry: 'r.example', repository: 'acme/app', fetch: fake.fetch }).readImage('latest');
    // One token at the ping, one more when it expired: the manifest is read once.
    expect(fake.calls.map((call) => [new URL(call.url).pathname, call.headers.authorization])).toEqual([
      ['/v2/', undefined],
      ['/token', undefined],
      ['/v2/acme/app/manifests/latest', 'Bearer tok-1'],
      [`/v2/acme/app/blobs/${config.digest}`, 'Bearer tok-1'],
      ['/token', undefined],
      [`/v2/acme/app/blobs/${config.digest}`, 'Bearer tok-2'],
      ['/storage/config', 'Bearer tok-2'],
    ]);
  });

  it("reads an OCI index: the linux/amd64 entry by digest, then its config; the digest is the index's", async () => {
    const armConfig = imageConfig([`SHA=${'a'.repeat(40)}`]);
    const amdConfig = imageConfig([`SHA=${SHA}`]);
    const armManifest = imageManifest(armConfig, MEDIA_TYPE.ociManifest, MEDIA_TYPE.ociConfig);
    const amdManifest = imageManifest(amdConfig, MEDIA_TYPE.ociManifest, MEDIA_TYPE.ociConfig);
    const index = blob({
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociIndex,
      manifests: [
        {
          mediaType: MEDIA_TYPE.ociManifest,
          digest: armManifest.digest,
          size: armManifest.size,
          platform: { os: 'linux', architecture: 'arm64', variant: 'v8' },
        },
        {
          mediaType: MEDIA_TYPE.ociManifest,
          digest: amdManifest.digest,
          size: amdManifest.size,
          platform: { os: 'linux', architecture: 'amd64' },
        },
      ],
    });
    const fake = fakeFetch((url) => {
      const path = url.pathname;
      if (path === '/v2/acme/app/manifests/latest') return ok(index, MEDIA_TYPE.ociIndex);
      if (path === `/v2/acme/app/manifests/${amdManifest.digest}`) return ok(amdManifest, MEDIA_TYPE.ociManifest);
      if (path === `/v2/acme/app/manifests/${armManifest.digest}`) return ok(armManifest, MEDIA_TYPE.ociManifest);
      if (path === `/v2/acme/app/blobs/${amdConfig.digest}`) return ok(amdConfig, 'application/octet-stream');
      return status(404);
    });
    const image = await new RegistryClient({
      registry: 'localhost:5000',
      repository: 'acme/app',
      fetch: fake.fetch,
    }).readImage('latest');
    expect(image).toMatchObject({
      digest: index.digest,
      manifestDigest: amdManifest.digest,
      platform: { os: 'linux', architecture: 'amd64' },
    });
    expect(image.config.env).toEqual([`SHA=${SHA}`]);
    // Two manifest GETs (the index, the image) and the config blob; the ping's 404 asks for no authorization.
    expect(fake.calls.map((call) => [call.method, new URL(call.url).pathname])).toEqual([
      ['GET', '/v2/'],
      ['GET', '/v2/acme/app/manifests/latest'],
      ['GET', `/v2/acme/app/manifests/${amdManifest.digest}`],
      ['GET', `/v2/acme/app/blobs/${amdConfig.digest}`],
    ]);
  });

  it('takes the digest from the body when the registry sends no Docker-Content-Digest', async () => {
    const fake = fakeFetch((url) => {
      if (url.pathname.includes('/manifests/'))
        return new Response(manifest.bytes, { status: 200, headers: { 'content-type': MEDIA_TYPE.dockerManifest } });
      return ok(config, 'application/octet-stream');
    });
    const image = await new RegistryClient({
      registry: 'localhost:5000',
      repository: 'acme/app',
      fetch: fake.fetch,
    }).readImage('latest');
    expect(image.digest).toBe(manifest.digest);
  });

  it.each<[string, Handler, RegistryAuth | undefined, RegExp]>([
    [
      'wrong Basic credentials',
      basicRegistry(),
      { username: 'ci', password: 'wrong' },
      /^The registry 127\.0\.0\.1:5000 refused the credentials of user "ci" for acme\/app \(HTTP 401\)\.$/,
    ],
    [
      'no credentials where Basic auth is required',
      basicRegistry(),
      undefined,
      /^The registry 127\.0\.0\.1:5000 requires credentials to read acme\/app \(HTTP 401\), and none were given\.$/,
    ],
    [
      'the token endpoint refuses the credentials',
      (url) =>
        url.pathname === '/token'
          ? status(401)
          : status(401, { 'www-authenticate': 'Bearer realm="https://127.0.0.1:5000/token",service="r"' }),
      USER,
      /refused the credentials of user "ci" for acme\/app \(HTTP 401\)/,
    ],
    [
      'the token is refused by the registry',
      (url) =>
        url.pathname === '/token'
          ? new Response('{"token":"t"}')
          : status(401, { 'www-authenticate': 'Bearer realm="https://127.0.0.1:5000/token"' }),
      USER,
      /refused the credentials of user "ci"/,
    ],
    [
      'a token without the pull scope (Docker Hub: private or missing repository)',
      (url) =>
        url.pathname === '/token'
          ? new Response('{"token":"t"}')
          : status(401, {
              'www-authenticate':
                'Bearer realm="https://127.0.0.1:5000/token",service="r",scope="repository:acme/app:pull",error="insufficient_scope"',
            }),
      undefined,
      /^The registry 127\.0\.0\.1:5000 gives anonymous users no pull access to acme\/app: it does not exist, or it is private \(HTTP 401, insufficient_scope\)\.$/,
    ],
    [
      'a token endpoint that returns no token',
      (url) =>
        url.pathname === '/token'
          ? new Response('{}')
          : status(401, { 'www-authenticate': 'Bearer realm="http://127.0.0.1:5000/token"' }),
      undefined,
      /returned no token/,
    ],
    [
      'credentials to a plain-http token realm elsewhere',
      () => status(401, { 'www-authenticate': 'Bearer realm="http://auth.example.com/token"' }),
      USER,
      /over plain http; refusing/,
    ],
    [
      '401 without a challenge',
      () => status(401),
      USER,
      /answered 401 to GET \/v2\/acme\/app\/manifests\/latest with no WWW-Authenticate challenge/,
    ],
    [
      'an unsupported challenge',
      () => status(401, { 'www-authenticate': 'Negotiate' }),
      USER,
      /the unsupported challenge negotiate/,
    ],
    [
      'a missing tag',
      (_url, headers) =>
        headers.authorization === undefined
          ? status(401, { 'www-authenticate': 'Basic realm="x"' })
          : status(
              404,
              {},
              '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"latest"}}]}',
            ),
      USER,
      /^The registry 127\.0\.0\.1:5000 has no tag "latest" in acme\/app \(MANIFEST_UNKNOWN: manifest unknown\)\.$/,
    ],
    [
      'a missing repository',
      () => status(404, {}, '{"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]}'),
      undefined,
      /has no tag "latest" in acme\/app \(NAME_UNKNOWN: repository name not known to registry\)/,
    ],
    [
      '403',
      () => status(403, {}, '{"errors":[{"code":"DENIED","message":"denied"}]}'),
      USER,
      /denied user "ci" to acme\/app \(HTTP 403, DENIED\)/,
    ],
    [
      '500 with a plain body',
      () => status(500, {}, 'internal\nerror'),
      undefined,
      /answered HTTP 500 to GET \/v2\/acme\/app\/manifests\/latest: internal error\./,
    ],
    ['a redirect loop', () => status(302, { location: '/v2/elsewhere' }), undefined, /redirected more than 5 times/],
    [
      'a manifest whose content does not match Docker-Content-Digest',
      () => ok(manifest, MEDIA_TYPE.dockerManifest, { 'docker-content-digest': D1 }),
      undefined,
      /says the manifest of latest is sha256:1{64}, but its content hashes to sha256:/,
    ],
    [
      'a config blob whose content does not match its digest',
      (url) =>
        url.pathname.includes('/manifests/')
          ? ok(manifest, MEDIA_TYPE.dockerManifest)
          : new Response('{"config":{"Env":["SHA=evil"]}}'),
      undefined,
      /The blob sha256:[0-9a-f]{64} the registry 127\.0\.0\.1:5000 returned does not match its digest\./,
    ],
    [
      'a manifest that is not JSON',
      () => new Response('<html>', { headers: { 'content-type': 'text/html' } }),
      undefined,
      /The manifest latest is not JSON/,
    ],
    [
      'a manifest whose config is not an image config',
      (url) =>
        url.pathname.includes('/manifests/')
          ? ok(
              imageManifest(config, MEDIA_TYPE.ociManifest, 'application/vnd.cncf.helm.config.v1+json'),
              MEDIA_TYPE.ociManifest,
            )
          : status(404),
      undefined,
      /is not a container image: its config has the media type "application\/vnd.cncf.helm.config.v1\+json"/,
    ],
    [
      'a manifest over 4 MiB',
      () => new Response('{}', { headers: { 'content-length': String(5 * 1024 * 1024) } }),
      undefined,
      /is 5242880 bytes; more than the 4194304 this reads/,
    ],
  ])('fails clearly on %s', async (_case, handler, auth, message) => {
    const client = new RegistryClient({
      registry: '127.0.0.1:5000',
      repository: 'acme/app',
      auth,
      fetch: fakeFetch(handler).fetch,
    });
    const error = await client.readImage('latest').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as Error).message).toMatch(message);
    if (auth !== undefined) expect((error as Error).message).not.toContain(auth.password);
  });

  it('checks a manifest read by digest against that digest', async () => {
    const index = blob({
      mediaType: MEDIA_TYPE.ociIndex,
      manifests: [{ mediaType: MEDIA_TYPE.ociManifest, digest: D2, size: 1 }],
    });
    const fake = fakeFetch((url) =>
      url.pathname.endsWith('/latest')
        ? ok(index, MEDIA_TYPE.ociIndex)
        : new Response(manifest.bytes, { headers: { 'content-type': MEDIA_TYPE.ociManifest } }),
    );
    const client = new RegistryClient({ registry: '127.0.0.1:5000', repository: 'acme/app', fetch: fake.fetch });
    await expect(client.readImage('latest')).rejects.toThrow(
      `The manifest the registry 127.0.0.1:5000 returned for ${D2} does not match that digest.`,
    );
  });

  it('says which registry it could not reach, and why', async () => {
    const refused: FetchLike = () =>
      Promise.reject(
        Object.assign(new TypeError('fetch failed'), { cause: new Error('connect ECONNREFUSED 127.0.0.1:5000') }),
      );
    await expect(
      new RegistryClient({ registry: '127.0.0.1:5000', repository: 'a', fetch: refused }).readImage('latest'),
    ).rejects.toThrow(
      'Could not reach the registry 127.0.0.1:5000 at http://127.0.0.1:5000: connect ECONNREFUSED 127.0.0.1:5000.',
    );
    const timedOut: FetchLike = () =>
      Promise.reject(Object.assign(new Error('The operation was aborted due to timeout'), { name: 'TimeoutError' }));
    await expect(
      new RegistryClient({ registry: 'ghcr.io', repository: 'a', fetch: timedOut, timeoutMs: 2000 }).readImage(
        'latest',
      ),
    ).rejects.toThrow('Could not reach the registry ghcr.io at https://ghcr.io: no answer within 2 s.');
  });

  it('reads with GET only', async () => {
    const fake = fakeFetch(basicRegistry());
    await new RegistryClient({
      registry: '127.0.0.1:5000',
      repository: 'acme/app',
      auth: USER,
      fetch: fake.fetch,
    }).readImage('latest');
    expect(fake.calls.map((call) => [call.method, new URL(call.url).pathname])).toEqual([
      ['GET', '/v2/'],
      ['GET', '/v2/acme/app/manifests/latest'],
      ['GET', `/v2/acme/app/blobs/${config.digest}`],
    ]);
  });
});

describe('RegistryClient.manifestDigest', () => {
  const config = imageConfig([`SHA=${SHA}`]);
  const manifest = imageManifest(config);
  const client = (fetch: FetchLike, auth?: RegistryAuth): RegistryClient =>
    new RegistryClient({ registry: '127.0.0.1:5000', repository: 'acme/app', auth, fetch });
  const shortTag = (url: URL): boolean => url.pathname === '/v2/acme/app/manifests/d24155b';

  it('asks with HEAD (no pull counted) and gives the Docker-Content-Digest', async () => {
    const fake = fakeFetch((url) =>
      shortTag(url)
        ? new Response(null, {
            status: 200,
            headers: { 'content-type': MEDIA_TYPE.dockerManifest, 'docker-content-digest': D1 },
          })
        : status(404),
    );
    expect(await client(fake.fetch).manifestDigest('d24155b')).toBe(D1);
    expect(fake.calls.map((call) => [call.method, call.url, call.headers.accept, call.redirect])).toEqual([
      ['GET', 'http://127.0.0.1:5000/v2/', 'application/json', 'manual'],
      ['HEAD', 'http://127.0.0.1:5000/v2/acme/app/manifests/d24155b', MANIFEST_ACCEPT, 'manual'],
    ]);
  });

  it.each<[string, Record<string, string>]>([
    ['no Docker-Content-Digest', { 'content-type': MEDIA_TYPE.dockerManifest }],
    [
      'a Docker-Content-Digest that is no digest',
      { 'content-type': MEDIA_TYPE.dockerManifest, 'docker-content-digest': 'not-a-digest' },
    ],
    ['an empty Docker-Content-Digest', { 'content-type': MEDIA_TYPE.dockerManifest, 'docker-content-digest': '' }],
  ])('falls back to a GET, the digest of the body, on %s', async (_case, headers) => {
    const fake = fakeFetch((url) => {
      if (!shortTag(url)) return status(404);
      return new Response(manifest.bytes, { status: 200, headers });
    });
    // The fake cannot tell HEAD from GET: both answer the same headers; the GET's body gives the digest.
    expect(await client(fake.fetch).manifestDigest('d24155b')).toBe(manifest.digest);
    expect(fake.calls.map((call) => [call.method, new URL(call.url).pathname])).toEqual([
      ['GET', '/v2/'],
      ['HEAD', '/v2/acme/app/manifests/d24155b'],
      ['GET', '/v2/acme/app/manifests/d24155b'],
    ]);
  });

  it.each<[string, Response, number, string | undefined, string]>([
    ['a missing tag', status(404), 404, 'NOT_FOUND', 'The registry 127.0.0.1:5000 has no tag "d24155b" in acme/app.'],
    [
      'a missing tag, the error code in a body (some registries send one to HEAD)',
      status(404, {}, '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}'),
      404,
      'MANIFEST_UNKNOWN',
      'The registry 127.0.0.1:5000 has no tag "d24155b" in acme/app (MANIFEST_UNKNOWN: manifest unknown).',
    ],
    [
      'a denied repository',
      status(403),
      403,
      'DENIED',
      'The registry 127.0.0.1:5000 denied anonymous access to acme/app (HTTP 403).',
    ],
    [
      'another status: the message says HEAD',
      status(500),
      500,
      undefined,
      'The registry 127.0.0.1:5000 answered HTTP 500 to HEAD /v2/acme/app/manifests/d24155b.',
    ],
  ])('fails with a RegistryError on %s', async (_case, response, code, errorCode, message) => {
    const fake = fakeFetch((url) => (url.pathname === '/v2/' ? status(200) : response.clone()));
    const error = await client(fake.fetch)
      .manifestDigest('d24155b')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({ status: code, code: errorCode, message });
    expect(fake.calls.map((call) => [call.method, new URL(call.url).pathname])).toEqual([
      ['GET', '/v2/'],
      ['HEAD', '/v2/acme/app/manifests/d24155b'],
    ]);
  });

  it('a 429 to a HEAD: the message says HEAD', async () => {
    const fake = fakeFetch((url) => (url.pathname === '/v2/' ? status(200) : status(429)));
    const error = await new RegistryClient({
      registry: '127.0.0.1:5000',
      repository: 'acme/app',
      fetch: fake.fetch,
      retries: 0,
    })
      .manifestDigest('d24155b')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({
      status: 429,
      code: 'TOOMANYREQUESTS',
      message: 'The registry 127.0.0.1:5000 limits requests (HTTP 429 to HEAD /v2/acme/app/manifests/d24155b).',
    });
  });

  it("Basic: the ping's challenge is answered, the HEAD sent once with the credentials", async () => {
    const fake = fakeFetch((url, headers) => {
      if (headers.authorization !== BASIC) return status(401, { 'www-authenticate': 'Basic realm="e2e"' });
      return shortTag(url) ? status(200, { 'docker-content-digest': D2 }) : status(404);
    });
    expect(await client(fake.fetch, USER).manifestDigest('d24155b')).toBe(D2);
    expect(fake.calls.map((call) => [call.method, new URL(call.url).pathname, call.headers.authorization])).toEqual([
      ['GET', '/v2/', undefined],
      ['HEAD', '/v2/acme/app/manifests/d24155b', BASIC],
    ]);
  });

  it('Basic on the repository alone (the ping open): answers the challenge of a HEAD as of a GET, and repeats the HEAD', async () => {
    const fake = fakeFetch((url, headers) => {
      if (url.pathname === '/v2/') return status(200);
      if (headers.authorization !== BASIC) return status(401, { 'www-authenticate': 'Basic realm="e2e"' });
      return shortTag(url) ? status(200, { 'docker-content-digest': D2 }) : status(404);
    });
    expect(await client(fake.fetch, USER).manifestDigest('d24155b')).toBe(D2);
    expect(fake.calls.map((call) => [call.method, new URL(call.url).pathname, call.headers.authorization])).toEqual([
      ['GET', '/v2/', undefined],
      ['HEAD', '/v2/acme/app/manifests/d24155b', undefined],
      ['HEAD', '/v2/acme/app/manifests/d24155b', BASIC],
    ]);
  });

  it('Bearer: the token is fetched at the ping, the HEAD sent with it, and reused for the GET fallback', async () => {
    const fake = fakeFetch((url, headers) => {
      if (url.pathname === '/token') return new Response(JSON.stringify({ token: 'tok-1' }));
      if (headers.authorization !== 'Bearer tok-1')
        return status(401, { 'www-authenticate': 'Bearer realm="http://127.0.0.1:5000/token",service="r"' });
      return shortTag(url)
        ? new Response(manifest.bytes, { status: 200, headers: { 'content-type': MEDIA_TYPE.dockerManifest } })
        : status(404);
    });
    expect(await client(fake.fetch).manifestDigest('d24155b')).toBe(manifest.digest);
    expect(fake.calls.map((call) => [call.method, new URL(call.url).pathname, call.headers.authorization])).toEqual([
      ['GET', '/v2/', undefined],
      ['GET', '/token', undefined],
      ['HEAD', '/v2/acme/app/manifests/d24155b', 'Bearer tok-1'],
      ['GET', '/v2/acme/app/manifests/d24155b', 'Bearer tok-1'],
    ]);
  });

  it('refused credentials on a HEAD: as on a GET', async () => {
    const fake = fakeFetch(() => status(401, { 'www-authenticate': 'Basic realm="e2e"' }));
    const error = await client(fake.fetch, USER)
      .manifestDigest('d24155b')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({
      status: 401,
      code: 'UNAUTHORIZED',
      message: 'The registry 127.0.0.1:5000 refused the credentials of user "ci" for acme/app (HTTP 401).',
    });
  });
});

describe('RegistryClient: the /v2/ ping answers the challenge before the first manifest request', () => {
  const config = imageConfig([`SHA=${SHA}`]);
  const manifest = imageManifest(config);
  const LATEST = '/v2/acme/app/manifests/latest';
  const BLOB = `/v2/acme/app/blobs/${config.digest}`;
  const TOKEN = '/token?service=r.example&scope=repository%3Aacme%2Fapp%3Apull';
  const BEARER = 'Bearer realm="https://r.example/token",service="r.example"';

  /**
   * r.example: /v2/ answers `ping`; the manifest and the blob want the Authorization `wanted` (undefined: open),
   * else 401 with the challenge `challenge`; the token endpoint gives tok-1 to anyone.
   */
  function registry(ping: () => Response, wanted: string | undefined, challenge: string): Handler {
    return (url, headers) => {
      if (url.pathname === '/v2/') return ping();
      if (url.pathname === '/token') return new Response(JSON.stringify({ token: 'tok-1' }));
      if (wanted !== undefined && headers.authorization !== wanted)
        return status(401, { 'www-authenticate': challenge });
      if (url.pathname === LATEST) return ok(manifest, MEDIA_TYPE.dockerManifest);
      if (url.pathname === BLOB) return ok(config, 'application/octet-stream');
      return status(404);
    };
  }

  it.each<[string, Handler, RegistryAuth | undefined, [string, string | undefined][]]>([
    [
      'Basic: the credentials from the first manifest GET on',
      registry(() => status(401, { 'www-authenticate': 'Basic realm="r"' }), BASIC, 'Basic realm="r"'),
      USER,
      [
        ['/v2/', undefined],
        [LATEST, BASIC],
        [BLOB, BASIC],
      ],
    ],
    [
      "Bearer with credentials: a token of the repository's pull scope, asked with them",
      registry(() => status(401, { 'www-authenticate': BEARER }), 'Bearer tok-1', BEARER),
      USER,
      [
        ['/v2/', undefined],
        [TOKEN, BASIC],
        [LATEST, 'Bearer tok-1'],
        [BLOB, 'Bearer tok-1'],
      ],
    ],
    [
      'Bearer, anonymously: the token asked without an Authorization',
      registry(() => status(401, { 'www-authenticate': BEARER }), 'Bearer tok-1', BEARER),
      undefined,
      [
        ['/v2/', undefined],
        [TOKEN, undefined],
        [LATEST, 'Bearer tok-1'],
        [BLOB, 'Bearer tok-1'],
      ],
    ],
    [
      "Bearer with GHCR's placeholder scope at /v2/: the token still of this repository's pull scope",
      registry(
        () => status(401, { 'www-authenticate': `${BEARER},scope="repository:user/image:pull"` }),
        'Bearer tok-1',
        BEARER,
      ),
      undefined,
      [
        ['/v2/', undefined],
        [TOKEN, undefined],
        [LATEST, 'Bearer tok-1'],
        [BLOB, 'Bearer tok-1'],
      ],
    ],
    [
      'Bearer preferred when /v2/ offers Basic too',
      registry(() => status(401, { 'www-authenticate': `Basic realm="r", ${BEARER}` }), 'Bearer tok-1', BEARER),
      USER,
      [
        ['/v2/', undefined],
        [TOKEN, BASIC],
        [LATEST, 'Bearer tok-1'],
        [BLOB, 'Bearer tok-1'],
      ],
    ],
    [
      'no auth (200): nothing sent, credentials or not',
      registry(() => status(200, {}, '{}'), undefined, BEARER),
      USER,
      [
        ['/v2/', undefined],
        [LATEST, undefined],
        [BLOB, undefined],
      ],
    ],
    [
      'a registry whose /v2/ answers 404: no authorization from it; the 401 of the manifest is answered',
      registry(() => status(404), 'Bearer tok-1', BEARER),
      USER,
      [
        ['/v2/', undefined],
        [LATEST, undefined],
        [TOKEN, BASIC],
        [LATEST, 'Bearer tok-1'],
        [BLOB, 'Bearer tok-1'],
      ],
    ],
    [
      'a 401 at /v2/ without a challenge: nothing to answer yet; the manifest 401 is',
      registry(() => status(401), 'Bearer tok-1', BEARER),
      undefined,
      [
        ['/v2/', undefined],
        [LATEST, undefined],
        [TOKEN, undefined],
        [LATEST, 'Bearer tok-1'],
        [BLOB, 'Bearer tok-1'],
      ],
    ],
  ])('%s', async (_case, handler, auth, expected) => {
    const fake = fakeFetch(handler);
    const image = await new RegistryClient({
      registry: 'r.example',
      repository: 'acme/app',
      auth,
      fetch: fake.fetch,
    }).readImage('latest');
    expect(image.digest).toBe(manifest.digest);
    expect(
      fake.calls.map((call) => [
        `${new URL(call.url).pathname}${new URL(call.url).search}`,
        call.headers.authorization,
      ]),
    ).toEqual(expected);
    expect(fake.calls.map((call) => call.method)).toEqual(expected.map(() => 'GET'));
  });

  it('reads an image manifest with exactly one manifest GET and one blob GET', async () => {
    const fake = fakeFetch(registry(() => status(401, { 'www-authenticate': BEARER }), 'Bearer tok-1', BEARER));
    await new RegistryClient({ registry: 'r.example', repository: 'acme/app', fetch: fake.fetch }).readImage('latest');
    const paths = fake.calls.map((call) => new URL(call.url).pathname);
    expect(paths.filter((path) => path.includes('/manifests/'))).toEqual([LATEST]);
    expect(paths.filter((path) => path.includes('/blobs/'))).toEqual([BLOB]);
    expect(paths).toHaveLength(4); // and the ping and the token
  });

  it('one client: one ping and one token for all its requests', async () => {
    const fake = fakeFetch(registry(() => status(401, { 'www-authenticate': BEARER }), 'Bearer tok-1', BEARER));
    const client = new RegistryClient({ registry: 'r.example', repository: 'acme/app', auth: USER, fetch: fake.fetch });
    await client.readImage('latest');
    expect(await client.manifestDigest('latest')).toBe(manifest.digest);
    await client.readImage('latest');
    expect(fake.calls.map((call) => [call.method, new URL(call.url).pathname, call.headers.authorization])).toEqual([
      ['GET', '/v2/', undefined],
      ['GET', '/token', BASIC],
      ['GET', LATEST, 'Bearer tok-1'],
      ['GET', BLOB, 'Bearer tok-1'],
      ['HEAD', LATEST, 'Bearer tok-1'],
      ['GET', LATEST, 'Bearer tok-1'],
      ['GET', BLOB, 'Bearer tok-1'],
    ]);
  });

  it('an expired token (a 401 on a later request): one new token, the request repeated once, then success', async () => {
    let issued = 0;
    let expired = false;
    const fake = fakeFetch((url, headers) => {
      if (url.pathname === '/v2/') return status(401, { 'www-authenticate': BEARER });
      if (url.pathname === '/token') return new Response(JSON.stringify({ token: `tok-${++issued}` }));
      const valid = headers.authorization === `Bearer tok-${issued}` && !(expired && issued === 1);
      if (!valid) return status(401, { 'www-authenticate': BEARER });
      return url.pathname === LATEST ? ok(manifest, MEDIA_TYPE.dockerManifest) : ok(config, 'application/octet-stream');
    });
    const client = new RegistryClient({ registry: 'r.example', repository: 'acme/app', fetch: fake.fetch });
    await client.readImage('latest');
    expired = true;
    await client.readImage('latest');
    expect(fake.calls.map((call) => [new URL(call.url).pathname, call.headers.authorization])).toEqual([
      ['/v2/', undefined],
      ['/token', undefined],
      [LATEST, 'Bearer tok-1'],
      [BLOB, 'Bearer tok-1'],
      [LATEST, 'Bearer tok-1'],
      ['/token', undefined],
      [LATEST, 'Bearer tok-2'],
      [BLOB, 'Bearer tok-2'],
    ]);
  });
});

describe('RegistryClient: rate limits (429, and 503 with Retry-After)', () => {
  const config = imageConfig([`SHA=${SHA}`]);
  const manifest = imageManifest(config);
  const LATEST = '/v2/acme/app/manifests/latest';

  afterEach(() => {
    vi.useRealTimers();
  });

  /** An open registry whose manifest GETs answer `answers` first, one each, then the manifest. */
  function throttled(answers: (() => Response)[]): { fetch: FetchLike; calls: Call[] } {
    const queue = [...answers];
    return fakeFetch((url) => {
      if (url.pathname === LATEST) return (queue.shift() ?? (() => ok(manifest, MEDIA_TYPE.dockerManifest)))();
      if (url.pathname.includes('/blobs/')) return ok(config, 'application/octet-stream');
      return status(200);
    });
  }

  /** A client whose sleep only records how long it was asked to wait; its backoff at the top of its jitter. */
  function client(
    fetch: FetchLike,
    retries?: number,
    random: () => number = () => 1,
  ): { client: RegistryClient; waits: number[] } {
    const waits: number[] = [];
    const sleep = (ms: number): Promise<void> => {
      waits.push(ms);
      return Promise.resolve();
    };
    return {
      waits,
      client: new RegistryClient({
        registry: '127.0.0.1:5000',
        repository: 'acme/app',
        fetch,
        sleep,
        random,
        ...(retries === undefined ? {} : { retries }),
      }),
    };
  }

  const tooMany =
    (headers: Record<string, string> = {}, body = ''): (() => Response) =>
    () =>
      status(429, headers, body);

  it.each<[string, (() => Response)[], number[]]>([
    ['429 with Retry-After: 2: waits 2 s, then reads', [tooMany({ 'retry-after': '2' })], [2000]],
    ['429 with Retry-After: 0: asks again at once', [tooMany({ 'retry-after': '0' })], [0]],
    ['429 with Retry-After: 60, the most waited for', [tooMany({ 'retry-after': '60' })], [60_000]],
    ['429 without Retry-After: backs off 1 s', [tooMany()], [1000]],
    ['429 without Retry-After, three times: 1 s, 2 s, 4 s', [tooMany(), tooMany(), tooMany()], [1000, 2000, 4000]],
    [
      'Retry-After where given, else the backoff of that retry',
      [tooMany(), tooMany({ 'retry-after': '5' }), tooMany()],
      [1000, 5000, 4000],
    ],
    ['503 with Retry-After: 1: waits 1 s, then reads', [() => status(503, { 'retry-after': '1' })], [1000]],
  ])('%s', async (_case, answers, expected) => {
    const fake = throttled(answers);
    const { client: registry, waits } = client(fake.fetch);
    const image = await registry.readImage('latest');
    expect(image.digest).toBe(manifest.digest);
    expect(waits).toEqual(expected);
    expect(fake.calls.filter((call) => call.url.endsWith(LATEST))).toHaveLength(answers.length + 1);
  });

  it.each<[string, number, number[]]>([
    ['at the bottom of its jitter: half of 1 s, 2 s, 4 s', 0, [500, 1000, 2000]],
    ['in the middle', 0.5, [750, 1500, 3000]],
  ])('429 without Retry-After, backoff with jitter %s', async (_case, random, expected) => {
    const fake = throttled([tooMany(), tooMany(), tooMany()]);
    const { client: registry, waits } = client(fake.fetch, undefined, () => random);
    await registry.readImage('latest');
    expect(waits).toEqual(expected);
  });

  it('429 with an HTTP-date Retry-After: waits until then', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-06T10:00:00Z'));
    const fake = throttled([tooMany({ 'retry-after': 'Mon, 06 Jan 2025 10:00:07 GMT' })]);
    const { client: registry, waits } = client(fake.fetch);
    await registry.readImage('latest');
    expect(waits).toEqual([7000]);
  });

  it('429 with an HTTP-date more than a minute ahead: no wait, the error at once', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-06T10:00:00Z'));
    const fake = throttled([tooMany({ 'retry-after': 'Mon, 06 Jan 2025 10:05:00 GMT' })]);
    const { client: registry, waits } = client(fake.fetch);
    await expect(registry.readImage('latest')).rejects.toMatchObject({ status: 429, code: 'TOOMANYREQUESTS' });
    expect(waits).toEqual([]);
  });

  const always = (answer: () => Response): (() => Response)[] => Array.from({ length: 10 }, () => answer);

  it.each<[string, (() => Response)[], number | undefined, number[], number, Partial<RegistryError>]>([
    [
      '429 without Retry-After, every time: 1 s, 2 s, 4 s, then the error',
      always(tooMany()),
      undefined,
      [1000, 2000, 4000],
      4,
      {
        status: 429,
        code: 'TOOMANYREQUESTS',
        message:
          'The registry 127.0.0.1:5000 limits requests (HTTP 429 to GET /v2/acme/app/manifests/latest), also after 3 wait(s).',
      },
    ],
    [
      "429 with Retry-After and Docker Hub's body, every time: the wait and the body said",
      always(
        tooMany(
          { 'retry-after': '1' },
          '{"errors":[{"code":"TOOMANYREQUESTS","message":"You have reached your pull rate limit."}]}',
        ),
      ),
      undefined,
      [1000, 1000, 1000],
      4,
      {
        status: 429,
        code: 'TOOMANYREQUESTS',
        message:
          'The registry 127.0.0.1:5000 limits requests (HTTP 429 to GET /v2/acme/app/manifests/latest), asking to wait 1 s, also after 3 wait(s) (TOOMANYREQUESTS: You have reached your pull rate limit.).',
      },
    ],
    [
      "the body's error code is the error's",
      always(tooMany({}, '{"errors":[{"code":"RATE_LIMITED"}]}')),
      undefined,
      [1000, 2000, 4000],
      4,
      { status: 429, code: 'RATE_LIMITED' },
    ],
    [
      'retries: 0: the 429 at once',
      always(tooMany()),
      0,
      [],
      1,
      {
        status: 429,
        code: 'TOOMANYREQUESTS',
        message: 'The registry 127.0.0.1:5000 limits requests (HTTP 429 to GET /v2/acme/app/manifests/latest).',
      },
    ],
    [
      'retries: 5: 1 s … 16 s',
      always(tooMany()),
      5,
      [1000, 2000, 4000, 8000, 16_000],
      6,
      { status: 429, code: 'TOOMANYREQUESTS' },
    ],
    [
      'a 429 after a 503 with Retry-After: one count of retries for both',
      [() => status(503, { 'retry-after': '1' }), ...always(tooMany())],
      undefined,
      [1000, 2000, 4000],
      4,
      { status: 429 },
    ],
    [
      '503 with Retry-After, every time: retried, then answered as a 503',
      always(() => status(503, { 'retry-after': '1' })),
      undefined,
      [1000, 1000, 1000],
      4,
      {
        status: 503,
        message: 'The registry 127.0.0.1:5000 answered HTTP 503 to GET /v2/acme/app/manifests/latest.',
      },
    ],
    [
      '503 without Retry-After: not retried (the caller decides)',
      always(() => status(503)),
      undefined,
      [],
      1,
      {
        status: 503,
        message: 'The registry 127.0.0.1:5000 answered HTTP 503 to GET /v2/acme/app/manifests/latest.',
      },
    ],
  ])('%s', async (_case, answers, retries, expectedWaits, manifestGets, expected) => {
    const fake = throttled(answers);
    const { client: registry, waits } = client(fake.fetch, retries);
    const error = await registry.readImage('latest').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject(expected);
    expect(waits).toEqual(expectedWaits);
    expect(fake.calls.filter((call) => call.url.endsWith(LATEST))).toHaveLength(manifestGets);
  });

  it('Retry-After: 120, more than a minute: no wait, the 429 at once, saying how long was asked', async () => {
    const fake = throttled(always(tooMany({ 'retry-after': '120' })));
    const { client: registry, waits } = client(fake.fetch);
    const error = await registry.readImage('latest').then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({ status: 429, code: 'TOOMANYREQUESTS' });
    expect((error as Error).message).toMatch(
      /^The registry 127\.0\.0\.1:5000 limits requests \(HTTP 429 to GET \/v2\/acme\/app\/manifests\/latest\), asking to wait 120 s/,
    );
    expect(waits).toEqual([]);
    expect(fake.calls.filter((call) => call.url.endsWith(LATEST))).toHaveLength(1);
  });

  it('the ping and the token endpoint are waited for too', async () => {
    const answers: Record<string, (() => Response)[]> = {
      '/v2/': [tooMany({ 'retry-after': '1' })],
      '/token': [tooMany({ 'retry-after': '3' })],
    };
    const fake = fakeFetch((url, headers) => {
      const next = answers[url.pathname]?.shift();
      if (next !== undefined) return next();
      if (url.pathname === '/v2/')
        return status(401, { 'www-authenticate': 'Bearer realm="http://127.0.0.1:5000/token",service="r"' });
      if (url.pathname === '/token') return new Response(JSON.stringify({ token: 'tok-1' }));
      if (headers.authorization !== 'Bearer tok-1') return status(401);
      return url.pathname === LATEST ? ok(manifest, MEDIA_TYPE.dockerManifest) : ok(config, 'application/octet-stream');
    });
    const { client: registry, waits } = client(fake.fetch);
    await registry.readImage('latest');
    expect(waits).toEqual([1000, 3000]);
    expect(fake.calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/v2/',
      '/v2/',
      '/token',
      '/token',
      LATEST,
      `/v2/acme/app/blobs/${config.digest}`,
    ]);
  });
});
