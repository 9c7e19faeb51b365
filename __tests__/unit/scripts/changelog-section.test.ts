import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { changelogSection } from '../../../scripts/changelog-section.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const changelog = [
  '# Changelog',
  '',
  'Intro text.',
  '',
  '## [Unreleased]',
  '',
  '- not yet',
  '',
  '## [1.0.10] - 2027-02-01',
  '',
  '### Fixed',
  '',
  '- ten',
  '',
  '## [1.0.1] - 2027-01-15',
  '',
  '### Fixed',
  '',
  '- one',
  '  continued',
  '',
  '## 1.0.0 - 2026-12-01',
  '',
  '### Added',
  '',
  '- the first',
  '',
  '## [0.9.0]',
  '',
  '## [0.1.0] - 2026-11-28',
  '- last, then the link definitions',
  '',
  '[1.0.1]: https://example.com/compare/v1.0.0...v1.0.1',
  '[1.0.0]: https://example.com/releases/tag/v1.0.0',
  '',
].join('\n');

describe('changelogSection', () => {
  it.each<[string, string, string]>([
    ['a bracketed, dated heading', '1.0.1', '### Fixed\n\n- one\n  continued\n'],
    ['not the longer version beside it', '1.0.10', '### Fixed\n\n- ten\n'],
    ['a heading without brackets', '1.0.0', '### Added\n\n- the first\n'],
    ['the last section, without the link definitions', '0.1.0', '- last, then the link definitions\n'],
  ])('%s: %s', (_, version, expected) => {
    expect(changelogSection(changelog, version)).toBe(expected);
  });

  it('reads Windows line ends', () => {
    expect(changelogSection(changelog.replace(/\n/g, '\r\n'), '1.0.0')).toBe('### Added\n\n- the first\n');
  });

  it.each<[string, string, RegExp]>([
    ['a version with no section', '2.0.0', /no section "## \[2\.0\.0\] - YYYY-MM-DD"/],
    ['a prefix of a version that has one', '1.0', /no section/],
    ['a section with nothing in it', '0.9.0', /section for 0\.9\.0 is empty/],
    ['a dot that is no wildcard', '1x0x1', /no section/],
  ])('refuses %s', (_, version, error) => {
    expect(() => changelogSection(changelog, version)).toThrow(error);
  });

  it("has a section for package.json's version in the repository's CHANGELOG.md", () => {
    const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
    const section = changelogSection(readFileSync(path.join(ROOT, 'CHANGELOG.md'), 'utf8'), version);
    expect(section).toMatch(/^### (Added|Changed|Deprecated|Removed|Fixed|Security)$/m);
  });
});
