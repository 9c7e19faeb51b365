import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { runAction } from '../harness/run-action.mjs';
import {
  FIXTURES,
  containersNamed,
  distinctImage,
  docker,
  dockerOk,
  gitFixture,
  imageExists,
  imageId,
  localTags,
  randomId,
  randomSha,
  removeRepositories,
} from './support.js';

const namespace = `btd-e2e-${randomId()}`;
const repository = `${namespace}/svc`;
const prefixSharing = `${namespace}/svc-worker`;
const otherRepository = `${namespace}-other/thing`;
const blocker = `${namespace}-blocker`;

afterAll(() => {
  dockerOk('container', 'rm', '--force', blocker);
  removeRepositories(repository, prefixSharing, otherRepository);
});

describe('the loop on a real engine', () => {
  it('prunes, builds the sha tag with the sha inside, tags latest, runs, waits healthy, tests inside, cleans up', async () => {
    const fixture = gitFixture('service');
    for (const stale of ['old1', 'old2']) distinctImage(`${repository}:${stale}`);
    distinctImage(`${repository}:inuse`);
    docker('container', 'create', '--name', blocker, `${repository}:inuse`, 'true');
    const prefixSharingId = distinctImage(`${prefixSharing}:keep`);
    const otherId = distinctImage(`${otherRepository}:keep`);

    const run = await runAction({
      cwd: fixture.dir,
      inputs: {
        image: repository,
        'prune-grace': '0',
        'build-args': 'GREETING=e2e',
        labels: 'com.example.team=platform\ncom.example.note=a=b',
        'test-command': `test "$SHA" = "${fixture.sha}" && wget -q -O - http://127.0.0.1:8080/ | grep -q "e2e from the service" && echo "tests-ran-inside:$(hostname)"`,
      },
    });

    expect(run.main.exitCode, run.main.stdout).toBe(0);
    const tag = fixture.sha.slice(0, 7);
    expect(run.outputs).toMatchObject({
      sha: fixture.sha,
      tag,
      image: repository,
      'image-ref': `${repository}:${tag}`,
      'latest-ref': `${repository}:latest`,
      digest: '',
      pushed: 'false',
      'test-exit-code': '0',
    });

    // Both tags name one image id, the one reported.
    expect(run.outputs['image-id']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(imageId(`${repository}:${tag}`)).toBe(run.outputs['image-id']);
    expect(imageId(`${repository}:latest`)).toBe(run.outputs['image-id']);
    // The temporary name a BuildKit stamp starts from is gone (the classic builder needs none).
    expect(
      docker('image', 'ls', '--format', '{{.Repository}}')
        .split('\n')
        .filter((name) => name === 'build-test-deploy-tmp' || name.startsWith('build-test-deploy-tmp/')),
    ).toEqual([]);

    // The full sha is inside, whatever the Dockerfile declared.
    const config = JSON.parse(docker('image', 'inspect', '--format', '{{json .Config}}', `${repository}:${tag}`)) as {
      Env: string[];
      Labels: Record<string, string>;
    };
    expect(config.Env).toContain(`SHA=${fixture.sha}`);
    expect(config.Env).not.toContain('SHA=declared-in-dockerfile');
    expect(config.Labels).toMatchObject({
      'org.opencontainers.image.revision': fixture.sha,
      'org.opencontainers.image.source': 'https://github.com/acme/service',
      'org.opencontainers.image.created': new Date(fixture.committed).toISOString(),
      'com.example.team': 'platform',
      'com.example.note': 'a=b',
    });

    // The tests ran inside the container.
    expect(run.main.stdout).toMatch(/tests-ran-inside:[0-9a-f]{12}/);

    // Stale tags went; the one a container uses stayed and was named; other repositories untouched.
    expect(localTags(repository)).toEqual(['inuse', 'latest', tag].sort());
    expect(run.main.stdout).toContain(`Kept ${repository}:inuse: used by container ${blocker}.`);
    expect(run.outputs.pruned).toBe('2');
    expect(imageId(`${prefixSharing}:keep`)).toBe(prefixSharingId);
    expect(imageId(`${otherRepository}:keep`)).toBe(otherId);

    // One log group per phase, and a summary with the facts and timings.
    for (const group of ['Prune stale tags of', 'Build ', 'Run ', 'Wait until ', 'Test inside ']) {
      expect(run.main.stdout).toContain(`::group::${group}`);
    }
    expect(run.summary).toContain(fixture.sha);
    expect(run.summary).toContain(run.outputs['image-id']);
    expect(run.summary).toMatch(/Wait until [^<]+<\/td><td>[0-9.]+ s</);

    // Nothing left behind: main removed its container, post had nothing to do.
    expect(containersNamed(`svc-${tag}-`)).toEqual([]);
    expect(run.state.container).toBe('');
    expect(run.post?.exitCode).toBe(0);
  });

  it('without a HEALTHCHECK is ready once running, and passes run-args to docker run', async () => {
    const sha = randomSha();
    const run = await runAction({
      inputs: {
        image: repository,
        context: path.join(FIXTURES, 'service'),
        sha,
        'tag-length': '12',
        'sha-env': 'GIT_COMMIT',
        'run-args': '--no-healthcheck\n--env=FROM_RUN_ARGS=yes\n--env SPLIT_LINE=yes',
        'test-command': `test "$FROM_RUN_ARGS" = yes && test "$SPLIT_LINE" = yes && test "$GIT_COMMIT" = "${sha}"`,
        prune: 'false',
      },
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    expect(run.outputs.tag).toBe(sha.slice(0, 12));
    expect(run.main.stdout).toContain('is ready (running) after');
    expect(imageExists(`${repository}:${sha.slice(0, 12)}`)).toBe(true);
    expect(containersNamed(`svc-${sha.slice(0, 12)}-`)).toEqual([]);
  });

  it('rejects bad inputs, naming each, before docker is touched', async () => {
    const snapshot = (): string[] =>
      [
        ...docker('image', 'ls', '--all', '--quiet', '--no-trunc').split('\n'),
        ...docker('container', 'ls', '--all', '--quiet', '--no-trunc').split('\n'),
      ].sort();
    const before = snapshot();
    const run = await runAction({
      inputs: {
        image: 'Acme/App:v1',
        'tag-length': '99',
        'wait-timeout': 'soon',
        'run-args': '--rm',
        'test-command': 'true',
      },
    });
    expect(run.main.exitCode).toBe(1);
    const error = run.main.stdout.split('\n').find((line) => line.startsWith('::error::')) ?? '';
    for (const input of ['image', 'tag-length', 'wait-timeout', 'run-args'])
      expect(error).toContain(`Input '${input}'`);
    expect(error).toContain('expected a whole number from 4 to 40');
    expect(run.main.stdout).not.toContain('[command]');
    expect(snapshot()).toEqual(before);
    expect(run.outputs).toMatchObject({ tag: '', 'image-id': '', pushed: 'false' });
    expect(run.post?.exitCode).toBe(0);
  });

  it('names a missing Dockerfile before building', async () => {
    const run = await runAction({
      inputs: {
        image: repository,
        context: path.join(FIXTURES, 'service'),
        file: 'no/such/Dockerfile',
        sha: randomSha(),
      },
    });
    expect(run.main.exitCode).toBe(1);
    expect(run.main.stdout).toContain("::error::Input 'file': no/such/Dockerfile does not exist");
    expect(run.main.stdout).not.toContain('[command]');
  });
});
