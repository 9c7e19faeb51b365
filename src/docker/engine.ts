import type { ChildProcess, ChildProcessWithoutNullStreams } from 'node:child_process';
import type { BakeOptions, DockerfileBuild } from './build-args.js';
import type { BuildProgress, FailedStep } from './build-progress.js';
import type { KeyValue } from '../shared/vocabulary.js';
import type { EngineFacts } from './engine-facts.js';
import type { ImageCalls } from './image-calls.js';
import type {
  ContainerState,
  HistoryStep,
  ImageDetails,
  ImageStore,
  LegacyStep,
  ListedTag,
  ReadinessEvent,
} from './output.js';

// The engine as the loop and resolve see it: typed operations. The implementation (docker-engine.ts) owns the
// argv, the run and the parse of each, on the docker CLI or the engine's API; tests hand a fake.

/** A call that may fail without throwing: `error` says why, in docker's words ('' when it succeeded). */
export interface Outcome {
  readonly ok: boolean;
  readonly error: string;
}

/** A build's failure: docker's message, and its whole output as shown, which says why (a full disk, an old BuildKit). */
export interface BuildFailure {
  readonly ok: false;
  readonly error: string;
  readonly log: string;
  /** The step that failed and its last lines of output (a linter's findings), where the output names one. */
  readonly failedStep?: FailedStep;
}

export type ClassicBuildOutcome =
  { readonly ok: true; readonly imageId: string; readonly steps: readonly LegacyStep[] } | BuildFailure;

export type BakeOutcome =
  | {
      readonly ok: true;
      /** Each target's image digest, from bake's metadata ({} when unread). */
      readonly digests: Readonly<Record<string, string | undefined>>;
    }
  | (BuildFailure & { readonly stderr: string });

/** The classic builder's build of the user's Dockerfile. */
export interface ClassicBuild extends DockerfileBuild {
  /** Images whose history the builder may reuse (`--cache-from`), pulled before. */
  readonly cacheFrom: readonly string[];
}

/** `digest`: what docker says it pushed for the ref's tag. */
/** A login, and the docker config folder of the run's own that holds it (undefined when it failed). */
export type LoginOutcome = Outcome & { readonly config: string | undefined };

export interface PushOutcome extends Outcome {
  readonly digest: string | undefined;
}

/** A test command run in the container by `docker exec`, as `sh -c <command>`. */
export interface ExecRequest {
  readonly container: string;
  readonly command: string;
  readonly user: string;
  /** test-env: argv names each key only; the values reach docker through its environment. */
  readonly env: readonly KeyValue[];
}

/** A started `docker exec`: the process the caller supervises, and the command for the log. */
export interface StartedExec<C extends ChildProcess> {
  readonly child: C;
  readonly display: string;
}

export type ContainerRemoval = 'removed' | 'gone' | { readonly error: string };

/** The engine's images as read, all that resolve asks of it. */
export interface ImageReader {
  /** Which image store the engine uses ('unknown' when it does not say in time). */
  imageStore(): Promise<ImageStore>;
  /** Throws when docker cannot inspect it. */
  inspectImage(ref: string): Promise<ImageDetails>;
  /** undefined when the engine has no such image; throws on any other failure. */
  findImage(ref: string): Promise<ImageDetails | undefined>;
}

/** Every operation the loop makes on the engine. */
export interface Engine extends ImageReader {
  // The engine itself
  /** Version, builder and image store; a clear error within seconds when no engine answers. */
  facts(): Promise<EngineFacts>;
  /** The driver of a buildx builder ('' for the current one); undefined when buildx does not say in time. */
  builderDriver(builder: string): Promise<string | undefined>;

