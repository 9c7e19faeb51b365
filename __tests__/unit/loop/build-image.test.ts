import { describe, expect, it } from 'vitest';
import { BAKE_BUILD_TARGET, BAKE_STAMP_TARGET } from '../../../src/docker/build-args.js';
import type { BakeOutcome, ClassicBuildOutcome } from '../../../src/docker/engine.js';
import { buildImage, type BuildRequest } from '../../../src/loop/build.js';
import { NO_CACHE } from '../../../src/loop/cache.js';
import type { Reporter } from '../../../src/loop/reporter.js';
import { REVISION_LABEL } from '../../../src/shared/vocabulary.js';
import { fakeEngine, image } from '../docker/fake-engine.js';

// buildImage against a fake engine: what it builds, what it tags, what it refuses, and the calls it makes.

const SHA = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
const TAG = 'localhost:5000/app:d24155b';
const LATEST = 'localhost:5000/app:latest';
const BASE_ID = `sha256:${'b'.repeat(64)}`;
const STAMPED_ID = `sha256:${'5'.repeat(64)}`;
const STAMPED = image(STAMPED_ID, [], {
  env: [`SHA=${SHA}`],
  labels: { [REVISION_LABEL]: SHA },
  repoTags: [TAG, LATEST],
});

function recorder(): { reporter: Reporter; warnings: string[]; infos: string[] } {
  const warnings: string[] = [];
  const infos: string[] = [];
  const reporter = {
    info: (m: string) => infos.push(m),
    warning: (m: string) => warnings.push(m),
  } as unknown as Reporter;
  return { reporter, warnings, infos };
}

function request(overrides: Partial<BuildRequest> = {}): BuildRequest {
  return {
    context: '/w/app',
    file: '/w/app/Dockerfile',
    buildArgs: [],
    target: '',
    tags: [TAG, LATEST],
    labels: [{ key: REVISION_LABEL, value: SHA }],
    shaEnv: 'SHA',
    sha: SHA,
    builder: { kind: 'legacy' },
    secrets: [],
    cache: NO_CACHE,
    ...overrides,
  };
}

const built = (steps: boolean[]): ClassicBuildOutcome => ({
  ok: true,
  imageId: BASE_ID,
  steps: steps.map((cached, index) => ({ instruction: `RUN step ${index + 1}`, cached })),
});

