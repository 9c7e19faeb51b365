import { ACTION_INPUTS, ACTION_OUTPUTS } from '../loop/action-spec.js';
import { InputError, type InputNaming } from '../shared/field-parser.js';

// The CLI's flags are the action's inputs, by the same names and with the same defaults (action.yml is
// written from the same list): `--image acme/app`, `--deploy`, `--build-args A=1 --build-args B=2`.

/** Where each secret input comes from instead of argv. */
export const SECRET_ENV: Readonly<Record<string, string>> = { 'registry-password': 'REGISTRY_PASSWORD' };
/** Inputs also read from the environment when no flag gives them. */
const ENV_FALLBACK: Readonly<Record<string, string>> = { 'registry-username': 'REGISTRY_USERNAME', ...SECRET_ENV };

const BY_NAME = new Map(ACTION_INPUTS.map((input) => [input.name, input]));

/** The CLI's flag of an input: its name, but where Node.js would take that for itself. */
export function flagOf(name: string): string {
  return `--${BY_NAME.get(name)?.cliFlag ?? name}`;
}

const BY_FLAG = new Map(ACTION_INPUTS.map((input) => [flagOf(input.name), input]));

export const CLI_NAMING: InputNaming = {
  subject: (name) => SECRET_ENV[name] ?? flagOf(name),
  name: (name) => SECRET_ENV[name] ?? flagOf(name),
};

export interface CliRun {
  readonly kind: 'run';
  /** Each input's raw value, as the runner would pass it (action.yml's default when not given). */
  readonly inputs: Readonly<Record<string, string>>;
  readonly verbose: boolean;
  readonly outputFile: string | undefined;
  /** Said before the run: what was not taken from the inputs file, and why. */
  readonly notes: readonly string[];
}

export type CliCommand = { readonly kind: 'help' } | CliRun;

/**
 * Bad flags, with the raw inputs the other flags gave: checking those too names every problem of the command
 * line in one go (`--frob` and a bad `--image` value alike), not the values' only once the flags are fixed.
 */
export class CliArgsError extends InputError {
  constructor(
    problems: readonly string[],
    readonly inputs: Readonly<Record<string, string>>,
  ) {
    super(problems);
    this.name = 'CliArgsError';
  }
}

/** The `with:` mapping of a workflow step, as `--inputs FILE` gives it: the values, and whence they came. */
export interface InputsFile {
  readonly path: string;
  readonly values: Readonly<Record<string, unknown>>;
}

