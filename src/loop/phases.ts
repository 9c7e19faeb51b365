import { mkdir, readFile } from 'node:fs/promises';
import * as path from 'node:path';
import type { Engine } from '../docker/engine.js';
import {
  BAKE_FS_ENTITLEMENTS_BUILDX,
  describeImageStore,
  engineLocation,
  versionAtLeast,
  type EngineFacts,
} from '../docker/engine-facts.js';
import type { InputNaming } from '../shared/field-parser.js';
import { familiarName } from '../shared/image-reference.js';
import { withEnvGroup } from '../shared/service-env.js';
import { writeWhole } from '../shared/write-whole.js';
import { checkedWorkspacePath } from '../shared/workspace-path.js';
import { REPOSITORY_LABEL } from '../shared/vocabulary.js';
import { buildImage, ociLabels, type BuiltImage } from './build.js';
import { imageCadenceMs, planHealthCadence, START_INTERVAL_MS, type HealthCadence } from './health-cadence.js';
import { describeCache, planCache, registryRef, type CachePlan } from './cache.js';
import type { Leftovers } from './cleanup.js';
import { resolveCommit, type Commit } from './commit.js';
import { containerName } from './container.js';
import type { BackgroundWork } from './background.js';
import type { Inputs } from './inputs.js';
import { pruneImages, type PruneListing } from './prune.js';
import { login, pushTags } from './push.js';
import type { Reporter } from './reporter.js';
import { serviceRecord, type RunReport } from './run-report.js';
import { holdContainerTest, runTests, type TestOutcome, type TestRequest } from './test-phase.js';
import { collectReports } from './test-reports.js';
import { waitUntilReady } from './wait-ready.js';

// The phases of the loop, in the order src/loop/run.ts runs them. Each takes what it needs of the run and
// turns the inputs into its own request type (BuildRequest, PrunePolicy, TestRequest, PushRequest).

/** What a face knows of where the loop runs. */
export interface LoopSettings {
  /** GITHUB_SHA, GITHUB_RUN_ID and GITHUB_RUN_ATTEMPT when set; DOCKER_HOST or DOCKER_CONTEXT for messages. */
  readonly env: NodeJS.ProcessEnv;
  /** Where a runner-side test runs, and what reports-dir is relative to. */
  readonly workspace: string;
  /** The repository's URL, for the OCI source label. */
  readonly sourceUrl: string | undefined;
  /** How problems name an input: `Input 'builder'`, or `--builder`. */
  readonly naming: InputNaming;
  /** Told each time what must be undone changes (the action saves it for its post step). */
  readonly onLeftovers: (leftovers: Leftovers) => void;
}

/** One run of the loop: its inputs, what it found out so far, where it reports, what it must undo. */
export interface LoopRun {
  /** The docker engine the loop works on. */
  readonly engine: Engine;
  readonly inputs: Inputs;
  readonly report: RunReport;
  readonly reporter: Reporter;
  readonly settings: LoopSettings;
  readonly leftovers: Leftovers;
  /** Work off the critical path (the build's tidying), started once the container runs. */
  readonly background: BackgroundWork;
}

export class TestsTimedOutError extends Error {
  constructor(seconds: number, container: string) {
    super(
      `Tests timed out: the test command ran longer than test-timeout (${seconds} s) and was stopped (container ${container}); nothing was pushed.`,
    );
    this.name = 'TestsTimedOutError';
  }
}

export class TestsFailedError extends Error {
  constructor(
    readonly exitCode: number,
    container: string,
  ) {
    super(
      `Tests failed: the test command exited with status ${exitCode} in container ${container}; nothing was pushed.`,
    );
    this.name = 'TestsFailedError';
  }
}

