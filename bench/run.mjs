// `npm run bench`: every benchmark of the action, side by side with its baseline, in one run on the real
// engine, written to docs/BENCHMARKS.md. Benchmarks are not tests: nothing here runs in `npm test` / CI.
//
//   npm run bench                      the full run on every profile, writes docs/BENCHMARKS.md
//   npm run bench -- --quick           a few repeats of each, to try things (writes to a temp file unless --out)
//   npm run bench -- --only cycle,readiness --pairs 5
//   npm run bench -- --profiles containerd --only prune
//   npm run bench -- --profiles buildkit --only cache --cache-repeats 5
//
// Each engine profile in turn (classic, buildkit, containerd: scripts/engine-profile.sh starts its engine), or
// --profiles current for the engine that answers now.
// Options: --only LIST (cycle, readiness, cadence, prune, startup, deploy, cache), --pairs N (whole cycle),
// --latency-runs N, --prune-counts 50,200,500, --prune-repeats N, --cold-runs N, --rss-runs N, --deploy-pairs N,
// --cache-repeats N (rounds of cold, from the registry, warm local), --poll SECONDS (the bash baseline's
// `docker inspect` interval), --out FILE, --action-dir DIR (measure another checkout's action.yml +
// dist/index.js, e.g. a candidate fix; written to a temp file unless --out).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { benchCache } from './cache.mjs';
import { benchCycle } from './cycle.mjs';
import { benchDeploy } from './deploy.mjs';
import { benchPrune, pruneTable } from './prune.mjs';
import { benchReadiness } from './readiness.mjs';
import { benchCadence } from './cadence.mjs';
import { median, medianRange } from './stats.mjs';
import { benchColdStart, benchPeakRss, nodeFloorRss } from './startup.mjs';
import { buildBaseImage } from '../__tests__/harness/base-image.mjs';
import { ROOT, engineInfo, machineInfo, noiseSample, settle } from './support.mjs';

const SECTIONS = ['cycle', 'readiness', 'cadence', 'prune', 'startup', 'deploy', 'cache'];
const { values: options } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string', default: SECTIONS.join(',') },
    pairs: { type: 'string' },
    'latency-runs': { type: 'string' },
    'cadence-runs': { type: 'string' },
    'prune-counts': { type: 'string' },
    'prune-repeats': { type: 'string' },
    'cold-runs': { type: 'string' },
    'rss-runs': { type: 'string' },
    'deploy-pairs': { type: 'string' },
    'cache-repeats': { type: 'string' },
    poll: { type: 'string', default: '0.05' },
    out: { type: 'string' },
    'action-dir': { type: 'string' },
    profiles: { type: 'string' },
  },
});
if (options['action-dir'] !== undefined) process.env.BENCH_ACTION_DIR = path.resolve(options['action-dir']);
const quick = options.quick;
const count = (name, full, fast) => Number(options[name] ?? (quick ? fast : full));
const config = {
  pairs: count('pairs', 12, 2),
  latencyRuns: count('latency-runs', 12, 2),
  cadenceRuns: count('cadence-runs', 5, 1),
  pruneCounts: (options['prune-counts'] ?? (quick ? '10,50' : '50,200,500')).split(',').map(Number),
  pruneRepeats: count('prune-repeats', 3, 1),
  coldRuns: count('cold-runs', 30, 5),
  rssRuns: count('rss-runs', 5, 1),
  deployPairs: count('deploy-pairs', 8, 2),
  cacheRepeats: count('cache-repeats', 3, 1),
  pollSeconds: Number(options.poll),
};
const only = new Set(options.only.split(','));
for (const name of only)
  if (!SECTIONS.includes(name))
    throw new Error(`--only: unknown section "${name}"; expected some of ${SECTIONS.join(', ')}`);
const out =
  options.out ??
  (quick || only.size < SECTIONS.length || options['action-dir'] !== undefined
    ? path.join(tmpdir(), 'BENCHMARKS.partial.md')
    : path.join(ROOT, 'docs', 'BENCHMARKS.md'));

