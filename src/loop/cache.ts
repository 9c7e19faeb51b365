import { nonBlankLines, type InputNaming } from '../shared/field-parser.js';
import { familiarName, parseImageName, repositoryOf, type ImageName } from '../shared/image-reference.js';
import { classifyRegistryFailure } from '../docker/registry-failure.js';

// The layer cache across runners: which cache sources a build imports (cache-from) and where it exports its
// cache to (cache-to), planned from the inputs and the builder before anything is touched.

export type CacheDirection = 'from' | 'to';

/** One buildx cache spec, e.g. `type=registry,ref=ghcr.io/acme/app:latest`. */
export interface CacheSpec {
  readonly type: string;
  readonly attributes: Readonly<Record<string, string>>;
  /** As buildx takes it (a bare image reference written as `type=registry,ref=…`). */
  readonly text: string;
}

/** An input's value: `auto` (the image's own :latest, plus any specs beside it), `none`, or specs. */
export interface CacheSetting {
  readonly auto: boolean;
  readonly specs: readonly CacheSpec[];
}

export const CACHE_AUTO: CacheSetting = { auto: true, specs: [] };

const TYPES: Readonly<Record<CacheDirection, readonly string[]>> = {
  from: ['registry', 'local', 'gha', 's3', 'azblob'],
  to: ['inline', 'registry', 'local', 'gha', 's3', 'azblob'],
};
/** Attributes a type cannot go without, per direction. */
const REQUIRED: Readonly<Record<CacheDirection, Readonly<Record<string, string>>>> = {
  from: { registry: 'ref', local: 'src' },
  to: { registry: 'ref', local: 'dest' },
};

export function cacheForm(direction: CacheDirection): string {
  return direction === 'from'
    ? 'auto, none, or one buildx cache spec a line (type=registry,ref=…, type=gha, type=local,src=…)'
    : 'auto, none, or one buildx cache spec a line (type=registry,ref=…,mode=max, type=gha,mode=max, type=local,dest=…, type=inline)';
}

/** Parses one buildx cache spec; throws saying what is wrong with it (without quoting it). */
export function parseCacheSpec(line: string, direction: CacheDirection): CacheSpec {
  // buildx takes a bare image reference as a registry cache source.
  if (direction === 'from' && !line.includes('=')) {
    try {
      parseImageName(repositoryOf(line));
    } catch (error) {
      throw new Error(`it is neither a cache spec nor an image reference (the name ${(error as Error).message})`);
    }
    return { type: 'registry', attributes: { type: 'registry', ref: line }, text: `type=registry,ref=${line}` };
  }
  if (!line.includes('=')) throw new Error('an image reference is a cache source only; write type=registry,ref=…');
  const attributes: Record<string, string> = {};
  for (const pair of line.split(',')) {
    const equals = pair.indexOf('=');
    const key = pair.slice(0, equals).trim();
    if (equals < 1 || key === '' || pair.slice(equals + 1).trim() === '')
      throw new Error(`"${pair.trim()}" is not key=value`);
    if (key in attributes) throw new Error(`it sets ${key} twice`);
    attributes[key] = pair.slice(equals + 1).trim();
  }
  const type = attributes.type;
  if (type === undefined) throw new Error('it has no type=…');
  if (!TYPES[direction].includes(type)) throw new Error(`type=${type} is not one of ${TYPES[direction].join(', ')}`);
  const required = REQUIRED[direction][type];
  if (required !== undefined && attributes[required] === undefined)
    throw new Error(`it has no ${required}=… (type=${type} needs one)`);
  // As buildx reads it: buildx does not trim the fields.
  const text = Object.entries(attributes)
    .map(([key, value]) => `${key}=${value}`)
    .join(',');
  return { type, attributes, text };
}

/** The ref of a `type=registry` cache spec as planned (its fields in any order), else undefined. */
export function registryRef(spec: string): string | undefined {
  try {
    const parsed = parseCacheSpec(spec, 'from');
    return parsed.type === 'registry' ? parsed.attributes.ref : undefined;
  } catch {
    return undefined;
  }
}