/** Runs one phase of the loop, told to the reporter as one, and records how long it took. */
export async function phase<T>(
  report: RunReport,
  reporter: Reporter,
  name: string,
  work: () => Promise<T>,
): Promise<T> {
  const started = performance.now();
  let ok = false;
  reporter.phaseStarted(name);
  try {
    const result = await work();
    ok = true;
    return result;
  } finally {
    const seconds = (performance.now() - started) / 1000;
    report.phases.push({ name, seconds, ok });
    reporter.phaseEnded(name, seconds, ok);
  }
}

/** What the check settles for the phases after it: the commit, and the tags the image gets. */
export interface Target {
  readonly sha: string;
  /** The sha tag: the first tag-length characters of the sha. */
  readonly tag: string;
  /** `image:<tag>`, what is run, tested and pushed. */
  readonly imageRef: string;
  readonly latestRef: string;
}

/** What the check found: the engine, the commit and its tags, and the cache plan. */
export interface Checked {
  readonly facts: EngineFacts;
  readonly commit: Commit;
  readonly target: Target;
  readonly cache: CachePlan;
}

/** Bake's `target:` contexts and `--provenance` (see docs/adr/0003-one-bake-for-build-and-stamp.md). */
export const MINIMUM_BUILDX = '0.10.0';

/** Checks the engine and finds the commit, side by side; names the sha tag; plans the cache. */
export async function checkPhase(run: LoopRun): Promise<Checked> {
  const { inputs, report, reporter } = run;
  for (const notice of inputs.notices) reporter.warning(notice);
  report.notices.push(...inputs.notices);
  const checked = await phase(report, reporter, `Check the engine and the commit`, () => check(run));
  report.image = inputs.image.name;
  report.envPrefix = inputs.envPrefix;
  report.sha = checked.target.sha;
  report.tag = checked.target.tag;
  report.imageRef = checked.target.imageRef;
  report.latestRef = checked.target.latestRef;
  return checked;
}

async function check({ engine, inputs, reporter, settings }: LoopRun): Promise<Checked> {
  const { naming } = settings;
  const [facts, commit, driver] = await Promise.all([
    engine.facts(),
    resolveCommit(inputs.sha, inputs.context, settings.env.GITHUB_SHA, naming),
    // Only cache specs need the driver (auto works on every one): no extra docker call otherwise.
    inputs.cacheFrom.specs.length + inputs.cacheTo.specs.length > 0 ? engine.builderDriver(inputs.builder) : undefined,
  ]);
  reporter.info(
    `Docker engine ${facts.version} (${engineLocation(settings.env)}) with ${describeImageStore(facts.imageStore)}; builder: ${facts.buildx ? `buildx${inputs.builder === '' ? '' : ` ${inputs.builder}`}` : 'classic (no buildx)'}.`,
  );
  if (facts.buildxVersion !== undefined && !versionAtLeast(facts.buildxVersion, MINIMUM_BUILDX)) {
    throw new Error(
      `docker buildx ${facts.buildxVersion} is installed, but builds need buildx ${MINIMUM_BUILDX} or later (bake's target: contexts, --provenance); update buildx, or remove it to build with the classic builder.`,
    );
  }
  if (!facts.buildx && inputs.buildSecrets.length > 0) {
    throw new Error(
      `${naming.subject('build-secrets')} needs BuildKit, but docker buildx is not installed for this docker CLI; secrets are never passed as build args (those stay readable in the image history). Install buildx (e.g. docker/setup-buildx-action) or drop ${naming.name('build-secrets')}.`,
    );
  }
  if (!facts.buildx && inputs.builder !== '') {
    throw new Error(
      `${naming.subject('builder')} is "${inputs.builder}", but docker buildx is not installed for this docker CLI; expected buildx with that builder, or an empty ${naming.name('builder')}.`,
    );
  }
  const cache = planCache(
    inputs.cacheFrom,
    inputs.cacheTo,
    inputs.image,
    facts.buildx
      ? { kind: 'buildx', name: inputs.builder, driver, containerdStore: facts.imageStore.kind === 'containerd' }
      : { kind: 'legacy' },
    naming,
  );
  const tag = commit.sha.slice(0, inputs.tagLength);
  const target = {
    sha: commit.sha,
    tag,
    imageRef: `${inputs.image.name}:${tag}`,
    latestRef: `${inputs.image.name}:latest`,
  };
  reporter.info(`Commit ${commit.sha} (from ${commit.source}) → ${target.imageRef}`);
  return { facts, commit, target, cache };
}

