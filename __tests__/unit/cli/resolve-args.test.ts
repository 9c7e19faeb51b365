import { describe, expect, it } from 'vitest';
import { parseCliArgs, splitImageTag, type CliCommand } from '../../../src/cli/resolve-args.js';
import type { ResolveInputs } from '../../../src/resolve/inputs.js';
import { problemsOf } from '../support.js';

const GHCR_APP = { name: 'ghcr.io/acme/app', registry: 'ghcr.io', path: 'acme/app' };

describe('splitImageTag', () => {
  it.each([
    ['acme/app', 'acme/app', ''],
    ['acme/app:latest', 'acme/app', 'latest'],
    ['localhost:5000/app', 'localhost:5000/app', ''],
    ['localhost:5000/app:d24155b', 'localhost:5000/app', 'd24155b'],
    ['[::1]:5000/a/b:v1', '[::1]:5000/a/b', 'v1'],
    ['app:v1:x', 'app', 'v1:x'],
    [`app@sha256:${'a'.repeat(64)}`, `app@sha256:${'a'.repeat(64)}`, ''],
  ])('%s → %s + %s', (reference, image, tag) => {
    expect(splitImageTag(reference)).toEqual({ image, tag });
  });
});

describe('parseCliArgs', () => {
  const inputsOf = (command: CliCommand): ResolveInputs => {
    if (command.kind !== 'resolve') throw new Error(`expected resolve, got ${command.kind}`);
    return command.inputs;
  };

  it.each<[string, string[], Record<string, string>, Partial<ResolveInputs>]>([
    [
      'only an image: the defaults',
      ['ghcr.io/acme/app'],
      {},
      { image: GHCR_APP, tag: 'latest', source: 'auto', shaEnv: 'SHA', tagLength: 7, registryAuth: undefined },
    ],
    ['IMAGE:TAG', ['ghcr.io/acme/app:d24155b'], {}, { tag: 'd24155b' }],
    ['an empty tag after the colon means latest', ['ghcr.io/acme/app:'], {}, { tag: 'latest' }],
    [
      'a registry port is not a tag',
      ['localhost:5000/app'],
      {},
      { image: { name: 'localhost:5000/app', registry: 'localhost:5000', path: 'app' }, tag: 'latest' },
    ],
    [
      '--opt value',
      ['acme/app', '--source', 'registry', '--sha-env', 'GIT_SHA', '--tag-length', '12'],
      {},
      { source: 'registry', shaEnv: 'GIT_SHA', tagLength: 12 },
    ],
    [
      '--opt=value, before the image',
      ['--source=local', '--sha-env=GIT_SHA', 'acme/app:v1'],
      {},
      { source: 'local', shaEnv: 'GIT_SHA', tag: 'v1' },
    ],
    [
      'credentials from the environment',
      ['acme/app'],
      { REGISTRY_USERNAME: 'ci', REGISTRY_PASSWORD: 'pw' },
      { registryAuth: { username: 'ci', password: 'pw' } },
    ],
    [
      'empty credentials in the environment are none',
      ['acme/app'],
      { REGISTRY_USERNAME: '', REGISTRY_PASSWORD: '' },
      { registryAuth: undefined },
    ],
    ['"--" ends the options', ['--source', 'local', '--', 'acme/app'], {}, { source: 'local' }],
  ])('%s', (_case, argv, env, expected) => {
    expect(inputsOf(parseCliArgs(argv, env))).toMatchObject(expected);
  });

  it.each([[['-h']], [['--help']], [['acme/app', '--help']], [['--source', 'x', '-h']]])('%j asks for help', (argv) => {
    expect(parseCliArgs(argv, {})).toEqual({ kind: 'help' });
  });

  it.each<[string, string[], Record<string, string>, string[]]>([
    ['no image', [], {}, ['Expected one IMAGE[:TAG] argument, got none (see --help).']],
    ['two images, not echoed', ['acme/app', 'hunter2'], {}, ['Expected one IMAGE[:TAG] argument, got 2 (see --help).']],
    [
      'an unknown option',
      ['acme/app', '--platform', 'linux/arm64'],
      {},
      ['--platform is not an option; expected --source, --sha-env or --tag-length (see --help).'],
    ],
    [
      '--password with a value',
      ['acme/app', '--password', 'hunter2'],
      {},
      [
        '--password is not an option: credentials are read from REGISTRY_USERNAME and REGISTRY_PASSWORD in the environment only, never from arguments.',
      ],
    ],
    [
      '--registry-password=value',
      ['acme/app', '--registry-password=hunter2'],
      {},
      [
        '--registry-password is not an option: credentials are read from REGISTRY_USERNAME and REGISTRY_PASSWORD in the environment only, never from arguments.',
      ],
    ],
    [
      '-p with the value attached',
      ['acme/app', '-phunter2'],
      {},
      [
        '-p is not an option: credentials are read from REGISTRY_USERNAME and REGISTRY_PASSWORD in the environment only, never from arguments.',
      ],
    ],
    ['an option without its value', ['acme/app', '--source'], {}, ['--source needs a value.']],
    ['an option twice', ['acme/app', '--source', 'local', '--source=registry'], {}, ['--source is given twice.']],
    [
      'a bad source, named as the CLI option',
      ['acme/app', '--source', 'pull'],
      {},
      ['--source is "pull"; expected auto, local or registry.'],
    ],
    [
      'a bad tag-length',
      ['acme/app', '--tag-length=41'],
      {},
      ['--tag-length is "41"; expected a whole number from 4 to 40.'],
    ],
    [
      'a bad sha-env',
      ['acme/app', '--sha-env', 'A-B'],
      {},
      ['--sha-env is "A-B"; expected an environment variable name ([A-Za-z_][A-Za-z0-9_]*).'],
    ],
    [
      'a tag with a slash',
      ['acme/app:feature/x'],
      {},
      [
        'IMAGE has the invalid path component "app:feature"; expected a repository name without tag or digest: [host[:port]/]path, lowercase path components of a-z 0-9 separated by ".", "_", "__" or "-", e.g. ghcr.io/acme/app, localhost:5000/app, acme/app.',
      ],
    ],
    [
      'a bad tag after the colon',
      ['acme/app:-x'],
      {},
      ['TAG is "-x"; expected an image tag: up to 128 of A-Z a-z 0-9 _ . -, not starting with . or -.'],
    ],
    [
      'a digest',
      [`acme/app@sha256:${'a'.repeat(64)}`],
      {},
      [`IMAGE is "acme/app@sha256:${'a'.repeat(64)}"; expected a repository without a digest: resolve reads a tag.`],
    ],
    [
      'a username without a password',
      ['acme/app'],
      { REGISTRY_USERNAME: 'ci' },
      [
        'REGISTRY_PASSWORD is empty; expected REGISTRY_USERNAME and REGISTRY_PASSWORD together, or neither (then the registry is read anonymously).',
      ],
    ],
  ])('refuses %s', (_case, argv, env, expected) => {
    const problems = problemsOf(() => parseCliArgs(argv, env));
    expect(problems).toEqual(expected);
    expect(problems.join(' ')).not.toContain('hunter2');
  });
});
