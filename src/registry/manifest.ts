import { createHash } from 'node:crypto';
import { isObject, str } from '../shared/json.js';
import { RegistryError } from './registry-error.js';

// What a registry's manifests, indexes and image configs say, and which platform's image an index names: pure
// parsing of the distribution spec's documents, apart from the client that fetches them.

export const MEDIA_TYPE = {
  dockerManifest: 'application/vnd.docker.distribution.manifest.v2+json',
  dockerManifestList: 'application/vnd.docker.distribution.manifest.list.v2+json',
  ociManifest: 'application/vnd.oci.image.manifest.v1+json',
  ociIndex: 'application/vnd.oci.image.index.v1+json',
  dockerConfig: 'application/vnd.docker.container.image.v1+json',
  ociConfig: 'application/vnd.oci.image.config.v1+json',
} as const;

/** An index (Docker manifest list, OCI index), not an image manifest. */
export function isIndexMediaType(mediaType: string): boolean {
  return mediaType === MEDIA_TYPE.dockerManifestList || mediaType === MEDIA_TYPE.ociIndex;
}

/** The media type a Content-Type header names, parameters left off. */
export function headerMediaType(contentType: string): string {
  return contentType.split(';')[0]?.trim().toLowerCase() ?? '';
}

export const MANIFEST_ACCEPT = [
  MEDIA_TYPE.dockerManifest,
  MEDIA_TYPE.dockerManifestList,
  MEDIA_TYPE.ociManifest,
  MEDIA_TYPE.ociIndex,
].join(', ');

export const DIGEST_PATTERN = /^(?:sha256:[a-f0-9]{64}|sha512:[a-f0-9]{128})$/;

export interface Platform {
  readonly os: string;
  readonly architecture: string;
  readonly variant?: string;
}

export const DEFAULT_PLATFORM: Platform = { os: 'linux', architecture: 'amd64' };

/** Node's names of CPU architectures as the OCI image spec names them (GOARCH). */
const OCI_ARCHITECTURES: Readonly<Record<string, Platform>> = {
  x64: { os: 'linux', architecture: 'amd64' },
  arm64: { os: 'linux', architecture: 'arm64' },
  arm: { os: 'linux', architecture: 'arm', variant: 'v7' },
  ia32: { os: 'linux', architecture: '386' },
  ppc64: { os: 'linux', architecture: 'ppc64le' },
  s390x: { os: 'linux', architecture: 's390x' },
  riscv64: { os: 'linux', architecture: 'riscv64' },
};

/** The platform of the machine this runs on, as containers see it (linux: what docker runs there by default). */
export function runnerPlatform(arch: string = process.arch): Platform {
  return OCI_ARCHITECTURES[arch] ?? DEFAULT_PLATFORM;
}

/** `os/arch[/variant]`, e.g. linux/arm64 or linux/arm/v7; throws saying what is wrong. */
export function parsePlatform(raw: string): Platform {
  // As docker takes them: any case, and the kernel's names of two architectures.
  const parts = raw
    .toLowerCase()
    .split('/')
    .map((part, index) => (index === 1 ? ({ x86_64: 'amd64', aarch64: 'arm64' }[part] ?? part) : part));
  if (parts.length < 2 || parts.length > 3 || parts.some((part) => !/^[a-z0-9._-]+$/.test(part)))
    throw new Error(`is "${raw}"; expected os/architecture[/variant], e.g. linux/amd64 or linux/arm/v7`);
  const [os = '', architecture = '', variant] = parts;
  return { os, architecture, ...(variant === undefined ? {} : { variant }) };
}

export interface Descriptor {
  readonly mediaType: string;
  readonly digest: string;
  readonly platform?: Platform;
  /** An index entry that is BuildKit's attestation (provenance, SBOM) of an image, not an image to run. */
  readonly attestation?: true;
}

export type ParsedManifest =
  | { readonly kind: 'index'; readonly mediaType: string; readonly manifests: readonly Descriptor[] }
  | { readonly kind: 'image'; readonly mediaType: string; readonly config: Descriptor };

export interface ImageConfig {
  readonly env: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
}

/** `sha256:<hex>` (or `sha512:<hex>`) of the bytes. */
export function digestOf(bytes: Uint8Array, algorithm: 'sha256' | 'sha512' = 'sha256'): string {
  return `${algorithm}:${createHash(algorithm).update(bytes).digest('hex')}`;
}

export function matchesDigest(bytes: Uint8Array, digest: string): boolean {
  if (!DIGEST_PATTERN.test(digest)) return false;
  return digestOf(bytes, digest.startsWith('sha512:') ? 'sha512' : 'sha256') === digest;
}

