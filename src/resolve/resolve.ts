import type { ImageReader } from '../docker/engine.js';
import { digestsFor, envValue, type ImageDetails, type ImageStore } from '../docker/output.js';
import { familiarName } from '../shared/image-reference.js';
import { DIGEST_PATTERN, platformName, type ImageConfig } from '../registry/manifest.js';
import { RegistryClient, type FetchLike } from '../registry/client.js';
import { RegistryError } from '../registry/registry-error.js';
import type { ResolveRequest } from './inputs.js';
import { escapeHtml, REVISION_LABEL, SHA_PATTERN, type RegistryAuth } from '../shared/vocabulary.js';

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
  /** A local image's details, and the image store (what its digests mean). */
  readonly engine: ImageReader;
  readonly fetch?: FetchLike;
  /** docker's stored credentials for a registry given none (an earlier docker login); none: anonymous. */
  readonly storedAuth?: (registry: string) => Promise<RegistryAuth | undefined>;
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

/**
 * Resolves `image:tag` from the local image store, the registry, or (auto) the first that has it. With
 * `checkPair`, the image must also be there under its short sha tag, the same image (the pair the main action
 * pushes); a tag that is the short sha tag itself is its own pair.
 */
export async function resolveImage(
  request: ResolveRequest,
  logger: Logger,
  deps: ResolveDeps,
  { checkPair = false }: { checkPair?: boolean } = {},
): Promise<Resolution> {
  const ref = `${request.image.name}:${request.tag}`;
  const finish = (config: ImageConfig, source: Resolution['source'], digest: string): Resolution => {
    const found = findSha(config, request.shaEnv, ref);
    for (const note of found.notes) logger[note.level](note.message);
    const tag = found.sha.slice(0, request.tagLength);
    const shaFrom = found.from === 'env' ? `env ${request.shaEnv}` : `label ${REVISION_LABEL}`;
    return { ref, sha: found.sha, tag, digest, imageRef: `${request.image.name}:${tag}`, source, shaFrom };
  };
  const inspectLocal = (local: string): Promise<ImageDetails | undefined> => deps.engine.findImage(local);

  if (request.source !== 'registry') {
    let local: ImageDetails | undefined;
    try {
      local = await inspectLocal(ref);
    } catch (error) {
      if (request.source === 'local')
        throw new Error(`Could not inspect the local image ${ref}: ${(error as Error).message}`);
      logger.info(`docker could not tell whether ${ref} is local (${(error as Error).message}); reading the registry.`);
    }
    if (local !== undefined) {
      const hasDigest = digestsFor(local.repoDigests, familiarName(request.image)).length > 0;
      const store = hasDigest ? await deps.engine.imageStore() : { kind: 'unknown' as const };
      const { digest, note } = localDigest(local.repoDigests, familiarName(request.image), store);
      logger.info(`Read ${ref} from the local image store (image ${local.id}); nothing was run or pulled.`);
      if (note !== undefined) logger.info(note);
      const resolution = finish({ env: local.env, labels: local.labels }, 'local', digest);
      if (checkPair && resolution.tag !== request.tag) {
        const pair = await inspectLocal(resolution.imageRef);
        if (pair === undefined || pair.id !== local.id)
          throw new Error(
            `${ref} is commit ${resolution.sha}, but ${pair === undefined ? `${resolution.imageRef} is not in the local image store` : `the local ${resolution.imageRef} is another image (${pair.id}, not ${local.id})`}: the pair the main action makes is broken.`,
          );
      }
      return resolution;
    }
    if (request.source === 'local')
      throw new Error(
        `${ref} is not in the local image store (source: local); use source auto or registry to read the registry instead.`,
      );
    logger.info(`${ref} is not in the local image store; reading the registry ${request.image.registry}.`);
  }

  const client = new RegistryClient({
    registry: request.image.registry,
    repository: request.image.path,
    auth: request.registryAuth ?? (await deps.storedAuth?.(request.image.registry)),
    ...(deps.fetch === undefined ? {} : { fetch: deps.fetch }),
  });
  let resolution: Resolution;
  try {
    const remote = await client.readImage(request.tag, request.platform);
    const chosen =
      remote.platform === undefined
        ? ''
        : `; it is an index: read its ${platformName(remote.platform)} image ${remote.manifestDigest}`;
    logger.info(
      `Read ${ref} from the registry ${request.image.registry} (${remote.digest}${chosen}); nothing was pulled.`,
    );
    resolution = finish(remote.config, 'registry', remote.digest);
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    const notLocal = request.source === 'auto' ? ' It is not in the local image store either.' : '';
    throw new Error(`Could not resolve ${ref}: ${error.message}${notLocal}`);
  }
  if (checkPair && resolution.tag !== request.tag) {
    let pair: string;
    try {
      pair = await client.manifestDigest(resolution.tag);
    } catch (error) {
      if (!(error instanceof RegistryError)) throw error;
      throw new Error(
        error.status === 404
          ? `${ref} is commit ${resolution.sha}, but the registry has no ${resolution.imageRef}: the pair the main action pushes is broken (was the sha tag deleted?).`
          : `${ref} is commit ${resolution.sha}, but its pair ${resolution.imageRef} could not be read: ${error.message}`,
      );
    }
    if (pair !== resolution.digest)
      throw new Error(
        `${ref} is ${resolution.digest}, but ${resolution.imageRef} is ${pair} in the registry: the pair the main action pushes is broken (was either tag pushed another way?).`,
      );
  }
  return resolution;
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
