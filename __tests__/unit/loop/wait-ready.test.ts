import { describe, expect, it } from 'vitest';
import type { ContainerState, HealthProbe, PortBinding, ReadinessEvent } from '../../../src/docker/output.js';
import {
  describeCondition,
  exitReason,
  formatDiagnosis,
  publishedAddress,
  resolveCondition,
  verdictFromEvent,
  verdictFromState,
  type Condition,
  type Verdict,
} from '../../../src/loop/wait-ready.js';
import { parseWaitFor, type WaitFor } from '../../../src/loop/inputs.js';

function state(status: string, overrides: Partial<ContainerState> = {}): ContainerState {
  return {
    id: 'c1',
    name: 'app-1',
    image: 'sha256:built',
    created: '2024-05-01T10:00:00Z',
    status,
    exitCode: 0,
    oomKilled: false,
    error: '',
    health: undefined,
    ports: {},
    ...overrides,
  };
}

function health(status: string, probes: HealthProbe[] = []): ContainerState['health'] {
  return { status, probes };
}

const READY: Verdict = { ready: true };
const UNHEALTHY: Verdict = { ready: false, reason: 'is unhealthy' };
const REMOVED: Verdict = { ready: false, reason: 'was removed while the action waited for it' };
const NO_HEALTHCHECK: Verdict = {
  ready: false,
  reason: 'has no healthcheck, but wait-for is healthy (add a HEALTHCHECK or --health-cmd, or choose another wait-for)',
};
const exited = (code: number, oom = false): Verdict => ({ ready: false, reason: exitReason(code, oom) });

const HEALTHY: Condition = { kind: 'healthy' };
const RUNNING: Condition = { kind: 'running' };
const HTTP: Condition = { kind: 'http', port: 8080, path: '/health', status: undefined };
const TCP: Condition = { kind: 'tcp', port: 5432 };
const LOG: Condition = { kind: 'log', pattern: /^ready$/ };
const EXIT: Condition = { kind: 'exit' };

describe('resolveCondition', () => {
  it.each<[string, WaitFor, ContainerState, Condition]>([
    ['auto without a healthcheck → running', { kind: 'auto' }, state('running'), RUNNING],
    ['auto without a healthcheck, created → running', { kind: 'auto' }, state('created'), RUNNING],
    [
      'auto with a healthcheck, starting → healthy',
      { kind: 'auto' },
      state('running', { health: health('starting') }),
      HEALTHY,
    ],
    [
      'auto with a healthcheck, unhealthy → healthy',
      { kind: 'auto' },
      state('running', { health: health('unhealthy') }),
      HEALTHY,
    ],
    [
      'auto with a healthcheck, exited → healthy',
      { kind: 'auto' },
      state('exited', { health: health('healthy') }),
      HEALTHY,
    ],
    ['healthy without a healthcheck stays healthy', HEALTHY, state('running'), HEALTHY],
    ['running with a healthcheck stays running', RUNNING, state('running', { health: health('starting') }), RUNNING],
    ['http', HTTP, state('running', { health: health('starting') }), HTTP],
    ['tcp', TCP, state('running'), TCP],
    ['log', LOG, state('running'), LOG],
    ['exit', EXIT, state('running', { health: health('starting') }), EXIT],
  ])('%s', (_case, waitFor, s, expected) => {
    expect(resolveCondition(waitFor, s)).toEqual(expected);
  });

  it.each<[string, Condition]>([
    ['healthy', HEALTHY],
    ['http', HTTP],
    ['log', LOG],
  ])('gives a %s condition back as it is', (_case, condition) => {
    expect(resolveCondition(condition, state('running'))).toBe(condition);
  });
});

describe('describeCondition', () => {
  it.each<[Condition, string]>([
    [HEALTHY, 'healthy'],
    [RUNNING, 'running'],
    [{ kind: 'http', port: 8080, path: '/', status: undefined }, 'answering GET :8080/ with 2xx'],
    [HTTP, 'answering GET :8080/health with 2xx'],
    [{ kind: 'http', port: 8080, path: '/x', status: 204 }, 'answering GET :8080/x with 204'],
    [{ kind: 'http', port: 80, path: '/missing', status: 404 }, 'answering GET :80/missing with 404'],
    [TCP, 'accepting connections on :5432'],
    [LOG, 'logging a line matching /^ready$/'],
    [{ kind: 'log', pattern: /a\/b \d+/ }, 'logging a line matching /a\\/b \\d+/'],
    [EXIT, 'exited with code 0'],
  ])('%j → %s', (condition, expected) => {
    expect(describeCondition(condition)).toBe(expected);
  });

  it('describes what parseWaitFor parsed', () => {
    const waitFor = parseWaitFor('log:^ready$');
    if (waitFor.kind === 'auto') throw new Error('expected a condition');
    expect(describeCondition(waitFor)).toBe('logging a line matching /^ready$/');
  });
});

