import { docker, DockerError } from '../docker/cli.js';
import { imageInspectArgs } from '../docker/args.js';
import { digestsFor, envValue, parseImageDetails, type ImageDetails, type ImageStore } from '../docker/output.js';
import { imageStoreOf } from '../docker/engine.js';
import { familiarName } from '../shared/image-reference.js';
import {
  DIGEST_PATTERN,
  platformName,
  RegistryClient,
  RegistryError,
  type FetchLike,
  type ImageConfig,
} from '../registry/client.js';
import type { ResolveInputs } from './inputs.js';
import { escapeHtml, REVISION_LABEL, SHA_PATTERN } from '../shared/vocabulary.js';

// Which commit an image tag was built from, read from the image's metadata (env, then the OCI revision
// label): from the local image store or from the registry's manifest and config blob. Never runs or pulls.

export interface Resolution {
  /** What was read: `image:tag`. */
  readonly ref: string;
  readonly sha: string;
  /** The first tag-length characters of the sha: the tag the main action pushes next to latest. */
  readonly tag: string;
  /** The tag's manifest digest (the index's when it is one); local: see localDigest. */
  readonly digest: string;
  readonly imageRef: string;
  readonly source: 'local' | 'registry';
  /** Where in the image the sha was: `env SHA` or `label org.opencontainers.image.revision`. */
  readonly shaFrom: string;
}

export interface Logger {
  info(message: string): void;
  warning(message: string): void;
}

export interface ResolveDeps {
  readonly fetch?: FetchLike;
  /** The local image's details; undefined when docker does not have it; throws when docker cannot tell. */
  readonly inspectLocal?: (ref: string) => Promise<ImageDetails | undefined>;
  /** Which image store the engine uses. */
  readonly imageStore?: () => Promise<ImageStore>;
}

/**
 * The digest a local image gives: its one RepoDigest for the repository, which the graph driver stores only
 * once a registry gave it (a push or a pull). The containerd image store gives every image a RepoDigest from
 * the start, its own manifest digest, which no registry need hold: none then.
 */
export function localDigest(
  repoDigests: readonly string[],
  repository: string,
  store: ImageStore,
): { digest: string; note?: string } {
  const digests = digestsFor(repoDigests, repository).filter((digest) => DIGEST_PATTERN.test(digest));
  if (digests.length !== 1) return { digest: '' };
  if (store.kind === 'graphdriver') return { digest: digests[0] ?? '' };
  return {
    digest: '',
    note:
      store.kind === 'containerd'
        ? `The engine uses the containerd image store: the local digest ${digests[0] ?? ''} is the image's own, which no registry need hold; digest is left empty (source: registry reads the registry's).`
        : `The engine did not say which image store it uses: the local digest ${digests[0] ?? ''} may be one no registry holds; digest is left empty (source: registry reads the registry's).`,
  };
}

export interface Note {
  readonly level: 'info' | 'warning';
  readonly message: string;
}

export interface ShaFinding {
  readonly sha: string;
  readonly from: 'env' | 'label';
  readonly notes: readonly Note[];
}

function describe(value: string | undefined): string {
  if (value === undefined) return 'missing';
  return JSON.stringify(value.length > 80 ? `${value.slice(0, 80)}…` : value);
}

/**
 * The commit an image carries: its `shaEnv` env var when that holds a full sha (40 or 64 lowercase
 * hex), else its revision label; throws naming the image, the variable and the label when neither does.
 */
export function findSha(config: ImageConfig, shaEnv: string, ref: string): ShaFinding {
  const fromEnv = envValue(config.env, shaEnv);
  const label = config.labels[REVISION_LABEL];
  const envOk = fromEnv !== undefined && SHA_PATTERN.test(fromEnv);
  const labelOk = label !== undefined && SHA_PATTERN.test(label);
  if (envOk) {
    const notes: Note[] =
      labelOk && label !== fromEnv
        ? [
            {
              level: 'warning',
              message: `${ref}: env ${shaEnv} is ${fromEnv} but label ${REVISION_LABEL} is ${label}; using the env.`,
            },
          ]
        : [];
    return { sha: fromEnv, from: 'env', notes };
  }
  if (labelOk) {
    const notes: Note[] =
      fromEnv === undefined
        ? [
            {
              level: 'info',
              message: `${ref} has no env ${shaEnv}; the commit comes from its label ${REVISION_LABEL}.`,
            },
          ]
        : [
            {
              level: 'warning',
              message: `${ref}: env ${shaEnv} is ${describe(fromEnv)}, not a commit sha; the commit comes from its label ${REVISION_LABEL}.`,
            },
          ];
    return { sha: label, from: 'label', notes };
  }
  throw new Error(
    `${ref} carries no commit sha: env ${shaEnv} is ${describe(fromEnv)} and label ${REVISION_LABEL} is ${describe(label)}; expected a full commit sha (40 or 64 lowercase hex characters) in either.`,
  );
}

