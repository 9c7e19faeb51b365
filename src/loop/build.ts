import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { docker, DockerError, type DockerResult } from '../docker/cli.js';
import { imageInspectArgs, imageRemoveArgs } from '../docker/args.js';
import { buildArgs, stampArgs, stampDockerfile, type Builder, type BuildSecret } from '../docker/build-args.js';
import { envValue, parseImageDetails } from '../docker/output.js';
import { REVISION_LABEL, type KeyValue } from '../shared/vocabulary.js';
import type { Reporter } from './reporter.js';

export interface BuildRequest {
  readonly context: string;
  readonly file: string;
  readonly buildArgs: readonly KeyValue[];
  readonly target: string;
  /** Both tags end up on the one image id: `image:<sha tag>` and `image:latest`. */
  readonly tags: readonly string[];
  readonly labels: readonly KeyValue[];
  readonly shaEnv: string;
  readonly sha: string;
  readonly builder: Builder;
  readonly secrets: readonly BuildSecret[];
}

export interface OciLabelSource {
  readonly sha: string;
  readonly created: string;
  readonly sourceUrl: string | undefined;
}

/** The OCI labels the action sets; the user's `labels` come after and may add to them. */
export function ociLabels(source: OciLabelSource, extra: readonly KeyValue[]): KeyValue[] {
  return [
    { key: REVISION_LABEL, value: source.sha },
    { key: 'org.opencontainers.image.created', value: source.created },
    ...(source.sourceUrl === undefined ? [] : [{ key: 'org.opencontainers.image.source', value: source.sourceUrl }]),
    ...extra,
  ];
}

/** What must hold of the built image, or it is not what we claim to ship. */
export function stampProblems(
  env: readonly string[],
  labels: Readonly<Record<string, string>>,
  shaEnv: string,
  sha: string,
): string[] {
  const problems: string[] = [];
  const value = envValue(env, shaEnv);
  if (value !== sha)
    problems.push(`env ${shaEnv} is ${value === undefined ? 'missing' : `"${value}"`}, expected ${sha}`);
  if (labels[REVISION_LABEL] !== sha)
    problems.push(
      `label ${REVISION_LABEL} is ${labels[REVISION_LABEL] === undefined ? 'missing' : `"${labels[REVISION_LABEL]}"`}, expected ${sha}`,
    );
  return problems;
}

/** The build failed for lack of disk on the engine: say so plainly. */
export function diskFullMessage(output: string): string | undefined {
  return /no space left on device/i.test(output)
    ? 'The Docker engine ran out of disk space during the build (no space left on device); nothing was tagged. Free space on the engine (e.g. docker system prune) or give it a larger disk.'
    : undefined;
}

/** Where the stamp's temporary names live (see buildImage). */
export const TEMPORARY_REPOSITORY = 'build-test-deploy-tmp';

/**
 * The stamp could not load the temporary image it starts from, and went looking for it on a registry: on the
 * containerd image store, a concurrent run that built the same content and removed its own temporary name at
 * that moment can take the shared content with it (seen on Docker 26.1). The stamp starts from nothing else.
 */
export function lostTemporaryImage(output: string): boolean {
  // BuildKit's own error line, naming the temporary repository where it went to look (progress lines name it too).
  return new RegExp(
    `^ERROR: failed to solve: .*(?:failed to load cache key|failed to resolve source metadata for)\\b.*\\b${TEMPORARY_REPOSITORY}(?![\\w.-])`,
    'm',
  ).test(output);
}

/** A failed build says why: a full disk plainly, else docker's own last lines. */
function throwUnlessBuilt(args: readonly string[], result: DockerResult): void {
  if (result.exitCode !== 0)
    throw new Error(diskFullMessage(result.stdout + result.stderr) ?? new DockerError(args, result).message);
}

/**
 * Builds the user's Dockerfile, then stamps the result with the sha env and the labels and tags it,
 * in one metadata-only step (cached when nothing changed). Nothing is tagged until both succeeded.
 * Returns the image id.
 */
export async function buildImage(request: BuildRequest, reporter: Reporter): Promise<string> {
  const workDir = await mkdtemp(path.join(process.env.RUNNER_TEMP ?? tmpdir(), 'build-test-deploy-'));
  // BuildKit resolves `FROM sha256:<id>` as a registry name (moby/buildkit#2204): under buildx the
  // stamp starts from a temporary local name instead; the legacy builder takes the id. One repository, a tag
  // per run: the containerd store lists every repository a blob was named under in one label of at most
  // 4096 bytes, and once a shared base layer's label is full, BuildKit no longer finds new names locally.
  const temporaryRef =
    request.builder.kind === 'buildx' ? `${TEMPORARY_REPOSITORY}:${path.basename(workDir).toLowerCase()}` : undefined;
  try {
    const baseIidFile = path.join(workDir, 'base.iid');
    const args = buildArgs({ ...request, iidFile: baseIidFile, tag: temporaryRef });
    throwUnlessBuilt(args, await docker(args, { allowFailure: true }));
    const baseImageId = (await readFile(baseIidFile, 'utf8')).trim();

    const stamp = stampArgs({ tags: request.tags, builder: request.builder });
    const stampIt = (): Promise<DockerResult> =>
      docker(stamp, {
        input: stampDockerfile(temporaryRef ?? baseImageId, request.shaEnv, request.sha, request.labels),
        silent: true,
        allowFailure: true,
      });
    let stamped = await stampIt();
    if (temporaryRef !== undefined && lostTemporaryImage(stamped.stdout + stamped.stderr)) {
      reporter.info(
        `The engine lost the layers of ${temporaryRef} while another build of the same content removed its own name; building again (from the cache).`,
      );
      throwUnlessBuilt(args, await docker(args, { allowFailure: true }));
      stamped = await stampIt();
    }
    throwUnlessBuilt(stamp, stamped);
    // The id as the engine names the image: BuildKit's --iidfile holds the config digest, not the manifest
    // digest the containerd image store names images by.
    const details = parseImageDetails((await docker(imageInspectArgs(request.tags[0] ?? ''), { silent: true })).stdout);
    const problems = stampProblems(details.env, details.labels, request.shaEnv, request.sha);
    if (problems.length > 0)
      throw new Error(`The built image ${details.id} does not carry the commit: ${problems.join('; ')}.`);
    return details.id;
  } finally {
    if (temporaryRef !== undefined) await docker(imageRemoveArgs([temporaryRef]), { silent: true, allowFailure: true });
    await rm(workDir, { recursive: true, force: true });
  }
}
