import { isObject, str } from '../shared/json.js';
import { backoffMs } from '../shared/backoff.js';
import type { RegistryAuth } from '../shared/vocabulary.js';
import {
  DEFAULT_PLATFORM,
  DIGEST_PATTERN,
  digestOf,
  headerMediaType,
  type ImageConfig,
  MANIFEST_ACCEPT,
  matchesDigest,
  MEDIA_TYPE,
  type ParsedManifest,
  parseImageConfig,
  parseManifest,
  type Platform,
  selectManifest,
} from './manifest.js';
import {
  basicAuthorization,
  type Challenge,
  isLoopback,
  MAX_RETRY_AFTER_MS,
  parseWwwAuthenticate,
  pickChallenge,
  registryBaseUrl,
  registryErrorCode,
  retryAfterMs,
  tokenUrl,
} from './protocol.js';
import { RegistryError } from './registry-error.js';

// A read-only client of the registry HTTP API v2 (the distribution spec) on Node's fetch: reads a tag's
// manifest and the image config blob without pulling a layer. What its answers mean: manifest.ts and protocol.ts.

/** The subset of `fetch` the client uses; tests pass a fake. */
export type FetchLike = (url: string, init: RequestInit) => Promise<Response>;

/** The distribution spec caps manifests at 4 MiB; a config blob is a few KiB. */
const MANIFEST_LIMIT_BYTES = 4 * 1024 * 1024;
const CONFIG_LIMIT_BYTES = 16 * 1024 * 1024;
const MAX_REDIRECTS = 5;
const MAX_INDEX_DEPTH = 2;
export const DEFAULT_TIMEOUT_MS = 30_000;

export const USER_AGENT = 'build-test-deploy-action';

// ---------------------------------------------------------------------------------------------
// The client

export interface RegistryClientOptions {
  /** Registry host[:port] as in the image name (`docker.io`, `ghcr.io`, `localhost:5000`). */
  readonly registry: string;
  /** Repository path inside the registry (`library/nginx`, `acme/app`). */
  readonly repository: string;
  readonly auth?: RegistryAuth | undefined;
  readonly fetch?: FetchLike;
  readonly timeoutMs?: number;
  /** How often a request the registry answered 429 (or 503 with Retry-After) is sent again; default 3. */
  readonly retries?: number;
  /** Waits that long (tests pass a fake). */
  readonly sleep?: (ms: number) => Promise<void>;
  /** The backoff's jitter, in [0, 1) (tests pass a fixed one). */
  readonly random?: () => number;
}

export interface FetchedManifest {
  readonly digest: string;
  readonly manifest: ParsedManifest;
}

export interface RemoteImage {
  /** Digest of what the tag names: the index when it is one (what `docker pull image@digest` takes). */
  readonly digest: string;
  /** The image manifest read: the tag's own, or the index entry chosen. */
  readonly manifestDigest: string;
  /** The platform of the index entry chosen; undefined when the tag names an image manifest. */
  readonly platform: Platform | undefined;
  readonly config: ImageConfig;
}

export class RegistryClient {
  private readonly baseUrl: string;
  private readonly fetch: FetchLike;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly sleep: (ms: number) => Promise<void>;
  /** The Authorization header that worked last: one challenge per client, not per request. */
  private authorization: string | undefined;
  /** Whether `GET /v2/` was asked for its challenge yet. */
  private pinged = false;

  constructor(private readonly options: RegistryClientOptions) {
    this.baseUrl = registryBaseUrl(options.registry);
    this.fetch = options.fetch ?? ((url, init) => fetch(url, init));
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.retries = options.retries ?? 3;
    this.sleep = options.sleep ?? ((ms) => new Promise((resolve) => setTimeout(resolve, ms)));
  }

  /** Reads what `reference` (tag or digest) names: the tag's digest, the image manifest chosen, its config. */
  async readImage(reference: string, platform: Platform = DEFAULT_PLATFORM): Promise<RemoteImage> {
    const top = await this.getManifest(reference);
    let current = top;
    let chosen: Platform | undefined;
    for (let depth = 0; current.manifest.kind === 'index'; depth++) {
      if (depth >= MAX_INDEX_DEPTH)
        throw new RegistryError(`The index ${top.digest} nests deeper than ${MAX_INDEX_DEPTH} levels.`);
      const entry = selectManifest(current.manifest.manifests, platform);
      chosen = entry.platform;
      current = await this.getManifest(entry.digest);
    }
    const config = current.manifest.config;
    const configTypes: readonly string[] = [MEDIA_TYPE.dockerConfig, MEDIA_TYPE.ociConfig];
    if (!configTypes.includes(config.mediaType)) {
      throw new RegistryError(
        `The manifest ${current.digest} is not a container image: its config has the media type "${config.mediaType.slice(0, 140)}".`,
      );
    }
    const blob = await this.getBlob(config.digest, CONFIG_LIMIT_BYTES);
    return {
      digest: top.digest,
      manifestDigest: current.digest,
      platform: chosen,
      config: parseImageConfig(parseJson(blob, `config blob ${config.digest}`)),
    };
  }

