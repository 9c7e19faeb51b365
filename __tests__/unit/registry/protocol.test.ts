import { describe, expect, it } from 'vitest';
import {
  MAX_RETRY_AFTER_MS,
  isLoopback,
  parseWwwAuthenticate,
  registryBaseUrl,
  retryAfterMs,
  tokenUrl,
  type Challenge,
} from '../../../src/registry/protocol.js';

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

describe('retryAfterMs', () => {
  const NOW = Date.parse('Wed, 21 Oct 2015 07:28:00 GMT');

  it.each<[string, string | null, number | undefined]>([
    ['no header', null, undefined],
    ['an empty header', '', undefined],
    ['white space', '  ', undefined],
    ['delta-seconds 0', '0', 0],
    ['delta-seconds', '2', 2000],
    ['delta-seconds with white space', ' 120 ', 120_000],
    ['an HTTP-date 5 s ahead', 'Wed, 21 Oct 2015 07:28:05 GMT', 5000],
    ['an HTTP-date 2 min ahead', 'Wed, 21 Oct 2015 07:30:00 GMT', 120_000],
    ['an HTTP-date now', 'Wed, 21 Oct 2015 07:28:00 GMT', 0],
    ['an HTTP-date passed: no wait', 'Wed, 21 Oct 2015 07:00:00 GMT', 0],
    ['neither', 'soon', undefined],
  ])('%s (%j) → %s ms', (_case, header, ms) => {
    expect(retryAfterMs(header, NOW)).toBe(ms);
  });

  it('waits at most a minute', () => {
    expect(MAX_RETRY_AFTER_MS).toBe(60_000);
  });
});
