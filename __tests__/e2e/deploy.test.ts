import { afterAll, describe, expect, inject, it } from 'vitest';
import path from 'node:path';
import { ROOT, runAction, runNode } from '../harness/run-action.mjs';
import {
  FIXTURES,
  containersNamed,
  randomId,
  randomSha,
  registryDigest,
  registryManifest,
  registryTags,
  removeRepositories,
  dockerConfigAuths,
  usesContainerdStore,
} from './support.js';

const registry = inject('registry');
const repositoryPath = `e2e/svc-${randomId()}`;
const image = `${registry.host}/${repositoryPath}`;

afterAll(() => removeRepositories(image));

describe('deploy to a registry with htpasswd auth', () => {
  it("after the tests pass, pushes the sha tag and latest; digest is the registry's; logs out; the password shows nowhere", async () => {
    const sha = randomSha();
    const tag = sha.slice(0, 7);
    const run = await runAction({
      inputs: {
        image,
        context: path.join(FIXTURES, 'service'),
        sha,
        deploy: 'true',
        'test-command': 'wget -q -O - http://127.0.0.1:8080/ | grep -q "from the service"',
        'registry-username': registry.username,
        'registry-password': registry.password,
      },
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    expect(run.outputs.pushed).toBe('true');
    expect(await registryTags(registry, repositoryPath)).toEqual([tag, 'latest'].sort());
    const digest = await registryDigest(registry, repositoryPath, tag);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(run.outputs.digest).toBe(digest);
    expect(await registryDigest(registry, repositoryPath, 'latest')).toBe(digest);
    expect(run.summary).toContain(digest);

    // sha tag before latest: :latest never names what the registry does not hold yet.
    expect(run.main.stdout.indexOf(`docker push ${image}:${tag}`)).toBeLessThan(
      run.main.stdout.indexOf(`docker push ${image}:latest`),
    );

    expect(run.main.stdout).toContain(`::add-mask::${registry.password}`);
    expect(run.main.stdout).toContain(`Logged out of ${registry.host}.`);
    expect(dockerConfigAuths()).not.toContain(registry.host);
    const everything = [
      run.main.stdout.replace(`::add-mask::${registry.password}`, ''),
      run.main.stderr,
      run.post?.stdout,
      run.post?.stderr,
      run.summary,
      JSON.stringify(run.state),
      JSON.stringify(run.outputs),
    ].join('\n');
    expect(everything).not.toContain(registry.password);
    expect(containersNamed(`${repositoryPath.split('/')[1]}-${tag}-`)).toEqual([]);
  });

  it('pushes the tested image as one image manifest: no index, no attestation; resolve reads its digest back', async () => {
    const pushedPath = `e2e/manifest-${randomId()}`;
    const pushedImage = `${registry.host}/${pushedPath}`;
    const sha = randomSha();
    const run = await runAction({
      inputs: {
        image: pushedImage,
        context: path.join(FIXTURES, 'service'),
        sha,
        deploy: 'true',
        'test-command': 'true',
        'registry-username': registry.username,
        'registry-password': registry.password,
      },
    });
    try {
      expect(run.main.exitCode, run.main.stdout).toBe(0);
      const tag = run.outputs.tag ?? '';
      const served = await registryManifest(registry, pushedPath, tag);
      // What a client that takes any kind is served: one image manifest, not an index of an image and its provenance.
      expect([
        'application/vnd.docker.distribution.manifest.v2+json',
        'application/vnd.oci.image.manifest.v1+json',
      ]).toContain(served.mediaType);
      expect(served.body).not.toHaveProperty('manifests');
      expect(served.digest).toBe(run.outputs.digest);
      expect(run.outputs['manifest-type']).toBe(served.mediaType);
      expect(run.summary).toContain(`true: one image manifest (${served.mediaType})`);
      expect(run.main.stdout).not.toContain('is an index in the registry');
      expect((await registryManifest(registry, pushedPath, 'latest')).digest).toBe(served.digest);
      // The tested image, by id: the containerd store's id is the manifest's digest, a graph driver's the config's.
      const config = (served.body.config as { digest: string }).digest;
      expect(usesContainerdStore() ? served.digest : config).toBe(run.outputs['image-id']);
      const read = await runNode(
        path.join(ROOT, 'dist', 'resolve-cli', 'index.js'),
        { ...process.env, REGISTRY_USERNAME: registry.username, REGISTRY_PASSWORD: registry.password },
        ROOT,
        false,
        undefined,
        { args: [pushedImage, '--source', 'registry'] },
      );
      expect(read.exitCode, read.stderr).toBe(0);
      expect(read.stdout).toContain(`DIGEST=${served.digest}\n`);
      expect(read.stdout).toContain(`SHA=${sha}\n`);
    } finally {
      removeRepositories(pushedImage);
    }
  });

  it('when the tests fail: fails with their status, pushes nothing, leaves no login behind', async () => {
    const failing = `${registry.host}/e2e/failing-${randomId()}`;
    const sha = randomSha();
    const run = await runAction({
      inputs: {
        image: failing,
        context: path.join(FIXTURES, 'service'),
        sha,
        deploy: 'true',
        'test-command': 'echo "suite: 1 of 3 failed"; exit 4',
        'registry-username': registry.username,
        'registry-password': registry.password,
      },
    });
    removeRepositories(failing);
    expect(run.main.exitCode).toBe(1);
    expect(run.main.stdout).toContain('suite: 1 of 3 failed');
    expect(run.main.stdout).toContain(
      `::error::Tests failed: the test command exited with status 4 in container failing-`,
    );
    expect(run.outputs).toMatchObject({ 'test-exit-code': '4', pushed: 'false', digest: '' });
    expect(await registryTags(registry, failing.slice(registry.host.length + 1))).toEqual([]);
    // Logged in only for the cache pull, before the build, and out again.
    expect(run.main.stdout).toContain('[command]docker login');
    expect(run.main.stdout.indexOf('docker login')).toBeLessThan(
      run.main.stdout.search(/\[command\]docker (?:buildx bake|build)/),
    );
    expect(run.main.stdout).toContain(`Logged out of ${registry.host}.`);
    expect(dockerConfigAuths()).not.toContain(registry.host);
    expect(run.main.stdout).not.toContain('docker push');
    expect(run.summary).toContain('failed: Tests failed');
    expect(containersNamed(`failing-`)).toEqual([]);
  });
});