  async getManifest(reference: string): Promise<FetchedManifest> {
    const path = `/v2/${this.options.repository}/manifests/${reference}`;
    const response = await this.get(path, MANIFEST_ACCEPT);
    if (response.status !== 200)
      throw await this.unexpected(
        response,
        path,
        DIGEST_PATTERN.test(reference) ? `manifest ${reference}` : `tag "${reference}"`,
      );
    const bytes = await readLimited(response, MANIFEST_LIMIT_BYTES, path);
    const computed = digestOf(bytes);
    const header = response.headers.get('docker-content-digest') ?? '';
    if (DIGEST_PATTERN.test(reference) && !matchesDigest(bytes, reference)) {
      throw new RegistryError(
        `The manifest the registry ${this.options.registry} returned for ${reference} does not match that digest.`,
      );
    }
    if (header.startsWith('sha256:') && header !== computed) {
      throw new RegistryError(
        `The registry ${this.options.registry} says the manifest of ${reference} is ${header}, but its content hashes to ${computed}.`,
      );
    }
    const digest = DIGEST_PATTERN.test(reference) ? reference : DIGEST_PATTERN.test(header) ? header : computed;
    return {
      digest,
      manifest: parseManifest(parseJson(bytes, `manifest ${reference}`), response.headers.get('content-type') ?? ''),
    };
  }

  /**
   * What a tag names, from a HEAD (which registries do not count as a pull): its digest and media type (an image
   * manifest or an index; '' when the registry sends none); a GET where no digest comes.
   */
  async manifestHead(reference: string): Promise<{ digest: string; mediaType: string }> {
    const path = `/v2/${this.options.repository}/manifests/${reference}`;
    const response = await this.get(path, MANIFEST_ACCEPT, 'HEAD');
    if (response.status !== 200) throw await this.unexpected(response, path, `tag "${reference}"`, 'HEAD');
    await discard(response);
    const header = response.headers.get('docker-content-digest') ?? '';
    if (!DIGEST_PATTERN.test(header)) {
      const fetched = await this.getManifest(reference);
      return { digest: fetched.digest, mediaType: fetched.manifest.mediaType };
    }
    return { digest: header, mediaType: headerMediaType(response.headers.get('content-type') ?? '') };
  }

  /** The digest a tag names: see manifestHead. */
  async manifestDigest(reference: string): Promise<string> {
    return (await this.manifestHead(reference)).digest;
  }

  async getBlob(digest: string, limitBytes: number): Promise<Uint8Array> {
    if (!DIGEST_PATTERN.test(digest)) throw new RegistryError(`"${digest.slice(0, 140)}" is not a digest.`);
    const path = `/v2/${this.options.repository}/blobs/${digest}`;
    const response = await this.get(path, '*/*');
    if (response.status !== 200) throw await this.unexpected(response, path, `blob ${digest}`);
    const bytes = await readLimited(response, limitBytes, path);
    if (!matchesDigest(bytes, digest))
      throw new RegistryError(
        `The blob ${digest} the registry ${this.options.registry} returned does not match its digest.`,
      );
    return bytes;
  }

  /**
   * The first request asks `GET /v2/` for the registry's challenge and answers it, as docker does: no manifest GET
   * is spent on a 401 (Docker Hub counts every manifest GET as a pull). A Bearer token gets this repository's pull
   * scope.
   */
  private async authorizeFirst(): Promise<void> {
    if (this.pinged) return;
    this.pinged = true;
    const response = await this.send(`${this.baseUrl}/v2/`, 'application/json', undefined);
    const challenges = parseWwwAuthenticate(response.headers.get('www-authenticate') ?? '');
    await discard(response);
    if (response.status !== 401) return;
    const challenge = pickChallenge(challenges);
    // No scope: tokenUrl asks for this repository's pull, as docker does. The challenge of /v2/ names none (Docker
    // Hub) or a placeholder (GHCR: repository:user/image:pull).
    if (challenge !== undefined) {
      const params = Object.fromEntries(Object.entries(challenge.params).filter(([name]) => name !== 'scope'));
      this.authorization = await this.authorize({ ...challenge, params });
    }
  }

