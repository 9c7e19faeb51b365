// 3. Prune at 50, 200 and 500 stale tags: the action's prune phase (dist/index.js, as shipped, timed by its
// own "Took" line) against the seed's loop of one `docker image rm` per tag, and against the engine's own
// share (the same removals sent bare, 4 calls side by side). Each stale tag is its own image with its own
// layer, as after real builds. Interleaved: loop, action, bare, loop, action, bare…
// Run by bench/run.mjs; alone: node bench/prune.mjs [--counts 50,200,500] [--repeats 2]
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { buildBaseImage } from '../__tests__/harness/base-image.mjs';
import { ROOT, runAction } from '../__tests__/harness/run-action.mjs';
import { linearFit, median, medianRange } from './stats.mjs';
import { actionDir, docker, phaseKind, phasesOf, removeRepositories } from './support.mjs';

const run = promisify(execFile);
const SHA = 'a'.repeat(40);

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
  const refs = execFileSync('docker', ['image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', repository], {
    encoding: 'utf8',
  })
    .split('\n')
    .filter((ref) => ref !== '' && !ref.endsWith(':latest'));
  if (refs.length !== count) throw new Error(`${repository} holds ${refs.length} tags, expected ${count}`);
  const size = Math.ceil(refs.length / 4);
  const started = performance.now();
  await Promise.all(
    [0, 1, 2, 3]
      .map((i) => refs.slice(i * size, (i + 1) * size))
      .filter((part) => part.length > 0)
      .map((part) => run('docker', ['image', 'rm', ...part])),
  );
  return (performance.now() - started) / 1000;
}

async function actionPrune(repository, context) {
  const result = await runAction({
    inputs: { image: repository, context, sha: SHA, 'prune-grace': '0', 'run-args': '--no-healthcheck' },
    cwd: ROOT,
    actionDir: actionDir(),
  });
  const prune = phasesOf(result.main.stdout).find((phase) => phaseKind(phase.name) === 'Prune');
  if (result.main.exitCode !== 0 || prune === undefined) throw new Error(`action run failed:\n${result.main.stdout}`);
  // The listing runs beside the engine check, before the phase: counted in full, as if it did not.
  const listed = /^Listed .* in ([0-9.]+) s, beside the engine check\.$/m.exec(result.main.stdout);
  if (listed === null) throw new Error(`the prune phase did not say how long its listing took:\n${result.main.stdout}`);
  return { seconds: prune.seconds + Number(listed[1]), pruned: Number(result.outputs.pruned) };
}

/**
 * @param {{ counts: number[], repeats: number, log?: (line: string) => void }} options
 * @returns {Promise<{ rows: { count: number, loop: number[], action: number[], images: number[] }[], fit: ReturnType<typeof linearFit> }>}
 */
export async function benchPrune({ counts, repeats, log = console.log }) {
  buildBaseImage();
  const context = mkdtempSync(path.join(tmpdir(), 'bench-context-'));
  writeFileSync(path.join(context, 'Dockerfile'), 'FROM btd-e2e/busybox:base\nCMD ["sleep", "3600"]\n');
  const rows = [];
  try {
    for (const count of counts) {
      const loop = [];
      const action = [];
      const bare = [];
      // How many images the engine held: the action should not care (it looks at this repository's only).
      const images = [];
      for (let r = 0; r < repeats; r++) {
        const loopRepository = `bench-prune/loop-${count}`;
        await makeStaleTags(loopRepository, count);
        loop.push(seedLoop(loopRepository));

        const actionRepository = `bench-prune/action-${count}`;
        await makeStaleTags(actionRepository, count);
        images.push(docker('image', 'ls', '--all', '--quiet').split('\n').length);
        const measured = await actionPrune(actionRepository, context);
        if (measured.pruned !== count) throw new Error(`the action pruned ${measured.pruned}, expected ${count}`);
        action.push(measured.seconds);
        execFileSync(
          'docker',
          ['image', 'rm', `${actionRepository}:latest`, `${actionRepository}:${SHA.slice(0, 7)}`],
          { stdio: 'ignore' },
        );

        const bareRepository = `bench-prune/bare-${count}`;
        await makeStaleTags(bareRepository, count);
        bare.push(await bareRemoval(bareRepository, count));
        log(
          `  ${count} stale tags, ${r + 1}/${repeats}: seed loop ${loop.at(-1).toFixed(2)} s, action prune ${action.at(-1).toFixed(3)} s, bare parallel removal ${bare.at(-1).toFixed(3)} s`,
        );
      }
      rows.push({ count, loop, action, bare, images });
      log(
        `${count} stale tags: seed loop median ${median(loop).toFixed(2)} s, action prune median ${median(action).toFixed(3)} s, ${(median(loop) / median(action)).toFixed(1)}x`,
      );
    }
  } finally {
    rmSync(context, { recursive: true, force: true });
    removeRepositories(
      ...counts.flatMap((count) => [
        `bench-prune/loop-${count}`,
        `bench-prune/action-${count}`,
        `bench-prune/bare-${count}`,
      ]),
    );
  }
  const fit = linearFit(
    rows.flatMap(({ count, action }) => action.map(() => count)),
    rows.flatMap(({ action }) => action),
  );
  return { rows, fit };
}

export function pruneTable({ rows }) {
  return [
    '| stale tags | seed loop: median s (min–max) | action prune: median s (min–max) | speed-up (ratio of medians) | action s per 100 tags | bare parallel removal s | loop ÷ bare removal | images on the engine |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      ({ count, loop, action, bare, images }) =>
        `| ${count} | ${medianRange(loop, 2)} | ${medianRange(action)} | ${(median(loop) / median(action)).toFixed(1)}× | ${((median(action) / count) * 100).toFixed(3)} | ${medianRange(bare)} | ${(median(loop) / median(bare)).toFixed(1)}× | ${Math.min(...images)}–${Math.max(...images)} |`,
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
