import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ACTION_INPUTS, ACTION_OUTPUTS } from '../../../src/loop/action-spec.js';
import { parseInputs, readInputs } from '../../../src/loop/inputs.js';
import { emptyReport, outputsOf } from '../../../src/loop/run-report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

interface ActionYml {
  inputs: Record<string, { description: string; required?: boolean; default?: string | number | boolean }>;
  outputs: Record<string, { description: string }>;
}

const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as ActionYml;

/** Every input as the runner passes it with no `with:` but image. */
function actionDefaults(): Record<string, string> {
  return {
    ...Object.fromEntries(
      Object.entries(action.inputs).map(([name, spec]) => [
        name,
        spec.default === undefined ? '' : String(spec.default),
      ]),
    ),
    image: 'acme/app',
  };
}

/** A reader like core.getInput, but one that throws on a name action.yml does not declare. */
function strictReader(values: Record<string, string>): { read: (name: string) => string; asked: Set<string> } {
  const asked = new Set<string>();
  return {
    asked,
    read: (name) => {
      asked.add(name);
      const value = values[name];
      if (value === undefined) throw new Error(`input '${name}' is not declared in action.yml`);
      return value;
    },
  };
}

describe("action.yml's inputs", () => {
  it('are the list, by name and in order', () => {
    expect(Object.keys(action.inputs)).toEqual(ACTION_INPUTS.map((input) => input.name));
  });

  it.each(ACTION_INPUTS.map((input) => [input.name, input] as const))('%s: as the list says', (name, input) => {
    const declared = action.inputs[name];
    expect(declared).toBeDefined();
    expect(declared?.description).toBe(input.description);
    expect(declared?.required ?? false).toBe(input.required ?? false);
    // A required input has no default; every other one has its default as a string.
    if (input.required === true) expect(declared?.default).toBeUndefined();
    else expect(declared?.default).toBe(input.default ?? '');
  });

  it('declare every default as a string, as the runner passes it', () => {
    for (const [name, spec] of Object.entries(action.inputs))
      if (spec.default !== undefined) expect(typeof spec.default, name).toBe('string');
  });

  it('have exactly one required input: image', () => {
    expect(ACTION_INPUTS.filter((input) => input.required === true).map((input) => input.name)).toEqual(['image']);
  });

  it.each(ACTION_INPUTS.filter((input) => input.boolean === true).map((input) => [input.name, input.default]))(
    'the boolean %s defaults to true or false',
    (_, value) => {
      expect(['true', 'false']).toContain(value);
    },
  );

  it('the secret inputs are never multi-line or boolean', () => {
    for (const input of ACTION_INPUTS.filter((spec) => spec.secret === true)) {
      expect(input.lines, input.name).toBeUndefined();
      expect(input.boolean, input.name).toBeUndefined();
    }
  });
});

describe("action.yml's outputs", () => {
  it('are the list, by name and in order', () => {
    expect(Object.keys(action.outputs)).toEqual(ACTION_OUTPUTS.map((output) => output.name));
  });

  it.each(ACTION_OUTPUTS.map((output) => [output.name, output.description]))('%s: as the list says', (name, text) => {
    expect(action.outputs[name]).toEqual({ description: text });
  });
});

describe('outputsOf', () => {
  it('sets the outputs of the list', () => {
    expect(Object.keys(outputsOf(emptyReport())).sort()).toEqual(ACTION_OUTPUTS.map((output) => output.name).sort());
  });

  it('sets them in the order of the list (the order the CLI prints them in, and --help names them)', () => {
    expect(Object.keys(outputsOf(emptyReport()))).toEqual(ACTION_OUTPUTS.map((output) => output.name));
  });
});

describe('parseInputs', () => {
  it("reads only inputs of the list, and every one of them, from action.yml's defaults plus image", () => {
    const reader = strictReader(actionDefaults());
    const inputs = parseInputs(reader.read);
    expect(inputs.image.name).toBe('acme/app');
    expect([...reader.asked].sort()).toEqual(ACTION_INPUTS.map((input) => input.name).sort());
  });

  it('readInputs too', () => {
    const reader = strictReader({ ...actionDefaults(), context: ROOT, file: path.join(ROOT, 'package.json') });
    readInputs(reader.read, { env: {}, mask: () => undefined, workspace: process.cwd() });
    expect([...reader.asked].sort()).toEqual(ACTION_INPUTS.map((input) => input.name).sort());
  });
});