describe('buildImage, the classic builder', () => {
  it('pulls the cache source, builds, stamps FROM the built id with the sha, and returns the id of the sha tag', async () => {
    const stamps: string[] = [];
    const engine = fakeEngine({
      pullImage: () => Promise.resolve({ ok: true, error: '' }),
      classicBuild: () => Promise.resolve(built([true, true, false])),
      inspectImage: (ref) => Promise.resolve(ref === BASE_ID ? image(BASE_ID, [], { cmd: ['httpd'] }) : STAMPED),
      classicStamp: (_tags, dockerfile) => {
        stamps.push(dockerfile);
        return Promise.resolve({ ok: true });
      },
    });
    const result = await buildImage(
      engine,
      request({ cache: { pull: [LATEST], from: [LATEST], to: [] } }),
      recorder().reporter,
    );
    expect(result.imageId).toBe(STAMPED_ID);
    expect(result.cache).toEqual({
      sources: [{ source: LATEST, found: true, reason: undefined }],
      stepsReused: 2,
      stepsRun: 1,
      exportedTo: [],
    });
    expect(engine.said()).toEqual([
      `pullImage ${LATEST}`,
      'classicBuild',
      `inspectImage ${BASE_ID}`,
      'classicStamp',
      `inspectImage ${TAG}`,
    ]);
    expect(engine.calls[1]?.args[0]).toMatchObject({ cacheFrom: [LATEST] });
    expect(engine.calls[3]?.args[0]).toEqual([TAG, LATEST]);
    expect(stamps[0]).toContain(`FROM ${BASE_ID}`);
    expect(stamps[0]).toContain(SHA);
  });

  it('a cache source not found is a miss: the build goes on without --cache-from, and no broken-config check', async () => {
    const engine = fakeEngine({
      pullImage: () => Promise.resolve({ ok: false, error: 'Error response from daemon: manifest unknown' }),
      classicBuild: () => Promise.resolve(built([false])),
      classicStamp: () => Promise.resolve({ ok: true }),
      inspectImage: () => Promise.resolve(STAMPED),
    });
    const result = await buildImage(
      engine,
      request({ cache: { pull: [LATEST], from: [LATEST], to: [] } }),
      recorder().reporter,
    );
    expect(result.cache.sources).toEqual([{ source: LATEST, found: false, reason: 'not found' }]);
    expect(engine.calls[1]?.args[0]).toMatchObject({ cacheFrom: [] });
    expect(engine.said()).toEqual([`pullImage ${LATEST}`, 'classicBuild', 'classicStamp', `inspectImage ${TAG}`]);
  });

  it("a step restored with a broken config (Docker 20.10's --cache-from): built again without the cache, said", async () => {
    let builds = 0;
    const engine = fakeEngine({
      pullImage: () => Promise.resolve({ ok: true, error: '' }),
      classicBuild: () => Promise.resolve({ ...built([true]), imageId: builds++ === 0 ? 'sha256:broken' : BASE_ID }),
      inspectImage: (ref) =>
        Promise.resolve(
          ref === 'sha256:broken' ? image(ref, [], { cmd: ['/bin/sh', '-c', '#(nop) ', 'CMD ["httpd"]'] }) : STAMPED,
        ),
      classicStamp: () => Promise.resolve({ ok: true }),
    });
    const { reporter, warnings } = recorder();
    await buildImage(engine, request({ cache: { pull: [LATEST], from: [LATEST], to: [] } }), reporter);
    expect(engine.calls.filter((call) => call.operation === 'classicBuild').map((call) => call.args[0])).toMatchObject([
      { cacheFrom: [LATEST] },
      { cacheFrom: [] },
    ]);
    expect(warnings[0]).toContain('building again without --cache-from');
  });

  it('a full disk fails the build plainly, and nothing is stamped or tagged', async () => {
    const engine = fakeEngine({
      classicBuild: () =>
        Promise.resolve({
          ok: false,
          error: 'docker build failed with exit code 1: …',
          log: 'write /x: no space left on device',
        }),
    });
    await expect(buildImage(engine, request(), recorder().reporter)).rejects.toThrow(
      'The Docker engine ran out of disk space during the build',
    );
    expect(engine.said()).toEqual(['classicBuild']);
  });

  it("any other failure: docker's own message", async () => {
    const engine = fakeEngine({
      classicBuild: () =>
        Promise.resolve({ ok: false, error: 'docker build failed with exit code 1: RUN make: exit 2', log: 'exit 2' }),
    });
    await expect(buildImage(engine, request(), recorder().reporter)).rejects.toThrow(
      'docker build failed with exit code 1: RUN make: exit 2',
    );
  });

  it.each<[string, 'classic' | 'bake']>([
    ['the classic builder', 'classic'],
    ['BuildKit', 'bake'],
  ])("a failing step, on %s: docker's message, then the step's own last lines", async (_case, builder) => {
    const failure = {
      ok: false as const,
      error: 'docker build failed with exit code 1: process "/bin/sh -c ./lint.sh" did not complete successfully',
      log: '',
      failedStep: {
        name: 'RUN ./lint.sh',
        output: ['checking src/', "src/app.py:30:1: F401 'os' imported but unused"],
      },
    };
    const engine = fakeEngine(
      builder === 'classic'
        ? { classicBuild: () => Promise.resolve(failure) }
        : { bake: () => Promise.resolve({ ...failure, stderr: '' }) },
    );
    await expect(
      buildImage(
        engine,
        request(builder === 'bake' ? { builder: { kind: 'buildx', name: '', fsEntitlements: false } } : {}),
        recorder().reporter,
      ),
    ).rejects.toThrow(
      [
        failure.error,
        'The last 2 line(s) of RUN ./lint.sh:',
        '  checking src/',
        "  src/app.py:30:1: F401 'os' imported but unused",
      ].join('\n'),
    );
  });

  it('an image that does not carry the commit is refused, naming what is wrong', async () => {
    const engine = fakeEngine({
      classicBuild: () => Promise.resolve(built([])),
      classicStamp: () => Promise.resolve({ ok: true }),
      inspectImage: () => Promise.resolve(image(STAMPED_ID, [], { env: ['SHA=0000000'] })),
    });
    await expect(buildImage(engine, request(), recorder().reporter)).rejects.toThrow(
      `The built image ${STAMPED_ID} does not carry the commit: env SHA is "0000000", expected ${SHA}; label ${REVISION_LABEL} is missing, expected ${SHA}.`,
    );
  });
});