describe('verdictFromState', () => {
  // Every condition that waits for something besides the container's own state.
  const PROBED: [string, Condition][] = [
    ['http', HTTP],
    ['tcp', TCP],
    ['log', LOG],
  ];

  it.each<[string, ContainerState, Condition, Verdict | undefined]>([
    // auto, resolved: running without a healthcheck, healthy with one (the cases before wait-for existed)
    ['running: created', state('created'), RUNNING, undefined],
    ['healthy: created with a healthcheck', state('created', { health: health('starting') }), HEALTHY, undefined],
    ['running: restarting', state('restarting'), RUNNING, undefined],
    ['running: paused', state('paused'), RUNNING, undefined],
    ['running: running without health', state('running'), RUNNING, READY],
    ['healthy: running, starting', state('running', { health: health('starting') }), HEALTHY, undefined],
    ['healthy: running, healthy', state('running', { health: health('healthy') }), HEALTHY, READY],
    ['healthy: running, unhealthy', state('running', { health: health('unhealthy') }), HEALTHY, UNHEALTHY],
    ['running: exited 3', state('exited', { exitCode: 3 }), RUNNING, exited(3)],
    ['running: exited 0', state('exited', { exitCode: 0 }), RUNNING, exited(0)],
    ['healthy: exited, was healthy', state('exited', { exitCode: 1, health: health('healthy') }), HEALTHY, exited(1)],
    [
      'running: exited, OOMKilled',
      state('exited', { exitCode: 137, oomKilled: true }),
      RUNNING,
      { ready: false, reason: 'exited with code 137 (OOMKilled: it ran out of memory)' },
    ],
    ['running: dead', state('dead', { exitCode: 255 }), RUNNING, exited(255)],
    // running chosen with a healthcheck: running is enough, unhealthy still fails
    ['running: running, starting', state('running', { health: health('starting') }), RUNNING, READY],
    ['running: running, healthy', state('running', { health: health('healthy') }), RUNNING, READY],
    ['running: running, unhealthy', state('running', { health: health('unhealthy') }), RUNNING, UNHEALTHY],
    // healthy chosen without a healthcheck: decided at once, whatever the status
    ['healthy: running without a healthcheck', state('running'), HEALTHY, NO_HEALTHCHECK],
    ['healthy: created without a healthcheck', state('created'), HEALTHY, NO_HEALTHCHECK],
    ['healthy: restarting without a healthcheck', state('restarting'), HEALTHY, NO_HEALTHCHECK],
    [
      'healthy: exited 2 without a healthcheck (the exit says more)',
      state('exited', { exitCode: 2 }),
      HEALTHY,
      exited(2),
    ],
    // exit:0
    ['exit: created', state('created'), EXIT, undefined],
    ['exit: running', state('running'), EXIT, undefined],
    ['exit: running, unhealthy (ignored)', state('running', { health: health('unhealthy') }), EXIT, undefined],
    ['exit: running, healthy', state('running', { health: health('healthy') }), EXIT, undefined],
    ['exit: restarting', state('restarting'), EXIT, undefined],
    ['exit: exited 0', state('exited', { exitCode: 0 }), EXIT, READY],
    [
      'exit: exited 0, was unhealthy (ignored)',
      state('exited', { exitCode: 0, health: health('unhealthy') }),
      EXIT,
      READY,
    ],
    ['exit: exited 3', state('exited', { exitCode: 3 }), EXIT, exited(3)],
    ['exit: exited 137, OOMKilled', state('exited', { exitCode: 137, oomKilled: true }), EXIT, exited(137, true)],
    ['exit: dead 255', state('dead', { exitCode: 255 }), EXIT, exited(255)],
    // http, tcp, log: the probe decides while it runs; the state only fails it
    ...PROBED.flatMap(([kind, condition]): [string, ContainerState, Condition, Verdict | undefined][] => [
      [`${kind}: created`, state('created'), condition, undefined],
      [`${kind}: running`, state('running'), condition, undefined],
      [`${kind}: running, starting`, state('running', { health: health('starting') }), condition, undefined],
      [`${kind}: running, healthy`, state('running', { health: health('healthy') }), condition, undefined],
      [`${kind}: running, unhealthy`, state('running', { health: health('unhealthy') }), condition, UNHEALTHY],
      [`${kind}: paused`, state('paused'), condition, undefined],
      [`${kind}: exited 0`, state('exited', { exitCode: 0 }), condition, exited(0)],
      [`${kind}: exited 3`, state('exited', { exitCode: 3 }), condition, exited(3)],
      [`${kind}: exited, OOMKilled`, state('exited', { exitCode: 137, oomKilled: true }), condition, exited(137, true)],
      [`${kind}: dead`, state('dead', { exitCode: 1 }), condition, exited(1)],
    ]),
  ])('%s', (_case, s, condition, expected) => {
    expect(verdictFromState(s, condition)).toEqual(expected);
  });
});