/** `docker image inspect` of a local image; undefined when docker does not have it. */
export async function inspectLocalImage(ref: string): Promise<ImageDetails | undefined> {
  const args = imageInspectArgs(ref);
  const result = await docker(args, { silent: true, allowFailure: true });
  if (result.exitCode === 0) return parseImageDetails(result.stdout);
  if (/no such (?:image|object)/i.test(result.stderr)) return undefined;
  throw new DockerError(args, result);
}

/** Resolves `image:tag` from the local image store, the registry, or (auto) the first that has it. */
export async function resolveImage(inputs: ResolveInputs, logger: Logger, deps: ResolveDeps = {}): Promise<Resolution> {
  const ref = `${inputs.image.name}:${inputs.tag}`;
  const finish = (config: ImageConfig, source: Resolution['source'], digest: string): Resolution => {
    const found = findSha(config, inputs.shaEnv, ref);
    for (const note of found.notes) logger[note.level](note.message);
    const tag = found.sha.slice(0, inputs.tagLength);
    const shaFrom = found.from === 'env' ? `env ${inputs.shaEnv}` : `label ${REVISION_LABEL}`;
    return { ref, sha: found.sha, tag, digest, imageRef: `${inputs.image.name}:${tag}`, source, shaFrom };
  };

  if (inputs.source !== 'registry') {
    let local: ImageDetails | undefined;
    try {
      local = await (deps.inspectLocal ?? inspectLocalImage)(ref);
    } catch (error) {
      if (inputs.source === 'local')
        throw new Error(`Could not inspect the local image ${ref}: ${(error as Error).message}`);
      logger.info(`docker could not tell whether ${ref} is local (${(error as Error).message}); reading the registry.`);
    }
    if (local !== undefined) {
      const hasDigest = digestsFor(local.repoDigests, familiarName(inputs.image)).length > 0;
      const store = hasDigest ? await (deps.imageStore ?? imageStoreOf)() : { kind: 'unknown' as const };
      const { digest, note } = localDigest(local.repoDigests, familiarName(inputs.image), store);
      logger.info(`Read ${ref} from the local image store (image ${local.id}); nothing was run or pulled.`);
      if (note !== undefined) logger.info(note);
      return finish({ env: local.env, labels: local.labels }, 'local', digest);
    }
    if (inputs.source === 'local')
      throw new Error(
        `${ref} is not in the local image store (source: local); use source auto or registry to read the registry instead.`,
      );
    logger.info(`${ref} is not in the local image store; reading the registry ${inputs.image.registry}.`);
  }

  const client = new RegistryClient({
    registry: inputs.image.registry,
    repository: inputs.image.path,
    auth: inputs.registryAuth,
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
  });
  try {
    const remote = await client.readImage(inputs.tag);
    const chosen =
      remote.platform === undefined
        ? ''
        : `; it is an index: read its ${platformName(remote.platform)} image ${remote.manifestDigest}`;
    logger.info(
      `Read ${ref} from the registry ${inputs.image.registry} (${remote.digest}${chosen}); nothing was pulled.`,
    );
    return finish(remote.config, 'registry', remote.digest);
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    const notLocal = inputs.source === 'auto' ? ' It is not in the local image store either.' : '';
    throw new Error(`Could not resolve ${ref}: ${error.message}${notLocal}`);
  }
}

/** The action's outputs. */
export function resolutionOutputs(resolution: Resolution): Record<string, string> {
  return {
    sha: resolution.sha,
    tag: resolution.tag,
    digest: resolution.digest,
    'image-ref': resolution.imageRef,
    source: resolution.source,
  };
}

/**
 * The CLI's stdout: `NAME=value` lines, safe for `eval` (every value is a validated sha, tag, digest or
 * image reference: no quotes, spaces or `$`).
 */
export function cliLines(resolution: Resolution): string {
  return (
    [
      `SHA=${resolution.sha}`,
      `TAG=${resolution.tag}`,
      `DIGEST=${resolution.digest}`,
      `IMAGE_REF=${resolution.imageRef}`,
      `SOURCE=${resolution.source}`,
    ].join('\n') + '\n'
  );
}

/** The job summary's line (HTML: every value escaped). */
export function summaryLine(resolution: Resolution): string {
  const code = (text: string): string => `<code>${escapeHtml(text)}</code>`;
  const from = resolution.source === 'local' ? 'the local image store' : 'the registry';
  const digest = resolution.digest === '' ? '' : `, digest ${code(resolution.digest)}`;
  return `<p><b>Resolved</b> ${code(resolution.ref)} → commit ${code(resolution.sha)} (${code(resolution.imageRef)}${digest}; ${escapeHtml(resolution.shaFrom)}, read from ${from}).</p>`;
}

export function failureLine(message: string): string {
  return `<p><b>Resolve failed:</b> ${escapeHtml(message)}</p>`;
}
