import { afterAll, describe, expect, inject, it } from 'vitest';
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { startFaultProxy } from '../harness/fault-proxy.mjs';
import { freePort } from '../harness/registry.mjs';
import { runAction } from '../harness/run-action.mjs';
import {
  FIXTURES,
  docker,
  gitFixture,
  imageExists,
  localTags,
  randomId,
  randomSha,
  registryDigest,
  registryTags,
  removeRepositories,
  errorLine,
  usesContainerdStore,
} from './support.js';

const registry = inject('registry');
const used: string[] = [];
const run = promisify(execFile);

afterAll(() => removeRepositories(...used));

const took = (stdout: string, group: string): number =>
  Number(/^Took ([0-9.]+) s\.$/m.exec(stdout.slice(stdout.indexOf(`::group::${group}`)))?.[1] ?? 'NaN');

function deploy(image: string, inputs: Record<string, string> = {}, context = path.join(FIXTURES, 'service')) {
  used.push(image);
  return runAction({
    inputs: {
      image,
      context,
      sha: randomSha(),
      deploy: 'true',
      'test-command': 'true',
      'prune-grace': '0',
      'registry-username': registry.username,
      'registry-password': registry.password,
      ...inputs,
    },
  });
}

/**
 * Docker 28's containerd image store pushes through containerd's pusher, which retries a 5xx answer to an upload
 * itself (Docker 26.1's did not; the graph drivers' pusher does not): the action then sees one push that worked.
 */
function pusherRetries5xx(): boolean {
  return usesContainerdStore() && Number(docker('version', '--format', '{{.Server.Version}}').split('.')[0]) >= 28;
}

describe('push: retries, refusals, mirrors, re-runs', () => {
  it.each(['503', 'drop'] as const)(
    'survives a registry that answers the manifest upload with a fault once (%s)',
    async (mode) => {
      const proxy = await startFaultProxy({ target: registry.host, faults: 1, mode });
      try {
        const repositoryPath = `e2e/flaky-${mode}-${randomId()}`;
        const result = await deploy(`${proxy.host}/${repositoryPath}`);
        expect(result.main.exitCode, result.main.stdout).toBe(0);
        expect(proxy.faulted()).toBe(1);
        // The digest was read back from the registry, not taken from docker's record.
        expect(result.main.stdout).not.toContain('Could not read the pushed tags back');
        const pushes = (result.main.stdout.match(/^\[command\]docker push /gm) ?? []).length;
        if (mode === '503' && pusherRetries5xx()) {
          // The engine's own pusher took the 503 and tried again inside the one `docker push`: nothing to retry.
          expect(result.main.stdout).not.toContain('::warning::docker push');
          expect(pushes).toBe(2);
        } else {
          expect(result.main.stdout).toMatch(/::warning::docker push .* failed \(.*\); retry 1 of 3 in [0-9.]+ s\./);
          expect(pushes).toBe(3);
        }
        expect(result.outputs.digest).toBe(await registryDigest(registry, repositoryPath, result.outputs.tag ?? ''));
        expect(await registryDigest(registry, repositoryPath, 'latest')).toBe(result.outputs.digest);
      } finally {
        await proxy.stop();
      }
    },
  );

  it('fails fast and clearly on refused credentials, without retrying', async () => {
    const result = await deploy(`${registry.host}/e2e/refused-${randomId()}`, {
      'registry-password': 'not-the-password',
    });
    expect(result.main.exitCode).toBe(1);
    expect(errorLine(result.main.stdout)).toContain(
      `The registry ${registry.host} refused the credentials of user "${registry.username}" for docker login to ${registry.host}`,
    );
    expect(result.main.stdout).not.toContain('retry 1 of');
    expect(took(result.main.stdout, 'Push ')).toBeLessThan(5);
    expect(result.outputs.pushed).toBe('false');
  });

  it('fails after the retries when the registry is gone, leaving the local images intact', async () => {
    const gone = `127.0.0.1:${await freePort()}/e2e/gone`;
    const result = await deploy(gone, { 'push-retries': '2', 'registry-username': '', 'registry-password': '' });
    expect(result.main.exitCode).toBe(1);
    expect(errorLine(result.main.stdout)).toMatch(
      /docker push 127\.0\.0\.1:\d+\/e2e\/gone:[0-9a-f]{7} failed after 3 attempt\(s\) \(push-retries: 2\); the registry 127\.0\.0\.1:\d+ did not recover: .*connection refused/,
    );
    expect((result.main.stdout.match(/retry \d of 2 in/g) ?? []).length).toBe(2);
    expect(localTags(gone)).toEqual([result.outputs.tag, 'latest'].sort());
  });

  it('pushes both tags to also-push mirrors, with each digest in `digests`, and leaves no mirror tags behind', async () => {
    // The proxy is another registry host as far as docker is concerned; the mirror's credentials come from an earlier docker login.
    const proxy = await startFaultProxy({ target: registry.host, faults: 0 });
    const child = run('docker', ['login', '--username', registry.username, '--password-stdin', proxy.host]);
    child.child.stdin?.end(registry.password);
    await child;
    try {
      const image = `${registry.host}/e2e/primary-${randomId()}`;
      const mirrorPath = `e2e/mirror-${randomId()}`;
      const mirror = `${proxy.host}/${mirrorPath}`;
      const result = await deploy(image, { 'also-push': `${mirror}\n${image}\n` });
      expect(result.main.exitCode, result.main.stdout).toBe(0);
      const digests = JSON.parse(result.outputs.digests ?? '{}') as Record<string, string>;
      expect(Object.keys(digests).sort()).toEqual([image, mirror].sort());
      expect(digests[mirror]).toBe(await registryDigest(registry, mirrorPath, result.outputs.tag ?? ''));
      expect(await registryTags(registry, mirrorPath)).toEqual([result.outputs.tag, 'latest'].sort());
      expect(digests[image]).toBe(result.outputs.digest);
      // The mirror was read back with the credentials of the earlier docker login.
      expect(result.main.stdout).not.toContain('Could not read the pushed tags back');
      expect(imageExists(`${mirror}:latest`)).toBe(false);
    } finally {
      await run('docker', ['logout', proxy.host]);
      await proxy.stop();
    }
  });

  it('re-running the same commit pushes nothing new and succeeds with the same digest', async () => {
    const fixture = gitFixture('service');
    const image = `${registry.host}/e2e/rerun-${randomId()}`;
    const first = await deploy(image, { sha: '' }, fixture.dir);
    expect(first.main.exitCode, first.main.stdout).toBe(0);
    const again = await deploy(image, { sha: '' }, fixture.dir);
    expect(again.main.exitCode, again.main.stdout).toBe(0);
    expect(again.outputs['image-id']).toBe(first.outputs['image-id']);
    expect(again.outputs.digest).toBe(first.outputs.digest);
    const pushLog = again.main.stdout.slice(again.main.stdout.indexOf('::group::Push'));
    expect(pushLog).toContain('Layer already exists');
    expect(pushLog).not.toMatch(/: Pushed$/m);
  });
});
