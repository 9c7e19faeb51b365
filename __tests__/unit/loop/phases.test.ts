import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineFacts } from '../../../src/docker/engine-facts.js';
import { ACTION_INPUTS } from '../../../src/loop/action-spec.js';
import { parseInputs } from '../../../src/loop/inputs.js';
import { checkPhase, envFilePhase, MINIMUM_BUILDX, type LoopRun } from '../../../src/loop/phases.js';
import type { Reporter } from '../../../src/loop/reporter.js';
import { emptyReport } from '../../../src/loop/run-report.js';
import { BackgroundWork } from '../../../src/loop/background.js';
import { ACTION_NAMING } from '../../../src/shared/field-parser.js';
import { fakeEngine } from '../docker/fake-engine.js';

// checkPhase decides, before anything is built, what the engine it found cannot do: the engine (a fake that
// answers only its facts and the builder's driver) and the commit are stood in for; the rest is the real code.
const engine = {
  found: undefined as unknown as EngineFacts,
  driver: undefined as string | undefined,
  asked: [] as string[],
};
vi.mock('../../../src/loop/commit.js', () => ({
  resolveCommit: () =>
    Promise.resolve({
      sha: 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8',
      created: '2024-05-01T10:00:00Z',
      source: 'input',
    }),
}));

const CLASSIC: EngineFacts = {
  version: '20.10.24',
  buildx: false,
  buildxVersion: undefined,
  imageStore: { kind: 'graphdriver', driver: 'overlay2' },
};
const BUILDKIT: EngineFacts = { ...CLASSIC, version: '26.1.5', buildx: true, buildxVersion: '0.13.1' };
const CONTAINERD: EngineFacts = { ...BUILDKIT, imageStore: { kind: 'containerd' } };

const reporter = {
  phaseStarted: () => undefined,
  phaseEnded: () => undefined,
  info: () => undefined,
  warning: () => undefined,
} as unknown as Reporter;

function run(inputs: Record<string, string>): LoopRun {
  const values: Record<string, string> = {
    ...Object.fromEntries(ACTION_INPUTS.map((spec) => [spec.name, spec.default ?? ''])),
    image: 'ghcr.io/acme/app',
    ...inputs,
  };
  return {
    engine: fakeEngine({
      facts: () => Promise.resolve(engine.found),
      builderDriver: (builder) => {
        engine.asked.push(builder);
        return Promise.resolve(engine.driver);
      },
    }),
    inputs: parseInputs((name) => values[name] ?? ''),
    report: emptyReport(),
    reporter,
    settings: { env: {}, workspace: '/w', sourceUrl: undefined, naming: ACTION_NAMING, onLeftovers: () => undefined },
    leftovers: { container: '', loggedInRegistry: '', loginConfig: '' },
    background: new BackgroundWork(),
  };
}

beforeEach(() => {
  engine.found = BUILDKIT;
  engine.driver = 'docker';
  engine.asked = [];
});

