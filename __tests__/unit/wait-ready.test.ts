import { describe, expect, it } from 'vitest';
import type { ContainerState, HealthProbe, ReadinessEvent } from '../../src/docker-output.js';
import { exitReason, formatDiagnosis, verdictFromEvent, verdictFromState, type Verdict } from '../../src/wait-ready.js';

function state(status: string, overrides: Partial<ContainerState> = {}): ContainerState {
  return { id: 'c1', name: 'app-1', created: '2024-05-01T10:00:00Z', status, exitCode: 0, oomKilled: false, error: '', health: undefined, ...overrides };
}

function health(status: string, probes: HealthProbe[] = []): ContainerState['health'] {
  return { status, probes };
}

describe('verdictFromState', () => {
  it.each<[string, ContainerState, Verdict | undefined]>([
    ['created', state('created'), undefined],
    ['created with a healthcheck', state('created', { health: health('starting') }), undefined],
    ['restarting', state('restarting'), undefined],
    ['paused', state('paused'), undefined],
    ['running without health', state('running'), { ready: true, how: 'running' }],
    ['running, starting', state('running', { health: health('starting') }), undefined],
    ['running, healthy', state('running', { health: health('healthy') }), { ready: true, how: 'healthy' }],
    ['running, unhealthy', state('running', { health: health('unhealthy') }), { ready: false, reason: 'is unhealthy' }],
    ['exited 3', state('exited', { exitCode: 3 }), { ready: false, reason: 'exited with code 3' }],
    ['exited 0', state('exited', { exitCode: 0 }), { ready: false, reason: 'exited with code 0' }],
    ['exited, was healthy', state('exited', { exitCode: 1, health: health('healthy') }), { ready: false, reason: 'exited with code 1' }],
    ['exited, OOMKilled', state('exited', { exitCode: 137, oomKilled: true }), { ready: false, reason: 'exited with code 137 (OOMKilled: it ran out of memory)' }],
    ['dead', state('dead', { exitCode: 255 }), { ready: false, reason: 'exited with code 255' }],
  ])('%s', (_case, s, expected) => {
    expect(verdictFromState(s)).toEqual(expected);
  });
});

describe('verdictFromEvent', () => {
  describe.each([
    ['with a healthcheck', true],
    ['without a healthcheck', false],
  ])('%s', (_case, hasHealthcheck) => {
    it.each<[string, ReadinessEvent | undefined, Verdict | undefined]>([
      ['no event', undefined, undefined],
      ['started', { kind: 'started' }, hasHealthcheck ? undefined : { ready: true, how: 'running' }],
      ['healthy', { kind: 'healthy' }, { ready: true, how: 'healthy' }],
      ['unhealthy', { kind: 'unhealthy' }, { ready: false, reason: 'is unhealthy' }],
      ['exited 3', { kind: 'exited', exitCode: 3 }, { ready: false, reason: 'exited with code 3' }],
      ['exited -1', { kind: 'exited', exitCode: -1 }, { ready: false, reason: 'exited with code -1' }],
      ['oom', { kind: 'oom' }, undefined],
      ['destroyed', { kind: 'destroyed' }, { ready: false, reason: 'was removed while the action waited for it' }],
    ])('%s', (_event, event, expected) => {
      expect(verdictFromEvent(event, hasHealthcheck)).toEqual(expected);
    });
  });
});

describe('exitReason', () => {
  it.each([
    [0, false, 'exited with code 0'],
    [3, false, 'exited with code 3'],
    [137, true, 'exited with code 137 (OOMKilled: it ran out of memory)'],
    [0, true, 'exited with code 0 (OOMKilled: it ran out of memory)'],
  ])('%d, oomKilled %s → %s', (code, oom, expected) => {
    expect(exitReason(code, oom)).toBe(expected);
  });
});

describe('formatDiagnosis', () => {
  it.each<[string, ContainerState, string]>([
    [
      'no healthcheck',
      state('exited', { exitCode: 3 }),
      'State: exited, exit code 3, OOMKilled false\nHealth: no healthcheck',
    ],
    [
      'OOMKilled with an error',
      state('exited', { exitCode: 137, oomKilled: true, error: 'out of memory' }),
      'State: exited, exit code 137, OOMKilled true, error: out of memory\nHealth: no healthcheck',
    ],
    [
      'health probes',
      state('running', {
        health: health('unhealthy', [
          { start: '2024-05-01T10:00:01Z', exitCode: 7, output: 'curl: (7) Failed to connect\n' },
          { start: '2024-05-01T10:00:02Z', exitCode: 1, output: '  \n' },
          { start: '2024-05-01T10:00:03Z', exitCode: 22, output: 'HTTP 500\nbody: {"error":"db down"}\n' },
        ]),
      }),
      [
        'State: running, exit code 0, OOMKilled false',
        'Health: unhealthy; last 3 probe(s):',
        '  2024-05-01T10:00:01Z exit 7: curl: (7) Failed to connect',
        '  2024-05-01T10:00:02Z exit 1: (no output)',
        '  2024-05-01T10:00:03Z exit 22: HTTP 500',
        '    body: {"error":"db down"}',
      ].join('\n'),
    ],
    [
      'a healthcheck with no probes yet',
      state('running', { health: health('starting') }),
      'State: running, exit code 0, OOMKilled false\nHealth: starting; last 0 probe(s):',
    ],
  ])('%s', (_case, s, expected) => {
    expect(formatDiagnosis(s)).toBe(expected);
  });
});
