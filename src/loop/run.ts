import type { Engine } from '../docker/engine.js';
import { killTracked } from '../process/children.js';
import { BackgroundWork } from './background.js';
import { setCommandLog } from '../process/command-log.js';
import { cleanUp, NO_LEFTOVERS, type Leftovers } from './cleanup.js';
import type { Inputs } from './inputs.js';
import { listForPrune } from './prune.js';
import {
  buildPhase,
  checkPhase,
  collectReportsPhase,
  envFilePhase,
  failUnlessPassed,
  healthCadenceFor,
  phase,
  prunePhase,
  pruneRepository,
  pushPhase,
  startContainerPhase,
  waitAndTestPhases,
  type LoopRun,
  type LoopSettings,
} from './phases.js';
import type { Reporter } from './reporter.js';
import { emptyReport, outputsOf, type RunReport } from './run-report.js';
import { ContainerNotReadyError, LOG_TAIL_LINES } from './wait-ready.js';

/**
 * The loop: prune, build, tag, run, wait until ready, test, push; then clean up and report outputs and the
 * summary, also when a phase failed. SIGINT or SIGTERM stops what runs, cleans up and exits 130 or 143.
 */
export async function runLoop(
  engine: Engine,
  readInputs: () => Inputs,
  reporter: Reporter,
  settings: LoopSettings,
): Promise<RunReport> {
  setCommandLog(reporter);
  const report = emptyReport();
  const leftovers: Leftovers = { ...NO_LEFTOVERS };
  const background = new BackgroundWork();
  let finishing: Promise<void> | undefined;
  // Once: by the run itself, or by a signal's handler; never twice, never side by side.
  const finish = (): Promise<void> =>
    (finishing ??= (async () => {
      await background.finish();
      if (leftovers.container !== '' || leftovers.loginConfig !== '') {
        await phase(report, reporter, 'Clean up', async () =>
          settings.onLeftovers(await cleanUp(engine, leftovers, reporter)),
        );
      }
      reporter.outputs(outputsOf(report));
      // The summary tells of the run; it is not the run: a runner that cannot take it fails nothing.
      await reporter.summary(report).catch((error: unknown) => {
        reporter.warning(`The job summary was not written: ${error instanceof Error ? error.message : String(error)}`);
      });
    })());
  const cancellation = cleanUpWhenCancelled(report, reporter, finish, () => finishing !== undefined);
  try {
    await runPhases({ engine, inputs: readInputs(), report, reporter, settings, leftovers, background });
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
    // Once cancelled, the signal handler owns the clean-up, outputs and summary, and exits when they are done.
    // The handlers stay through the clean-up: a signal then lets it finish rather than cutting it short (the
    // CLI has no post step to undo a login left behind).
    if (!cancellation.cancelled()) await finish();
    if (cancellation.cancelled()) await new Promise<never>(() => undefined); // the handler exits the process
    cancellation.stop();
  }
  return report;
}

/**
 * A runner cancels a job with SIGINT, then SIGTERM; a terminal sends SIGINT on Ctrl-C: stop what runs,
 * remove the container, undo the login, then exit. Nothing here waits for a post step. A signal during the
 * run's own clean-up lets that finish, then exits; a second Ctrl-C exits at once.
 */
function cleanUpWhenCancelled(
  report: RunReport,
  reporter: Reporter,
  finish: () => Promise<void>,
  finishing: () => boolean,
): { stop: () => void; cancelled: () => boolean } {
  let cancelled = false;
  const onSignal = (signal: NodeJS.Signals): void => {
    const exitCode = signal === 'SIGINT' ? 130 : 143;
    if (cancelled) {
      // SIGTERM after SIGINT (the runner's way) leaves the clean-up be; a second SIGINT is a person insisting.
      if (signal !== 'SIGINT') return;
      killTracked();
      process.exit(exitCode);
    }
    cancelled = true;
    if (finishing()) {
      reporter.warning(`Cancelled (${signal}) during the clean-up: finishing it first.`);
      void finish().finally(() => process.exit(exitCode));
      return;
    }
    killTracked();
    report.failure = `Cancelled (${signal})`;
    reporter.failed(`Cancelled (${signal}): removing what the run started.`);
    void finish().finally(() => {
      killTracked(); // what the interrupted flow started meanwhile (e.g. the next phase's docker call)
      process.exit(exitCode);
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

/** The phases in order: each records itself in the report; a failed one ends the run. */
async function runPhases(run: LoopRun): Promise<void> {
  // Read only, by the repository's name alone: the prune's listing goes side by side with the engine check.
  const stopListing = new AbortController();
  const listing =
    run.inputs.prune === 'off' ? undefined : listForPrune(run.engine, pruneRepository(run.inputs), stopListing.signal);
  listing?.catch(() => undefined); // a missing engine is the check's to report
  const checked = await checkPhase(run).catch((error: unknown) => {
    stopListing.abort();
    throw error;
  });
  const { target } = checked;
  if (listing !== undefined) await prunePhase(run, checked, listing);
  const built = await buildPhase(run, checked);
  const cadence = healthCadenceFor(run, checked.facts, built);
  const container = await startContainerPhase(run, target, cadence);
  // The engine is less busy now than during the run (which the containerd store would hold up): the tidying.
  run.background.start();
  const tests = await waitAndTestPhases(run, target, cadence, container, built.imageId);
  // Reports are wanted most when the tests failed: collect them before failing, but a failed copy never
  // hides the tests' own verdict.
  let reportsFailure: Error | undefined;
  if (run.inputs.testReports !== '')
    await collectReportsPhase(run, container).catch((error: unknown) => {
      reportsFailure = error instanceof Error ? error : new Error(String(error));
    });
  if (reportsFailure !== undefined && tests !== undefined && (tests.timedOut || tests.exitCode !== 0))
    run.reporter.warning(`The test reports were not collected: ${reportsFailure.message}`);
  failUnlessPassed(run, tests, container);
  if (reportsFailure !== undefined) throw reportsFailure;
  if (run.inputs.deploy) await pushPhase(run, target, built.imageId);
  if (run.inputs.envFile !== '') await envFilePhase(run);
}
