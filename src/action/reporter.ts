import * as core from '@actions/core';
import type { Reporter } from '../loop/reporter.js';
import { RUNNER_LOG } from '../process/command-log.js';
import { summaryTables, type RunReport } from '../loop/run-report.js';

/** The loop as a workflow step shows it: a log group per phase, annotations, step outputs, the job summary. */
export const actionReporter: Reporter = {
  phaseStarted: (name) => core.startGroup(name),
  phaseEnded: (_name, seconds) => {
    core.info(`Took ${seconds.toFixed(3)} s.`);
    core.endGroup();
  },
  info: (message) => core.info(message),
  warning: (message) => core.warning(message),
  annotation: ({ message, title, file, line }) => core.error(message, { title, file, startLine: line }),
  details: (title, text) => {
    core.startGroup(title);
    core.info(text);
    core.endGroup();
  },
  secret: (value) => core.setSecret(value),
  failed: (message) => core.setFailed(message),
  outputs: (outputs) => {
    for (const [name, value] of Object.entries(outputs)) core.setOutput(name, value);
  },
  summary: writeSummary,
  ...RUNNER_LOG,
};

async function writeSummary(report: RunReport): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY === undefined || process.env.GITHUB_STEP_SUMMARY === '') return;
  const { facts, phases } = summaryTables(report);
  await core.summary
    .addHeading('Build, test, deploy', 3)
    .addTable([
      [
        { data: 'What', header: true },
        { data: 'Value', header: true },
      ],
      ...facts,
    ])
    .addTable([
      [
        { data: 'Phase', header: true },
        { data: 'Took', header: true },
        { data: 'Status', header: true },
      ],
      ...phases,
    ])
    .write();
}
