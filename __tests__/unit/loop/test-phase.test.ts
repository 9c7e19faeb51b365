import { describe, expect, it } from 'vitest';
import type { PortBinding } from '../../../src/docker/output.js';
import type { KeyValue } from '../../../src/shared/vocabulary.js';
import { containerPortEnv, runnerTestEnv, type TestRequest } from '../../../src/loop/test-phase.js';

const CONTAINER_ID = '4f2c9a1e7d3b5f60812a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d';
const NAME = 'app-d24155b-42-1-abcdef';
const IMAGE_REF = 'localhost:5000/app:d24155b';

const bind = (hostIp: string, hostPort: string): PortBinding => ({ hostIp, hostPort });

function run(overrides: Partial<TestRequest> = {}, ports: Record<string, PortBinding[]> = {}): TestRequest {
  return {
    command: 'pytest -q',
    on: 'container',
    user: '',
    env: [],
    timeoutSeconds: 0,
    container: { id: CONTAINER_ID, name: NAME, imageRef: IMAGE_REF, ports },
    workspace: '/home/runner/work/app/app',
    ...overrides,
  };
}

describe('containerPortEnv', () => {
  it.each<[string, Record<string, PortBinding[]>, Record<string, string>]>([
    ['no ports', {}, {}],
    [
      'tcp',
      { '8080/tcp': [bind('0.0.0.0', '32768'), bind('::', '32768')] },
      { CONTAINER_PORT_8080: '127.0.0.1:32768' },
    ],
    ['tcp on loopback', { '8080/tcp': [bind('127.0.0.1', '49153')] }, { CONTAINER_PORT_8080: '127.0.0.1:49153' }],
    ['tcp on IPv6 only', { '8080/tcp': [bind('::', '32768')] }, { CONTAINER_PORT_8080: '[::1]:32768' }],
    ['udp gets a suffix', { '53/udp': [bind('0.0.0.0', '32800')] }, { CONTAINER_PORT_53_UDP: '127.0.0.1:32800' }],
    ['sctp gets a suffix', { '132/sctp': [bind('0.0.0.0', '32801')] }, { CONTAINER_PORT_132_SCTP: '127.0.0.1:32801' }],
    [
      'the same port over tcp and udp',
      { '53/tcp': [bind('0.0.0.0', '32799')], '53/udp': [bind('0.0.0.0', '32800')] },
      { CONTAINER_PORT_53: '127.0.0.1:32799', CONTAINER_PORT_53_UDP: '127.0.0.1:32800' },
    ],
    ['exposed, not published: skipped', { '9090/tcp': [] }, {}],
    ['empty HostPort: skipped', { '9090/tcp': [bind('0.0.0.0', '')] }, {}],
    [
      'several, unpublished ones skipped',
      {
        '5432/tcp': [bind('0.0.0.0', '55432')],
        '8080/tcp': [bind('0.0.0.0', '32768')],
        '9090/tcp': [],
        '53/udp': [bind('', '32800')],
      },
      {
        CONTAINER_PORT_5432: '127.0.0.1:55432',
        CONTAINER_PORT_8080: '127.0.0.1:32768',
        CONTAINER_PORT_53_UDP: '127.0.0.1:32800',
      },
    ],
  ])('%s', (_case, ports, expected) => {
    expect(containerPortEnv(ports)).toEqual(expected);
  });
});

describe('runnerTestEnv', () => {
  const base = { PATH: '/usr/bin:/bin', HOME: '/home/runner', GITHUB_WORKSPACE: '/home/runner/work/app/app' };

  it('adds the container coordinates and ports after the runner environment, in that order', () => {
    const env = runnerTestEnv(
      run(
        { on: 'runner' },
        { '8080/tcp': [bind('0.0.0.0', '32768')], '53/udp': [bind('0.0.0.0', '32800')], '9090/tcp': [] },
      ),
      base,
    );
    expect(Object.entries(env)).toEqual([
      ['PATH', '/usr/bin:/bin'],
      ['HOME', '/home/runner'],
      ['GITHUB_WORKSPACE', '/home/runner/work/app/app'],
      ['CONTAINER_ID', CONTAINER_ID],
      ['CONTAINER_NAME', NAME],
      ['IMAGE_REF', IMAGE_REF],
      ['CONTAINER_PORT_8080', '127.0.0.1:32768'],
      ['CONTAINER_PORT_53_UDP', '127.0.0.1:32800'],
    ]);
  });

  it.each<[string, NodeJS.ProcessEnv, KeyValue[], Record<string, string>, NodeJS.ProcessEnv]>([
    [
      'test-env comes last',
      base,
      [
        { key: 'API_TOKEN', value: 's3cret' },
        { key: 'EMPTY', value: '' },
      ],
      { '8080/tcp': '32768' },
      {
        ...base,
        CONTAINER_ID,
        CONTAINER_NAME: NAME,
        IMAGE_REF,
        CONTAINER_PORT_8080: '127.0.0.1:32768',
        API_TOKEN: 's3cret',
        EMPTY: '',
      },
    ],
    [
      'the container coordinates override the runner environment',
      { ...base, CONTAINER_ID: 'stale', IMAGE_REF: 'old:tag', CONTAINER_PORT_8080: '127.0.0.1:1' },
      [],
      { '8080/tcp': '32768' },
      { ...base, CONTAINER_ID, CONTAINER_NAME: NAME, IMAGE_REF, CONTAINER_PORT_8080: '127.0.0.1:32768' },
    ],
    [
      'test-env overrides the runner environment and the container coordinates',
      base,
      [
        { key: 'PATH', value: '/opt/bin' },
        { key: 'CONTAINER_PORT_8080', value: 'proxy:80' },
        { key: 'IMAGE_REF', value: 'mine' },
      ],
      { '8080/tcp': '32768' },
      {
        ...base,
        PATH: '/opt/bin',
        CONTAINER_ID,
        CONTAINER_NAME: NAME,
        IMAGE_REF: 'mine',
        CONTAINER_PORT_8080: 'proxy:80',
      },
    ],
    [
      'the last of a repeated test-env key wins',
      {},
      [
        { key: 'A', value: '1' },
        { key: 'A', value: '2' },
      ],
      {},
      { CONTAINER_ID, CONTAINER_NAME: NAME, IMAGE_REF, A: '2' },
    ],
  ])('%s', (_case, baseEnv, testEnv, hostPorts, expected) => {
    const ports = Object.fromEntries(
      Object.entries(hostPorts).map(([port, hostPort]) => [port, [bind('0.0.0.0', hostPort)]]),
    );
    expect(runnerTestEnv(run({ on: 'runner', env: testEnv }, ports), baseEnv)).toEqual(expected);
  });

  it('changes neither the runner environment nor the run', () => {
    const baseEnv = { ...base };
    const r = run({ on: 'runner', env: [{ key: 'PATH', value: '/opt/bin' }] });
    runnerTestEnv(r, baseEnv);
    expect(baseEnv).toEqual(base);
    expect(r.env).toEqual([{ key: 'PATH', value: '/opt/bin' }]);
  });
});
