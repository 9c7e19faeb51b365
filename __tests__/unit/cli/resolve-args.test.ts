import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { CLI_LABELS, CLI_USAGE, parseCliArgs, type CliCommand } from '../../../src/cli/resolve-args.js';
import type { ResolveInputs, SetEntry } from '../../../src/resolve/inputs.js';
import { runnerPlatform } from '../../../src/registry/manifest.js';
import { problemsOf } from '../support.js';

const GHCR_APP = { name: 'ghcr.io/acme/app', registry: 'ghcr.io', path: 'acme/app' };

/** The inputs of a one-image command, its one entry's image and tag beside the rest. */
type SingleView = Omit<ResolveInputs, 'entries'> & Pick<SetEntry, 'image' | 'tag' | 'prefix'>;

describe('parseCliArgs', () => {
  /** A one-image command's inputs; fails unless it is one (single, one entry, no --env-output, no --json). */
  const singleOf = (command: CliCommand): SingleView => {
    if (command.kind !== 'resolve') throw new Error(`expected resolve, got ${command.kind}`);
    expect([command.envFile, command.json]).toEqual([undefined, false]);
    const { entries, ...rest } = command.inputs;
    expect(rest.single).toBe(true);
    expect(entries).toHaveLength(1);
    const entry = entries[0];
    if (entry === undefined) throw new Error('expected one entry');
    expect(entry.line).toBe(0);
    return { ...rest, image: entry.image, tag: entry.tag, prefix: entry.prefix };
  };

  it('only an image: the defaults', () => {
    expect(parseCliArgs(['ghcr.io/acme/app'], {})).toEqual({
      kind: 'resolve',
      inputs: {
        entries: [{ line: 0, prefix: 'APP', image: GHCR_APP, tag: 'latest' }],
        single: true,
        shaEnv: 'SHA',
        source: 'auto',
        tagLength: 7,
        platform: runnerPlatform(),
        registryAuth: undefined,
        checkPairs: true,
        notices: [],
      } satisfies ResolveInputs,
      envFile: undefined,
      json: false,
    } satisfies CliCommand);
  });

  it.each<[string, string[], Record<string, string>, Partial<SingleView>]>([
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
    [
      '--platform os/arch',
      ['acme/app', '--platform', 'linux/arm64'],
      {},
      { platform: { os: 'linux', architecture: 'arm64' } },
    ],
    [
      '--platform=os/arch/variant',
      ['--platform=linux/arm/v7', 'acme/app'],
      {},
      { platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
    ],
    [
      'an upper-case IMAGE path: lower-cased, with a notice naming IMAGE',
      ['ghcr.io/Acme/App:v1'],
      {},
      {
        image: GHCR_APP,
        tag: 'v1',
        notices: [
          'IMAGE is "ghcr.io/Acme/App": registries refuse upper-case repository paths, so the image is ghcr.io/acme/app.',
        ],
      },
    ],
  ])('%s', (_case, argv, env, expected) => {
    expect(singleOf(parseCliArgs(argv, env))).toMatchObject(expected);
  });

  it.each([[['-h']], [['--help']], [['acme/app', '--help']], [['--source', 'x', '-h']]])('%j asks for help', (argv) => {
    expect(parseCliArgs(argv, {})).toEqual({ kind: 'help' });
  });

  it.each<[string, string[], Record<string, string>, string[]]>([
    ['no image', [], {}, ['Expected one IMAGE[:TAG] argument, got none (see --help).']],
    ['two images, not echoed', ['acme/app', 'hunter2'], {}, ['Expected one IMAGE[:TAG] argument, got 2 (see --help).']],
    [
      'an unknown option, its value skipped',
      ['acme/app', '--arch', 'arm64'],
      {},
      [
        '--arch is not an option; expected --images, --sha-env, --source, --tag-length, --check-pairs, --platform, --env-output or --json (see --help).',
      ],
    ],
    [
      'a bad platform, named as the CLI option',
      ['acme/app', '--platform', 'arm64'],
      {},
      ['--platform is "arm64"; expected os/architecture[/variant], e.g. linux/amd64 or linux/arm/v7.'],
    ],
    ['--platform without its value', ['acme/app', '--platform'], {}, ['--platform needs a value.']],
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
        "REGISTRY_PASSWORD is empty; expected REGISTRY_USERNAME and REGISTRY_PASSWORD together, or neither (then docker's stored credentials (an earlier docker login) are used, else the registry is read anonymously).",
      ],
    ],
  ])('refuses %s', (_case, argv, env, expected) => {
    const problems = problemsOf(() => parseCliArgs(argv, env));
    expect(problems).toEqual(expected);
    expect(problems.join(' ')).not.toContain('hunter2');
  });
});

