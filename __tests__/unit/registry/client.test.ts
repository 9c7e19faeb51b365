import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLATFORM,
  MANIFEST_ACCEPT,
  MEDIA_TYPE,
  RegistryClient,
  RegistryError,
  digestOf,
  isLoopback,
  matchesDigest,
  parseImageConfig,
  parseManifest,
  parseWwwAuthenticate,
  platformName,
  registryBaseUrl,
  registryErrorCode,
  selectManifest,
  tokenUrl,
  type Challenge,
  type Descriptor,
  type FetchLike,
} from '../../../src/registry/client.js';
import type { RegistryAuth } from '../../../src/shared/vocabulary.js';

const SHA = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const D3 = `sha256:${'3'.repeat(64)}`;

describe('parseWwwAuthenticate', () => {
  it.each<[string, string, Challenge[]]>([
    ['empty', '', []],
    ['Basic with a quoted realm', 'Basic realm="e2e"', [{ scheme: 'basic', params: { realm: 'e2e' } }]],
    [
      'scheme is case-insensitive',
      'BASIC Realm="Registry Realm"',
      [{ scheme: 'basic', params: { realm: 'Registry Realm' } }],
    ],
    [
      'Docker Hub Bearer',
      'Bearer realm="https://auth.docker.io/token",service="registry.docker.io",scope="repository:library/nginx:pull"',
      [
        {
          scheme: 'bearer',
          params: {
            realm: 'https://auth.docker.io/token',
            service: 'registry.docker.io',
            scope: 'repository:library/nginx:pull',
          },
        },
      ],
    ],
    [
      'a comma inside a quoted scope',
      'Bearer realm="https://ghcr.io/token",service="ghcr.io",scope="repository:acme/app:pull,push"',
      [
        {
          scheme: 'bearer',
          params: { realm: 'https://ghcr.io/token', service: 'ghcr.io', scope: 'repository:acme/app:pull,push' },
        },
      ],
    ],
    [
      'white space around "=" and after commas',
      'Bearer realm = "https://r.example/token" ,  service = "r.example"',
      [{ scheme: 'bearer', params: { realm: 'https://r.example/token', service: 'r.example' } }],
    ],
    [
      'unquoted values, even a URL',
      'Bearer realm=https://r.example/token,service=r.example',
      [{ scheme: 'bearer', params: { realm: 'https://r.example/token', service: 'r.example' } }],
    ],
    [
      'escaped quote in a quoted value',
      'Basic realm="say \\"hi\\""',
      [{ scheme: 'basic', params: { realm: 'say "hi"' } }],
    ],
    [
      'two challenges in one header',
      'Basic realm="x", Bearer realm="https://t.example/token",service="t"',
      [
        { scheme: 'basic', params: { realm: 'x' } },
        { scheme: 'bearer', params: { realm: 'https://t.example/token', service: 't' } },
      ],
    ],
    ['a scheme without parameters', 'Negotiate', [{ scheme: 'negotiate', params: {} }]],
    [
      'parameter names are lower-cased',
      'Bearer Realm="r",SERVICE="s"',
      [{ scheme: 'bearer', params: { realm: 'r', service: 's' } }],
    ],
  ])('%s', (_case, header, expected) => {
    expect(parseWwwAuthenticate(header)).toEqual(expected);
  });
});

describe('tokenUrl', () => {
  it.each<[string, Challenge, string]>([
    [
      'service and scope from the challenge',
      {
        scheme: 'bearer',
        params: {
          realm: 'https://auth.docker.io/token',
          service: 'registry.docker.io',
          scope: 'repository:library/nginx:pull',
        },
      },
      'https://auth.docker.io/token?service=registry.docker.io&scope=repository%3Alibrary%2Fnginx%3Apull',
    ],
    [
      'no scope in the challenge: pull of the repository',
      { scheme: 'bearer', params: { realm: 'https://ghcr.io/token', service: 'ghcr.io' } },
      'https://ghcr.io/token?service=ghcr.io&scope=repository%3Aacme%2Fapp%3Apull',
    ],
    [
      'a realm with a query of its own keeps it',
      { scheme: 'bearer', params: { realm: 'https://r.example/auth?account=x', scope: 'repository:acme/app:pull' } },
      'https://r.example/auth?account=x&scope=repository%3Aacme%2Fapp%3Apull',
    ],
    [
      'space-separated scopes become one parameter each',
      { scheme: 'bearer', params: { realm: 'https://r.example/token', scope: 'repository:a:pull repository:b:pull' } },
      'https://r.example/token?scope=repository%3Aa%3Apull&scope=repository%3Ab%3Apull',
    ],
  ])('%s', (_case, challenge, expected) => {
    expect(tokenUrl(challenge, 'acme/app').toString()).toBe(expected);
  });

  it.each<[string, Record<string, string>, RegExp]>([
    ['no realm', { service: 's' }, /named no realm/],
    ['a realm that is no URL', { realm: 'token' }, /is not a URL/],
    ['a realm that is no http(s) URL', { realm: 'file:///etc/passwd' }, /is not an http\(s\) URL/],
  ])('refuses %s', (_case, params, message) => {
    expect(() => tokenUrl({ scheme: 'bearer', params }, 'acme/app')).toThrow(message);
  });
});