  // Images
  pullImage(ref: string): Promise<Outcome>;
  tagImage(source: string, target: string): Promise<void>;
  /** Removes in order what it can; quiet. */
  removeImages(refs: readonly string[]): Promise<Outcome>;
  /** undefined when it cannot be read (the image went meanwhile). */
  imageHistory(id: string): Promise<HistoryStep[] | undefined>;
  /** Every image's id, once each; undefined when docker cannot tell. */
  imageIds(): Promise<string[] | undefined>;
  repositoryTags(repository: string, signal?: AbortSignal): Promise<ListedTag[]>;
  /** Untagged childless images (with this label, if given). */
  danglingImages(label?: { readonly key: string; readonly value: string }, signal?: AbortSignal): Promise<string[]>;
  /** Every container's id, running or not. */
  containerIds(signal?: AbortSignal): Promise<string[]>;
  /** The calls made by the hundred (a prune's), on the API's connections or docker processes side by side. */
  imageCalls(side: { readonly connections: number; readonly processes: number }): Promise<ImageCalls>;

  // Builds
  classicBuild(build: ClassicBuild): Promise<ClassicBuildOutcome>;
  /** The classic builder's stamp: `dockerfile` (FROM the built id), tagged with `tags`. */
  classicStamp(tags: readonly string[], dockerfile: string): Promise<BuildFailure | { readonly ok: true }>;
  /** The build and the stamp in one bake on `builder`; BuildKit's progress goes to `progress`. */
  bake(options: BakeOptions, builder: string, progress: BuildProgress): Promise<BakeOutcome>;

  // Containers
  /** `docker run --detach`; returns the container's id. */
  runContainer(name: string, runArgs: readonly string[], imageRef: string): Promise<string>;
  /** Throws when docker cannot inspect it. */
  inspectContainer(container: string): Promise<ContainerState>;
  /** undefined when it cannot be inspected (it is gone). */
  findContainer(container: string): Promise<ContainerState | undefined>;
  /** The last `tail` lines, stdout and stderr in time order ('' when unreadable). */
  containerLogs(container: string, tail: number): Promise<string>;
  /** The container's events since its creation, replayed then followed, until `pick` returns a value. */
  untilEvent<T>(
    container: Pick<ContainerState, 'id' | 'created'>,
    pick: (event: ReadinessEvent | undefined) => T | undefined,
    signal: AbortSignal,
  ): Promise<T | undefined>;
  /** Its log lines from the start, then followed, until `pick` returns a value. */
  untilLogLine<T>(
    container: string,
    pick: (line: string) => T | undefined,
    signal: AbortSignal,
  ): Promise<T | undefined>;
  /** Starts a test's `docker exec`, tracked, as the leader of its process group; the caller supervises it. */
  startExec(exec: ExecRequest): StartedExec<ChildProcess>;
  /** The same, started ahead: it waits at a gate until `run` comes on its stdin. */
  holdExec(exec: ExecRequest): StartedExec<ChildProcessWithoutNullStreams>;
  /** The `docker exec` a test runs as, for the log. */
  describeExec(exec: ExecRequest): string;
  /** Runs a health check's command in the container: whether it passed (exit 0) within `timeoutMs`. */
  probeHealth(container: string, command: readonly string[], timeoutMs: number, signal: AbortSignal): Promise<boolean>;
  killContainer(container: string): Promise<void>;
  /** With its anonymous volumes. */
  removeContainer(container: string): Promise<ContainerRemoval>;
  /** Copies `source`'s content out of the container into `dir` (a tar stream through the engine). */
  copyFromContainer(container: string, source: string, dir: string): Promise<Outcome>;

  // Registries
  /**
   * The password goes on stdin. `server` undefined: Docker Hub. The login is kept in a docker config of the
   * run's own (`config`), which this engine's later calls use; the shared one is never written.
   */
  login(server: string | undefined, username: string, password: string): Promise<LoginOutcome>;
  /** Undoes a login: removes the run's own config it is in (also one an earlier process made). */
  logout(server: string | undefined, config: string): Promise<Outcome>;
  push(ref: string): Promise<PushOutcome>;
}
