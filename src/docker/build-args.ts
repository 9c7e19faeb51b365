import type { KeyValue } from '../shared/vocabulary.js';

// Pure argv builders of the two builds: the user's Dockerfile, then the stamp. Apart from args.ts, so that
// what only reads images (the resolve bundles) carries no build code.

/** A BuildKit secret: `id=…,env=…` (from an environment variable) or `id=…,src=…` (from a file). */
export interface BuildSecret {
  readonly id: string;
  readonly source: { readonly env: string } | { readonly src: string };
}

/**
 * The legacy builder, or BuildKit through buildx: `name` builds the user's Dockerfile (a named builder, ''
 * for the current one); `engineBuilder`, the engine's own docker-driver builder (named after the docker
 * context), stamps it, since only that one sees the images the engine holds.
 */
export type Builder =
  { readonly kind: 'legacy' } | { readonly kind: 'buildx'; readonly name: string; readonly engineBuilder: string };

export interface BuildOptions {
  readonly context: string;
  readonly file: string;
  readonly buildArgs: readonly KeyValue[];
  readonly target: string;
  readonly iidFile: string;
  readonly builder: Builder;
  /** Only with buildx: the legacy builder has no secrets, and build args would leave them in the history. */
  readonly secrets: readonly BuildSecret[];
  /** A local name for the result (buildx: what the stamp step starts from). */
  readonly tag?: string | undefined;
}

export function secretArg(secret: BuildSecret): string {
  return 'env' in secret.source
    ? `id=${secret.id},env=${secret.source.env}`
    : `id=${secret.id},src=${secret.source.src}`;
}

/**
 * BuildKit's default provenance attestation holds the build's start and end times: on the containerd image
 * store it makes the image an index whose digest changes with every build of the same commit. And it would
 * describe the stamp step, not the user's build.
 */
const NO_PROVENANCE = ['--provenance=false'];

export function buildArgs(options: BuildOptions): string[] {
  const buildx = options.builder.kind === 'buildx';
  if (!buildx && options.secrets.length > 0) throw new Error('build secrets need BuildKit (docker buildx)');
  return [
    // --force-rm: a failed step's container (and its layer, on a full disk) is not left behind.
    ...(buildx
      ? [
          'buildx',
          'build',
          '--load',
          ...NO_PROVENANCE,
          ...(options.builder.name === '' ? [] : ['--builder', options.builder.name]),
        ]
      : ['build', '--force-rm']),
    ...options.secrets.flatMap((secret) => ['--secret', secretArg(secret)]),
    ...(options.tag === undefined ? [] : ['--tag', options.tag]),
    '--file',
    options.file,
    '--iidfile',
    options.iidFile,
    ...options.buildArgs.flatMap(({ key, value }) => ['--build-arg', `${key}=${value}`]),
    ...(options.target === '' ? [] : ['--target', options.target]),
    options.context,
  ];
}

export interface StampOptions {
  readonly tags: readonly string[];
  readonly builder: Builder;
}

/** Builds from a Dockerfile on stdin (see stampDockerfile) with no context, on the engine's own builder. */
export function stampArgs(options: StampOptions): string[] {
  return [
    ...(options.builder.kind === 'buildx'
      ? ['buildx', 'build', '--load', ...NO_PROVENANCE, '--builder', options.builder.engineBuilder]
      : ['build']),
    ...options.tags.flatMap((tag) => ['--tag', tag]),
    '-',
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
