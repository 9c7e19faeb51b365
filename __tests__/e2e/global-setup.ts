import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { buildBaseImage } from '../../scripts/base-image.mjs';
import { startRegistry } from '../../scripts/registry.mjs';
import type { RegistryInfo } from './support.js';

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
    throw new Error('The end-to-end tests need a Docker engine: start one with `eval "$(bash scripts/engine-profile.sh start buildkit)"` (npm test does, for each profile).');
  }
  buildBaseImage();
  const credentials = { username: 'e2e', password: `e2e-secret-${Math.random().toString(36).slice(2)}` };
  const registry = await startRegistry(credentials);
  project.provide('registry', { host: registry.host, ...credentials });
  return async () => registry.stop();
}
