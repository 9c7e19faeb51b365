import * as path from 'node:path';
import {
  BAKE_BUILD_TARGET,
  BAKE_STAMP_TARGET,
  STAMP_BASE,
  stampDockerfile,
  type Builder,
  type BuildSecret,
  type DockerfileBuild,
} from '../docker/build-args.js';
import { BuildProgress } from '../docker/build-progress.js';
import type { BakeOutcome, BuildFailure, Engine } from '../docker/engine.js';
import { envValue, type Healthcheck, type LegacyStep } from '../docker/output.js';
import { REVISION_LABEL, type KeyValue } from '../shared/vocabulary.js';
import { cacheMissReason, registryRef, type CacheOutcome, type CachePlan, type CacheSourceOutcome } from './cache.js';
import type { Reporter } from './reporter.js';

export interface BuildRequest extends DockerfileBuild {
  /** Both tags end up on the one image id: `image:<sha tag>` and `image:latest`. */
  readonly tags: readonly string[];
  readonly labels: readonly KeyValue[];
  readonly shaEnv: string;
  readonly sha: string;
  readonly builder: Builder;
  readonly secrets: readonly BuildSecret[];
  readonly cache: CachePlan;
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

/**
 * The stamp's FROM is the build as a named context (bake's `target:`), which BuildKit knows from 0.10 on; the
 * BuildKit inside Docker Engine 20.10, which buildx's docker driver builds with, is older.
 */
export function namedContextsMissingMessage(output: string): string | undefined {
  return /unsupported frontend capability moby\.buildkit\.frontend\.contexts/.test(output)
    ? "The builder's BuildKit is too old for the stamp: it lacks named contexts (BuildKit 0.10 or later), and the stamp builds FROM your build as one; nothing was tagged. buildx's docker driver uses the engine's own BuildKit, which on Docker Engine 20.10 is older: update the engine, make a builder of the docker-container driver the current one (docker buildx create --use), or remove buildx to build with the classic builder."
    : undefined;
}

/**
 * A failed build says why: a full disk or a BuildKit too old plainly, else docker's own last lines, with the
 * failing step's own last lines of output (which linter, which line), on every builder.
 */
function buildError(failure: BuildFailure): Error {
  const plain = diskFullMessage(failure.log) ?? namedContextsMissingMessage(failure.log);
  if (plain !== undefined) return new Error(plain);
  const step = failure.failedStep;
  if (step === undefined || step.output.length === 0) return new Error(failure.error);
  return new Error(
    `${failure.error}\nThe last ${step.output.length} line(s) of ${step.name}:\n${step.output.map((line) => `  ${line}`).join('\n')}`,
  );
}

/**
 * On the containerd image store two builds at once race to create the same image record (the build target's
 * `moby-dangling@<digest>`, or a tag both write, such as `:latest`) and the second fails (Docker 26.1): the name.
 */
export function imageRecordRace(output: string): string | undefined {
  return /image "([^"\s]+)": already exists/.exec(output)?.[1];
}

/** buildx refused a cache export this builder cannot do (a driver it could not tell beforehand). */
export function cacheExportRefused(output: string): boolean {
  return /cache export (?:is not supported|feature is currently not supported)/i.test(output);
}

/** What a builder's build gave: what the cache did, and what is left to tidy (off the critical path). */
interface BuilderOutcome {
  readonly cache: CacheOutcome;
  /** Never rejects. */
  readonly tidy?: () => Promise<void>;
}

export interface BuiltImage {
  readonly imageId: string;
  /** Its HEALTHCHECK (undefined: none), and the shell a CMD-SHELL check runs in. */
  readonly healthcheck: Healthcheck | undefined;
  readonly shell: readonly string[];
  readonly cache: CacheOutcome;
  /** Tidying for when the engine is less busy (the containerd store is slow to remove an image); never rejects. */
  readonly tidy: () => Promise<void>;
}

/**
 * Builds the user's Dockerfile, then stamps the result with the sha env and the labels and tags it,
 * in one metadata-only step (cached when nothing changed). Nothing is tagged until both succeeded.
 */
export async function buildImage(engine: Engine, request: BuildRequest, reporter: Reporter): Promise<BuiltImage> {
  const built =
    request.builder.kind === 'buildx'
      ? await bake(engine, request, request.builder, reporter)
      : await classicBuild(engine, request, reporter);
  const tidy = built.tidy ?? (() => Promise.resolve());
  try {
    // The id as the engine names the image (on the containerd image store, the manifest digest).
    const details = await engine.inspectImage(request.tags[0] ?? '');
    const problems = stampProblems(details.env, details.labels, request.shaEnv, request.sha);
    if (problems.length > 0)
      throw new Error(`The built image ${details.id} does not carry the commit: ${problems.join('; ')}.`);
    return {
      imageId: details.id,
      healthcheck: details.healthcheck,
      shell: details.shell ?? [],
      cache: built.cache,
      tidy,
    };
  } catch (error) {
    await tidy();
    throw error;
  }
}

/**
 * The classic builder's `--cache-from` can restore a step from a cached image of another chain with the probe's
 * config as the image's (Docker 20.10): its CMD then reads `/bin/sh -c "#(nop) " …`, which runs nothing.
 */
export function brokenByCacheRestore(cmd: readonly string[]): boolean {
  return cmd[0] === '/bin/sh' && cmd[1] === '-c' && cmd[2]?.startsWith('#(nop)') === true;
}

