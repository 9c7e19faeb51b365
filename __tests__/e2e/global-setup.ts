import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildBaseImage } from '../harness/base-image.mjs';
import { startRegistry } from '../harness/registry.mjs';
import { usesContainerdStore, type RegistryInfo } from './support.js';

declare module 'vitest' {
  export interface ProvidedContext {
    registry: RegistryInfo;
  }
}

/** The real engine must answer; a FROM-scratch busybox base image and a registry with auth are made here. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore' });
  } catch {
    throw new Error(
      'The end-to-end tests need a Docker engine: start one with `eval "$(bash scripts/engine-profile.sh start buildkit)"` (npm test does, for each profile).',
    );
  }
  checkProfile(process.env.ENGINE_PROFILE);
  if (process.env.ENGINE_PROFILE === 'containerd') emptyImageStore();
  buildBaseImage();
  const credentials = { username: 'e2e', password: `e2e-secret-${Math.random().toString(36).slice(2)}` };
  const registry = await startRegistry(credentials);
  project.provide('registry', { host: registry.host, ...credentials, storage: path.join(registry.dir, 'data') });
  return async () => registry.stop();
}

/**
 * The containerd profile's engine (scripts/engine-profile.sh keeps it for the tests alone) starts each run
 * with no images and no build cache: its store lists every repository a blob was ever named under in one
 * label of at most 4096 bytes, and each run names the shared base layer under dozens of random repositories.
 * Once full, BuildKit no longer finds a newly named image locally.
 */
function emptyImageStore(): void {
  const images = execFileSync('docker', ['image', 'ls', '--all', '--quiet', '--no-trunc'], { encoding: 'utf8' })
    .split('\n')
    .filter((id) => id !== '');
  if (images.length > 0) execFileSync('docker', ['image', 'rm', '--force', ...new Set(images)], { stdio: 'ignore' });
  execFileSync('docker', ['builder', 'prune', '--all', '--force'], { stdio: 'ignore' });
}

/** The engine is what its profile's name says: else a test's per-engine branch would quietly test another engine. */
function checkProfile(profile: string | undefined): void {
  const expected: Record<string, { buildx: boolean; containerdStore: boolean } | undefined> = {
    classic: { buildx: false, containerdStore: false },
    buildkit: { buildx: true, containerdStore: false },
    containerd: { buildx: true, containerdStore: true },
  };
  const want = profile === undefined ? undefined : expected[profile];
  if (want === undefined) return; // native, or no profile: whatever the engine is
  let buildx = true;
  try {
    execFileSync('docker', ['buildx', 'version'], { stdio: 'ignore' });
  } catch {
    buildx = false;
  }
  const containerdStore = usesContainerdStore();
  if (buildx !== want.buildx || containerdStore !== want.containerdStore) {
    throw new Error(
      `Engine profile ${profile ?? ''} expects ${want.buildx ? 'buildx' : 'no buildx'} and ${want.containerdStore ? 'the containerd image store' : 'a graph driver'}, but the engine has ${buildx ? 'buildx' : 'no buildx'} and ${containerdStore ? 'the containerd image store' : 'a graph driver'}: start it with eval "$(bash scripts/engine-profile.sh start ${profile ?? ''})".`,
    );
  }
}
