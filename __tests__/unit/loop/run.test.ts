import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Engine } from '../../../src/docker/engine.js';
import type { EngineFacts } from '../../../src/docker/engine-facts.js';
import { ACTION_INPUTS } from '../../../src/loop/action-spec.js';
import { parseInputs } from '../../../src/loop/inputs.js';
import type { Reporter } from '../../../src/loop/reporter.js';
import type { RunReport } from '../../../src/loop/run-report.js';
import { runLoop } from '../../../src/loop/run.js';
import { ACTION_NAMING } from '../../../src/shared/field-parser.js';
import { REVISION_LABEL } from '../../../src/shared/vocabulary.js';
import { container, fakeEngine, image, type FakeEngine } from '../docker/fake-engine.js';

// The whole loop against a fake engine (the classic builder, a test on the runner's own shell): the order of
// the engine calls, and the one rule above all: nothing is pushed unless the tests passed.

const SHA = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
const IMAGE = 'localhost:5000/acme/app';
const STAMPED_ID = `sha256:${'5'.repeat(64)}`;
const PUSHED = `sha256:${'1'.repeat(64)}`;
const CLASSIC: EngineFacts = {
  version: '20.10.24',
  buildx: false,
  buildxVersion: undefined,
  imageStore: { kind: 'graphdriver', driver: 'overlay2' },
};
const workspace = mkdtempSync(path.join(tmpdir(), 'run-engine-'));
afterAll(() => rmSync(workspace, { recursive: true, force: true }));

function engine(overrides: Partial<Engine> = {}): FakeEngine {
  return fakeEngine({
    facts: () => Promise.resolve(CLASSIC),
    classicBuild: () => Promise.resolve({ ok: true, imageId: 'sha256:base', steps: [] }),
    classicStamp: () => Promise.resolve({ ok: true }),
    inspectImage: () =>
      Promise.resolve(
        image(STAMPED_ID, [`${IMAGE}@${PUSHED}`], { env: [`SHA=${SHA}`], labels: { [REVISION_LABEL]: SHA } }),
      ),
    runContainer: () => Promise.resolve('c0ffee'),
    inspectContainer: () => Promise.resolve(container()),
    removeContainer: () => Promise.resolve('removed'),
    tagImage: () => Promise.resolve(),
    push: () => Promise.resolve({ ok: true, error: '', digest: PUSHED }),
    ...overrides,
  });
}

function reporter(): { reporter: Reporter; failed: string[]; warnings: string[]; outputs: Record<string, string> } {
  const failed: string[] = [];
  const warnings: string[] = [];
  const outputs: Record<string, string> = {};
  const quiet = (): undefined => undefined;
  return {
    failed,
    warnings,
    outputs,
    reporter: {
      command: quiet,
      output: quiet,
      phaseStarted: quiet,
      phaseEnded: quiet,
      info: quiet,
      warning: (message) => warnings.push(message),
      annotation: quiet,
      details: quiet,
      secret: quiet,
      failed: (message) => failed.push(message),
      outputs: (values) => Object.assign(outputs, values),
      summary: () => Promise.resolve(),
    },
  };
}

function run(
  fake: FakeEngine,
  inputs: Record<string, string>,
  told: Reporter = reporter().reporter,
): Promise<RunReport & { said: string[] }> {
  const values: Record<string, string> = {
    ...Object.fromEntries(ACTION_INPUTS.map((spec) => [spec.name, spec.default ?? ''])),
    image: IMAGE,
    sha: SHA,
    context: workspace,
    prune: 'false',
    'cache-from': 'none',
    'test-on': 'runner',
    'push-retries': '0',
    ...inputs,
  };
  return runLoop(fake, () => parseInputs((name) => values[name] ?? ''), told, {
    env: {},
    workspace,
    sourceUrl: undefined,
    naming: ACTION_NAMING,
    onLeftovers: () => undefined,
  }).then((report) => ({ ...report, said: fake.said() }));
}