/** Parses cache-from or cache-to; empty means auto. */
export function parseCacheSetting(raw: string, direction: CacheDirection): CacheSetting {
  const lines = nonBlankLines(raw);
  if (lines.length === 0) return CACHE_AUTO;
  const problems: string[] = [];
  const specs: CacheSpec[] = [];
  let auto = false;
  lines.forEach((line, index) => {
    if (line === 'auto') auto = true;
    else if (line === 'none') {
      if (lines.length > 1) problems.push(`line ${index + 1} is none beside other lines (none stands alone)`);
    } else {
      try {
        specs.push(parseCacheSpec(line, direction));
      } catch (error) {
        problems.push(`line ${index + 1} is "${line}": ${(error as Error).message}`);
      }
    }
  });
  if (problems.length > 0) throw new Error(`${problems.join('; ')}; expected ${cacheForm(direction)}`);
  return { auto, specs };
}

/** What builds the image, as far as the cache is concerned. */
export type CacheBuilder =
  | { readonly kind: 'legacy' }
  | {
      readonly kind: 'buildx';
      /** The builder's name as the user gave it ('' for the current one), for messages. */
      readonly name: string;
      /** The buildx driver (docker, docker-container, kubernetes, remote); undefined when buildx did not say. */
      readonly driver: string | undefined;
      /** The engine keeps its images in containerd: its docker driver then exports cache like the others. */
      readonly containerdStore: boolean;
    };

/** How a build uses the cache: the argv values of --cache-from and --cache-to, and the classic pull. */
export interface CachePlan {
  /** The classic builder: pull these first (the image's own references), then name them in --cache-from. */
  readonly pull: readonly string[];
  /** BuildKit: cache specs; the classic builder: image references. */
  readonly from: readonly string[];
  readonly to: readonly string[];
}

export const NO_CACHE: CachePlan = { pull: [], from: [], to: [] };

/** A registry cache spec whose ref names this image (any tag): what the classic builder can use. */
function ownImageRef(spec: CacheSpec, image: ImageName): string | undefined {
  const ref = spec.type === 'registry' ? spec.attributes.ref : undefined;
  if (ref === undefined || Object.keys(spec.attributes).some((key) => key !== 'type' && key !== 'ref'))
    return undefined;
  try {
    return familiarName(parseImageName(repositoryOf(ref))) === familiarName(image) ? ref : undefined;
  } catch {
    return undefined;
  }
}

function describeBuilder(builder: Extract<CacheBuilder, { kind: 'buildx' }>): string {
  return `the buildx builder ${builder.name === '' ? '(the current one)' : `"${builder.name}"`} has the docker driver`;
}

/**
 * Plans the cache of one build; throws, naming the input and what it needs, when a spec cannot work with this
 * builder. `auto`: the image's own :latest in its registry (and the engine's own cache, always); on BuildKit
 * the pushed image carries its cache inline.
 */
