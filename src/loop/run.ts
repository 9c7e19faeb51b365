import * as path from 'node:path';
import { checkEngine, describeImageStore, engineLocation } from '../docker/engine.js';
import { killTracked } from '../process/children.js';
import { setCommandLog } from '../process/command-log.js';
import type { InputNaming } from '../shared/field-parser.js';
import { familiarName } from '../shared/image-reference.js';
import { REPOSITORY_LABEL } from '../shared/vocabulary.js';
import { buildImage, ociLabels } from './build.js';
import { cleanUp, type Leftovers } from './cleanup.js';
import { resolveCommit } from './commit.js';
import { containerName, startContainer } from './container.js';
import type { Inputs } from './inputs.js';
import { pruneImages } from './prune.js';
import { login, pushTags } from './push.js';
import type { Reporter } from './reporter.js';
import { emptyReport, outputsOf, type RunReport } from './run-report.js';
import { holdContainerTest, runTests, type TestOutcome, type TestRun } from './test-phase.js';
import { collectReports } from './test-reports.js';
import { ContainerNotReadyError, LOG_TAIL_LINES, waitUntilReady } from './wait-ready.js';

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

/**
 * The loop: prune, build, tag, run, wait until ready, test, push; then clean up and report outputs and the
 * summary, also when a phase failed. SIGINT or SIGTERM stops what runs, cleans up and exits 130 or 143.
 */
export async function runLoop(
  readInputs: () => Inputs,
  reporter: Reporter,
  settings: LoopSettings,
): Promise<RunReport> {
  setCommandLog(reporter);
  const report = emptyReport();
  const leftovers: Leftovers = { container: '', loggedInRegistry: '' };
  const finish = async (): Promise<void> => {
    if (leftovers.container !== '' || leftovers.loggedInRegistry !== '') {
      await phase(report, reporter, 'Clean up', async () => settings.onLeftovers(await cleanUp(leftovers, reporter)));
    }
    reporter.outputs(outputsOf(report));
    await reporter.summary(report);
  };
  const cancellation = cleanUpWhenCancelled(report, reporter, finish);
  try {
    await runPhases(readInputs(), report, reporter, { ...settings, leftovers });
  } catch (error) {
    // A cancelled run's own errors (its streams were stopped) say nothing new.
    if (cancellation.cancelled()) return report;
    if (error instanceof ContainerNotReadyError) {
      reporter.details(
        `Diagnosis: state, health probes and last ${LOG_TAIL_LINES} log lines of ${error.container}`,
        error.diagnosis,
      );
    }
    report.failure = (error as Error).message;
    reporter.failed(report.failure);
  } finally {
    // Once cancelled, the signal handler owns the clean-up, outputs and summary: not twice, not side by side,
    // and its handlers stay, so the runner's SIGTERM after SIGINT does not cut that clean-up short.
    if (!cancellation.cancelled()) {
      cancellation.stop();
      await finish();
    }
  }
  return report;
}

/**
 * A runner cancels a job with SIGINT, then SIGTERM; a terminal sends SIGINT on Ctrl-C: stop what runs,
 * remove the container, undo the login, then exit. Nothing here waits for a post step.
 */
