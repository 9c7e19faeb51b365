// 4. Bundle cold start and peak RSS.
// Cold start: `node dist/index.js` with the runner's files and action.yml's defaults but no `image`, so it
// fails at once on the missing input, timed from spawn to exit in this process, interleaved with `node -e ''` (the floor: node
// itself on this machine) and the CLI, `node dist/cli/index.js` without --image (the same failure, exit 2). Peak RSS: the action's own node processes (main and post) over full cycles,
// each reporting its VmHWM from /proc/self/status as it exits (bench/rss-hook.mjs, preloaded with
// NODE_OPTIONS=--import); cross-checked against GNU time's "Maximum resident set size" on the cold start.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { buildBaseImage } from '../__tests__/harness/base-image.mjs';
import { inputEnvName } from '../__tests__/harness/run-action.mjs';
import { median } from './stats.mjs';
import { CYCLE_TEST_COMMAND, HEALTHY_DOCKERFILE } from './cycle.mjs';
import { ROOT, actionDir, expectSuccess, gitContext, nowMs, removeRepositories, runActionTimed } from './support.mjs';

const HOOK = path.join(ROOT, 'bench', 'rss-hook.mjs');
const REPOSITORY = 'bench-rss/app';

/** The runner's environment: action.yml's defaults as INPUT_* (but no `image`), fresh command files. */
function runnerEnv(dir) {
  const action = parse(readFileSync(path.join(actionDir(), 'action.yml'), 'utf8'));
  const inputs = Object.fromEntries(
    Object.entries(action.inputs ?? {})
      .filter(([name]) => name !== 'image')
      .map(([name, spec]) => [inputEnvName(name), spec.default === undefined ? '' : String(spec.default)]),
  );
  // Not NODE_EXTRA_CA_CERTS either: node reads and parses that file as it starts (about 40 ms here, where
  // it is set), which the hosted runners do not set; the report gives the floor with it as well.
  const base = Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(INPUT_|STATE_|GITHUB_|RUNNER_|NODE_OPTIONS$|NODE_EXTRA_CA_CERTS$)/.test(key),
    ),
  );
  const files = {};
  for (const name of ['GITHUB_OUTPUT', 'GITHUB_STATE', 'GITHUB_STEP_SUMMARY']) {
    files[name] = path.join(dir, name.toLowerCase());
    writeFileSync(files[name], '');
  }
  return { ...base, ...inputs, GITHUB_ACTIONS: 'true', CI: 'true', RUNNER_TEMP: dir, ...files };
}

function spawnTimed(script, env) {
  const started = nowMs();
  const result = spawnSync(process.execPath, [script], { env, encoding: 'utf8' });
  return { ms: nowMs() - started, status: result.status, stderr: result.stderr };
}

function timeSpawn(args, env) {
  const started = nowMs();
  const result = spawnSync(process.execPath, args, { env, encoding: 'utf8' });
  return { ms: nowMs() - started, status: result.status, stdout: result.stdout };
}

/**
 * @param {{ runs: number, log: (line: string) => void }} options
 */
