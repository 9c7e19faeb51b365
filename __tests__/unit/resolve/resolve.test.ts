import { describe, expect, it } from 'vitest';
import type { ImageDetails, ImageStore } from '../../../src/docker/output.js';
import { digestOf, MEDIA_TYPE, type ImageConfig } from '../../../src/registry/manifest.js';
import { type FetchLike } from '../../../src/registry/client.js';
import {
  cliLines,
  failureLine,
  findSha,
  resolutionOutputs,
  resolveImage,
  summaryLine,
  type Resolution,
} from '../../../src/resolve/resolve.js';
import { parseResolveInputs, requestFor, type ResolveRequest } from '../../../src/resolve/inputs.js';
import { bytesOf, engineDeps, recordingLogger } from './fakes.js';

const SHA = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
const SHA_B = 'b'.repeat(40);
const SHA256 = 'c'.repeat(64);
const LABEL = 'org.opencontainers.image.revision';
const REF = 'ghcr.io/acme/app:latest';

function config(env: string[], labels: Record<string, string> = {}): ImageConfig {
  return { env, labels };
}

describe('findSha', () => {
  it.each<[string, ImageConfig, string, string, 'env' | 'label', string[]]>([
    ['env only', config(['PATH=/bin', `SHA=${SHA}`]), 'SHA', SHA, 'env', []],
    ['env and the same label', config([`SHA=${SHA}`], { [LABEL]: SHA }), 'SHA', SHA, 'env', []],
    ['a 64-hex (sha256 repository) sha', config([`SHA=${SHA256}`]), 'SHA', SHA256, 'env', []],
    ['another variable name', config([`GIT_COMMIT=${SHA}`, `SHA=${SHA_B}`]), 'GIT_COMMIT', SHA, 'env', []],
    [
      'the last of duplicate entries wins, as docker does',
      config([`SHA=${SHA_B}`, `SHA=${SHA}`]),
      'SHA',
      SHA,
      'env',
      [],
    ],
    [
      'a prefix-sharing variable is not the variable',
      config([`SHA_OLD=${SHA_B}`], { [LABEL]: SHA }),
      'SHA',
      SHA,
      'label',
      [`info:${REF} has no env SHA; the commit comes from its label ${LABEL}.`],
    ],
    [
      'label only',
      config(['PATH=/bin'], { [LABEL]: SHA }),
      'SHA',
      SHA,
      'label',
      [`info:${REF} has no env SHA; the commit comes from its label ${LABEL}.`],
    ],
    [
      'env holds no sha: the label',
      config(['SHA=dev'], { [LABEL]: SHA }),
      'SHA',
      SHA,
      'label',
      [`warning:${REF}: env SHA is "dev", not a commit sha; the commit comes from its label ${LABEL}.`],
    ],
    [
      'env holds a short sha: the label',
      config(['SHA=d24155b'], { [LABEL]: SHA }),
      'SHA',
      SHA,
      'label',
      [`warning:${REF}: env SHA is "d24155b", not a commit sha; the commit comes from its label ${LABEL}.`],
    ],
    [
      'env holds an upper-case sha: the label',
      config([`SHA=${SHA.toUpperCase()}`], { [LABEL]: SHA }),
      'SHA',
      SHA,
      'label',
      [
        `warning:${REF}: env SHA is "${SHA.toUpperCase()}", not a commit sha; the commit comes from its label ${LABEL}.`,
      ],
    ],
    [
      'env and label disagree: env, with a warning',
      config([`SHA=${SHA}`], { [LABEL]: SHA_B }),
      'SHA',
      SHA,
      'env',
      [`warning:${REF}: env SHA is ${SHA} but label ${LABEL} is ${SHA_B}; using the env.`],
    ],
    [
      'env is a sha, label garbage: env, quietly',
      config([`SHA=${SHA}`], { [LABEL]: 'declared-in-dockerfile' }),
      'SHA',
      SHA,
      'env',
      [],
    ],
  ])('%s', (_case, imageConfig, shaEnv, sha, from, notes) => {
    const found = findSha(imageConfig, shaEnv, REF);
    expect(found.sha).toBe(sha);
    expect(found.from).toBe(from);
    expect(found.notes.map((note) => `${note.level}:${note.message}`)).toEqual(notes);
  });

  it.each<[string, ImageConfig, string]>([
    [
      'neither',
      config(['PATH=/bin']),
      `${REF} carries no commit sha: env SHA is missing and label ${LABEL} is missing; expected a full commit sha (40 or 64 lowercase hex characters) in either.`,
    ],
    [
      'both hold something else',
      config(['SHA=declared-in-dockerfile'], { [LABEL]: 'v1.2' }),
      `env SHA is "declared-in-dockerfile" and label ${LABEL} is "v1.2"`,
    ],
    ['an empty env', config(['SHA='], {}), 'env SHA is "" and label'],
    ['a very long value is cut', config([`SHA=${'x'.repeat(200)}`]), `env SHA is "${'x'.repeat(80)}…" and`],
  ])('names the image, the variable and the label when %s', (_case, imageConfig, message) => {
    expect(() => findSha(imageConfig, 'SHA', REF)).toThrow(message);
  });
});

