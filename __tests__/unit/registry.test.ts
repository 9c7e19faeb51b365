import { describe, expect, it } from 'vitest';
import { loginServer } from '../../src/registry.js';

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