export function benchColdStart({ runs, log }) {
  const BUNDLE = path.join(actionDir(), 'dist', 'index.js');
  const CLI = path.join(actionDir(), 'dist', 'cli', 'index.js');
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-cold-'));
  try {
    const env = runnerEnv(dir);
    const floor = [];
    const bundle = [];
    const post = [];
    const cli = [];
    // The CLI in the same environment less the runner's: a developer's shell.
    const cliEnv = Object.fromEntries(
      Object.entries(env).filter(([key]) => !/^(INPUT_|GITHUB_|RUNNER_|CI$)/.test(key)),
    );
    // node -e '' in this machine's own environment, when it sets NODE_EXTRA_CA_CERTS.
    const machineEnv = process.env.NODE_EXTRA_CA_CERTS
      ? { ...env, NODE_EXTRA_CA_CERTS: process.env.NODE_EXTRA_CA_CERTS }
      : undefined;
    const floorWithCaCerts = [];
    // Post after a main that cleaned up after itself: the runner passes main's saved state as STATE_*.
    const postEnv = { ...env, STATE_isPost: 'true', STATE_container: '', 'STATE_logged-in-registry': '' };
    // One untimed run of each first: the file cache holds node and the bundle from then on, as on a runner.
    timeSpawn(['-e', ''], env);
    timeSpawn([BUNDLE], env);
    timeSpawn([BUNDLE], postEnv);
    timeSpawn([CLI], cliEnv);
    for (let i = 0; i < runs; i++) {
      floor.push(timeSpawn(['-e', ''], env).ms);
      if (machineEnv !== undefined) floorWithCaCerts.push(timeSpawn(['-e', ''], machineEnv).ms);
      const run = timeSpawn([BUNDLE], env);
      if (run.status !== 1 || !/^::error::.*Input 'image'/m.test(run.stdout)) {
        throw new Error(`the bundle did not fail on the missing input (status ${run.status}):\n${run.stdout}`);
      }
      bundle.push(run.ms);
      const postRun = timeSpawn([BUNDLE], postEnv);
      if (postRun.status !== 0)
        throw new Error(`post with nothing to undo failed (status ${postRun.status}):\n${postRun.stdout}`);
      post.push(postRun.ms);
      const cliRun = spawnTimed(CLI, cliEnv);
      if (cliRun.status !== 2 || !/--image/.test(cliRun.stderr)) {
        throw new Error(`the CLI did not refuse the missing --image (status ${cliRun.status}):\n${cliRun.stderr}`);
      }
      cli.push(cliRun.ms);
    }
    log(
      `  cold start: bundle median ${median(bundle).toFixed(1)} ms, CLI median ${median(cli).toFixed(1)} ms, node -e '' median ${median(floor).toFixed(1)} ms`,
    );

    // Cross-check of the two RSS measurements on the cold start: GNU time (if installed) and the hook.
    const rssFile = path.join(dir, 'rss.jsonl');
    spawnSync(process.execPath, [BUNDLE], {
      env: { ...env, NODE_OPTIONS: `--import=${pathToFileURL(HOOK).href}`, BENCH_RSS_FILE: rssFile },
    });
    const hookKb = JSON.parse(readFileSync(rssFile, 'utf8').trim().split('\n')[0]).hwmKb;
    let gnuTimeKb;
    if (existsSync('/usr/bin/time')) {
      const timed = spawnSync('/usr/bin/time', ['-v', process.execPath, BUNDLE], { env, encoding: 'utf8' });
      gnuTimeKb = Number(/Maximum resident set size \(kbytes\): ([0-9]+)/.exec(timed.stderr)?.[1] ?? Number.NaN);
    }
    return { floor, bundle, post, cli, floorWithCaCerts, coldRss: { hookKb, gnuTimeKb } };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * @param {{ runs: number, log: (line: string) => void }} options
 */
export async function benchPeakRss({ runs, log }) {
  const BUNDLE = path.join(actionDir(), 'dist', 'index.js');
  buildBaseImage();
  const context = gitContext('bench-rss', { Dockerfile: HEALTHY_DOCKERFILE });
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-rss-'));
  const main = [];
  const post = [];
  try {
    for (let i = 0; i < runs; i++) {
      context.commit();
      const rssFile = path.join(dir, `rss-${i}.jsonl`);
      const run = await runActionTimed({
        inputs: { image: REPOSITORY, context: context.dir, 'test-command': CYCLE_TEST_COMMAND, 'prune-grace': '0' },
        env: { NODE_OPTIONS: `--import=${pathToFileURL(HOOK).href}`, BENCH_RSS_FILE: rssFile },
      });
      expectSuccess(run, 'peak RSS');
      const records = readFileSync(rssFile, 'utf8')
        .trim()
        .split('\n')
        .map((line) => JSON.parse(line))
        .filter((r) => r.script === BUNDLE);
      const mainKb = records.find((r) => !r.post)?.hwmKb;
      const postKb = records.find((r) => r.post)?.hwmKb;
      if (mainKb === undefined || postKb === undefined)
        throw new Error(`no VmHWM from main and post: ${JSON.stringify(records)}`);
      main.push(mainKb / 1024);
      post.push(postKb / 1024);
      log(
        `  full cycle ${i + 1}/${runs}: main ${(mainKb / 1024).toFixed(1)} MiB, post ${(postKb / 1024).toFixed(1)} MiB`,
      );
    }
  } finally {
    context.remove();
    rmSync(dir, { recursive: true, force: true });
    removeRepositories(REPOSITORY);
  }
  return { main, post };
}

/** The bare node process, for comparison: `node -e ''` and its VmHWM, in MiB. */
export function nodeFloorRss() {
  const out = execFileSync(
    process.execPath,
    ['-e', "process.stdout.write(/VmHWM:\\s+(\\d+)/.exec(require('fs').readFileSync('/proc/self/status','utf8'))[1])"],
    { encoding: 'utf8' },
  );
  return Number(out) / 1024;
}
