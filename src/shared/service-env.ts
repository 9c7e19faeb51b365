import { parseImageName, type ImageName } from './image-reference.js';

// One service's record as dotenv lines, `<PREFIX>_IMAGE`, `_SHA`, `_TAG`, `_DIGEST`, `_IMAGE_REF`: the form a
// system of services is upgraded from (compose's --env-file, `set -a; . ./set.env`, deploy scripts).

export interface ServiceRecord {
  readonly prefix: string;
  /** The repository, as the user named it. */
  readonly image: string;
  readonly sha: string;
  /** The short sha tag. */
  readonly tag: string;
  /** The registry's manifest digest (`sha256:…`); empty when none is known (not pushed, or local only). */
  readonly digest: string;
}

export const ENV_SUFFIXES = ['IMAGE', 'SHA', 'TAG', 'DIGEST', 'IMAGE_REF'] as const;

/**
 * The prefix an image gets by default: its last path component, upper-cased, each other character `_`, and a
 * `_` before a leading digit (`2048-game`: `_2048_GAME`), so that it always starts variable names.
 */
export function defaultEnvPrefix(image: ImageName): string {
  return image.path
    .slice(image.path.lastIndexOf('/') + 1)
    .toUpperCase()
    .replace(/[^A-Z0-9_]/g, '_')
    .replace(/^(?=[0-9])/, '_');
}

/** Whether two names are one repository (`acme/app` and `docker.io/acme/app` are). */
export function sameRepository(a: string, b: string): boolean {
  try {
    const [first, second] = [parseImageName(a), parseImageName(b)];
    return first.registry === second.registry && first.path === second.path;
  } catch {
    return a === b;
  }
}

/** The reference a deploy runs: by digest when the registry gave one, else the sha tag. */
export function pinnedRef(record: ServiceRecord): string {
  return record.digest === '' ? `${record.image}:${record.tag}` : `${record.image}@${record.digest}`;
}

/** The group's lines. DIGEST is the digest's hex alone (as cyber-dojo's versioner has it); IMAGE_REF keeps `sha256:`. */
export function envLines(record: ServiceRecord): string[] {
  const p = record.prefix;
  return [
    `${p}_IMAGE=${record.image}`,
    `${p}_SHA=${record.sha}`,
    `${p}_TAG=${record.tag}`,
    ...(record.digest === '' ? [] : [`${p}_DIGEST=${record.digest.slice(record.digest.indexOf(':') + 1)}`]),
    `${p}_IMAGE_REF=${pinnedRef(record)}`,
  ];
}

function groupLine(prefix: string): RegExp {
  return new RegExp(`^${prefix}_(?:${ENV_SUFFIXES.join('|')})=`);
}

/** The image an env file's group for `prefix` names; undefined when the file has no such group. */
export function envFileImage(text: string, prefix: string): string | undefined {
  const line = text.split(/\r?\n/).find((candidate) => candidate.startsWith(`${prefix}_IMAGE=`));
  return line?.slice(`${prefix}_IMAGE=`.length);
}

/** The env file with `record`'s group at its end, in place of an earlier group of the same prefix. */
export function withEnvGroup(text: string, record: ServiceRecord): string {
  const pattern = groupLine(record.prefix);
  const kept = text.split(/\r?\n/).filter((line) => line !== '' && !pattern.test(line));
  return [...kept, ...envLines(record)].join('\n') + '\n';
}
