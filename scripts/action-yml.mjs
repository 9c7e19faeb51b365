// Writes the inputs and outputs of action.yml and resolve/action.yml from their specs (src/loop/action-spec.js,
// src/resolve/resolve-spec.js), the lists the CLIs read too; `--check` fails instead when a file is not what its
// list says. The rest of each file is kept.
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ACTION_INPUTS, ACTION_OUTPUTS } from '../src/loop/action-spec.js';
import { RESOLVE_INPUTS, RESOLVE_OUTPUTS } from '../src/resolve/resolve-spec.js';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const quoted = (text) => JSON.stringify(text); // a JSON string is a YAML double-quoted scalar

export function inputsAndOutputs(inputSpecs = ACTION_INPUTS, outputSpecs = ACTION_OUTPUTS) {
  const inputs = inputSpecs.map((input) =>
    [
      `  ${input.name}:`,
      `    description: ${quoted(input.description)}`,
      `    required: ${input.required === true}`,
      ...(input.required === true ? [] : [`    default: ${quoted(input.default ?? '')}`]),
    ].join('\n'),
  );
  const outputs = outputSpecs.map((output) => `  ${output.name}:\n    description: ${quoted(output.description)}`);
  return `inputs:\n${inputs.join('\n')}\n\noutputs:\n${outputs.join('\n')}\n`;
}

const files = [
  { file: 'action.yml', spec: 'src/loop/action-spec.js', inputs: ACTION_INPUTS, outputs: ACTION_OUTPUTS },
  { file: 'resolve/action.yml', spec: 'src/resolve/resolve-spec.js', inputs: RESOLVE_INPUTS, outputs: RESOLVE_OUTPUTS },
];
let stale = false;
for (const { file, spec, inputs, outputs } of files) {
  const current = readFileSync(path.join(root, file), 'utf8');
  const start = current.indexOf('\ninputs:\n') + 1;
  const end = current.indexOf('\nruns:\n');
  if (start === 0 || end === -1)
    throw new Error(`${file}: expected top-level inputs: … outputs: … runs: sections in that order`);
  const written = `${current.slice(0, start)}${inputsAndOutputs(inputs, outputs)}${current.slice(end)}`;
  if (written === current) continue;
  if (process.argv.includes('--check')) {
    console.error(
      `action-yml: ${file}'s inputs or outputs differ from ${spec}; run 'npm run build' and commit ${file}`,
    );
    stale = true;
  } else writeFileSync(path.join(root, file), written);
}
if (stale) process.exit(1);
