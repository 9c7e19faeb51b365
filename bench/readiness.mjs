// 2. Readiness latency: from the engine's `health_status: healthy` event to the test command starting.
// The container turns healthy at its first probe (one interval after its start). The engine's event time
// is the event's timeNano (dockerd's wall clock); the test command's start is read first thing by the test
// command itself: inside the container with busybox `adjtimex` (the kernel's wall clock, in µs: busybox
// `date` has no %N) or, with test-on runner, with GNU `date +%s%N` on the host. The container shares the
// host's kernel, so all three read the same CLOCK_REALTIME. Everything the action does in between counts:
// its `docker events` subscription delivering the event, ending the wait phase, and spawning the test
// (`docker exec` through the engine, or `sh -c` on the runner).
import { randomBytes } from 'node:crypto';
import { buildBaseImage } from '../__tests__/harness/base-image.mjs';
import { HEALTHY_DOCKERFILE, IMAGE_CADENCE_RUN_ARGS } from './cycle.mjs';
import {
  adjtimexClock,
  adjtimexNs,
  expectSuccess,
  followEvents,
  gitContext,
  removeLabelledContainers,
  removeRepositories,
  runActionTimed,
} from './support.mjs';

const REPOSITORY = 'bench-readiness/app';
const LABEL = 'bench.readiness';

// The first thing each test command does is read the clock; the numbers come back in the action's log.
const TEST_COMMANDS = {
  container: adjtimexClock('BENCH_T_'),
  runner: 'echo "BENCH_T_ns=$(date +%s%N)"',
};

/** The test command's start in ns since the epoch, from its BENCH_T_* lines. */
function testStartNs(stdout) {
  const ns = /^BENCH_T_ns=([0-9]+)$/m.exec(stdout);
  if (ns !== null) return BigInt(ns[1]);
  const sec = /^BENCH_T_sec=([0-9]+)$/m.exec(stdout);
  const usec = /^BENCH_T_usec=([0-9]+)$/m.exec(stdout);
  const status = /^BENCH_T_status=([0-9]+)$/m.exec(stdout);
  if (sec === null || usec === null) throw new Error(`no BENCH_T lines in the action's log:\n${stdout}`);
  return adjtimexNs({ sec: sec[1], usec: usec[1], status: status?.[1] });
}

async function once(context, on) {
  const id = randomBytes(4).toString('hex');
  const events = followEvents([`label=${LABEL}=${id}`]);
  const run = await runActionTimed({
    lineTimes: true,
    inputs: {
      image: REPOSITORY,
      context: context.dir,
      // The engine's own probe makes it healthy, so that its event is the moment the action acts on.
      'run-args': `--label=${LABEL}=${id}\n${IMAGE_CADENCE_RUN_ARGS}`,
      'test-on': on,
      'test-command': TEST_COMMANDS[on],
      'prune-grace': '0',
    },
  }).catch(async (error) => {
    await events.stop();
    throw error;
  });
  const healthy = (await events.stop()).find((event) => (event.Action ?? event.status) === 'health_status: healthy');
  expectSuccess(run, `readiness latency (test-on ${on})`);
  if (healthy === undefined) throw new Error('the engine reported no health_status: healthy event');
  const eventNs = BigInt(healthy.timeNano);
  const startNs = testStartNs(run.main.stdout);
  // Where the time goes, from when main's log lines reached this process (ms, same wall clock).
  const at = (pattern) => run.lines.find(({ line }) => pattern.test(line))?.at;
  const readyAt = at(/^Container .* is ready \(/);
  const spawnAt = at(/^\[command\](?:docker exec|sh -c)/);
  const eventMs = Number(eventNs) / 1e6;
  return {
    latencyMs: Number(startNs - eventNs) / 1e6,
    eventToReadyLineMs: readyAt === undefined ? Number.NaN : readyAt - eventMs,
    readyLineToSpawnMs: readyAt === undefined || spawnAt === undefined ? Number.NaN : spawnAt - readyAt,
    spawnToStartMs: spawnAt === undefined ? Number.NaN : Number(startNs) / 1e6 - spawnAt,
  };
}

/**
 * @param {{ runs: number, warmup: number, on: ('container' | 'runner')[], log: (line: string) => void }} options
 */
export async function benchReadiness({ runs, warmup, on, log }) {
  buildBaseImage();
  const context = gitContext('bench-readiness', { Dockerfile: HEALTHY_DOCKERFILE });
  /** @type {Record<string, Awaited<ReturnType<typeof once>>[]>} */
  const results = Object.fromEntries(on.map((where) => [where, []]));
  try {
    // Interleaved: container, runner, container, runner…
    for (let i = -warmup; i < runs; i++) {
      for (const where of on) {
        context.commit();
        const result = await once(context, where);
        if (i < 0) continue;
        results[where].push(result);
        log(
          `  ${where} ${i + 1}/${runs}: ${result.latencyMs.toFixed(1)} ms (event → ready line ${result.eventToReadyLineMs.toFixed(1)}, → spawn ${result.readyLineToSpawnMs.toFixed(1)}, → test start ${result.spawnToStartMs.toFixed(1)})`,
        );
      }
    }
  } finally {
    context.remove();
    removeLabelledContainers(LABEL);
    removeRepositories(REPOSITORY);
  }
  return results;
}
