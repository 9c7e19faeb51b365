import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startRegistry } from '../../scripts/registry.mjs';
import { BASE_IMAGE, type RegistryInfo } from './support.js';

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
    throw new Error('The end-to-end tests need a Docker engine: run `bash scripts/ensure-engine.sh` (npm test does).');
  }
  const context = mkdtempSync(path.join(tmpdir(), 'e2e-base-'));
  try {
    copyFileSync('/bin/busybox', path.join(context, 'busybox'));
    writeFileSync(path.join(context, 'Dockerfile'), 'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n');
    execFileSync('docker', ['build', '--quiet', '--tag', BASE_IMAGE, context], { stdio: ['ignore', 'ignore', 'pipe'] });
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
  const credentials = { username: 'e2e', password: `e2e-secret-${Math.random().toString(36).slice(2)}` };
  const registry = await startRegistry(credentials);
  project.provide('registry', { host: registry.host, ...credentials });
  return async () => registry.stop();
}
