// 3. Prune at 50, 200 and 500 stale tags: what the action's prune (dist/index.js, as shipped) adds to its run
// against the seed's loop of one `docker image rm` per tag, and against the engine's own
// share (the same removals sent bare: by 4 `docker image rm` calls side by side, and by as many connections to the
// engine API as the action opens on that store, the road the action takes on a unix socket). Each stale tag is its own image with its own
// layer, as after real builds. Each repeat: loop, then action and the two bare removals in turn (which goes
// first rotates), each after its own tags were imported, synced to disk and the CPUs went quiet.
// Run by bench/run.mjs; alone: node bench/prune.mjs [--counts 50,200,500] [--repeats 2]
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildBaseImage } from '../__tests__/harness/base-image.mjs';
import { linearFit, median, medianRange } from './stats.mjs';
import {
  docker,
  engineApiDelete,
  gitContext,
  phaseKind,
  phasesOf,
  removeRepositories,
  runActionTimed,
  settle,
  usesContainerdStore,
} from './support.mjs';

const run = promisify(execFile);

/** N distinct single-layer images tagged repository:stale-<i>, imported 4 at a time. */
export async function makeStaleTags(repository, count) {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-prune-'));
  try {
    const jobs = Array.from({ length: count }, (_, i) => i);
    const worker = async () => {
      for (let i = jobs.shift(); i !== undefined; i = jobs.shift()) {
        const file = path.join(dir, `${i}.tar`);
        const content = path.join(dir, `content-${i}`);
        writeFileSync(content, `${repository} ${i} ${Math.random()}\n`);
        execFileSync('tar', ['-cf', file, '-C', dir, `content-${i}`]);
        await run('docker', ['image', 'import', '--change', 'CMD ["/content"]', file, `${repository}:stale-${i}`]);
      }
    };
    await Promise.all([worker(), worker(), worker(), worker()]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Before each timed removal: what the import left the disk and the engine doing is not timed as the removal's. */
async function quiet() {
  execFileSync('sync');
  await settle();
}

function seedLoop(repository) {
  const started = performance.now();
  const tags = execFileSync('docker', ['image', 'ls', '--format', '{{.Tag}}', repository], { encoding: 'utf8' })
    .split('\n')
    .filter((tag) => tag !== '' && tag !== 'latest');
  for (const tag of tags) execFileSync('docker', ['image', 'rm', `${repository}:${tag}`], { stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

/**
 * The engine's own share: the same tags removed by 4 `docker image rm` calls side by side (as the action
 * sends them), with nothing looked up first; timed from the first call's spawn to the last one's exit.
 */
async function bareRemoval(repository, count) {
  const started = performance.now();
  await Promise.all(bareParts(repository, count).map((part) => run('docker', ['image', 'rm', ...part])));
  return (performance.now() - started) / 1000;
}

// As many connections as the action's prune opens on this store (src/loop/prune.ts: pruneParallelism).
const CONTAINERD_API_CONNECTIONS = 32;
const apiConnections = () => (usesContainerdStore() ? CONTAINERD_API_CONNECTIONS : 4);

/**
 * The same, by as many connections to the engine API side by side as the action opens on this store (4; 32 on the
 * containerd store), each removing its part in order, as the action does.
 */
async function bareApiRemoval(repository, count) {
  const parts = bareParts(repository, count, apiConnections());
  const started = performance.now();
  await engineApiDelete(parts.map((part) => part.map((ref) => `/images/${encodeURIComponent(ref)}`)));
  return (performance.now() - started) / 1000;
}

/** The repository's tags but :latest, in `parts` (4) near-equal parts. */
function bareParts(repository, count, parts = 4) {
  const refs = execFileSync('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', repository], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((ref) => ref !== '' && !ref.endsWith(':latest'));
  if (refs.length !== count) throw new Error(`${repository} holds ${refs.length} tags, expected ${count}`);
  const size = Math.ceil(refs.length / parts);
  return Array.from({ length: parts }, (_, i) => refs.slice(i * size, (i + 1) * size)).filter(
    (part) => part.length > 0,
  );
}

/** Seconds from main's spawn to the build phase's first line. */
function untilBuild(run) {
  const build = run.lines.find(({ line }) => line.startsWith('::group::Build '));
  if (run.main.exitCode !== 0 || build === undefined) throw new Error(`action run failed:\n${run.main.stdout}`);
  return (build.at - run.spawnedAt) / 1000;
}

/**
 * The action's prune of the repository's stale tags, two ways. `seconds`: its phase's own `Took` line plus its
 * listing, which runs beside the engine check before the phase, counted in full as if it did not. `added`: what
 * pruning adds to the run, the build phase's start against a run with `prune: false` just before (same tags,
 * same engine), so the listing counts by how much it delays the check, no more and no less.
 */
async function actionPrune(repository, context) {
  const inputs = { image: repository, context, 'prune-grace': '0', 'run-args': '--no-healthcheck' };
  const kept = await runActionTimed({ lineTimes: true, inputs: { ...inputs, prune: 'false' } });
  const withoutPrune = untilBuild(kept);
  await quiet();
  const pruned = await runActionTimed({ lineTimes: true, inputs });
  const withPrune = untilBuild(pruned);
  const prune = phasesOf(pruned.main.stdout).find((phase) => phaseKind(phase.name) === 'Prune');
  if (prune === undefined) throw new Error(`the action did not prune:\n${pruned.main.stdout}`);
  const listed = /^Listed .* in ([0-9.]+) s, beside the engine check\.$/m.exec(pruned.main.stdout);
  if (listed === null) throw new Error(`the prune phase did not say how long its listing took:\n${pruned.main.stdout}`);
  return {
    seconds: prune.seconds + Number(listed[1]),
    added: withPrune - withoutPrune,
    pruned: Number(pruned.outputs.pruned),
  };
}

/**
 * @param {{ counts: number[], repeats: number, log?: (line: string) => void }} options
 * @returns {Promise<{ rows: { count: number, loop: number[], action: number[], added: number[], bare: number[], images: number[] }[], fit: ReturnType<typeof linearFit> }>}
 */
export async function benchPrune({ counts, repeats, log = console.log }) {
  buildBaseImage();
  // One commit the action reads from git, as after actions/checkout: both runs of a repeat build the same image.
  const context = gitContext('bench-prune-context', {
    Dockerfile: 'FROM btd-e2e/busybox:base\nCMD ["sleep", "3600"]\n',
  });
  const rows = [];
  try {
    for (const count of counts) {
      const loop = [];
      const action = [];
      const added = [];
      const bare = [];
      const bareApi = [];
      // How many images the engine held: the action should not care (it looks at this repository's only).
      const images = [];
      for (let r = 0; r < repeats; r++) {
        const loopRepository = `bench-prune/loop-${count}`;
        await makeStaleTags(loopRepository, count);
        await quiet();
        loop.push(seedLoop(loopRepository));

        const timeAction = async () => {
          const actionRepository = `bench-prune/action-${count}`;
          await makeStaleTags(actionRepository, count);
          images.push(docker('image', 'ls', '--all', '--quiet').split('\n').length);
          await quiet();
          const measured = await actionPrune(actionRepository, context.dir);
          if (measured.pruned !== count) throw new Error(`the action pruned ${measured.pruned}, expected ${count}`);
          action.push(measured.seconds);
          added.push(measured.added);
          // Its :latest and the commit's tag.
          removeRepositories(actionRepository);
        };
        const timeBare = async () => {
          const bareRepository = `bench-prune/bare-${count}`;
          await makeStaleTags(bareRepository, count);
          await quiet();
          bare.push(await bareRemoval(bareRepository, count));
        };
        const timeBareApi = async () => {
          const bareRepository = `bench-prune/bare-api-${count}`;
          await makeStaleTags(bareRepository, count);
          await quiet();
          bareApi.push(await bareApiRemoval(bareRepository, count));
        };
        // In turn, so that a drift of the machine over a repeat weighs on all alike.
        const order = [timeAction, timeBare, timeBareApi];
        for (const time of [...order.slice(r % 3), ...order.slice(0, r % 3)]) await time();
        log(
          `  ${count} stale tags, ${r + 1}/${repeats}: seed loop ${loop.at(-1).toFixed(2)} s, action prune ${action.at(-1).toFixed(3)} s (adds ${added.at(-1).toFixed(3)} s to the run), bare parallel removal ${bare.at(-1).toFixed(3)} s (${(added.at(-1) / bare.at(-1)).toFixed(2)}×), through the API ${bareApi.at(-1).toFixed(3)} s (${(added.at(-1) / bareApi.at(-1)).toFixed(2)}×)`,
        );
      }
      rows.push({ count, loop, action, added, bare, bareApi, images });
      log(
        `${count} stale tags: seed loop median ${median(loop).toFixed(2)} s, action prune median ${median(action).toFixed(3)} s (adds ${median(added).toFixed(3)} s), bare ${median(bare).toFixed(3)} s, through the API ${median(bareApi).toFixed(3)} s`,
      );
    }
  } finally {
    context.remove();
    removeRepositories(
      ...counts.flatMap((count) => [
        `bench-prune/loop-${count}`,
        `bench-prune/action-${count}`,
        `bench-prune/bare-${count}`,
        `bench-prune/bare-api-${count}`,
      ]),
    );
  }
  const fit = linearFit(
    rows.flatMap(({ count, added }) => added.map(() => count)),
    rows.flatMap(({ added }) => added),
  );
  return { rows, fit };
}

export function pruneTable({ rows }) {
  return [
    '| stale tags | seed loop: median s (min–max) | action: phase + listing, median s (min–max) | action: added to the run, median s (min–max) | speed-up (loop ÷ added) | added s per 100 tags | bare parallel removal s | added ÷ bare removal | bare through the API s | added ÷ bare through the API | loop ÷ bare removal | images on the engine |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ({ count, loop, action, added, bare, bareApi, images }) =>
        `| ${count} | ${medianRange(loop, 2)} | ${medianRange(action)} | ${medianRange(added)} | ${(median(loop) / median(added)).toFixed(1)}× | ${((median(added) / count) * 100).toFixed(3)} | ${medianRange(bare)} | ${(median(added) / median(bare)).toFixed(2)}× | ${medianRange(bareApi)} | ${(median(added) / median(bareApi)).toFixed(2)}× | ${(median(loop) / median(bare)).toFixed(1)}× | ${Math.min(...images)}–${Math.max(...images)} |`,
    ),
  ].join('\n');
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const option = (name, fallback) => {
    const index = args.indexOf(`--${name}`);
    return index === -1 ? fallback : args[index + 1];
  };
  const result = await benchPrune({
    counts: option('counts', '50,200,500').split(',').map(Number),
    repeats: Number(option('repeats', '2')),
  });
  const table = pruneTable(result);
  console.log(`\n${table}`);
  if (process.env.BENCH_OUTPUT) writeFileSync(process.env.BENCH_OUTPUT, `${table}\n`);
}
