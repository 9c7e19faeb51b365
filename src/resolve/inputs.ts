import {
  IMAGE_NAME_FORM,
  loweredNotice,
  parseLoweringPath,
  TAG_PATTERN,
  type ImageName,
} from '../shared/image-reference.js';
import { defaultEnvPrefix } from '../shared/service-env.js';
import {
  ACTION_NAMING,
  fieldParser,
  InputError,
  parseBoolean,
  parseEnvName,
  parseInteger,
  registryAuthOf,
  TAG_LENGTH_RANGE,
  type InputNaming,
} from '../shared/field-parser.js';
import { ENV_NAME_PATTERN, type RegistryAuth } from '../shared/vocabulary.js';
import { parsePlatform, runnerPlatform, type Platform } from '../registry/manifest.js';
import { RESOLVE_INPUTS } from './resolve-spec.js';

// The resolve feature's inputs, as the action's inputs and the resolve CLI's arguments both give them:
// one typed, validated ResolveInputs through parseResolveInputs.

export const SOURCES = ['auto', 'local', 'registry'] as const;
export type Source = (typeof SOURCES)[number];

/** One image of what is resolved: `[PREFIX=]IMAGE[:TAG]` of an `images` line, or the `image` and `tag` inputs. */
export interface SetEntry {
  /** The `images` line it came from (1-based); 0 for the `image` input. */
  readonly line: number;
  /** What its variables start with in the env output (`<PREFIX>_SHA`, …). */
  readonly prefix: string;
  readonly image: ImageName;
  readonly tag: string;
  /** Set when the line's image path was lower-cased: what the log says. */
  readonly notice?: string;
}

/** Every input of resolve/action.yml, parsed and validated. */
export interface ResolveInputs {
  /** What to resolve, in input order: the `image` input's one, or the `images` set. */
  readonly entries: readonly SetEntry[];
  /** true: asked by `image`, with the single-image outputs; false: a set (`images`). */
  readonly single: boolean;
  readonly shaEnv: string;
  readonly source: Source;
  readonly tagLength: number;
  /** Which image of an index (a multi-platform image) is read; default the runner's. */
  readonly platform: Platform;
  /** For the first image's registry; the others (and this one, without it) use docker's stored credentials. */
  readonly registryAuth: RegistryAuth | undefined;
  /** A set only: each image must also exist under its short sha tag with the same digest. */
  readonly checkPairs: boolean;
  /** What the inputs were taken as, other than written (an image path lower-cased): for the log. */
  readonly notices: readonly string[];
}

/** What resolving one image takes. */
export interface ResolveRequest {
  readonly image: ImageName;
  readonly tag: string;
  readonly shaEnv: string;
  readonly source: Source;
  readonly tagLength: number;
  readonly platform: Platform;
  readonly registryAuth: RegistryAuth | undefined;
}

/** resolve/action.yml's defaults; the CLI has the same (a unit test keeps them equal). */
/** An input's default, as resolve/action.yml and the CLI have it (src/resolve/resolve-spec.js). */
function defaultOf(name: string): string {
  const spec = RESOLVE_INPUTS.find((input) => input.name === name);
  if (spec === undefined) throw new Error(`resolve-spec.js has no input ${name}`);
  return spec.default;
}

/** The defaults of the inputs that have one other than empty, or that a set and one image share. */
export const RESOLVE_DEFAULTS = {
  tag: defaultOf('tag'),
  images: defaultOf('images'),
  'sha-env': defaultOf('sha-env'),
  source: defaultOf('source'),
  'tag-length': defaultOf('tag-length'),
  'check-pairs': defaultOf('check-pairs'),
  platform: defaultOf('platform'),
} as const;

export const IMAGES_LINE_FORM = 'one [PREFIX=]IMAGE[:TAG] a line, e.g. RUNNER=ghcr.io/acme/runner:latest';

function parseRepository(raw: string): { image: ImageName; lowered?: string } {
  const lastComponent = raw.slice(raw.lastIndexOf('/') + 1);
  if (raw.includes('@')) throw new Error(`is "${raw}"; expected a repository without a digest: resolve reads a tag`);
  if (lastComponent.includes(':'))
    throw new Error(`is "${raw}"; expected a repository without a tag: the tag goes into 'tag'`);
  try {
    return parseLoweringPath(raw);
  } catch (error) {
    throw new Error(`${(error as Error).message}; expected ${IMAGE_NAME_FORM}`);
  }
}

function parseTag(raw: string): string {
  if (!TAG_PATTERN.test(raw))
    throw new Error(`is "${raw}"; expected an image tag: up to 128 of A-Z a-z 0-9 _ . -, not starting with . or -`);
  return raw;
}

/** `IMAGE[:TAG]`: the tag is what follows a colon after the last slash (a registry port is not a tag). */
export function splitImageTag(reference: string): { image: string; tag: string } {
  if (reference.includes('@')) return { image: reference, tag: '' }; // the caller names the digest
  const colon = reference.indexOf(':', reference.lastIndexOf('/') + 1);
  return colon === -1
    ? { image: reference, tag: '' }
    : { image: reference.slice(0, colon), tag: reference.slice(colon + 1) };
}

