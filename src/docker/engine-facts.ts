import { DockerError, dockerUntil } from './cli.js';
import { buildxInspectArgs, engineInfoArgs, engineStoreArgs } from './args.js';
import { parseEngineInfo, parseImageStore, type EngineInfo, type ImageStore } from './output.js';

export const ENGINE_TIMEOUT_MS = 5000;

export interface EngineFacts {
  readonly version: string;
  /** buildx is installed for this docker CLI: builds go through BuildKit. */
  readonly buildx: boolean;
  /** buildx's version, e.g. `0.13.1`; undefined without buildx or when it printed none. */
  readonly buildxVersion: string | undefined;
  readonly imageStore: ImageStore;
}

export function describeImageStore(store: ImageStore): string {
  return store.kind === 'containerd'
    ? 'the containerd image store'
    : store.kind === 'graphdriver'
      ? `the ${store.driver} graph driver`
      : 'an image store it did not name';
}

/** Which engine the docker CLI talks to, as the user configured it. */
export function engineLocation(env: NodeJS.ProcessEnv): string {
  if (env.DOCKER_HOST !== undefined && env.DOCKER_HOST !== '') return `DOCKER_HOST=${env.DOCKER_HOST}`;
  if (env.DOCKER_CONTEXT !== undefined && env.DOCKER_CONTEXT !== '') return `DOCKER_CONTEXT=${env.DOCKER_CONTEXT}`;
  return 'the default engine (DOCKER_HOST is unset: the current docker context, usually unix:///var/run/docker.sock)';
}

/** The first line of a docker command's output that `pick` takes, or undefined when none does in time. */
async function firstMatch<T>(
  args: string[],
  pick: (line: string) => T | undefined,
  timeoutMs: number,
): Promise<T | undefined> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  try {
    return await dockerUntil(args, pick, timeout.signal);
  } finally {
    clearTimeout(timer);
  }
}

function firstLine(args: string[], timeoutMs: number): Promise<string | undefined> {
  return firstMatch(args, (line) => (line.trim() === '' ? undefined : line), timeoutMs);
}

/** Which image store the engine uses ('unknown' when it does not say in time). */
export async function imageStoreOf(timeoutMs = ENGINE_TIMEOUT_MS): Promise<ImageStore> {
  return firstLine(engineStoreArgs(), timeoutMs).then(parseImageStore, () => parseImageStore(undefined));
}

/**
 * Asks the engine for its version and image store (and the CLI for buildx) before anything else, so a missing
 * or silent engine is a clear error within seconds, not a hang in the middle of a build.
 */
export async function checkEngine(
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = ENGINE_TIMEOUT_MS,
): Promise<EngineFacts> {
  // Without an engine the CLI still prints the line (with an empty version), then fails saying why.
  const info = await firstMatch(
    engineInfoArgs(),
    (line): EngineInfo | undefined => {
      const parsed = engineInfoOf(line);
      return parsed?.version === '' ? undefined : parsed;
    },
    timeoutMs,
  ).catch((error: unknown) => error as Error);
  if (info instanceof Error) {
    const reason =
      info instanceof DockerError ? (info.result.stderr.trim().split('\n').pop() ?? info.message) : info.message;
    throw new Error(`No Docker engine answers at ${engineLocation(env)}: ${reason}`);
  }
  if (info === undefined)
    throw new Error(`The Docker engine at ${engineLocation(env)} did not answer within ${timeoutMs / 1000} s.`);
  return {
    version: info.version,
    buildx: info.buildxVersion !== undefined,
    buildxVersion: info.buildxVersion === undefined ? undefined : buildxVersionOf(info.buildxVersion),
    imageStore: info.imageStore,
  };
}

/**
 * The driver of a buildx builder ('' for the current one), or undefined when buildx does not say in time.
 * `buildx inspect` has no machine format; its `Driver:` line has read the same since buildx 0.1.
 */
export function builderDriver(builder: string, timeoutMs = ENGINE_TIMEOUT_MS): Promise<string | undefined> {
  return firstMatch(buildxInspectArgs(builder), (line) => /^Driver:\s+(\S+)/.exec(line)?.[1], timeoutMs).catch(
    () => undefined,
  );
}

function engineInfoOf(line: string): EngineInfo | undefined {
  try {
    return parseEngineInfo(line);
  } catch {
    return undefined; // not the line asked for
  }
}

/** The x.y.z in the buildx plugin's version (`v0.24.0`, `0.13.1+ds1`) or `docker buildx version`'s line. */
export function buildxVersionOf(line: string): string | undefined {
  return /(?:^|\s)v?(\d+\.\d+\.\d+)/.exec(line)?.[1];
}

/** Whether `version` (x.y.z) is at least `minimum`. */
export function versionAtLeast(version: string, minimum: string): boolean {
  const parts = (text: string): number[] => text.split('.').map(Number);
  const [have, need] = [parts(version), parts(minimum)];
  for (let i = 0; i < need.length; i++) {
    const difference = (have[i] ?? 0) - (need[i] ?? 0);
    if (difference !== 0) return difference > 0;
  }
  return true;
}

/** buildx's first version whose bake checks file system access (and takes fs entitlements). */
export const BAKE_FS_ENTITLEMENTS_BUILDX = '0.20.0';