/** The repository's name as `docker image ls` prints it, which the prune goes by. */
export function pruneRepository(inputs: Inputs): string {
  return familiarName(inputs.image);
}

export async function prunePhase(
  { engine, inputs, report, reporter }: LoopRun,
  { facts, target }: Checked,
  listing: Promise<PruneListing>,
): Promise<void> {
  const repository = pruneRepository(inputs);
  const dryRun = inputs.prune === 'dry-run';
  const pruning = await phase(
    report,
    reporter,
    `Prune ${dryRun ? '(dry run) ' : ''}stale tags of ${repository}`,
    async () =>
      pruneImages(
        engine,
        dryRun ? 'dry-run' : 'on',
        {
          repository,
          keepTags: new Set(['latest', target.tag]),
          keepNewest: inputs.pruneKeep,
          graceSeconds: inputs.pruneGraceSeconds,
        },
        { imageStore: facts.imageStore, buildsRecordParents: !facts.buildx },
        await listing,
        reporter,
      ),
  );
  report.pruned = pruning.removed.length;
  report.reclaimedBytes = pruning.reclaimedBytes;
}

/** Logs in to the image's registry once, if credentials were given and not yet used; undone by the clean-up. */
async function logIn({ engine, inputs, reporter, settings, leftovers }: LoopRun, retries: number): Promise<void> {
  if (inputs.registryAuth === undefined || leftovers.loggedInRegistry === inputs.image.registry) return;
  leftovers.loginConfig = await login(engine, inputs.image.registry, inputs.registryAuth, retries, reporter);
  leftovers.loggedInRegistry = inputs.image.registry;
  settings.onLeftovers(leftovers);
}

/** Builds and stamps the image, tagged with the sha tag and :latest; says what the cache did; returns it. */
export async function buildPhase(run: LoopRun, { facts, commit, target, cache }: Checked): Promise<BuiltImage> {
  const { inputs, report, reporter, settings } = run;
  const built = await phase(report, reporter, `Build ${target.imageRef}, tag ${target.latestRef}`, async () => {
    // The cache pull comes first: with credentials, log in before it. A login refused here is a cache miss;
    // the push logs in again and fails then, if it must.
    if (cache.pull.length > 0 || cache.from.some((spec) => registryRef(spec) !== undefined)) {
      await logIn(run, 0).catch((error: unknown) =>
        reporter.warning(`cache: ${(error as Error).message}; the build goes on without that login.`),
      );
    }
    const result = await buildImage(
      run.engine,
      {
        context: inputs.context,
        file: inputs.file,
        buildArgs: inputs.buildArgs,
        target: inputs.target,
        shaEnv: inputs.shaEnv,
        builder: facts.buildx
          ? {
              kind: 'buildx',
              name: inputs.builder,
              fsEntitlements: versionAtLeast(facts.buildxVersion ?? '0', BAKE_FS_ENTITLEMENTS_BUILDX),
            }
          : { kind: 'legacy' },
        secrets: inputs.buildSecrets,
        tags: [target.imageRef, target.latestRef],
        labels: [
          ...ociLabels({ sha: commit.sha, created: commit.created, sourceUrl: settings.sourceUrl }, inputs.labels),
          { key: REPOSITORY_LABEL, value: familiarName(inputs.image) },
        ],
        sha: commit.sha,
        cache,
      },
      reporter,
    );
    reporter.info(describeCache(result.cache));
    return result;
  });
  run.background.defer(built.tidy);
  report.imageId = built.imageId;
  report.cache = built.cache;
  return built;
}