const EXPRESSION = /\$\{\{/;
const OWN_FLAGS = new Set(['--verbose', '--output-file', '--inputs', '--help']);

/** An argument the parser reads as one of its options: never taken as the value of a refused flag. */
function isOption(arg: string): boolean {
  if (arg === '-h') return true;
  const flag = arg.split('=')[0] ?? '';
  return (
    OWN_FLAGS.has(flag) ||
    BY_FLAG.has(flag) ||
    (arg.startsWith('--no-') && BY_FLAG.get(`--${arg.slice(5)}`)?.boolean === true)
  );
}

/**
 * The value a flag takes from the next argument: any argument but one of this CLI's own options, so that
 * `--run-args --read-only` passes a docker option while `--image --deploy` says --image has no value.
 */
function valueAfter(argv: readonly string[], i: number): string | undefined {
  const next = argv[i + 1];
  return next === undefined || (next !== '-h' && isOption(next)) ? undefined : next;
}

/** The help text: every flag from the list action.yml is written from. */
export function usage(): string {
  const width = Math.max(...ACTION_INPUTS.map((input) => input.name.length)) + 4;
  const flags = ACTION_INPUTS.filter((input) => input.secret !== true).map((input) => {
    const flag = flagOf(input.name);
    const form = input.boolean === true ? flag : `${flag} ${input.lines === true ? 'LINE' : 'VALUE'}`;
    const extra = [
      input.required === true
        ? 'required'
        : input.default === undefined || input.default === ''
          ? ''
          : `default: ${input.default}`,
      input.lines === true ? 'repeat for more lines' : '',
    ].filter((part) => part !== '');
    return `  ${form.padEnd(width + 6)} ${input.description}${extra.length === 0 ? '' : ` (${extra.join('; ')})`}`;
  });
  return [
    'Usage: build-test-deploy --image NAME [flags]',
    '',
    'Runs the loop of the build-test-deploy action on this machine, the same code as the action: prune, build',
    'NAME:<sha7> (SHA=<sha> inside), tag NAME:latest, run it, wait until ready, test that very container, and',
    '(with --deploy) push both tags, only after the tests passed; the container and the login are removed at the end.',
    '',
    "Flags (the action's inputs, by the same names and defaults):",
    ...flags,
    '',
    '  --inputs FILE          a YAML mapping of inputs, e.g. the `with:` of the workflow step; flags win over it',
    '  --output-file FILE     also write the outputs there, as KEY=VALUE lines',
    "  --verbose              keep every phase's docker output, also when it succeeds",
    '  -h, --help             this text',
    '',
    `The registry password is read from ${SECRET_ENV['registry-password'] ?? ''} in the environment, never from a flag;`,
    'REGISTRY_USERNAME stands in for --registry-username.',
    '',
    `Prints the outputs on stdout as KEY=VALUE lines (${ACTION_OUTPUTS.map((output) => output.name).join(', ')}); the log goes to stderr.`,
    'Exit status: 0 passed, 1 the loop failed, 2 bad flags or inputs (nothing was touched), 130 interrupted (143 on SIGTERM).',
  ].join('\n');
}

/** A value of the inputs file as the runner would pass it: YAML scalars become strings. */
function fileValue(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value === null) return '';
  return undefined;
}

/**
 * Parses the CLI's arguments (and the inputs file, already read): every problem is collected into one
 * InputError naming each flag, never a value (one may be a password).
 */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  inputsFile?: InputsFile,
): CliCommand {
  const given = new Map<string, string[]>();
  const problems: string[] = [];
  const notes: string[] = [];
  let verbose = false;
  let outputFile: string | undefined;
  let inputsGiven = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (!arg.startsWith('--')) {
      problems.push(
        arg.startsWith('-')
          ? `${arg.slice(0, 2)} is not an option (see --help).`
          : `Unexpected argument #${i + 1}: every input is a flag, e.g. --image NAME (see --help).`,
      );
      continue;
    }
    const equals = arg.indexOf('=');
    const flag = equals === -1 ? arg : arg.slice(0, equals);
    const attached = equals === -1 ? undefined : arg.slice(equals + 1);
    const takeValue = (): string | undefined => {
      if (attached !== undefined) return attached;
      const next = valueAfter(argv, i);
      if (next !== undefined) i++;
      return next;
    };
    // A refused flag's value, if it had one, goes with it: whatever it looks like (it may be a password),
    // unless it is one of the options.
    const skipValue = (): void => {
      if (attached === undefined && i + 1 < argv.length && !isOption(argv[i + 1] ?? '')) i++;
    };
    if (flag === '--verbose') {
      if (attached !== undefined) problems.push(`${flag} takes no value.`);
      verbose = true;
      continue;
    }
    if (flag === '--output-file' || flag === '--inputs') {
      const value = takeValue();
      const twice = flag === '--inputs' ? inputsGiven : outputFile !== undefined;
      if (value === undefined || value === '') problems.push(`${flag} needs a file path.`);
      else if (twice) problems.push(`${flag} is given twice.`);
      else if (flag === '--output-file') outputFile = value;
      else inputsGiven = true; // --inputs was read before parsing
      continue;
    }
    const negated = flag.startsWith('--no-') ? BY_FLAG.get(`--${flag.slice(5)}`) : undefined;
    const negation = negated?.boolean === true && attached === undefined;
    const input = negation ? negated : BY_FLAG.get(flag);
    if (input === undefined) {
      const renamed = BY_NAME.get(flag.slice(2));
      problems.push(
        renamed?.cliFlag === undefined
          ? `${flag} is not an option; expected one of the action's inputs as a flag (see --help).`
          : `${flag} is not an option: the ${renamed.name} input is ${flagOf(renamed.name)} here (Node.js reads ${flag} itself, wherever it stands).`,
      );
      skipValue();
      continue;
    }
    if (input.secret === true) {
      problems.push(
        `${flag} is not an option: ${input.name} is read from ${SECRET_ENV[input.name] ?? ''} in the environment only, never from arguments.`,
      );
      skipValue();
      continue;
    }
    const value = negation ? 'false' : input.boolean === true ? (attached ?? 'true') : takeValue();
    if (value === undefined) {
      problems.push(`${flag} needs a value (see --help).`);
      continue;
    }
    const values = given.get(input.name) ?? [];
    if (values.length > 0 && input.lines !== true)
      problems.push(`${flagOf(input.name)} is given twice; only multi-line inputs repeat.`);
    given.set(input.name, [...values, value]);
  }

  const fromFile = new Map<string, string>();
  if (inputsFile !== undefined) {
    for (const [name, value] of Object.entries(inputsFile.values)) {
      const input = BY_NAME.get(name);
      const raw = fileValue(value);
      if (input === undefined)
        problems.push(`${inputsFile.path}: '${name}' is not an input of the action (see --help).`);
      else if (raw === undefined)
        problems.push(
          `${inputsFile.path}: '${name}' is a ${Array.isArray(value) ? 'list' : 'mapping'}; expected a string (a multi-line string for one value a line).`,
        );
      else if (given.has(name) || (ENV_FALLBACK[name] !== undefined && (env[ENV_FALLBACK[name]] ?? '') !== ''))
        continue; // a flag or the environment wins
      else if (EXPRESSION.test(raw)) {
        if (input.required === true)
          problems.push(
            `${inputsFile.path}: '${name}' is a workflow expression, which only a runner evaluates; expected ${CLI_NAMING.name(name)} to give it.`,
          );
        else
          notes.push(
            `${inputsFile.path}: '${name}' is a workflow expression, which only a runner evaluates: its default ${JSON.stringify(input.default ?? '')} is used; ${CLI_NAMING.name(name)} sets it.`,
          );
      } else fromFile.set(name, raw);
    }
  }
  const inputs: Record<string, string> = {};
  for (const input of ACTION_INPUTS) {
    const fallback = ENV_FALLBACK[input.name];
    inputs[input.name] =
      given.get(input.name)?.join('\n') ??
      fromFile.get(input.name) ??
      ((fallback === undefined ? undefined : env[fallback]) || undefined) ??
      input.default ??
      '';
  }
  if (problems.length > 0) throw new CliArgsError(problems, inputs);
  return { kind: 'run', inputs, verbose, outputFile, notes };
}

/** The path `--inputs` names, found before the rest is parsed (it is read first). */
export function inputsFilePath(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '--inputs') return valueAfter(argv, i);
    if (arg.startsWith('--inputs=')) return arg.slice('--inputs='.length);
  }
  return undefined;
}