describe('verdictFromEvent', () => {
  const EVENTS: [string, ReadinessEvent | undefined][] = [
    ['no event', undefined],
    ['started', { kind: 'started' }],
    ['healthy', { kind: 'healthy' }],
    ['unhealthy', { kind: 'unhealthy' }],
    ['exited 0', { kind: 'exited', exitCode: 0 }],
    ['exited 3', { kind: 'exited', exitCode: 3 }],
    ['exited -1', { kind: 'exited', exitCode: -1 }],
    ['oom', { kind: 'oom' }],
    ['destroyed', { kind: 'destroyed' }],
  ];

  // What each event says under each condition, in the order of EVENTS.
  const EXPECTED: [string, Condition, (Verdict | undefined)[]][] = [
    [
      'healthy',
      HEALTHY,
      [undefined, undefined, READY, UNHEALTHY, exited(0), exited(3), exited(-1), undefined, REMOVED],
    ],
    [
      'running',
      RUNNING,
      [undefined, READY, undefined, UNHEALTHY, exited(0), exited(3), exited(-1), undefined, REMOVED],
    ],
    ['http', HTTP, [undefined, undefined, undefined, UNHEALTHY, exited(0), exited(3), exited(-1), undefined, REMOVED]],
    [
      'http with #status',
      { kind: 'http', port: 8080, path: '/', status: 204 },
      [undefined, undefined, undefined, UNHEALTHY, exited(0), exited(3), exited(-1), undefined, REMOVED],
    ],
    ['tcp', TCP, [undefined, undefined, undefined, UNHEALTHY, exited(0), exited(3), exited(-1), undefined, REMOVED]],
    ['log', LOG, [undefined, undefined, undefined, UNHEALTHY, exited(0), exited(3), exited(-1), undefined, REMOVED]],
    ['exit', EXIT, [undefined, undefined, undefined, undefined, READY, exited(3), exited(-1), undefined, REMOVED]],
  ];

  describe.each(EXPECTED)('wait-for %s', (_kind, condition, verdicts) => {
    it.each(
      EVENTS.map(([name, event], index): [string, ReadinessEvent | undefined, Verdict | undefined] => [
        name,
        event,
        verdicts[index],
      ]),
    )('%s → %j', (_event, event, expected) => {
      expect(verdictFromEvent(event, condition)).toEqual(expected);
    });
  });

  it('has a verdict for every event of every condition in the tables', () => {
    expect(EXPECTED.map(([, , verdicts]) => verdicts.length)).toEqual(EXPECTED.map(() => EVENTS.length));
  });

  it('never reports an OOM kill from the event alone (inspection adds it)', () => {
    expect(verdictFromEvent({ kind: 'exited', exitCode: 137 }, RUNNING)).toEqual({
      ready: false,
      reason: 'exited with code 137',
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

describe('publishedAddress', () => {
  const bind = (hostIp: string, hostPort: string): PortBinding => ({ hostIp, hostPort });

  it.each<[string, Record<string, PortBinding[]>, number, string | undefined, string | undefined]>([
    [
      'all interfaces (0.0.0.0) → loopback',
      { '8080/tcp': [bind('0.0.0.0', '32768')] },
      8080,
      undefined,
      '127.0.0.1:32768',
    ],
    ['no host IP (empty) → loopback', { '8080/tcp': [bind('', '32768')] }, 8080, undefined, '127.0.0.1:32768'],
    ['a specific IPv4 is kept', { '8080/tcp': [bind('127.0.0.1', '49153')] }, 8080, undefined, '127.0.0.1:49153'],
    ['another IPv4 is kept', { '8080/tcp': [bind('10.1.2.3', '8080')] }, 8080, undefined, '10.1.2.3:8080'],
    ['all IPv6 interfaces (::) → [::1]', { '8080/tcp': [bind('::', '32768')] }, 8080, undefined, '[::1]:32768'],
    ['a specific IPv6 is bracketed', { '8080/tcp': [bind('::1', '32770')] }, 8080, undefined, '[::1]:32770'],
    [
      'a specific IPv6 (long) is bracketed',
      { '8080/tcp': [bind('fd00::5', '32770')] },
      8080,
      undefined,
      '[fd00::5]:32770',
    ],
    [
      'IPv4 before IPv6, as docker lists them',
      { '8080/tcp': [bind('0.0.0.0', '32768'), bind('::', '32768')] },
      8080,
      undefined,
      '127.0.0.1:32768',
    ],
    [
      'IPv4 preferred when IPv6 comes first',
      { '8080/tcp': [bind('::', '32769'), bind('0.0.0.0', '32768')] },
      8080,
      undefined,
      '127.0.0.1:32768',
    ],
    [
      'the first IPv4 of several',
      { '8080/tcp': [bind('::', '1'), bind('127.0.0.1', '2'), bind('0.0.0.0', '3')] },
      8080,
      undefined,
      '127.0.0.1:2',
    ],
    [
      'the port asked for among several',
      { '80/tcp': [bind('0.0.0.0', '32768')], '8080/tcp': [bind('0.0.0.0', '32769')] },
      8080,
      undefined,
      '127.0.0.1:32769',
    ],
    ['missing key', { '80/tcp': [bind('0.0.0.0', '32768')] }, 8080, undefined, undefined],
    ['no ports at all', {}, 8080, undefined, undefined],
    ['exposed, not published (empty list)', { '8080/tcp': [] }, 8080, undefined, undefined],
    ['empty HostPort', { '8080/tcp': [bind('0.0.0.0', '')] }, 8080, undefined, undefined],
    ['udp', { '53/udp': [bind('0.0.0.0', '32800')] }, 53, 'udp', '127.0.0.1:32800'],
    ['udp asked, only tcp published', { '53/tcp': [bind('0.0.0.0', '32800')] }, 53, 'udp', undefined],
    ['tcp (the default) asked, only udp published', { '53/udp': [bind('0.0.0.0', '32800')] }, 53, undefined, undefined],
    ['tcp asked explicitly', { '5432/tcp': [bind('0.0.0.0', '55432')] }, 5432, 'tcp', '127.0.0.1:55432'],
  ])('%s', (_case, ports, port, protocol, expected) => {
    expect(publishedAddress(ports, port, protocol)).toBe(expected);
  });
});

describe('formatDiagnosis', () => {
  it.each<[string, ContainerState, string]>([
    [
      'no healthcheck',
      state('exited', { exitCode: 3 }),
      'State: exited, exit code 3, OOMKilled false\nPorts: none\nHealth: no healthcheck',
    ],
    [
      'OOMKilled with an error',
      state('exited', { exitCode: 137, oomKilled: true, error: 'out of memory' }),
      'State: exited, exit code 137, OOMKilled true, error: out of memory\nPorts: none\nHealth: no healthcheck',
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
        'Ports: none',
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
      'State: running, exit code 0, OOMKilled false\nPorts: none\nHealth: starting; last 0 probe(s):',
    ],
    [
      'a published port',
      state('running', { ports: { '8080/tcp': [{ hostIp: '127.0.0.1', hostPort: '32768' }] } }),
      'State: running, exit code 0, OOMKilled false\nPorts: 8080/tcp → 127.0.0.1:32768\nHealth: no healthcheck',
    ],
    [
      'IPv4 and IPv6 bindings, an empty host IP, a port not published',
      state('running', {
        ports: {
          '8080/tcp': [
            { hostIp: '0.0.0.0', hostPort: '32768' },
            { hostIp: '::', hostPort: '32768' },
          ],
          '53/udp': [{ hostIp: '', hostPort: '32800' }],
          '9090/tcp': [],
        },
      }),
      'State: running, exit code 0, OOMKilled false\nPorts: 8080/tcp → 0.0.0.0:32768, :::32768; 53/udp → 0.0.0.0:32800; 9090/tcp → not published\nHealth: no healthcheck',
    ],
  ])('%s', (_case, s, expected) => {
    expect(formatDiagnosis(s)).toBe(expected);
  });
});
