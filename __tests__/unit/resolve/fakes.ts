import { digestOf, MEDIA_TYPE } from '../../../src/registry/manifest.js';
import { type FetchLike } from '../../../src/registry/client.js';
import type { ImageDetails, ImageStore } from '../../../src/docker/output.js';
import type { Logger, ResolveDeps } from '../../../src/resolve/resolve.js';
import { fakeEngine } from '../docker/fake-engine.js';
import type { RegistryAuth } from '../../../src/shared/vocabulary.js';

// Fakes of what resolving talks to: a registry behind a fake fetch, and a logger that records.

export function bytesOf(value: unknown): Uint8Array {
  return new TextEncoder().encode(JSON.stringify(value));
}

export function recordingLogger(): { lines: string[]; logger: Logger } {
  const lines: string[] = [];
  return { lines, logger: { info: (m) => lines.push(`info:${m}`), warning: (m) => lines.push(`warning:${m}`) } };
}

/** A Docker v2 image as a registry holds it: its manifest and its config blob. */
export interface RegistryImage {
  readonly manifest: Uint8Array;
  readonly digest: string;
  readonly config: Uint8Array;
  readonly configDigest: string;
}

export function registryImage(env: readonly string[], labels: Record<string, string> = {}): RegistryImage {
  const config = bytesOf({ config: { Env: env, Labels: labels } });
  const manifest = bytesOf({
    schemaVersion: 2,
    mediaType: MEDIA_TYPE.dockerManifest,
    config: { mediaType: MEDIA_TYPE.dockerConfig, digest: digestOf(config), size: config.byteLength },
    layers: [],
  });
  return { manifest, digest: digestOf(manifest), config, configDigest: digestOf(config) };
}

export interface RegistryCall {
  readonly method: string;
  /** `host/v2/…`: the URL without its scheme. */
  readonly path: string;
  readonly authorization: string | undefined;
}

export interface FakeRegistryOptions {
  /** Whether a HEAD of a manifest answers with Docker-Content-Digest; default true. */
  readonly headDigest?: boolean;
  /** The credentials every request needs (Basic auth, 401 with a challenge without them); none: anonymous. */
  readonly basic?: RegistryAuth;
  /** A status to answer instead, by `METHOD host/repository:reference`, e.g. `HEAD ghcr.io/acme/web:d24155b`. */
  readonly status?: Readonly<Record<string, number>>;
  /** Milliseconds to wait before answering, by `host/repository`. */
  readonly delayMs?: Readonly<Record<string, number>>;
}

const UNKNOWN = '{"errors":[{"code":"MANIFEST_UNKNOWN","message":"manifest unknown"}]}';

/**
 * A registry holding `tags`, keyed `host/repository:tag` (the API's host: registry-1.docker.io for Docker
 * Hub); answers the `GET /v2/` ping (200, or 401 with the Basic challenge), GET and HEAD of manifests (by tag
 * or digest) and GET of config blobs; records every request.
 */
export function fakeRegistry(
  tags: Readonly<Record<string, RegistryImage>>,
  options: FakeRegistryOptions = {},
): { fetch: FetchLike; calls: RegistryCall[] } {
  const calls: RegistryCall[] = [];
  const basic =
    options.basic === undefined
      ? undefined
      : `Basic ${Buffer.from(`${options.basic.username}:${options.basic.password}`).toString('base64')}`;
  const answer = (method: string, url: URL, authorization: string | undefined): Response => {
    const head = method === 'HEAD';
    const notFound = (): Response => new Response(head ? null : UNKNOWN, { status: 404 });
    if (basic !== undefined && authorization !== basic)
      return new Response(null, { status: 401, headers: { 'www-authenticate': 'Basic realm="fake"' } });
    if (url.pathname === '/v2/') return new Response('{}', { headers: { 'content-type': 'application/json' } });
    const match = /^\/v2\/(.+)\/(manifests|blobs)\/([^/]+)$/.exec(url.pathname);
    if (match === null) return notFound();
    const [, repository, kind, reference] = match;
    const repo = `${url.host}/${repository ?? ''}`;
    const replaced = options.status?.[`${method} ${repo}:${reference ?? ''}`];
    if (replaced !== undefined) return new Response(null, { status: replaced });
    const held = Object.entries(tags)
      .filter(([tag]) => tag.startsWith(`${repo}:`))
      .map(([tag, image]) => ({ tag: tag.slice(repo.length + 1), image }));
    if (kind === 'blobs') {
      const found = held.find(({ image }) => image.configDigest === reference)?.image;
      return found === undefined ? notFound() : new Response(head ? null : found.config);
    }
    const found = held.find(({ tag, image }) => tag === reference || image.digest === reference)?.image;
    if (found === undefined) return notFound();
    const headers: Record<string, string> = { 'content-type': MEDIA_TYPE.dockerManifest };
    if (!head || options.headDigest !== false) headers['docker-content-digest'] = found.digest;
    return new Response(head ? null : found.manifest, { status: 200, headers });
  };
  const fetch: FetchLike = async (url, init) => {
    const parsed = new URL(url);
    const method = init.method ?? 'GET';
    const authorization = (init.headers as Record<string, string> | undefined)?.authorization;
    calls.push({ method, path: `${parsed.host}${parsed.pathname}`, authorization });
    const match = /^\/v2\/(.+)\/(?:manifests|blobs)\//.exec(parsed.pathname);
    const delay = options.delayMs?.[`${parsed.host}/${match?.[1] ?? ''}`];
    if (delay !== undefined) await new Promise((resolve) => setTimeout(resolve, delay));
    return answer(method, parsed, authorization);
  };
  return { fetch, calls };
}

/** What a resolve test stands in for: the registry's fetch, stored credentials, and the engine's two answers. */
export interface StandIns {
  readonly fetch?: FetchLike;
  readonly storedAuth?: (registry: string) => Promise<RegistryAuth | undefined>;
  /** The engine's findImage: a local image's details, undefined when it has none. */
  readonly inspectLocal?: (ref: string) => Promise<ImageDetails | undefined>;
  readonly imageStore?: () => Promise<ImageStore>;
}

/** Resolve's dependencies with a fake engine that answers only what the test told it. */
export function engineDeps({ fetch, storedAuth, inspectLocal, imageStore }: StandIns): ResolveDeps {
  return {
    engine: fakeEngine({ findImage: inspectLocal, imageStore }),
    ...(fetch === undefined ? {} : { fetch }),
    ...(storedAuth === undefined ? {} : { storedAuth }),
  };
}