/** How the container's health check is asked while it starts (see health-cadence.ts), said in the log. */
export function healthCadenceFor({ inputs, reporter }: LoopRun, facts: EngineFacts, built: BuiltImage): HealthCadence {
  const cadence = planHealthCadence({
    check: built.healthcheck,
    shell: built.shell,
    waitFor: inputs.waitFor,
    runArgs: inputs.runArgs,
    engineVersion: facts.version,
    waitTimeoutSeconds: inputs.waitTimeoutSeconds,
  });
  if (cadence.kind === 'engine')
    reporter.info(
      `Health check: asked every ${START_INTERVAL_MS / 1000} s while the container starts (${cadence.runArgs.join(' ')}).`,
    );
  if (cadence.kind === 'action')
    reporter.info(
      `Health check: Docker ${facts.version} has no --health-start-interval; the action runs the image's check (${cadence.command.join(' ')}) every ${START_INTERVAL_MS / 1000} s while the container starts.`,
    );
  return cadence;
}

/** Starts a container of the sha tag (`docker run`); returns its name. */
export async function startContainerPhase(
  { engine, inputs, report, reporter, settings, leftovers }: LoopRun,
  target: Target,
  cadence: HealthCadence,
): Promise<string> {
  const name = containerName(
    inputs.image.path,
    target.tag,
    settings.env.GITHUB_RUN_ID,
    settings.env.GITHUB_RUN_ATTEMPT,
  );
  // Told before `docker run`, so the action's post removes the container even if this process dies right after.
  leftovers.container = name;
  settings.onLeftovers(leftovers);
  await phase(report, reporter, `Run ${target.imageRef} as ${name}`, () =>
    engine.runContainer(
      name,
      [...inputs.runArgs, ...(cadence.kind === 'engine' ? cadence.runArgs : [])],
      target.imageRef,
    ),
  );
  return name;
}

/** Waits until the container is ready, then runs the tests against it; undefined when there are none. */
export async function waitAndTestPhases(
  { engine, inputs, report, reporter, settings }: LoopRun,
  target: Target,
  cadence: HealthCadence,
  name: string,
  /** What the container must run: run-args that made docker run another image fail the wait. */
  imageId: string,
): Promise<TestOutcome | undefined> {
  // The in-container test's `docker exec` starts now and waits at a gate for the container to be ready.
  const held =
    inputs.testCommand !== '' && inputs.testOn === 'container'
      ? holdContainerTest(engine, {
          command: inputs.testCommand,
          user: inputs.testUser,
          env: inputs.testEnv,
          container: { name },
        })
      : undefined;
  try {
    const readiness = await phase(report, reporter, `Wait until ${name} is ready`, async () => {
      const ready = await waitUntilReady(engine, name, inputs.waitFor, inputs.waitTimeoutSeconds, cadence, imageId);
      reporter.info(
        `Container ${name} is ready (${ready.condition}) after ${ready.seconds.toFixed(3)} s${ready.how === undefined ? '' : `, by ${ready.how}`}.`,
      );
      if (ready.how !== undefined && cadence.kind !== 'image') {
        const imageCadence = imageCadenceMs(cadence.check, ready.seconds * 1000) / 1000;
        report.imageCadenceSeconds = imageCadence;
        reporter.info(
          `At the image's own cadence (a check every ${cadence.check.intervalMs / 1000} s) it would have been found healthy after ${imageCadence} s at the earliest.`,
        );
      }
      return ready;
    });
    report.readySeconds = readiness.seconds;
    if (inputs.testCommand === '') {
      reporter.info(`No ${settings.naming.name('test-command')} given: the test phase is skipped.`);
      return undefined;
    }
    const where = inputs.testOn === 'container' ? `inside ${name}` : 'on the runner';
    return await phase(report, reporter, `Test ${where} (${readiness.condition})`, async () => {
      const test: TestRequest = {
        command: inputs.testCommand,
        on: inputs.testOn,
        user: inputs.testUser,
        env: inputs.testEnv,
        timeoutSeconds: inputs.testTimeoutSeconds,
        container: { id: readiness.container.id, name, imageRef: target.imageRef, ports: readiness.container.ports },
        workspace: settings.workspace,
      };
      const outcome = held === undefined ? await runTests(engine, test) : await held.release(test);
      report.testExitCode = outcome.exitCode;
      return outcome;
    });
  } finally {
    held?.cancel();
  }
}

