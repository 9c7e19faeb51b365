import { describe, expect, it } from 'vitest';
import { DOCKER_HUB, familiarName, parseImageName, repositoryOf } from '../../../src/shared/image-reference.js';

describe('parseImageName', () => {
  it.each([
    // name, registry, path, familiar name
    ['acme/app', 'docker.io', 'acme/app', 'acme/app'],
    ['nginx', 'docker.io', 'library/nginx', 'nginx'],
    ['library/nginx', 'docker.io', 'library/nginx', 'nginx'],
    ['docker.io/acme/app', 'docker.io', 'acme/app', 'acme/app'],
    ['docker.io/nginx', 'docker.io', 'library/nginx', 'nginx'],
    ['docker.io/library/nginx', 'docker.io', 'library/nginx', 'nginx'],
    ['ghcr.io/acme/app', 'ghcr.io', 'acme/app', 'ghcr.io/acme/app'],
    ['ghcr.io/acme/team/app', 'ghcr.io', 'acme/team/app', 'ghcr.io/acme/team/app'],
    ['localhost/app', 'localhost', 'app', 'localhost/app'],
    ['localhost:5000/app', 'localhost:5000', 'app', 'localhost:5000/app'],
    ['127.0.0.1:5000/a/b', '127.0.0.1:5000', 'a/b', '127.0.0.1:5000/a/b'],
    ['[::1]:5000/app', '[::1]:5000', 'app', '[::1]:5000/app'],
    ['[2001:db8::1]/app', '[2001:db8::1]', 'app', '[2001:db8::1]/app'],
    ['Registry.Example.com/app', 'Registry.Example.com', 'app', 'Registry.Example.com/app'],
    [
      'my-registry.example.com:443/team/app',
      'my-registry.example.com:443',
      'team/app',
      'my-registry.example.com:443/team/app',
    ],
    ['acme/a__b', 'docker.io', 'acme/a__b', 'acme/a__b'],
    ['acme/a_b', 'docker.io', 'acme/a_b', 'acme/a_b'],
    ['acme/a-b', 'docker.io', 'acme/a-b', 'acme/a-b'],
    ['acme/a--b', 'docker.io', 'acme/a--b', 'acme/a--b'],
    ['acme/a.b', 'docker.io', 'acme/a.b', 'acme/a.b'],
    ['a0/b1.c2_d3__e4-f5', 'docker.io', 'a0/b1.c2_d3__e4-f5', 'a0/b1.c2_d3__e4-f5'],
  ])('%s → registry %s, path %s, familiar %s', (name, registry, path, familiar) => {
    const image = parseImageName(name);
    expect(image).toEqual({ name, registry, path });
    expect(familiarName(image)).toBe(familiar);
  });

  it('accepts a name of exactly 255 characters', () => {
    const name = `acme/${'a'.repeat(250)}`;
    expect(name).toHaveLength(255);
    expect(parseImageName(name)).toEqual({ name, registry: DOCKER_HUB, path: name });
  });

  it.each([
    ['', 'is empty'],
    ['acme/App', 'has the path component "App", which is not lowercase'],
    ['ghcr.io/Acme/app', 'has the path component "Acme", which is not lowercase'],
    ['acme/app:1', 'must not include a tag (":1")'],
    ['app:latest', 'must not include a tag (":latest")'],
    ['localhost:5000/app:v1', 'must not include a tag (":v1")'],
    [`acme/app@sha256:${'a'.repeat(64)}`, 'must not include a digest'],
    [`acme/app:1@sha256:${'a'.repeat(64)}`, 'must not include a digest'],
    ['acme/ app', 'contains white space'],
    ['acme/app ', 'contains white space'],
    ['acme/\tapp', 'contains white space'],
    ['-app', 'has the invalid path component "-app"'],
    ['app-', 'has the invalid path component "app-"'],
    ['acme/.app', 'has the invalid path component ".app"'],
    ['acme/a..b', 'has the invalid path component "a..b"'],
    ['acme/a___b', 'has the invalid path component "a___b"'],
    ['acme/a!b', 'has the invalid path component "a!b"'],
    ['a//b', 'has an empty path component'],
    ['acme/app/', 'has an empty path component'],
    ['ghcr.io/', 'has an empty path component'],
    ['-bad.com/app', 'has an invalid registry host "-bad.com"'],
    ['bad-.com/app', 'has an invalid registry host "bad-.com"'],
    ['localhost:abc/app', 'has an invalid registry host "localhost:abc"'],
    ['bad..com/app', 'has an invalid registry host "bad..com"'],
    [`acme/${'a'.repeat(251)}`, 'is longer than 255 characters'],
  ])('rejects %j: %s', (name, fragment) => {
    expect(() => parseImageName(name)).toThrow(fragment);
  });
});

describe('familiarName', () => {
  it.each([
    [{ name: 'x', registry: 'docker.io', path: 'library/nginx' }, 'nginx'],
    // Only official images drop library/: docker names docker.io/library/team/app library/team/app.
    [{ name: 'x', registry: 'docker.io', path: 'library/team/app' }, 'library/team/app'],
    [{ name: 'x', registry: 'docker.io', path: 'acme/library' }, 'acme/library'],
    [{ name: 'x', registry: 'ghcr.io', path: 'library/app' }, 'ghcr.io/library/app'],
    [{ name: 'x', registry: 'localhost:5000', path: 'app' }, 'localhost:5000/app'],
  ])('%o → %s', (image, expected) => {
    expect(familiarName(image)).toBe(expected);
  });

  // docker (distribution/reference ParseNormalizedNamed) normalises the legacy Docker Hub host
  // index.docker.io to docker.io, so RepoDigests say "acme/app@sha256:…" for such an image.
  it('treats the legacy Docker Hub host index.docker.io as Docker Hub', () => {
    const image = parseImageName('index.docker.io/acme/app');
    expect(familiarName(image)).toBe('acme/app');
  });
});

describe('repositoryOf', () => {
  it.each<[string, string, string]>([
    ['a tag', 'ghcr.io/acme/app:latest', 'ghcr.io/acme/app'],
    ['a port, no tag', 'localhost:5000/app', 'localhost:5000/app'],
    ['a port and a tag', 'localhost:5000/app:cache', 'localhost:5000/app'],
    ['a digest', `acme/app@sha256:${'a'.repeat(64)}`, 'acme/app'],
    ['a tag and a digest', `acme/app:1.2@sha256:${'a'.repeat(64)}`, 'acme/app'],
    ['no tag', 'acme/app', 'acme/app'],
    ['a colon that is no tag', 'acme/app:-bad', 'acme/app:-bad'],
  ])('%s', (_case, reference, repository) => {
    expect(repositoryOf(reference)).toBe(repository);
  });
});
