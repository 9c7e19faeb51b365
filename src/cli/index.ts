#!/usr/bin/env node
import { readFile, writeFile } from 'node:fs/promises';
import { readInputs, type Inputs } from '../loop/inputs.js';
import { runLoop } from '../loop/run.js';
import { InputError } from '../shared/field-parser.js';
import { CLI_NAMING, inputsFilePath, parseCliArgs, usage, type CliRun, type InputsFile } from './args.js';
import { sourceUrlOf } from './source-url.js';
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
    return badInput(error);
  }
  for (const note of command.notes) process.stderr.write(`note: ${note}\n`);
  const reporter = terminalReporter({
    stream: process.stderr,
    fold: process.stderr.isTTY && !command.verbose,
    colour: useColour(process.stderr, process.env),
  });
  let inputs: Inputs;
  try {
    inputs = readInputs((name) => command.inputs[name] ?? '', process.env, reporter.secret, CLI_NAMING);
  } catch (error) {
    return badInput(error);
  }

  const report = await runLoop(() => inputs, reporter, {
    env: process.env,
    workspace: process.cwd(),
    sourceUrl: await sourceUrlOf(process.env, inputs.context),
    naming: CLI_NAMING,
    onLeftovers: () => undefined, // no post step: the loop cleans up itself, also when interrupted
  });
  const lines = `${reporter.outputLines().join('\n')}\n`;
  process.stdout.write(lines);
  if (command.outputFile !== undefined) {
    try {
      await writeFile(command.outputFile, lines);
    } catch (error) {
      process.stderr.write(
        `error: --output-file ${command.outputFile} cannot be written: ${(error as Error).message}\n`,
      );
      return 1;
    }
  }
  return report.failure === undefined ? 0 : 1;
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
