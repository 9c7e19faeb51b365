import { connect } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Engine } from '../docker/engine.js';
import type { ContainerState, PortBinding, ReadinessEvent } from '../docker/output.js';
import { describeCadence, describeCheck, START_INTERVAL_MS, type HealthCadence } from './health-cadence.js';
import type { WaitFor } from './inputs.js';

export const LOG_TAIL_LINES = 100;
const PROBE_INTERVAL_MS = 100;
const PROBE_TIMEOUT_MS = 2000;
// docker-proxy accepts a connection on the published port even when nothing listens inside, then
// closes it: a connection still open (or answering) after this long reached the service.
const TCP_SETTLE_MS = 100;

/** `auto` resolved against the container: every other kind as it is. */
export type Condition = Exclude<WaitFor, { kind: 'auto' }>;

/** What ready means for this container: `auto` is healthy with a healthcheck, else running. */
export function resolveCondition(waitFor: WaitFor, state: ContainerState): Condition {
  if (waitFor.kind === 'auto') return state.health === undefined ? { kind: 'running' } : { kind: 'healthy' };
  return waitFor;
}

export function describeCondition(condition: Condition): string {
  switch (condition.kind) {
    case 'healthy':
    case 'running':
      return condition.kind;
    case 'http':
      return `answering GET :${condition.port}${condition.path} with ${condition.status ?? '2xx'}`;
    case 'tcp':
      return `accepting connections on :${condition.port}`;
    case 'log':
      return `logging a line matching /${condition.pattern.source}/`;
    case 'exit':
      return 'exited with code 0';
  }
}

export type Verdict = { readonly ready: true } | { readonly ready: false; readonly reason: string };

const READY: Verdict = { ready: true };

/** What the container's current state says: a verdict, or undefined while it is still coming up. */
export function verdictFromState(state: ContainerState, condition: Condition): Verdict | undefined {
  if (state.status === 'exited' || state.status === 'dead') {
    return condition.kind === 'exit' && state.exitCode === 0
      ? READY
      : { ready: false, reason: exitReason(state.exitCode, state.oomKilled) };
  }
  if (condition.kind === 'healthy' && state.health === undefined) {
    return {
      ready: false,
      reason:
        'has no healthcheck, but wait-for is healthy (add a HEALTHCHECK or --health-cmd, or choose another wait-for)',
    };
  }
  if (state.status !== 'running') return undefined; // created, restarting, paused
  if (condition.kind !== 'exit' && state.health?.status === 'unhealthy')
    return { ready: false, reason: 'is unhealthy' };
  if (condition.kind === 'running') return READY;
  if (condition.kind === 'healthy' && state.health?.status === 'healthy') return READY;
  return undefined;
}

/** What an engine event says; undefined for events that decide nothing. */
export function verdictFromEvent(event: ReadinessEvent | undefined, condition: Condition): Verdict | undefined {
  if (event === undefined) return undefined;
  switch (event.kind) {
    case 'healthy':
      return condition.kind === 'healthy' ? READY : undefined;
    case 'unhealthy':
      return condition.kind === 'exit' ? undefined : { ready: false, reason: 'is unhealthy' };
    case 'exited':
      return condition.kind === 'exit' && event.exitCode === 0
        ? READY
        : { ready: false, reason: exitReason(event.exitCode, false) };
    case 'destroyed':
      return { ready: false, reason: 'was removed while the action waited for it' };
    case 'started':
      return condition.kind === 'running' ? READY : undefined;
    case 'oom':
      return undefined; // the die event that follows carries the verdict; inspection adds OOMKilled
  }
}

export function exitReason(exitCode: number, oomKilled: boolean): string {
  return `exited with code ${exitCode}${oomKilled ? ' (OOMKilled: it ran out of memory)' : ''}`;
}

