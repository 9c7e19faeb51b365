import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction } from '../harness/run-action.mjs';
import {
  FIXTURES,
  distinctImage,
  docker,
  dockerOk,
  engineOverTcp,
  gitFixture,
  imageExists,
  imageId,
  imageWithBytes,
  localTags,
  randomId,
  randomSha,
  removeRepositories,
} from './support.js';

const LABEL = 'build-test-deploy.repository';
const namespace = `btd-e2e-${randomId()}`;
const repositories: string[] = [];
const danglingIds: string[] = [];

function newRepository(name: string): string {
  const repository = `${namespace}/${name}`;
  repositories.push(repository, `${repository}-worker`, `${repository}-tmp`);
  return repository;
}

// The same engine at tcp://127.0.0.1:PORT: there the prune's calls go through the docker CLI.
let overTcp: Awaited<ReturnType<typeof engineOverTcp>> | undefined;
beforeAll(async () => {
  overTcp = await engineOverTcp();
});

afterAll(async () => {
  await overTcp?.stop();
  removeRepositories(...repositories);
  for (const id of danglingIds) dockerOk('image', 'rm', '--force', id);
});

function run(repository: string, inputs: Record<string, string>, env: Record<string, string> = {}) {
  return runAction({
    env,
    inputs: {
      image: repository,
      context: path.join(FIXTURES, 'service'),
      sha: randomSha(),
      'test-command': 'echo "tested $SHA"',
      ...inputs,
    },
  });
}