describe('checkPhase', () => {
  it('refuses build secrets without buildx: the classic builder would need build args, readable in the history', async () => {
    engine.found = CLASSIC;
    await expect(checkPhase(run({ 'build-secrets': 'id=npm,env=NPM_TOKEN' }))).rejects.toThrow(
      "Input 'build-secrets' needs BuildKit, but docker buildx is not installed for this docker CLI; secrets are never passed as build args",
    );
  });

  it('returns the commit and its tags as a value, timed as a phase; the report gets them for the outputs', async () => {
    const checking = run({ 'tag-length': '8' });
    const { target } = await checkPhase(checking);
    const sha = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
    expect(target).toEqual({
      sha,
      tag: 'd24155b0',
      imageRef: 'ghcr.io/acme/app:d24155b0',
      latestRef: 'ghcr.io/acme/app:latest',
    });
    expect(checking.report).toMatchObject({ sha, tag: 'd24155b0', imageRef: 'ghcr.io/acme/app:d24155b0' });
    expect(checking.report.phases).toMatchObject([{ name: 'Check the engine and the commit', ok: true }]);
  });

  it('a failed check is a failed phase, and names no tag', async () => {
    engine.found = CLASSIC;
    const checking = run({ builder: 'remote' });
    await expect(checkPhase(checking)).rejects.toThrow('Input \'builder\' is "remote"');
    expect(checking.report.phases).toMatchObject([{ name: 'Check the engine and the commit', ok: false }]);
    expect(checking.report.tag).toBe('');
  });

  it('takes build secrets with buildx', async () => {
    await expect(checkPhase(run({ 'build-secrets': 'id=npm,env=NPM_TOKEN' }))).resolves.toMatchObject({
      facts: BUILDKIT,
    });
  });

  it.each<[string, EngineFacts, string | undefined, Record<string, string>, object]>([
    [
      'the classic builder pulls :latest',
      CLASSIC,
      undefined,
      {},
      { pull: ['ghcr.io/acme/app:latest'], from: ['ghcr.io/acme/app:latest'], to: [] },
    ],
    [
      'BuildKit imports :latest and exports inline',
      BUILDKIT,
      'docker',
      {},
      { pull: [], from: ['type=registry,ref=ghcr.io/acme/app:latest'], to: ['type=inline'] },
    ],
    [
      'the docker driver on the containerd image store exports to a registry (a failed export fails nothing)',
      CONTAINERD,
      'docker',
      { 'cache-to': 'type=registry,ref=ghcr.io/acme/app:buildcache,mode=max' },
      {
        pull: [],
        from: ['type=registry,ref=ghcr.io/acme/app:latest'],
        to: ['type=registry,ref=ghcr.io/acme/app:buildcache,mode=max,ignore-error=true'],
      },
    ],
    [
      'the docker-container driver exports anywhere (a failed export fails nothing)',
      BUILDKIT,
      'docker-container',
      { 'cache-to': 'type=gha,mode=max' },
      { pull: [], from: ['type=registry,ref=ghcr.io/acme/app:latest'], to: ['type=gha,mode=max,ignore-error=true'] },
    ],
    [
      'an ignore-error the input sets stays as set, and inline beside it as written',
      BUILDKIT,
      'docker-container',
      { 'cache-to': 'type=inline\ntype=gha,mode=max,ignore-error=false' },
      {
        pull: [],
        from: ['type=registry,ref=ghcr.io/acme/app:latest'],
        to: ['type=inline', 'type=gha,mode=max,ignore-error=false'],
      },
    ],
  ])('plans the cache: %s', async (_case, found, driver, inputs, plan) => {
    engine.found = found;
    engine.driver = driver;
    await expect(checkPhase(run(inputs))).resolves.toMatchObject({ cache: plan });
  });

  it.each<[string, EngineFacts, Record<string, string>, string]>([
    [
      'a foreign cache source on the classic builder',
      CLASSIC,
      { 'cache-from': 'type=gha' },
      `Input 'cache-from' has "type=gha", which needs BuildKit (docker buildx)`,
    ],
    [
      'a registry cache export on the docker driver without the containerd image store',
      BUILDKIT,
      { 'cache-to': 'type=registry,ref=ghcr.io/acme/app:buildcache' },
      `Input 'cache-to' has "type=registry,ref=ghcr.io/acme/app:buildcache", which needs a builder with another driver (docker-container, kubernetes or remote), or the containerd image store on this engine; the buildx builder "kit" has the docker driver on an engine without the containerd image store.`,
    ],
  ])('refuses %s before anything is built', async (_case, found, inputs, message) => {
    engine.found = found;
    const loop = run({ builder: found.buildx ? 'kit' : '', ...inputs });
    await expect(checkPhase(loop)).rejects.toThrow(message);
    expect(loop.report.imageRef).toBe('');
  });

  it.each<[string, string | undefined]>([
    ['the oldest that bakes the build and the stamp', '0.10.0'],
    ['a newer one', '0.13.1'],
    ['one that printed no version', undefined],
  ])('builds with buildx: %s', async (_case, buildxVersion) => {
    engine.found = { ...BUILDKIT, buildxVersion };
    await expect(checkPhase(run({}))).resolves.toMatchObject({ facts: { buildx: true } });
  });

  it.each(['0.9.1', '0.1.0'])(
    'refuses buildx %s: bake has no target: contexts or --provenance before 0.10',
    async (buildxVersion) => {
      engine.found = { ...BUILDKIT, buildxVersion };
      await expect(checkPhase(run({}))).rejects.toThrow(
        `docker buildx ${buildxVersion} is installed, but builds need buildx ${MINIMUM_BUILDX} or later`,
      );
    },
  );

  it("asks the driver of the builder the build uses ('' for the current one) when a cache spec needs it", async () => {
    await checkPhase(run({ builder: 'kit', 'cache-from': 'type=registry,ref=ghcr.io/acme/app:cache' }));
    await checkPhase(run({ 'cache-from': 'type=local,src=/tmp/c' }));
    expect(engine.asked).toEqual(['kit', '']);
  });

  it('asks no driver with cache-from and cache-to auto or none: no docker call for nothing', async () => {
    await checkPhase(run({}));
    await checkPhase(run({ builder: 'kit', 'cache-from': 'none', 'cache-to': 'none' }));
    expect(engine.asked).toEqual([]);
  });
});

