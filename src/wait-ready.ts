import { docker, dockerUntil } from './docker-cli.js';
import { containerEventsArgs, containerInspectArgs, containerLogsArgs } from './docker-args.js';
import { parseContainerState, parseReadinessEvent, type ContainerState, type ReadinessEvent } from './docker-output.js';

export const LOG_TAIL_LINES = 100;

export type Verdict =
  | { readonly ready: true; readonly how: 'healthy' | 'running' }
  | { readonly ready: false; readonly reason: string };

/** What a container's current state says: a verdict, or undefined while it is still starting. */
export function verdictFromState(state: ContainerState): Verdict | undefined {
  if (state.status === 'exited' || state.status === 'dead') return { ready: false, reason: exitReason(state.exitCode, state.oomKilled) };
  if (state.status !== 'running') return undefined; // created, restarting, paused
  if (state.health === undefined) return { ready: true, how: 'running' };
  if (state.health.status === 'healthy') return { ready: true, how: 'healthy' };
  if (state.health.status === 'unhealthy') return { ready: false, reason: 'is unhealthy' };
  return undefined;
}

/** What an engine event says; undefined for events that decide nothing. `hasHealthcheck` is fixed per container. */
export function verdictFromEvent(event: ReadinessEvent | undefined, hasHealthcheck: boolean): Verdict | undefined {
  if (event === undefined) return undefined;
  switch (event.kind) {
    case 'healthy':
      return { ready: true, how: 'healthy' };
    case 'unhealthy':
      return { ready: false, reason: 'is unhealthy' };
    case 'exited':
      return { ready: false, reason: exitReason(event.exitCode, false) };
    case 'destroyed':
      return { ready: false, reason: 'was removed while the action waited for it' };
    case 'started':
      return hasHealthcheck ? undefined : { ready: true, how: 'running' };
    case 'oom':
      return undefined; // the die event that follows carries the verdict; inspection adds OOMKilled
  }
}

export function exitReason(exitCode: number, oomKilled: boolean): string {
  return `exited with code ${exitCode}${oomKilled ? ' (OOMKilled: it ran out of memory)' : ''}`;
}

/** The container did not come up; `diagnosis` says why, for a log group of its own. */
export class ContainerNotReadyError extends Error {
  constructor(readonly container: string, reason: string, readonly diagnosis: string) {
    super(`Container ${container} ${reason}.`);
    this.name = 'ContainerNotReadyError';
  }
}

/**
 * Waits until the container is healthy (with a HEALTHCHECK) or running (without), and fails at once
 * when it turns unhealthy or exits. Events are read from the container's creation on, on the engine's
 * clock, so a change between `docker run` and the subscription is replayed, never missed.
 */
export async function waitUntilReady(container: string, timeoutSeconds: number): Promise<'healthy' | 'running'> {
  const state = parseContainerState((await docker(containerInspectArgs(container), { silent: true })).stdout);
  let verdict = verdictFromState(state);
  if (verdict === undefined) {
    const hasHealthcheck = state.health !== undefined;
    const timeout = new AbortController();
    const timer = setTimeout(() => timeout.abort(), timeoutSeconds * 1000);
    try {
      verdict = await dockerUntil(containerEventsArgs(state.id, state.created), (line) => verdictFromEvent(parseReadinessEvent(line), hasHealthcheck), timeout.signal);
    } finally {
      clearTimeout(timer);
    }
    verdict ??= { ready: false, reason: `was not ready after ${timeoutSeconds} s (wait-timeout)` };
  }
  if (verdict.ready) return verdict.how;
  const final = await inspectQuietly(container);
  // The engine's final state is authoritative for the exit code and says whether it was OOMKilled.
  const reason = final !== undefined && verdict.reason.startsWith('exited') ? exitReason(final.exitCode, final.oomKilled) : verdict.reason;
  throw new ContainerNotReadyError(container, reason, await diagnosis(container, final));
}

async function inspectQuietly(container: string): Promise<ContainerState | undefined> {
  const result = await docker(containerInspectArgs(container), { silent: true, allowFailure: true });
  return result.exitCode === 0 ? parseContainerState(result.stdout) : undefined;
}

async function diagnosis(container: string, state: ContainerState | undefined): Promise<string> {
  const logs = await docker(containerLogsArgs(container, LOG_TAIL_LINES), { silent: true, allowFailure: true });
  return [
    state === undefined ? 'The container no longer exists.' : formatDiagnosis(state),
    `Logs (last ${LOG_TAIL_LINES} lines, stdout and stderr by time):`,
    mergeLogStreams(logs.stdout, logs.stderr) || '(no output)',
  ].join('\n');
}

/** `docker logs --timestamps` splits the container's stdout and stderr; its timestamps put them back in order. */
export function mergeLogStreams(stdout: string, stderr: string): string {
  const lines = (text: string): string[] => text.split('\n').filter((line) => line !== '');
  // RFC 3339 with fixed-width nanoseconds in UTC: text order is time order; the sort is stable for ties.
  return [...lines(stdout), ...lines(stderr)].sort((a, b) => (a.slice(0, 30) < b.slice(0, 30) ? -1 : a.slice(0, 30) > b.slice(0, 30) ? 1 : 0)).join('\n');
}

/** Everything a CI engineer needs to see why the container did not come up, in one collapsible group. */
export function formatDiagnosis(state: ContainerState): string {
  const lines = [
    `State: ${state.status}, exit code ${state.exitCode}, OOMKilled ${state.oomKilled}${state.error === '' ? '' : `, error: ${state.error}`}`,
  ];
  if (state.health === undefined) {
    lines.push('Health: no healthcheck');
  } else {
    lines.push(`Health: ${state.health.status}; last ${state.health.probes.length} probe(s):`);
    for (const probe of state.health.probes) {
      lines.push(`  ${probe.start} exit ${probe.exitCode}: ${probe.output.trim() === '' ? '(no output)' : probe.output.trim().replace(/\r?\n/g, '\n    ')}`);
    }
  }
  return lines.join('\n');
}
