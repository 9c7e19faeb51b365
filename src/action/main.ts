import * as core from '@actions/core';
import * as path from 'node:path';
import { Context } from '@actions/github/lib/context.js';
import { buildImage, ociLabels } from '../loop/build.js';
import { killTracked } from '../process/children.js';
import { cleanUp, saveLeftovers } from '../loop/cleanup.js';
import { resolveCommit } from '../loop/commit.js';
import { containerName, startContainer } from '../loop/container.js';
import { checkEngine, describeImageStore, engineLocation } from '../docker/engine.js';
import { familiarName } from '../shared/image-reference.js';
import { readInputs, type Inputs } from '../loop/inputs.js';
import { pruneImages, REPOSITORY_LABEL } from '../loop/prune.js';
import { STATE, type Leftovers } from './saved-state.js';
import { login, pushTags } from '../loop/push.js';
import { emptyReport, outputsOf, phase, writeSummary, type RunReport } from '../loop/run-report.js';
import { holdContainerTest, runTests, type TestOutcome, type TestRun } from '../loop/test-phase.js';
import { collectReports } from '../loop/test-reports.js';
import { ContainerNotReadyError, LOG_TAIL_LINES, waitUntilReady } from '../loop/wait-ready.js';

export class TestsTimedOutError extends Error {
  constructor(seconds: number, container: string) {
    super(`Tests timed out: the test command ran longer than test-timeout (${seconds} s) and was stopped (container ${container}); nothing was pushed.`);
    this.name = 'TestsTimedOutError';
  }
}

export class TestsFailedError extends Error {
  constructor(readonly exitCode: number, container: string) {
    super(`Tests failed: the test command exited with status ${exitCode} in container ${container}; nothing was pushed.`);
    this.name = 'TestsFailedError';
  }
}

/** The repository's URL for the OCI source label, from the workflow's context. */
function sourceUrl(): string | undefined {
  if (process.env.GITHUB_REPOSITORY === undefined || process.env.GITHUB_REPOSITORY === '') return undefined;
  // @actions/github's Context alone: its entry point also builds an Octokit client, which this does not need.
  const context = new Context();
  return `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}`;
}

/** The loop: prune, build, run, wait until ready, test, push. Every failure fails the step. */
export async function runMain(): Promise<void> {
  // The same bundle runs again as post: this tells it so.
  core.saveState(STATE.isPost, 'true');
  const report = emptyReport();
  const leftovers: Leftovers = { container: '', loggedInRegistry: '' };
  const cancellation = cleanUpWhenCancelled(report, leftovers);
  try {
    const inputs = readInputs();
    await runLoop(inputs, report, leftovers);
  } catch (error) {
    // A cancelled run's own errors (its streams were stopped) say nothing new.
    if (cancellation.cancelled()) return;
    if (error instanceof ContainerNotReadyError) {
      core.startGroup(`Diagnosis: state, health probes and last ${LOG_TAIL_LINES} log lines of ${error.container}`);
      core.info(error.diagnosis);
      core.endGroup();
    }
    report.failure = (error as Error).message;
    core.setFailed(report.failure);
  } finally {
    // Once cancelled, the signal handler owns the clean-up, outputs and summary: not twice, not side by side,
    // and its handlers stay, so the runner's SIGTERM after SIGINT does not cut that clean-up short.
    if (!cancellation.cancelled()) {
      cancellation.stop();
      await finish(report, leftovers);
    }
  }
}

/** Undo what the run left, then report: outputs and the job summary. */
async function finish(report: RunReport, leftovers: Leftovers): Promise<void> {
  if (leftovers.container !== '' || leftovers.loggedInRegistry !== '') {
    await core.group('Clean up', async () => saveLeftovers(await cleanUp(leftovers)));
  }
  for (const [name, value] of Object.entries(outputsOf(report))) core.setOutput(name, value);
  await writeSummary(report);
}

/**
 * The runner cancels a job with SIGINT, then SIGTERM: stop what runs, remove the container, undo the
 * login, then exit. Post does the same again from the saved state if this process is killed outright.
 */