// ---------------------------------------------------------------------------------------------

/** The request of the `image` input (one image), parsed as the action does. */
function inputs(overrides: Record<string, string> = {}): ResolveRequest {
  const raw: Record<string, string> = {
    image: 'ghcr.io/acme/app',
    tag: 'latest',
    images: '',
    'sha-env': 'SHA',
    source: 'auto',
    'tag-length': '7',
    'check-pairs': 'true',
    'registry-username': '',
    'registry-password': '',
    ...overrides,
  };
  const parsed = parseResolveInputs((name) => raw[name] ?? '');
  const entry = parsed.entries[0];
  if (parsed.entries.length !== 1 || entry === undefined) throw new Error('expected one image');
  return requestFor(parsed, entry);
}

function localImage(env: string[], repoDigests: string[] = [], labels: Record<string, string> = {}): ImageDetails {
  return { id: `sha256:${'e'.repeat(64)}`, env, labels, repoDigests, repoTags: ['ghcr.io/acme/app:latest'], cmd: [] };
}

/** An anonymous registry holding one Docker v2 image at ghcr.io/acme/app:latest with `env`. */
function registryWith(env: string[]): { fetch: FetchLike; urls: string[]; digest: string } {
  const configBytes = bytesOf({ config: { Env: env } });
  const manifestBytes = bytesOf({
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.dockerManifest,
    config: { mediaType: MEDIA_TYPE.dockerConfig, digest: digestOf(configBytes), size: configBytes.byteLength },
    layers: [],
  });
  const urls: string[] = [];
  const fetch: FetchLike = (url) => {
    urls.push(url);
    const { pathname } = new URL(url);
    if (pathname === '/v2/acme/app/manifests/latest')
      return Promise.resolve(new Response(manifestBytes, { headers: { 'content-type': MEDIA_TYPE.dockerManifest } }));
    if (pathname === `/v2/acme/app/blobs/${digestOf(configBytes)}`) return Promise.resolve(new Response(configBytes));
    return Promise.resolve(
      new Response('{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}', { status: 404 }),
    );
  };
  return { fetch, urls, digest: digestOf(manifestBytes) };
}

