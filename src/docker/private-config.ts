import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DOCKER_HUB } from '../shared/image-reference.js';
import { dockerConfigDir } from './config.js';
import { configKey } from './credentials.js';

// The run's own docker config folder: the login the inputs give lives there, reachable by the action's own docker
// calls and by nothing else. The shared config (HOME's, DOCKER_CONFIG's: what the tests on the runner see, what
// docker/login-action wrote) is never written: an earlier login to the same registry is left as it was, and two
// runs under one user never log each other out. Everything else of the user's config is carried over: its
// settings and other logins (config.json), its plugins (buildx, compose), builders and contexts (linked).

const PREFIX = 'build-test-deploy-docker-config-';

/** The credential stores config.json names, and the key `docker login` files a registry under. */
interface StoredConfig {
  credsStore?: unknown;
  credHelpers?: Record<string, unknown>;
  [setting: string]: unknown;
}

/** The user's config.json with `registry`'s login kept in the file itself (0600, in a 0700 folder). */
export function privateConfigJson(config: StoredConfig, registry: string): StoredConfig {
  if (config.credsStore === undefined && config.credHelpers === undefined) return config;
  // An empty helper for the registry makes the CLI keep its login in config.json, not in the user's store.
  const hosts = registry === DOCKER_HUB ? ['index.docker.io', configKey(registry)] : [registry];
  return { ...config, credHelpers: { ...config.credHelpers, ...Object.fromEntries(hosts.map((host) => [host, ''])) } };
}

/** Makes the run's own config folder, under RUNNER_TEMP (or the system's temp folder); returns its path. */
export async function createPrivateConfig(env: NodeJS.ProcessEnv, registry: string): Promise<string> {
  const shared = dockerConfigDir(env);
  const dir = await mkdtemp(
    path.join(env.RUNNER_TEMP !== undefined && env.RUNNER_TEMP !== '' ? env.RUNNER_TEMP : tmpdir(), PREFIX),
  );
  try {
    let config: StoredConfig = {};
    try {
      config = JSON.parse(await readFile(path.join(shared, 'config.json'), 'utf8')) as StoredConfig;
    } catch {
      // none, or unreadable: docker itself would start from an empty one
    }
    await writeFile(path.join(dir, 'config.json'), JSON.stringify(privateConfigJson(config, registry), null, 2), {
      mode: 0o600,
    });
    const entries = await readdir(shared).catch(() => [] as string[]);
    for (const entry of entries)
      if (entry !== 'config.json') await symlink(path.join(shared, entry), path.join(dir, entry));
    return dir;
  } catch (error) {
    await removePrivateConfig(dir);
    throw error;
  }
}

/** Removes the run's own config folder and the login in it; only ever one this module made. */
export async function removePrivateConfig(dir: string): Promise<void> {
  if (!path.basename(dir).startsWith(PREFIX)) throw new Error(`${dir} is not a docker config this action made.`);
  // The links go with the folder; what they point to stays.
  await rm(dir, { recursive: true, force: true });
}
