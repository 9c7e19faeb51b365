// 2b. Readiness from the service answering to the test command starting, for images whose HEALTHCHECK keeps a
// slow cadence: Docker's default (the first check 30 s after the start) and a 5 s interval. The service records
// the moment it starts answering (busybox `adjtimex`, kernel wall clock, µs) just before it execs httpd; the test
// command reads the same clock as its first act. The action asks the check every 0.2 s while the container
// starts (the engine on Docker 25+, the action itself on older engines). Beside it, the engine's own cadence:
// the same image with the user's own `--health-interval` in run-args, which the action leaves as it is.
import { buildBaseImage } from '../__tests__/harness/base-image.mjs';
import {
  adjtimexClock,
  adjtimexNs,
  expectSuccess,
  gitContext,
  removeRepositories,
  runActionTimed,
} from './support.mjs';

const REPOSITORY = 'bench-cadence/app';
const CLOCK = `${adjtimexClock('')} | tr "\\n" " "`;

/** A service that answers 1 s after its start, its moment in /www/ready-at; the HEALTHCHECK at `interval`. */
function dockerfile(interval) {
  return [
    'FROM btd-e2e/busybox:base',
    'RUN mkdir -p /www && echo ready > /www/index.html',
    `HEALTHCHECK${interval === undefined ? '' : ` --interval=${interval}`} CMD wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1`,
    `CMD ["sh", "-c", ${JSON.stringify(`sleep 1; ${CLOCK} > /www/ready-at; exec httpd -f -p 8080 -h /www`)}]`,
    '',
  ].join('\n');
}

const TEST_COMMAND = `echo "BENCH_TEST $(${CLOCK})"; echo "BENCH_READY $(cat /www/ready-at)"`;

/** µs since the epoch from `sec=… usec=… status=…`. */
function micros(stdout, tag) {
  const line = new RegExp(`^${tag} (.*)$`, 'm').exec(stdout)?.[1] ?? '';
  const sec = /\bsec=([0-9]+)/.exec(line);
  const usec = /\busec=([0-9]+)/.exec(line);
  const status = /\bstatus=([0-9]+)/.exec(line);
  if (sec === null || usec === null) throw new Error(`no ${tag} line in the action's log:\n${stdout}`);
  return Number(adjtimexNs({ sec: sec[1], usec: usec[1], status: status?.[1] }) / 1000n);
}

async function once(context, runArgs) {
  context.commit();
  const run = await runActionTimed({
    inputs: {
      image: REPOSITORY,
      context: context.dir,
      'run-args': runArgs,
      'test-command': TEST_COMMAND,
      'wait-timeout': '120',
      'prune-grace': '0',
    },
  });
  expectSuccess(run, `readiness from the service answering (${runArgs || 'the action'})`);
  return (micros(run.main.stdout, 'BENCH_TEST') - micros(run.main.stdout, 'BENCH_READY')) / 1000;
}

/**
 * @param {{ runs: number, log: (line: string) => void }} options
 * @returns {Promise<{ cadence: string, interval: string, action: number[], engine: number[] }[]>}
 */
export async function benchCadence({ runs, log }) {
  buildBaseImage();
  const cases = [
    { cadence: "Docker's default", interval: undefined, own: '30s' },
    { cadence: '5 s interval', interval: '5s', own: '5s' },
  ];
  const results = [];
  try {
    for (const { cadence, interval, own } of cases) {
      const context = gitContext('bench-cadence', { Dockerfile: dockerfile(interval) });
      const result = { cadence, interval: own, action: [], engine: [] };
      try {
        await once(context, ''); // warm-up: the build's cache
        for (let i = 0; i < runs; i++) {
          result.action.push(await once(context, ''));
          result.engine.push(await once(context, `--health-interval=${own}`));
          log(
            `  ${cadence} ${i + 1}/${runs}: the action ${result.action.at(-1).toFixed(1)} ms, the engine's own cadence ${result.engine.at(-1).toFixed(1)} ms`,
          );
        }
      } finally {
        context.remove();
      }
      results.push(result);
    }
  } finally {
    removeRepositories(REPOSITORY);
  }
  return results;
}
