import { homedir } from 'node:os';
import * as path from 'node:path';

/** The docker CLI's config folder (config.json, contexts, cli-plugins): DOCKER_CONFIG, else ~/.docker. */
export function dockerConfigDir(env: NodeJS.ProcessEnv): string {
  return env.DOCKER_CONFIG !== undefined && env.DOCKER_CONFIG !== ''
    ? env.DOCKER_CONFIG
    : path.join(homedir(), '.docker');
}
