import { versionAtLeast } from '../docker/engine-facts.js';
import type { Healthcheck } from '../docker/output.js';
import type { WaitFor } from './inputs.js';

// An image's HEALTHCHECK keeps its own cadence (Docker's default: the first check 30 s after the start), so a
// service that answers after 1 s would be found healthy after 30. While the container starts, its own check is
// asked every START_INTERVAL_MS instead: by the engine where it can (--health-start-interval, Docker 25 and
// later, so the engine's status, its events and compose's service_healthy agree), else by the action.

export const START_INTERVAL_MS = 200;
/** The engine release whose API (1.44) has a health check's start interval. */
export const START_INTERVAL_ENGINE = '25.0';

/** How the health check is asked while the container starts. */
export type HealthCadence =
  | {
      /** As the image (or run-args) says: nothing is changed. */
      readonly kind: 'image';
      readonly why: string;
    }
  | {
      /** The engine asks it every START_INTERVAL_MS during a start period as long as the wait. */
      readonly kind: 'engine';
      readonly check: Healthcheck;
      readonly runArgs: readonly string[];
      /** When the image's own settings would have found it unhealthy, had no check passed. */
      readonly unhealthyAfterMs: number;
    }
  | {
      /** The engine cannot (older than Docker 25): the action runs the same check every START_INTERVAL_MS. */
      readonly kind: 'action';
      readonly check: Healthcheck;
      /** The check as `docker exec` runs it in the container: CMD's argv, or CMD-SHELL's in the image's shell. */
      readonly command: readonly string[];
      readonly unhealthyAfterMs: number;
    };

/** run-args that set the health check: the user's own cadence, which wins. */
export function setsHealthcheck(runArgs: readonly string[]): boolean {
  return runArgs.some((arg) => /^--(?:health-[a-z-]+|no-healthcheck)(?:=|$)/.test(arg));
}

/**
 * When, by the image's own settings, a check that never passes makes the container unhealthy: at the
 * `retries`-th check after its start period (checks come every interval from the start).
 */
export function unhealthyAfterMs(check: Healthcheck): number {
  return (Math.floor(check.startPeriodMs / check.intervalMs) + check.retries) * check.intervalMs;
}

/** The command a health check runs, as `docker exec` would run it: CMD's argv, or CMD-SHELL's in the shell. */
export function checkCommand(check: Healthcheck, shell: readonly string[]): string[] {
  const [kind = '', ...rest] = check.test;
  if (kind === 'CMD-SHELL') return [...(shell.length > 0 ? shell : ['/bin/sh', '-c']), rest.join(' ')];
  return rest;
}

/** How the container's health check is asked while it starts: see HealthCadence. */
export function planHealthCadence(plan: {
  readonly check: Healthcheck | undefined;
  readonly shell: readonly string[];
  readonly waitFor: WaitFor;
  readonly runArgs: readonly string[];
  readonly engineVersion: string;
  readonly waitTimeoutSeconds: number;
}): HealthCadence {
  const { check } = plan;
  if (check === undefined) return { kind: 'image', why: 'the image has no health check' };
  if (plan.waitFor.kind !== 'auto' && plan.waitFor.kind !== 'healthy')
    return { kind: 'image', why: `wait-for is ${plan.waitFor.kind}, not its health` };
  if (setsHealthcheck(plan.runArgs)) return { kind: 'image', why: 'run-args set the health check' };
  const first = check.startIntervalMs > 0 && check.startPeriodMs > 0 ? check.startIntervalMs : check.intervalMs;
  if (first <= START_INTERVAL_MS) return { kind: 'image', why: `the image checks every ${first} ms already` };
  const unhealthy = unhealthyAfterMs(check);
  if (versionAtLeast(plan.engineVersion, START_INTERVAL_ENGINE))
    return {
      kind: 'engine',
      check,
      runArgs: [`--health-start-period=${plan.waitTimeoutSeconds}s`, `--health-start-interval=${START_INTERVAL_MS}ms`],
      unhealthyAfterMs: unhealthy,
    };
  return { kind: 'action', check, command: checkCommand(check, plan.shell), unhealthyAfterMs: unhealthy };
}

/** When the image's own cadence would have seen the first passing check of a service ready after `readyMs`. */
export function imageCadenceMs(check: Healthcheck, readyMs: number): number {
  const every = check.startIntervalMs > 0 && readyMs <= check.startPeriodMs ? check.startIntervalMs : check.intervalMs;
  return Math.max(1, Math.ceil(readyMs / every)) * every;
}

/** `3 retries every 30 s` (and its start period). */
export function describeCheck(check: Healthcheck): string {
  const period = check.startPeriodMs > 0 ? ` after a start period of ${check.startPeriodMs / 1000} s` : '';
  return `${check.retries} retries every ${check.intervalMs / 1000} s${period}`;
}

/** How the verdict was reached, for the log: what asked the check, and how often. */
export function describeCadence(cadence: HealthCadence): string {
  switch (cadence.kind) {
    case 'image':
      return `its health check at the image's own cadence (${cadence.why})`;
    case 'engine':
      return `its health check, asked by the engine every ${START_INTERVAL_MS} ms while it started (--health-start-interval)`;
    case 'action':
      return `its health check, run by the action every ${START_INTERVAL_MS} ms while it started (this engine has no --health-start-interval: Docker 25 or later does)`;
  }
}
