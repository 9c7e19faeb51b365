import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { EXEC_GATE, EXEC_GATE_NAME, testExecArgs } from '../../../src/docker/args.js';
import type { ExecRequest } from '../../../src/docker/engine.js';

// A test's `docker exec`: the command one argument, test-env by name only (its values never in argv).

const NAME = 'app-d24155b-42-1-abcdef';

function run(overrides: Partial<ExecRequest> = {}): ExecRequest {
  return { container: NAME, command: 'pytest -q', user: '', env: [], ...overrides };
}
const containerTestArgs = (exec: ExecRequest): string[] => testExecArgs(exec, false);
const heldContainerTestArgs = (exec: ExecRequest): string[] => testExecArgs(exec, true);

describe('testExecArgs, run at once', () => {
  it.each<[string, Partial<ExecRequest>, string[]]>([
    ['plain', {}, ['exec', NAME, 'sh', '-c', 'pytest -q']],
    ['a user', { user: 'app' }, ['exec', '--user', 'app', NAME, 'sh', '-c', 'pytest -q']],
    ['a uid:gid', { user: '1000:1000' }, ['exec', '--user', '1000:1000', NAME, 'sh', '-c', 'pytest -q']],
    [
      'test-env by name',
      { env: [{ key: 'TOKEN', value: 's3cret' }] },
      ['exec', '--env', 'TOKEN', NAME, 'sh', '-c', 'pytest -q'],
    ],
    [
      'user and test-env',
      { user: 'app', env: [{ key: 'TOKEN', value: 's3cret' }] },
      ['exec', '--user', 'app', '--env', 'TOKEN', NAME, 'sh', '-c', 'pytest -q'],
    ],
    [
      'several test-env, in order',
      {
        env: [
          { key: 'TOKEN', value: 's3cret' },
          { key: 'DB_URL', value: 'postgres://u:p@db/x' },
          { key: 'EMPTY', value: '' },
        ],
      },
      ['exec', '--env', 'TOKEN', '--env', 'DB_URL', '--env', 'EMPTY', NAME, 'sh', '-c', 'pytest -q'],
    ],
    [
      'a command with shell syntax stays one argument',
      { command: 'cd /app && npm test -- --reporter=junit > out.xml; echo "$?"' },
      ['exec', NAME, 'sh', '-c', 'cd /app && npm test -- --reporter=junit > out.xml; echo "$?"'],
    ],
  ])('%s', (_case, overrides, expected) => {
    expect(containerTestArgs(run(overrides))).toEqual(expected);
  });

  it('never puts a test-env value in argv', () => {
    const secrets = ['s3cret-token', 'p@ss word', '--user=root'];
    const args = containerTestArgs(
      run({ user: 'app', env: secrets.map((value, i) => ({ key: `SECRET_${i}`, value })) }),
    );
    expect(args).toEqual([
      'exec',
      '--user',
      'app',
      '--env',
      'SECRET_0',
      '--env',
      'SECRET_1',
      '--env',
      'SECRET_2',
      NAME,
      'sh',
      '-c',
      'pytest -q',
    ]);
    for (const secret of secrets) expect(args.join(' ')).not.toContain(secret);
  });
});

describe('testExecArgs, held at the gate', () => {
  it.each<[string, Partial<ExecRequest>, string[]]>([
    ['plain', {}, ['exec', '--interactive', NAME, 'sh', '-c', EXEC_GATE, EXEC_GATE_NAME, 'pytest -q']],
    [
      'user and test-env by name, before the container',
      { user: 'app', env: [{ key: 'TOKEN', value: 's3cret' }] },
      [
        'exec',
        '--interactive',
        '--user',
        'app',
        '--env',
        'TOKEN',
        NAME,
        'sh',
        '-c',
        EXEC_GATE,
        EXEC_GATE_NAME,
        'pytest -q',
      ],
    ],
    [
      'the command stays one argument after the gate',
      { command: 'cd /app && npm test; echo "$?" $(id -u)' },
      ['exec', '--interactive', NAME, 'sh', '-c', EXEC_GATE, EXEC_GATE_NAME, 'cd /app && npm test; echo "$?" $(id -u)'],
    ],
  ])('%s', (_case, overrides, expected) => {
    expect(heldContainerTestArgs(run(overrides))).toEqual(expected);
  });

  it('never puts a test-env value in argv', () => {
    const args = heldContainerTestArgs(run({ env: [{ key: 'TOKEN', value: 's3cret-token' }] }));
    expect(args.join(' ')).not.toContain('s3cret-token');
  });
});

describe("EXEC_GATE (run by this machine's sh, as by the container's)", () => {
  const gate = (stdin: string, command: string) =>
    spawnSync('sh', ['-c', EXEC_GATE, EXEC_GATE_NAME, command], { input: stdin, encoding: 'utf8' });

  it.each<[string, string, string, number, string]>([
    ['released: runs the command, with its exit status', 'run\n', 'echo "ran as $0"; exit 3', 3, 'ran as sh\n'],
    [
      'released: shell syntax of the command works as with sh -c',
      'run\n',
      'x=1; [ "$x" = 1 ] && echo yes || echo no',
      0,
      'yes\n',
    ],
    ['released: the command sees the end of stdin, not the release line', 'run\n', 'cat; echo end', 0, 'end\n'],
    ['cancelled (end of input): exits 125 without running', '', 'echo ran', 125, ''],
    ['anything but the release line: exits 125 without running', 'runx\n', 'echo ran', 125, ''],
  ])('%s', (_case, stdin, command, status, stdout) => {
    const result = gate(stdin, command);
    expect(result.stdout).toBe(stdout);
    expect(result.status).toBe(status);
  });
});
