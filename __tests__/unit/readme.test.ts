import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// The README is the contract users read: every input and output of action.yml must be in its tables.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};
const section = (title: string): string => {
  const start = readme.indexOf(`## ${title}`);
  return readme.slice(start, readme.indexOf('\n## ', start + 1));
};

describe('README', () => {
  it.each(Object.entries(action.inputs))('documents the input %s with its default', (name, spec) => {
    const row = section('Inputs')
      .split('\n')
      .find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row, `no row for ${name}`).toBeDefined();
    if (spec.default !== undefined && spec.default !== '') expect(row).toContain(`\`${spec.default}\``);
  });

  it.each(Object.keys(action.outputs))('documents the output %s', (name) => {
    expect(section('Outputs')).toContain(`\`${name}\``);
  });
});
