// Property-based tests (fast-check) for every parser that turns an input string into something the
// action acts on. The oracles here are written from the specifications (the distribution reference
// grammar, action.yml, the README), not copied from src/.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { familiarName, parseImageName, type ImageName } from '../../../src/shared/image-reference.js';
import { parseInputs, parseKeyValueLines, readInputs, type Inputs } from '../../../src/loop/inputs.js';
import { parseRunArgs } from '../../../src/loop/run-args.js';
import { legacyBuildArgs } from '../../../src/docker/build-args.js';
import { InputError, parseBoolean, parseInteger } from '../../../src/shared/field-parser.js';
import { parseWaitFor, type WaitFor } from '../../../src/loop/inputs.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const RUNS = { numRuns: 500 } as const;

/** What a parser threw: a plain Error (never a TypeError from a crash, never a non-Error) with a message. */
function thrownBy(call: () => unknown): Error | undefined {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(Error);
    expect(Object.getPrototypeOf(error)).toBe(Error.prototype);
    expect((error as Error).message).not.toBe('');
    return error as Error;
  }
  return undefined;
}

const chars = (alphabet: string): fc.Arbitrary<string> => fc.constantFrom(...alphabet);
const LOWER_DIGITS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const ALNUM = `${LOWER_DIGITS}ABCDEFGHIJKLMNOPQRSTUVWXYZ`;

/** Any text: full Unicode, ASCII, control characters, and the characters the grammars care about. */
const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary-ascii', maxLength: 40 }),
  fc.string({ unit: chars(`${ALNUM}._-/:@[]= \t\n\r#$;'"\`\\`), maxLength: 40 }),
);

/** Pieces of shell syntax: none of them may ever be interpreted. */
const SHELL_PIECES = [
  "'",
  '"',
  '$(touch /tmp/pwned)',
  '`touch /tmp/pwned`',
  ';',
  '&&',
  '||',
  '|',
  '&',
  '>',
  '<',
  '\\',
  '$HOME',
  '${PATH}',
  '$((1+1))',
  ' ',
  '\t',
  '*',
  '?',
  '~',
  '#',
  '{a,b}',
  '!',
  '(',
  ')',
  '=',
  '--rm',
  '-d',
  '\r',
  'é',
  '😀',
];
const shellText: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constantFrom(...SHELL_PIECES), fc.string({ unit: 'grapheme', maxLength: 6 })), { maxLength: 10 })
  .map((pieces) => pieces.join(''));

// ---------------------------------------------------------------------------------------------
// The distribution reference grammar (github.com/distribution/reference, regexp.go and normalize.go)
// ---------------------------------------------------------------------------------------------

const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `[a-z0-9]+(?:${SEPARATOR}[a-z0-9]+)*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const HOST = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])`;
const DOMAIN = `${HOST}(?::[0-9]+)?`;
/** anchoredNameRegexp: [domain/]path-component(/path-component)* */
const NAME_GRAMMAR = new RegExp(`^(?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*$`);
const DOMAIN_GRAMMAR = new RegExp(`^${DOMAIN}$`);
const PATH_COMPONENT_GRAMMAR = new RegExp(`^${PATH_COMPONENT}$`);
const NAME_TOTAL_LENGTH_MAX = 255;

/** normalize.go splitDockerDomain: the first component is a domain if it looks like one. */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  const first = name.slice(0, slash);
  let [domain, remainder] =
    slash === -1 || (!/[.:]/.test(first) && first !== 'localhost' && first.toLowerCase() === first)
      ? ['docker.io', name]
      : [first, name.slice(slash + 1)];
  if (domain === 'index.docker.io') domain = 'docker.io';
  if (domain === 'docker.io' && !remainder.includes('/')) remainder = `library/${remainder}`;
  return { domain, remainder };
}

/** normalize.go familiarizeName: Docker Hub's domain goes, and `library/` of a one-component official image. */
function dockerFamiliarName(domain: string, remainder: string): string {
  if (domain !== 'docker.io') return `${domain}/${remainder}`;
  const official = remainder.startsWith('library/') ? remainder.slice('library/'.length) : undefined;
  return official !== undefined && !official.includes('/') ? official : remainder;
}

/** Whether docker accepts the name as a repository without tag, and as which registry and path. */
function referenceOracle(name: string): { registry: string; path: string } | undefined {
  if (name.length > NAME_TOTAL_LENGTH_MAX || !NAME_GRAMMAR.test(name)) return undefined;
  const { domain, remainder } = splitDockerDomain(name);
  if (
    !DOMAIN_GRAMMAR.test(domain) ||
    !remainder.split('/').every((component) => PATH_COMPONENT_GRAMMAR.test(component))
  )
    return undefined;
  return { registry: domain, path: remainder };
}

const lowerAlnum = fc.string({ unit: chars(LOWER_DIGITS), minLength: 1, maxLength: 5 });
const separator = fc.oneof(
  fc.constant('.'),
  fc.constant('_'),
  fc.constant('__'),
  fc.integer({ min: 1, max: 3 }).map((n) => '-'.repeat(n)),
);
const pathComponent = fc
  .tuple(lowerAlnum, fc.array(fc.tuple(separator, lowerAlnum), { maxLength: 3 }))
  .map(([first, rest]) => first + rest.map(([sep, part]) => sep + part).join(''));
