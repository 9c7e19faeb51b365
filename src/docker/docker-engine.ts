import type { ChildProcess, ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  allImageIdsArgs,
  containerEventsArgs,
  containerIdsArgs,
  containerInspectArgs,
  containerLogsArgs,
  containerRemoveArgs,
  copyFromContainerArgs,
  danglingArgs,
  danglingLabelledArgs,
  followLogsArgs,
  healthProbeArgs,
  imageHistoryArgs,
  imageRemoveArgs,
  killContainerArgs,
  loginArgs,
  pullArgs,
  pushArgs,
  repositoryTagsArgs,
  runArgs,
  tagArgs,
  testExecArgs,
} from './args.js';
import {
  bakeArgs,
  bakeDefinition,
  bakeEntitlements,
  legacyBuildArgs,
  legacyStampArgs,
  type BakeOptions,
} from './build-args.js';
import { FAILED_STEP_LINES, type BuildProgress } from './build-progress.js';
import { docker, DockerError, dockerUntil, startDocker, type DockerOptions, type DockerResult } from './cli.js';
import type {
  BakeOutcome,
  BuildFailure,
  ClassicBuild,
  ClassicBuildOutcome,
  ContainerRemoval,
  Engine,
  ExecRequest,
  LoginOutcome,
  Outcome,
  PushOutcome,
  StartedExec,
} from './engine.js';
import { DockerImageReader } from './docker-image-reader.js';
import { builderDriver, checkEngine, type EngineFacts } from './engine-facts.js';
import { imageCalls, type ImageCalls } from './image-calls.js';
import { createPrivateConfig, removePrivateConfig } from './private-config.js';
import { DOCKER_HUB } from '../shared/image-reference.js';
import { existingPrefix } from '../shared/workspace-path.js';
import {
  mergeLogStreams,
  parseBakeMetadata,
  parseContainerState,
  parseImageHistory,
  legacyFailedStep,
  parseLegacySteps,
  parseListedTags,
  parseReadinessEvent,
  pushedDigest,
  type ContainerState,
  type HistoryStep,
  type ListedTag,
  type ReadinessEvent,
} from './output.js';

const quiet = { silent: true, allowFailure: true } as const;

const outcome = (result: DockerResult): Outcome =>
  result.exitCode === 0 ? { ok: true, error: '' } : { ok: false, error: result.stderr.trim() };

const lines = (result: DockerResult): string[] => result.stdout.split('\n').filter((line) => line !== '');

/** Its output failed the build: docker's message, and the output that says why. */
function buildFailure(args: readonly string[], result: DockerResult, log?: string): BuildFailure {
  const shown = log === undefined ? result : { ...result, stdout: '', stderr: log };
  return { ok: false, error: new DockerError(args, shown).message, log: log ?? result.stdout + result.stderr };
}

/** The engine through the docker CLI, as the user configured it (DOCKER_HOST, DOCKER_CONTEXT); the prune's calls by the hundred through its API where it answers. */
export class DockerEngine extends DockerImageReader implements Engine {
  /** The run's own docker config, once logged in: every later call of this engine uses it. */
  private ownConfig: string | undefined;

  constructor(private readonly env: NodeJS.ProcessEnv = process.env) {
    super();
  }

  /** One docker CLI call, with the run's own config once there is one. */
  private docker(args: readonly string[], options: DockerOptions = {}): Promise<DockerResult> {
    return docker(
      args,
      this.ownConfig === undefined ? options : { ...options, env: { ...this.env, DOCKER_CONFIG: this.ownConfig } },
    );
  }

  facts(): Promise<EngineFacts> {
    return checkEngine(this.env);
  }

  builderDriver(builder: string): Promise<string | undefined> {
    return builderDriver(builder);
  }

  async pullImage(ref: string): Promise<Outcome> {
    return outcome(await this.docker(pullArgs(ref), { allowFailure: true }));
  }

  async tagImage(source: string, target: string): Promise<void> {
    await this.docker(tagArgs(source, target), { silent: true });
  }

  async removeImages(refs: readonly string[]): Promise<Outcome> {
    return outcome(await this.docker(imageRemoveArgs(refs), quiet));
  }

