// Writes the inputs and outputs of action.yml from src/loop/action-spec.js, the one list the CLI reads
// too; `--check` fails instead when action.yml is not what the list says. The rest of action.yml is kept.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTION_INPUTS, ACTION_OUTPUTS } from '../src/loop/action-spec.js';

const file = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'action.yml');
const quoted = (text) => JSON.stringify(text); // a JSON string is a YAML double-quoted scalar

export function inputsAndOutputs() {
  const inputs = ACTION_INPUTS.map((input) =>
    [
      `  ${input.name}:`,
      `    description: ${quoted(input.description)}`,
      `    required: ${input.required === true}`,
      ...(input.required === true ? [] : [`    default: ${quoted(input.default ?? '')}`]),
    ].join('\n'),
  );
  const outputs = ACTION_OUTPUTS.map((output) => `  ${output.name}:\n    description: ${quoted(output.description)}`);
  return `inputs:\n${inputs.join('\n')}\n\noutputs:\n${outputs.join('\n')}\n`;
}

const current = readFileSync(file, 'utf8');
const start = current.indexOf('\ninputs:\n') + 1;
const end = current.indexOf('\nruns:\n');
if (start === 0 || end === -1)
  throw new Error('action.yml: expected top-level inputs: … outputs: … runs: sections in that order');
const written = `${current.slice(0, start)}${inputsAndOutputs()}${current.slice(end)}`;
if (process.argv.includes('--check')) {
  if (written !== current) {
    console.error(
      "action-yml: action.yml's inputs or outputs differ from src/loop/action-spec.js; run 'npm run build' and commit action.yml",
    );
    process.exit(1);
  }
} else if (written !== current) {
  writeFileSync(file, written);
}
