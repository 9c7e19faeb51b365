// Prune at 50, 200 and 500 stale tags: the action's prune phase (dist/index.js, as shipped, timed by its
// own "Took" line) against the seed's loop of one `docker image rm` per tag. Each stale tag is its own
// image with its own layer, as after real builds. Usage: node bench/prune.mjs [--counts 50,200,500] [--repeats 2]
import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { buildBaseImage } from '../scripts/base-image.mjs';
import { ROOT, runAction } from '../scripts/run-action.mjs';
import { median } from './stats.mjs';

const run = promisify(execFile);
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const index = args.indexOf(`--${name}`);
  return index === -1 ? fallback : args[index + 1];
};
const counts = option('counts', '50,200,500').split(',').map(Number);
const repeats = Number(option('repeats', '2'));

/** N distinct single-layer images tagged repository:stale-<i>, imported 4 at a time. */
async function makeStaleTags(repository, count) {
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
  const tags = execFileSync('docker', ['image', 'ls', '--format', '{{.Tag}}', repository], { encoding: 'utf8' }).split('\n').filter((tag) => tag !== '' && tag !== 'latest');
  for (const tag of tags) execFileSync('docker', ['image', 'rm', `${repository}:${tag}`], { stdio: 'ignore' });
  return (performance.now() - started) / 1000;
}

async function actionPrune(repository, context) {
  const result = await runAction({
    inputs: { image: repository, context, sha: 'a'.repeat(40), 'prune-grace': '0', 'run-args': '--no-healthcheck' },
    cwd: ROOT,
  });
  const prune = result.main.stdout.slice(result.main.stdout.indexOf('::group::Prune'));
  const took = /^Took ([0-9.]+) s\.$/m.exec(prune);
  if (result.main.exitCode !== 0 || took === null) throw new Error(`action run failed:\n${result.main.stdout}`);
  return { seconds: Number(took[1]), pruned: Number(result.outputs.pruned) };
}

buildBaseImage();
const context = mkdtempSync(path.join(tmpdir(), 'bench-context-'));
writeFileSync(path.join(context, 'Dockerfile'), 'FROM btd-e2e/busybox:base\nCMD ["sleep", "3600"]\n');
const rows = [];
for (const count of counts) {
  const loop = [];
  const action = [];
  for (let r = 0; r < repeats; r++) {
    const loopRepository = `bench-prune/loop-${count}`;
    await makeStaleTags(loopRepository, count);
    loop.push(seedLoop(loopRepository));

    const actionRepository = `bench-prune/action-${count}`;
    await makeStaleTags(actionRepository, count);
    const measured = await actionPrune(actionRepository, context);
    if (measured.pruned !== count) throw new Error(`the action pruned ${measured.pruned}, expected ${count}`);
    action.push(measured.seconds);
    execFileSync('docker', ['image', 'rm', `${actionRepository}:latest`, `${actionRepository}:${'a'.repeat(7)}`], { stdio: 'ignore' });
  }
  rows.push({ count, loop, action });
  console.log(`${count} stale tags: seed loop median ${median(loop).toFixed(2)} s, action prune median ${median(action).toFixed(3)} s, ${(median(loop) / median(action)).toFixed(1)}x`);
}
rmSync(context, { recursive: true, force: true });

const range = (values) => `${Math.min(...values).toFixed(3)}–${Math.max(...values).toFixed(3)}`;
const table = [
  '| stale tags | seed loop: median s (min–max) | action prune: median s (min–max) | speed-up | action s per 100 tags |',
  '| ---: | ---: | ---: | ---: | ---: |',
  ...rows.map(({ count, loop, action }) => `| ${count} | ${median(loop).toFixed(2)} (${range(loop)}) | ${median(action).toFixed(3)} (${range(action)}) | ${(median(loop) / median(action)).toFixed(1)}× | ${(median(action) / count * 100).toFixed(3)} |`),
].join('\n');
console.log(`\n${table}`);
if (process.env.BENCH_OUTPUT) writeFileSync(process.env.BENCH_OUTPUT, `${table}\n`);