function parseDescriptor(value: unknown, what: string): Descriptor {
  if (!isObject(value)) throw new RegistryError(`The ${what} is not a descriptor object.`);
  const digest = str(value.digest);
  if (!DIGEST_PATTERN.test(digest))
    throw new RegistryError(
      `The ${what} has the digest "${digest.slice(0, 140)}"; expected sha256:<64 hex> or sha512:<128 hex>.`,
    );
  const platform = isObject(value.platform)
    ? {
        os: str(value.platform.os),
        architecture: str(value.platform.architecture),
        ...(str(value.platform.variant) === '' ? {} : { variant: str(value.platform.variant) }),
      }
    : undefined;
  const annotations = isObject(value.annotations) ? value.annotations : {};
  const attestation =
    str(annotations['vnd.docker.reference.type']) === 'attestation-manifest' ||
    (platform?.os === 'unknown' && platform.architecture === 'unknown');
  return {
    mediaType: str(value.mediaType),
    digest,
    ...(platform === undefined ? {} : { platform }),
    ...(attestation ? { attestation: true as const } : {}),
  };
}

/**
 * What a manifest is: an index (Docker manifest list, OCI index) or an image manifest (Docker v2
 * schema 2, OCI). The body's own mediaType wins over the Content-Type; without either, its shape decides.
 */
export function parseManifest(body: unknown, contentType: string): ParsedManifest {
  if (!isObject(body)) throw new RegistryError('The manifest is not a JSON object.');
  if (body.schemaVersion === 1)
    throw new RegistryError(
      'The manifest is Docker image manifest schema 1, which is not supported; push the image again with a current docker or buildx.',
    );
  const known: readonly string[] = [
    MEDIA_TYPE.dockerManifest,
    MEDIA_TYPE.dockerManifestList,
    MEDIA_TYPE.ociManifest,
    MEDIA_TYPE.ociIndex,
  ];
  const declared = str(body.mediaType);
  const header = headerMediaType(contentType);
  const mediaType = known.includes(declared)
    ? declared
    : known.includes(header)
      ? header
      : Array.isArray(body.manifests)
        ? MEDIA_TYPE.ociIndex
        : isObject(body.config)
          ? MEDIA_TYPE.ociManifest
          : declared || header;
  if (isIndexMediaType(mediaType)) {
    if (!Array.isArray(body.manifests)) throw new RegistryError(`The ${mediaType} has no manifests list.`);
    return {
      kind: 'index',
      mediaType,
      manifests: body.manifests.map((entry, n) => parseDescriptor(entry, `index entry ${n + 1}`)),
    };
  }
  if (mediaType === MEDIA_TYPE.dockerManifest || mediaType === MEDIA_TYPE.ociManifest) {
    return { kind: 'image', mediaType, config: parseDescriptor(body.config, "manifest's config") };
  }
  throw new RegistryError(
    `The manifest has the media type "${mediaType.slice(0, 140)}"; expected a Docker or OCI image manifest or index.`,
  );
}

export function platformName(platform: Platform | undefined): string {
  if (platform === undefined) return 'no platform';
  return [
    platform.os || '?',
    platform.architecture || '?',
    ...(platform.variant === undefined ? [] : [platform.variant]),
  ].join('/');
}

/** The index entry to read: the first image for `platform`, else the only image; never an attestation. */
export function selectManifest(entries: readonly Descriptor[], platform: Platform = DEFAULT_PLATFORM): Descriptor {
  const manifests = entries.filter((entry) => entry.attestation !== true);
  const match = manifests.find(
    (entry) =>
      entry.platform?.os === platform.os &&
      entry.platform.architecture === platform.architecture &&
      (platform.variant === undefined || entry.platform.variant === platform.variant),
  );
  if (match !== undefined) return match;
  if (manifests.length === 1 && manifests[0] !== undefined) return manifests[0];
  if (manifests.length === 0)
    throw new RegistryError(
      entries.length === 0 ? 'The index lists no manifests.' : 'The index lists only attestations, no image.',
    );
  throw new RegistryError(
    `The index has no ${platformName(platform)} image; its entries are ${manifests.map((entry) => platformName(entry.platform)).join(', ')}.`,
  );
}

/** Env and labels of an image config blob (`config.Env`, `config.Labels`). */
export function parseImageConfig(body: unknown): ImageConfig {
  if (!isObject(body)) throw new RegistryError('The image config is not a JSON object.');
  const config = isObject(body.config) ? body.config : {};
  const labels = isObject(config.Labels) ? config.Labels : {};
  return {
    env: Array.isArray(config.Env) ? config.Env.map(str) : [],
    labels: Object.fromEntries(Object.entries(labels).map(([key, value]) => [key, str(value)])),
  };
}
