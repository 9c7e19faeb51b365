import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { usage } from '../../src/cli/args.js';
import { ACTION_INPUTS } from '../../src/loop/action-spec.js';

// The README is the contract users read: every input and output of action.yml must be in its tables, and
// nothing else; the CLI flags it shows must be flags the CLI takes; the docs it links to must exist.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');
const readme = read('README.md');
const action = parse(read('action.yml')) as {
  inputs: Record<string, { default?: string }>;
  outputs: Record<string, unknown>;
};
const packageJson = JSON.parse(read('package.json')) as { scripts: Record<string, string> };

/** The part of the README under the heading `## title` (or `### title`), up to the next heading of that level or above. */
const section = (title: string, level = 2): string => {
  const hashes = '#'.repeat(level);
  const lines = readme.split('\n');
  const start = lines.findIndex((line) => line === `${hashes} ${title}`);
  expect(start, `README has no heading "${hashes} ${title}"`).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((line, i) => i > start && new RegExp(`^#{1,${level}} `).test(line));
  return lines.slice(start, end === -1 ? undefined : end).join('\n');
};

/** The first cell of each row of the section's table (header and separator left out). */
const tableNames = (text: string): string[] =>
  text
    .split('\n')
    .filter((line) => line.startsWith('| `'))
    .map((line) => line.split('|')[1]?.trim() ?? '');

describe('README', () => {
  it('keeps its order: what it is, Usage, Inputs, Outputs, How it works', () => {
    const headings = readme.split('\n').filter((line) => line.startsWith('## '));
    const order = ['## Usage', '## Inputs', '## Outputs', '## How it works'].map((heading) =>
      headings.indexOf(heading),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(readme.indexOf('## ')).toBeGreaterThan(readme.indexOf('# build-test-deploy-action'));
  });

  it.each(Object.entries(action.inputs))('documents the input %s with its default', (name, spec) => {
    const row = section('Inputs')
      .split('\n')
      .find((line) => line.startsWith(`| \`${name}\` |`));
    expect(row, `no row for ${name}`).toBeDefined();
    if (spec.default !== undefined && spec.default !== '') expect(row).toContain(`\`${spec.default}\``);
  });

  it('has no row for an input the action does not have', () => {
    expect(tableNames(section('Inputs')).filter((cell) => !(cell.replace(/`/g, '') in action.inputs))).toEqual([]);
  });

  it.each(Object.keys(action.outputs))('documents the output %s', (name) => {
    expect(section('Outputs')).toContain(`\`${name}\``);
  });

  it('has no row for an output the action does not have', () => {
    const named = tableNames(section('Outputs')).flatMap((cell) => [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1]));
    expect(named.filter((name) => name === undefined || !(name in action.outputs))).toEqual([]);
  });

  it('keeps the two commands of a fresh machine: the example and the tests', () => {
    const fresh = section('Try it on a fresh machine');
    expect(fresh).toMatch(/^npm ci && npm run example\b/m);
    expect(fresh).toMatch(/^npm ci && npm test\b/m);
    expect(Object.keys(packageJson.scripts)).toEqual(expect.arrayContaining(['example', 'test']));
  });

  it('shows only flags the CLI takes in its local loop', () => {
    const local = section('On your machine: the same loop before you push', 3);
    // What follows `build-test-deploy` on a line or in a code span, and every code span that starts with a flag.
    const commands = [
      ...[...local.matchAll(/\bbuild-test-deploy(?![\w-])([^`\n]*)/g)].map((m) => m[1] ?? ''),
      ...[...local.matchAll(/`(--[^`]*)`/g)].map((m) => m[1] ?? ''),
    ];
    // A flag is a word that starts with `--` after a space or at the start; a value after `=` is not one.
    const flags = new Set(commands.flatMap((text) => [...text.matchAll(/(?:^|\s)(--[a-z][a-z-]*)/g)].map((m) => m[1])));
    expect(flags.size).toBeGreaterThan(5);
    const help = usage();
    const negated = ACTION_INPUTS.filter((input) => input.boolean === true).map((input) => `--no-${input.name}`);
    const unknown = [...flags].filter(
      (flag) => flag === undefined || !(new RegExp(`(?:^|\\s)${flag}\\b`).test(help) || negated.includes(flag)),
    );
    expect(unknown).toEqual([]);
  });

  it('names the CLI exit statuses the code uses', () => {
    const local = section('On your machine: the same loop before you push', 3);
    for (const status of ['0', '1', '2', '130', '143']) expect(local).toContain(`\`${status}\``);
  });
});

describe('the docs', () => {
  const adrs = readdirSync(path.join(ROOT, 'docs/adr'))
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/adr/${file}`);
  const documents = ['README.md', 'CONTRIBUTING.md', 'CHANGELOG.md', 'SECURITY.md', 'docs/how-it-works.md', ...adrs];

  /** GitHub's anchor of a heading: lower case, punctuation but `-` dropped, spaces as `-`. */
  const anchor = (heading: string): string =>
    heading
      .toLowerCase()
      .replace(/[^\p{L}\p{N}\s-]/gu, '')
      .replace(/\s/g, '-');

  it('has the ADRs of the two decisions', () => {
    expect(adrs).toEqual(
      expect.arrayContaining(['docs/adr/0001-one-loop-two-faces.md', 'docs/adr/0002-one-process-wrapper.md']),
    );
    for (const adr of adrs) expect(read(adr)).toMatch(/## Context[^]*## Decision[^]*## Consequences/);
  });

  it.each(documents)('%s links only to files and headings that exist', (document) => {
    const text = read(document).replace(/```[^]*?```/g, '');
    const broken: string[] = [];
    for (const [, target = ''] of text.matchAll(/\]\(([^)\s]+)\)/g)) {
      if (/^[a-z]+:/.test(target)) continue; // https:, mailto:
      const [file = '', hash] = target.split('#');
      const resolved = file === '' ? document : path.normalize(path.join(path.dirname(document), file));
      if (!existsSync(path.join(ROOT, resolved))) {
        broken.push(target);
        continue;
      }
      if (hash === undefined) continue;
      const headings = read(resolved)
        .replace(/```[^]*?```/g, '')
        .split('\n')
        .filter((line) => /^#{1,6} /.test(line))
        .map((line) => anchor(line.replace(/^#+ /, '')));
      if (!headings.includes(hash)) broken.push(target);
    }
    expect(broken).toEqual([]);
  });
});