/** Where the runner reaches a published container port: `127.0.0.1:32768`; undefined when not published. */
export function publishedAddress(
  ports: Readonly<Record<string, readonly PortBinding[]>>,
  port: number,
  protocol = 'tcp',
): string | undefined {
  const bindings = ports[`${port}/${protocol}`] ?? [];
  const binding = bindings.find((b) => !b.hostIp.includes(':')) ?? bindings[0];
  if (binding === undefined || binding.hostPort === '') return undefined;
  const host =
    binding.hostIp === '' || binding.hostIp === '0.0.0.0'
      ? '127.0.0.1'
      : binding.hostIp === '::'
        ? '[::1]'
        : binding.hostIp.includes(':')
          ? `[${binding.hostIp}]`
          : binding.hostIp;
  return `${host}:${binding.hostPort}`;
}

/** The container did not come up; `diagnosis` says why, for a log group of its own. */
export class ContainerNotReadyError extends Error {
  constructor(
    readonly container: string,
    reason: string,
    readonly diagnosis: string,
  ) {
    super(`Container ${container} ${reason}.`);
    this.name = 'ContainerNotReadyError';
  }
}

export interface Readiness {
  /** What ready meant, e.g. `healthy` or `answering GET :8080/ with 2xx`. */
  readonly condition: string;
  /** For `healthy`: how the verdict was reached (the check's cadence, and who asked it). */
  readonly how?: string | undefined;
  readonly seconds: number;
  /** The container as it was when the wait began (id, published ports). */
  readonly container: ContainerState;
}

/** Probes a port or the logs; `lastFailure` says what the last try saw, for the timeout message. */
interface Probe {
  readonly ready: Promise<Verdict | undefined>;
  readonly lastFailure: string;
}

function httpProbe(address: string, condition: Extract<Condition, { kind: 'http' }>, signal: AbortSignal): Probe {
  const seen = { lastFailure: 'no check finished yet' };
  const url = `http://${address}${condition.path}`;
  const accepts = (status: number): boolean =>
    condition.status === undefined ? status >= 200 && status < 300 : status === condition.status;
  const loop = async (): Promise<Verdict | undefined> => {
    while (!signal.aborted) {
      try {
        const response = await fetch(url, {
          redirect: 'manual',
          signal: AbortSignal.any([signal, AbortSignal.timeout(PROBE_TIMEOUT_MS)]),
        });
        await response.body?.cancel();
        if (accepts(response.status)) return READY;
        seen.lastFailure = `GET ${url} answered ${response.status}`;
      } catch (error) {
        seen.lastFailure = `GET ${url} failed: ${((error as Error).cause as Error | undefined)?.message ?? (error as Error).message}`;
      }
      await sleep(PROBE_INTERVAL_MS, undefined, { signal }).catch(() => undefined);
    }
    return undefined;
  };
  return {
    ready: loop(),
    get lastFailure() {
      return seen.lastFailure;
    },
  };
}

function tcpReachesService(host: string, port: number): Promise<boolean | string> {
  return new Promise((resolve) => {
    const socket = connect({ host: host.replace(/^\[|\]$/g, ''), port, timeout: PROBE_TIMEOUT_MS });
    const done = (result: boolean | string): void => {
      socket.destroy();
      resolve(result);
    };
    socket.once('connect', () => setTimeout(() => done(true), TCP_SETTLE_MS));
    socket.once('data', () => done(true));
    socket.once('end', () => done('the connection was closed at once (nothing listens inside yet)'));
    socket.once('error', (error) => done(error.message));
    socket.once('timeout', () => done('connect timed out'));
  });
}

function tcpProbe(address: string, signal: AbortSignal): Probe {
  const seen = { lastFailure: 'no check finished yet' };
  const colon = address.lastIndexOf(':');
  const loop = async (): Promise<Verdict | undefined> => {
    while (!signal.aborted) {
      const result = await tcpReachesService(address.slice(0, colon), Number(address.slice(colon + 1)));
      if (result === true) return READY;
      seen.lastFailure = `connecting to ${address}: ${result === false ? 'failed' : result}`;
      await sleep(PROBE_INTERVAL_MS, undefined, { signal }).catch(() => undefined);
    }
    return undefined;
  };
  return {
    ready: loop(),
    get lastFailure() {
      return seen.lastFailure;
    },
  };
}

