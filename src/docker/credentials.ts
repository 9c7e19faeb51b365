import { runCommand } from '../process/run.js';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { dockerConfigDir } from './config.js';
import { DOCKER_HUB } from '../shared/image-reference.js';
import type { RegistryAuth } from '../shared/vocabulary.js';

// What `docker login` (or docker/login-action) stored for a registry, read the way the docker CLI reads
// it: a credential helper (credHelpers, then credsStore), else the base64 `auths` entry of config.json.

interface DockerConfig {
  readonly auths?: Record<string, { readonly auth?: string; readonly username?: string; readonly password?: string }>;
  readonly credsStore?: string;
  readonly credHelpers?: Record<string, string>;
}

/** The key docker uses in config.json for a registry: Docker Hub's is its legacy index URL. */
export function configKey(registry: string): string {
  return registry === DOCKER_HUB ? 'https://index.docker.io/v1/' : registry;
}

/** Credentials from config.json's `auths` (no helper involved); undefined when there are none. */
export function authsEntry(config: DockerConfig, registry: string): RegistryAuth | undefined {
  const entry = config.auths?.[configKey(registry)] ?? config.auths?.[`https://${registry}`];
  if (entry === undefined) return undefined;
  if (entry.auth !== undefined && entry.auth !== '') {
    const decoded = Buffer.from(entry.auth, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    return colon === -1 ? undefined : { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
  }
  return entry.username !== undefined && entry.password !== undefined
    ? { username: entry.username, password: entry.password }
    : undefined;
}

export function helperFor(config: DockerConfig, registry: string): string | undefined {
  return config.credHelpers?.[configKey(registry)] ?? config.credsStore;
}

/** Reads the stored credentials for `registry` (masked at once); undefined when docker has none. */
export async function storedCredentials(
  registry: string,
  mask: (secret: string) => void,
): Promise<RegistryAuth | undefined> {
  const auth = await readStoredCredentials(registry);
  if (auth !== undefined && auth.password !== '') mask(auth.password);
  return auth;
}

async function readStoredCredentials(registry: string): Promise<RegistryAuth | undefined> {
  const file = path.join(dockerConfigDir(process.env), 'config.json');
  let config: DockerConfig;
  try {
    config = JSON.parse(await readFile(file, 'utf8')) as DockerConfig;
  } catch {
    return undefined;
  }
  const helper = helperFor(config, registry);
  if (helper !== undefined && helper !== '') {
    // The credential-helper protocol: the server on stdin, {"Username","Secret"} on stdout.
    const result = await runCommand(`docker-credential-${helper}`, ['get'], {
      input: configKey(registry),
      silent: true,
    }).catch(() => undefined);
    if (result === undefined || result.exitCode !== 0) return authsEntry(config, registry);
    const stored = JSON.parse(result.stdout) as { Username?: string; Secret?: string };
    return stored.Username !== undefined && stored.Secret !== undefined
      ? { username: stored.Username, password: stored.Secret }
      : undefined;
  }
  return authsEntry(config, registry);
}