/** An anonymous registry holding an index at ghcr.io/acme/app:latest: linux/amd64 and linux/arm64, each attested. */
function registryWithIndex(): { fetch: FetchLike; digest: string; images: Record<string, string> } {
  const blobs = new Map<string, Uint8Array>();
  const put = (bytes: Uint8Array): string => {
    blobs.set(digestOf(bytes), bytes);
    return digestOf(bytes);
  };
  const image = (sha: string): { digest: string; size: number } => {
    const configBytes = bytesOf({ config: { Env: [`SHA=${sha}`] } });
    const manifestBytes = bytesOf({
      schemaVersion: 2,
      mediaType: MEDIA_TYPE.ociManifest,
      config: { mediaType: MEDIA_TYPE.ociConfig, digest: put(configBytes), size: configBytes.byteLength },
      layers: [],
    });
    return { digest: put(manifestBytes), size: manifestBytes.byteLength };
  };
  const amd64 = image(SHA);
  const arm64 = image(SHA_B);
  const attestation = (of: string) => ({
    mediaType: MEDIA_TYPE.ociManifest,
    ...image('0'.repeat(40)),
    platform: { os: 'unknown', architecture: 'unknown' },
    annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': of },
  });
  const index = bytesOf({
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.ociIndex,
    manifests: [
      { mediaType: MEDIA_TYPE.ociManifest, ...amd64, platform: { os: 'linux', architecture: 'amd64' } },
      { mediaType: MEDIA_TYPE.ociManifest, ...arm64, platform: { os: 'linux', architecture: 'arm64' } },
      attestation(amd64.digest),
      attestation(arm64.digest),
    ],
  });
  const fetch: FetchLike = (url) => {
    const { pathname } = new URL(url);
    const reference = /^\/v2\/acme\/app\/(?:manifests|blobs)\/(.+)$/.exec(pathname)?.[1];
    const bytes = reference === 'latest' ? index : reference === undefined ? undefined : blobs.get(reference);
    if (bytes === undefined) return Promise.resolve(new Response(null, { status: pathname === '/v2/' ? 200 : 404 }));
    const type = pathname.includes('/manifests/') ? MEDIA_TYPE.ociManifest : 'application/octet-stream';
    return Promise.resolve(
      new Response(bytes, { headers: { 'content-type': reference === 'latest' ? MEDIA_TYPE.ociIndex : type } }),
    );
  };
  return { fetch, digest: digestOf(index), images: { 'linux/amd64': amd64.digest, 'linux/arm64': arm64.digest } };
}

const overlay2 = (): Promise<ImageStore> => Promise.resolve({ kind: 'graphdriver', driver: 'overlay2' });
const noFetch: FetchLike = () => Promise.reject(new Error('the registry must not be asked'));
const LOCAL_DIGEST = `sha256:${'d'.repeat(64)}`;

