import { describe, expect, it } from 'vitest';
import { parseRunArgs } from '../../../src/loop/run-args.js';

describe('parseRunArgs', () => {
  it.each([
    ['--env=A=B', ['--env=A=B']],
    ['--publish 127.0.0.1::8080', ['--publish', '127.0.0.1::8080']],
    ['--publish=127.0.0.1::8080', ['--publish=127.0.0.1::8080']],
    ['--read-only', ['--read-only']],
    ['-e A=B', ['-e', 'A=B']],
    ['--env A=has spaces inside', ['--env', 'A=has spaces inside']],
    ['--env=A=has spaces inside', ['--env=A=has spaces inside']],
    ['--publish    8080:80', ['--publish', '8080:80']],
    ['--publish\t8080:80', ['--publish', '8080:80']],
    ['-it', ['-it']],
    ['--rmi=true', ['--rmi=true']],
    ['--init', ['--init']],
    ['', []],
    ['\n  \n\t\n', []],
    ['  --read-only  \n\n   --env=A=B   \n', ['--read-only', '--env=A=B']],
    ['--read-only\r\n--env=A=B\r\n--publish 8080:80\r\n', ['--read-only', '--env=A=B', '--publish', '8080:80']],
    ['--env="A=$(rm -rf /)"', ['--env="A=$(rm -rf /)"']],
  ])('%j → %j', (raw, expected) => {
    expect(parseRunArgs(raw)).toEqual(expected);
  });

  it.each([
    ['foo', 'line 1 is "foo"; expected one docker run option per line, starting with "-" (e.g. --env=KEY=VALUE)'],
    [
      '--read-only\nA=B',
      'line 2 is "A=B"; expected one docker run option per line, starting with "-" (e.g. --env=KEY=VALUE)',
    ],
    [
      '--rm',
      'line 1 uses --rm, which is not allowed: the action removes the container itself, after it has read its state and logs',
    ],
    ['-d', 'line 1 uses -d, which is not allowed: the action always runs the container detached'],
    ['-d=true', 'line 1 uses -d, which is not allowed: the action always runs the container detached'],
    ['--detach', 'line 1 uses --detach, which is not allowed: the action always runs the container detached'],
    ['--detach=false', 'line 1 uses --detach, which is not allowed: the action always runs the container detached'],
    [
      '--name=x',
      'line 1 uses --name, which is not allowed: the action names the container uniquely per run, so parallel runs never collide',
    ],
    [
      '--name x',
      'line 1 uses --name, which is not allowed: the action names the container uniquely per run, so parallel runs never collide',
    ],
    ['\n\n--name x', 'line 1 uses --name, which is not allowed'],
    [
      '--rmi',
      'line 1 is "--rmi": --rmi takes a value, and alone it would take the built image\'s name as it; expected --rmi=VALUE (or --rmi=true for a switch this list does not know)',
    ],
    [
      '--read-only\n-v',
      'line 2 is "-v": -v takes a value, and alone it would take the built image\'s name as it; expected -v VALUE',
    ],
  ])('rejects %j: %s', (raw, message) => {
    expect(() => parseRunArgs(raw)).toThrow(message);
  });
});
