import { isObject, str, type Json } from '../shared/json.js';

// Parsers for docker's machine output (`--format '{{json .}}'`): pure, so they are tested table-driven.

/** What pruning needs to know of one image (see IMAGE_SUMMARY_FORMAT in args.ts). */
export interface ImageSummary {
  readonly id: string;
  /** Empty for pulled and imported images. */
  readonly parent: string;
  /** Familiar `repository:tag` refs. */
  readonly repoTags: readonly string[];
  readonly created: string;
  /** Bytes of the image with all its layers. */
  readonly size: number;
  readonly lastTagTime: string;
  readonly labels: Readonly<Record<string, string>>;
  /** Diff ids of its layers, bottom first (RootFS.Layers). */
  readonly layers: readonly string[];
}

export interface ContainerImage {
  readonly name: string;
  readonly imageId: string;
}

export interface HealthProbe {
  readonly start: string;
  readonly exitCode: number;
  readonly output: string;
}

export interface ContainerState {
  readonly id: string;
  readonly name: string;
  /** The id of the image it runs. */
  readonly image: string;
  readonly created: string;
  readonly status: string;
  readonly exitCode: number;
  readonly oomKilled: boolean;
  readonly error: string;
  /** undefined when the container has no healthcheck. */
  readonly health: { readonly status: string; readonly probes: readonly HealthProbe[] } | undefined;
  /** Published ports: `8080/tcp` → its host bindings (none when exposed but not published). */
  readonly ports: Readonly<Record<string, readonly PortBinding[]>>;
}

export interface PortBinding {
  readonly hostIp: string;
  readonly hostPort: string;
}

/** An image's HEALTHCHECK, its durations in ms (the engine's defaults where the image left them 0). */
export interface Healthcheck {
  /** `["CMD", …]` or `["CMD-SHELL", "…"]`. */
  readonly test: readonly string[];
  readonly intervalMs: number;
  readonly timeoutMs: number;
  readonly startPeriodMs: number;
  /** 0: none (the interval applies during the start period too). */
  readonly startIntervalMs: number;
  readonly retries: number;
}

/** The engine's defaults for what a HEALTHCHECK leaves 0: 30 s interval and timeout, no start period, 3 retries. */
export const HEALTHCHECK_DEFAULTS = { intervalMs: 30_000, timeoutMs: 30_000, startPeriodMs: 0, retries: 3 } as const;

export interface ImageDetails {
  readonly id: string;
  readonly env: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly repoDigests: readonly string[];
  readonly repoTags: readonly string[];
  /** Config.Cmd; empty when the image has none. */
  readonly cmd: readonly string[];
  /** undefined when the image has none (or `HEALTHCHECK NONE`). */
  readonly healthcheck?: Healthcheck | undefined;
  /** Config.Shell, what a CMD-SHELL health check runs in; empty: the engine's `/bin/sh -c`. */
  readonly shell?: readonly string[];
}

/** What an event means for readiness; undefined for events that do not change it. */
export type ReadinessEvent =
  | { readonly kind: 'started' }
  | { readonly kind: 'healthy' }
  | { readonly kind: 'unhealthy' }
  | { readonly kind: 'exited'; readonly exitCode: number }
  | { readonly kind: 'oom' }
  | { readonly kind: 'destroyed' };

function asObject(value: unknown, what: string): Json {
  if (!isObject(value)) throw new Error(`unexpected docker output for ${what}: ${JSON.stringify(value)}`);
  return value;
}

/** The value an image's env gives `name` (the last entry wins, as in the container), or undefined. */
export function envValue(env: readonly string[], name: string): string | undefined {
  return env
    .filter((entry) => entry.startsWith(`${name}=`))
    .pop()
    ?.slice(name.length + 1);
}

export function parseJsonLines(stdout: string): unknown[] {
  return stdout
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as unknown);
}

/** A JSON array of strings: [] for anything else (a nil list is `null`). */
const stringList = (value: unknown): string[] => (Array.isArray(value) ? value.map(str) : []);

function stringRecord(value: unknown, what: string): Record<string, string> {
  if (value === null || value === undefined) return {};
  return Object.fromEntries(Object.entries(asObject(value, what)).map(([k, v]) => [k, str(v)]));
}

/** One image as IMAGE_SUMMARY_FORMAT prints it (the API's inspect, its nested fields lifted). */
function imageSummaryOf(image: Json): ImageSummary {
  return {
    id: str(image.Id),
    parent: str(image.Parent),
    repoTags: stringList(image.RepoTags),
    created: str(image.Created),
    size: typeof image.Size === 'number' ? image.Size : 0,
    lastTagTime: str(image.LastTagTime),
    labels: stringRecord(image.Labels, 'image labels'),
    layers: stringList(image.Layers),
  };
}

