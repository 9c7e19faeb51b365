import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import {
  CLI_NAMING,
  flagOf,
  inputsFilePath,
  parseCliArgs,
  usage,
  type CliCommand,
  type CliRun,
  type InputsFile,
} from '../../../src/cli/args.js';
import { ACTION_INPUTS, ACTION_OUTPUTS } from '../../../src/loop/action-spec.js';
import { InputError } from '../../../src/shared/field-parser.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface ActionYml {
  inputs: Record<string, { default?: string | number | boolean; required?: boolean }>;
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

/** Every input as the runner passes it when the workflow sets none. */
const ACTION_DEFAULTS: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(action.inputs).map(([name, spec]) => [name, spec.default === undefined ? '' : String(spec.default)]),
);

const PASSWORD = 'hunter2-s3cr3t';

function runOf(command: CliCommand): CliRun {
  if (command.kind !== 'run') throw new Error(`expected a run, got ${command.kind}`);
  return command;
}

function run(argv: readonly string[], env: Record<string, string | undefined> = {}, file?: InputsFile): CliRun {
  return runOf(parseCliArgs(argv, env, file));
}

function inputErrorOf(argv: readonly string[], env: Record<string, string | undefined> = {}, file?: InputsFile) {
  try {
    parseCliArgs(argv, env, file);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error('expected an InputError');
}

function problemsOf(argv: readonly string[], env: Record<string, string | undefined> = {}, file?: InputsFile) {
  return inputErrorOf(argv, env, file).problems;
}

function inputsFile(values: Record<string, unknown>): InputsFile {
  return { path: 'step.yml', values };
}

describe('parseCliArgs: values of flags', () => {
  it.each<[string, string[], Record<string, string>]>([
    ['--name value', ['--image', 'acme/app'], { image: 'acme/app' }],
    ['--name=value', ['--image=acme/app'], { image: 'acme/app' }],
    ['--name=value keeps later = signs', ['--image=a', '--test-command=x=1 y=2'], { 'test-command': 'x=1 y=2' }],
    ['--name= gives an empty value', ['--image=a', '--context='], { context: '' }],
    ['a value that starts with a single dash', ['--image', 'a', '--test-command', '-x'], { 'test-command': '-x' }],
    ['--boolean alone is true', ['--image', 'a', '--deploy'], { deploy: 'true' }],
    ['--boolean=false', ['--image', 'a', '--deploy=false'], { deploy: 'false' }],
    ['--boolean=true', ['--image', 'a', '--deploy=true'], { deploy: 'true' }],
    ['--no-boolean', ['--image', 'a', '--no-deploy'], { deploy: 'false' }],
    ['a boolean flag does not take the next argument', ['--deploy', '--image', 'a'], { deploy: 'true', image: 'a' }],
    [
      'several flags, in any order',
      ['--tag-length', '12', '--image', 'ghcr.io/acme/app', '--wait-for=http:8080/health', '--sha-env', 'GIT_SHA'],
      { 'tag-length': '12', image: 'ghcr.io/acme/app', 'wait-for': 'http:8080/health', 'sha-env': 'GIT_SHA' },
    ],
  ])('%s', (_, argv, expected) => {
    expect(run(argv).inputs).toMatchObject(expected);
  });

  const multiLine = ACTION_INPUTS.filter((input) => input.lines === true).map((input) => input.name);

  it('knows the multi-line inputs from the list', () => {
    expect(multiLine).toEqual(expect.arrayContaining(['build-args', 'run-args', 'labels', 'test-env', 'also-push']));
  });

  it.each(multiLine)('--%s repeats, one line each, joined with a newline', (name) => {
    expect(run(['--image', 'a', `--${name}`, 'A=1', `--${name}=B=2`, `--${name}`, 'C=3']).inputs[name]).toBe(
      'A=1\nB=2\nC=3',
    );
  });

  it('a multi-line flag given once is its one line', () => {
    expect(run(['--image', 'a', '--run-args=--read-only']).inputs['run-args']).toBe('--read-only');
    expect(
      run(['--image', 'a', '--run-args', '--read-only', '--run-args', '--publish=127.0.0.1::8080']).inputs['run-args'],
    ).toBe('--read-only\n--publish=127.0.0.1::8080');
  });

  const singleLine = ACTION_INPUTS.filter(
    (input) => input.lines !== true && input.secret !== true && input.boolean !== true,
  ).map((input) => input.name);

  it.each(singleLine)('--%s given twice is a problem', (name) => {
    const flag = flagOf(name);
    const problems = problemsOf(['--image', 'a', flag, 'one', `${flag}=two`].slice(name === 'image' ? 2 : 0));
    expect(problems).toEqual([`${flag} is given twice; only multi-line inputs repeat.`]);
  });

  it.each([
    ['--deploy', '--deploy'],
    ['--deploy', '--no-deploy'],
    ['--no-deploy', '--deploy'],
    ['--no-deploy', '--no-deploy'],
    ['--deploy=true', '--deploy=false'],
  ])('a boolean given twice (%s %s) is a problem', (first, second) => {
    const problems = problemsOf(['--image', 'a', first, second]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^--(no-)?deploy is given twice/);
  });

  it.each([
    ['at the end', ['--image', 'a', '--context']],
    ['before another flag', ['--image', 'a', '--context', '--deploy']],
  ])('a value flag without its value is a problem (%s)', (_, argv) => {
    expect(problemsOf(argv)).toEqual(['--context needs a value (see --help).']);
  });

  it('--verbose and --output-file are not inputs', () => {
    const command = run(['--image', 'a', '--verbose', '--output-file', 'out.env']);
    expect(command.verbose).toBe(true);
    expect(command.outputFile).toBe('out.env');
    expect(Object.keys(command.inputs)).toEqual(ACTION_INPUTS.map((input) => input.name));
    expect(run(['--image', 'a', '--output-file=o.env'])).toMatchObject({ verbose: false, outputFile: 'o.env' });
    expect(run(['--image', 'a'])).toMatchObject({ verbose: false, outputFile: undefined, notes: [] });
  });

  it.each([
    ['--output-file', ['--image', 'a', '--output-file']],
    ['--output-file', ['--image', 'a', '--output-file=']],
    ['--inputs', ['--image', 'a', '--inputs']],
    ['--inputs', ['--image', 'a', '--inputs', '--deploy']],
  ])('%s without a path is a problem', (flag, argv) => {
    expect(problemsOf(argv)).toEqual([`${flag} needs a file path.`]);
  });

  it.each([
    ['--output-file', ['--output-file', 'a.env', '--output-file', 'b.env']],
    ['--inputs', ['--inputs', 'a.yml', '--inputs=b.yml']],
    ['--verbose', ['--verbose', '--verbose=false']],
  ])('%s given twice, or --verbose with a value, is a problem', (flag, argv) => {
    const problems = problemsOf(['--image', 'a', ...argv]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${flag} `));
  });
});

describe('parseCliArgs: what is not an option', () => {
  it.each<[string, string[], string]>([
    ['an unknown flag', ['--imagee', 'acme/app'], '--imagee'],
    ['an unknown flag with =', ['--tag=v1'], '--tag'],
    ['an unknown single-dash option', ['-x'], '-x'],
    ['an unknown single-dash option with a value', ['-pvalue1234'], '-p'],
    ['--no- of an input that is not a boolean', ['--no-context'], '--no-context'],
    ['--no-boolean with a value', ['--no-deploy=true'], '--no-deploy'],
    ['--help with a value', ['--help=me'], '--help'],
  ])('%s is a problem naming the flag, never its value', (_, argv, flag) => {
    const problems = problemsOf(['--image', 'a', ...argv]);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(new RegExp(`^${flag} is not an option`));
    for (const value of ['acme/app', 'v1', 'value1234', 'true', 'me']) expect(problems[0]).not.toContain(value);
  });

  it.each([
    ['a plain value', 'p4ss'],
    ['a value that starts with a dash', '-p4ss'],
    ['a value that starts with two dashes', '--p4ss'],
  ])('an unknown flag takes its value with it (%s): never echoed, never a second problem', (_, value) => {
    const problems = problemsOf(['--image', 'a', '--password', value, '--deploy']);
    expect(problems).toEqual([
      "--password is not an option; expected one of the action's inputs as a flag (see --help).",
    ]);
  });

  it.each([
    ['--env-file', 'set.env'],
    ['--env-file=set.env', undefined],
  ])('%s (Node.js takes --env-file for itself) points at --env-output, its value skipped', (flag, value) => {
    const argv = ['--image', 'a', flag, ...(value === undefined ? [] : [value])];
    expect(problemsOf(argv)).toEqual([
      '--env-file is not an option: the env-file input is --env-output here (Node.js reads --env-file itself, wherever it stands).',
    ]);
    expect(run(['--image', 'a', '--env-output', 'set.env']).inputs['env-file']).toBe('set.env');
  });

  it('flagOf: an input is its own flag, but where Node.js would take it', () => {
    expect(
      ACTION_INPUTS.map((input) => flagOf(input.name)).filter((flag, i) => flag !== `--${ACTION_INPUTS[i]?.name}`),
    ).toEqual(['--env-output']);
  });

  it('an unknown flag leaves the next option alone', () => {
    expect(problemsOf(['--image', 'a', '--bogus', '--context'])).toEqual([
      "--bogus is not an option; expected one of the action's inputs as a flag (see --help).",
      '--context needs a value (see --help).',
    ]);
  });

  it.each([
    ['one', ['acme/app'], 1],
    ['after flags', ['--image', 'a', 'oops'], 3],
  ])('a positional argument (%s) is a problem saying where, never what', (_, argv, position) => {
    const problems = problemsOf(argv);
    expect(problems).toEqual([
      `Unexpected argument #${position}: every input is a flag, e.g. --image NAME (see --help).`,
    ]);
  });

  it('collects every problem into one InputError', () => {
    const error = inputErrorOf([
      'stray',
      '--bogus',
      'its-value',
      '-q',
      '--context',
      'a',
      '--context',
      'b',
      '--registry-password=x',
    ]);
    expect(error).toBeInstanceOf(InputError);
    expect(error.problems).toHaveLength(5);
    expect(error.message).toMatch(/^Invalid inputs:\n {2}- Unexpected argument #1/);
    expect(error.problems.map((problem) => problem.split(' ')[0])).toEqual([
      'Unexpected',
      '--bogus',
      '-q',
      '--context',
      '--registry-password',
    ]);
  });

  it.each([
    ['alone', ['-h']],
    ['long', ['--help']],
    ['after flags', ['--image', 'a', '--help']],
    ['with other problems', ['stray', '--bogus', '-h']],
  ])('-h / --help (%s) gives the help', (_, argv) => {
    expect(parseCliArgs(argv, {})).toEqual({ kind: 'help' });
  });

  it('-h as the value of a flag is that value', () => {
    expect(run(['--image', 'a', '--test-command', '-h']).inputs['test-command']).toBe('-h');
  });
});

describe('parseCliArgs: the registry password', () => {
  it.each<[string, string[]]>([
    ['--registry-password VALUE', ['--registry-password', PASSWORD]],
    ['--registry-password=VALUE', [`--registry-password=${PASSWORD}`]],
    ['a value that starts with a dash', ['--registry-password', `-${PASSWORD}`]],
    ['a value that starts with two dashes', ['--registry-password', `--${PASSWORD}`]],
    ['a value that looks like --flag=value', ['--registry-password', `--x=${PASSWORD}`]],
    ['before other flags', ['--registry-password', PASSWORD, '--deploy']],
  ])('is refused as a flag (%s), and its value is never in the error', (_, argv) => {
    const error = inputErrorOf(['--image', 'a', ...argv]);
    expect(error.problems).toEqual([
      '--registry-password is not an option: registry-password is read from REGISTRY_PASSWORD in the environment only, never from arguments.',
    ]);
    expect(error.message).not.toContain(PASSWORD);
  });

  it('a refused password does not take the next flag with it', () => {
    // The flag after it is still parsed: a problem in it is still named.
    const problems = problemsOf(['--image', 'a', '--registry-password', '--context']);
    expect(problems).toHaveLength(2);
    expect(problems[1]).toBe('--context needs a value (see --help).');
  });

  it('comes from REGISTRY_PASSWORD, the username from REGISTRY_USERNAME', () => {
    const { inputs } = run(['--image', 'a'], { REGISTRY_PASSWORD: PASSWORD, REGISTRY_USERNAME: 'bot' });
    expect(inputs['registry-password']).toBe(PASSWORD);
    expect(inputs['registry-username']).toBe('bot');
  });

  it('--registry-username wins over REGISTRY_USERNAME', () => {
    const { inputs } = run(['--image', 'a', '--registry-username', 'me'], { REGISTRY_USERNAME: 'bot' });
    expect(inputs['registry-username']).toBe('me');
  });

  it('an empty variable is not set', () => {
    const { inputs } = run(['--image', 'a'], { REGISTRY_PASSWORD: '', REGISTRY_USERNAME: '' });
    expect(inputs['registry-password']).toBe('');
    expect(inputs['registry-username']).toBe('');
  });

  it('no other variable fills an input', () => {
    const { inputs } = run(['--image', 'a'], { IMAGE: 'x', INPUT_DEPLOY: 'true', DEPLOY: 'true', SHA: 'f'.repeat(40) });
    expect(inputs).toEqual({ ...ACTION_DEFAULTS, image: 'a' });
  });
});

describe('parseCliArgs: defaults', () => {
  it("are action.yml's defaults for every input", () => {
    const { inputs } = run([]);
    expect(Object.keys(inputs).sort()).toEqual(Object.keys(action.inputs).sort());
    expect(inputs).toEqual(ACTION_DEFAULTS);
  });

  it.each(ACTION_INPUTS.filter((input) => input.secret !== true))('--$name replaces only its own default', (input) => {
    const flag = flagOf(input.name);
    const argv = input.boolean === true ? [`${flag}=x`] : [flag, 'x'];
    expect(run(argv).inputs).toEqual({ ...ACTION_DEFAULTS, [input.name]: 'x' });
  });
});

describe('parseCliArgs: the inputs file', () => {
  it('gives plain values as the runner passes them: YAML scalars as strings', () => {
    const { inputs, notes } = run(
      [],
      {},
      inputsFile({
        image: 'ghcr.io/acme/app',
        deploy: true,
        'tag-length': 12,
        'build-args': 'A=1\nB=2\n',
        target: null,
      }),
    );
    expect(inputs).toEqual({
      ...ACTION_DEFAULTS,
      image: 'ghcr.io/acme/app',
      deploy: 'true',
      'tag-length': '12',
      'build-args': 'A=1\nB=2\n',
      target: '',
    });
    expect(notes).toEqual([]);
  });

  it('flags win over the file', () => {
    const { inputs } = run(
      ['--image', 'flag/app', '--build-args', 'C=3', '--no-deploy'],
      {},
      inputsFile({ image: 'file/app', 'build-args': 'A=1\nB=2', deploy: 'true', context: 'sub' }),
    );
    expect(inputs).toMatchObject({ image: 'flag/app', 'build-args': 'C=3', deploy: 'false', context: 'sub' });
  });

  it('the file wins over the environment for nothing but is used when the variable is empty or unset', () => {
    const file = inputsFile({ image: 'a', 'registry-username': 'file-user', 'registry-password': 'file-pass' });
    expect(run([], { REGISTRY_USERNAME: 'env-user', REGISTRY_PASSWORD: PASSWORD }, file).inputs).toMatchObject({
      'registry-username': 'env-user',
      'registry-password': PASSWORD,
    });
    expect(run([], { REGISTRY_USERNAME: '' }, file).inputs).toMatchObject({
      'registry-username': 'file-user',
      'registry-password': 'file-pass',
    });
  });

  it('a workflow expression falls back to the default, with a note naming the flag', () => {
    const { inputs, notes } = run(
      [],
      {},
      inputsFile({
        image: 'a',
        'tag-length': '${{ inputs.length }}',
        'test-command': 'make ${{ matrix.target }}',
        'registry-password': '${{ secrets.TOKEN }}',
      }),
    );
    expect(inputs).toEqual({ ...ACTION_DEFAULTS, image: 'a' });
    expect(notes).toEqual([
      'step.yml: \'tag-length\' is a workflow expression, which only a runner evaluates: its default "7" is used; --tag-length sets it.',
      'step.yml: \'test-command\' is a workflow expression, which only a runner evaluates: its default "" is used; --test-command sets it.',
      'step.yml: \'registry-password\' is a workflow expression, which only a runner evaluates: its default "" is used; REGISTRY_PASSWORD sets it.',
    ]);
  });

  it('an expression given also by a flag or the environment is no note', () => {
    const { inputs, notes } = run(
      ['--tag-length', '9'],
      { REGISTRY_PASSWORD: PASSWORD },
      inputsFile({ image: 'a', 'tag-length': '${{ x }}', 'registry-password': '${{ secrets.TOKEN }}' }),
    );
    expect(notes).toEqual([]);
    expect(inputs).toMatchObject({ 'tag-length': '9', 'registry-password': PASSWORD });
  });

  it('a required input (image) as an expression is a problem', () => {
    expect(problemsOf([], {}, inputsFile({ image: '${{ env.IMAGE }}' }))).toEqual([
      "step.yml: 'image' is a workflow expression, which only a runner evaluates; expected --image to give it.",
    ]);
    expect(run(['--image', 'a'], {}, inputsFile({ image: '${{ env.IMAGE }}' })).inputs.image).toBe('a');
  });

  it.each<[string, Record<string, unknown>, string]>([
    ['an unknown key', { imgae: 'acme/app' }, "step.yml: 'imgae' is not an input of the action (see --help)."],
    [
      'a list',
      { 'build-args': ['A=1', 'B=2'] },
      "step.yml: 'build-args' is a list; expected a string (a multi-line string for one value a line).",
    ],
    [
      'a mapping',
      { 'build-args': { A: '1' } },
      "step.yml: 'build-args' is a mapping; expected a string (a multi-line string for one value a line).",
    ],
  ])('%s is a problem', (_, values, problem) => {
    expect(problemsOf(['--image', 'a'], {}, inputsFile(values))).toEqual([problem]);
  });

  it('a list or mapping is a problem even when a flag gives the input', () => {
    expect(problemsOf(['--image', 'a', '--labels', 'x=1'], {}, inputsFile({ labels: ['x=1'] }))).toHaveLength(1);
  });

  it('collects the problems of the flags and of the file into one InputError', () => {
    const error = inputErrorOf(
      ['--bogus', '--context', 'a', '--context', 'b'],
      {},
      inputsFile({ image: '${{ x }}', nope: 1, labels: [] }),
    );
    expect(error.problems).toHaveLength(5);
    expect(error.problems.filter((problem) => problem.startsWith('step.yml: '))).toHaveLength(3);
  });
});

describe('inputsFilePath', () => {
  it.each<[string[], string | undefined]>([
    [[], undefined],
    [['--image', 'a'], undefined],
    [['--inputs', 'step.yml'], 'step.yml'],
    [['--inputs=step.yml'], 'step.yml'],
    [['--image', 'a', '--inputs', 'ci/step.yml', '--deploy'], 'ci/step.yml'],
    [['--inputs='], ''],
    [['--inputs'], undefined],
    [['--inputs', '--deploy'], undefined],
    [['--inputsx', 'a.yml'], undefined],
  ])('%j → %s', (argv, expected) => {
    expect(inputsFilePath(argv)).toBe(expected);
  });
});

describe('CLI_NAMING', () => {
  it.each([
    ['image', '--image'],
    ['build-args', '--build-args'],
    ['registry-username', '--registry-username'],
    ['registry-password', 'REGISTRY_PASSWORD'],
  ])('%s is %s', (name, expected) => {
    expect(CLI_NAMING.subject(name)).toBe(expected);
    expect(CLI_NAMING.name(name)).toBe(expected);
  });
});

describe('usage', () => {
  const text = usage();

  it.each(ACTION_INPUTS.filter((input) => input.secret !== true).map((input) => input))(
    'lists --$name with its description',
    (input) => {
      const line = text.split('\n').find((row) => row.trimStart().startsWith(`${flagOf(input.name)} `));
      expect(line).toBeDefined();
      expect(line).toContain(input.description);
      if (input.required === true) expect(line).toContain('required');
      else if (input.default !== undefined && input.default !== '') expect(line).toContain(`default: ${input.default}`);
      if (input.lines === true) expect(line).toContain('repeat for more lines');
    },
  );

  it('never offers the password as a flag, and says where it comes from', () => {
    expect(text).not.toContain('--registry-password');
    expect(text).toContain('REGISTRY_PASSWORD');
    expect(text).toContain('REGISTRY_USERNAME');
  });

  it('names every output', () => {
    const outputs = /KEY=VALUE lines \(([^)]*)\)/.exec(text)?.[1];
    expect(outputs?.split(', ')).toEqual(ACTION_OUTPUTS.map((output) => output.name));
  });

  it.each(['--inputs FILE', '--output-file FILE', '--verbose', '-h, --help'])('lists %s', (flag) => {
    expect(text).toContain(`  ${flag} `);
  });
});
