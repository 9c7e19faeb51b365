// Prints the CHANGELOG.md section of one version: the release workflow's notes for the GitHub release.
// `node scripts/changelog-section.mjs 1.2.0 [CHANGELOG.md]`; exits 1 when the section is missing or empty.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const escaped = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The body of `## [VERSION] - DATE` (Keep a Changelog; brackets and date optional), up to the next `## ` heading,
 * without the link definitions (`[1.0.0]: https://…`) that end the file. Throws when there is none, or it is empty.
 * @param {string} changelog
 * @param {string} version X.Y.Z
 * @returns {string}
 */
export function changelogSection(changelog, version) {
  const lines = changelog.replace(/\r\n/g, '\n').split('\n');
  const v = escaped(version);
  const heading = new RegExp(`^## (?:\\[${v}\\]|${v})(?:\\s+-\\s+\\S.*)?\\s*$`);
  const start = lines.findIndex((line) => heading.test(line));
  if (start === -1) throw new Error(`CHANGELOG.md has no section "## [${version}] - YYYY-MM-DD"`);
  const next = lines.findIndex((line, i) => i > start && /^##? /.test(line));
  const body = lines.slice(start + 1, next === -1 ? undefined : next);
  while (body.length > 0 && /^\s*$|^\[[^\]]+\]:\s*\S+\s*$/.test(body.at(-1) ?? '')) body.pop();
  while (body.length > 0 && /^\s*$/.test(body[0] ?? '')) body.shift();
  if (body.length === 0) throw new Error(`CHANGELOG.md's section for ${version} is empty`);
  return `${body.join('\n')}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [version, file] = process.argv.slice(2);
  if (version === undefined || !/^\d+\.\d+\.\d+$/.test(version)) {
    console.error('usage: node scripts/changelog-section.mjs X.Y.Z [CHANGELOG.md]');
    process.exit(2);
  }
  const changelog = file ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'CHANGELOG.md');
  try {
    process.stdout.write(changelogSection(readFileSync(changelog, 'utf8'), version));
  } catch (error) {
    console.error(`changelog-section: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
