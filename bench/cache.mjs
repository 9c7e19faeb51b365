// 6. The layer cache across runners: the action's build phase (its own "Took" line) of a Dockerfile with a
// step of about 10 s, in three ways: (a) cold, on a fresh second engine with `cache-from: none`; (b) on a
// fresh second engine with the default `cache-from: auto`, after the first engine deployed the previous
// commit to a local registry (__tests__/harness/registry.mjs), so the cache is that pushed :latest; (c) a warm
// local rebuild on the first engine, which built the previous commit, with `cache-from: none`.
// Each round: a deploy of commit N from the first engine (untimed; `cache-from: none`, `cache-to: auto`), then
// a, b, c building commit N+1, each of a and b on a fresh engine of its own (__tests__/harness/second-engine.mjs,
// started and stopped around it).
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildBaseImage } from '../__tests__/harness/base-image.mjs';
import { startRegistry } from '../__tests__/harness/registry.mjs';
import { startSecondEngine } from '../__tests__/harness/second-engine.mjs';
import {
  dockerOk,
  expectSuccess,
  gitContext,
  phaseKind,
  phasesOf,
  removeRepositories,
  runActionTimed,
} from './support.mjs';

export const EXPENSIVE_SECONDS = 10;

export const CACHE_DOCKERFILE = [
  'FROM btd-e2e/busybox:base',
  // Per benchmark run: the first build is cold whatever the engines built before.
  'ARG SEED=unset',
  `RUN echo "seed $SEED" && sleep ${EXPENSIVE_SECONDS} && echo "$SEED $(date)" > /expensive`,
  // Changes with every commit: what a fresh engine builds anew.
  'COPY version.txt /version.txt',
  'RUN cat /version.txt > /version.built',
  'HEALTHCHECK --interval=1s --timeout=1s --retries=3 CMD true',
  'CMD ["sleep", "3600"]',
  '',
].join('\n');

const ENGINE_MB = 400;

/**
 * @param {{ repeats: number, warmup: number, log: (line: string) => void }} options
 */
export async function benchCache({ repeats, warmup, log }) {
  buildBaseImage();
  const credentials = { username: 'bench', password: `bench-${Math.random().toString(36).slice(2)}` };
  const registry = await startRegistry(credentials);
  const registryPort = Number(registry.host.split(':')[1]);
  const image = `${registry.host}/bench/cache-${Math.random().toString(36).slice(2, 8)}`;
  const seed = Math.random().toString(36).slice(2);
  const context = gitContext('bench-cache', { Dockerfile: CACHE_DOCKERFILE, 'version.txt': 'v0\n' });
  const login = { 'registry-username': credentials.username, 'registry-password': credentials.password };
  let version = 0;
  /** A new commit whose version.txt says which. */
  const commit = () => {
    version++;
    writeFileSync(path.join(context.dir, 'version.txt'), `v${version}\n`);
    execFileSync('git', ['-C', context.dir, 'add', 'version.txt']);
    return { sha: context.commit(), version: `v${version}` };
  };
  /** One run of the action on the engine `host` (undefined: the first engine); its build phase and cache. */
  const build = async (what, { sha, version: current }, inputs, host) => {
    const run = await runActionTimed({
      inputs: {
        image,
        context: context.dir,
        sha,
        'build-args': `SEED=${seed}`,
        'test-command': `grep -qx ${current} /version.built`,
        'prune-grace': '0',
        ...inputs,
      },
      env: host === undefined ? {} : { DOCKER_HOST: host },
    });
    expectSuccess(run, what);
    const phase = phasesOf(run.main.stdout).find((p) => phaseKind(p.name) === 'Build');
    if (phase === undefined) throw new Error(`${what}: no build phase in the log:\n${run.main.stdout}`);
    return {
      seconds: phase.seconds,
      hit: run.outputs['cache-hit'],
      reused: Number(run.outputs['cache-steps-reused']),
      ran: Number(run.outputs['cache-steps-run']),
      line: /^cache: .*$/m.exec(run.main.stdout)?.[0] ?? '(no cache line)',
      run,
    };
  };
  /** The same on a fresh second engine that reaches the registry, stopped afterwards. */
  const onFreshEngine = async (what, target, inputs) => {
    const engine = await startSecondEngine({ sizeMb: ENGINE_MB, reachPorts: [registryPort], baseImage: 'copy' });
    try {
      return await build(what, target, inputs, engine.host);
    } finally {
      await engine.stop();
    }
  };
  const cold = [];
  const registryHit = [];
  const warm = [];
  /** @type {{ registry: { reused: number, ran: number, line: string }, cold: { line: string }, warm: { line: string } }[]} */
  const rounds = [];
  try {
    for (let i = -warmup; i < repeats; i++) {
      const deployed = commit();
      // With `cache-from: none`, so that the first engine's cache stays what it built itself: on the classic
      // builder, steps restored from a pulled :latest (--cache-from) are not the engine's own cache for a build
      // without it, and the prune removes the chain that was.
      const deploy = await build('cache: the deploy of the previous commit', deployed, {
        deploy: 'true',
        'cache-from': 'none',
        ...login,
      });
      if (deploy.run.outputs.pushed !== 'true')
        throw new Error(`the deploy pushed nothing:\n${deploy.run.main.stdout}`);
      const next = commit();

      const a = await onFreshEngine('cache: cold, fresh engine', next, { 'cache-from': 'none' });
      if (a.hit !== 'false')
        throw new Error(`the cold build hit a cache (cache-hit ${a.hit}: ${a.line}):\n${a.run.main.stdout}`);
      const b = await onFreshEngine('cache: from the registry, fresh engine', next, login);
      if (b.hit !== 'true' || !(b.reused >= 1))
        throw new Error(
          `the build on a fresh engine did not hit the registry's cache (cache-hit ${b.hit}, ${b.reused} step(s) reused: ${b.line}):\n${b.run.main.stdout}`,
        );
      const c = await build('cache: warm local rebuild', next, { 'cache-from': 'none' });
      if (c.hit !== 'true')
        throw new Error(`the warm local rebuild did not hit (cache-hit ${c.hit}: ${c.line}):\n${c.run.main.stdout}`);

      const times = `cold ${a.seconds.toFixed(3)} s, from registry ${b.seconds.toFixed(3)} s (${b.line}), warm local ${c.seconds.toFixed(3)} s`;
      if (i < 0) {
        log(`  warm-up: ${times} (not counted)`);
        continue;
      }
      cold.push(a.seconds);
      registryHit.push(b.seconds);
      warm.push(c.seconds);
      rounds.push({
        cold: { line: a.line },
        registry: { reused: b.reused, ran: b.ran, line: b.line },
        warm: { line: c.line },
      });
      log(
        `  repeat ${i + 1}/${repeats}: ${times}; cold ÷ registry ${(a.seconds / b.seconds).toFixed(1)}×, registry ÷ warm ${(b.seconds / c.seconds).toFixed(2)}×`,
      );
    }
  } finally {
    context.remove();
    dockerOk('logout', registry.host);
    removeRepositories(image);
    await registry.stop();
  }
  return { cold, registry: registryHit, warm, rounds, expensiveSeconds: EXPENSIVE_SECONDS };
}