const log = (line) => console.log(line);
// Every engine profile in turn (scripts/engine-profile.sh), or `current`: the engine that answers now.
const profiles = (
  options.profiles ??
  execFileSync('bash', [path.join(ROOT, 'scripts', 'engine-profile.sh'), 'list'], { encoding: 'utf8' })
)
  .trim()
  .split(/[\s,]+/);
const started = Date.now();
const machine = machineInfo();
/** @type {{ profile: string, engine: string, results: Record<string, any>, noise: any[] }[]} */
const runs = [];
for (const profile of profiles) {
  if (profile !== 'current') useProfile(profile);
  buildBaseImage();
  const results = {};
  const noise = [{ section: 'start', ...noiseSample() }];
  for (const section of SECTIONS.filter((name) => only.has(name))) {
    const quiet = await settle();
    log(
      `\n== ${profile}: ${section} (${((Date.now() - started) / 1000).toFixed(0)} s into the run; waited ${quiet.waitedSeconds.toFixed(0)} s for the CPUs to be ${(quiet.idle * 100).toFixed(0)}% idle)`,
    );
    if (section === 'cycle')
      results.cycle = await benchCycle({ pairs: config.pairs, warmup: 1, pollSeconds: config.pollSeconds, log });
    if (section === 'readiness')
      results.readiness = await benchReadiness({
        runs: config.latencyRuns,
        warmup: 1,
        on: ['container', 'runner'],
        log,
      });
    if (section === 'cadence') results.cadence = await benchCadence({ runs: config.cadenceRuns, log });
    if (section === 'prune')
      results.prune = await benchPrune({ counts: config.pruneCounts, repeats: config.pruneRepeats, log });
    if (section === 'startup')
      results.startup = {
        cold: benchColdStart({ runs: config.coldRuns, log }),
        rss: await benchPeakRss({ runs: config.rssRuns, log }),
        floorRss: nodeFloorRss(),
      };
    if (section === 'deploy') results.deploy = await benchDeploy({ pairs: config.deployPairs, warmup: 1, log });
    if (section === 'cache') results.cache = await benchCache({ repeats: config.cacheRepeats, warmup: 1, log });
    noise.push({ section, quiet, ...noiseSample() });
  }
  runs.push({ profile, engine: engineInfo(), results, noise });
}
const minutes = (Date.now() - started) / 60000;
// Others may rebuild dist/ while this runs: say so rather than mix two bundles silently.
const bundleAtEnd = machineInfo().bundle;
if (bundleAtEnd !== machine.bundle) machine.bundle += ` — **changed during the run**, at the end: ${bundleAtEnd}`;
const markdown = report();
writeFileSync(out, markdown);
log(`\n${markdown}\nWritten to ${path.relative(process.cwd(), out) || out} (${minutes.toFixed(1)} min).`);

