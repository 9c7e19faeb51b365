import { IMAGE_NAME_FORM, parseImageName, TAG_PATTERN, type ImageName } from '../shared/image-reference.js';
import {
  ACTION_NAMING,
  fieldParser,
  InputError,
  parseEnvName,
  parseInteger,
  registryAuthOf,
  TAG_LENGTH_RANGE,
  type InputNaming,
} from '../shared/field-parser.js';
import type { RegistryAuth } from '../shared/vocabulary.js';

// The resolve feature's inputs, as the action's inputs and the resolve CLI's arguments both give them:
// one typed, validated ResolveInputs through parseResolveInputs.

export const SOURCES = ['auto', 'local', 'registry'] as const;
export type Source = (typeof SOURCES)[number];

/** Every input of resolve/action.yml, parsed and validated. */
export interface ResolveInputs {
  readonly image: ImageName;
  readonly tag: string;
  readonly shaEnv: string;
  readonly source: Source;
  readonly tagLength: number;
  readonly registryAuth: RegistryAuth | undefined;
}

/** resolve/action.yml's defaults; the CLI has the same (a unit test keeps them equal). */
export const RESOLVE_DEFAULTS = { tag: 'latest', 'sha-env': 'SHA', source: 'auto', 'tag-length': '7' } as const;

/** A tag, as in the distribution reference grammar. */

function parseRepository(raw: string): ImageName {
  const lastComponent = raw.slice(raw.lastIndexOf('/') + 1);
  if (raw.includes('@')) throw new Error(`is "${raw}"; expected a repository without a digest: resolve reads a tag`);
  if (lastComponent.includes(':'))
    throw new Error(`is "${raw}"; expected a repository without a tag: the tag goes into 'tag'`);
  try {
    return parseImageName(raw);
  } catch (error) {
    throw new Error(`${(error as Error).message}; expected ${IMAGE_NAME_FORM}`);
  }
}

/** Parses raw input strings; collects every problem before throwing an InputError. */
export function parseResolveInputs(read: (name: string) => string, naming: InputNaming = ACTION_NAMING): ResolveInputs {
  const { problems, field } = fieldParser(read, naming);

  const image = field('image', parseRepository, undefined);
  const tag = field(
    'tag',
    (raw) => {
      const tag = raw || RESOLVE_DEFAULTS.tag; // empty (e.g. an unset dispatch input) means latest
      if (!TAG_PATTERN.test(tag))
        throw new Error(`is "${raw}"; expected an image tag: up to 128 of A-Z a-z 0-9 _ . -, not starting with . or -`);
      return tag;
    },
    RESOLVE_DEFAULTS.tag,
  );
  const shaEnv = field('sha-env', parseEnvName, RESOLVE_DEFAULTS['sha-env']);
  const source = field(
    'source',
    (raw): Source => {
      const found = SOURCES.find((source) => source === raw);
      if (found === undefined) throw new Error(`is "${raw}"; expected auto, local or registry`);
      return found;
    },
    RESOLVE_DEFAULTS.source,
  );
  const tagLength = field('tag-length', (raw) => parseInteger(raw, TAG_LENGTH_RANGE), 7);
  const registryAuth = registryAuthOf(read, problems, 'the registry is read anonymously', naming);

  if (problems.length > 0 || image === undefined) throw new InputError(problems);
  return { image, tag, shaEnv, source, tagLength, registryAuth };
}