describe('buildImage, BuildKit (one bake)', () => {
  const BUILD_DIGEST = `sha256:${'d'.repeat(64)}`;
  const baked = (
    digests: Record<string, string> = { [BAKE_BUILD_TARGET]: BUILD_DIGEST, [BAKE_STAMP_TARGET]: STAMPED_ID },
  ): BakeOutcome => ({
    ok: true,
    digests,
  });
  const buildx = { builder: { kind: 'buildx', name: '', fsEntitlements: true } } as const;

  it('bakes the build and the stamp once; the tidying removes the untagged build target, and only that', async () => {
    const engine = fakeEngine({
      bake: () => Promise.resolve(baked()),
      inspectImage: () => Promise.resolve(STAMPED),
      findImage: () => Promise.resolve(image(BUILD_DIGEST)),
      removeImages: () => Promise.resolve({ ok: true, error: '' }),
    });
    const result = await buildImage(engine, request(buildx), recorder().reporter);
    expect(result.imageId).toBe(STAMPED_ID);
    expect(engine.said()).toEqual(['bake', `inspectImage ${TAG}`]);
    expect(engine.calls[0]?.args[0]).toMatchObject({ context: '/w/app', tags: [TAG, LATEST], cacheTo: [] });
    expect((engine.calls[0]?.args[0] as { stampDockerfile: string }).stampDockerfile).toContain(SHA);
    await result.tidy();
    expect(engine.said().slice(2)).toEqual([`findImage ${BUILD_DIGEST}`, 'removeImages']);
    expect(engine.calls[3]?.args[0]).toEqual([BUILD_DIGEST]);
  });

  it('the tidying leaves a build target another tag names, and one that is the stamp itself', async () => {
    const named = fakeEngine({
      bake: () => Promise.resolve(baked()),
      inspectImage: () => Promise.resolve(STAMPED),
      findImage: () => Promise.resolve(image(BUILD_DIGEST, [], { repoTags: ['acme/base:1'] })),
    });
    await (await buildImage(named, request(buildx), recorder().reporter)).tidy();
    expect(named.said()).not.toContain('removeImages');
    const same = fakeEngine({
      bake: () => Promise.resolve(baked({ [BAKE_BUILD_TARGET]: STAMPED_ID, [BAKE_STAMP_TARGET]: STAMPED_ID })),
      inspectImage: () => Promise.resolve(STAMPED),
    });
    await (await buildImage(same, request(buildx), recorder().reporter)).tidy();
    expect(same.said()).toEqual(['bake', `inspectImage ${TAG}`]);
  });

  it('a cache export the builder refuses: baked again without cache-to, warned; the build does not fail', async () => {
    const refused: BakeOutcome = {
      ok: false,
      error: 'docker buildx failed',
      log: '',
      stderr: 'ERROR: cache export feature is currently not supported for docker driver',
    };
    let bakes = 0;
    const engine = fakeEngine({
      bake: () => Promise.resolve(bakes++ === 0 ? refused : baked()),
      inspectImage: () => Promise.resolve(STAMPED),
    });
    const { reporter, warnings } = recorder();
    const cache = { pull: [], from: [], to: ['type=registry,ref=localhost:5000/app:cache'] };
    const result = await buildImage(engine, request({ ...buildx, cache }), reporter);
    expect(engine.calls.filter((call) => call.operation === 'bake').map((call) => call.args[0])).toMatchObject([
      { cacheTo: cache.to, fsEntitlements: true },
      { cacheTo: [], fsEntitlements: true },
    ]);
    expect(result.cache.exportedTo).toEqual([]);
    expect(warnings).toEqual([
      'cache: the builder cannot export the cache (ERROR: cache export feature is currently not supported for docker driver); building without cache-to.',
    ]);
  });

  it('a race for an image record (two builds at once on the containerd store): baked again, at most twice', async () => {
    const race: BakeOutcome = {
      ok: false,
      error: 'docker buildx failed with exit code 1: image "localhost:5000/app:latest": already exists',
      log: 'image "localhost:5000/app:latest": already exists',
      stderr: 'ERROR: image "localhost:5000/app:latest": already exists',
    };
    const engine = fakeEngine({ bake: () => Promise.resolve(race) });
    const { reporter, infos } = recorder();
    await expect(buildImage(engine, request(buildx), reporter)).rejects.toThrow('already exists');
    expect(engine.said()).toEqual(['bake', 'bake', 'bake']);
    expect(infos.filter((line) => line.startsWith('Another build wrote the image record'))).toHaveLength(2);
  });
});
