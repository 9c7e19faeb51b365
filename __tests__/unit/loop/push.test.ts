import { describe, expect, it } from 'vitest';
import { backoffMs, classifyRegistryFailure, loginServer, type RegistryFailure } from '../../../src/loop/push.js';

describe('loginServer', () => {
  it.each<[string, string | undefined]>([
    ['docker.io', undefined],
    ['ghcr.io', 'ghcr.io'],
    ['localhost:5000', 'localhost:5000'],
    ['[::1]:5000', '[::1]:5000'],
    ['registry.example.com', 'registry.example.com'],
  ])('%s → %s', (registry, expected) => {
    expect(loginServer(registry)).toBe(expected);
  });
});

describe('classifyRegistryFailure', () => {
  it.each<[string, RegistryFailure]>([
    ['unauthorized: authentication required', 'auth'],
    ['no basic auth credentials', 'auth'],
    ['denied: requested access to the resource is denied', 'auth'],
    [
      'Error response from daemon: login attempt to http://127.0.0.1:5000/v2/ failed with status: 401 Unauthorized',
      'auth',
    ],
    ['error parsing HTTP 403 response body: unexpected end of JSON input', 'auth'],
    ['insufficient_scope: authorization failed', 'auth'],
    ['invalid reference format', 'permanent'],
    ['An image does not exist locally with the tag: acme/app', 'permanent'],
    ['tag does not exist: acme/app:v1', 'permanent'],
    ['received unexpected HTTP status: 503 Service Unavailable', 'transient'],
    ['received unexpected HTTP status: 500 Internal Server Error', 'transient'],
    ['toomanyrequests: You have reached your pull rate limit', 'transient'],
    ['Put "http://127.0.0.1:40787/v2/x/y/manifests/t": EOF', 'transient'],
    ['Get "http://127.0.0.1:1/v2/": dial tcp 127.0.0.1:1: connect: connection refused', 'transient'],
    ['read tcp 10.0.0.2:51234->10.0.0.3:443: read: connection reset by peer', 'transient'],
    ['net/http: TLS handshake timeout', 'transient'],
    [
      'Get "https://ghcr.io/v2/": net/http: request canceled (Client.Timeout exceeded while awaiting headers)',
      'transient',
    ],
  ])('%s → %s', (stderr, expected) => {
    expect(classifyRegistryFailure(stderr)).toBe(expected);
  });
});

describe('backoffMs', () => {
  it.each<[number, number, number]>([
    // retry, random, ms: 1 s, 2 s, 4 s … scaled into 50–100 %, never above 30 s
    [1, 0, 500],
    [1, 1, 1000],
    [2, 0.5, 1500],
    [3, 1, 4000],
    [5, 1, 16000],
    [6, 1, 30000],
    [20, 1, 30000],
    [20, 0, 15000],
  ])('retry %i with random %d → %i ms', (retry, random, expected) => {
    expect(backoffMs(retry, () => random)).toBe(expected);
  });

  it('grows with each retry', () => {
    const delays = [1, 2, 3, 4].map((retry) => backoffMs(retry, () => 0.5));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(new Set(delays).size).toBe(4);
  });
});
