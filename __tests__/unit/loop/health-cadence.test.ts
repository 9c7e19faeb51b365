import { describe, expect, it } from 'vitest';
import { HEALTHCHECK_DEFAULTS, type Healthcheck } from '../../../src/docker/output.js';
import {
  checkCommand,
  imageCadenceMs,
  planHealthCadence,
  setsHealthcheck,
  unhealthyAfterMs,
} from '../../../src/loop/health-cadence.js';
import type { WaitFor } from '../../../src/loop/inputs.js';

const DEFAULT_CADENCE: Healthcheck = {
  test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
  ...HEALTHCHECK_DEFAULTS,
  startIntervalMs: 0,
};
const check = (fields: Partial<Healthcheck> = {}): Healthcheck => ({ ...DEFAULT_CADENCE, ...fields });
const auto: WaitFor = { kind: 'auto' };

function plan(fields: Partial<Parameters<typeof planHealthCadence>[0]> = {}) {
  return planHealthCadence({
    check: DEFAULT_CADENCE,
    shell: [],
    waitFor: auto,
    runArgs: [],
    engineVersion: '28.5.2+dfsg4',
    waitTimeoutSeconds: 60,
    ...fields,
  });
}

describe('planHealthCadence', () => {
  it('Docker 25 and later: the engine asks the check every 200 ms during a start period as long as the wait', () => {
    expect(plan()).toEqual({
      kind: 'engine',
      check: DEFAULT_CADENCE,
      runArgs: ['--health-start-period=60s', '--health-start-interval=200ms'],
      unhealthyAfterMs: 90_000,
    });
    expect(plan({ engineVersion: '25.0.0' }).kind).toBe('engine');
    expect(plan({ waitFor: { kind: 'healthy' }, waitTimeoutSeconds: 5 })).toMatchObject({
      runArgs: ['--health-start-period=5s', '--health-start-interval=200ms'],
    });
  });

  it('an older engine: the action runs the same command, in the image’s shell for CMD-SHELL', () => {
    expect(plan({ engineVersion: '20.10.24+dfsg1' })).toEqual({
      kind: 'action',
      check: DEFAULT_CADENCE,
      command: ['/bin/sh', '-c', 'curl -f http://localhost/ || exit 1'],
      unhealthyAfterMs: 90_000,
    });
    expect(plan({ engineVersion: '24.0.9', shell: ['/bin/bash', '-o', 'pipefail', '-c'] })).toMatchObject({
      command: ['/bin/bash', '-o', 'pipefail', '-c', 'curl -f http://localhost/ || exit 1'],
    });
  });

  it.each<[string, Partial<Parameters<typeof planHealthCadence>[0]>, string]>([
    ['no health check', { check: undefined }, 'the image has no health check'],
    ['wait-for running', { waitFor: { kind: 'running' } }, 'wait-for is running, not its health'],
    [
      'wait-for http',
      { waitFor: { kind: 'http', port: 80, path: '/', status: undefined } },
      'wait-for is http, not its health',
    ],
    ['the user’s --health-interval', { runArgs: ['--health-interval=1s'] }, 'run-args set the health check'],
    [
      'the user’s --health-start-period value apart',
      { runArgs: ['--health-start-period', '120s'] },
      'run-args set the health check',
    ],
    ['--no-healthcheck', { runArgs: ['--no-healthcheck'] }, 'run-args set the health check'],
    [
      'an image that checks every 100 ms',
      { check: check({ intervalMs: 100 }) },
      'the image checks every 100 ms already',
    ],
    [
      'an image with a start interval of 200 ms',
      { check: check({ startPeriodMs: 10_000, startIntervalMs: 200 }) },
      'the image checks every 200 ms already',
    ],
  ])('leaves it as it is: %s', (_case, fields, why) => {
    expect(plan(fields)).toEqual({ kind: 'image', why });
  });

  it('does not take run-args that only look alike', () => {
    expect(setsHealthcheck(['--env=HEALTH=1', '--label=--health-interval', '--healthy'])).toBe(false);
    expect(setsHealthcheck(['--health-cmd=true'])).toBe(true);
  });
});

describe('unhealthyAfterMs: when the image’s own settings find a never passing check unhealthy', () => {
  it.each<[string, Partial<Healthcheck>, number]>([
    ['the defaults: 3 retries every 30 s', {}, 90_000],
    ['2 retries every 1 s', { intervalMs: 1000, retries: 2 }, 2000],
    ['a start period of 5 s, checks every 2 s, 3 retries', { intervalMs: 2000, startPeriodMs: 5000 }, 10_000],
    ['a start period shorter than the interval', { intervalMs: 30_000, startPeriodMs: 10_000, retries: 1 }, 30_000],
  ])('%s → %i ms', (_case, fields, ms) => {
    expect(unhealthyAfterMs(check(fields))).toBe(ms);
  });
});

describe('imageCadenceMs: when the image’s own cadence would first have seen a passing check', () => {
  it.each<[string, Partial<Healthcheck>, number, number]>([
    ['ready after 1 s, checks every 30 s', {}, 1000, 30_000],
    ['ready after 31 s', {}, 31_000, 60_000],
    ['ready after 1.2 s, checks every 5 s', { intervalMs: 5000 }, 1200, 5000],
    ['ready within its own start interval', { startPeriodMs: 10_000, startIntervalMs: 2000 }, 2500, 4000],
    ['ready after its start period', { startPeriodMs: 10_000, startIntervalMs: 2000 }, 12_000, 30_000],
  ])('%s', (_case, fields, readyMs, cadenceMs) => {
    expect(imageCadenceMs(check(fields), readyMs)).toBe(cadenceMs);
  });
});

describe('checkCommand', () => {
  it.each<[string[], string[], string[]]>([
    [['CMD', 'wget', '-q', 'http://127.0.0.1/'], [], ['wget', '-q', 'http://127.0.0.1/']],
    [['CMD-SHELL', 'test -f /ready'], [], ['/bin/sh', '-c', 'test -f /ready']],
    [
      ['CMD-SHELL', 'test -f /ready'],
      ['pwsh', '-Command'],
      ['pwsh', '-Command', 'test -f /ready'],
    ],
  ])('%j in %j', (test, shell, command) => {
    expect(checkCommand(check({ test }), shell)).toEqual(command);
  });
});