const alnumChar = chars(ALNUM);
const domainComponent = fc.oneof(
  alnumChar,
  fc.tuple(alnumChar, fc.string({ unit: chars(`${ALNUM}-`), maxLength: 6 }), alnumChar).map((parts) => parts.join('')),
);
const host = fc.oneof(
  fc.array(domainComponent, { minLength: 1, maxLength: 4 }).map((components) => components.join('.')),
  fc.string({ unit: chars('0123456789abcdefABCDEF:'), minLength: 1, maxLength: 12 }).map((address) => `[${address}]`),
  fc.constantFrom('localhost', 'docker.io', 'index.docker.io', 'ghcr.io', '127.0.0.1', 'Registry.Example.com'),
);
const domain = fc
  .tuple(host, fc.option(fc.string({ unit: chars('0123456789'), minLength: 1, maxLength: 5 }), { nil: undefined }))
  .map(([h, port]) => (port === undefined ? h : `${h}:${port}`));
/** Docker Hub's namespace of official images is a path component like any other, but normalisation treats it apart. */
const pathComponentOrLibrary = fc.oneof(
  { weight: 4, arbitrary: pathComponent },
  { weight: 1, arbitrary: fc.constant('library') },
);
/** Names built from the grammar's productions: [domain/]component(/component)*. */
const grammarName = fc
  .tuple(fc.option(domain, { nil: undefined }), fc.array(pathComponentOrLibrary, { minLength: 1, maxLength: 4 }))
  .map(([d, components]) => `${d === undefined ? '' : `${d}/`}${components.join('/')}`);
/** Grammar names docker accepts (a first component that looks like a domain must be one). */
const validName = grammarName.filter((name) => referenceOracle(name) !== undefined);

