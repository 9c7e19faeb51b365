#!/usr/bin/env node
import { writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { readInputs, type Inputs } from '../loop/inputs.js';
import type { Reporter } from '../loop/reporter.js';
import { DockerEngine } from '../docker/docker-engine.js';
import { runLoop } from '../loop/run.js';
import { InputError } from '../shared/field-parser.js';
import {
  CLI_NAMING,
  CliArgsError,
  SECRET_ENV,
  inputsFilePath,
  parseCliArgs,
  usage,
  type CliRun,
  type InputsFile,
} from './args.js';
import { sourceUrlOf } from './source-url.js';
import { uncommittedChanges } from './work-tree.js';
import { terminalReporter, useColour } from './terminal.js';

// `npx build-test-deploy --image acme/app --test-command 'make test'`: the action's loop on this machine.
// Exit status: 0 passed, 1 the loop failed, 2 bad flags or inputs (before docker is touched), 130/143 interrupted.

async function readInputsFile(file: string): Promise<InputsFile> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new InputError([
      `--inputs ${file} cannot be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}.`,
    ]);
  }
  // The YAML parser is loaded only for an inputs file.
  const { parse } = await import('yaml');
  let values: unknown;
  try {
    values = parse(text);
  } catch (error) {
    throw new InputError([`--inputs ${file} is not YAML: ${(error as Error).message.split('\n')[0] ?? ''}.`]);
  }
  // A whole step (`with:` inside) is taken as well as its bare `with:` mapping.
  const mapping = typeof values === 'object' && values !== null && 'with' in values ? values.with : values;
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping))
    throw new InputError([`--inputs ${file}: expected a mapping of inputs (a step's with:), one name: value a line.`]);
  return { path: file, values: mapping as Record<string, unknown> };
}

async function main(argv: readonly string[]): Promise<number> {
  let command: CliRun;
  try {
    const file = inputsFilePath(argv);
    const parsed = parseCliArgs(
      argv,
      process.env,
      file === undefined || file === '' ? undefined : await readInputsFile(file),
    );
    if (parsed.kind === 'help') {
      process.stdout.write(`${usage()}\n`);
      return 0;
    }
    command = parsed;
  } catch (error) {
    return badInput(error instanceof CliArgsError ? withValueProblems(error) : error);
  }
  // Read: out of the environment, which every child (the runner-side test too) inherits.
  delete process.env[SECRET_ENV['registry-password'] ?? ''];
  for (const note of command.notes) process.stderr.write(`note: ${note}\n`);
  const terminal = terminalReporter({
    stream: process.stderr,
    fold: process.stderr.isTTY && !command.verbose,
    colour: useColour(process.stderr, process.env),
  });
  // The outputs go out as soon as the loop reports them: after Ctrl-C the loop's clean-up reports them and
  // then exits 130, with no return to main.
  let outputFileFailed = false;
  const reporter: Reporter = {
    ...terminal,
    outputs: (values) => {
      terminal.outputs(values);
      const lines = `${terminal.outputLines().join('\n')}\n`;
      process.stdout.write(lines);
      if (command.outputFile === undefined) return;
      try {
        writeFileSync(command.outputFile, lines);
      } catch (error) {
        outputFileFailed = true;
        process.stderr.write(
          `error: --output-file ${command.outputFile} cannot be written: ${(error as Error).message}\n`,
        );
      }
    },
  };
  let inputs: Inputs;
  try {
    inputs = readInputs((name) => command.inputs[name] ?? '', {
      env: process.env,
      mask: reporter.secret,
      naming: CLI_NAMING,
      workspace: process.cwd(),
    });
  } catch (error) {
    return badInput(error);
  }
  // The image is tagged with HEAD's sha: what the work tree adds to HEAD would ship under a sha that lacks it.
  const [changes, sourceUrl] = await Promise.all([
    inputs.sha === '' ? uncommittedChanges(inputs.context) : undefined,
    sourceUrlOf(process.env, inputs.context),
  ]);
  if (changes !== undefined && changes > 0) {
    const what = `the context ${inputs.context} has ${changes} uncommitted change(s), which the image holds under HEAD's sha`;
    if (inputs.deploy) {
      return badInput(new InputError([`--deploy: ${what}; commit or stash them first, or leave out --deploy.`]));
    }
    reporter.warning(
      `${what[0]?.toUpperCase() ?? ''}${what.slice(1)}: fine for a try, never pushed (--deploy refuses it).`,
    );
  }

  const report = await runLoop(new DockerEngine(process.env), () => inputs, reporter, {
    env: process.env,
    workspace: process.cwd(),
    sourceUrl,
    naming: CLI_NAMING,
    onLeftovers: () => undefined, // no post step: the loop cleans up itself, also when interrupted
  });
  if (outputFileFailed) return 1;
  return report.failure === undefined ? 0 : 1;
}

/**
 * Bad flags, and what is wrong with the values of the others: all named at once. A flag already named (given
 * twice, or without its value) is not named again for the value it was left with.
 */
function withValueProblems(error: CliArgsError): InputError {
  try {
    readInputs((name) => error.inputs[name] ?? '', {
      env: process.env,
      mask: () => undefined,
      naming: CLI_NAMING,
      workspace: process.cwd(),
    });
    return error;
  } catch (valueError) {
    if (!(valueError instanceof InputError)) return error;
    const named = new Set(error.problems.map((problem) => problem.split(' ')[0]));
    return new InputError([
      ...error.problems,
      ...valueError.problems.filter((problem) => !named.has(problem.split(' ')[0])),
    ]);
  }
}

/** Bad flags or inputs: every problem named, exit status 2; anything else is a bug and stays loud. */
function badInput(error: unknown): number {
  if (!(error instanceof InputError)) throw error;
  process.stderr.write(
    `${error.problems.map((problem) => `error: ${problem}`).join('\n')}\n(see build-test-deploy --help)\n`,
  );
  return 2;
}

process.exitCode = await main(process.argv.slice(2));
