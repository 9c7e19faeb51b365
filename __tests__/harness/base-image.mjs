// The FROM-scratch busybox base image the test fixtures and benchmarks build on (nothing can be pulled here).
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const BASE_IMAGE = 'btd-e2e/busybox:base';

/** Builds it on the engine `env` points the docker CLI at (DOCKER_HOST), by default this process's. */
export function buildBaseImage(env = process.env) {
  const context = mkdtempSync(path.join(tmpdir(), 'base-image-'));
  try {
    copyFileSync('/bin/busybox', path.join(context, 'busybox'));
    writeFileSync(
      path.join(context, 'Dockerfile'),
      'FROM scratch\nCOPY busybox /bin/busybox\nRUN ["/bin/busybox", "--install", "-s", "/bin"]\n',
    );
    execFileSync('docker', ['build', '--quiet', '--tag', BASE_IMAGE, context], {
      stdio: ['ignore', 'ignore', 'pipe'],
      env,
    });
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}