  /** GET (or HEAD) with the current authorization; on 401 (a token expired) answers the challenge once and retries. */
  private async get(path: string, accept: string, method: 'GET' | 'HEAD' = 'GET'): Promise<Response> {
    await this.authorizeFirst();
    const url = `${this.baseUrl}${path}`;
    let response = await this.send(url, accept, this.authorization, method);
    if (response.status !== 401) return response;
    const challenges = parseWwwAuthenticate(response.headers.get('www-authenticate') ?? '');
    await discard(response);
    const challenge = pickChallenge(challenges);
    if (challenge === undefined) {
      throw new RegistryError(
        `The registry ${this.options.registry} answered 401 to ${method} ${path} with ${challenges.length === 0 ? 'no WWW-Authenticate challenge' : `the unsupported challenge ${challenges.map((c) => c.scheme).join(', ')}`}.`,
        401,
      );
    }
    this.authorization = await this.authorize(challenge);
    response = await this.send(url, accept, this.authorization, method);
    if (response.status === 401) {
      const again = parseWwwAuthenticate(response.headers.get('www-authenticate') ?? '');
      await discard(response);
      // A valid token without the pull scope: Docker Hub's answer for a private or missing repository.
      if (again.some((c) => c.params.error === 'insufficient_scope')) throw this.noAccess();
      throw this.authRefused(401);
    }
    return response;
  }

  private noAccess(): RegistryError {
    const who = this.options.auth === undefined ? 'anonymous users' : `user "${this.options.auth.username}"`;
    return new RegistryError(
      `The registry ${this.options.registry} gives ${who} no pull access to ${this.options.repository}: it does not exist, or it is private (HTTP 401, insufficient_scope).`,
      401,
      'DENIED',
    );
  }

  private async authorize(challenge: Challenge): Promise<string> {
    const auth = this.options.auth;
    if (challenge.scheme === 'basic') {
      if (auth === undefined) throw this.authRefused(401);
      return basicAuthorization(auth);
    }
    const url = tokenUrl(challenge, this.options.repository);
    if (auth !== undefined && url.protocol === 'http:' && !isLoopback(url.host)) {
      throw new RegistryError(
        `The registry ${this.options.registry} wants credentials sent to ${url.origin} over plain http; refusing.`,
      );
    }
    const response = await this.send(
      url.toString(),
      'application/json',
      auth === undefined ? undefined : basicAuthorization(auth),
    );
    if (response.status === 401 || response.status === 403) {
      await discard(response);
      throw this.authRefused(response.status);
    }
    if (response.status !== 200) {
      const body = await response.text().catch(() => '');
      throw new RegistryError(
        `The token endpoint ${url.origin}${url.pathname} of the registry ${this.options.registry} answered HTTP ${response.status}${describeBody(body)}.`,
        response.status,
      );
    }
    const body = parseJson(await readLimited(response, 1024 * 1024, url.pathname), 'token response');
    const token = isObject(body) ? str(body.token) || str(body.access_token) : '';
    if (token === '')
      throw new RegistryError(
        `The token endpoint ${url.origin}${url.pathname} of the registry ${this.options.registry} returned no token.`,
      );
    return `Bearer ${token}`;
  }

  private authRefused(status: number): RegistryError {
    const auth = this.options.auth;
    return auth === undefined
      ? new RegistryError(
          `The registry ${this.options.registry} requires credentials to read ${this.options.repository} (HTTP ${status}), and none were given.`,
          status,
          'UNAUTHORIZED',
        )
      : new RegistryError(
          `The registry ${this.options.registry} refused the credentials of user "${auth.username}" for ${this.options.repository} (HTTP ${status}).`,
          status,
          'UNAUTHORIZED',
        );
  }