export async function collectReportsPhase(
  { engine, inputs, report, reporter, settings }: LoopRun,
  name: string,
): Promise<void> {
  const reports = await phase(report, reporter, `Collect test reports from ${name}:${inputs.testReports}`, () =>
    collectReports(
      engine,
      name,
      inputs.testReports,
      // Again, just before the copy: tests on the runner may have put a link there meanwhile.
      checkedWorkspacePath(settings.workspace, inputs.reportsDir, settings.naming.subject('reports-dir')),
      reporter,
    ),
  );
  report.reportsDir = reports.dir;
  report.junit = reports.counts;
}

/** Tests that failed or timed out end the run here: nothing is pushed. */
export function failUnlessPassed({ inputs }: LoopRun, tests: TestOutcome | undefined, name: string): void {
  if (tests?.timedOut === true) throw new TestsTimedOutError(inputs.testTimeoutSeconds, name);
  if (tests !== undefined && tests.exitCode !== 0) throw new TestsFailedError(tests.exitCode, name);
}

/** Logs in if credentials were given (unless the build did), pushes the sha tag then :latest everywhere, reads the digests. */
export async function pushPhase(run: LoopRun, target: Target, imageId: string): Promise<void> {
  const { inputs, report, reporter } = run;
  const mirrors = inputs.alsoPush.length === 0 ? '' : ` (and to ${inputs.alsoPush.length} more)`;
  await phase(report, reporter, `Push ${target.imageRef} and ${target.latestRef}${mirrors}`, async () => {
    if (inputs.testCommand === '')
      reporter.warning('deploy without a test-command: the image is pushed once its container was ready, untested.');
    await logIn(run, inputs.pushRetries);
    // Recorded per repository as each is done: when a mirror fails after the image's own repository got both
    // tags, the outputs say that it did (pushed, its digest) and which mirrors got them.
    await pushTags(
      run.engine,
      {
        repositories: [inputs.image, ...inputs.alsoPush],
        built: inputs.image,
        tag: target.tag,
        imageId,
        retries: inputs.pushRetries,
        auth: inputs.registryAuth,
      },
      reporter,
      (repository, { digest, mediaType }) => {
        report.digests = { ...report.digests, [repository]: digest };
        if (repository !== inputs.image.name) return;
        report.digest = digest;
        report.manifestType = mediaType;
        report.pushed = true;
      },
    );
  });
}

/** Puts the run's record into env-file, in place of an earlier group of its prefix (written whole, then renamed). */
export async function envFilePhase({ inputs, report, reporter, settings }: LoopRun): Promise<void> {
  await phase(report, reporter, `Record ${report.envPrefix}_* in ${inputs.envFile}`, async () => {
    // Again, just before the write: the tests may have put a link on the way meanwhile.
    const file = checkedWorkspacePath(settings.workspace, inputs.envFile, settings.naming.subject('env-file'));
    const before = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return '';
      throw error;
    });
    await mkdir(path.dirname(file), { recursive: true });
    await writeWhole(file, withEnvGroup(before, serviceRecord(report)));
    reporter.info(
      `${file} has ${report.envPrefix}_IMAGE, _SHA, _TAG${report.pushed ? ', _DIGEST' : ''} and _IMAGE_REF.`,
    );
  });
}