/** One `images` line, `[PREFIX=]IMAGE[:TAG]`; throws saying what is wrong with it. */
function parseSetLine(line: string, number: number): SetEntry {
  const equals = line.indexOf('=');
  const prefix = equals === -1 ? undefined : line.slice(0, equals).trim();
  const { image: name, tag } = splitImageTag(line.slice(equals + 1).trim());
  if (name.includes('@'))
    throw new Error(`line ${number} is "${line}": ${name} has a digest; expected a tag (resolve reads a tag)`);
  let image: ImageName;
  let lowered: string | undefined;
  try {
    ({ image, lowered } = parseLoweringPath(name));
  } catch (error) {
    throw new Error(`line ${number} is "${line}": the image ${(error as Error).message}; expected ${IMAGES_LINE_FORM}`);
  }
  if (tag !== '' && !TAG_PATTERN.test(tag))
    throw new Error(`line ${number} is "${line}": "${tag}" is no image tag; expected ${IMAGES_LINE_FORM}`);
  const chosen = prefix ?? defaultEnvPrefix(image);
  if (!ENV_NAME_PATTERN.test(chosen))
    throw new Error(
      `line ${number} is "${line}": the prefix "${chosen}" is no environment variable name ([A-Za-z_][A-Za-z0-9_]*)`,
    );
  return {
    line: number,
    prefix: chosen,
    image,
    tag: tag || RESOLVE_DEFAULTS.tag,
    ...(lowered === undefined ? {} : { notice: loweredNotice(`line ${number}'s image`, name, lowered) }),
  };
}

/**
 * The `images` set, each line checked, then the set as a whole: a prefix or an image (the same repository in
 * the same registry) named twice. Throws one message naming every bad line.
 */
export function parseImageSet(raw: string): SetEntry[] {
  const problems: string[] = [];
  const entries: SetEntry[] = [];
  raw.split(/\r?\n/).forEach((text, index) => {
    const line = text.trim();
    if (line === '' || line.startsWith('#')) return;
    try {
      entries.push(parseSetLine(line, index + 1));
    } catch (error) {
      problems.push((error as Error).message);
    }
  });
  for (const [index, entry] of entries.entries()) {
    const first = entries.findIndex((other) => other.prefix === entry.prefix);
    const same = entries.findIndex(
      (other) => other.image.registry === entry.image.registry && other.image.path === entry.image.path,
    );
    if (first < index)
      problems.push(
        `line ${entry.line} has the prefix ${entry.prefix} of line ${entries[first]?.line}; expected a prefix of its own`,
      );
    else if (same < index)
      problems.push(
        `line ${entry.line} names ${entry.image.name}, as line ${entries[same]?.line} does; expected each image once`,
      );
  }
  if (problems.length > 0) throw new Error(problems.join('; '));
  if (entries.length === 0) throw new Error(`has no image; expected ${IMAGES_LINE_FORM}`);
  return entries;
}

/** Parses raw input strings; collects every problem before throwing an InputError. */
export function parseResolveInputs(read: (name: string) => string, naming: InputNaming = ACTION_NAMING): ResolveInputs {
  // Each input read once: the mode depends on two of them, which the fields read again.
  const values = new Map<string, string>();
  const readOnce = (name: string): string => values.get(name) ?? values.set(name, read(name)).get(name) ?? '';
  const { problems, field } = fieldParser(readOnce, naming);

  const rawImage = readOnce('image').trim();
  const rawImages = readOnce('images').trim();
  const single = rawImages === '';
  if (rawImage !== '' && !single)
    problems.push(
      `${naming.subject('image')} and ${naming.subject('images')} are both set; expected one image in ${naming.name('image')} (and ${naming.name('tag')}), or a set in ${naming.name('images')}.`,
    );
  const notices: string[] = [];
  const image = single
    ? field(
        'image',
        (raw) => {
          if (raw === '')
            throw new Error(`is empty; expected ${IMAGE_NAME_FORM}; or a set in ${naming.name('images')}`);
          const { image, lowered } = parseRepository(raw);
          if (lowered !== undefined) notices.push(loweredNotice(naming.subject('image'), raw, lowered));
          return image;
        },
        undefined,
      )
    : undefined;
  // empty (e.g. an unset dispatch input) means latest
  const tag = field('tag', (raw) => parseTag(raw || RESOLVE_DEFAULTS.tag), RESOLVE_DEFAULTS.tag);
  const set = single ? [] : field('images', parseImageSet, []);
  const shaEnv = field('sha-env', parseEnvName, RESOLVE_DEFAULTS['sha-env']);
  const source = field(
    'source',
    (raw): Source => {
      const found = SOURCES.find((source) => source === raw);
      if (found === undefined) throw new Error(`is "${raw}"; expected auto, local or registry`);
      return found;
    },
    'auto',
  );
  const tagLength = field('tag-length', (raw) => parseInteger(raw, TAG_LENGTH_RANGE), 7);
  const checkPairs = field('check-pairs', parseBoolean, true);
  const platform = field('platform', (raw) => (raw === '' ? runnerPlatform() : parsePlatform(raw)), runnerPlatform());
  const registryAuth = registryAuthOf(
    readOnce,
    problems,
    "docker's stored credentials (an earlier docker login) are used, else the registry is read anonymously",
    naming,
  );

  if (problems.length > 0 || (single && image === undefined)) throw new InputError(problems);
  const entries = image === undefined ? set : [{ line: 0, prefix: defaultEnvPrefix(image), image, tag }];
  notices.push(
    ...set.flatMap((entry) => (entry.notice === undefined ? [] : [`${naming.subject('images')} ${entry.notice}`])),
  );
  return { entries, single, shaEnv, source, tagLength, platform, registryAuth, checkPairs, notices };
}

/** The request of one entry; `registryAuth` only for the first entry's registry. */
export function requestFor(inputs: ResolveInputs, entry: SetEntry): ResolveRequest {
  const first = inputs.entries[0]?.image.registry;
  return {
    image: entry.image,
    tag: entry.tag,
    shaEnv: inputs.shaEnv,
    source: inputs.source,
    tagLength: inputs.tagLength,
    platform: inputs.platform,
    registryAuth: entry.image.registry === first ? inputs.registryAuth : undefined,
  };
}