function logProbe(engine: Engine, container: string, pattern: RegExp, signal: AbortSignal): Probe {
  const ready = engine.untilLogLine(container, (line) => (pattern.test(line) ? READY : undefined), signal);
  return { ready, lastFailure: `no log line matched /${pattern.source}/` };
}

const never = new Promise<never>(() => undefined);

/**
 * Waits until the container is ready as `waitFor` says, and fails at once when it turns unhealthy,
 * exits (unless that is what it waits for) or is removed. Engine events are read from the container's
 * creation on, on the engine's clock, so a change between `docker run` and the subscription is
 * replayed, never missed; port and log probes run alongside.
 */
export async function waitUntilReady(
  engine: Engine,
  container: string,
  waitFor: WaitFor,
  timeoutSeconds: number,
  cadence: HealthCadence = { kind: 'image', why: 'none was planned' },
  builtImageId?: string,
): Promise<Readiness> {
  const started = performance.now();
  const state = await engine.inspectContainer(container);
  const condition = resolveCondition(waitFor, state);
  let verdict: Verdict | undefined =
    builtImageId !== undefined && state.image !== builtImageId
      ? {
          ready: false,
          reason: `runs the image ${state.image}, not ${builtImageId}, the one built here and to be tested: docker run took another image`,
        }
      : verdictFromState(state, condition);
  // What the image's own health settings would have decided, said with the diagnosis.
  let imageRule: string | undefined;
  if (verdict === undefined) {
    const stop = new AbortController();
    // What must end before the wait returns, beyond the watchers themselves.
    const stopped: Promise<unknown>[] = [];
    const watchers: Promise<Verdict | undefined>[] = [
      engine.untilEvent(state, (event) => verdictFromEvent(event, condition), stop.signal),
    ];
    if (condition.kind === 'healthy' && cadence.kind !== 'image') {
      if (cadence.kind === 'action') {
        const checks = actionHealthProbe(engine, state.id, cadence, stop.signal);
        watchers.push(checks.ready);
        stopped.push(checks.settled);
      }
      // The engine counts no failure during the longer start period: the image's own rule fails it as early.
      if (cadence.unhealthyAfterMs < timeoutSeconds * 1000)
        watchers.push(
          sleep(cadence.unhealthyAfterMs, undefined, { signal: stop.signal }).then(
            (): Verdict => {
              imageRule = `No health check passed within ${cadence.unhealthyAfterMs / 1000} s, when the image's own settings (${describeCheck(cadence.check)}) make it unhealthy; it was asked every ${START_INTERVAL_MS} ms meanwhile.`;
              return { ready: false, reason: 'is unhealthy' };
            },
            () => undefined,
          ),
        );
    }
    let probe: Probe | undefined;
    if (condition.kind === 'http' || condition.kind === 'tcp') {
      const address = publishedAddress(state.ports, condition.port);
      if (address === undefined) {
        verdict = {
          ready: false,
          reason: `does not publish port ${condition.port}/tcp to the host, which wait-for ${condition.kind}:${condition.port} needs (add --publish=127.0.0.1::${condition.port} to run-args)`,
        };
      } else {
        probe = condition.kind === 'http' ? httpProbe(address, condition, stop.signal) : tcpProbe(address, stop.signal);
      }
    } else if (condition.kind === 'log') {
      probe = logProbe(engine, state.id, condition.pattern, stop.signal);
    }
    if (probe !== undefined) watchers.push(probe.ready);
    try {
      if (verdict === undefined) {
        const timeout = sleep(timeoutSeconds * 1000, undefined, { signal: stop.signal }).then(
          (): Verdict => ({
            ready: false,
            reason: `was not ${describeCondition(condition)} after ${timeoutSeconds} s (wait-timeout)${probe === undefined ? '' : `; last check: ${probe.lastFailure}`}`,
          }),
          () => undefined,
        );
        // A watcher that ends without a verdict (a log stream of a stopped container) never wins the race.
        verdict = await Promise.race([timeout, ...watchers].map((watcher) => watcher.then((v) => v ?? never)));
      }
    } finally {
      stop.abort();
      await Promise.allSettled([...watchers, ...stopped]);
    }
  }
  if (verdict.ready)
    return {
      condition: describeCondition(condition),
      seconds: (performance.now() - started) / 1000,
      container: state,
      how: condition.kind === 'healthy' ? describeCadence(cadence) : undefined,
    };
  const final = await engine.findContainer(container);
  // The engine's final state is authoritative for the exit code and says whether it was OOMKilled.
  const reason =
    final !== undefined && verdict.reason.startsWith('exited')
      ? exitReason(final.exitCode, final.oomKilled)
      : verdict.reason;
  throw new ContainerNotReadyError(container, reason, await diagnosis(engine, container, final, imageRule));
}