/** The classic builder: pull the cache sources, build, then stamp `FROM <id>`. */
async function classicBuild(engine: Engine, request: BuildRequest, reporter: Reporter): Promise<BuilderOutcome> {
  const sources: CacheSourceOutcome[] = [];
  for (const ref of request.cache.pull) {
    // A cache source that is missing, unreachable or refused is a miss: the build goes on.
    const pulled = await engine.pullImage(ref);
    sources.push(
      pulled.ok
        ? { source: ref, found: true, reason: undefined }
        : { source: ref, found: false, reason: cacheMissReason(pulled.error) },
    );
  }
  // Only what came from the registry: the engine's own images are its cache without --cache-from.
  const pulled = sources.filter((source) => source.found === true).map((source) => source.source);
  const build = async (cacheFrom: readonly string[]): Promise<{ imageId: string; steps: readonly LegacyStep[] }> => {
    const built = await engine.classicBuild({ ...request, cacheFrom });
    if (!built.ok) throw buildError(built);
    return built;
  };
  let built = await build(pulled);
  if (pulled.length > 0) {
    const { cmd } = await engine.inspectImage(built.imageId);
    if (brokenByCacheRestore(cmd)) {
      reporter.warning(
        `cache: the classic builder restored a step from ${pulled.join(', ')} with a broken config (CMD ${JSON.stringify(cmd)}); building again without --cache-from.`,
      );
      built = await build([]);
    }
  }
  const stamped = await engine.classicStamp(
    request.tags,
    stampDockerfile(built.imageId, request.shaEnv, request.sha, request.labels),
  );
  if (!stamped.ok) throw buildError(stamped);
  return {
    cache: {
      sources,
      stepsReused: built.steps.filter((step) => step.cached).length,
      stepsRun: built.steps.filter((step) => !step.cached).length,
      exportedTo: [],
    },
  };
}

/** BuildKit: the user's Dockerfile and the stamp in one bake (see bakeDefinition). */
async function bake(
  engine: Engine,
  request: BuildRequest,
  builder: Extract<Builder, { kind: 'buildx' }>,
  reporter: Reporter,
): Promise<BuilderOutcome> {
  const context = path.resolve(request.context);
  const bakeOnce = async (cacheTo: readonly string[]): Promise<{ result: BakeOutcome; progress: BuildProgress }> => {
    const progress = new BuildProgress();
    const options = {
      ...request,
      context,
      file: path.resolve(request.file),
      stampDockerfile: stampDockerfile(STAMP_BASE, request.shaEnv, request.sha, request.labels),
      // The stamp reads nothing of it; a context of its own would put a per-run key into the inline cache,
      // and with it a new image id for every build of one commit.
      stampContext: context,
      cacheFrom: request.cache.from,
      cacheTo,
      fsEntitlements: builder.fsEntitlements,
    };
    return { result: await engine.bake(options, builder.name, progress), progress };
  };
  let cacheTo = request.cache.to;
  let { result, progress } = await bakeOnce(cacheTo);
  if (!result.ok && cacheTo.length > 0 && cacheExportRefused(result.stderr)) {
    // An optimisation never fails the build: build again, exporting no cache.
    reporter.warning(
      `cache: the builder cannot export the cache (${result.stderr.trim().split('\n').pop() ?? ''}); building without cache-to.`,
    );
    cacheTo = [];
    ({ result, progress } = await bakeOnce(cacheTo));
  }
  // A third build at once can win the second race too; past that it is not a race.
  for (let retry = 0; retry < 2 && !result.ok; retry++) {
    const name = imageRecordRace(result.stderr);
    if (name === undefined) break;
    reporter.info(`Another build wrote the image record ${name} at that moment; building again (from the cache).`);
    ({ result, progress } = await bakeOnce(cacheTo));
  }
  if (!result.ok) throw buildError(result);
  const { digests } = result;
  const steps = progress.steps();
  const imports = new Map(progress.cacheImports().map((tried) => [tried.ref, tried]));
  return {
    cache: {
      sources: request.cache.from.map((spec) => {
        const ref = registryRef(spec);
        const tried = ref === undefined ? undefined : imports.get(ref);
        // BuildKit names only registry imports; whether a gha or local source held anything, it does not say.
        if (tried === undefined) return { source: ref ?? spec, found: undefined, reason: undefined };
        return tried.error === undefined
          ? { source: tried.ref, found: true, reason: undefined }
          : { source: tried.ref, found: false, reason: cacheMissReason(tried.error) };
      }),
      stepsReused: steps.filter((step) => step.cached).length,
      stepsRun: steps.filter((step) => !step.cached).length,
      exportedTo: cacheTo,
    },
    tidy: () =>
      removeBuildTargetImage(engine, digests).catch((error: unknown) =>
        reporter.info(`The build target's untagged image stays: ${(error as Error).message}`),
      ),
  };
}

/** The docker driver writes the build target's result as an untagged image too: it goes, unless something names it. */
async function removeBuildTargetImage(
  engine: Engine,
  digests: Readonly<Record<string, string | undefined>>,
): Promise<void> {
  const digest = digests[BAKE_BUILD_TARGET];
  if (digest === undefined || digest === digests[BAKE_STAMP_TARGET]) return;
  const image = await engine.findImage(digest).catch(() => undefined);
  if (image === undefined || image.repoTags.length > 0) return;
  await engine.removeImages([digest]);
}
