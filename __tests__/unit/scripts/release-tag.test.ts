import { describe, expect, it } from 'vitest';
import { releaseTag } from '../../../scripts/release-tag.mjs';

describe('releaseTag', () => {
  it.each<[string, string, string, readonly string[], ReturnType<typeof releaseTag>]>([
    [
      'the first release',
      'v1.0.0',
      '1.0.0',
      [],
      { tag: 'v1.0.0', version: '1.0.0', major: 'v1', newestInMajor: true, newest: true },
    ],
    [
      'a release whose own tag is already pushed, beside the moving v1 and other tags',
      'v1.2.0',
      '1.2.0',
      ['v1', 'v1.0.0', 'v1.1.3', 'v1.2.0', 'nightly', 'v1.3.0-rc.1'],
      { tag: 'v1.2.0', version: '1.2.0', major: 'v1', newestInMajor: true, newest: true },
    ],
    [
      'a fix of an older minor: v1 stays on the newer one',
      'v1.1.4',
      '1.1.4',
      ['v1.1.3', 'v1.2.0'],
      { tag: 'v1.1.4', version: '1.1.4', major: 'v1', newestInMajor: false, newest: false },
    ],
    [
      'numbers compared as numbers, not text',
      'v1.10.0',
      '1.10.0',
      ['v1.9.0', 'v1.2.0'],
      { tag: 'v1.10.0', version: '1.10.0', major: 'v1', newestInMajor: true, newest: true },
    ],
    [
      'a fix of the previous major: v1 moves, but it is not "Latest"',
      'v1.4.1',
      '1.4.1',
      ['v1.4.0', 'v2.0.0'],
      { tag: 'v1.4.1', version: '1.4.1', major: 'v1', newestInMajor: true, newest: false },
    ],
  ])('%s', (_, tag, packageVersion, existing, expected) => {
    expect(releaseTag(tag, packageVersion, existing)).toEqual(expected);
  });

  it.each<[string, string, string, RegExp]>([
    [
      'a tag that differs from package.json',
      'v1.0.1',
      '1.0.0',
      /v1\.0\.1 differs from package\.json's version "1\.0\.0"/,
    ],
    ['a package.json still on the last version', 'v2.0.0', '1.9.0', /set "version" in package\.json .* to 2\.0\.0/],
    ['the major tag itself', 'v1', '1.0.0', /"v1" is not a release tag/],
    ['a tag without the v', '1.0.0', '1.0.0', /not a release tag: expected vX\.Y\.Z/],
    ['a pre-release', 'v1.0.0-rc.1', '1.0.0-rc.1', /not a release tag/],
    ['a leading zero', 'v1.01.0', '1.01.0', /not a release tag/],
    ['a branch name', 'main', '1.0.0', /not a release tag/],
  ])('refuses %s', (_, tag, packageVersion, error) => {
    expect(() => releaseTag(tag, packageVersion)).toThrow(error);
  });
});
