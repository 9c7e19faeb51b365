import * as core from '@actions/core';
import { docker } from './docker-cli.js';
import { imageInspectArgs, loginArgs, logoutArgs, pushArgs } from './docker-args.js';
import { digestsFor, parseImageDetails, pushedDigest } from './docker-output.js';
import { DOCKER_HUB, familiarName, type ImageName } from './image-reference.js';
import type { RegistryAuth } from './inputs.js';
import type { CleanupResult } from './container.js';

/** The server argument for docker login/logout: none for Docker Hub. */
export function loginServer(registry: string): string | undefined {
  return registry === DOCKER_HUB ? undefined : registry;
}

/** Logs in with the password on stdin; the password was masked when the inputs were read. */
export async function login(registry: string, auth: RegistryAuth): Promise<void> {
  await docker(loginArgs(loginServer(registry), auth.username), { input: auth.password });
}

export async function logout(registry: string): Promise<CleanupResult> {
  const result = await docker(logoutArgs(loginServer(registry)), { silent: true, allowFailure: true });
  return result.exitCode === 0
    ? { done: true, message: `Logged out of ${registry}.` }
    : { done: false, message: `Could not log out of ${registry}: ${result.stderr.trim()}` };
}

/**
 * Pushes the sha tag, then latest (so :latest never names what the registry does not hold), and
 * returns the registry's manifest digest for the sha tag.
 */
export async function pushTags(image: ImageName, tag: string, imageId: string): Promise<string> {
  const shaPush = await docker(pushArgs(`${image.name}:${tag}`));
  await docker(pushArgs(`${image.name}:latest`));
  const repoDigests = parseImageDetails((await docker(imageInspectArgs(imageId), { silent: true })).stdout).repoDigests;
  const candidates = digestsFor(repoDigests, familiarName(image));
  // An image pushed before under other manifests can carry several digests for one repository:
  // the push's own report for the sha tag says which one the registry holds now.
  const digest = candidates.length === 1 ? candidates[0] : candidates.find((candidate) => candidate === pushedDigest(shaPush.stdout, tag));
  if (digest === undefined) throw new Error(`Pushed ${image.name}:${tag}, but docker reports no single registry digest for it (RepoDigests: ${candidates.join(', ') || 'none'}).`);
  core.info(`Pushed ${image.name}:${tag} and ${image.name}:latest (${digest}).`);
  return digest;
}
