import { DockerError, dockerUntil } from './cli.js';
import { buildxVersionArgs, contextShowArgs, engineStoreArgs, serverVersionArgs } from './args.js';
import { parseImageStore, type ImageStore } from './output.js';

export const ENGINE_TIMEOUT_MS = 5000;

export interface Engine {
  readonly version: string;
  /** buildx is installed for this docker CLI: builds go through BuildKit. */
  readonly buildx: boolean;
  readonly imageStore: ImageStore;
  /** The docker context the CLI uses ('default' with DOCKER_HOST): the engine's own buildx builder is named so. */
  readonly context: string;
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

async function firstLine(args: string[], timeoutMs: number): Promise<string | undefined> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), timeoutMs);
  try {
    return await dockerUntil(args, (line) => (line.trim() === '' ? undefined : line), timeout.signal);
  } finally {
    clearTimeout(timer);
  }
}

/** Which image store the engine uses ('unknown' when it does not say in time). */
export async function imageStoreOf(timeoutMs = ENGINE_TIMEOUT_MS): Promise<ImageStore> {
  return firstLine(engineStoreArgs(), timeoutMs).then(parseImageStore, () => parseImageStore(undefined));
}

/**
 * Asks the engine for its version (and the CLI for buildx) before anything else, so a missing or silent
 * engine is a clear error within seconds, not a hang in the middle of a build.
 */
export async function checkEngine(
  env: NodeJS.ProcessEnv = process.env,
  timeoutMs = ENGINE_TIMEOUT_MS,
): Promise<Engine> {
  const [server, buildx, imageStore, context] = await Promise.all([
    firstLine(serverVersionArgs(), timeoutMs).catch((error: unknown) => error as Error),
    firstLine(buildxVersionArgs(), timeoutMs).then(
      (line) => line !== undefined,
      () => false,
    ),
    imageStoreOf(timeoutMs),
    firstLine(contextShowArgs(), timeoutMs).then(
      (line) => line?.trim() ?? 'default',
      () => 'default',
    ),
  ]);
  if (server instanceof Error) {
    const reason =
      server instanceof DockerError
        ? (server.result.stderr.trim().split('\n').pop() ?? server.message)
        : server.message;
    throw new Error(`No Docker engine answers at ${engineLocation(env)}: ${reason}`);
  }
  if (server === undefined)
    throw new Error(`The Docker engine at ${engineLocation(env)} did not answer within ${timeoutMs / 1000} s.`);
  const version: unknown = JSON.parse(server);
  return { version: typeof version === 'string' ? version : 'unknown', buildx, imageStore, context };
}
