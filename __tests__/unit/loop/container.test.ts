import { describe, expect, it } from 'vitest';
import { containerName } from '../../../src/loop/container.js';

describe('containerName', () => {
  it.each<[string, string, string | undefined, string | undefined, string, string]>([
    ['acme/app', 'd24155b', '9123456789', '2', 'abcdef', 'app-d24155b-9123456789-2-abcdef'],
    ['app', 'd24155b', '1', '1', '012345', 'app-d24155b-1-1-012345'],
    ['library/nginx', 'd24155b', '7', '3', 'ffffff', 'nginx-d24155b-7-3-ffffff'],
    ['acme/team/a.b_c-d', 'd24155b', '7', '1', '000000', 'a.b_c-d-d24155b-7-1-000000'],
    ['acme/app', 'd24155b', undefined, undefined, 'abcdef', 'app-d24155b-local-1-abcdef'],
    ['acme/app', 'd24155b', '42', undefined, 'abcdef', 'app-d24155b-42-1-abcdef'],
    ['acme/app', 'd24155b', undefined, '3', 'abcdef', 'app-d24155b-local-3-abcdef'],
    ['acme/app', 'd24155b', '', '', 'abcdef', 'app-d24155b---abcdef'],
    ['acme/app', 'd24155b', 'run 42/x', 'a:b', 'r@nd!', 'app-d24155b-run_42_x-a_b-r_nd_'],
    ['acme/app', 'ä', '1', '1', 'abcdef', 'app-_-1-1-abcdef'],
  ])('(%s, %s, %s, %s, %s) → %s', (repositoryPath, tag, runId, attempt, random, expected) => {
    expect(containerName(repositoryPath, tag, runId, attempt, random)).toBe(expected);
  });

  it('draws six random hex characters by default', () => {
    expect(containerName('acme/app', 'd24155b', undefined, undefined)).toMatch(/^app-d24155b-local-1-[0-9a-f]{6}$/);
  });

  it('gives a different name each time by default', () => {
    const names = new Set(Array.from({ length: 20 }, () => containerName('acme/app', 'd24155b', '1', '1')));
    expect(names.size).toBe(20);
  });

  it.each([
    ['acme/app', 'd24155b', 'x'.repeat(5)],
    ['localhost:5000/app', 'abc', '1'],
  ])('gives a valid docker container name for %s', (repositoryPath, tag, runId) => {
    expect(containerName(repositoryPath, tag, runId, '1')).toMatch(/^[a-zA-Z0-9][a-zA-Z0-9_.-]+$/);
  });
});