describe('resolveImage', () => {
  it('auto, image present locally: reads it there, never asks the registry; the one RepoDigest of the repository is the digest', async () => {
    const asked: string[] = [];
    const { lines, logger } = recordingLogger();
    const result = await resolveImage(
      inputs(),
      logger,
      engineDeps({
        fetch: noFetch,
        imageStore: overlay2,
        inspectLocal: (ref) => {
          asked.push(ref);
          return Promise.resolve(
            localImage(
              [`SHA=${SHA}`],
              [`ghcr.io/acme/app@${LOCAL_DIGEST}`, `ghcr.io/acme/other@sha256:${'f'.repeat(64)}`],
            ),
          );
        },
      }),
    );
    expect(asked).toEqual([REF]);
    expect(result).toEqual({
      ref: REF,
      sha: SHA,
      tag: 'd24155b',
      digest: LOCAL_DIGEST,
      imageRef: 'ghcr.io/acme/app:d24155b',
      source: 'local',
      shaFrom: 'env SHA',
    } satisfies Resolution);
    expect(lines).toEqual([
      `info:Read ${REF} from the local image store (image sha256:${'e'.repeat(64)}); nothing was run or pulled.`,
    ]);
  });

  it.each<[string, string[], ImageStore, string, string | undefined]>([
    ['no RepoDigests (built here, never pushed)', [], { kind: 'graphdriver', driver: 'overlay2' }, '', undefined],
    [
      'several digests for the repository',
      [`ghcr.io/acme/app@${LOCAL_DIGEST}`, `ghcr.io/acme/app@sha256:${'f'.repeat(64)}`],
      { kind: 'graphdriver', driver: 'overlay2' },
      '',
      undefined,
    ],
    [
      "a Docker Hub image's familiar name",
      [`acme/app@${LOCAL_DIGEST}`],
      { kind: 'graphdriver', driver: 'overlay2' },
      '',
      undefined,
    ],
    [
      'one digest on the graph driver: a registry gave it',
      [`ghcr.io/acme/app@${LOCAL_DIGEST}`],
      { kind: 'graphdriver', driver: 'overlay2' },
      LOCAL_DIGEST,
      undefined,
    ],
    [
      "one digest on the containerd store: the image's own, pushed or not",
      [`ghcr.io/acme/app@${LOCAL_DIGEST}`],
      { kind: 'containerd' },
      '',
      'containerd image store',
    ],
    [
      'one digest, the store not known',
      [`ghcr.io/acme/app@${LOCAL_DIGEST}`],
      { kind: 'unknown' },
      '',
      'did not say which image store',
    ],
  ])('local digest with %s', async (_case, repoDigests, store, digest, note) => {
    const { lines, logger } = recordingLogger();
    const result = await resolveImage(
      inputs({ source: 'local' }),
      logger,
      engineDeps({
        fetch: noFetch,
        imageStore: () => Promise.resolve(store),
        inspectLocal: () => Promise.resolve(localImage([`SHA=${SHA}`], repoDigests)),
      }),
    );
    expect(result.digest).toBe(digest);
    if (note === undefined) expect(lines.filter((line) => line.includes('digest is left empty'))).toEqual([]);
    else expect(lines.find((line) => line.includes('digest is left empty'))).toContain(note);
  });

  it("auto, image not local: reads the registry; the digest is the manifest's", async () => {
    const registry = registryWith([`SHA=${SHA}`]);
    const { lines, logger } = recordingLogger();
    const result = await resolveImage(
      inputs({ 'tag-length': '12' }),
      logger,
      engineDeps({
        fetch: registry.fetch,
        inspectLocal: () => Promise.resolve(undefined),
      }),
    );
    expect(result).toEqual({
      ref: REF,
      sha: SHA,
      tag: SHA.slice(0, 12),
      digest: registry.digest,
      imageRef: `ghcr.io/acme/app:${SHA.slice(0, 12)}`,
      source: 'registry',
      shaFrom: 'env SHA',
    } satisfies Resolution);
    // The ping, the manifest once, its config.
    expect(registry.urls.slice(0, 2)).toEqual(['https://ghcr.io/v2/', 'https://ghcr.io/v2/acme/app/manifests/latest']);
    expect(registry.urls).toHaveLength(3);
    expect(lines).toEqual([
      `info:${REF} is not in the local image store; reading the registry ghcr.io.`,
      `info:Read ${REF} from the registry ghcr.io (${registry.digest}); nothing was pulled.`,
    ]);
  });

  it.each<[string, string, string]>([
    ['linux/amd64', 'linux/amd64', SHA],
    ['linux/arm64', 'linux/arm64', SHA_B],
    ['linux/arm64, trimmed', ' linux/arm64 ', SHA_B],
  ])('an index: the image of the platform input, never an attestation: %s', async (_case, platform, sha) => {
    const registry = registryWithIndex();
    const { lines, logger } = recordingLogger();
    const name = platform.trim();
    const result = await resolveImage(
      inputs({ source: 'registry', platform }),
      logger,
      engineDeps({ fetch: registry.fetch }),
    );
    expect(result).toMatchObject({ sha, digest: registry.digest, source: 'registry' });
    expect(lines).toEqual([
      `info:Read ${REF} from the registry ghcr.io (${registry.digest}; it is an index: read its ${name} image ${registry.images[name]}); nothing was pulled.`,
    ]);
  });

  it('an index without the platform asked for: says which it has, attestations not among them', async () => {
    await expect(
      resolveImage(
        inputs({ source: 'registry', platform: 'linux/arm/v7' }),
        recordingLogger().logger,
        engineDeps({
          fetch: registryWithIndex().fetch,
        }),
      ),
    ).rejects.toThrow(
      new Error(
        `Could not resolve ${REF}: The index has no linux/arm/v7 image; its entries are linux/amd64, linux/arm64.`,
      ),
    );
  });

  it('auto, docker cannot tell (no engine): reads the registry and says why', async () => {
    const registry = registryWith([`SHA=${SHA}`]);
    const { lines, logger } = recordingLogger();
    const result = await resolveImage(
      inputs(),
      logger,
      engineDeps({
        fetch: registry.fetch,
        inspectLocal: () => Promise.reject(new Error('Cannot connect to the Docker daemon')),
      }),
    );
    expect(result.source).toBe('registry');
    expect(lines[0]).toBe(
      `info:docker could not tell whether ${REF} is local (Cannot connect to the Docker daemon); reading the registry.`,
    );
  });

  it('registry: never asks docker', async () => {
    const registry = registryWith([`SHA=${SHA}`]);
    const result = await resolveImage(
      inputs({ source: 'registry' }),
      recordingLogger().logger,
      engineDeps({
        fetch: registry.fetch,
        inspectLocal: () => Promise.reject(new Error('docker must not be asked')),
      }),
    );
    expect(result.source).toBe('registry');
  });

  it('passes the fallback notes through the logger', async () => {
    const { lines, logger } = recordingLogger();
    const result = await resolveImage(
      inputs({ source: 'local' }),
      logger,
      engineDeps({
        fetch: noFetch,
        inspectLocal: () => Promise.resolve(localImage(['SHA=dev'], [], { [LABEL]: SHA })),
      }),
    );
    expect(result).toMatchObject({ sha: SHA, shaFrom: `label ${LABEL}` });
    expect(lines).toContain(
      `warning:${REF}: env SHA is "dev", not a commit sha; the commit comes from its label ${LABEL}.`,
    );
  });

  it.each<[string, Record<string, string>, () => Promise<ImageDetails | undefined>, FetchLike, string]>([
    [
      'local, image absent',
      { source: 'local' },
      () => Promise.resolve(undefined),
      noFetch,
      `${REF} is not in the local image store (source: local); use source auto or registry to read the registry instead.`,
    ],
    [
      'local, docker failing',
      { source: 'local' },
      () => Promise.reject(new Error('docker image failed with exit code 1: boom')),
      noFetch,
      `Could not inspect the local image ${REF}: docker image failed with exit code 1: boom`,
    ],
    [
      'registry, missing tag',
      { source: 'registry', tag: 'nope' },
      () => Promise.resolve(undefined),
      registryWith([]).fetch,
      'Could not resolve ghcr.io/acme/app:nope: The registry ghcr.io has no tag "nope" in acme/app (MANIFEST_UNKNOWN: manifest unknown).',
    ],
    [
      'auto, missing everywhere',
      { tag: 'nope' },
      () => Promise.resolve(undefined),
      registryWith([]).fetch,
      'Could not resolve ghcr.io/acme/app:nope: The registry ghcr.io has no tag "nope" in acme/app (MANIFEST_UNKNOWN: manifest unknown). It is not in the local image store either.',
    ],
    [
      'registry, no sha in the image',
      { source: 'registry' },
      () => Promise.resolve(undefined),
      registryWith(['PATH=/bin']).fetch,
      `${REF} carries no commit sha: env SHA is missing and label ${LABEL} is missing;`,
    ],
  ])('fails clearly: %s', async (_case, overrides, inspectLocal, fetch, message) => {
    await expect(
      resolveImage(inputs(overrides), recordingLogger().logger, engineDeps({ fetch, inspectLocal })),
    ).rejects.toThrow(message);
  });
});