/** Starts the profile's engine and takes on the environment its CLI needs (PATH, DOCKER_CONFIG, …). */
function useProfile(profile) {
  const exports = execFileSync('bash', [path.join(ROOT, 'scripts', 'engine-profile.sh'), 'start', profile], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  for (const line of exports.split('\n')) {
    const set = /^export ([A-Z_]+)=(.*)$/.exec(line);
    if (set) process.env[set[1]] = set[2];
    for (const name of /^unset (.+)$/.exec(line)?.[1].split(' ') ?? []) delete process.env[name];
  }
}

function yes(met) {
  return met ? 'met' : '**missed**';
}

function ratioRows(a, b, digits = 3) {
  return a.map(
    (value, i) => `| ${i + 1} | ${value.toFixed(digits)} | ${b[i].toFixed(digits)} | ${(value / b[i]).toFixed(3)} |`,
  );
}

function report() {
  const lines = [
    '# Benchmarks',
    '',
    `Generated by \`npm run bench${quick ? ' -- --quick' : ''}\` on ${machine.date}; do not edit by hand: rerun it. Benchmarks are not tests: they never run in \`npm test\` or \`.ci/run\`.`,
    '',
    '## Machine',
    '',
    '| | |',
    '| --- | --- |',
    `| CPU | ${machine.cpu} |`,
    `| memory | ${machine.memory} |`,
    `| OS | ${machine.os} |`,
    `| Node.js | ${machine.node} |`,
    ...runs.map((run) => `| engine, profile \`${run.profile}\` | ${run.engine} |`),
    `| measured | ${machine.bundle}, commit ${machine.commit} |`,
    `| run | ${minutes.toFixed(1)} min; ${JSON.stringify(config)} |`,
    '',
    '## Summary',
    '',
    '| profile | # | what | measured (median, min–max) | target | |',
    '| --- | --- | --- | --- | --- | --- |',
    ...runs.flatMap((run) => summaryRows(run.results).map((row) => `| ${run.profile} ${row}`)),
  ];
  lines.push(...reproduce());
  for (const run of runs) {
    lines.push('', `## Profile \`${run.profile}\`: ${run.engine}`);
    lines.push(...details(run.results, run.noise).map((line) => line.replace(/^## /, '### ')));
  }
  lines.push('');
  return lines.join('\n');
}

/** The summary rows of one profile's results, each starting at the `#` column. */
function summaryRows(results) {
  const lines = [];
  const { cycle, readiness, cadence, prune, startup, deploy, cache } = results;
  if (cycle)
    lines.push(
      `| 1 | whole cycle, action ÷ bash script | ratio of medians ${cycle.ratioOfMedians.toFixed(3)}; pair ratios ${medianRange(cycle.ratios)} | ≤ 1.05 | ${yes(cycle.ratioOfMedians <= 1.05)} |`,
      `| 1 | whole cycle, CLI ÷ action | ratio of medians ${cycle.cliOverAction.toFixed(3)} (CLI ${median(cycle.cliSeconds).toFixed(3)} s) | reported | |`,
    );
  if (readiness) {
    for (const [where, runs] of Object.entries(readiness)) {
      const ms = runs.map((r) => r.latencyMs);
      lines.push(
        `| 2 | readiness latency, \`healthy\` event → test start (test-on ${where}) | ${medianRange(ms, 1)} ms | median ≤ 100 ms | ${yes(median(ms) <= 100)} |`,
      );
    }
  }
  for (const row of cadence ?? [])
    lines.push(
      `| 2b | readiness, the service answers → test start (${row.cadence} HEALTHCHECK) | ${medianRange(row.action, 1)} ms; the engine's own cadence ${medianRange(row.engine, 0)} ms | median ≤ 200 ms | ${yes(median(row.action) <= 200)} |`,
    );
  if (prune) {
    // The target (issue 31): at 200 and at 500 tags, within 1.3× the bare removal with the listing counted in full.
    for (const row of prune.rows.filter(({ count }) => count === 200 || count === 500)) {
      const inFull = median(row.action) / median(row.bare);
      lines.push(
        `| 3 | prune ${row.count} stale tags, its phase and its listing in full ÷ the engine's bare removal of the same tags | ratio of medians ${inFull.toFixed(2)}× (phase + listing ${median(row.action).toFixed(3)} s, bare ${median(row.bare).toFixed(3)} s); pair ratios ${medianRange(
          row.action.map((seconds, i) => seconds / row.bare[i]),
          2,
        )} | ≤ 1.3× (aim 1.15×) | ${yes(inFull <= 1.3)}${inFull <= 1.15 ? ', and the aim' : ''} |`,
      );
    }
    if (!prune.rows.some(({ count }) => count === 200 || count === 500))
      lines.push(`| 3 | prune at 200 and 500 stale tags | not run at 200 or 500 | ≤ 1.3× (aim 1.15×) | not run |`);
    const last = prune.rows.at(-1);
    const overBare = median(last.added) / median(last.bare);
    const pairRatios = last.added.map((seconds, i) => seconds / last.bare[i]);
    lines.push(
      `| 3 | prune ${last.count} stale tags, what it adds to the action's run ÷ the engine's bare removal of the same tags | ratio of medians ${overBare.toFixed(2)}× (added ${median(last.added).toFixed(3)} s, bare ${median(last.bare).toFixed(3)} s); pair ratios ${medianRange(pairRatios, 2)} | reported | |`,
    );
    const overApi = median(last.added) / median(last.bareApi);
    lines.push(
      `| 3 | prune ${last.count} stale tags, what it adds to the run ÷ the same removals sent bare through the engine API (the action's road on a unix socket) | ratio of medians ${overApi.toFixed(2)}× (bare through the API ${median(last.bareApi).toFixed(3)} s); pair ratios ${medianRange(
        last.added.map((seconds, i) => seconds / last.bareApi[i]),
        2,
      )} | reported | |`,
    );
    lines.push(
      `| 3 | prune ${last.count} stale tags, seed loop ÷ what the action's prune adds | ${(median(last.loop) / median(last.added)).toFixed(1)}× | (the seed's reference) | |`,
    );
    lines.push(
      `| 3 | prune growth with the tag count | ${(prune.fit.slope * 100).toFixed(3)} s per 100 tags + ${prune.fit.intercept.toFixed(3)} s, r² ${prune.fit.r2.toFixed(3)} | linear | ${yes(prune.fit.r2 >= 0.9)} (r² ≥ 0.9) |`,
    );
  }
  if (startup) {
    lines.push(
      `| 4 | bundle cold start (missing input) | ${medianRange(startup.cold.bundle, 1)} ms (node -e '': ${medianRange(startup.cold.floor, 1)} ms) | ≤ 150 ms | ${yes(median(startup.cold.bundle) <= 150)} |`,
      `| 4 | CLI cold start (missing --image) | ${medianRange(startup.cold.cli, 1)} ms | reported | |`,
    );
    const peak = startup.rss.main.map((m, i) => Math.max(m, startup.rss.post[i]));
    lines.push(
      `| 4 | peak RSS of the action over a full cycle (max of main and post) | ${medianRange(peak, 1)} MiB | ≤ 80 MB | ${yes(median(peak) * 1.048576 <= 80)} |`,
    );
  }
  if (deploy)
    lines.push(
      `| 5 | deploy, action push phase ÷ login + 2 pushes by hand | ratio of medians ${(median(deploy.action) / median(deploy.hand)).toFixed(3)}; pair ratios ${medianRange(deploy.ratios)} | (reported) | |`,
    );
  if (cache) {
    const overRegistry = median(cache.cold) / median(cache.registry);
    const overWarm = median(cache.registry) / median(cache.warm);
    lines.push(
      `| 6 | cache from the registry on a fresh engine, cold ÷ from registry (build phase) | ${overRegistry.toFixed(1)}× (cold ${medianRange(cache.cold)} s, from registry ${medianRange(cache.registry)} s) | ≥ 5× | ${yes(overRegistry >= 5)} |`,
      `| 6 | cache from the registry on a fresh engine, from registry ÷ warm local rebuild (build phase) | ${overWarm.toFixed(2)}× (warm local ${medianRange(cache.warm)} s) | ≤ 1.5× | ${yes(overWarm <= 1.5)} |`,
    );
  }
  return lines;
}

function reproduce() {
  return [
    '',
    '## How to reproduce',
    '',
    [
      'On Linux with Node.js ≥ 20, as root (or with passwordless sudo), from the repository root:',
      '',
      '```sh',
      'npm ci',
      "# each profile's engine is installed and started by scripts/engine-profile.sh, as for npm test",
      'apt-get install -y time            # GNU time, only for the RSS cross-check; skipped when missing',
      'npm run bench                      # full run; rewrites docs/BENCHMARKS.md',
      'npm run bench -- --quick           # a few repeats of each, written to a temp file',
      'npm run bench -- --only cycle,readiness --pairs 5 --out /tmp/b.md',
      'npm run bench -- --profiles containerd --only prune --prune-counts 500',
      'npm run bench -- --profiles buildkit --only cache --cache-repeats 5 --out /tmp/b.md',
      '```',
      '',
      "Options: `--profiles` (classic, buildkit, containerd, or current: the engine that answers; default all three, one after another), `--only` (cycle, readiness, cadence, prune, startup, deploy, cache), `--pairs`, `--latency-runs`, `--cadence-runs`, `--prune-counts`, `--prune-repeats`, `--cold-runs`, `--rss-runs`, `--deploy-pairs`, `--cache-repeats`, `--poll` (seconds between the bash baseline's `docker inspect` polls), `--out`, `--action-dir` (measure another checkout's `action.yml` and `dist/index.js`, e.g. a candidate fix, against the same baselines).",
      'Everything runs against the committed `dist/index.js` exactly as the runner starts it (`__tests__/harness/run-action.mjs`: main, then post). Images are built `FROM btd-e2e/busybox:base` (`__tests__/harness/base-image.mjs`); only 127.0.0.1 is used.',
      "Other jobs may share the engine: each profile's *Noise* section says how busy it was. Compare runs on an idle engine.",
    ].join('\n'),
  ];
}

/** One profile's sections, with `## ` headings. */
function details(results, noise) {
  const lines = [];
  const { cycle, readiness, cadence, prune, startup, deploy, cache } = results;
  if (cycle) {
    lines.push(
      '',
      '## 1. Whole cycle: the action against a bash script',
      '',
      [
        'One cycle is main + post of the action (warm build cache, no deploy), and `bench/cycle.sh` doing the same docker work by hand: commit from `git log`, remove the stale tags, build the context, stamp `SHA` and the same OCI labels (`--label`), tag `:latest`, `docker run`, poll `docker inspect` every',
        `${cycle.pollSeconds} s until healthy, \`docker exec\` the tests, \`docker rm -f\`. Each run builds a new commit of an unchanged Dockerfile (every Dockerfile step is cached, the sha stamp is new, the previous run's tag is pruned; the action with \`prune-grace: 0\`). The image turns healthy at its first probe, 1 s after the start (\`HEALTHCHECK --interval=1s\`).`,
        'The CLI (`node dist/cli/index.js --image … --context … --test-command … --prune-grace 0`) runs the same loop on its own repository and context, in the same rounds.',
        'Rounds are interleaved (action, CLI, bash, action, CLI, bash…) after one warm-up round; each side is timed in this process from spawn to exit (the action: main spawned until post exited).',
        "The action and the CLI run without this machine's `NODE_EXTRA_CA_CERTS`, as the hosted runners start node (section 4 gives what that file costs each node process where it is set).",
      ].join('\n'),
      '',
      '| round | action s | bash s | action ÷ bash | CLI s |',
      '| ---: | ---: | ---: | ---: | ---: |',
      ...ratioRows(cycle.actionSeconds, cycle.bashSeconds).map(
        (row, i) => `${row} ${cycle.cliSeconds[i]?.toFixed(3) ?? ''} |`,
      ),
      `| **median** | **${median(cycle.actionSeconds).toFixed(3)}** | **${median(cycle.bashSeconds).toFixed(3)}** | **${cycle.ratioOfMedians.toFixed(3)}** (ratio of medians) | **${median(cycle.cliSeconds).toFixed(3)}** (CLI ÷ action ${cycle.cliOverAction.toFixed(3)}) |`,
      '',
      `docker CLI calls in one more cycle of each (untimed; a logging \`docker\` first on PATH): action ${cycle.calls.action.total} (${[...cycle.calls.action.byCommand].map(([c, n]) => `${c} ×${n}`).join(', ')}); bash ${cycle.calls.bash.total} (${[...cycle.calls.bash.byCommand].map(([c, n]) => `${c} ×${n}`).join(', ')}).`,
      '',
      "Where the time goes (median s, min–max): the action's phases by their own `Took` lines, \"outside phases\" being the rest of main and post (node start-up, engine and commit checks with the prune's listing beside them, clean-up, post); the script's steps by `$EPOCHREALTIME`.",
      '',
      '| action phase | s | | bash step | s |',
      '| --- | ---: | --- | --- | ---: |',
    );
    const actionRows = [...cycle.actionPhases].map(([name, values]) => [name, medianRange(values)]);
    const bashRows = [...cycle.bashSteps].map(([name, values]) => [name, medianRange(values)]);
    for (let i = 0; i < Math.max(actionRows.length, bashRows.length); i++) {
      lines.push(
        `| ${actionRows[i]?.[0] ?? ''} | ${actionRows[i]?.[1] ?? ''} | | ${bashRows[i]?.[0] ?? ''} | ${bashRows[i]?.[1] ?? ''} |`,
      );
    }
  }

  if (readiness) {
    lines.push(
      '',
      '## 2. Readiness latency: `health_status: healthy` → test command start',
      '',
      [
        "The engine's event time is the event's `timeNano` (dockerd's wall clock), read from a separate `docker events --filter label=…` subscription of this process. The test command's start is read by the test command itself as its first act:",
        'with `test-on: container` (the default) inside the container by busybox `adjtimex` (kernel wall clock, µs; busybox `date` has no `%N`), with `test-on: runner` by GNU `date +%s%N` on the host. The container shares the host kernel, so all of them read the same CLOCK_REALTIME.',
        "Everything between counts: the action's own `docker events` subscription delivering the event, the end of the wait phase, and starting the test (`docker exec` through the engine, or `sh -c` on the runner). The split uses the moments main's log lines reached this process.",
        'Runs alternate container, runner, container… after one warm-up of each; each is a full cycle of a new commit.',
      ].join('\n'),
      '',
      '| test-on | latency ms | event → "is ready" logged | → `[command]` logged (test spawned) | → test command running |',
      '| --- | ---: | ---: | ---: | ---: |',
    );
    for (const [where, runs] of Object.entries(readiness)) {
      const col = (key) =>
        medianRange(
          runs.map((r) => r[key]),
          1,
        );
      lines.push(
        `| ${where} | ${col('latencyMs')} | ${col('eventToReadyLineMs')} | ${col('readyLineToSpawnMs')} | ${col('spawnToStartMs')} |`,
      );
    }
    lines.push(
      '',
      'Each run (ms):',
      '',
      `| run | ${Object.keys(readiness).join(' | ')} |`,
      `| ---: | ${Object.keys(readiness)
        .map(() => '---:')
        .join(' | ')} |`,
    );
    const n = Math.max(...Object.values(readiness).map((runs) => runs.length));
    for (let i = 0; i < n; i++)
      lines.push(
        `| ${i + 1} | ${Object.values(readiness)
          .map((runs) => runs[i]?.latencyMs.toFixed(1) ?? '')
          .join(' | ')} |`,
      );
  }

  if (cadence) {
    lines.push(
      '',
      '## 2b. Readiness from the service answering → test command start, for slow HEALTHCHECK cadences',
      '',
      [
        "The service answers 1 s after its start; just before it execs httpd it records the moment with busybox `adjtimex` (kernel wall clock, µs), and the test command (in the container) reads the same clock as its first act. The action asks the image's check every 0.2 s while the container starts: the engine does (`--health-start-interval`) on Docker 25 and later, the action itself (`docker exec`) on older engines.",
        "Beside it, the engine's own cadence: the same image run with the user's own `--health-interval` (the image's) in `run-args`, which the action leaves as it is. Each run is a full cycle of a new commit, after one warm-up.",
      ].join('\n'),
      '',
      "| HEALTHCHECK | the action, ms | the engine's own cadence, ms |",
      '| --- | ---: | ---: |',
      ...cadence.map(
        (row) => `| ${row.cadence} (${row.interval}) | ${medianRange(row.action, 1)} | ${medianRange(row.engine, 0)} |`,
      ),
    );
  }

  if (prune) {
    lines.push(
      '',
      '## 3. Prune: the action against one `docker image rm` per tag',
      '',
      [
        "N stale tags, each its own single-layer image (`docker image import`), then either the seed's loop (`docker image ls`, then one `docker image rm` per tag, timed here) or the action's prune, two ways: what it adds to the action's run (the build phase's first line, from main's spawn, against a run with `prune: false` on the same tags just before: the listing runs beside the engine check and counts by how much it delays it), and its phase's own `Took` line plus its listing counted in full, as if it did not run beside the check. The target is on the second (the listing included, at 200 and 500 tags); the first is reported; the rest of those runs is not timed.",
        "The engine's own share, for where the time goes: the same tags removed bare, nothing listed or inspected first, two ways: by 4 `docker image rm` calls side by side (the target's reference), and by as many connections to the engine API side by side as the action opens on that store (4; 32 on the containerd store, which makes many removals at once far faster: docs/adr/0005-prune-side-by-side-on-the-containerd-store.md), each removing its part in order, as the action sends them where the CLI talks to a unix socket (docs/adr/0004-prune-through-the-engine-api.md); no CLI process starts there, so that is the lower of the two floors.",
        `Each repeat: the loop, then the action and the two bare removals in turn (which goes first rotates from repeat to repeat), ${prune.rows[0]?.loop.length ?? 0} repeat(s) per count; before each timed removal the imported tags are synced to disk and the CPUs quiet, so that what the import left running is not timed as the removal's cost. The action lists only this repository's tags, its labelled dangling images and the containers, and inspects only the candidates and the repository's images that stay; the last column says how many images the engine held besides.`,
        `Growth of what the action's prune adds to the run with the tag count, least squares over all runs: ${(prune.fit.slope * 100).toFixed(3)} s per 100 tags + ${prune.fit.intercept.toFixed(3)} s, r² ${prune.fit.r2.toFixed(3)}.`,
      ].join('\n'),
      '',
      pruneTable(prune),
    );
  }

  if (startup) {
    const { cold, rss, floorRss } = startup;
    lines.push(
      '',
      '## 4. Bundle cold start and peak RSS',
      '',
      [
        `Cold start: \`node dist/index.js\` with the runner's command files and action.yml's input defaults but no \`image\`, so it fails at once on the missing input; spawned from this process and timed to its exit, ${cold.bundle.length} times, interleaved with \`node -e ''\` (the floor: node itself) and with post after a main that cleaned up (\`STATE_*\` as the runner passes them), after one untimed run of each (file cache warm).`,
        ...(cold.floorWithCaCerts.length === 0
          ? []
          : [
              `This machine sets \`NODE_EXTRA_CA_CERTS\`, which the hosted runners do not: node reads and parses that file as every process starts. The cold start runs without it (bundle and floor alike); with it, \`node -e ''\` alone takes ${medianRange(cold.floorWithCaCerts, 1)} ms.`,
            ]),
        `Peak RSS: each of the action's node processes (main, post) reports its VmHWM (the kernel's peak resident set) from /proc/self/status as it exits, by a hook preloaded with \`NODE_OPTIONS=--import=bench/rss-hook.mjs\`, over ${rss.main.length} full cycle(s) (warm cache, tests, no deploy). docker CLI children are separate processes and not counted.`,
        `Cross-check on the cold start: the hook says ${(cold.coldRss.hookKb / 1024).toFixed(1)} MiB; GNU time -v says ${cold.coldRss.gnuTimeKb === undefined ? 'n/a (install the `time` package)' : `${(cold.coldRss.gnuTimeKb / 1024).toFixed(1)} MiB`}. Bare \`node -e ''\`: ${floorRss.toFixed(1)} MiB.`,
      ].join('\n'),
      '',
      '| | median (min–max) |',
      '| --- | ---: |',
      `| cold start, \`node dist/index.js\` (missing input) | ${medianRange(cold.bundle, 1)} ms |`,
      `| floor, \`node -e ''\` | ${medianRange(cold.floor, 1)} ms |`,
      `| bundle above the floor | ${(median(cold.bundle) - median(cold.floor)).toFixed(1)} ms |`,
      `| post with nothing to undo (main cleaned up), \`node dist/index.js\` | ${medianRange(cold.post, 1)} ms |`,
      `| CLI cold start, \`node dist/cli/index.js\` (missing --image, exit 2) | ${medianRange(cold.cli, 1)} ms |`,
      `| peak RSS, main | ${medianRange(rss.main, 1)} MiB |`,
      `| peak RSS, post | ${medianRange(rss.post, 1)} MiB |`,
    );
  }

  if (deploy) {
    lines.push(
      '',
      '## 5. Deploy to the local registry',
      '',
      [
        'The action with `deploy: true` and credentials against a real distribution registry with htpasswd auth on 127.0.0.1 (`__tests__/harness/registry.mjs`): its push phase by its own `Took` line (login, push of `:<sha7>`, then `:latest`, and the digest check).',
        "By hand: `docker login --password-stdin`, `docker push` of the two tags, timed from the first command's start to the last one's end (logout afterwards, untimed, like the action's, which is in its clean-up).",
        "Each run pushes a new commit's image to a repository that already holds the base layers; pairs interleaved after one warm-up pair.",
      ].join('\n'),
      '',
      '| pair | action push phase s | by hand s | ratio |',
      '| ---: | ---: | ---: | ---: |',
      ...ratioRows(deploy.action, deploy.hand),
      `| **median** | **${median(deploy.action).toFixed(3)}** | **${median(deploy.hand).toFixed(3)}** | **${(median(deploy.action) / median(deploy.hand)).toFixed(3)}** (ratio of medians) |`,
    );
  }

  if (cache) {
    lines.push(
      '',
      '## 6. The layer cache from the registry on a fresh engine',
      '',
      [
        `A Dockerfile \`FROM btd-e2e/busybox:base\` with a step of about ${cache.expensiveSeconds} s (\`RUN … sleep ${cache.expensiveSeconds}\`, then writing a file; a build arg \`SEED\` new for each benchmark run, so that its first build is cold), then a cheap one that changes with each commit (\`COPY version.txt\` and a \`RUN\` reading it). Times are the action's build phase by its own \`Took\` line (the login and the cache pull included, the run, tests and clean-up not).`,
        "Each round: the first engine deploys commit N (`deploy: true`, credentials; `cache-from: none`, so that its cache is only what it built itself, and the default `cache-to: auto`) to the local registry with htpasswd auth, untimed; then commit N+1 is built (a) cold, on a fresh second engine (`__tests__/harness/second-engine.mjs`: its own dockerd on a tmpfs, in a network namespace that reaches only the registry's port, the base image copied in) with `cache-from: none`; (b) on another fresh second engine with the default `cache-from: auto`, so from the :latest the deploy pushed (BuildKit: inline cache; classic: `docker pull` first); (c) on the first engine, which built commit N, with `cache-from: none`: a warm local rebuild.",
        'Interleaved a, b, c, a, b, c… after one warm-up round; each fresh engine is started before its run and stopped after it, untimed. Each run is checked: (a) reused nothing, (b) hit (`cache-hit` true, at least one step reused), (c) hit its own cache.',
      ].join('\n'),
      '',
      '| repeat | cold s | from registry s | warm local s | cold ÷ registry | registry ÷ warm | from registry: steps reused, run |',
      '| ---: | ---: | ---: | ---: | ---: | ---: | --- |',
      ...cache.cold.map(
        (cold, i) =>
          `| ${i + 1} | ${cold.toFixed(3)} | ${cache.registry[i].toFixed(3)} | ${cache.warm[i].toFixed(3)} | ${(cold / cache.registry[i]).toFixed(1)}× | ${(cache.registry[i] / cache.warm[i]).toFixed(2)}× | ${cache.rounds[i].registry.reused}, ${cache.rounds[i].registry.ran} |`,
      ),
      `| **median** | **${median(cache.cold).toFixed(3)}** | **${median(cache.registry).toFixed(3)}** | **${median(cache.warm).toFixed(3)}** | **${(median(cache.cold) / median(cache.registry)).toFixed(1)}×** | **${(median(cache.registry) / median(cache.warm)).toFixed(2)}×** (ratios of medians) | |`,
      '',
      `The action's cache line, last repeat: cold \`${cache.rounds.at(-1)?.cold.line ?? ''}\`; from registry \`${cache.rounds.at(-1)?.registry.line ?? ''}\`; warm local \`${cache.rounds.at(-1)?.warm.line ?? ''}\`.`,
    );
  }

  lines.push(
    '',
    '## Noise',
    '',
    [
      "Before each section the run waits until the CPUs are at least 90% idle over one second (at most 60 s), so that what the previous section left running (dockerd still deleting the prune section's layers) is not timed as the next one's cost.",
      "Sampled after each section: the 1-minute load average (2 cores here), running containers and images on the engine (others' test runs included).",
    ].join('\n'),
    '',
    '| section | waited before, s (CPUs idle) | ended at | load after | running containers | images |',
    '| --- | ---: | --- | ---: | ---: | ---: |',
    ...noise.map(
      (n) =>
        `| ${n.section} | ${n.quiet === undefined ? '' : `${n.quiet.waitedSeconds.toFixed(0)} (${(n.quiet.idle * 100).toFixed(0)}%)`} | ${n.at} | ${n.load1.toFixed(2)} | ${n.running} | ${n.images} |`,
    ),
  );
  return lines;
}
