import { killTracked } from '../process/children.js';
import { setCommandLog } from '../process/command-log.js';
import { cleanUp, type Leftovers } from './cleanup.js';
import type { Inputs } from './inputs.js';
import {
  buildPhase,
  checkPhase,
  collectReportsPhase,
  failUnlessPassed,
  phase,
  prunePhase,
  pushPhase,
  runPhase,
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
    await runPhases({ inputs: readInputs(), report, reporter, settings, leftovers });
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

/** The phases in order: each records itself in the report; a failed one ends the run. */
async function runPhases(run: LoopRun): Promise<void> {
  const { engine, commit } = await checkPhase(run);
  if (run.inputs.prune !== 'off') await prunePhase(run);
  await buildPhase(run, engine, commit);
  const container = await runPhase(run);
  const tests = await waitAndTestPhases(run, container);
  // Reports are wanted most when the tests failed: collect them before failing.
  if (run.inputs.testReports !== '') await collectReportsPhase(run, container);
  failUnlessPassed(run, tests, container);
  if (run.inputs.deploy) await pushPhase(run);
}
