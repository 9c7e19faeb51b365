// Checks a release tag before anything is released: users pin the tag, so it must be v + package.json's version.
// `node scripts/release-tag.mjs vX.Y.Z [EXISTING_TAG...]` prints tag=, version=, major=, newest-in-major= and
// newest= lines (for $GITHUB_OUTPUT); exits 1, saying why, for a tag that is no release or differs from package.json.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const RELEASE_TAG = /^v(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;

/** @param {string} tag @returns {[number, number, number] | undefined} */
const versionOf = (tag) => {
  const match = RELEASE_TAG.exec(tag);
  return match === null ? undefined : [Number(match[1]), Number(match[2]), Number(match[3])];
};

/** @param {readonly number[]} a @param {readonly number[]} b */
const compare = (a, b) => (a[0] ?? 0) - (b[0] ?? 0) || (a[1] ?? 0) - (b[1] ?? 0) || (a[2] ?? 0) - (b[2] ?? 0);

/**
 * @typedef {object} ReleaseTag
 * @property {string} tag vX.Y.Z
 * @property {string} version X.Y.Z
 * @property {string} major vX: the tag that moves to every release of the major
 * @property {boolean} newestInMajor no existing vX.*.* tag is newer: only then does the major tag move
 * @property {boolean} newest no existing release tag is newer: only then is the release GitHub's "Latest"
 */

/**
 * @param {string} tag the pushed tag, or v + the version a manual run asks for
 * @param {string} packageVersion package.json's "version" at the commit being released
 * @param {readonly string[]} [existingTags] the repository's tags (any; those that are no release are ignored)
 * @returns {ReleaseTag}
 */
export function releaseTag(tag, packageVersion, existingTags = []) {
  const version = versionOf(tag);
  if (version === undefined) throw new Error(`"${tag}" is not a release tag: expected vX.Y.Z, e.g. v1.2.0`);
  if (tag !== `v${packageVersion}`) {
    throw new Error(
      `the tag ${tag} differs from package.json's version "${packageVersion}": set "version" in package.json (and package-lock.json) to ${tag.slice(1)}, or tag v${packageVersion}`,
    );
  }
  const others = existingTags.map(versionOf).filter((other) => other !== undefined);
  const newer = others.filter((other) => compare(other, version) > 0);
  return {
    tag,
    version: tag.slice(1),
    major: `v${version[0]}`,
    newestInMajor: !newer.some((other) => other[0] === version[0]),
    newest: newer.length === 0,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const [tag, ...existingTags] = process.argv.slice(2);
  if (tag === undefined) {
    console.error('usage: node scripts/release-tag.mjs vX.Y.Z [EXISTING_TAG...]');
    process.exit(2);
  }
  const packageJson = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'package.json');
  try {
    const { version: packageVersion } = /** @type {{ version: string }} */ (
      JSON.parse(readFileSync(packageJson, 'utf8'))
    );
    const release = releaseTag(tag, packageVersion, existingTags);
    process.stdout.write(
      [
        `tag=${release.tag}`,
        `version=${release.version}`,
        `major=${release.major}`,
        `newest-in-major=${release.newestInMajor}`,
        `newest=${release.newest}`,
        '',
      ].join('\n'),
    );
  } catch (error) {
    console.error(`release-tag: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