describe('checkPhase: the record', () => {
  it.each([
    [{}, 'APP'],
    [{ 'env-prefix': 'WEB' }, 'WEB'],
  ])('names the prefix of the env output (%j → %s)', async (inputs, prefix) => {
    const loop = run(inputs);
    await checkPhase(loop);
    expect(loop.report).toMatchObject({ envPrefix: prefix, image: 'ghcr.io/acme/app', tag: 'd24155b' });
  });
});

describe('checkPhase: notices of the inputs', () => {
  const lowered = (subject: string, raw: string, image: string): string =>
    `${subject} is "${raw}": registries refuse upper-case repository paths, so the image is ${image}.`;

  it.each<[string, Record<string, string>, string[], string]>([
    ['none', {}, [], 'ghcr.io/acme/app:d24155b'],
    [
      'the image lower-cased',
      { image: 'ghcr.io/Acme/App' },
      [lowered("Input 'image'", 'ghcr.io/Acme/App', 'ghcr.io/acme/app')],
      'ghcr.io/acme/app:d24155b',
    ],
    [
      'the image and an also-push line, in input order',
      { image: 'ghcr.io/Acme/App', 'also-push': 'quay.io/Acme/App' },
      [
        lowered("Input 'image'", 'ghcr.io/Acme/App', 'ghcr.io/acme/app'),
        lowered("Input 'also-push'", 'quay.io/Acme/App', 'quay.io/acme/app'),
      ],
      'ghcr.io/acme/app:d24155b',
    ],
  ])('warns each, first, and keeps them for the summary: %s', async (_case, inputs, notices, imageRef) => {
    const lines: string[] = [];
    const base = run(inputs);
    const loop: LoopRun = {
      ...base,
      reporter: {
        ...reporter,
        info: (message: string) => lines.push(`info:${message}`),
        warning: (message: string) => lines.push(`warning:${message}`),
      },
    };
    await checkPhase(loop);
    expect(lines.filter((line) => line.startsWith('warning:'))).toEqual(notices.map((notice) => `warning:${notice}`));
    expect(lines.slice(0, notices.length)).toEqual(notices.map((notice) => `warning:${notice}`));
    expect(loop.report.notices).toEqual(notices);
    expect(loop.report.imageRef).toBe(imageRef);
  });

  it('warns even when the check then fails', async () => {
    engine.found = CLASSIC;
    const warnings: string[] = [];
    const base = run({ image: 'ghcr.io/Acme/App', 'build-secrets': 'id=npm,env=NPM_TOKEN' });
    const loop: LoopRun = { ...base, reporter: { ...reporter, warning: (message: string) => warnings.push(message) } };
    await expect(checkPhase(loop)).rejects.toThrow("Input 'build-secrets' needs BuildKit");
    expect(warnings).toEqual([lowered("Input 'image'", 'ghcr.io/Acme/App', 'ghcr.io/acme/app')]);
    expect(loop.report.notices).toEqual(warnings);
  });
});