/** Checks of the image's own running at once: a slow check never delays the next start, a hung one never piles up. */
const ACTION_PROBES_IN_FLIGHT = 2;

/**
 * The image's health check, run by the action until it passes: one starts every START_INTERVAL_MS (start to
 * start, so the check's own run time is not added to the wait), while fewer than ACTION_PROBES_IN_FLIGHT run.
 * `settled` ends when the signal has stopped every check it started.
 */
function actionHealthProbe(
  engine: Engine,
  container: string,
  cadence: Extract<HealthCadence, { kind: 'action' }>,
  signal: AbortSignal,
): { ready: Promise<Verdict | undefined>; settled: Promise<unknown> } {
  const running = new Set<Promise<unknown>>();
  let ticker: NodeJS.Timeout | undefined;
  const ready = new Promise<Verdict | undefined>((resolve) => {
    const finish = (verdict: Verdict | undefined): void => {
      clearInterval(ticker);
      resolve(verdict);
    };
    const start = (): void => {
      if (signal.aborted || running.size >= ACTION_PROBES_IN_FLIGHT) return;
      const check = engine.probeHealth(container, cadence.command, cadence.check.timeoutMs, signal).then(
        (passed) => {
          if (passed && !signal.aborted) finish(READY);
        },
        () => undefined,
      );
      running.add(check);
      void check.finally(() => running.delete(check));
    };
    if (signal.aborted) return finish(undefined);
    signal.addEventListener('abort', () => finish(undefined), { once: true });
    ticker = setInterval(start, START_INTERVAL_MS);
    start();
  });
  const settled = new Promise<void>((resolve) => {
    if (signal.aborted) resolve();
    else signal.addEventListener('abort', () => resolve(), { once: true });
  }).then(() => Promise.allSettled([...running]));
  return { ready, settled };
}

async function diagnosis(
  engine: Engine,
  container: string,
  state: ContainerState | undefined,
  note: string | undefined,
): Promise<string> {
  const logs = await engine.containerLogs(container, LOG_TAIL_LINES);
  return [
    ...(note === undefined ? [] : [note]),
    state === undefined ? 'The container no longer exists.' : formatDiagnosis(state),
    `Logs (last ${LOG_TAIL_LINES} lines, stdout and stderr by time):`,
    logs || '(no output)',
  ].join('\n');
}

/** Everything a CI engineer needs to see why the container did not come up, in one collapsible group. */
export function formatDiagnosis(state: ContainerState): string {
  const published = Object.entries(state.ports).map(
    ([port, bindings]) =>
      `${port} → ${bindings.map((b) => `${b.hostIp || '0.0.0.0'}:${b.hostPort}`).join(', ') || 'not published'}`,
  );
  const lines = [
    `State: ${state.status}, exit code ${state.exitCode}, OOMKilled ${state.oomKilled}${state.error === '' ? '' : `, error: ${state.error}`}`,
    `Ports: ${published.length === 0 ? 'none' : published.join('; ')}`,
  ];
  if (state.health === undefined) {
    lines.push('Health: no healthcheck');
  } else {
    lines.push(`Health: ${state.health.status}; last ${state.health.probes.length} probe(s):`);
    for (const probe of state.health.probes) {
      lines.push(
        `  ${probe.start} exit ${probe.exitCode}: ${probe.output.trim() === '' ? '(no output)' : probe.output.trim().replace(/\r?\n/g, '\n    ')}`,
      );
    }
  }
  return lines.join('\n');
}