function cleanUpWhenCancelled(
  report: RunReport,
  reporter: Reporter,
  finish: () => Promise<void>,
): { stop: () => void; cancelled: () => boolean } {
  let cancelled = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (cancelled) return; // SIGTERM after SIGINT: the clean-up already runs
    cancelled = true;
    killTracked();
    report.failure = `Cancelled (${signal})`;
    reporter.failed(`Cancelled (${signal}): removing what the run started.`);
    void finish().finally(() => {
      killTracked(); // what the interrupted flow started meanwhile (e.g. the next phase's docker call)
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    stop: () => {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
    cancelled: () => cancelled,
  };
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

/** The phases in order; each records itself in the report. */
async function runPhases(
  inputs: Inputs,
  report: RunReport,
  reporter: Reporter,
  settings: LoopSettings & { readonly leftovers: Leftovers },
): Promise<void> {
  const { naming, leftovers } = settings;
  const [engine, commit] = await Promise.all([
    checkEngine(settings.env),
    resolveCommit(inputs.sha, inputs.context, settings.env.GITHUB_SHA, naming),
  ]);
  reporter.info(
    `Docker engine ${engine.version} (${engineLocation(settings.env)}) with ${describeImageStore(engine.imageStore)}; builder: ${engine.buildx ? `buildx${inputs.builder === '' ? '' : ` ${inputs.builder}`}` : 'classic (no buildx)'}.`,
  );
  if (!engine.buildx && inputs.buildSecrets.length > 0) {
    throw new Error(
      `${naming.subject('build-secrets')} needs BuildKit, but docker buildx is not installed for this docker CLI; secrets are never passed as build args (those stay readable in the image history). Install buildx (e.g. docker/setup-buildx-action) or drop ${naming.name('build-secrets')}.`,
    );
  }
  if (!engine.buildx && inputs.builder !== '') {
    throw new Error(
      `${naming.subject('builder')} is "${inputs.builder}", but docker buildx is not installed for this docker CLI; expected buildx with that builder, or an empty ${naming.name('builder')}.`,
    );
  }
  const repository = familiarName(inputs.image);
  report.image = inputs.image.name;
  report.sha = commit.sha;
  report.tag = commit.sha.slice(0, inputs.tagLength);
  report.imageRef = `${inputs.image.name}:${report.tag}`;
  report.latestRef = `${inputs.image.name}:latest`;
  reporter.info(`Commit ${commit.sha} (from ${commit.source}) → ${report.imageRef}`);

  if (inputs.prune !== 'off') {
    const pruning = await phase(
      report,
      reporter,
      `Prune ${inputs.prune === 'dry-run' ? '(dry run) ' : ''}stale tags of ${repository}`,
      () =>
        pruneImages(
          inputs.prune === 'dry-run' ? 'dry-run' : 'on',
          {
            repository,
            keepTags: new Set(['latest', report.tag]),
            keepNewest: inputs.pruneKeep,
            graceSeconds: inputs.pruneGraceSeconds,
          },
          reporter,
        ),
    );
    report.pruned = pruning.removed.length;
    report.reclaimedBytes = pruning.reclaimedBytes;
  }

  report.imageId = await phase(report, reporter, `Build ${report.imageRef}, tag ${report.latestRef}`, () =>
    buildImage(
      {
        context: inputs.context,
        file: inputs.file,
        buildArgs: inputs.buildArgs,
        target: inputs.target,
        shaEnv: inputs.shaEnv,
        builder: engine.buildx
          ? { kind: 'buildx', name: inputs.builder, engineBuilder: engine.context }
          : { kind: 'legacy' },
        secrets: inputs.buildSecrets,
        tags: [report.imageRef, report.latestRef],
        labels: [
          ...ociLabels({ sha: commit.sha, created: commit.created, sourceUrl: settings.sourceUrl }, inputs.labels),
          { key: REPOSITORY_LABEL, value: repository },
        ],
        sha: commit.sha,
      },
      reporter,
    ),
  );

  const name = containerName(
    inputs.image.path,
    report.tag,
    settings.env.GITHUB_RUN_ID,
    settings.env.GITHUB_RUN_ATTEMPT,
  );
  // Told before `docker run`, so the action's post removes the container even if this process dies right after.
  leftovers.container = name;
  settings.onLeftovers(leftovers);
  await phase(report, reporter, `Run ${report.imageRef} as ${name}`, () =>
    startContainer(name, inputs.runArgs, report.imageRef),
  );

  // The in-container test's `docker exec` starts now and waits at a gate for the container to be ready.
  const held =
    inputs.testCommand !== '' && inputs.testOn === 'container'
      ? holdContainerTest({
          command: inputs.testCommand,
          user: inputs.testUser,
          env: inputs.testEnv,
          container: { name },
        })
      : undefined;
  let tests: TestOutcome | undefined;
  try {
    const readiness = await phase(report, reporter, `Wait until ${name} is ready`, async () => {
      const ready = await waitUntilReady(name, inputs.waitFor, inputs.waitTimeoutSeconds);
      reporter.info(`Container ${name} is ready (${ready.condition}) after ${ready.seconds.toFixed(3)} s.`);
      return ready;
    });
    report.readySeconds = readiness.seconds;

    if (inputs.testCommand !== '') {
      tests = await phase(
        report,
        reporter,
        `Test ${inputs.testOn === 'container' ? `inside ${name}` : 'on the runner'} (${readiness.condition})`,
        async () => {
          const run: TestRun = {
            command: inputs.testCommand,
            on: inputs.testOn,
            user: inputs.testUser,
            env: inputs.testEnv,
            timeoutSeconds: inputs.testTimeoutSeconds,
            container: {
              id: readiness.container.id,
              name,
              imageRef: report.imageRef,
              ports: readiness.container.ports,
            },
            workspace: settings.workspace,
          };
          const outcome = held === undefined ? await runTests(run) : await held.release(run);
          report.testExitCode = outcome.exitCode;
          return outcome;
        },
      );
    } else {
      reporter.info(`No ${naming.name('test-command')} given: the test phase is skipped.`);
    }
  } finally {
    held?.cancel();
  }

  // Reports are wanted most when the tests failed: collect them before failing.
  if (inputs.testReports !== '') {
    const reports = await phase(report, reporter, `Collect test reports from ${name}:${inputs.testReports}`, () =>
      collectReports(name, inputs.testReports, path.resolve(settings.workspace, inputs.reportsDir), reporter),
    );
    report.reportsDir = reports.dir;
    report.junit = reports.counts;
  }
  if (tests?.timedOut === true) throw new TestsTimedOutError(inputs.testTimeoutSeconds, name);
  if (tests !== undefined && tests.exitCode !== 0) throw new TestsFailedError(tests.exitCode, name);

  if (inputs.deploy) {
    const repositories = [inputs.image, ...inputs.alsoPush];
    await phase(
      report,
      reporter,
      `Push ${report.imageRef} and ${report.latestRef}${inputs.alsoPush.length === 0 ? '' : ` (and to ${inputs.alsoPush.length} more)`}`,
      async () => {
        if (inputs.registryAuth !== undefined) {
          await login(inputs.image.registry, inputs.registryAuth, inputs.pushRetries, reporter);
          leftovers.loggedInRegistry = inputs.image.registry;
          settings.onLeftovers(leftovers);
        }
        report.digests = await pushTags(
          {
            repositories,
            built: inputs.image,
            tag: report.tag,
            imageId: report.imageId,
            retries: inputs.pushRetries,
            auth: inputs.registryAuth,
          },
          reporter,
        );
        report.digest = report.digests[inputs.image.name] ?? '';
        report.pushed = true;
      },
    );
  }
}
