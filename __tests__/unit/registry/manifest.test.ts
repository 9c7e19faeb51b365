import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PLATFORM,
  MEDIA_TYPE,
  digestOf,
  matchesDigest,
  parseImageConfig,
  parseManifest,
  parsePlatform,
  platformName,
  runnerPlatform,
  selectManifest,
  type Descriptor,
  type Platform,
} from '../../../src/registry/manifest.js';
import { registryErrorCode } from '../../../src/registry/protocol.js';

const SHA = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
const D1 = `sha256:${'1'.repeat(64)}`;
const D2 = `sha256:${'2'.repeat(64)}`;
const D3 = `sha256:${'3'.repeat(64)}`;

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

  const ATTESTATION_ANNOTATIONS = {
    'vnd.docker.reference.type': 'attestation-manifest',
    'vnd.docker.reference.digest': D2,
  };

  it.each<[string, Record<string, unknown>, boolean]>([
    [
      "BuildKit's attestation: its annotation and platform unknown/unknown",
      { platform: { os: 'unknown', architecture: 'unknown' }, annotations: ATTESTATION_ANNOTATIONS },
      true,
    ],
    [
      'the annotation alone, whatever the platform',
      { platform: { os: 'linux', architecture: 'amd64' }, annotations: ATTESTATION_ANNOTATIONS },
      true,
    ],
    ['the annotation alone, no platform', { annotations: ATTESTATION_ANNOTATIONS }, true],
    ['platform unknown/unknown alone', { platform: { os: 'unknown', architecture: 'unknown' } }, true],
    ['an image', { platform: { os: 'linux', architecture: 'amd64' } }, false],
    ['an image without a platform', {}, false],
    ['only the os unknown', { platform: { os: 'unknown', architecture: 'amd64' } }, false],
    ['only the architecture unknown', { platform: { os: 'linux', architecture: 'unknown' } }, false],
    [
      'another reference type',
      { platform: { os: 'linux', architecture: 'amd64' }, annotations: { 'vnd.docker.reference.type': 'sbom' } },
      false,
    ],
    [
      'annotations that are no object',
      { platform: { os: 'linux', architecture: 'amd64' }, annotations: 'attestation-manifest' },
      false,
    ],
  ])('marks an index entry as an attestation or not: %s', (_case, fields, attestation) => {
    const index = parseManifest({ manifests: [{ mediaType: MEDIA_TYPE.ociManifest, digest: D1, ...fields }] }, '');
    if (index.kind !== 'index') throw new Error('expected an index');
    const [entry] = index.manifests;
    if (attestation) expect(entry).toMatchObject({ digest: D1, attestation: true });
    else expect(entry).not.toHaveProperty('attestation');
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
  /** An attestation as parseDescriptor gives it. */
  const attestation: Descriptor = {
    mediaType: MEDIA_TYPE.ociManifest,
    digest: D3,
    platform: { os: 'unknown', architecture: 'unknown' },
    attestation: true,
  };
  /** An attestation known by its annotation alone, listed under the platform of the image it attests. */
  const amd64Attestation: Descriptor = { ...at(D3, 'linux', 'amd64'), attestation: true };

  it.each<[string, Descriptor[], string]>([
    ['linux/amd64 among several', [at(D1, 'linux', 'arm64', 'v8'), at(D2, 'linux', 'amd64')], D2],
    ['linux/amd64 next to a buildx attestation entry', [at(D2, 'linux', 'amd64'), attestation], D2],
    ['the first linux/amd64 when there are two', [at(D1, 'linux', 'amd64'), at(D2, 'linux', 'amd64')], D1],
    ['the only entry, whatever its platform', [at(D1, 'linux', 'arm64')], D1],
    ['the only entry, even without a platform', [{ mediaType: MEDIA_TYPE.dockerManifest, digest: D1 }], D1],
    ['an attestation of linux/amd64 listed first is passed over', [amd64Attestation, at(D2, 'linux', 'amd64')], D2],
    ['the only image next to its attestation, whatever its platform', [attestation, at(D1, 'linux', 'arm64')], D1],
    ['the only image next to an attestation of linux/amd64', [amd64Attestation, at(D1, 'linux', 'arm64', 'v8')], D1],
  ])('%s', (_case, manifests, digest) => {
    expect(selectManifest(manifests).digest).toBe(digest);
  });

  it.each<[string, Descriptor[], RegExp]>([
    [
      'none matching lists the platforms of the images, not of the attestations',
      [at(D1, 'linux', 'arm64', 'v8'), at(D2, 'linux', 's390x'), attestation, amd64Attestation],
      /^The index has no linux\/amd64 image; its entries are linux\/arm64\/v8, linux\/s390x\.$/,
    ],
    [
      'windows/amd64 is not linux/amd64',
      [at(D1, 'windows', 'amd64'), at(D2, 'linux', 'arm64')],
      /its entries are windows\/amd64, linux\/arm64\./,
    ],
    ['an empty index', [], /^The index lists no manifests\.$/],
    [
      'an index of one attestation: not an image, not even as the only entry',
      [attestation],
      /^The index lists only attestations, no image\.$/,
    ],
    [
      'an index of attestations only',
      [attestation, amd64Attestation],
      /^The index lists only attestations, no image\.$/,
    ],
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

  it.each<[string, Platform, Descriptor[], string]>([
    [
      'a variant asked: the entry of that variant',
      { os: 'linux', architecture: 'arm', variant: 'v7' },
      [at(D1, 'linux', 'arm', 'v6'), at(D2, 'linux', 'arm', 'v7')],
      D2,
    ],
    [
      'no variant asked: the first entry of the architecture, whatever its variant',
      { os: 'linux', architecture: 'arm64' },
      [at(D1, 'linux', 'amd64'), at(D2, 'linux', 'arm64', 'v8')],
      D2,
    ],
    [
      'linux/arm64 next to its attestation',
      { os: 'linux', architecture: 'arm64' },
      [at(D1, 'linux', 'amd64'), { ...at(D3, 'linux', 'arm64'), attestation: true }, at(D2, 'linux', 'arm64')],
      D2,
    ],
  ])('platform %s', (_case, platform, manifests, digest) => {
    expect(selectManifest(manifests, platform).digest).toBe(digest);
  });
});

describe('runnerPlatform', () => {
  it.each<[string, Platform]>([
    ['x64', { os: 'linux', architecture: 'amd64' }],
    ['arm64', { os: 'linux', architecture: 'arm64' }],
    ['arm', { os: 'linux', architecture: 'arm', variant: 'v7' }],
    ['ia32', { os: 'linux', architecture: '386' }],
    ['ppc64', { os: 'linux', architecture: 'ppc64le' }],
    ['s390x', { os: 'linux', architecture: 's390x' }],
    ['riscv64', { os: 'linux', architecture: 'riscv64' }],
    ['loong64', { os: 'linux', architecture: 'amd64' }],
    ['mips', { os: 'linux', architecture: 'amd64' }],
    ['', { os: 'linux', architecture: 'amd64' }],
  ])('Node arch %j → %o', (arch, platform) => {
    expect(runnerPlatform(arch)).toEqual(platform);
  });

  it("is this machine's by default", () => {
    expect(runnerPlatform()).toEqual(runnerPlatform(process.arch));
  });
});

describe('parsePlatform', () => {
  it.each<[string, Platform]>([
    ['linux/amd64', { os: 'linux', architecture: 'amd64' }],
    ['linux/arm64', { os: 'linux', architecture: 'arm64' }],
    ['linux/arm/v7', { os: 'linux', architecture: 'arm', variant: 'v7' }],
    ['linux/arm64/v8', { os: 'linux', architecture: 'arm64', variant: 'v8' }],
    ['windows/amd64', { os: 'windows', architecture: 'amd64' }],
    ['linux/ppc64le', { os: 'linux', architecture: 'ppc64le' }],
  ])('%s', (raw, platform) => {
    const parsed = parsePlatform(raw);
    expect(parsed).toEqual(platform);
    expect(platformName(parsed)).toBe(raw);
  });

  it.each<[string, Platform]>([
    ['Linux/AMD64', { os: 'linux', architecture: 'amd64' }],
    ['linux/x86_64', { os: 'linux', architecture: 'amd64' }],
    ['linux/aarch64', { os: 'linux', architecture: 'arm64' }],
    ['LINUX/ARM/V7', { os: 'linux', architecture: 'arm', variant: 'v7' }],
  ])('takes %s as docker does', (raw, platform) => {
    expect(parsePlatform(raw)).toEqual(platform);
  });

  it.each(['', 'amd64', 'linux', 'linux/', '/amd64', 'linux//v7', 'linux/arm/v7/x', 'linux/amd 64'])(
    'refuses %j',
    (raw) => {
      expect(() => parsePlatform(raw)).toThrow(
        new Error(`is "${raw}"; expected os/architecture[/variant], e.g. linux/amd64 or linux/arm/v7`),
      );
    },
  );
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