  /** `what`: `tag "latest"`, `manifest sha256:…`, `blob sha256:…`. */
  private async unexpected(
    response: Response,
    path: string,
    what: string,
    method: 'GET' | 'HEAD' = 'GET',
  ): Promise<RegistryError> {
    const body = await response.text().catch(() => '');
    const error = registryErrorCode(body);
    if (response.status === 404) {
      return new RegistryError(
        `The registry ${this.options.registry} has no ${what} in ${this.options.repository}${error === undefined ? '' : ` (${error.code}${error.message === '' ? '' : `: ${error.message}`})`}.`,
        404,
        error?.code ?? 'NOT_FOUND',
      );
    }
    if (response.status === 403) {
      const who = this.options.auth === undefined ? 'anonymous access' : `user "${this.options.auth.username}"`;
      return new RegistryError(
        `The registry ${this.options.registry} denied ${who} to ${this.options.repository} (HTTP 403${error === undefined ? '' : `, ${error.code}`}).`,
        403,
        error?.code ?? 'DENIED',
      );
    }
    if (response.status === 429) {
      const asked = retryAfterMs(response.headers.get('retry-after'));
      return new RegistryError(
        `The registry ${this.options.registry} limits requests (HTTP 429 to ${method} ${path})${asked === undefined ? '' : `, asking to wait ${Math.ceil(asked / 1000)} s`}${asked !== undefined && asked > MAX_RETRY_AFTER_MS ? `, longer than the ${MAX_RETRY_AFTER_MS / 1000} s waited for` : this.retries > 0 ? `, also after ${this.retries} wait(s)` : ''}${describeBody(body)}.`,
        429,
        error?.code ?? 'TOOMANYREQUESTS',
      );
    }
    return new RegistryError(
      `The registry ${this.options.registry} answered HTTP ${response.status} to ${method} ${path}${describeBody(body)}.`,
      response.status,
      error?.code,
    );
  }

  /** One request, following redirects itself: the Authorization header never leaves the registry's origin. */
  private async send(
    url: string,
    accept: string,
    authorization: string | undefined,
    method: 'GET' | 'HEAD' = 'GET',
  ): Promise<Response> {
    const origin = new URL(url).origin;
    let target = url;
    let throttled = 0;
    let hops = 0;
    for (;;) {
      const sameOrigin = new URL(target).origin === origin;
      // Named, so that a registry's logs (and a test's proxy) tell this client's requests from docker's.
      const headers: Record<string, string> = { accept, 'user-agent': USER_AGENT };
      if (authorization !== undefined && sameOrigin) headers.authorization = authorization;
      let response: Response;
      try {
        response = await this.fetch(target, {
          method,
          headers,
          redirect: 'manual',
          signal: AbortSignal.timeout(this.timeoutMs),
        });
      } catch (error) {
        const cause = (error as Error & { cause?: Error }).cause;
        const reason =
          (error as Error).name === 'TimeoutError'
            ? `no answer within ${this.timeoutMs / 1000} s`
            : (cause?.message ?? (error as Error).message);
        throw new RegistryError(
          `Could not reach the registry ${this.options.registry} at ${new URL(target).origin}: ${reason}.`,
        );
      }
      if (response.status === 429 || (response.status === 503 && response.headers.has('retry-after'))) {
        // Rate limited: wait as the registry says (else back off), within the retries.
        const asked = retryAfterMs(response.headers.get('retry-after'));
        const wait = asked ?? backoffMs(throttled + 1, this.options.random);
        if (throttled >= this.retries || wait > MAX_RETRY_AFTER_MS) return response;
        throttled++;
        await discard(response);
        await this.sleep(wait);
        continue;
      }
      const location = response.headers.get('location');
      if (![301, 302, 303, 307, 308].includes(response.status) || location === null) return response;
      await discard(response);
      if (hops++ >= MAX_REDIRECTS)
        throw new RegistryError(`The registry ${this.options.registry} redirected more than ${MAX_REDIRECTS} times.`);
      target = new URL(location, target).toString();
    }
  }
}

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  } catch {
    throw new RegistryError(`The ${what} is not JSON.`);
  }
}

function describeBody(body: string): string {
  const error = registryErrorCode(body);
  if (error !== undefined) return ` (${error.code}${error.message === '' ? '' : `: ${error.message}`})`;
  const text = body.replace(/\s+/g, ' ').trim();
  return text === '' ? '' : `: ${text.slice(0, 200)}`;
}

async function discard(response: Response): Promise<void> {
  await response.body?.cancel().catch(() => undefined);
}

/** The body, refusing more than `limit` bytes (a registry is not trusted to send a small manifest). */
async function readLimited(response: Response, limit: number, what: string): Promise<Uint8Array> {
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > limit) {
    await discard(response);
    throw new RegistryError(`${what} is ${declared} bytes; more than the ${limit} this reads.`);
  }
  if (response.body === null) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as AsyncIterable<Uint8Array>) {
    total += chunk.byteLength;
    if (total > limit) throw new RegistryError(`${what} is more than the ${limit} bytes this reads.`);
    chunks.push(chunk);
  }
  return new Uint8Array(Buffer.concat(chunks));
}
