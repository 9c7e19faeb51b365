import type { KeyValue } from '../shared/vocabulary.js';

// Pure argv builders of the two builds: the user's Dockerfile, then the stamp. Apart from args.ts, so that
// what only reads images (the resolve bundles) carries no build code.

/** A BuildKit secret: `id=…,env=…` (from an environment variable) or `id=…,src=…` (from a file). */
export interface BuildSecret {
  readonly id: string;
  readonly source: { readonly env: string } | { readonly src: string };
}

/**
 * The legacy builder, or BuildKit through buildx: `name` is the buildx builder to build with ('' for the
 * current one); `fsEntitlements`: its bake checks what it reads and writes outside the working directory
 * (buildx 0.20 and later), and takes `--allow=fs.read=…` / `fs.write=…` for it.
 */
export type Builder =
  { readonly kind: 'legacy' } | { readonly kind: 'buildx'; readonly name: string; readonly fsEntitlements: boolean };

export function secretArg(secret: BuildSecret): string {
  return 'env' in secret.source
    ? `id=${secret.id},env=${secret.source.env}`
    : `id=${secret.id},src=${secret.source.src}`;
}

/** The user's Dockerfile and what it is built with, whichever the builder. */
export interface DockerfileBuild {
  readonly context: string;
  readonly file: string;
  readonly buildArgs: readonly KeyValue[];
  readonly target: string;
}

export interface LegacyBuildOptions extends DockerfileBuild {
  readonly iidFile: string;
  /** Images whose history the builder may reuse (`--cache-from`), pulled before. */
  readonly cacheFrom: readonly string[];
}

/** The user's Dockerfile on the classic builder; the stamp follows (legacyStampArgs). */
export function legacyBuildArgs(options: LegacyBuildOptions): string[] {
  return [
    'build',
    // A failed step's container (and its layer, on a full disk) is not left behind.
    '--force-rm',
    ...options.cacheFrom.flatMap((ref) => ['--cache-from', ref]),
    '--file',
    options.file,
    '--iidfile',
    options.iidFile,
    ...options.buildArgs.flatMap(({ key, value }) => ['--build-arg', `${key}=${value}`]),
    ...(options.target === '' ? [] : ['--target', options.target]),
    // A context named like an option (`-x`) would reach docker as one.
    options.context.startsWith('-') ? `./${options.context}` : options.context,
  ];
}

/** The classic builder's stamp: a Dockerfile on stdin (see stampDockerfile), no context. */
export function legacyStampArgs(tags: readonly string[]): string[] {
  return ['build', ...tags.flatMap((tag) => ['--tag', tag]), '-'];
}

/** The bake targets: the user's Dockerfile, and the stamp that starts from its result. */
export const BAKE_BUILD_TARGET = 'build';
export const BAKE_STAMP_TARGET = 'stamp';
/** The name the stamp's FROM gives the build target's result (a bake `target:` context). */
export const STAMP_BASE = 'build-test-deploy-build';

export interface BakeOptions extends DockerfileBuild {
  /** The builder's bake checks file system access: what it needs is granted (bakeEntitlements). */
  readonly fsEntitlements: boolean;
  readonly secrets: readonly BuildSecret[];
  readonly tags: readonly string[];
  /** The stamp's Dockerfile (stampDockerfile with STAMP_BASE). */
  readonly stampDockerfile: string;
  /** The stamp's context: it uses none, but has one (the build's: see build.ts). */
  readonly stampContext: string;
  readonly cacheFrom: readonly string[];
  readonly cacheTo: readonly string[];
}

