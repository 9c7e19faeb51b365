// 1. The whole cycle (main + post, warm build cache, no deploy) against the same docker work in a plain
// bash script (bench/cycle.sh), in interleaved rounds: action, CLI, bash, action, CLI, bash… The CLI
// (dist/cli/index.js) runs the same loop with the same inputs as flags. Each run builds a new commit of an
// unchanged Dockerfile (as a new push would): every Dockerfile step comes from the cache, the sha stamp is
// new, and the previous run's tag is pruned.
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBaseImage } from '../__tests__/harness/base-image.mjs';
import { median } from './stats.mjs';
import {
  ROOT,
  actionDir,
  expectSuccess,
  gitContext,
  phaseKind,
  phasesOf,
  removeRepositories,
  runActionTimed,
  runTimed,
} from './support.mjs';

export const HEALTHY_DOCKERFILE = [
  'FROM btd-e2e/busybox:base',
  // Healthy at the first probe, one interval after the start: the same known moment for both sides.
  'HEALTHCHECK --interval=1s --timeout=1s --retries=3 CMD true',
  'CMD ["sleep", "3600"]',
  '',
].join('\n');

/**
 * The image's own interval, given as run-args: the action then leaves the check's cadence as the image has it
 * (section 2b measures what asking it every 0.2 s gains), so the action and the hand-written script wait for the
 * same first probe and these sections measure the action's own cost.
 */
export const IMAGE_CADENCE_RUN_ARGS = '--health-interval=1s';

export const CYCLE_TEST_COMMAND = 'test -n "$SHA" && echo "tests passed in $SHA"';
const ACTION_REPOSITORY = 'bench-cycle/action';
const BASH_REPOSITORY = 'bench-cycle/bash';
const CLI_REPOSITORY = 'bench-cycle/cli';
// runAction sets GITHUB_REPOSITORY=acme/service: the action labels the image with this source URL.
const SOURCE_URL = 'https://github.com/acme/service';
// Node as the hosted runners start it: they set no NODE_EXTRA_CA_CERTS, which node reads and parses as every
// process starts (section 4 gives what it costs where it is set); undefined leaves it out of a child's env.
const RUNNER_NODE_ENV = { NODE_EXTRA_CA_CERTS: undefined };

async function actionCycle(context, env = {}) {
  context.commit();
  const run = await runActionTimed({
    inputs: {
      image: ACTION_REPOSITORY,
      context: context.dir,
      'run-args': IMAGE_CADENCE_RUN_ARGS,
      'test-command': CYCLE_TEST_COMMAND,
      'prune-grace': '0',
    },
    env: { ...RUNNER_NODE_ENV, ...env },
  });
  expectSuccess(run, 'whole cycle');
  const phases = phasesOf(run.main.stdout);
  const inPhases = phases.reduce((total, p) => total + p.seconds, 0);
  return { seconds: run.seconds, phases, outside: run.seconds - inPhases, pruned: Number(run.outputs.pruned) };
}

async function cliCycle(context) {
  context.commit();
  const run = await runTimed(
    process.execPath,
    [
      path.join(actionDir(), 'dist', 'cli', 'index.js'),
      '--image',
      CLI_REPOSITORY,
      '--context',
      context.dir,
      '--run-args',
      IMAGE_CADENCE_RUN_ARGS,
      '--test-command',
      CYCLE_TEST_COMMAND,
      '--prune-grace',
      '0',
    ],
    // The same source label as the action's (runAction sets GITHUB_REPOSITORY): the same image work.
    { env: { ...process.env, ...RUNNER_NODE_ENV, GITHUB_REPOSITORY: 'acme/service' } },
  );
  if (run.exitCode !== 0) throw new Error(`the CLI failed (${run.exitCode}):\n${run.stderr}`);
  return { seconds: run.seconds };
}

async function bashCycle(context, pollSeconds, env = process.env) {
  context.commit();
  const run = await runTimed(
    'bash',
    [
      path.join(ROOT, 'bench', 'cycle.sh'),
      BASH_REPOSITORY,
      context.dir,
      CYCLE_TEST_COMMAND,
      String(pollSeconds),
      SOURCE_URL,
    ],
    { env },
  );
  if (run.exitCode !== 0) throw new Error(`bench/cycle.sh failed (${run.exitCode}):\n${run.stdout}\n${run.stderr}`);
  const steps = [...run.stdout.matchAll(/^bench-step (\S+) ([0-9]+)$/gm)].map(([, name, micros]) => ({
    name,
    seconds: Number(micros) / 1e6,
  }));
  return { seconds: run.seconds, steps };
}

