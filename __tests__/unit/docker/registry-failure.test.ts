import { describe, expect, it } from 'vitest';
import { classifyRegistryFailure, type RegistryFailure } from '../../../src/docker/registry-failure.js';

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