/** Bake reads every string of its file as an HCL template: `${` and `%{` must stay literal. */
export function bakeLiteral(text: string): string {
  return text.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

/**
 * The bake file of one BuildKit build: the user's Dockerfile, and the stamp, whose FROM is that build's
 * result as a `target:` context. Bake hands the stamp the build's whole graph, not an image: the stamp's
 * inline cache then covers every step of the user's Dockerfile, so the pushed :latest is a cache source.
 */
export function bakeDefinition(options: BakeOptions): unknown {
  const literal = (values: readonly string[]): string[] => values.map(bakeLiteral);
  const build = {
    context: bakeLiteral(options.context),
    dockerfile: bakeLiteral(options.file),
    args: Object.fromEntries(options.buildArgs.map(({ key, value }) => [key, bakeLiteral(value)])),
    ...(options.target === '' ? {} : { target: options.target }),
    ...(options.secrets.length === 0 ? {} : { secret: literal(options.secrets.map(secretArg)) }),
    'cache-from': literal(options.cacheFrom),
    // Only the stamp's result is wanted (the docker driver writes an untagged image anyway).
    output: ['type=cacheonly'],
  };
  const stamp = {
    context: bakeLiteral(options.stampContext),
    'dockerfile-inline': bakeLiteral(options.stampDockerfile),
    contexts: { [STAMP_BASE]: `target:${BAKE_BUILD_TARGET}` },
    tags: literal(options.tags),
    'cache-from': literal(options.cacheFrom),
    'cache-to': literal(options.cacheTo),
    output: ['type=docker'],
  };
  return { target: { [BAKE_BUILD_TARGET]: build, [BAKE_STAMP_TARGET]: stamp } };
}

/**
 * BuildKit's default provenance attestation holds the build's start and end times: on the containerd image
 * store it makes the image an index whose digest changes with every build of the same commit. And it would
 * describe the stamp step, not the user's build.
 */
const NO_PROVENANCE = '--provenance=false';

/** Bakes the stamp target (and with it the build target), its progress as JSON (see build-progress.ts). */
export function bakeArgs(options: {
  bakeFile: string;
  metadataFile: string;
  builder: string;
  /** Entitlements granted (bakeEntitlements): `fs.read=/path`, `fs.write=/path`. */
  allow?: readonly string[];
}): string[] {
  return [
    'buildx',
    'bake',
    '--file',
    options.bakeFile,
    '--metadata-file',
    options.metadataFile,
    '--progress=rawjson',
    NO_PROVENANCE,
    ...(options.allow ?? []).map((entitlement) => `--allow=${entitlement}`),
    ...(options.builder === '' ? [] : ['--builder', options.builder]),
    BAKE_STAMP_TARGET,
  ];
}

/** A cache spec's attributes (`type=local,dest=/c,mode=max`). */
function specAttributes(spec: string): Map<string, string> {
  return new Map(
    spec.split(',').map((part) => {
      const equals = part.indexOf('=');
      return equals === -1 ? [part.trim(), ''] : [part.slice(0, equals).trim(), part.slice(equals + 1)];
    }),
  );
}

/**
 * What bake must be allowed to read and write on this machine: exactly the files the inputs name (a build
 * secret's file, a local cache source), and the folder a local cache goes to. `existing` gives the deepest part
 * of a path that exists, which is what buildx grants (a cache folder is made by the build).
 */
export function bakeEntitlements(
  options: Pick<BakeOptions, 'secrets' | 'cacheFrom' | 'cacheTo'>,
  existing: (file: string) => string,
): string[] {
  const read = [
    ...options.secrets.flatMap((secret) => ('src' in secret.source ? [secret.source.src] : [])),
    ...options.cacheFrom.flatMap((spec) => {
      const attributes = specAttributes(spec);
      return attributes.get('type') === 'local' && (attributes.get('src') ?? '') !== ''
        ? [attributes.get('src') ?? '']
        : [];
    }),
  ];
  const write = options.cacheTo.flatMap((spec) => {
    const attributes = specAttributes(spec);
    return attributes.get('type') === 'local' && (attributes.get('dest') ?? '') !== ''
      ? [attributes.get('dest') ?? '']
      : [];
  });
  return [
    ...new Set([
      ...read.map((file) => `fs.read=${existing(file)}`),
      ...write.map((dir) => `fs.write=${existing(dir)}`),
    ]),
  ];
}

/** A Dockerfile double-quoted string: `"`, `\\` and `$` (variable expansion) escaped, so a value arrives as written. */
export function dockerfileString(text: string): string {
  return `"${text.replace(/[\\"$]/g, (c) => `\\${c}`)}"`;
}

/**
 * Metadata-only steps on top of the user's image: ENV comes last, so the sha holds whatever the
 * Dockerfile declared, without editing the user's Dockerfile. All labels go in one LABEL instruction:
 * the classic builder makes a step of each --label flag.
 */
export function stampDockerfile(baseImage: string, shaEnv: string, sha: string, labels: readonly KeyValue[]): string {
  const label =
    labels.length === 0
      ? ''
      : `LABEL ${labels.map(({ key, value }) => `${dockerfileString(key)}=${dockerfileString(value)}`).join(' ')}\n`;
  return `FROM ${baseImage}\nENV ${shaEnv}=${sha}\n${label}`;
}