describe('envFilePhase', () => {
  const SHA = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
  const DIGEST = `sha256:${'d'.repeat(64)}`;
  let workspace = '';
  beforeEach(() => {
    workspace = mkdtempSync(path.join(tmpdir(), 'env-file-phase-'));
  });
  afterEach(() => rmSync(workspace, { recursive: true, force: true }));

  function passedRun(inputs: Record<string, string>, pushed: boolean): { loop: LoopRun; lines: string[] } {
    const lines: string[] = [];
    const base = run(inputs);
    const loop: LoopRun = {
      ...base,
      reporter: {
        ...reporter,
        phaseStarted: (name: string) => lines.push(`start:${name}`),
        phaseEnded: (name: string, _seconds: number, ok: boolean) => lines.push(`end:${name}:${ok}`),
        info: (message: string) => lines.push(`info:${message}`),
      },
      settings: { ...base.settings, workspace },
    };
    Object.assign(loop.report, {
      image: 'ghcr.io/acme/app',
      envPrefix: base.inputs.envPrefix,
      sha: SHA,
      tag: 'd24155b',
      pushed,
      digest: pushed ? DIGEST : '',
    });
    return { loop, lines };
  }

  it('writes the group into a new file relative to the workspace, its directory made', async () => {
    const { loop, lines } = passedRun({ 'env-file': 'deploy/set.env' }, true);
    await envFilePhase(loop);
    const file = path.join(workspace, 'deploy', 'set.env');
    expect(readFileSync(file, 'utf8')).toBe(
      [
        'APP_IMAGE=ghcr.io/acme/app',
        `APP_SHA=${SHA}`,
        'APP_TAG=d24155b',
        `APP_DIGEST=${'d'.repeat(64)}`,
        `APP_IMAGE_REF=ghcr.io/acme/app@${DIGEST}`,
        '',
      ].join('\n'),
    );
    expect(readdirSync(path.join(workspace, 'deploy'))).toEqual(['set.env']); // no temporary file left
    expect(lines).toEqual([
      'start:Record APP_* in deploy/set.env',
      `info:${file} has APP_IMAGE, _SHA, _TAG, _DIGEST and _IMAGE_REF.`,
      'end:Record APP_* in deploy/set.env:true',
    ]);
  });

  it("replaces the run's earlier group, keeps the others; not pushed: no DIGEST", async () => {
    writeFileSync(
      path.join(workspace, 'set.env'),
      `APP_IMAGE=ghcr.io/acme/app\nAPP_TAG=aaaaaaa\nAPP_DIGEST=${'a'.repeat(64)}\nWEB_IMAGE=ghcr.io/acme/web\n`,
    );
    const { loop, lines } = passedRun({ 'env-file': 'set.env' }, false);
    await envFilePhase(loop);
    expect(readFileSync(path.join(workspace, 'set.env'), 'utf8')).toBe(
      [
        'WEB_IMAGE=ghcr.io/acme/web',
        'APP_IMAGE=ghcr.io/acme/app',
        `APP_SHA=${SHA}`,
        'APP_TAG=d24155b',
        'APP_IMAGE_REF=ghcr.io/acme/app:d24155b',
        '',
      ].join('\n'),
    );
    expect(lines).toContain(`info:${path.join(workspace, 'set.env')} has APP_IMAGE, _SHA, _TAG and _IMAGE_REF.`);
  });

  it('fails the phase when the file cannot be written, leaving no temporary file', async () => {
    const { loop, lines } = passedRun({ 'env-file': 'taken/set.env' }, true);
    writeFileSync(path.join(workspace, 'taken'), 'a file, not a directory');
    await expect(envFilePhase(loop)).rejects.toThrow();
    expect(readdirSync(workspace)).toEqual(['taken']);
    expect(lines.at(-1)).toBe('end:Record APP_* in taken/set.env:false');
  });
});