describe('parseCliArgs: a set from --images', () => {
  const WEB = { name: 'ghcr.io/acme/web', registry: 'ghcr.io', path: 'acme/web' };
  const NGINX = { name: 'nginx', registry: 'docker.io', path: 'library/nginx' };
  const SET = 'WEB=ghcr.io/acme/web:v1\n# the proxy\nnginx\n';
  const SET_ENTRIES: SetEntry[] = [
    { line: 1, prefix: 'WEB', image: WEB, tag: 'v1' },
    { line: 3, prefix: 'NGINX', image: NGINX, tag: 'latest' },
  ];

  /** A readImages over `files` ("-" is stdin); records what it was asked for. */
  function files(contents: Record<string, string>): { read: (file: string) => string; asked: string[] } {
    const asked: string[] = [];
    return {
      asked,
      read: (file) => {
        asked.push(file);
        const text = contents[file];
        if (text === undefined) throw new Error(`ENOENT: no such file or directory, open '${file}'`);
        return text;
      },
    };
  }

  it.each<[string, string[], Partial<Extract<CliCommand, { kind: 'resolve' }>>, Partial<ResolveInputs>]>([
    [
      '--images FILE: the set, in file order; pairs checked',
      ['--images', 'set.txt'],
      { envFile: undefined, json: false },
      { entries: SET_ENTRIES, single: false, checkPairs: true, source: 'auto', shaEnv: 'SHA', tagLength: 7 },
    ],
    ['--images=FILE', ['--images=set.txt'], {}, { entries: SET_ENTRIES, single: false }],
    ['--images - reads stdin', ['--images', '-'], {}, { entries: SET_ENTRIES, single: false }],
    [
      '--env-output and --json',
      ['--images', 'set.txt', '--env-output', 'deploy/set.env', '--json'],
      { envFile: 'deploy/set.env', json: true },
      { single: false },
    ],
    ['--env-output=PATH', ['--images', 'set.txt', '--env-output=set.env'], { envFile: 'set.env', json: false }, {}],
    ['--check-pairs false', ['--images', 'set.txt', '--check-pairs', 'false'], {}, { checkPairs: false }],
    ['--check-pairs=true', ['--images', 'set.txt', '--check-pairs=true'], {}, { checkPairs: true }],
    [
      '--platform for every image of the set',
      ['--images', 'set.txt', '--platform', 'linux/arm64'],
      {},
      { platform: { os: 'linux', architecture: 'arm64' } },
    ],
    [
      'the other options apply to every image of the set',
      ['--images', 'set.txt', '--source', 'registry', '--sha-env', 'GIT_SHA', '--tag-length', '12'],
      {},
      { source: 'registry', shaEnv: 'GIT_SHA', tagLength: 12 },
    ],
  ])('%s', (_case, argv, command, inputs) => {
    const reader = files({ 'set.txt': SET, '-': SET });
    const parsed = parseCliArgs(argv, {}, reader.read);
    if (parsed.kind !== 'resolve') throw new Error(`expected resolve, got ${parsed.kind}`);
    expect(parsed).toMatchObject(command);
    expect(parsed.inputs).toMatchObject(inputs);
    expect(reader.asked).toEqual([argv.includes('-') ? '-' : 'set.txt']);
  });

  it('an upper-case image path in the file: lower-cased, each notice naming --images and the line', () => {
    const parsed = parseCliArgs(
      ['--images', 'set.txt'],
      {},
      files({ 'set.txt': 'WEB=ghcr.io/Acme/Web:v1\nnginx\n' }).read,
    );
    if (parsed.kind !== 'resolve') throw new Error(`expected resolve, got ${parsed.kind}`);
    expect(parsed.inputs.entries.map((entry) => entry.image)).toEqual([WEB, NGINX]);
    expect(parsed.inputs.notices).toEqual([
      `--images line 1's image is "ghcr.io/Acme/Web": registries refuse upper-case repository paths, so the image is ghcr.io/acme/web.`,
    ]);
  });

  it('--json and --env-output with one image: the one entry, the flags kept', () => {
    const parsed = parseCliArgs(['acme/app', '--json', '--env-output', 'app.env'], {}, files({}).read);
    expect(parsed).toMatchObject({ kind: 'resolve', envFile: 'app.env', json: true, inputs: { single: true } });
  });

  it('reads --images FILE from the disk by default', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'resolve-args-'));
    try {
      writeFileSync(path.join(dir, 'set.txt'), SET);
      const parsed = parseCliArgs(['--images', path.join(dir, 'set.txt')], {});
      if (parsed.kind !== 'resolve') throw new Error(`expected resolve, got ${parsed.kind}`);
      expect(parsed.inputs.entries).toEqual(SET_ENTRIES);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each<[string, string[], Record<string, string>, string[]]>([
    [
      'an IMAGE argument beside --images',
      ['acme/app', '--images', 'set.txt'],
      {},
      ["Expected no IMAGE argument with --images, got 1: the set's images go into its file (see --help)."],
    ],
    [
      'two arguments beside --images, not echoed',
      ['--images', 'set.txt', 'acme/app', 'hunter2'],
      {},
      ["Expected no IMAGE argument with --images, got 2: the set's images go into its file (see --help)."],
    ],
    [
      'a "-" argument beside --images FILE',
      ['--images', 'set.txt', '-'],
      {},
      ["Expected no IMAGE argument with --images, got 1: the set's images go into its file (see --help)."],
    ],
    [
      'an unreadable file, named',
      ['--images', 'missing.txt'],
      {},
      ["--images: could not read missing.txt: ENOENT: no such file or directory, open 'missing.txt'."],
    ],
    [
      'an empty --env-output',
      ['--images', 'set.txt', '--env-output', ''],
      {},
      ['--env-output is empty; expected a file path.'],
    ],
    ['an empty --env-output=', ['acme/app', '--env-output='], {}, ['--env-output is empty; expected a file path.']],
    ['--env-output without its value', ['acme/app', '--env-output'], {}, ['--env-output needs a value.']],
    ['--images twice', ['--images', 'set.txt', '--images=other.txt'], {}, ['--images is given twice.']],
    [
      '--env-file, which Node.js takes for itself: pointed at --env-output, the path skipped',
      ['--images', 'set.txt', '--env-file', 'hunter2.env'],
      {},
      [
        '--env-file is not an option: the env lines go to --env-output PATH (Node.js reads --env-file itself, wherever it stands).',
      ],
    ],
    [
      '--env-file=PATH',
      ['acme/app', '--env-file=hunter2.env'],
      {},
      [
        '--env-file is not an option: the env lines go to --env-output PATH (Node.js reads --env-file itself, wherever it stands).',
      ],
    ],
    [
      'a bad --check-pairs, named as the CLI option',
      ['--images', 'set.txt', '--check-pairs', 'yes'],
      {},
      ['--check-pairs is "yes"; expected true or false.'],
    ],
    [
      'a bad line of the set, named as the CLI option',
      ['--images', 'bad.txt'],
      {},
      [
        '--images line 2 is "WEB=acme/web@sha256:' +
          'a'.repeat(64) +
          '": acme/web@sha256:' +
          'a'.repeat(64) +
          ' has a digest; expected a tag (resolve reads a tag).',
      ],
    ],
    [
      'a file with no image',
      ['--images', 'empty.txt'],
      {},
      ['--images has no image; expected one [PREFIX=]IMAGE[:TAG] a line, e.g. RUNNER=ghcr.io/acme/runner:latest.'],
    ],
    [
      'every problem at once',
      ['x', '--images', 'missing.txt', '--env-output=', '--arch', 'arm64'],
      {},
      [
        '--arch is not an option; expected --images, --sha-env, --source, --tag-length, --check-pairs, --platform, --env-output or --json (see --help).',
        "Expected no IMAGE argument with --images, got 1: the set's images go into its file (see --help).",
        "--images: could not read missing.txt: ENOENT: no such file or directory, open 'missing.txt'.",
        '--env-output is empty; expected a file path.',
      ],
    ],
  ])('refuses %s', (_case, argv, env, expected) => {
    const reader = files({
      'set.txt': SET,
      'bad.txt': `nginx\nWEB=acme/web@sha256:${'a'.repeat(64)}\n`,
      'empty.txt': '# nothing yet\n\n',
    });
    const problems = problemsOf(() => parseCliArgs(argv, env, reader.read));
    expect(problems).toEqual(expected);
    expect(problems.join(' ')).not.toContain('hunter2');
  });
});

describe('CLI_LABELS', () => {
  const actionYml = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../resolve/action.yml');
  const inputs = Object.keys((parse(readFileSync(actionYml, 'utf8')) as { inputs: Record<string, unknown> }).inputs);

  it('gives every input of resolve/action.yml a CLI form, and no other', () => {
    expect(Object.keys(CLI_LABELS).sort()).toEqual([...inputs].sort());
  });

  it.each(Object.entries(CLI_LABELS))('%s: its CLI form %s is in the usage', (_input, label) => {
    expect(CLI_USAGE).toContain(label.startsWith('--') ? `${label} ` : label);
  });
});
