import type { RegistryAuth } from '../shared/vocabulary.js';
import { DOCKER_HUB } from '../shared/image-reference.js';
import { isObject, str } from '../shared/json.js';
import { RegistryError } from './registry-error.js';

// How to speak to a registry's HTTP API: where it lives, what its auth challenges and error bodies say, and how
// long a Retry-After asks to wait. Pure: the client (client.ts) makes the requests.

/** Where Docker Hub's API lives: `docker.io` is only the name in image references. */
const DOCKER_HUB_API = 'registry-1.docker.io';

export interface Challenge {
  /** Lower-cased: `basic`, `bearer`. */
  readonly scheme: string;
  /** Parameter names lower-cased; values unquoted. */
  readonly params: Readonly<Record<string, string>>;
}

/** `host[:port]` of the API for an image's registry, with the scheme: http only for loopback hosts. */
export function registryBaseUrl(registry: string): string {
  const host = registry === DOCKER_HUB ? DOCKER_HUB_API : registry;
  return `${isLoopback(host) ? 'http' : 'https'}://${host}`;
}

/** 127.0.0.0/8, localhost and [::1], with or without a port. */
export function isLoopback(hostPort: string): boolean {
  const host = hostPort.startsWith('[') ? hostPort.slice(1, hostPort.indexOf(']')) : hostPort.replace(/:[0-9]*$/, '');
  return (
    host.toLowerCase() === 'localhost' ||
    host === '::1' ||
    /^127(?:\.(?:25[0-5]|2[0-4][0-9]|1?[0-9]?[0-9])){3}$/.test(host)
  );
}

/**
 * Parses a WWW-Authenticate header (RFC 7235): one or more challenges, each a scheme and
 * comma-separated `name=value` parameters whose values may be quoted (`scope="repository:a/b:pull,push"`).
 */
export function parseWwwAuthenticate(header: string): Challenge[] {
  const challenges: { scheme: string; params: Record<string, string> }[] = [];
  const tokenPattern = /[!#$%&'*+.^_`|~0-9A-Za-z-]+/y;
  let current: { scheme: string; params: Record<string, string> } | undefined;
  let i = 0;
  const skip = (pattern: RegExp): void => {
    while (i < header.length && pattern.test(header.charAt(i))) i++;
  };
  const readToken = (): string | undefined => {
    tokenPattern.lastIndex = i;
    const match = tokenPattern.exec(header);
    if (match === null) return undefined;
    i = tokenPattern.lastIndex;
    return match[0];
  };
  while (i < header.length) {
    skip(/[\s,]/);
    if (i >= header.length) break;
    const name = readToken();
    if (name === undefined) {
      i++; // not a token character: skip it
      continue;
    }
    const afterName = i;
    skip(/\s/);
    if (current !== undefined && header.charAt(i) === '=') {
      i++;
      skip(/\s/);
      let value = '';
      if (header.charAt(i) === '"') {
        for (i++; i < header.length && header.charAt(i) !== '"'; i++) {
          if (header.charAt(i) === '\\' && i + 1 < header.length) i++;
          value += header.charAt(i);
        }
        i++; // the closing quote
      } else {
        const start = i;
        while (i < header.length && !/[\s,]/.test(header.charAt(i))) i++;
        value = header.slice(start, i);
      }
      current.params[name.toLowerCase()] = value;
    } else {
      i = afterName;
      current = { scheme: name.toLowerCase(), params: {} };
      challenges.push(current);
    }
  }
  return challenges;
}

/** The token endpoint request for a Bearer challenge: realm plus service and scope as query parameters. */
export function tokenUrl(challenge: Challenge, repository: string): URL {
  const realm = challenge.params.realm;
  if (realm === undefined || realm === '')
    throw new RegistryError(
      'The registry asked for a Bearer token but named no realm (token endpoint) in WWW-Authenticate.',
    );
  let url: URL;
  try {
    url = new URL(realm);
  } catch {
    throw new RegistryError(`The registry's token realm "${realm}" is not a URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new RegistryError(`The registry's token realm "${realm}" is not an http(s) URL.`);
  if (challenge.params.service !== undefined) url.searchParams.set('service', challenge.params.service);
  // Several scopes are space-separated in one parameter; the token endpoint wants one `scope` each.
  const scopes = (challenge.params.scope ?? `repository:${repository}:pull`).split(' ').filter((scope) => scope !== '');
  for (const scope of scopes) url.searchParams.append('scope', scope);
  return url;
}

/** The challenge to answer: Bearer where the registry offers it, else Basic. */
export function pickChallenge(challenges: readonly Challenge[]): Challenge | undefined {
  return challenges.find((c) => c.scheme === 'bearer') ?? challenges.find((c) => c.scheme === 'basic');
}

export function basicAuthorization(auth: RegistryAuth): string {
  return `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
}

/** `MANIFEST_UNKNOWN: manifest unknown` from a registry's JSON error body, if it has one. */
export function registryErrorCode(body: string): { code: string; message: string } | undefined {
  try {
    const parsed = JSON.parse(body) as unknown;
    const first = isObject(parsed) && Array.isArray(parsed.errors) ? (parsed.errors[0] as unknown) : undefined;
    return isObject(first) && typeof first.code === 'string'
      ? { code: first.code, message: str(first.message) }
      : undefined;
  } catch {
    return undefined;
  }
}

/** The longest a Retry-After is waited for: a registry asking for longer fails the request instead. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * How long a `Retry-After` (delta-seconds or an HTTP-date) asks to wait, in ms; undefined when it says nothing
 * usable.
 */
export function retryAfterMs(header: string | null, now: number = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const value = header.trim();
  if (/^[0-9]+$/.test(value)) return Number(value) * 1000;
  // Only an IMF-fixdate (RFC 9110): Date.parse takes "1.5" or "-1" for dates too.
  if (!/^[A-Z][a-z]{2}, [0-9]{2} [A-Z][a-z]{2} [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT$/.test(value)) return undefined;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