/** A tar of one file holding `content`: the layer of an imported image. */
function layerTar(content: Buffer): Buffer {
  const dir = mkdtempSync(path.join(tmpdir(), 'import-'));
  try {
    writeFileSync(path.join(dir, 'blob'), content);
    return execFileSync('tar', ['-C', dir, '-cf', '-', 'blob']);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A one-layer image of `tar` by `docker image import`: no parent, no build cache holds its layer. */
function importedImage(ref: string, tar: Buffer): string {
  // A label of its own: two imports of one tar in the same second would otherwise be one image.
  return execFileSync('docker', ['image', 'import', '--change', `LABEL e2e.distinct=${randomId()}`, '-', ref], {
    input: tar,
    encoding: 'utf8',
  }).trim();
}

/** The action says which builder it took: buildx (BuildKit) or the classic one. */
function usesBuildKit(stdout: string): boolean {
  return /; builder: buildx/.test(stdout);
}

function group(stdout: string, title: string): string {
  const start = stdout.indexOf(`::group::${title}`);
  return start === -1 ? '' : stdout.slice(start, stdout.indexOf('::endgroup::', start));
}

/** The two ways the prune's inspect and removals reach the engine, each with what the log says of it. */
const TRANSPORTS: { key: string; name: string; env: () => Record<string, string>; via: RegExp }[] = [
  {
    key: 'api',
    name: 'the engine API (the CLI talks to a unix socket)',
    env: () => ({}),
    via: /^Inspecting and removing through the engine API at unix:\/\/\/.+\.$/m,
  },
  {
    key: 'cli',
    name: 'the docker CLI (DOCKER_HOST over tcp)',
    env: () => ({ DOCKER_HOST: overTcp?.host ?? '' }),
    via: /^Inspecting and removing through the docker CLI \(DOCKER_HOST=tcp:\/\/127\.0\.0\.1:\d+ is no unix socket\)\.$/m,
  },
];

describe.each(TRANSPORTS)('pruning through $name', ({ key, env: transportEnv, via }) => {
  it("removes stale tags and this repository's dangling images, reports the bytes, touches nothing else", async () => {
    const repository = newRepository(`bytes-${key}`);
    imageWithBytes(`${repository}:stale1`, 300_000);
    imageWithBytes(`${repository}:stale2`, 200_000);
    const ownDangling = imageWithBytes(undefined, 100_000, { [LABEL]: repository });
    const prefixDangling = imageWithBytes(undefined, 1000, { [LABEL]: `${repository}-worker` });
    const unlabelledDangling = imageWithBytes(undefined, 1000);
    danglingIds.push(ownDangling, prefixDangling, unlabelledDangling);
    const workerId = distinctImage(`${repository}-worker:stale1`);

    const result = await run(repository, { 'prune-grace': '0' }, transportEnv());
    expect(result.main.exitCode, result.main.stdout).toBe(0);
    expect(result.main.stdout).toMatch(via);
    expect(result.outputs.pruned).toBe('3');
    const reclaimed = Number(result.outputs['reclaimed-bytes']);
    expect(reclaimed).toBeGreaterThanOrEqual(600_000);
    expect(reclaimed).toBeLessThan(700_000);
    expect(localTags(repository)).toEqual([result.outputs.tag, 'latest'].sort());
    expect(imageExists(ownDangling)).toBe(false);
    expect(imageExists(prefixDangling)).toBe(true);
    expect(imageExists(unlabelledDangling)).toBe(true);
    expect(imageId(`${repository}-worker:stale1`)).toBe(workerId);
    expect(result.summary).toContain(`3 (${reclaimed} bytes reclaimed)`);
  });

  it('many stale tags are removed side by side, and the untagged build they shared goes with them', async () => {
    const repository = newRepository(`shared-${key}`);
    // One build with 400 kB of its own, and 12 tags stamped on top of it (metadata only), as after 12 commits
    // of an unchanged Dockerfile: more than one `docker image rm` removes in order. As the action does, the
    // stamps start from a temporary name (BuildKit cannot build FROM an image id), which then goes: the
    // classic builder keeps the build as the untagged parent of the 12, BuildKit keeps only its layers.
    const temporary = `${repository}-tmp:unstamped`;
    const shared = imageWithBytes(temporary, 400_000);
    danglingIds.push(shared);
    for (let i = 0; i < 12; i++) {
      execFileSync('docker', ['build', '--quiet', '--tag', `${repository}:stale${i}`, '-'], {
        input: `FROM ${temporary}\nLABEL e2e.distinct=${randomId()}\n`,
        stdio: ['pipe', 'ignore', 'pipe'],
      });
    }
    docker('image', 'rm', temporary);
    // The classic builder keeps the build as the 12's untagged parent; BuildKit keeps no image, only its layers.
    const buildKit = docker('image', 'inspect', '--format', '{{.Parent}}', `${repository}:stale0`) === '';
    expect(imageExists(shared)).toBe(!buildKit);

    const result = await run(repository, { 'prune-grace': '0' }, transportEnv());
    expect(result.main.exitCode, result.main.stdout).toBe(0);
    expect(result.main.stdout).toMatch(via);
    expect(result.outputs.pruned).toBe('12');
    expect(localTags(repository)).toEqual([result.outputs.tag, 'latest'].sort());
    expect(imageExists(shared)).toBe(false);
    const reclaimed = Number(result.outputs['reclaimed-bytes']);
    expect(reclaimed).toBeGreaterThanOrEqual(400_000);
    expect(reclaimed).toBeLessThan(450_000);
  });

  it('imported images (no parent): the bytes of the layers only they held, not of one another repository shares', async () => {
    const repository = newRepository(`imports-${key}`);
    // One tar, byte for byte (a file's time is in it): one layer, in two images.
    const shared = layerTar(randomBytes(100_000));
    importedImage(`${repository}:stale1`, layerTar(randomBytes(300_000)));
    importedImage(`${repository}:stale2`, layerTar(randomBytes(200_000)));
    importedImage(`${repository}:stale3`, shared);
    // The same layer in another repository's image: removing stale3 frees nothing of it.
    const workerId = importedImage(`${repository}-worker:keeps`, shared);
    expect(docker('image', 'inspect', '--format', '{{json .RootFS.Layers}}', `${repository}:stale3`)).toBe(
      docker('image', 'inspect', '--format', '{{json .RootFS.Layers}}', workerId),
    );

    const result = await run(repository, { 'prune-grace': '0' }, transportEnv());
    expect(result.main.exitCode, result.main.stdout).toBe(0);
    expect(result.main.stdout).toMatch(via);
    expect(result.outputs.pruned).toBe('3');
    const reclaimed = Number(result.outputs['reclaimed-bytes']);
    expect(reclaimed).toBeGreaterThanOrEqual(500_000);
    expect(reclaimed).toBeLessThan(550_000);
    expect(localTags(repository)).toEqual([result.outputs.tag, 'latest'].sort());
    expect(imageId(`${repository}-worker:keeps`)).toBe(workerId);
  });
});

describe('pruning', () => {
  it('keeps the newest prune-keep tags by creation time', async () => {
    const repository = newRepository('keep');
    // Created in this order; names sort the other way round, so only creation time can pick right.
    for (const tag of ['zz-oldest', 'mm-middle', 'aa-newest']) distinctImage(`${repository}:${tag}`);
    const result = await run(repository, { 'prune-keep': '2', 'prune-grace': '0' });
    expect(result.main.exitCode, result.main.stdout).toBe(0);
    expect(localTags(repository)).toEqual(['aa-newest', 'latest', 'mm-middle', result.outputs.tag].sort());
    expect(result.main.stdout).toContain(`Kept ${repository}:aa-newest: one of the 2 newest (prune-keep).`);
    expect(result.outputs.pruned).toBe('1');
  });

  it('dry-run lists what would go and removes nothing', async () => {
    const repository = newRepository('dry');
    distinctImage(`${repository}:stale1`);
    distinctImage(`${repository}:stale2`);
    const result = await run(repository, { prune: 'dry-run', 'prune-grace': '0' });
    expect(result.main.exitCode, result.main.stdout).toBe(0);
    expect(result.main.stdout).toMatch(
      new RegExp(`Dry run: would remove 2: ${repository}:stale\\d, ${repository}:stale\\d`),
    );
    expect(localTags(repository)).toEqual(['latest', 'stale1', 'stale2', result.outputs.tag].sort());
    expect(result.outputs).toMatchObject({ pruned: '2', 'reclaimed-bytes': '0' });
  });

  it('keeps the build cache: after a prune, unchanged source builds from cache, and the same commit gives the same image id', async () => {
    const repository = newRepository('cache');
    const first = await run(repository, { 'prune-grace': '0' });
    expect(first.main.exitCode, first.main.stdout).toBe(0);
    // A commit git knows: its commit time is the created label, so a rebuild can match to the bit.
    const fixture = gitFixture('service');
    const second = await run(repository, { context: fixture.dir, sha: '', 'prune-grace': '0' });
    expect(second.main.exitCode, second.main.stdout).toBe(0);
    expect(localTags(repository)).toEqual([second.outputs.tag, 'latest'].sort()); // the first tag was pruned
    // Every step but FROM came from the cache, and none ran: as each builder says it.
    if (usesBuildKit(second.main.stdout)) {
      const progress = second.main.stderr; // BuildKit's progress goes to stderr
      const steps = new Set(progress.match(/^#\d+ \[(?:[^\]]+ )?\d+\/\d+\] /gm) ?? []).size;
      expect(steps).toBeGreaterThan(1);
      expect(new Set(progress.match(/^#\d+ CACHED$/gm) ?? []).size).toBe(steps - 1);
      expect(progress).not.toMatch(/^#\d+ \d+\.\d+ /m); // a step's own output: it ran
    } else {
      const build = group(second.main.stdout, 'Build ');
      const steps = (build.match(/^Step \d+\/\d+ :/gm) ?? []).length;
      expect(steps).toBeGreaterThan(3);
      expect((build.match(/---> Using cache/g) ?? []).length).toBe(steps - 1);
      expect(build).not.toContain('Running in');
    }
    const third = await run(repository, { context: fixture.dir, sha: '', 'prune-grace': '0' });
    expect(third.main.exitCode, third.main.stdout).toBe(0);
    expect(third.outputs['image-id']).toBe(second.outputs['image-id']);
  });

  it("two runs of one image at once: each tests its own container, neither prunes the other's tag", async () => {
    const repository = newRepository('parallel');
    const [a, b] = await Promise.all([run(repository, {}), run(repository, {})]);
    for (const result of [a, b]) {
      expect(result.main.exitCode, result.main.stdout).toBe(0);
      expect(result.main.stdout).toContain(`tested ${result.outputs.sha}`);
    }
    expect(a.outputs.tag).not.toBe(b.outputs.tag);
    expect(localTags(repository)).toEqual([a.outputs.tag, b.outputs.tag, 'latest'].sort());
    expect(docker('container', 'ls', '--all', '--filter', `name=parallel-`, '--quiet')).toBe('');
  });
});