export function parseImageSummaries(stdout: string): ImageSummary[] {
  return parseJsonLines(stdout).map((line) => imageSummaryOf(asObject(line, 'docker image inspect')));
}

const containerImageOf = (container: Json): ContainerImage => ({
  name: str(container.Name).replace(/^\//, ''),
  imageId: str(container.Image),
});

const field = (value: unknown, name: string): unknown => (isObject(value) ? value[name] : undefined);

/** The engine API's answer to `GET /images/{id}/json` (what `docker image inspect` prints whole). */
export function parseApiImage(body: string): ImageSummary {
  const image = asObject(JSON.parse(body), 'GET /images/{id}/json');
  return imageSummaryOf({
    ...image,
    LastTagTime: field(image.Metadata, 'LastTagTime'),
    Labels: field(image.Config, 'Labels'),
    Layers: field(image.RootFS, 'Layers'),
  });
}

/** The engine API's answer to `GET /containers/{id}/json`. */
export function parseApiContainer(body: string): ContainerImage {
  return containerImageOf(asObject(JSON.parse(body), 'GET /containers/{id}/json'));
}

/** The engine API's answer to `DELETE /images/{name}`: `[{"Untagged": ref} | {"Deleted": id}, …]`. */
export function parseApiRemoval(body: string): RemovalOutput {
  const items = JSON.parse(body) as unknown;
  if (!Array.isArray(items)) throw new Error(`unexpected docker output for DELETE /images/{name}: ${body}`);
  const of = (name: string): string[] => items.map((item) => str(field(item, name))).filter((value) => value !== '');
  return { untagged: of('Untagged'), deleted: of('Deleted') };
}

export function parseContainerImages(stdout: string): ContainerImage[] {
  return parseJsonLines(stdout).map((line) => containerImageOf(asObject(line, 'docker container inspect')));
}

export interface ListedTag {
  readonly id: string;
  readonly tag: string;
}

/** `docker image ls --no-trunc --format '{{json .}}' <repository>`: its tags and their image ids. */
export function parseListedTags(stdout: string): ListedTag[] {
  return parseJsonLines(stdout).map((line) => {
    const image = asObject(line, 'docker image ls');
    return { id: str(image.ID), tag: str(image.Tag) };
  });
}

export interface HistoryStep {
  /** `<missing>` for layers that came from a registry: those are no local image. */
  readonly id: string;
  /** Bytes of this step's own layer. */
  readonly size: number;
  readonly createdBy: string;
}

/** `docker image history --human=false --format '{{json .}}'`: the image first, then its ancestors. */
export function parseImageHistory(stdout: string): HistoryStep[] {
  return parseJsonLines(stdout).map((line) => {
    const step = asObject(line, 'docker image history');
    const size = Number(str(step.Size));
    return { id: str(step.ID), size: Number.isFinite(size) ? size : 0, createdBy: str(step.CreatedBy) };
  });
}

export interface RemovalOutput {
  readonly untagged: readonly string[];
  /** Image ids the engine deleted, untagged parents that went with them included. */
  readonly deleted: readonly string[];
}

/** What `docker image rm` says it did, line by line (`Untagged: <ref>`, `Deleted: <id>`). */
export function parseRemovalOutput(stdout: string): RemovalOutput {
  const lines = stdout.split('\n').map((line) => line.trim());
  const after = (prefix: string): string[] =>
    lines.filter((line) => line.startsWith(prefix)).map((line) => line.slice(prefix.length).trim());
  return { untagged: after('Untagged:'), deleted: after('Deleted:') };
}

/** `docker image inspect --format '{{json .}}'` of one image. */
export function parseImageDetails(stdout: string): ImageDetails {
  const image = asObject(JSON.parse(stdout), 'docker image inspect');
  const config = image.Config === null || image.Config === undefined ? {} : asObject(image.Config, 'image Config');
  return {
    id: str(image.Id),
    env: Array.isArray(config.Env) ? config.Env.map(str) : [],
    labels: stringRecord(config.Labels, 'image labels'),
    repoDigests: Array.isArray(image.RepoDigests) ? image.RepoDigests.map(str) : [],
    repoTags: Array.isArray(image.RepoTags) ? image.RepoTags.map(str) : [],
    cmd: Array.isArray(config.Cmd) ? config.Cmd.map(str) : [],
    healthcheck: parseHealthcheck(config.Healthcheck),
    shell: stringList(config.Shell),
  };
}

/** Config.Healthcheck (durations in ns); undefined for none, an inherited one's absence, or NONE. */
export function parseHealthcheck(value: unknown): Healthcheck | undefined {
  if (!isObject(value)) return undefined;
  const test = stringList(value.Test);
  if (test.length === 0 || test[0] === 'NONE') return undefined;
  const ms = (ns: unknown, fallback: number): number =>
    typeof ns === 'number' && ns > 0 ? Math.round(ns / 1_000_000) : fallback;
  return {
    test,
    intervalMs: ms(value.Interval, HEALTHCHECK_DEFAULTS.intervalMs),
    timeoutMs: ms(value.Timeout, HEALTHCHECK_DEFAULTS.timeoutMs),
    startPeriodMs: ms(value.StartPeriod, HEALTHCHECK_DEFAULTS.startPeriodMs),
    startIntervalMs: ms(value.StartInterval, 0),
    retries: typeof value.Retries === 'number' && value.Retries > 0 ? value.Retries : HEALTHCHECK_DEFAULTS.retries,
  };
}

/** A step of a classic build, from its output: the classic builder has no machine format, only these lines. */
export interface LegacyStep {
  readonly instruction: string;
  readonly cached: boolean;
}

/** The steps of `docker build` (classic) output but FROM: `Step 2/5 : RUN …`, then ` ---> Using cache` if reused. */
export function parseLegacySteps(output: string): LegacyStep[] {
  const steps: { instruction: string; cached: boolean }[] = [];
  for (const line of output.split(/\r?\n/)) {
    const step = /^Step \d+\/\d+ : (\S+)/.exec(line);
    if (step?.[1] !== undefined) steps.push({ instruction: step[1].toUpperCase(), cached: false });
    else if (/^ ---> Using cache$/.test(line) && steps.length > 0) steps[steps.length - 1]!.cached = true;
  }
  return steps.filter((step) => step.instruction !== 'FROM');
}

/**
 * The step a failed classic build stopped at, and its last `lines` of output: what follows its last
 * `Step n/m : …` line, but the builder's own ` ---> …` lines. Undefined when no step ran.
 */
export function legacyFailedStep(stdout: string, lines: number): { name: string; output: string[] } | undefined {
  const all = stdout.split(/\r?\n/);
  const start = all.findLastIndex((line) => /^Step \d+\/\d+ : /.test(line));
  if (start === -1) return undefined;
  const output = all
    .slice(start + 1)
    .filter((line) => !/^ ---> /.test(line) && !/^Removing intermediate container /.test(line));
  while (output.length > 0 && output.at(-1)?.trim() === '') output.pop();
  return { name: all[start] ?? '', output: output.slice(-lines) };
}

/** `--metadata-file` of `docker buildx bake`: the image digest each target wrote, if any. */
export function parseBakeMetadata(text: string): Record<string, string | undefined> {
  const metadata = JSON.parse(text) as unknown;
  if (!isObject(metadata)) return {};
  return Object.fromEntries(
    Object.entries(metadata).map(([target, value]) => {
      const digest = isObject(value) ? value['containerimage.digest'] : undefined;
      return [target, typeof digest === 'string' ? digest : undefined];
    }),
  );
}

/** `docker container inspect --format '{{json .}}'` of one container. */
export function parseContainerState(stdout: string): ContainerState {
  const container = asObject(JSON.parse(stdout), 'docker container inspect');
  const state = asObject(container.State, 'container State');
  const health =
    state.Health === null || state.Health === undefined ? undefined : asObject(state.Health, 'container Health');
  const network =
    container.NetworkSettings === null || container.NetworkSettings === undefined
      ? {}
      : asObject(container.NetworkSettings, 'container NetworkSettings');
  const ports = network.Ports === null || network.Ports === undefined ? {} : asObject(network.Ports, 'container ports');
  return {
    id: str(container.Id),
    name: str(container.Name).replace(/^\//, ''),
    image: str(container.Image),
    created: str(container.Created),
    status: str(state.Status),
    exitCode: typeof state.ExitCode === 'number' ? state.ExitCode : -1,
    oomKilled: state.OOMKilled === true,
    error: str(state.Error),
    health:
      health === undefined
        ? undefined
        : {
            status: str(health.Status),
            probes: (Array.isArray(health.Log) ? health.Log : []).map((probe) => {
              const p = asObject(probe, 'health probe');
              return {
                start: str(p.Start),
                exitCode: typeof p.ExitCode === 'number' ? p.ExitCode : -1,
                output: str(p.Output),
              };
            }),
          },
    ports: Object.fromEntries(
      Object.entries(ports).map(([port, bindings]) => [
        port,
        (Array.isArray(bindings) ? bindings : []).map((binding) => {
          const b = asObject(binding, 'port binding');
          return { hostIp: str(b.HostIp), hostPort: str(b.HostPort) };
        }),
      ]),
    ),
  };
}

/** One line of `docker events --format '{{json .}}'`. */
export function parseReadinessEvent(line: string): ReadinessEvent | undefined {
  const event = asObject(JSON.parse(line), 'docker events');
  const action = str(event.Action) || str(event.status);
  const attributes =
    event.Actor === undefined
      ? {}
      : asObject(asObject(event.Actor, 'event Actor').Attributes ?? {}, 'event attributes');
  switch (action) {
    case 'start':
      return { kind: 'started' };
    case 'health_status: healthy':
      return { kind: 'healthy' };
    case 'health_status: unhealthy':
      return { kind: 'unhealthy' };
    case 'die': {
      const exitCode = Number.parseInt(str(attributes.exitCode), 10);
      return { kind: 'exited', exitCode: Number.isNaN(exitCode) ? -1 : exitCode };
    }
    case 'oom':
      return { kind: 'oom' };
    case 'destroy':
      return { kind: 'destroyed' };
    default:
      return undefined;
  }
}

/** The digest the registry gave `repository` (familiar name) among an image's RepoDigests. */
export function digestsFor(repoDigests: readonly string[], repository: string): string[] {
  return repoDigests
    .filter((entry) => entry.startsWith(`${repository}@`))
    .map((entry) => entry.slice(repository.length + 1));
}

/** The digest line `docker push` prints for a tag (`<tag>: digest: sha256:… size: N`). */
export function pushedDigest(pushOutput: string, tag: string): string | undefined {
  const escaped = tag.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escaped}: digest: (sha256:[0-9a-f]{64}) size: [0-9]+$`, 'm').exec(pushOutput)?.[1];
}

/**
 * Where the engine keeps images: its graph driver (overlay2: ids are config digests, RepoDigests only from a
 * registry), or containerd's image store (ids are manifest or index digests, RepoDigests from the start).
 */
export type ImageStore =
  | { readonly kind: 'containerd' }
  | { readonly kind: 'graphdriver'; readonly driver: string }
  | { readonly kind: 'unknown' };

/** `docker info --format '{"driver":…,"status":…}'` (engineStoreArgs, engineInfoArgs): which image store. */
export function parseImageStore(line: string | undefined): ImageStore {
  if (line === undefined) return { kind: 'unknown' };
  try {
    return imageStoreOfInfo(asObject(JSON.parse(line), 'docker info'));
  } catch {
    return { kind: 'unknown' };
  }
}

function imageStoreOfInfo(info: Record<string, unknown>): ImageStore {
  const status = Array.isArray(info.status) ? (info.status as unknown[]) : [];
  if (
    status.some(
      (entry) => Array.isArray(entry) && entry[0] === 'driver-type' && entry[1] === 'io.containerd.snapshotter.v1',
    )
  )
    return { kind: 'containerd' };
  return typeof info.driver === 'string' && info.driver !== ''
    ? { kind: 'graphdriver', driver: info.driver }
    : { kind: 'unknown' };
}

/** What `docker info` (engineInfoArgs) says of the engine and of the CLI's buildx plugin. */
export interface EngineInfo {
  /** The engine's version; '' when the CLI reached no engine (it prints the line, then fails). */
  readonly version: string;
  readonly imageStore: ImageStore;
  /** The buildx plugin as the CLI found it: its version ('' when it printed none); undefined without buildx. */
  readonly buildxVersion: string | undefined;
}

/** A line of engineInfoArgs. A buildx plugin the CLI found but could not use (`Err`) is no buildx. */
export function parseEngineInfo(line: string): EngineInfo {
  const info = asObject(JSON.parse(line), 'docker info');
  const plugins = Array.isArray(info.plugins) ? (info.plugins as unknown[]) : [];
  const buildx = plugins
    .filter((plugin): plugin is Record<string, unknown> => typeof plugin === 'object' && plugin !== null)
    .find(
      (plugin) => plugin.Name === 'buildx' && (plugin.Err === undefined || plugin.Err === null || plugin.Err === ''),
    );
  return {
    version: typeof info.server === 'string' ? info.server : '',
    imageStore: imageStoreOfInfo(info),
    buildxVersion: buildx === undefined ? undefined : typeof buildx.Version === 'string' ? buildx.Version : '',
  };
}

/** `docker logs --timestamps` splits the container's stdout and stderr; its timestamps put them back in order. */
export function mergeLogStreams(stdout: string, stderr: string): string {
  const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');
  // RFC 3339 with fixed-width nanoseconds in UTC: text order is time order; the sort is stable for ties.
  return [...lines(stdout), ...lines(stderr)]
    .sort((a, b) => (a.slice(0, 30) < b.slice(0, 30) ? -1 : a.slice(0, 30) > b.slice(0, 30) ? 1 : 0))
    .join('\n');
}