describe('what the action and the CLI print', () => {
  const resolution: Resolution = {
    ref: REF,
    sha: SHA,
    tag: 'd24155b',
    digest: LOCAL_DIGEST,
    imageRef: 'ghcr.io/acme/app:d24155b',
    source: 'registry',
    shaFrom: 'env SHA',
  };

  it('outputs', () => {
    expect(resolutionOutputs(resolution)).toEqual({
      sha: SHA,
      tag: 'd24155b',
      digest: LOCAL_DIGEST,
      'image-ref': 'ghcr.io/acme/app:d24155b',
      source: 'registry',
    });
  });

  it('CLI lines: NAME=value, one per line, an empty digest kept', () => {
    expect(cliLines(resolution)).toBe(
      `SHA=${SHA}\nTAG=d24155b\nDIGEST=${LOCAL_DIGEST}\nIMAGE_REF=ghcr.io/acme/app:d24155b\nSOURCE=registry\n`,
    );
    expect(cliLines({ ...resolution, digest: '', source: 'local' })).toBe(
      `SHA=${SHA}\nTAG=d24155b\nDIGEST=\nIMAGE_REF=ghcr.io/acme/app:d24155b\nSOURCE=local\n`,
    );
  });

  it('summary lines escape HTML', () => {
    expect(summaryLine(resolution)).toBe(
      `<p><b>Resolved</b> <code>${REF}</code> → commit <code>${SHA}</code> (<code>ghcr.io/acme/app:d24155b</code>, digest <code>${LOCAL_DIGEST}</code>; env SHA, read from the registry).</p>`,
    );
    expect(summaryLine({ ...resolution, digest: '', source: 'local' })).toContain(
      '(<code>ghcr.io/acme/app:d24155b</code>; env SHA, read from the local image store)',
    );
    expect(failureLine('no <tag> & "x"')).toBe('<p><b>Resolve failed:</b> no &lt;tag&gt; &amp; &quot;x&quot;</p>');
  });
});
