import { describe, expect, it } from 'vitest';
import { authsEntry, configKey, helperFor } from '../../../src/docker/credentials.js';

const b64 = (text: string): string => Buffer.from(text).toString('base64');

describe('configKey', () => {
  it.each([
    ['docker.io', 'https://index.docker.io/v1/'],
    ['ghcr.io', 'ghcr.io'],
    ['127.0.0.1:5000', '127.0.0.1:5000'],
  ])('%s → %s', (registry, expected) => {
    expect(configKey(registry)).toBe(expected);
  });
});

describe('authsEntry', () => {
  it.each<[string, Parameters<typeof authsEntry>[0], string, { username: string; password: string } | undefined]>([
    [
      'base64 auth',
      { auths: { 'ghcr.io': { auth: b64('bot:s3cret') } } },
      'ghcr.io',
      { username: 'bot', password: 's3cret' },
    ],
    [
      'a password holding a colon',
      { auths: { 'ghcr.io': { auth: b64('bot:a:b') } } },
      'ghcr.io',
      { username: 'bot', password: 'a:b' },
    ],
    [
      'Docker Hub under its legacy key',
      { auths: { 'https://index.docker.io/v1/': { auth: b64('me:pw') } } },
      'docker.io',
      { username: 'me', password: 'pw' },
    ],
    [
      'an https:// key',
      { auths: { 'https://registry.example.com': { auth: b64('u:p') } } },
      'registry.example.com',
      { username: 'u', password: 'p' },
    ],
    [
      'username and password fields',
      { auths: { 'ghcr.io': { username: 'u', password: 'p' } } },
      'ghcr.io',
      { username: 'u', password: 'p' },
    ],
    ['another registry only', { auths: { 'ghcr.io': { auth: b64('bot:s3cret') } } }, 'quay.io', undefined],
    ['an entry without credentials (a helper holds them)', { auths: { 'ghcr.io': {} } }, 'ghcr.io', undefined],
    ['no auths', {}, 'ghcr.io', undefined],
    ['auth without a colon', { auths: { 'ghcr.io': { auth: b64('nocolon') } } }, 'ghcr.io', undefined],
  ])('%s', (_case, config, registry, expected) => {
    expect(authsEntry(config, registry)).toEqual(expected);
  });
});

describe('helperFor', () => {
  it.each<[string, Parameters<typeof helperFor>[0], string, string | undefined]>([
    ['a per-registry helper wins', { credsStore: 'desktop', credHelpers: { 'gcr.io': 'gcloud' } }, 'gcr.io', 'gcloud'],
    ['else the store', { credsStore: 'pass', credHelpers: { 'gcr.io': 'gcloud' } }, 'ghcr.io', 'pass'],
    ['none', {}, 'ghcr.io', undefined],
  ])('%s', (_case, config, registry, expected) => {
    expect(helperFor(config, registry)).toBe(expected);
  });
});