function cleanUpWhenCancelled(report: RunReport, leftovers: Leftovers): { stop: () => void; cancelled: () => boolean } {
  let cancelled = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    if (cancelled) return; // SIGTERM after SIGINT: the clean-up already runs
    cancelled = true;
    killTracked();
    report.failure = `Cancelled (${signal})`;
    core.setFailed(`Cancelled (${signal}): removing what the run started.`);
    void finish(report, leftovers).finally(() => {
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

async function runLoop(inputs: Inputs, report: RunReport, leftovers: Leftovers): Promise<void> {
  const [engine, commit] = await Promise.all([checkEngine(), resolveCommit(inputs.sha, inputs.context, process.env.GITHUB_SHA)]);
  core.info(`Docker engine ${engine.version} (${engineLocation(process.env)}) with ${describeImageStore(engine.imageStore)}; builder: ${engine.buildx ? `buildx${inputs.builder === '' ? '' : ` ${inputs.builder}`}` : 'classic (no buildx)'}.`);
  if (!engine.buildx && inputs.buildSecrets.length > 0) {
    throw new Error("Input 'build-secrets' needs BuildKit, but docker buildx is not installed for this docker CLI; secrets are never passed as build args (those stay readable in the image history). Install buildx (e.g. docker/setup-buildx-action) or drop build-secrets.");
  }
  if (!engine.buildx && inputs.builder !== '') {
    throw new Error(`Input 'builder' is "${inputs.builder}", but docker buildx is not installed for this docker CLI; expected buildx with that builder, or an empty builder.`);
  }
  const repository = familiarName(inputs.image);
  const workspace = process.env.GITHUB_WORKSPACE ?? process.cwd();
  report.image = inputs.image.name;
  report.sha = commit.sha;
  report.tag = commit.sha.slice(0, inputs.tagLength);
  report.imageRef = `${inputs.image.name}:${report.tag}`;
  report.latestRef = `${inputs.image.name}:latest`;
  core.info(`Commit ${commit.sha} (from ${commit.source}) → ${report.imageRef}`);

  if (inputs.prune !== 'off') {
    const pruning = await phase(report, `Prune ${inputs.prune === 'dry-run' ? '(dry run) ' : ''}stale tags of ${repository}`, () => pruneImages(inputs.prune === 'dry-run' ? 'dry-run' : 'on', {
      repository,
      keepTags: new Set(['latest', report.tag]),
      keepNewest: inputs.pruneKeep,
      graceSeconds: inputs.pruneGraceSeconds,
    }));
    report.pruned = pruning.removed.length;
    report.reclaimedBytes = pruning.reclaimedBytes;
  }

  const source = sourceUrl();
  report.imageId = await phase(report, `Build ${report.imageRef}, tag ${report.latestRef}`, () => buildImage({
    context: inputs.context,
    file: inputs.file,
    buildArgs: inputs.buildArgs,
    target: inputs.target,
    shaEnv: inputs.shaEnv,
    builder: engine.buildx ? { kind: 'buildx', name: inputs.builder, engineBuilder: engine.context } : { kind: 'legacy' },
    secrets: inputs.buildSecrets,
    tags: [report.imageRef, report.latestRef],
    labels: [...ociLabels({ sha: commit.sha, created: commit.created, sourceUrl: source }, inputs.labels), { key: REPOSITORY_LABEL, value: repository }],
    sha: commit.sha,
  }));

  const name = containerName(inputs.image.path, report.tag, process.env.GITHUB_RUN_ID, process.env.GITHUB_RUN_ATTEMPT);
  // Saved before `docker run`, so post removes the container even if this process dies right after.
  leftovers.container = name;
  saveLeftovers(leftovers);
  await phase(report, `Run ${report.imageRef} as ${name}`, () => startContainer(name, inputs.runArgs, report.imageRef));

  // The in-container test's `docker exec` starts now and waits at a gate for the container to be ready.
  const held = inputs.testCommand !== '' && inputs.testOn === 'container'
    ? holdContainerTest({ command: inputs.testCommand, user: inputs.testUser, env: inputs.testEnv, container: { name } })
    : undefined;
  let tests: TestOutcome | undefined;
  try {
    const readiness = await phase(report, `Wait until ${name} is ready`, async () => {
      const ready = await waitUntilReady(name, inputs.waitFor, inputs.waitTimeoutSeconds);
      core.info(`Container ${name} is ready (${ready.condition}) after ${ready.seconds.toFixed(3)} s.`);
      return ready;
    });
    report.readySeconds = readiness.seconds;

    if (inputs.testCommand !== '') {
      tests = await phase(report, `Test ${inputs.testOn === 'container' ? `inside ${name}` : 'on the runner'} (${readiness.condition})`, async () => {
        const run: TestRun = {
          command: inputs.testCommand,
          on: inputs.testOn,
          user: inputs.testUser,
          env: inputs.testEnv,
          timeoutSeconds: inputs.testTimeoutSeconds,
          container: { id: readiness.container.id, name, imageRef: report.imageRef, ports: readiness.container.ports },
          workspace,
        };
        const outcome = held === undefined ? await runTests(run) : await held.release(run);
        report.testExitCode = outcome.exitCode;
        return outcome;
      });
    } else {
      core.info('No test-command given: the test phase is skipped.');
    }
  } finally {
    held?.cancel();
  }

  // Reports are wanted most when the tests failed: collect them before failing.
  if (inputs.testReports !== '') {
    const reports = await phase(report, `Collect test reports from ${name}:${inputs.testReports}`, () => collectReports(name, inputs.testReports, path.resolve(workspace, inputs.reportsDir)));
    report.reportsDir = reports.dir;
    report.junit = reports.counts;
  }
  if (tests?.timedOut === true) throw new TestsTimedOutError(inputs.testTimeoutSeconds, name);
  if (tests !== undefined && tests.exitCode !== 0) throw new TestsFailedError(tests.exitCode, name);

  if (inputs.deploy) {
    const repositories = [inputs.image, ...inputs.alsoPush];
    await phase(report, `Push ${report.imageRef} and ${report.latestRef}${inputs.alsoPush.length === 0 ? '' : ` (and to ${inputs.alsoPush.length} more)`}`, async () => {
      if (inputs.registryAuth !== undefined) {
        await login(inputs.image.registry, inputs.registryAuth, inputs.pushRetries);
        leftovers.loggedInRegistry = inputs.image.registry;
        saveLeftovers(leftovers);
      }
      report.digests = await pushTags({ repositories, built: inputs.image, tag: report.tag, imageId: report.imageId, retries: inputs.pushRetries, auth: inputs.registryAuth });
      report.digest = report.digests[inputs.image.name] ?? '';
      report.pushed = true;
    });
  }
}