  async imageHistory(id: string): Promise<HistoryStep[] | undefined> {
    const result = await this.docker(imageHistoryArgs(id), quiet);
    return result.exitCode === 0 ? parseImageHistory(result.stdout) : undefined;
  }

  async imageIds(): Promise<string[] | undefined> {
    const listed = await this.docker(allImageIdsArgs(), quiet);
    return listed.exitCode === 0 ? [...new Set(lines(listed))] : undefined;
  }

  async repositoryTags(repository: string, signal?: AbortSignal): Promise<ListedTag[]> {
    return parseListedTags((await this.docker(repositoryTagsArgs(repository), { silent: true, signal })).stdout);
  }

  async danglingImages(
    label?: { readonly key: string; readonly value: string },
    signal?: AbortSignal,
  ): Promise<string[]> {
    const args = label === undefined ? danglingArgs() : danglingLabelledArgs(label.key, label.value);
    return lines(await this.docker(args, { silent: true, signal }));
  }

  async containerIds(signal?: AbortSignal): Promise<string[]> {
    return lines(await this.docker(containerIdsArgs(), { silent: true, signal }));
  }

  imageCalls(side: { readonly connections: number; readonly processes: number }): Promise<ImageCalls> {
    return imageCalls(this.env, side);
  }

  async classicBuild(build: ClassicBuild): Promise<ClassicBuildOutcome> {
    const dir = await workDir();
    try {
      const iidFile = path.join(dir, 'image.iid');
      const args = legacyBuildArgs({ ...build, iidFile });
      const result = await this.docker(args, { allowFailure: true });
      if (result.exitCode !== 0)
        return { ...buildFailure(args, result), failedStep: legacyFailedStep(result.stdout, FAILED_STEP_LINES) };
      return {
        ok: true,
        imageId: (await readFile(iidFile, 'utf8')).trim(),
        steps: parseLegacySteps(result.stdout),
      };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async classicStamp(tags: readonly string[], dockerfile: string): Promise<BuildFailure | { readonly ok: true }> {
    const args = legacyStampArgs(tags);
    const result = await this.docker(args, { input: dockerfile, silent: true, allowFailure: true });
    return result.exitCode === 0 ? { ok: true } : buildFailure(args, result);
  }

  async bake(options: BakeOptions, builder: string, progress: BuildProgress): Promise<BakeOutcome> {
    const dir = await workDir();
    try {
      const bakeFile = path.join(dir, 'bake.json');
      const metadataFile = path.join(dir, 'metadata.json');
      // buildx grants a path that does not exist yet (a cache folder the build makes) by its deepest existing part.
      const existing = (file: string): string => existingPrefix(path.resolve(file)).existing;
      const allow = options.fsEntitlements ? bakeEntitlements(options, existing) : [];
      const args = bakeArgs({ bakeFile, metadataFile, builder, allow });
      await writeFile(bakeFile, JSON.stringify(bakeDefinition(options), undefined, 2));
      const result = await this.docker(args, { allowFailure: true, renderStderr: progress });
      if (result.exitCode !== 0)
        return {
          ...buildFailure(args, result, progress.log()),
          failedStep: progress.failedStep(),
          stderr: result.stderr,
        };
      const digests = await readFile(metadataFile, 'utf8')
        .then(parseBakeMetadata)
        .catch(() => ({}));
      return { ok: true, digests };
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  async runContainer(name: string, extraArgs: readonly string[], imageRef: string): Promise<string> {
    return (await this.docker(runArgs(name, extraArgs, imageRef))).stdout.trim();
  }

  async inspectContainer(container: string): Promise<ContainerState> {
    return parseContainerState((await this.docker(containerInspectArgs(container), { silent: true })).stdout);
  }

  async findContainer(container: string): Promise<ContainerState | undefined> {
    const result = await this.docker(containerInspectArgs(container), quiet);
    return result.exitCode === 0 ? parseContainerState(result.stdout) : undefined;
  }

  async containerLogs(container: string, tail: number): Promise<string> {
    const logs = await this.docker(containerLogsArgs(container, tail), quiet);
    return mergeLogStreams(logs.stdout, logs.stderr);
  }

  untilEvent<T>(
    container: Pick<ContainerState, 'id' | 'created'>,
    pick: (event: ReadinessEvent | undefined) => T | undefined,
    signal: AbortSignal,
  ): Promise<T | undefined> {
    return dockerUntil(
      containerEventsArgs(container.id, container.created),
      (line) => pick(parseReadinessEvent(line)),
      signal,
    );
  }

  untilLogLine<T>(
    container: string,
    pick: (line: string) => T | undefined,
    signal: AbortSignal,
  ): Promise<T | undefined> {
    // `docker logs --follow` replays all output since the start before following: no line is missed.
    return dockerUntil(followLogsArgs(container), pick, signal, { stderrLines: true });
  }

  startExec(exec: ExecRequest): StartedExec<ChildProcess> {
    const args = testExecArgs(exec, false);
    return { child: startDocker(args, { env: execEnv(exec), stdin: 'ignore' }), display: `docker ${args.join(' ')}` };
  }

  holdExec(exec: ExecRequest): StartedExec<ChildProcessWithoutNullStreams> {
    const args = testExecArgs(exec, true);
    return { child: startDocker(args, { env: execEnv(exec), stdin: 'pipe' }), display: `docker ${args.join(' ')}` };
  }

  describeExec(exec: ExecRequest): string {
    return `docker ${testExecArgs(exec, false).join(' ')}`;
  }

  async probeHealth(
    container: string,
    command: readonly string[],
    timeoutMs: number,
    signal: AbortSignal,
  ): Promise<boolean> {
    const timeout = AbortSignal.timeout(timeoutMs);
    const result = await this.docker(healthProbeArgs(container, command), {
      ...quiet,
      signal: AbortSignal.any([signal, timeout]),
    });
    return result.exitCode === 0;
  }

  async killContainer(container: string): Promise<void> {
    await this.docker(killContainerArgs(container), quiet);
  }

  async removeContainer(container: string): Promise<ContainerRemoval> {
    const result = await this.docker(containerRemoveArgs(container), quiet);
    if (result.exitCode === 0) return 'removed';
    if (/no such container/i.test(result.stderr)) return 'gone';
    return { error: result.stderr.trim() };
  }

  async copyFromContainer(container: string, source: string, dir: string): Promise<Outcome> {
    return outcome(await this.docker(copyFromContainerArgs(container, source, dir), { allowFailure: true }));
  }

  async login(server: string | undefined, username: string, password: string): Promise<LoginOutcome> {
    const made = this.ownConfig === undefined;
    this.ownConfig ??= await createPrivateConfig(this.env, server ?? DOCKER_HUB);
    const result = outcome(await this.docker(loginArgs(server, username), { input: password, allowFailure: true }));
    if (result.ok) return { ...result, config: this.ownConfig };
    // A failed first login leaves no folder behind: a retry makes a new one.
    if (made) await this.dropOwnConfig(this.ownConfig);
    return { ...result, config: undefined };
  }

  async logout(_server: string | undefined, config: string): Promise<Outcome> {
    try {
      await this.dropOwnConfig(config);
      return { ok: true, error: '' };
    } catch (error) {
      return { ok: false, error: (error as Error).message };
    }
  }

  private async dropOwnConfig(config: string): Promise<void> {
    if (this.ownConfig === config) this.ownConfig = undefined;
    await removePrivateConfig(config);
  }

  async push(ref: string): Promise<PushOutcome> {
    const result = await this.docker(pushArgs(ref), { allowFailure: true });
    const tag = ref.slice(ref.lastIndexOf(':') + 1);
    return { ...outcome(result), digest: result.exitCode === 0 ? pushedDigest(result.stdout, tag) : undefined };
  }
}

/** A folder of the run's own for a build's files, where the runner keeps its temporary files. */
function workDir(): Promise<string> {
  return mkdtemp(path.join(process.env.RUNNER_TEMP ?? tmpdir(), 'build-test-deploy-'));
}

/** The docker CLI's environment for a test's exec: test-env's values, which its argv names only. */
function execEnv(exec: ExecRequest): NodeJS.ProcessEnv {
  return { ...process.env, ...Object.fromEntries(exec.env.map(({ key, value }) => [key, value])) };
}
