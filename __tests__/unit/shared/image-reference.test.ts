import { describe, expect, it } from 'vitest';
import {
  DOCKER_HUB,
  familiarName,
  loweredNotice,
  lowercasePath,
  parseImageName,
  parseLoweringPath,
  repositoryOf,
  type ImageName,
} from '../../../src/shared/image-reference.js';

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

describe('lowercasePath', () => {
  it.each<[string, string, string]>([
    ['a host with a dot keeps its case', 'ghcr.io/Acme/App', 'ghcr.io/acme/app'],
    ['an upper-case host keeps its case', 'GHCR.IO/Acme/App', 'GHCR.IO/acme/app'],
    ['a host with a port', 'localhost:5000/App', 'localhost:5000/app'],
    ['a host with a port, no dot', 'registry:5000/Team/App', 'registry:5000/team/app'],
    ['an IPv6 host', '[::1]:5000/App', '[::1]:5000/app'],
    ['localhost', 'localhost/App', 'localhost/app'],
    ['no host: the whole name is a path', 'Acme/App', 'acme/app'],
    ['one component: a path', 'App', 'app'],
    ['deeper paths', 'ghcr.io/Acme/Team/App', 'ghcr.io/acme/team/app'],
    ['already lower case: as it is', 'acme/app', 'acme/app'],
    ['other faults are left alone', 'ghcr.io/Acme/App!', 'ghcr.io/acme/app!'],
  ])('%s: %s → %s', (_case, name, expected) => {
    expect(lowercasePath(name)).toBe(expected);
  });
});

describe('parseLoweringPath', () => {
  it.each<[string, string, ImageName, string | undefined]>([
    [
      'an upper-case owner and repository (ghcr.io/${{ github.repository }})',
      'ghcr.io/Acme/App',
      { name: 'ghcr.io/acme/app', registry: 'ghcr.io', path: 'acme/app' },
      'ghcr.io/acme/app',
    ],
    ['a Docker Hub name', 'Acme/App', { name: 'acme/app', registry: DOCKER_HUB, path: 'acme/app' }, 'acme/app'],
    ['an official image', 'Nginx', { name: 'nginx', registry: DOCKER_HUB, path: 'library/nginx' }, 'nginx'],
    [
      'a registry port',
      'localhost:5000/App',
      { name: 'localhost:5000/app', registry: 'localhost:5000', path: 'app' },
      'localhost:5000/app',
    ],
    [
      'an upper-case host and path: the path lowered',
      'GHCR.IO/Acme/App',
      { name: 'GHCR.IO/acme/app', registry: 'GHCR.IO', path: 'acme/app' },
      'GHCR.IO/acme/app',
    ],
    [
      'an upper-case host alone: the grammar allows it, nothing lowered',
      'GHCR.IO/acme/app',
      { name: 'GHCR.IO/acme/app', registry: 'GHCR.IO', path: 'acme/app' },
      undefined,
    ],
    ['lower case: unchanged', 'acme/app', { name: 'acme/app', registry: DOCKER_HUB, path: 'acme/app' }, undefined],
  ])('%s: %s', (_case, raw, image, lowered) => {
    const parsed = parseLoweringPath(raw);
    expect(parsed).toEqual(lowered === undefined ? { image } : { image, lowered });
    if (lowered === undefined) {
      expect(parsed).not.toHaveProperty('lowered');
      expect(parsed.image).toEqual(parseImageName(raw));
    }
  });

  it.each<[string, string, string]>([
    ['another fault beside upper case', 'ghcr.io/Acme/App!', 'has the path component "Acme", which is not lowercase'],
    [
      'upper case and a tag',
      'ghcr.io/Acme/App:v1',
      'must not include a tag (":v1"): the action tags the image with the commit sha',
    ],
    [
      'upper case and a digest',
      `Acme/App@sha256:${'a'.repeat(64)}`,
      'must not include a digest (@sha256:...): the action tags the image itself',
    ],
    ['upper case and white space', 'Acme/ App', 'contains white space'],
    ['upper case and an invalid host', '-Bad.com/App', 'has an invalid registry host "-Bad.com"'],
    ['upper case and an empty component', 'ghcr.io/Acme//App', 'has the path component "Acme", which is not lowercase'],
    ['no upper case at all', 'acme/app!', 'has the invalid path component "app!"'],
    ['empty', '', 'is empty'],
  ])('refuses %s with the message of the grammar: %j', (_case, raw, message) => {
    expect(() => parseImageName(raw)).toThrow(new Error(message));
    expect(() => parseLoweringPath(raw)).toThrow(new Error(message));
  });
});

describe('loweredNotice', () => {
  it('says what was written, why, and what the image is', () => {
    expect(loweredNotice("Input 'image'", 'ghcr.io/Acme/App', 'ghcr.io/acme/app')).toBe(
      `Input 'image' is "ghcr.io/Acme/App": registries refuse upper-case repository paths, so the image is ghcr.io/acme/app.`,
    );
  });
});