/**
 * One more cycle of each side, untimed, with a `docker` first on PATH that logs its arguments and execs
 * the real one: how many docker CLI calls each side makes, by subcommand.
 */
async function countDockerCalls(actionContext, bashContext, pollSeconds) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-calls-'));
  try {
    const real = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
    const logFile = path.join(dir, 'calls.log');
    writeFileSync(path.join(dir, 'docker'), `#!/bin/sh\nprintf '%s\\n' "$1 $2" >> '${logFile}'\nexec '${real}' "$@"\n`);
    chmodSync(path.join(dir, 'docker'), 0o755);
    const env = { PATH: `${dir}:${process.env.PATH}` };
    const calls = () => {
      const lines = readFileSync(logFile, 'utf8')
        .split('\n')
        .filter((line) => line !== '');
      rmSync(logFile);
      /** @type {Map<string, number>} */
      const byCommand = new Map();
      for (const line of lines) {
        const [first = '', second = ''] = line.split(' ');
        const command = ['image', 'container', 'buildx'].includes(first) ? `${first} ${second}` : first;
        byCommand.set(command, (byCommand.get(command) ?? 0) + 1);
      }
      return { total: lines.length, byCommand };
    };
    writeFileSync(logFile, '');
    await actionCycle(actionContext, env);
    const action = calls();
    writeFileSync(logFile, '');
    await bashCycle(bashContext, pollSeconds, { ...process.env, ...env });
    const bash = calls();
    return { action, bash };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * @param {{ pairs: number, warmup: number, pollSeconds: number, log: (line: string) => void }} options
 */
export async function benchCycle({ pairs, warmup, pollSeconds, log }) {
  buildBaseImage();
  const actionContext = gitContext('bench-cycle-action', { Dockerfile: HEALTHY_DOCKERFILE });
  const bashContext = gitContext('bench-cycle-bash', { Dockerfile: HEALTHY_DOCKERFILE });
  const cliContext = gitContext('bench-cycle-cli', { Dockerfile: HEALTHY_DOCKERFILE });
  const results = [];
  let calls;
  try {
    for (let i = -warmup; i < pairs; i++) {
      const action = await actionCycle(actionContext);
      const cli = await cliCycle(cliContext);
      const bash = await bashCycle(bashContext, pollSeconds);
      if (i < 0) {
        log(
          `  warm-up: action ${action.seconds.toFixed(3)} s, CLI ${cli.seconds.toFixed(3)} s, bash ${bash.seconds.toFixed(3)} s (not counted)`,
        );
        continue;
      }
      results.push({ action, cli, bash, ratio: action.seconds / bash.seconds });
      log(
        `  round ${i + 1}/${pairs}: action ${action.seconds.toFixed(3)} s, CLI ${cli.seconds.toFixed(3)} s, bash ${bash.seconds.toFixed(3)} s, action ÷ bash ${(action.seconds / bash.seconds).toFixed(3)}`,
      );
    }
    calls = await countDockerCalls(actionContext, bashContext, pollSeconds);
    log(`  docker CLI calls per cycle: action ${calls.action.total}, bash ${calls.bash.total}`);
  } finally {
    actionContext.remove();
    bashContext.remove();
    cliContext.remove();
    removeRepositories(ACTION_REPOSITORY, CLI_REPOSITORY, BASH_REPOSITORY, `${BASH_REPOSITORY}-build`);
  }
  const actionSeconds = results.map((r) => r.action.seconds);
  const bashSeconds = results.map((r) => r.bash.seconds);
  const cliSeconds = results.map((r) => r.cli.seconds);
  return {
    pollSeconds,
    calls,
    results,
    actionSeconds,
    bashSeconds,
    cliSeconds,
    cliOverAction: median(cliSeconds) / median(actionSeconds),
    ratios: results.map((r) => r.ratio),
    ratioOfMedians: median(actionSeconds) / median(bashSeconds),
    // Where the time goes, side by side: the action's phases (its own "Took" lines) and the script's steps.
    actionPhases: groupBy(
      results.flatMap((r) => [
        ...r.action.phases.map((p) => ({ name: phaseKind(p.name), seconds: p.seconds })),
        { name: 'outside phases', seconds: r.action.outside },
      ]),
    ),
    bashSteps: groupBy(results.flatMap((r) => r.bash.steps)),
  };
}

function groupBy(entries) {
  /** @type {Map<string, number[]>} */
  const byName = new Map();
  for (const { name, seconds } of entries) byName.set(name, [...(byName.get(name) ?? []), seconds]);
  return byName;
}