describe('parseImageName', () => {
  it('the generators build names of the grammar (sanity of the oracle)', () => {
    fc.assert(
      fc.property(grammarName, (name) => {
        expect(name).toMatch(NAME_GRAMMAR);
      }),
      RUNS,
    );
  });

  it("parses every name docker accepts, to docker's registry and path, keeping the name as written", () => {
    fc.assert(
      fc.property(validName, (name) => {
        const oracle = referenceOracle(name);
        expect(parseImageName(name)).toEqual({ name, ...oracle });
      }),
      RUNS,
    );
  });

  it("familiarName is docker's familiar form (what `docker image ls` and RepoDigests print)", () => {
    fc.assert(
      fc.property(validName, (name) => {
        const image = parseImageName(name);
        expect(familiarName(image)).toBe(dockerFamiliarName(image.registry, image.path));
      }),
      RUNS,
    );
  });

  it("familiar names parse back to the same registry and path, wherever docker's familiar form is unambiguous", () => {
    // docker.io/a.b/app is familiar "a.b/app", which reads as registry a.b: docker's own ambiguity, left out.
    const unambiguous = validName.filter((name) => {
      const { registry, path: repositoryPath } = parseImageName(name);
      const first = repositoryPath.split('/')[0] ?? '';
      return registry !== 'docker.io' || !(/[.:]/.test(first) || first === 'localhost');
    });
    fc.assert(
      fc.property(unambiguous, (name) => {
        const image = parseImageName(name);
        const familiar = familiarName(image);
        expect(parseImageName(familiar)).toEqual({ name: familiar, registry: image.registry, path: image.path });
      }),
      RUNS,
    );
  });

  // docker's familiar form of docker.io/library/team/app is "library/team/app" (distribution
  // normalize.go familiarizeName strips "library/" only from a one-component path; checked with
  // `docker tag` + `docker image ls` on Engine 20.10). familiarName used to return "team/app", another
  // repository whose tags pruning would then remove (shrunk to "library/a/a"; fixed in f5eed1e).
  it('familiarName keeps library/ in a Docker Hub path of several components, so it names the same repository', () => {
    const officialNested = fc
      .tuple(
        fc.constantFrom('', 'docker.io/', 'index.docker.io/'),
        fc.array(pathComponent, { minLength: 2, maxLength: 3 }),
      )
      .map(([prefix, components]) => `${prefix}library/${components.join('/')}`);
    fc.assert(
      fc.property(officialNested, (name) => {
        const image = parseImageName(name);
        expect(image.path).toBe(name.slice(name.indexOf('library/')));
        expect(familiarName(image)).toBe(image.path);
        expect(parseImageName(familiarName(image))).toMatchObject({ registry: 'docker.io', path: image.path });
      }),
      RUNS,
    );
  });

  it('any string: either a name of the grammar (as docker reads it) or an Error with a message, nothing else', () => {
    const candidates = fc.oneof(
      anyText,
      grammarName,
      grammarName.chain((name) =>
        fc
          .tuple(fc.constant(name), anyText, fc.nat(name.length))
          .map(([n, noise, at]) => n.slice(0, at) + noise + n.slice(at)),
      ),
    );
    fc.assert(
      fc.property(candidates, (name) => {
        let image: ImageName | undefined;
        const error = thrownBy(() => (image = parseImageName(name)));
        if (error !== undefined) return;
        expect(name).toMatch(NAME_GRAMMAR);
        expect(name.length).toBeLessThanOrEqual(NAME_TOTAL_LENGTH_MAX);
        expect(image).toEqual({ name, ...referenceOracle(name) });
      }),
      { numRuns: 2000 },
    );
  });

  it('a grammar name whose first component looks like a domain but is not a valid one is refused as a registry host', () => {
    const misleading = fc
      .tuple(
        pathComponent.filter((component) => component.includes('.') && component.includes('_')),
        fc.array(pathComponent, { minLength: 1, maxLength: 2 }),
      )
      .map(([first, rest]) => [first, ...rest].join('/'));
    fc.assert(
      fc.property(misleading, (name) => {
        expect(name).toMatch(NAME_GRAMMAR);
        expect(thrownBy(() => parseImageName(name))?.message).toBe(
          `has an invalid registry host "${name.slice(0, name.indexOf('/'))}"`,
        );
      }),
      RUNS,
    );
  });

  it.each([
    ['a tag', (name: string, suffix: string) => `${name}:${suffix}`, 'must not include a tag'],
    ['a digest', (name: string, suffix: string) => `${name}@sha256:${suffix}`, 'must not include a digest'],
    ['white space', (name: string, suffix: string) => `${name} ${suffix}`, 'contains white space'],
  ])('a valid name with %s is refused', (_case, mutate, message) => {
    fc.assert(
      fc.property(
        validName.filter((name) => name.length < 200),
        lowerAlnum,
        (name, suffix) => {
          expect(thrownBy(() => parseImageName(mutate(name, suffix)))?.message).toContain(message);
        },
      ),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// KEY=VALUE lines (build-args, labels, test-env)
// ---------------------------------------------------------------------------------------------

const BUILD_ARG_KEY = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
const LABEL_KEY = /^[^\s=]+$/;
const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEY_PATTERNS: readonly [string, RegExp, fc.Arbitrary<string>][] = [
  ['build-args', BUILD_ARG_KEY, fc.stringMatching(BUILD_ARG_KEY, { maxLength: 20 })],
  [
    'labels',
    LABEL_KEY,
    fc.oneof(
      fc.stringMatching(LABEL_KEY, { maxLength: 20 }),
      // Any Unicode but white space and "=": label keys may hold shell syntax too.
      fc
        .string({ unit: 'grapheme', minLength: 1, maxLength: 12 })
        .map((key) => key.replace(/[\s=]/g, ''))
        .filter((key) => key !== ''),
      shellText.map((key) => key.replace(/[\s=]/g, '')).filter((key) => key !== ''),
    ),
  ],
  ['test-env', ENV_KEY, fc.stringMatching(ENV_KEY, { maxLength: 20 })],
];

/** A value as one line holds it: no line break, no trailing white space (the line is trimmed); '=' often. */
const lineValue: fc.Arbitrary<string> = fc
  .array(fc.oneof(fc.constant('='), fc.constant('=='), shellText, anyText), { maxLength: 5 })
  .map((parts) => parts.join(''))
  .filter((value) => !value.includes('\n') && !/\s$/.test(value));
const lineBreak = fc.constantFrom('\n', '\r\n', '\n\n', '\n \t\n', '\r\n\r\n');
const indent = fc.constantFrom('', ' ', '  ', '\t');

describe.each(KEY_PATTERNS)('parseKeyValueLines (%s keys)', (_input, pattern, key) => {
  it('every KEY=VALUE round-trips, in order, "=" in values kept, blank lines and indentation ignored', () => {
    const pairs = fc.array(fc.record({ key, value: lineValue }), { maxLength: 6 });
    fc.assert(
      fc.property(
        pairs,
        fc.array(lineBreak, { minLength: 6, maxLength: 6 }),
        fc.array(indent, { minLength: 6, maxLength: 6 }),
        (entries, breaks, indents) => {
          const raw = entries
            .map(({ key, value }, index) => `${indents[index] ?? ''}${key}=${value}${breaks[index] ?? '\n'}`)
            .join('');
          expect(parseKeyValueLines(raw, pattern)).toEqual(entries);
        },
      ),
      RUNS,
    );
  });

  it('a value loses only its trailing white space (the line is trimmed), never anything inside', () => {
    fc.assert(
      fc.property(
        key,
        anyText.filter((value) => !value.includes('\n')),
        (k, value) => {
          expect(parseKeyValueLines(`${k}=${value}`, pattern)).toEqual([{ key: k, value: value.trimEnd() }]);
        },
      ),
      RUNS,
    );
  });

  it('a line without "=" or with a key off the pattern is refused, naming its line number', () => {
    const badLine = fc.oneof(
      anyText
        .map((text) => text.trim())
        .filter((line) => line !== '' && !line.includes('\n') && !line.includes('\r') && !line.includes('=')),
      fc
        .tuple(anyText, lineValue)
        .map(([key, value]) => `${key.trim()}=${value}`)
        .filter(
          (line) => !line.includes('\n') && !line.includes('\r') && !pattern.test(line.slice(0, line.indexOf('='))),
        ),
    );
    const good = fc.array(fc.record({ key, value: lineValue.filter((value) => !value.includes('\r')) }), {
      maxLength: 3,
    });
    fc.assert(
      fc.property(good, badLine, (before, bad) => {
        const raw = [...before.map(({ key, value }) => `${key}=${value}`), bad].join('\n');
        expect(thrownBy(() => parseKeyValueLines(raw, pattern))?.message).toBe(
          `line ${before.length + 1} is "${bad.trim()}"; expected one KEY=VALUE per line`,
        );
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// run-args
// ---------------------------------------------------------------------------------------------

const LIFECYCLE_FLAGS = ['--rm', '--detach', '-d', '--name'] as const;
/** docker run options that take no value: after one, docker reads the next argument as a new option. */
const BOOLEAN_RUN_FLAGS = [
  '--init',
  '--read-only',
  '--privileged',
  '--no-healthcheck',
  '--oom-kill-disable',
  '--publish-all',
  '-P',
  '--interactive',
  '-i',
  '--tty',
  '-t',
] as const;
/** docker run's switches (no value after a space): after one, a word would be the image to run. */
const RUN_SWITCHES = [
  ...BOOLEAN_RUN_FLAGS,
  '--rm',
  '--detach',
  '--disable-content-trust',
  '--help',
  '--quiet',
  '--sig-proxy',
  '--use-api-socket',
];
const SHORT_SWITCH_LETTERS = 'ditPq';
const optionName = fc
  .stringMatching(/^--?[a-z][a-z0-9-]{0,15}$/)
  .filter(
    (flag) =>
      !(LIFECYCLE_FLAGS as readonly string[]).includes(flag) &&
      flag !== '--pull' &&
      !/^-[a-z0-9]*d/.test(flag.startsWith('--') ? '' : flag),
  );
/** An option that takes the word after it as its value: a long non-switch, or one short value letter. */
const valueOptionName = optionName.filter((flag) =>
  flag.startsWith('--')
    ? !RUN_SWITCHES.includes(flag)
    : flag.length === 2 && !SHORT_SWITCH_LETTERS.includes(flag[1] ?? ''),
);
/** A value that may hold anything a shell would act on, but no line break and no surrounding white space. */
const argValue = shellText.filter((value) => !value.includes('\n') && value === value.trim() && value !== '');

type RunArgLine = { line: string; expected: string[] };
const runArgLine: fc.Arbitrary<RunArgLine> = fc.oneof(
  // Alone: a switch, or a cluster of short ones (without -d).
  fc
    .constantFrom(
      ...RUN_SWITCHES.filter((flag) => !(LIFECYCLE_FLAGS as readonly string[]).includes(flag)),
      '-it',
      '-iP',
    )
    .map((flag) => ({ line: flag, expected: [flag] })),
  fc
    .tuple(
      optionName,
      argValue.filter((value) => !value.includes('\r')),
    )
    .map(([flag, value]) => ({ line: `${flag}=${value}`, expected: [`${flag}=${value}`] })),
  // A split value starting with "-" is left out: docker may read it as an option (refused: see below).
  fc
    .tuple(
      valueOptionName,
      fc.constantFrom(' ', '  ', '\t', ' \t '),
      argValue.filter((value) => !value.startsWith('-')),
    )
    .map(([flag, gap, value]) => ({ line: `${flag}${gap}${value}`, expected: [flag, value] })),
);

describe('parseRunArgs', () => {
  it('never shell-splits: quotes, $(...), backticks, ";" survive byte for byte, one or two arguments per line, in order', () => {
    fc.assert(
      fc.property(
        fc.array(runArgLine, { maxLength: 6 }),
        fc.array(lineBreak, { minLength: 6, maxLength: 6 }),
        fc.array(indent, { minLength: 6, maxLength: 6 }),
        (lines, breaks, indents) => {
          const raw = lines.map(({ line }, index) => `${indents[index] ?? ''}${line}${breaks[index] ?? '\n'}`).join('');
          expect(parseRunArgs(raw)).toEqual(lines.flatMap(({ expected }) => expected));
        },
      ),
      RUNS,
    );
  });

  it('every output element comes from exactly one input line: a line is one argument, or its flag and the rest', () => {
    const lines = fc.array(
      fc.oneof(
        runArgLine.map(({ line }) => line),
        anyText.map((text) => `-${text}`),
        shellText.map((text) => `--x ${text}`),
      ),
      { maxLength: 6 },
    );
    fc.assert(
      fc.property(lines, (raw) => {
        const input = raw.join('\n');
        let output: string[] = [];
        if (thrownBy(() => (output = parseRunArgs(input))) !== undefined) return;
        const nonBlank = input
          .split(/\r?\n/)
          .map((line) => line.trim())
          .filter((line) => line !== '');
        let at = 0;
        for (const line of nonBlank) {
          const first = output[at] ?? '';
          if (first === line) {
            at += 1;
            continue;
          }
          // Two arguments: the flag up to the first white space, and the rest of the line, trimmed.
          const second = output[at + 1] ?? '';
          expect(line.startsWith(first)).toBe(true);
          expect(line.slice(first.length)).toMatch(/^\s/);
          expect(line.slice(first.length).trim()).toBe(second);
          expect(first).not.toMatch(/[\s=]/);
          at += 2;
        }
        expect(at).toBe(output.length);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses the lifecycle flags in every spelling, on any line, naming the line', () => {
    const lifecycleLine = fc
      .tuple(fc.constantFrom(...LIFECYCLE_FLAGS), fc.constantFrom('', '=', ' ', '\t', '= '), argValue)
      .map(([flag, glue, value]) => ({ flag, line: glue === '' ? flag : `${flag}${glue}${value}` }));
    fc.assert(
      fc.property(
        fc.array(runArgLine, { maxLength: 4 }),
        lifecycleLine,
        fc.array(runArgLine, { maxLength: 2 }),
        (before, { flag, line }, after) => {
          const raw = [...before.map((l) => l.line), line, ...after.map((l) => l.line)].join('\n');
          expect(thrownBy(() => parseRunArgs(raw))?.message).toMatch(
            new RegExp(`^line ${before.length + 1} uses ${flag}, which is not allowed: `),
          );
        },
      ),
      RUNS,
    );
  });

  // docker's option parser (pflag) reads "-td" as -t -d and "-td=false" as -t --detach=false: the
  // action's `docker run --detach` then runs attached and blocks (checked on Docker 28 / Engine 20.10).
  // Accepted until f5eed1e (shrunk to "-id").
  it('refuses detach hidden in a cluster of short boolean options (-td, -itd=false, -Pd), naming the line', () => {
    const cluster = fc
      .tuple(
        fc.array(fc.constantFrom('i', 't', 'P'), { minLength: 1, maxLength: 3 }),
        fc.constantFrom('', '=false', '=true'),
      )
      .map(([flags, value]) => ({ flag: `-${flags.join('')}d`, line: `-${flags.join('')}d${value}` }));
    fc.assert(
      fc.property(fc.array(runArgLine, { maxLength: 3 }), cluster, (before, { flag, line }) => {
        const raw = [...before.map((l) => l.line), line].join('\n');
        expect(thrownBy(() => parseRunArgs(raw))?.message).toMatch(
          new RegExp(`^line ${before.length + 1} uses ${flag}, which is not allowed: `),
        );
      }),
      { numRuns: 200 },
    );
  });

  // A "--flag value" line is split in two; after a boolean flag docker reads the second part as an
  // option of its own: "--read-only --rm" gave an auto-removed container, "--init --name=x" renamed it
  // (checked on Engine 20.10). Accepted until f5eed1e (shrunk to "--init --rm").
  it('refuses a lifecycle flag that follows a boolean flag on the same line (it would become an option of its own)', () => {
    const line = fc
      .tuple(
        fc.constantFrom(...BOOLEAN_RUN_FLAGS),
        fc.constantFrom(' ', '\t', '  '),
        fc.constantFrom('--rm', '--detach=false', '-d=false', '-td', '--name=other', '--name other'),
      )
      .map(([flag, gap, lifecycle]) => `${flag}${gap}${lifecycle}`);
    fc.assert(
      fc.property(fc.array(runArgLine, { maxLength: 3 }), line, (before, bad) => {
        const raw = [...before.map((l) => l.line), bad].join('\n');
        expect(thrownBy(() => parseRunArgs(raw))?.message).toMatch(new RegExp(`^line ${before.length + 1} `));
      }),
      { numRuns: 200 },
    );
  });

  // docker's own reading of its arguments (pflag, as docker run's flags are): the first word that is no option,
  // nor an option's value, is the image to run. Switches and short clusters as `docker run --help` has them.
  function imageDockerRuns(args: readonly string[]): string | undefined {
    for (let at = 0; at < args.length; at++) {
      const arg = args[at] ?? '';
      if (arg === '--') return args[at + 1];
      if (!arg.startsWith('-') || arg === '-') return arg;
      if (arg.startsWith('--')) {
        if (!arg.includes('=') && !RUN_SWITCHES.includes(arg)) at++; // its value is the next argument
        continue;
      }
      // A short cluster: switches, until a letter that takes the rest of the word, or else the next argument.
      for (let letter = 1; letter < arg.length; letter++) {
        if (SHORT_SWITCH_LETTERS.includes(arg[letter] ?? '')) continue;
        if (letter === arg.length - 1) at++;
        break;
      }
    }
    return undefined;
  }

  it('whatever run-args it accepts, docker runs the built image: no line adds an image, a command or a "--"', () => {
    const IMAGE = 'localhost:5000/acme/app:d24155b';
    const hostile = fc.oneof(
      runArgLine.map(({ line }) => line),
      fc
        .tuple(fc.constantFrom(...RUN_SWITCHES, '-i', '-it', '-eA=B', '-e', '--env', '--init=true'), argValue)
        .map(([flag, word]) => `${flag} ${word}`),
      fc.constantFrom('--', '-- busybox', '--env', '-e', '-it', '--pull=always', '--pull always', '-'),
      anyText.map((text) => `-${text}`),
      shellText.map((text) => `--x ${text}`),
    );
    fc.assert(
      fc.property(fc.array(hostile, { maxLength: 6 }), (lines) => {
        let args: string[] = [];
        if (thrownBy(() => (args = parseRunArgs(lines.join('\n')))) !== undefined) return;
        // As the action runs it: its own options, the user's, then the built image.
        expect(imageDockerRuns(['--detach', '--name=app-1', ...args, IMAGE])).toBe(IMAGE);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['--init busybox', 'line 1 is "--init busybox": --init takes no value after a space'],
    ['-it busybox', 'line 1 is "-it busybox": -it takes no value after a space'],
    ['-eA busybox', 'line 1 is "-eA busybox": -eA takes no value after a space'],
    ['--env', 'line 1 is "--env": --env takes a value, and alone it would take the built image\'s name as it'],
    ['-e', 'line 1 is "-e": -e takes a value'],
    ['-ie', 'line 1 is "-ie": -ie takes a value'],
    ['--', 'line 1 is "--", which ends docker run\'s options'],
    ['-- busybox', 'line 1 is "-- busybox", which ends docker run\'s options'],
    ['--pull=always', 'line 1 uses --pull, which is not allowed: the container runs the image built here'],
    ['--pull always', 'line 1 uses --pull, which is not allowed: the container runs the image built here'],
  ])('refuses %j, which would run another image', (raw, message) => {
    expect(thrownBy(() => parseRunArgs(raw))?.message).toContain(message);
  });

  it.each([
    ['--pull=never', ['--pull=never']],
    ['--pull missing', ['--pull', 'missing']],
    ['--init=true', ['--init=true']],
    ['-e A=B', ['-e', 'A=B']],
    ['--rmi=true', ['--rmi=true']],
    ['-eA=B busybox', ['-eA=B busybox']],
    ['-it', ['-it']],
  ])('accepts %j', (raw, args) => {
    expect(parseRunArgs(raw)).toEqual(args);
  });

  it('refuses a line that does not start with "-" (an image or a command would change what runs)', () => {
    const notAnOption = anyText
      .map((text) => text.trim())
      .filter((line) => line !== '' && !line.startsWith('-') && !/[\r\n]/.test(line));
    fc.assert(
      fc.property(notAnOption, (line) => {
        expect(thrownBy(() => parseRunArgs(line))?.message).toBe(
          `line 1 is "${line}"; expected one docker run option per line, starting with "-" (e.g. --env=KEY=VALUE)`,
        );
      }),
      RUNS,
    );
  });
});

// ---------------------------------------------------------------------------------------------
// Numbers, booleans, wait-for
// ---------------------------------------------------------------------------------------------

const range = fc
  .tuple(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 0, max: 100_000 }))
  .map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) }));

describe('parseInteger', () => {
  it('accepts every whole number in range, written in decimal, also with leading zeros', () => {
    fc.assert(
      fc.property(
        range.chain((r) => fc.tuple(fc.constant(r), fc.integer(r), fc.nat(3))),
        ([r, n, zeros]) => {
          expect(parseInteger(String(n), r)).toBe(n);
          expect(parseInteger(`${'0'.repeat(zeros)}${n}`, r)).toBe(n);
        },
      ),
      RUNS,
    );
  });

  it('refuses every whole number out of range, naming the range', () => {
    const outside = range.chain((r) =>
      fc.tuple(
        fc.constant(r),
        fc.oneof(
          fc.integer({ min: r.max + 1, max: Number.MAX_SAFE_INTEGER }),
          fc.integer({ min: Number.MIN_SAFE_INTEGER, max: r.min - 1 }),
        ),
      ),
    );
    fc.assert(
      fc.property(outside, ([r, n]) => {
        expect(thrownBy(() => parseInteger(String(n), r))?.message).toBe(
          `is "${n}"; expected a whole number from ${r.min} to ${r.max}`,
        );
      }),
      RUNS,
    );
  });

  it('any string: a number in range written as decimal digits, or the one error message', () => {
    const text = fc.oneof(
      anyText,
      fc.constantFrom(
        '',
        ' 1',
        '1 ',
        '+1',
        '-0',
        '1e3',
        '1.0',
        '0x10',
        '0b1',
        '1_000',
        'Infinity',
        'NaN',
        '١٢',
        '１２',
        '9'.repeat(400),
      ),
    );
    fc.assert(
      fc.property(range, text, (r, raw) => {
        let value: number | undefined;
        const error = thrownBy(() => (value = parseInteger(raw, r)));
        if (error !== undefined) {
          expect(error.message).toBe(`is "${raw}"; expected a whole number from ${r.min} to ${r.max}`);
          return;
        }
        expect(raw).toMatch(/^[0-9]+$/);
        expect(Number.isSafeInteger(value)).toBe(true);
        expect(value).toBe(Number(raw));
        expect(value).toBeGreaterThanOrEqual(r.min);
        expect(value).toBeLessThanOrEqual(r.max);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseBoolean', () => {
  const TRUE = ['true', 'True', 'TRUE'];
  const FALSE = ['false', 'False', 'FALSE'];

  it('accepts exactly the YAML 1.2 core spellings; any other string is refused with the one message', () => {
    const text = fc.oneof(
      anyText,
      fc.constantFrom(...TRUE, ...FALSE, 'yes', 'no', 'on', 'off', '1', '0', 'tRUE', ' true', 'true ', 'y', 'n', ''),
    );
    fc.assert(
      fc.property(text, (raw) => {
        let value: boolean | undefined;
        const error = thrownBy(() => (value = parseBoolean(raw)));
        if (TRUE.includes(raw)) expect(value).toBe(true);
        else if (FALSE.includes(raw)) expect(value).toBe(false);
        else expect(error?.message).toBe(`is "${raw}"; expected true or false`);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseWaitFor', () => {
  const validPort = fc.integer({ min: 1, max: 65535 });
  const invalidPort = fc.oneof(
    fc.constant(0),
    fc.integer({ min: 65536, max: 99999 }),
    fc.integer({ min: 100000, max: Number.MAX_SAFE_INTEGER }),
  );
  const urlPath = fc.string({ unit: chars(`${ALNUM}/-._~%?&=+`), maxLength: 20 }).map((p) => `/${p}`);

  it('accepts tcp and http checks on every port from 1 to 65535', () => {
    fc.assert(
      fc.property(
        validPort,
        urlPath,
        fc.constantFrom('', 'http://127.0.0.1:', 'http://localhost:'),
        (port, p, prefix) => {
          expect(parseWaitFor(`tcp:${port}`)).toEqual({ kind: 'tcp', port });
          expect(parseWaitFor(`http:${port}`)).toEqual({ kind: 'http', port, path: '/', status: undefined });
          const http = prefix === '' ? `http:${port}${p}` : `${prefix}${port}${p}`;
          expect(parseWaitFor(http)).toEqual({ kind: 'http', port, path: p, status: undefined });
        },
      ),
      RUNS,
    );
  });

  it('refuses port 0 and every port above 65535, for tcp and http', () => {
    fc.assert(
      fc.property(invalidPort, urlPath, (port, p) => {
        for (const raw of [`tcp:${port}`, `http:${port}`, `http:${port}${p}`, `http://127.0.0.1:${port}${p}`]) {
          expect(thrownBy(() => parseWaitFor(raw))?.message, raw).toMatch(/port/);
        }
      }),
      RUNS,
    );
  });

  it.each([
    '',
    '-1',
    '+80',
    ' 80',
    '80 ',
    '8o',
    '0x50',
    '80.0',
    '1e3',
    '٨٠',
    '８０',
    '80:81',
    '//example.com:80',
    '//127.0.0.1:',
  ])('refuses the port %j for tcp and http', (port) => {
    expect(thrownBy(() => parseWaitFor(`tcp:${port}`))).toBeDefined();
    expect(thrownBy(() => parseWaitFor(`http:${port}`))).toBeDefined();
  });

  it('refuses any tcp port that is not plain decimal digits', () => {
    fc.assert(
      fc.property(
        anyText.filter((text) => !/^[0-9]+$/.test(text)),
        (port) => {
          expect(thrownBy(() => parseWaitFor(`tcp:${port}`))?.message).toBe(`has the port "${port}"`);
        },
      ),
      RUNS,
    );
  });

  it('accepts a #status from 200 to 599 and refuses every other', () => {
    fc.assert(
      fc.property(validPort, fc.integer({ min: 0, max: 10_000 }), (port, status) => {
        const raw = `http:${port}/health#status=${status}`;
        if (status >= 200 && status <= 599)
          expect(parseWaitFor(raw)).toEqual({ kind: 'http', port, path: '/health', status });
        else
          expect(thrownBy(() => parseWaitFor(raw))?.message).toBe(
            `has the status "${status}"; a response status is 200 to 599`,
          );
      }),
      RUNS,
    );
  });

  it('any string: one of the documented kinds (a port always 1–65535) or an Error with a message', () => {
    const text = fc.oneof(
      anyText,
      fc
        .tuple(
          fc.constantFrom(
            'tcp:',
            'http:',
            'http://127.0.0.1:',
            'http://localhost:',
            'log:',
            'exit:',
            'http://example.com:',
          ),
          anyText,
        )
        .map(([prefix, rest]) => prefix + rest),
    );
    fc.assert(
      fc.property(text, (raw) => {
        let waitFor: WaitFor | undefined;
        if (thrownBy(() => (waitFor = parseWaitFor(raw))) !== undefined) return;
        expect(['auto', 'healthy', 'running', 'http', 'tcp', 'log', 'exit']).toContain(waitFor?.kind);
        if (waitFor?.kind === 'tcp' || waitFor?.kind === 'http') {
          expect(Number.isInteger(waitFor.port)).toBe(true);
          expect(waitFor.port).toBeGreaterThanOrEqual(1);
          expect(waitFor.port).toBeLessThanOrEqual(65535);
        }
        if (waitFor?.kind === 'log') expect(waitFor.pattern.source).not.toBe('(?:)');
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// parseInputs
// ---------------------------------------------------------------------------------------------

interface ActionYml {
  inputs: Record<string, { default?: string | number | boolean }>;
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;
const INPUT_NAMES = Object.keys(action.inputs);
const DEFAULTS: Record<string, string> = {
  ...Object.fromEntries(
    INPUT_NAMES.map((name) => [
      name,
      action.inputs[name]?.default === undefined ? '' : String(action.inputs[name]?.default),
    ]),
  ),
  image: 'acme/app',
};

/** core.getInput over `values`; a name action.yml does not declare is a test failure, not an input. */
function reader(values: Record<string, string>): (name: string) => string {
  return (name) => {
    const value = values[name];
    if (value === undefined) throw new Error(`parseInputs read '${name}', which action.yml does not declare`);
    return value;
  };
}

/** Inputs, or the InputError; every problem names an input of action.yml. */
function outcome(values: Record<string, string>): Inputs | InputError {
  try {
    return parseInputs(reader(values));
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    const problems = (error as InputError).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const problem of problems) expect(INPUT_NAMES).toContain(/^Input '([^']+)'/.exec(problem)?.[1]);
    expect((error as InputError).message).not.toBe('');
    return error as InputError;
  }
}

const inputValue = fc.oneof(
  anyText,
  shellText,
  fc.constantFrom(
    '',
    ' ',
    '\n',
    'true',
    'false',
    '0',
    '1',
    '99',
    '-1',
    'auto',
    'exit:0',
    'tcp:0',
    'log:(',
    'runner',
    'container',
    '--rm',
    'a=b',
    '/abs',
    '../up',
  ),
);

describe('parseInputs', () => {
  it('never throws anything but an InputError naming inputs, whatever the runner passes', () => {
    const values = fc.record(
      Object.fromEntries(INPUT_NAMES.map((name) => [name, fc.oneof(fc.constant(DEFAULTS[name] ?? ''), inputValue)])),
    );
    fc.assert(
      fc.property(values, (raw) => {
        outcome(raw);
      }),
      { numRuns: 1000 },
    );
  });

  it('one input off its default: either accepted, or refused with problems naming that input only', () => {
    const partners: Record<string, readonly string[]> = {
      'registry-username': ['registry-password'],
      'registry-password': ['registry-username'],
      // An empty env-prefix is derived from the image, and refused when what it gives is no variable name.
      image: ['env-prefix'],
    };
    fc.assert(
      fc.property(fc.constantFrom(...INPUT_NAMES), inputValue, (name, value) => {
        const result = outcome({ ...DEFAULTS, [name]: value });
        if (!(result instanceof InputError)) return;
        for (const problem of result.problems)
          expect([name, ...(partners[name] ?? [])]).toContain(/^Input '([^']+)'/.exec(problem)?.[1]);
      }),
      { numRuns: 2000 },
    );
  });
});

// ---------------------------------------------------------------------------------------------
// written paths and the build's argv
// ---------------------------------------------------------------------------------------------

describe('written paths: whatever reports-dir and env-file it accepts, a write there stays in the workspace', () => {
  // A workspace with committed links: out of it, to the root, up, inside it, to nowhere, to itself.
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), 'paths-fuzz-')));
  const workspace = path.join(root, 'workspace');
  const outside = path.join(root, 'outside');
  mkdirSync(path.join(workspace, 'sub', 'deep'), { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(workspace, 'Dockerfile'), 'FROM scratch\n');
  const links: Record<string, string> = {
    out: outside,
    slash: '/',
    up: '..',
    'sub/back': '../..',
    in: 'sub',
    'sub/deep/home': workspace,
    broken: path.join(root, 'gone'),
    self: 'self',
  };
  for (const [link, target] of Object.entries(links)) symlinkSync(target, path.join(workspace, link));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  const segment = fc.constantFrom(
    'out',
    'slash',
    'up',
    'in',
    'sub',
    'back',
    'deep',
    'home',
    'broken',
    'self',
    '..',
    '.',
    'new',
    'x y',
    '',
  );
  const written = fc.oneof(
    fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('/')),
    fc.array(segment, { minLength: 1, maxLength: 4 }).map((parts) => `/${parts.join('/')}`),
    fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => `${workspace}/${parts.join('/')}`),
    anyText,
  );
  const inside = (file: string): boolean => {
    const relative = path.relative(workspace, file);
    // A name such as `..x` is a file of its own, not the parent.
    return relative !== '' && relative !== '..' && !relative.startsWith(`..${path.sep}`) && !path.isAbsolute(relative);
  };
  /** Where a write there would land: the deepest existing part with its links followed, and the rest. */
  const landing = (file: string): string => {
    let existing = file;
    const rest: string[] = [];
    while (!existsSync(existing) && path.dirname(existing) !== existing) {
      rest.unshift(path.basename(existing));
      existing = path.dirname(existing);
    }
    return path.join(realpathSync(existing), ...rest);
  };

  it.each(['reports-dir', 'env-file'])('%s', (name) => {
    fc.assert(
      fc.property(written, (value) => {
        let inputs: Inputs | undefined;
        try {
          inputs = readInputs(
            reader({
              ...DEFAULTS,
              image: 'acme/app',
              context: workspace,
              'test-reports': '/app/reports',
              [name]: value,
            }),
            { env: {}, mask: () => undefined, workspace },
          );
        } catch (error) {
          expect(error).toBeInstanceOf(InputError);
          expect((error as InputError).problems.every((problem) => problem.startsWith(`Input '${name}' `))).toBe(true);
          return;
        }
        const file = name === 'env-file' ? inputs.envFile : path.resolve(workspace, inputs.reportsDir);
        if (file === '') return; // no env-file
        expect(inside(landing(file))).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});

describe("the classic build's argv: no input adds a docker flag it does not name", () => {
  const known = new Set(['--cache-from', '--file', '--iidfile', '--build-arg', '--target']);
  const multiLine = fc
    .array(fc.oneof(anyText, shellText, fc.constantFrom('--rm', '-t x', '--output=/', 'A=--output=/', '--=')), {
      maxLength: 4,
    })
    .map((lines) => lines.join('\n'));
  it('build-args, target, file and context: every value sits after the flag that names it', () => {
    fc.assert(
      fc.property(
        multiLine,
        anyText,
        fc.constantFrom('.', '-x', '--output=type=local,dest=/', 'app'),
        (buildArgs, target, context) => {
          let inputs: Inputs;
          try {
            inputs = parseInputs(reader({ ...DEFAULTS, image: 'acme/app', 'build-args': buildArgs, target, context }));
          } catch {
            return;
          }
          const argv = legacyBuildArgs({ ...inputs, cacheFrom: [], iidFile: '/tmp/iid' });
          const rest: string[] = [];
          for (let at = 0; at < argv.length; at++) {
            if (known.has(argv[at] ?? '')) at++;
            else rest.push(argv[at] ?? '');
          }
          // The command, the one switch the loop adds, and the context as one argument that is no option.
          expect(rest.slice(0, 2)).toEqual(['build', '--force-rm']);
          expect(rest).toHaveLength(3);
          expect(rest[2]?.startsWith('-')).toBe(false);
        },
      ),
      { numRuns: 1000 },
    );
  });
});