describe('runLoop against a fake engine', () => {
  // The registry does not answer the push's read-back: the digest is docker's record of the push.
  beforeEach(() => vi.stubGlobal('fetch', () => Promise.reject(new TypeError('fetch failed'))));
  afterEach(() => vi.unstubAllGlobals());

  it('tests that fail: nothing is pushed, nobody logs in, the container is removed', async () => {
    const fake = engine();
    const report = await run(fake, {
      'test-command': 'exit 3',
      deploy: 'true',
      'registry-username': 'ci',
      'registry-password': 'secret',
    });
    expect(report.failure).toContain('Tests failed: the test command exited with status 3');
    expect(report.pushed).toBe(false);
    const name = report.said[4]?.slice('runContainer '.length) ?? '';
    expect(report.said).toEqual([
      'facts',
      'classicBuild',
      'classicStamp',
      `inspectImage ${IMAGE}:d24155b`,
      `runContainer ${name}`,
      `inspectContainer ${name}`,
      `removeContainer ${name}`,
    ]);
    expect(report.said.some((call) => /^(push|login|tagImage)/.test(call))).toBe(false);
  });

  it('a container that does not come up: no test runs, nothing is pushed', async () => {
    const fake = engine({
      inspectContainer: () => Promise.resolve(container({ status: 'exited', exitCode: 1 })),
      findContainer: () => Promise.resolve(container({ status: 'exited', exitCode: 1 })),
      containerLogs: () => Promise.resolve(''),
    });
    const report = await run(fake, { 'test-command': 'touch ran', deploy: 'true' });
    expect(report.failure).toContain('exited with code 1');
    expect(report.testExitCode).toBeUndefined();
    expect(report.said.some((call) => call.startsWith('push'))).toBe(false);
  });

  it('tests that pass: the sha tag, then latest, pushed after the test, logged in once and out at the end', async () => {
    const fake = engine({
      login: () => Promise.resolve({ ok: true, error: '', config: '/tmp/build-test-deploy-docker-config-x1' }),
      logout: () => Promise.resolve({ ok: true, error: '' }),
    });
    const report = await run(fake, {
      'test-command': 'exit 0',
      deploy: 'true',
      'registry-username': 'ci',
      'registry-password': 'secret',
    });
    expect(report.failure).toBeUndefined();
    expect(report.testExitCode).toBe(0);
    const name = report.said[4]?.slice('runContainer '.length) ?? '';
    expect(name).toMatch(/^app-d24155b-local-1-[0-9a-f]{6}$/);
    expect(report.said).toEqual([
      'facts',
      'classicBuild',
      'classicStamp',
      `inspectImage ${IMAGE}:d24155b`,
      `runContainer ${name}`,
      `inspectContainer ${name}`,
      'login localhost:5000',
      `tagImage ${STAMPED_ID}`,
      `tagImage ${STAMPED_ID}`,
      `push ${IMAGE}:d24155b`,
      `push ${IMAGE}:latest`,
      `inspectImage ${STAMPED_ID}`,
      `removeContainer ${name}`,
      'logout localhost:5000',
    ]);
    // The password reaches the engine's login, never an argument of another call.
    expect(fake.calls.find((call) => call.operation === 'login')?.args).toEqual(['localhost:5000', 'ci', 'secret']);
    // The logout removes the config folder the login was kept in.
    expect(fake.calls.find((call) => call.operation === 'logout')?.args).toEqual([
      'localhost:5000',
      '/tmp/build-test-deploy-docker-config-x1',
    ]);
  });

  it('a job summary the runner cannot take: the run that passed still passes, and says so', async () => {
    const told = reporter();
    const report = await run(
      engine(),
      { 'test-command': 'exit 0' },
      {
        ...told.reporter,
        summary: () => Promise.reject(new Error('ENOSPC: no space left on device')),
      },
    );
    expect(report.failure).toBeUndefined();
    expect(told.warnings).toContain('The job summary was not written: ENOSPC: no space left on device');
  });

  it.each([
    ['fail', 'exit 3', 'Tests failed: the test command exited with status 3'],
    ['pass', 'exit 0', 'Could not copy test reports /app/reports'],
  ])(
    "reports that cannot be copied, tests that %s: the verdict is the tests' own first",
    async (_case, command, failure) => {
      const told = reporter();
      const fake = engine({
        copyFromContainer: () =>
          Promise.resolve({ ok: false, error: 'Error: No such container:path: c0ffee:/app/reports' }),
      });
      const report = await run(fake, { 'test-command': command, 'test-reports': '/app/reports' }, told.reporter);
      expect(report.failure).toContain(failure);
      if (command === 'exit 3')
        expect(told.warnings.some((w) => w.startsWith('The test reports were not collected: Could not copy'))).toBe(
          true,
        );
    },
  );

  it("a mirror refused after the image's own repository got both tags: the run fails, the outputs say what is true", async () => {
    const fake = engine({
      push: (ref: string) =>
        Promise.resolve(
          ref.includes('/mirror:')
            ? { ok: false, error: 'denied: requested access to the resource is denied', digest: undefined }
            : { ok: true, error: '', digest: PUSHED },
        ),
      removeImages: () => Promise.resolve({ ok: true, error: '' }),
    });
    const told = reporter();
    const report = await run(
      fake,
      { 'test-command': 'exit 0', deploy: 'true', 'also-push': 'localhost:5000/acme/mirror' },
      told.reporter,
    );
    expect(report.failure).toContain('localhost:5000/acme/mirror:d24155b');
    expect(report.pushed).toBe(true);
    expect(report.digest).toBe(PUSHED);
    expect(report.digests).toEqual({ [IMAGE]: PUSHED });
    expect(told.outputs).toMatchObject({
      pushed: 'true',
      digest: PUSHED,
      digests: JSON.stringify({ [IMAGE]: PUSHED }),
    });
  });
});