export function planCache(
  from: CacheSetting,
  to: CacheSetting,
  image: ImageName,
  builder: CacheBuilder,
  naming: InputNaming,
): CachePlan {
  const latest = `${image.name}:latest`;
  const problems: string[] = [];
  if (builder.kind === 'legacy') {
    const refs: string[] = from.auto ? [latest] : [];
    for (const spec of from.specs) {
      const ref = ownImageRef(spec, image);
      if (ref === undefined)
        problems.push(
          `${naming.subject('cache-from')} has "${spec.text}", which needs BuildKit (docker buildx); the classic builder takes only the image's own reference (e.g. ${latest}) as a cache source.`,
        );
      else if (!refs.includes(ref)) refs.push(ref);
    }
    for (const spec of to.specs)
      problems.push(
        `${naming.subject('cache-to')} has "${spec.text}", which needs BuildKit (docker buildx); with the classic builder use auto (its images are cache sources by themselves) or none.`,
      );
    if (problems.length > 0) throw new Error(problems.join('\n'));
    return { pull: refs, from: refs, to: [] };
  }
  if (builder.driver === 'docker') {
    // The docker driver exports cache only inline, unless the engine keeps its images in containerd.
    const dockerDriverCan = (spec: CacheSpec, direction: CacheDirection): boolean =>
      spec.type === 'inline' ||
      (!['s3', 'azblob'].includes(spec.type) && (direction === 'from' || builder.containerdStore));
    for (const [direction, setting] of [
      ['from', from],
      ['to', to],
    ] as const) {
      for (const spec of setting.specs) {
        if (dockerDriverCan(spec, direction)) continue;
        const needs = ['s3', 'azblob'].includes(spec.type)
          ? 'a builder with another driver (docker-container, kubernetes or remote)'
          : 'a builder with another driver (docker-container, kubernetes or remote), or the containerd image store on this engine';
        problems.push(
          `${naming.subject(`cache-${direction}`)} has "${spec.text}", which needs ${needs}; ${describeBuilder(builder)}${builder.containerdStore ? '' : ' on an engine without the containerd image store'}.`,
        );
      }
    }
    if (problems.length > 0) throw new Error(problems.join('\n'));
  }
  const specs = (setting: CacheSetting, auto: string, text: (spec: CacheSpec) => string): string[] => [
    ...new Set([...(setting.auto ? [auto] : []), ...setting.specs.map(text)]),
  ];
  return {
    pull: [],
    from: specs(from, `type=registry,ref=${latest}`, (spec) => spec.text),
    // A cache export that fails (a refused push of the cache ref, say) is no reason to fail the build.
    to: specs(to, 'type=inline', (spec) =>
      spec.type === 'inline' || 'ignore-error' in spec.attributes ? spec.text : `${spec.text},ignore-error=true`,
    ),
  };
}

/** A cache source the build tried: found, or why not; undefined when the builder does not say (not a registry). */
export interface CacheSourceOutcome {
  readonly source: string;
  readonly found: boolean | undefined;
  /** Why it was not found: `not found`, `refused: …`, `unreachable: …`. */
  readonly reason: string | undefined;
}

/** What the cache did for one build. */
export interface CacheOutcome {
  readonly sources: readonly CacheSourceOutcome[];
  /** Steps of the user's Dockerfile (FROM aside) reused from a cache, and run. */
  readonly stepsReused: number;
  readonly stepsRun: number;
  /** Where the build's cache went (cache-to; `type=inline`: inside the image). */
  readonly exportedTo: readonly string[];
}

/** Why a registry cache source was not used, from the builder's or the pull's message. */
export function cacheMissReason(message: string): string {
  const reason =
    message
      .trim()
      .split('\n')
      .pop()
      ?.replace(/^Error response from daemon: /, '')
      .replace(/^failed to configure registry cache importer: /, '')
      .trim() ?? '';
  if (/\bnot found\b|manifest unknown|name unknown|no such manifest/i.test(reason)) return 'not found';
  return classifyRegistryFailure(reason) === 'auth' ? `refused: ${reason}` : `unreachable: ${reason}`;
}

/** One line for the build group and the summary: `cache: hit from …` or `cache: miss: … not found`, with the steps. */
export function describeCache(outcome: CacheOutcome): string {
  const found = outcome.sources.filter((source) => source.found === true).map((source) => source.source);
  const unknown = outcome.sources.filter((source) => source.found === undefined).map((source) => source.source);
  const missed = outcome.sources
    .filter((source) => source.found === false)
    .map((source) => `${source.source} ${source.reason ?? 'not found'}`);
  const steps = outcome.stepsReused + outcome.stepsRun;
  const counts = `${outcome.stepsReused} of ${steps} step${steps === 1 ? '' : 's'} reused, ${outcome.stepsRun} run`;
  const misses = missed.length === 0 ? '' : `miss: ${missed.join('; ')}`;
  if (outcome.stepsReused === 0) {
    const what = [misses, ...unknown.map((source) => `${source} gave nothing`)].filter((part) => part !== '');
    return `cache: ${what.length === 0 ? 'miss' : what.join('; ')} (${counts})${outcome.sources.length === 0 ? '; no cache source asked for' : ''}`;
  }
  // Which source a reused step came from, BuildKit says only for registry sources.
  const from = found.length > 0 ? found.join(', ') : [...unknown, "the engine's own cache"].join(' or ');
  return `cache: hit from ${from} (${counts})${misses === '' ? '' : `; ${misses}`}`;
}
