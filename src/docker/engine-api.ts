import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import type { Agent } from 'node:http';
import * as path from 'node:path';
import { trackConnections } from '../process/children.js';
import { isObject, str } from '../shared/json.js';
import { dockerConfigDir } from './config.js';

// The engine's own API over its unix socket, where the docker CLI would reach the engine there too: for the
// calls the prune makes by the hundred, the CLI processes cost more than the engine's own work
// (docs/adr/0004-prune-through-the-engine-api.md). Every other call, and every other endpoint: the CLI.

/** The CLI's engine when no DOCKER_HOST, context or config names another. */
export const DEFAULT_SOCKET = '/var/run/docker.sock';

/** Where the docker CLI sends its requests: a unix socket the API can use too (and who said so), or why not. */
export type EngineEndpoint =
  { readonly socket: string; readonly from: string } | { readonly socket: undefined; readonly why: string };

/** The docker contexts the CLI stores (in its config folder's `contexts/`). */
export interface ContextStore {
  /** The context's docker endpoint, undefined when it has none. */
  host(name: string): string | undefined;
  /** It keeps TLS material for its endpoint. */
  hasTls(name: string): boolean;
}

const socketOf = (host: string): string | undefined =>
  host.startsWith('unix://') && host.length > 'unix://'.length ? host.slice('unix://'.length) : undefined;

/**
 * The docker CLI's choice of engine (DOCKER_HOST, else DOCKER_CONTEXT, else config.json's currentContext,
 * else the default socket), where it ends at a unix socket without TLS. Pure: the stored contexts come in.
 */
export function engineEndpoint(
  env: NodeJS.ProcessEnv,
  platform: NodeJS.Platform,
  currentContext: string | undefined,
  contexts: ContextStore,
): EngineEndpoint {
  if (platform === 'win32') return { socket: undefined, why: 'on Windows the engine listens on a named pipe' };
  if ((env.DOCKER_TLS ?? '') !== '' || (env.DOCKER_TLS_VERIFY ?? '') !== '')
    return { socket: undefined, why: 'DOCKER_TLS or DOCKER_TLS_VERIFY is set' };
  const host = env.DOCKER_HOST ?? '';
  if (host !== '') {
    const socket = socketOf(host);
    return socket === undefined
      ? { socket: undefined, why: `DOCKER_HOST=${host} is no unix socket` }
      : { socket, from: `DOCKER_HOST=${host}` };
  }
  const name = env.DOCKER_CONTEXT !== undefined && env.DOCKER_CONTEXT !== '' ? env.DOCKER_CONTEXT : currentContext;
  if (name === undefined || name === '' || name === 'default')
    return { socket: DEFAULT_SOCKET, from: 'the default context' };
  const contextHost = contexts.host(name);
  if (contextHost === undefined) return { socket: undefined, why: `docker context ${name} has no docker endpoint` };
  const socket = socketOf(contextHost);
  if (socket === undefined)
    return { socket: undefined, why: `docker context ${name} is at ${contextHost}, no unix socket` };
  if (contexts.hasTls(name)) return { socket: undefined, why: `docker context ${name} uses TLS` };
  return { socket, from: `docker context ${name}` };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8')) as unknown;
  } catch {
    return undefined;
  }
}

/** engineEndpoint from this machine's docker config folder, as the CLI reads it. */
export function localEngineEndpoint(env: NodeJS.ProcessEnv): EngineEndpoint {
  const dir = dockerConfigDir(env);
  const config = readJson(path.join(dir, 'config.json'));
  // The CLI keeps each context under the sha256 of its name.
  const stored = (name: string, ...parts: string[]): string =>
    path.join(dir, 'contexts', ...parts, createHash('sha256').update(name).digest('hex'));
  const contexts: ContextStore = {
    host: (name) => {
      const meta = readJson(path.join(stored(name, 'meta'), 'meta.json'));
      const endpoints = isObject(meta) && isObject(meta.Endpoints) ? meta.Endpoints : {};
      const host = isObject(endpoints.docker) ? str(endpoints.docker.Host) : '';
      return host === '' ? undefined : host;
    },
    hasTls: (name) => existsSync(stored(name, 'tls')),
  };
  const current = isObject(config) ? str(config.currentContext) : '';
  return engineEndpoint(env, process.platform, current === '' ? undefined : current, contexts);
}

export interface ApiResponse {
  readonly status: number;
  readonly body: string;
}

/** The engine's API at a unix socket, a few connections kept open; close() when done. */
export interface EngineApi {
  readonly socket: string;
  request(method: 'GET' | 'DELETE', apiPath: string): Promise<ApiResponse>;
  close(): void;
}

/** The API version the CLI would speak: DOCKER_API_VERSION when set, else the engine's own (its `/_ping`). */
export function apiVersionOf(env: NodeJS.ProcessEnv, pingHeader: string | undefined): string | undefined {
  const pinned = env.DOCKER_API_VERSION ?? '';
  const version = pinned !== '' ? pinned : (pingHeader ?? '');
  return /^\d+\.\d+$/.test(version) ? version : undefined;
}

/**
 * Connects to the engine at `socket` with up to `connections` requests at a time, undefined when it does not
 * answer its `/_ping` with an API version (the caller then takes the CLI, which says why if it fails too).
 * The connections end with a cancelled run's children.
 */
export async function connectEngineApi(
  socket: string,
  env: NodeJS.ProcessEnv,
  connections: number,
): Promise<EngineApi | undefined> {
  // Loaded here: a run that prunes nothing never pays for node's http.
  const http = await import('node:http');
  const agent: Agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const untrack = trackConnections(agent);
  const close = (): void => {
    untrack();
    agent.destroy();
  };
  const send = (method: 'GET' | 'DELETE', apiPath: string) =>
    new Promise<ApiResponse & { readonly version: string | undefined }>((resolve, reject) => {
      const sent = http.request({ socketPath: socket, path: apiPath, method, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const header = response.headers['api-version'];
          resolve({
            status: response.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            version: typeof header === 'string' ? header : undefined,
          });
        });
      });
      sent.on('error', reject);
      sent.end();
    });
  const ping = await send('GET', '/_ping').catch(() => undefined);
  const version = ping?.status === 200 ? apiVersionOf(env, ping.version) : undefined;
  if (version === undefined) {
    close();
    return undefined;
  }
  return {
    socket,
    request: async (method, apiPath) => {
      const { status, body } = await send(method, `/v${version}${apiPath}`);
      return { status, body };
    },
    close,
  };
}

/** The message of an API error answer (`{"message": …}`), else its body. */
export function apiErrorMessage(response: ApiResponse): string {
  try {
    const parsed = JSON.parse(response.body) as unknown;
    if (isObject(parsed) && typeof parsed.message === 'string') return parsed.message;
  } catch {
    // not JSON: the body as it came
  }
  return response.body.trim() === '' ? `HTTP ${response.status}` : response.body.trim();
}