describe('registryBaseUrl and isLoopback', () => {
  it.each([
    ['docker.io', 'https://registry-1.docker.io'],
    ['ghcr.io', 'https://ghcr.io'],
    ['registry.example.com:5000', 'https://registry.example.com:5000'],
    ['localhost:5000', 'http://localhost:5000'],
    ['localhost', 'http://localhost'],
    ['LocalHost:5000', 'http://LocalHost:5000'],
    ['127.0.0.1:5000', 'http://127.0.0.1:5000'],
    ['127.1.2.3', 'http://127.1.2.3'],
    ['[::1]:5000', 'http://[::1]:5000'],
    ['128.0.0.1:5000', 'https://128.0.0.1:5000'],
    ['127.0.0.256:5000', 'https://127.0.0.256:5000'],
    ['127.0.0.1.example.com', 'https://127.0.0.1.example.com'],
    ['localhost.example.com', 'https://localhost.example.com'],
    ['[2001:db8::1]:5000', 'https://[2001:db8::1]:5000'],
  ])('%s → %s', (registry, expected) => {
    expect(registryBaseUrl(registry)).toBe(expected);
    expect(isLoopback(registry)).toBe(expected.startsWith('http:'));
  });
});

describe('parseManifest', () => {
  const config = { mediaType: MEDIA_TYPE.dockerConfig, digest: D1, size: 10 };
  const entry = (digest: string, architecture: string) => ({
    mediaType: MEDIA_TYPE.ociManifest,
    digest,
    size: 5,
    platform: { os: 'linux', architecture },
  });

  it.each<[string, unknown, string, string, 'image' | 'index']>([
    [
      'Docker v2 manifest by its mediaType',
      { schemaVersion: 2, mediaType: MEDIA_TYPE.dockerManifest, config, layers: [] },
      'application/json',
      MEDIA_TYPE.dockerManifest,
      'image',
    ],
    [
      'OCI manifest by Content-Type (no mediaType field)',
      { schemaVersion: 2, config, layers: [] },
      `${MEDIA_TYPE.ociManifest}; charset=utf-8`,
      MEDIA_TYPE.ociManifest,
      'image',
    ],
    [
      'OCI manifest by its shape',
      { schemaVersion: 2, config, layers: [] },
      'text/plain',
      MEDIA_TYPE.ociManifest,
      'image',
    ],
    [
      'Docker manifest list',
      { schemaVersion: 2, mediaType: MEDIA_TYPE.dockerManifestList, manifests: [entry(D2, 'amd64')] },
      MEDIA_TYPE.dockerManifestList,
      MEDIA_TYPE.dockerManifestList,
      'index',
    ],
    [
      'OCI index by Content-Type',
      { schemaVersion: 2, manifests: [entry(D2, 'amd64')] },
      MEDIA_TYPE.ociIndex,
      MEDIA_TYPE.ociIndex,
      'index',
    ],
    ['OCI index by its shape', { schemaVersion: 2, manifests: [] }, '', MEDIA_TYPE.ociIndex, 'index'],
    [
      "the body's mediaType wins over a wrong Content-Type",
      { schemaVersion: 2, mediaType: MEDIA_TYPE.ociIndex, manifests: [] },
      MEDIA_TYPE.dockerManifest,
      MEDIA_TYPE.ociIndex,
      'index',
    ],
  ])('%s', (_case, body, contentType, mediaType, kind) => {
    const parsed = parseManifest(body, contentType);
    expect(parsed.kind).toBe(kind);
    expect(parsed.mediaType).toBe(mediaType);
  });

  it('reads the config descriptor and the index entries with their platforms', () => {
    expect(parseManifest({ schemaVersion: 2, mediaType: MEDIA_TYPE.ociManifest, config, layers: [] }, '')).toEqual({
      kind: 'image',
      mediaType: MEDIA_TYPE.ociManifest,
      config: { mediaType: MEDIA_TYPE.dockerConfig, digest: D1 },
    });
    const index = parseManifest(
      {
        manifests: [
          entry(D2, 'arm64'),
          { ...entry(D3, 'arm'), platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
          { mediaType: 'x', digest: D1 },
        ],
      },
      MEDIA_TYPE.ociIndex,
    );
    expect(index).toEqual({
      kind: 'index',
      mediaType: MEDIA_TYPE.ociIndex,
      manifests: [
        { mediaType: MEDIA_TYPE.ociManifest, digest: D2, platform: { os: 'linux', architecture: 'arm64' } },
        {
          mediaType: MEDIA_TYPE.ociManifest,
          digest: D3,
          platform: { os: 'linux', architecture: 'arm', variant: 'v7' },
        },
        { mediaType: 'x', digest: D1 },
      ],
    });
  });

  it.each<[string, unknown, string, RegExp]>([
    ['not an object', [1, 2], MEDIA_TYPE.ociManifest, /not a JSON object/],
    [
      'schema 1',
      { schemaVersion: 1, name: 'x', fsLayers: [] },
      'application/vnd.docker.distribution.manifest.v1+prettyjws',
      /schema 1, which is not supported/,
    ],
    [
      'an unknown media type',
      { schemaVersion: 2, mediaType: 'application/vnd.cncf.helm.chart' },
      '',
      /media type "application\/vnd.cncf.helm.chart"; expected a Docker or OCI image manifest or index/,
    ],
    [
      'a config digest that is no digest',
      { mediaType: MEDIA_TYPE.ociManifest, config: { digest: 'sha256:../../etc' } },
      '',
      /has the digest "sha256:..\/..\/etc"; expected sha256/,
    ],
    [
      'an index entry with an upper-case digest',
      { mediaType: MEDIA_TYPE.ociIndex, manifests: [{ digest: `sha256:${'A'.repeat(64)}` }] },
      '',
      /index entry 1 has the digest/,
    ],
    ['an index without a manifests list', { mediaType: MEDIA_TYPE.dockerManifestList }, '', /has no manifests list/],
  ])('refuses %s', (_case, body, contentType, message) => {
    expect(() => parseManifest(body, contentType)).toThrow(message);
  });
});

describe('selectManifest', () => {
  const at = (digest: string, os: string, architecture: string, variant?: string): Descriptor => ({
    mediaType: MEDIA_TYPE.ociManifest,
    digest,
    platform: { os, architecture, ...(variant === undefined ? {} : { variant }) },
  });
  const attestation: Descriptor = {
    mediaType: MEDIA_TYPE.ociManifest,
    digest: D3,
    platform: { os: 'unknown', architecture: 'unknown' },
  };

  it.each<[string, Descriptor[], string]>([
    ['linux/amd64 among several', [at(D1, 'linux', 'arm64', 'v8'), at(D2, 'linux', 'amd64')], D2],
    ['linux/amd64 next to a buildx attestation entry', [at(D2, 'linux', 'amd64'), attestation], D2],
    ['the first linux/amd64 when there are two', [at(D1, 'linux', 'amd64'), at(D2, 'linux', 'amd64')], D1],
    ['the only entry, whatever its platform', [at(D1, 'linux', 'arm64')], D1],
    ['the only entry, even without a platform', [{ mediaType: MEDIA_TYPE.dockerManifest, digest: D1 }], D1],
  ])('%s', (_case, manifests, digest) => {
    expect(selectManifest(manifests).digest).toBe(digest);
  });

  it.each<[string, Descriptor[], RegExp]>([
    [
      'none matching lists the platforms',
      [at(D1, 'linux', 'arm64', 'v8'), at(D2, 'linux', 's390x'), attestation],
      /^The index has no linux\/amd64 image; its entries are linux\/arm64\/v8, linux\/s390x, unknown\/unknown\.$/,
    ],
    [
      'windows/amd64 is not linux/amd64',
      [at(D1, 'windows', 'amd64'), at(D2, 'linux', 'arm64')],
      /its entries are windows\/amd64, linux\/arm64\./,
    ],
    ['an empty index', [], /lists no manifests/],
  ])('%s', (_case, manifests, message) => {
    expect(() => selectManifest(manifests)).toThrow(message);
  });

  it('takes another platform when asked', () => {
    expect(
      selectManifest([at(D1, 'linux', 'amd64'), at(D2, 'linux', 'arm64', 'v8')], {
        os: 'linux',
        architecture: 'arm64',
        variant: 'v8',
      }).digest,
    ).toBe(D2);
    expect(DEFAULT_PLATFORM).toEqual({ os: 'linux', architecture: 'amd64' });
    expect(platformName(undefined)).toBe('no platform');
  });
});

describe('parseImageConfig', () => {
  it.each<[string, unknown, { env: string[]; labels: Record<string, string> }]>([
    [
      'env and labels',
      { architecture: 'amd64', config: { Env: ['PATH=/bin', `SHA=${SHA}`], Labels: { a: 'b' } } },
      { env: ['PATH=/bin', `SHA=${SHA}`], labels: { a: 'b' } },
    ],
    ['null labels (docker writes them)', { config: { Env: ['A=1'], Labels: null } }, { env: ['A=1'], labels: {} }],
    ['no config at all', { architecture: 'amd64' }, { env: [], labels: {} }],
    [
      'non-string values become empty',
      { config: { Env: ['A=1', 2], Labels: { n: 1 } } },
      { env: ['A=1', ''], labels: { n: '' } },
    ],
  ])('%s', (_case, body, expected) => {
    expect(parseImageConfig(body)).toEqual(expected);
  });
});

describe('digests and registry errors', () => {
  it('computes and checks sha256 and sha512 digests', () => {
    const bytes = new TextEncoder().encode('{}');
    const sha256 = `sha256:${createHash('sha256').update('{}').digest('hex')}`;
    const sha512 = `sha512:${createHash('sha512').update('{}').digest('hex')}`;
    expect(digestOf(bytes)).toBe(sha256);
    expect(digestOf(bytes, 'sha512')).toBe(sha512);
    expect(matchesDigest(bytes, sha256)).toBe(true);
    expect(matchesDigest(bytes, sha512)).toBe(true);
    expect(matchesDigest(bytes, D1)).toBe(false);
    expect(matchesDigest(bytes, 'md5:abc')).toBe(false);
  });

  it.each<[string, { code: string; message: string } | undefined]>([
    [
      '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown","detail":{"Tag":"nope"}}]}',
      { code: 'MANIFEST_UNKNOWN', message: 'manifest unknown' },
    ],
    ['{"errors":[{"code":"NAME_UNKNOWN"}]}', { code: 'NAME_UNKNOWN', message: '' }],
    ['{"errors":[]}', undefined],
    ['404 page not found', undefined],
    ['', undefined],
  ])('registryErrorCode(%j)', (body, expected) => {
    expect(registryErrorCode(body)).toEqual(expected);
  });
});

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
    expect(fake.calls.map((call) => [call.url, call.headers.authorization])).toEqual([
      ['http://127.0.0.1:5000/v2/acme/app/manifests/latest', undefined],
      ['http://127.0.0.1:5000/v2/acme/app/manifests/latest', BASIC],
      [`http://127.0.0.1:5000/v2/acme/app/blobs/${config.digest}`, BASIC],
    ]);
    expect(fake.calls[0]?.headers.accept).toBe(MANIFEST_ACCEPT);
    expect(MANIFEST_ACCEPT.split(', ')).toEqual([
      MEDIA_TYPE.dockerManifest,
      MEDIA_TYPE.dockerManifestList,
      MEDIA_TYPE.ociManifest,
      MEDIA_TYPE.ociIndex,
    ]);
    expect(fake.calls.every((call) => call.redirect === 'manual')).toBe(true);
  });

  it('Bearer: gets a token from the realm with service and scope, with basic auth, and retries with it', async () => {
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
      ['https://ghcr.io/v2/acme/app/manifests/v1', undefined],
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
      ['https://registry-1.docker.io/v2/library/nginx/manifests/latest', undefined],
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
    expect(fake.calls.map((call) => [new URL(call.url).pathname, call.headers.authorization])).toEqual([
      ['/v2/acme/app/manifests/latest', undefined],
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
    expect(fake.calls.map((call) => new URL(call.url).pathname)).toEqual([
      '/v2/acme/app/manifests/latest',
      `/v2/acme/app/manifests/${amdManifest.digest}`,
      `/v2/acme/app/blobs/${amdConfig.digest}`,
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
    expect(fake.calls.map((call) => call.method)).toEqual(['GET', 'GET', 'GET']);
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
      ['HEAD', '/v2/acme/app/manifests/d24155b'],
      ['GET', '/v2/acme/app/manifests/d24155b'],
    ]);
  });

  it.each<[string, Response, number, string, string]>([
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
  ])('fails with a RegistryError on %s', async (_case, response, code, errorCode, message) => {
    const fake = fakeFetch(() => response.clone());
    const error = await client(fake.fetch)
      .manifestDigest('d24155b')
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({ status: code, code: errorCode, message });
    expect(fake.calls.map((call) => call.method)).toEqual(['HEAD']);
  });

  it('Basic: answers the challenge of a HEAD as of a GET, and repeats the HEAD', async () => {
    const fake = fakeFetch((url, headers) => {
      if (headers.authorization !== BASIC) return status(401, { 'www-authenticate': 'Basic realm="e2e"' });
      return shortTag(url) ? status(200, { 'docker-content-digest': D2 }) : status(404);
    });
    expect(await client(fake.fetch, USER).manifestDigest('d24155b')).toBe(D2);
    expect(fake.calls.map((call) => [call.method, call.headers.authorization])).toEqual([
      ['HEAD', undefined],
      ['HEAD', BASIC],
    ]);
  });

  it('Bearer: the token is fetched with GET, the HEAD repeated with it, and reused for the GET fallback', async () => {
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
      ['HEAD', '/v2/acme/app/manifests/d24155b', undefined],
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
