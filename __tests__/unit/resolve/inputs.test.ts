import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { IMAGE_NAME_FORM } from '../../../src/shared/image-reference.js';
import {
  IMAGES_LINE_FORM,
  RESOLVE_DEFAULTS,
  parseImageSet,
  parseResolveInputs,
  requestFor,
  splitImageTag,
  type ResolveInputs,
  type SetEntry,
} from '../../../src/resolve/inputs.js';
import { resolutionOutputs } from '../../../src/resolve/resolve.js';
import { runnerPlatform, type Platform } from '../../../src/registry/manifest.js';
import { problemsOf } from '../support.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const ACTION_DIR = path.join(ROOT, 'resolve');

interface ActionYml {
  inputs: Record<string, { default?: string | number | boolean; required?: boolean }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string };
}

const action = parse(readFileSync(path.join(ACTION_DIR, 'action.yml'), 'utf8')) as ActionYml;

function actionDefaults(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(action.inputs).map(([name, spec]) => [name, spec.default === undefined ? '' : String(spec.default)]),
  );
}

function fakeReader(overrides: Record<string, string>): { read: (name: string) => string; asked: string[] } {
  const values: Record<string, string> = { ...actionDefaults(), image: 'ghcr.io/acme/app', ...overrides };
  const asked: string[] = [];
  return {
    asked,
    read: (name: string) => {
      asked.push(name);
      const value = values[name];
      if (value === undefined) throw new Error(`test reader: no input '${name}' in resolve/action.yml`);
      return value;
    },
  };
}

const GHCR_APP = { name: 'ghcr.io/acme/app', registry: 'ghcr.io', path: 'acme/app' };

/** The inputs of one image (the `image` input), its one entry's image and tag beside the rest. */
type SingleView = Omit<ResolveInputs, 'entries'> & Pick<SetEntry, 'image' | 'tag' | 'prefix'>;

function singleOf(inputs: ResolveInputs): SingleView {
  const { entries, ...rest } = inputs;
  expect(rest.single).toBe(true);
  expect(entries).toHaveLength(1);
  const entry = entries[0];
  if (entry === undefined) throw new Error('expected one entry');
  expect(entry.line).toBe(0);
  return { ...rest, image: entry.image, tag: entry.tag, prefix: entry.prefix };
}

/** The names of `core.setOutput('…'` calls with a literal name in src/action/resolve.ts. */
function literalOutputsSet(): string[] {
  const source = readFileSync(path.join(ROOT, 'src', 'action', 'resolve.ts'), 'utf8');
  return [...source.matchAll(/core\.setOutput\('([^']+)'/g)].map((match) => match[1] ?? '');
}

describe('splitImageTag', () => {
  it.each([
    ['acme/app', 'acme/app', ''],
    ['acme/app:latest', 'acme/app', 'latest'],
    ['localhost:5000/app', 'localhost:5000/app', ''],
    ['localhost:5000/app:d24155b', 'localhost:5000/app', 'd24155b'],
    ['[::1]:5000/a/b:v1', '[::1]:5000/a/b', 'v1'],
    ['app:v1:x', 'app', 'v1:x'],
    ['app:', 'app', ''],
    [`app@sha256:${'a'.repeat(64)}`, `app@sha256:${'a'.repeat(64)}`, ''],
  ])('%s → %s + %s', (reference, image, tag) => {
    expect(splitImageTag(reference)).toEqual({ image, tag });
  });
});

describe('resolve/action.yml', () => {
  it("runs the resolve bundle from the repository's dist/ on node24", () => {
    expect(action.runs).toEqual({ using: 'node24', main: '../dist/resolve/index.js' });
    expect(existsSync(path.resolve(ACTION_DIR, action.runs.main))).toBe(true);
  });

  it('has the defaults the CLI has', () => {
    const withoutNoDefault = Object.entries(actionDefaults()).filter(
      ([name]) => !['image', 'registry-username', 'registry-password'].includes(name),
    );
    expect(Object.fromEntries(withoutNoDefault)).toEqual(RESOLVE_DEFAULTS);
    // Either image or images: neither is required, both default to empty.
    expect(action.inputs.image).toMatchObject({ required: false, default: '' });
    expect(action.inputs.images).toMatchObject({ required: false, default: '' });
    expect(Object.entries(action.inputs).filter(([, spec]) => spec.required === true)).toEqual([]);
  });

  it('declares exactly the outputs the action sets', () => {
    const outputs = resolutionOutputs({
      ref: 'a:latest',
      sha: 'a'.repeat(40),
      tag: 'aaaaaaa',
      digest: '',
      imageRef: 'a:aaaaaaa',
      source: 'local',
      shaFrom: 'env',
    });
    // One image's outputs, and the env and json of every run (one image or a set).
    expect(literalOutputsSet().sort()).toEqual(['env', 'json']);
    expect([...Object.keys(outputs), ...literalOutputsSet()].sort()).toEqual(Object.keys(action.outputs).sort());
  });
});

describe('parseResolveInputs', () => {
  it('gives the documented defaults', () => {
    expect(parseResolveInputs(fakeReader({}).read)).toEqual({
      entries: [{ line: 0, prefix: 'APP', image: GHCR_APP, tag: 'latest' }],
      single: true,
      shaEnv: 'SHA',
      source: 'auto',
      tagLength: 7,
      platform: runnerPlatform(),
      registryAuth: undefined,
      checkPairs: true,
      notices: [],
    } satisfies ResolveInputs);
    expect(RESOLVE_DEFAULTS.platform).toBe('');
  });

  it.each<[string, Record<string, string>]>([
    ['one image', {}],
    ['a set', { image: '', images: 'ghcr.io/acme/app\nnginx' }],
  ])('reads the inputs resolve/action.yml declares, every one of them: %s', (_case, overrides) => {
    const reader = fakeReader(overrides);
    parseResolveInputs(reader.read);
    expect(new Set(reader.asked)).toEqual(new Set(Object.keys(action.inputs)));
  });

  it.each<[string, Record<string, string>]>([
    ['one image', {}],
    ['a set', { image: '', images: 'ghcr.io/acme/app\nnginx' }],
  ])('reads exactly the inputs resolve/action.yml declares, once each: %s', (_case, overrides) => {
    const reader = fakeReader(overrides);
    parseResolveInputs(reader.read);
    expect([...reader.asked].sort()).toEqual(Object.keys(action.inputs).sort());
  });

  it.each<[string, Record<string, string>, Partial<SingleView>]>([
    ['a short-sha tag', { tag: 'd24155b' }, { tag: 'd24155b' }],
    ['an empty tag (unset dispatch input) means latest', { tag: '' }, { tag: 'latest' }],
    ['a tag with dots, dashes, underscores', { tag: 'v1.2.3-rc_1' }, { tag: 'v1.2.3-rc_1' }],
    ['white space around values', { tag: ' v1 ', source: ' registry ' }, { tag: 'v1', source: 'registry' }],
    ['source local', { source: 'local' }, { source: 'local' }],
    ['source registry', { source: 'registry' }, { source: 'registry' }],
    ['another sha env', { 'sha-env': 'GIT_COMMIT' }, { shaEnv: 'GIT_COMMIT' }],
    ['tag-length 12', { 'tag-length': '12' }, { tagLength: 12 }],
    [
      'credentials',
      { 'registry-username': 'ci', 'registry-password': ' p w ' },
      { registryAuth: { username: 'ci', password: ' p w ' } },
    ],
    [
      'a Docker Hub name',
      { image: 'nginx' },
      { image: { name: 'nginx', registry: 'docker.io', path: 'library/nginx' } },
    ],
    [
      'a loopback registry',
      { image: '127.0.0.1:5000/e2e/app' },
      { image: { name: '127.0.0.1:5000/e2e/app', registry: '127.0.0.1:5000', path: 'e2e/app' } },
    ],
    ['the prefix of the env output: the last path component', { image: 'ghcr.io/acme/web-app' }, { prefix: 'WEB_APP' }],
    ['a prefix that would start with a digit gets a "_"', { image: 'acme/2048' }, { prefix: '_2048' }],
    ['check-pairs false (a set only; kept)', { 'check-pairs': 'false' }, { checkPairs: false }],
    ['an empty images is no set', { images: '  \n ' }, { single: true, image: GHCR_APP }],
    ["an empty platform: the runner's", { platform: '' }, { platform: runnerPlatform() }],
    ['platform linux/arm64', { platform: 'linux/arm64' }, { platform: { os: 'linux', architecture: 'arm64' } }],
    [
      'platform linux/arm/v7, trimmed',
      { platform: ' linux/arm/v7 ' },
      { platform: { os: 'linux', architecture: 'arm', variant: 'v7' } },
    ],
    ['a lower-case image: no notice', { image: 'ghcr.io/acme/app' }, { image: GHCR_APP, notices: [] }],
  ])('%s', (_case, overrides, expected) => {
    expect(singleOf(parseResolveInputs(fakeReader(overrides).read))).toMatchObject(expected);
  });

  it.each<[string, Record<string, string>, string]>([
    [
      'an image with a tag',
      { image: 'ghcr.io/acme/app:v1' },
      `Input 'image' is "ghcr.io/acme/app:v1"; expected a repository without a tag: the tag goes into 'tag'.`,
    ],
    [
      'an image with a digest',
      { image: `acme/app@sha256:${'a'.repeat(64)}` },
      `Input 'image' is "acme/app@sha256:${'a'.repeat(64)}"; expected a repository without a digest: resolve reads a tag.`,
    ],
    ['an empty image', { image: '' }, `Input 'image' is empty; expected ${IMAGE_NAME_FORM}; or a set in images.`],
    ['a blank image', { image: '  ' }, `Input 'image' is empty; expected ${IMAGE_NAME_FORM}; or a set in images.`],
    [
      'an upper-case image that lower-casing does not mend: the first fault named',
      { image: 'Acme/App!' },
      `Input 'image' has the path component "App!", which is not lowercase; expected ${IMAGE_NAME_FORM}.`,
    ],
    [
      'an upper-case image with a tag: the tag named',
      { image: 'ghcr.io/Acme/App:v1' },
      `Input 'image' is "ghcr.io/Acme/App:v1"; expected a repository without a tag: the tag goes into 'tag'.`,
    ],
    [
      'a platform without an os',
      { platform: 'arm64' },
      `Input 'platform' is "arm64"; expected os/architecture[/variant], e.g. linux/amd64 or linux/arm/v7.`,
    ],
    ['a platform with a space', { platform: 'linux/amd 64' }, `Input 'platform' is "linux/amd 64"; expected os/`],
    ['a platform of four parts', { platform: 'linux/arm/v7/x' }, `Input 'platform' is "linux/arm/v7/x"; expected os/`],
    [
      'a tag with a slash',
      { tag: 'feature/x' },
      `Input 'tag' is "feature/x"; expected an image tag: up to 128 of A-Z a-z 0-9 _ . -, not starting with . or -.`,
    ],
    ['a tag starting with a dash', { tag: '-x' }, `Input 'tag' is "-x"`],
    ['a tag of 129 characters', { tag: 'a'.repeat(129) }, `Input 'tag' is "${'a'.repeat(129)}"`],
    ['an unknown source', { source: 'pull' }, `Input 'source' is "pull"; expected auto, local or registry.`],
    [
      'a sha-env that is no variable name',
      { 'sha-env': '1SHA' },
      `Input 'sha-env' is "1SHA"; expected an environment variable name ([A-Za-z_][A-Za-z0-9_]*).`,
    ],
    ['tag-length 3', { 'tag-length': '3' }, `Input 'tag-length' is "3"; expected a whole number from 4 to 40.`],
    ['check-pairs yes', { 'check-pairs': 'yes' }, `Input 'check-pairs' is "yes"; expected true or false.`],
    [
      'a username without a password',
      { 'registry-username': 'ci' },
      `Input 'registry-password' is empty; expected registry-username and registry-password together, or neither (then docker's stored credentials (an earlier docker login) are used, else the registry is read anonymously).`,
    ],
    ['a password without a username', { 'registry-password': 'x' }, `Input 'registry-username' is empty;`],
  ])('refuses %s', (_case, overrides, message) => {
    const problems = problemsOf(() => parseResolveInputs(fakeReader(overrides).read));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(message);
  });

  it('reports every problem at once', () => {
    const problems = problemsOf(() =>
      parseResolveInputs(
        fakeReader({
          image: 'acme/B!',
          tag: '.x',
          source: 'x',
          'sha-env': '-',
          'tag-length': 'x',
          platform: 'x86',
        }).read,
      ),
    );
    expect(problems.map((problem) => /^Input '([^']+)'/.exec(problem)?.[1])).toEqual([
      'image',
      'tag',
      'sha-env',
      'source',
      'tag-length',
      'platform',
    ]);
  });
});

describe('parseResolveInputs: upper case in the image path', () => {
  const refuse = (raw: string, lowered: string, subject = "Input 'image'"): string =>
    `${subject} is "${raw}": registries refuse upper-case repository paths, so the image is ${lowered}.`;

  it.each<[string, string, SetEntry['image'], string, string[]]>([
    [
      'ghcr.io/${{ github.repository }} of Acme/App',
      'ghcr.io/Acme/App',
      GHCR_APP,
      'APP',
      [refuse('ghcr.io/Acme/App', 'ghcr.io/acme/app')],
    ],
    [
      'a Docker Hub name',
      'Acme/App',
      { name: 'acme/app', registry: 'docker.io', path: 'acme/app' },
      'APP',
      [refuse('Acme/App', 'acme/app')],
    ],
    [
      'a registry port',
      'localhost:5000/Web-App',
      { name: 'localhost:5000/web-app', registry: 'localhost:5000', path: 'web-app' },
      'WEB_APP',
      [refuse('localhost:5000/Web-App', 'localhost:5000/web-app')],
    ],
    [
      'an upper-case host only: as written, no notice',
      'GHCR.IO/acme/app',
      { name: 'GHCR.IO/acme/app', registry: 'GHCR.IO', path: 'acme/app' },
      'APP',
      [],
    ],
  ])('%s: %s', (_case, raw, image, prefix, notices) => {
    const inputs = parseResolveInputs(fakeReader({ image: raw }).read);
    expect(inputs.entries).toEqual([{ line: 0, prefix, image, tag: 'latest' }]);
    expect(inputs.notices).toEqual(notices);
  });

  it("names each images line whose image was lower-cased, in the set's order", () => {
    const inputs = parseResolveInputs(
      fakeReader({ image: '', images: 'ghcr.io/Acme/Web:v1\nPROXY=nginx\n# api\nAPI=Acme/Api' }).read,
    );
    expect(inputs.entries).toEqual([
      {
        line: 1,
        prefix: 'WEB',
        image: WEB,
        tag: 'v1',
        notice: `line 1's image is "ghcr.io/Acme/Web": registries refuse upper-case repository paths, so the image is ghcr.io/acme/web.`,
      },
      { line: 2, prefix: 'PROXY', image: NGINX, tag: 'latest' },
      {
        line: 4,
        prefix: 'API',
        image: { name: 'acme/api', registry: 'docker.io', path: 'acme/api' },
        tag: 'latest',
        notice: `line 4's image is "Acme/Api": registries refuse upper-case repository paths, so the image is acme/api.`,
      },
    ]);
    expect(inputs.notices).toEqual([
      refuse('ghcr.io/Acme/Web', 'ghcr.io/acme/web', "Input 'images' line 1's image"),
      refuse('Acme/Api', 'acme/api', "Input 'images' line 4's image"),
    ]);
  });
});

// ---------------------------------------------------------------------------------------------
// A set: the images input

const WEB = { name: 'ghcr.io/acme/web', registry: 'ghcr.io', path: 'acme/web' };
const NGINX = { name: 'nginx', registry: 'docker.io', path: 'library/nginx' };
const DIGEST_A = `sha256:${'a'.repeat(64)}`;

describe('parseImageSet', () => {
  it.each<[string, string, SetEntry[]]>([
    [
      'a plain image: tag latest, prefix its last path component',
      'ghcr.io/acme/web',
      [{ line: 1, prefix: 'WEB', image: WEB, tag: 'latest' }],
    ],
    ['PREFIX=IMAGE', 'FRONT=ghcr.io/acme/web', [{ line: 1, prefix: 'FRONT', image: WEB, tag: 'latest' }]],
    ['IMAGE:TAG', 'ghcr.io/acme/web:v1.2.3', [{ line: 1, prefix: 'WEB', image: WEB, tag: 'v1.2.3' }]],
    [
      'PREFIX=IMAGE:TAG, spaces around',
      '  FRONT = ghcr.io/acme/web:d24155b  ',
      [{ line: 1, prefix: 'FRONT', image: WEB, tag: 'd24155b' }],
    ],
    [
      'a lower-case prefix is a variable name too',
      'web=ghcr.io/acme/web',
      [{ line: 1, prefix: 'web', image: WEB, tag: 'latest' }],
    ],
    [
      'an empty tag after the colon means latest',
      'nginx:',
      [{ line: 1, prefix: 'NGINX', image: NGINX, tag: 'latest' }],
    ],
    [
      'a registry port is no tag',
      'localhost:5000/app',
      [
        {
          line: 1,
          prefix: 'APP',
          image: { name: 'localhost:5000/app', registry: 'localhost:5000', path: 'app' },
          tag: 'latest',
        },
      ],
    ],
    [
      'a registry port and a tag',
      'localhost:5000/app:d24155b',
      [
        {
          line: 1,
          prefix: 'APP',
          image: { name: 'localhost:5000/app', registry: 'localhost:5000', path: 'app' },
          tag: 'd24155b',
        },
      ],
    ],
    [
      'every other character of the default prefix becomes _',
      'acme/web-app.v2__x',
      [
        {
          line: 1,
          prefix: 'WEB_APP_V2__X',
          image: { name: 'acme/web-app.v2__x', registry: 'docker.io', path: 'acme/web-app.v2__x' },
          tag: 'latest',
        },
      ],
    ],
    [
      'comments and blank lines are skipped, lines counted as written',
      '# the set\n\nghcr.io/acme/web:v1\n   # the proxy\n\t\nnginx:1.27\n',
      [
        { line: 3, prefix: 'WEB', image: WEB, tag: 'v1' },
        { line: 6, prefix: 'NGINX', image: NGINX, tag: '1.27' },
      ],
    ],
    [
      'CRLF line ends',
      'ghcr.io/acme/web\r\nnginx\r\n',
      [
        { line: 1, prefix: 'WEB', image: WEB, tag: 'latest' },
        { line: 2, prefix: 'NGINX', image: NGINX, tag: 'latest' },
      ],
    ],
    [
      'input order kept',
      'nginx\nghcr.io/acme/web',
      [
        { line: 1, prefix: 'NGINX', image: NGINX, tag: 'latest' },
        { line: 2, prefix: 'WEB', image: WEB, tag: 'latest' },
      ],
    ],
    [
      'the same path on two registries is two images',
      'ghcr.io/acme/web\nHUB_WEB=acme/web',
      [
        { line: 1, prefix: 'WEB', image: WEB, tag: 'latest' },
        {
          line: 2,
          prefix: 'HUB_WEB',
          image: { name: 'acme/web', registry: 'docker.io', path: 'acme/web' },
          tag: 'latest',
        },
      ],
    ],
    [
      'an upper-case path: lower-cased, the line noting it',
      'ghcr.io/Acme/Web:v1',
      [
        {
          line: 1,
          prefix: 'WEB',
          image: WEB,
          tag: 'v1',
          notice: `line 1's image is "ghcr.io/Acme/Web": registries refuse upper-case repository paths, so the image is ghcr.io/acme/web.`,
        },
      ],
    ],
    [
      'an upper-case path with a prefix: the notice names the image, not the line',
      'FRONT=Acme/Web',
      [
        {
          line: 1,
          prefix: 'FRONT',
          image: { name: 'acme/web', registry: 'docker.io', path: 'acme/web' },
          tag: 'latest',
          notice: `line 1's image is "Acme/Web": registries refuse upper-case repository paths, so the image is acme/web.`,
        },
      ],
    ],
    [
      'an upper-case host: as written, no notice',
      'GHCR.IO/acme/web',
      [
        {
          line: 1,
          prefix: 'WEB',
          image: { name: 'GHCR.IO/acme/web', registry: 'GHCR.IO', path: 'acme/web' },
          tag: 'latest',
        },
      ],
    ],
  ])('%s', (_case, raw, entries) => {
    expect(parseImageSet(raw)).toEqual(entries);
  });

  it.each<[string, string, string]>([
    [
      'a bad prefix',
      '1X=nginx',
      'line 1 is "1X=nginx": the prefix "1X" is no environment variable name ([A-Za-z_][A-Za-z0-9_]*)',
    ],
    [
      'an empty prefix',
      '=nginx',
      'line 1 is "=nginx": the prefix "" is no environment variable name ([A-Za-z_][A-Za-z0-9_]*)',
    ],
    [
      'a digest',
      `acme/web@${DIGEST_A}`,
      `line 1 is "acme/web@${DIGEST_A}": acme/web@${DIGEST_A} has a digest; expected a tag (resolve reads a tag)`,
    ],
    [
      'a digest with a prefix',
      `WEB=acme/web@${DIGEST_A}`,
      `line 1 is "WEB=acme/web@${DIGEST_A}": acme/web@${DIGEST_A} has a digest; expected a tag (resolve reads a tag)`,
    ],
    ['a bad tag', 'nginx:-x', `line 1 is "nginx:-x": "-x" is no image tag; expected ${IMAGES_LINE_FORM}`],
    [
      'a tag of 129 characters',
      `nginx:${'a'.repeat(129)}`,
      `line 1 is "nginx:${'a'.repeat(129)}": "${'a'.repeat(129)}" is no image tag; expected ${IMAGES_LINE_FORM}`,
    ],
    [
      'an upper-case image that lower-casing does not mend',
      'Acme/Web!',
      `line 1 is "Acme/Web!": the image has the path component "Web!", which is not lowercase; expected ${IMAGES_LINE_FORM}`,
    ],
    [
      'the same image twice, once in upper case',
      'ghcr.io/Acme/Web\nOLD_WEB=ghcr.io/acme/web:v0',
      'line 2 names ghcr.io/acme/web, as line 1 does; expected each image once',
    ],
    [
      'a tag with a slash',
      'acme/app:feature/x',
      `line 1 is "acme/app:feature/x": the image has the invalid path component "app:feature"; expected ${IMAGES_LINE_FORM}`,
    ],
    [
      'white space inside',
      'WEB=acme/web v1',
      `line 1 is "WEB=acme/web v1": the image contains white space; expected ${IMAGES_LINE_FORM}`,
    ],
    [
      'a prefix twice, naming both lines',
      'WEB=ghcr.io/acme/web\n\nWEB=ghcr.io/acme/other',
      'line 3 has the prefix WEB of line 1; expected a prefix of its own',
    ],
    [
      'a default prefix that is an explicit one of another line',
      'WEB=ghcr.io/acme/api\nghcr.io/acme/web',
      'line 2 has the prefix WEB of line 1; expected a prefix of its own',
    ],
    [
      'the same image twice, under two prefixes',
      'ghcr.io/acme/web:v1\nOLD_WEB=ghcr.io/acme/web:v0',
      'line 2 names ghcr.io/acme/web, as line 1 does; expected each image once',
    ],
    [
      'docker.io/library/nginx and nginx are the same image',
      'nginx\nPROXY=docker.io/library/nginx',
      'line 2 names docker.io/library/nginx, as line 1 does; expected each image once',
    ],
    [
      'index.docker.io/library/nginx too',
      'PROXY=index.docker.io/library/nginx:1\nnginx',
      'line 2 names nginx, as line 1 does; expected each image once',
    ],
    ['nothing at all', '', `has no image; expected ${IMAGES_LINE_FORM}`],
    ['only comments and blank lines', '# none yet\n\n   \n# still none', `has no image; expected ${IMAGES_LINE_FORM}`],
    [
      'several bad lines: all named in one message, the set checks after the lines',
      '1X=nginx\nacme/App!\nghcr.io/acme/web\nnginx:-x\nWEB=ghcr.io/acme/api\nFRONT=ghcr.io/acme/web:v2',
      [
        'line 1 is "1X=nginx": the prefix "1X" is no environment variable name ([A-Za-z_][A-Za-z0-9_]*)',
        `line 2 is "acme/App!": the image has the path component "App!", which is not lowercase; expected ${IMAGES_LINE_FORM}`,
        `line 4 is "nginx:-x": "-x" is no image tag; expected ${IMAGES_LINE_FORM}`,
        'line 5 has the prefix WEB of line 3; expected a prefix of its own',
        'line 6 names ghcr.io/acme/web, as line 3 does; expected each image once',
      ].join('; '),
    ],
  ])('refuses %s', (_case, raw, message) => {
    expect(() => parseImageSet(raw)).toThrow(new Error(message));
  });
});

describe('parseResolveInputs: a set', () => {
  const SET = 'ghcr.io/acme/web:v1\nPROXY=nginx';
  const ENTRIES: SetEntry[] = [
    { line: 1, prefix: 'WEB', image: WEB, tag: 'v1' },
    { line: 2, prefix: 'PROXY', image: NGINX, tag: 'latest' },
  ];

  it('images instead of image: the set, its pairs checked', () => {
    expect(parseResolveInputs(fakeReader({ image: '', images: SET }).read)).toEqual({
      entries: ENTRIES,
      single: false,
      shaEnv: 'SHA',
      source: 'auto',
      tagLength: 7,
      platform: runnerPlatform(),
      registryAuth: undefined,
      checkPairs: true,
      notices: [],
    } satisfies ResolveInputs);
  });

  it.each<[string, Record<string, string>, Partial<ResolveInputs>]>([
    ['check-pairs false', { 'check-pairs': 'false' }, { checkPairs: false }],
    ['check-pairs TRUE', { 'check-pairs': 'TRUE' }, { checkPairs: true }],
    ['check-pairs with spaces', { 'check-pairs': ' False ' }, { checkPairs: false }],
    [
      'the other inputs apply to the whole set',
      { source: 'registry', 'sha-env': 'GIT_SHA', 'tag-length': '12' },
      { source: 'registry', shaEnv: 'GIT_SHA', tagLength: 12, entries: ENTRIES },
    ],
    [
      'credentials',
      { 'registry-username': 'ci', 'registry-password': 'pw' },
      { registryAuth: { username: 'ci', password: 'pw' } },
    ],
    ['images indented as a YAML block', { images: `\n  ${SET.replace('\n', '\n  ')}\n` }, { entries: ENTRIES }],
    ['a platform for the whole set', { platform: 'linux/arm64' }, { platform: { os: 'linux', architecture: 'arm64' } }],
  ])('%s', (_case, overrides, expected) => {
    expect(parseResolveInputs(fakeReader({ image: '', images: SET, ...overrides }).read)).toMatchObject({
      single: false,
      ...expected,
    });
  });

  it.each<[string, Record<string, string>, string[]]>([
    [
      'image and images both set',
      { image: 'ghcr.io/acme/app', images: SET },
      ["Input 'image' and Input 'images' are both set; expected one image in image (and tag), or a set in images."],
    ],
    [
      'a bad line, as the input',
      { images: 'nginx\nWEB=acme/web:-x' },
      [`Input 'images' line 2 is "WEB=acme/web:-x": "-x" is no image tag; expected ${IMAGES_LINE_FORM}.`],
    ],
    ['images of comments only', { images: '# later' }, [`Input 'images' has no image; expected ${IMAGES_LINE_FORM}.`]],
    [
      'check-pairs yes',
      { images: SET, 'check-pairs': 'yes' },
      [`Input 'check-pairs' is "yes"; expected true or false.`],
    ],
    [
      'every problem at once, in input order',
      { image: 'acme/app', images: 'nginx\nnginx', 'tag-length': '3', 'check-pairs': '1' },
      [
        "Input 'image' and Input 'images' are both set; expected one image in image (and tag), or a set in images.",
        "Input 'images' line 2 has the prefix NGINX of line 1; expected a prefix of its own.",
        `Input 'tag-length' is "3"; expected a whole number from 4 to 40.`,
        `Input 'check-pairs' is "1"; expected true or false.`,
      ],
    ],
  ])('refuses %s', (_case, overrides, expected) => {
    expect(problemsOf(() => parseResolveInputs(fakeReader({ image: '', ...overrides }).read))).toEqual(expected);
  });
});

describe('requestFor', () => {
  const AUTH = { username: 'ci', password: 'pw' };
  const inputsWith = (images: string, overrides: Record<string, string> = {}): ResolveInputs =>
    parseResolveInputs(fakeReader({ image: '', images, ...overrides }).read);

  it("gives each entry its image and tag and the set's options", () => {
    const inputs = inputsWith('ghcr.io/acme/web:v1\nnginx', {
      source: 'registry',
      'sha-env': 'GIT',
      'tag-length': '9',
      platform: 'linux/arm64',
    });
    const platform: Platform = { os: 'linux', architecture: 'arm64' };
    expect(inputs.entries.map((entry) => requestFor(inputs, entry))).toEqual([
      { image: WEB, tag: 'v1', shaEnv: 'GIT', source: 'registry', tagLength: 9, platform, registryAuth: undefined },
      {
        image: NGINX,
        tag: 'latest',
        shaEnv: 'GIT',
        source: 'registry',
        tagLength: 9,
        platform,
        registryAuth: undefined,
      },
    ]);
  });

  it.each<[string, string, (typeof AUTH | undefined)[]]>([
    ['all on one registry: every entry', 'ghcr.io/acme/web\nghcr.io/acme/api', [AUTH, AUTH]],
    [
      "only the entries on the first entry's registry",
      'ghcr.io/acme/web\nnginx\nAPI=ghcr.io/acme/api\nlocalhost:5000/app',
      [AUTH, undefined, AUTH, undefined],
    ],
    [
      "the first entry's registry decides, Docker Hub too",
      'nginx\nghcr.io/acme/web\nacme/api',
      [AUTH, undefined, AUTH],
    ],
    ['a registry port is another registry', 'localhost/app\nlocalhost:5000/app2', [AUTH, undefined]],
  ])('registryAuth: %s', (_case, images, auths) => {
    const inputs = inputsWith(images, { 'registry-username': 'ci', 'registry-password': 'pw' });
    expect(inputs.entries.map((entry) => requestFor(inputs, entry).registryAuth)).toEqual(auths);
  });

  it('one image: its request, with the credentials', () => {
    const inputs = parseResolveInputs(
      fakeReader({ tag: 'v2', 'registry-username': 'ci', 'registry-password': 'pw' }).read,
    );
    expect(inputs.entries.map((entry) => requestFor(inputs, entry))).toEqual([
      {
        image: GHCR_APP,
        tag: 'v2',
        shaEnv: 'SHA',
        source: 'auto',
        tagLength: 7,
        platform: runnerPlatform(),
        registryAuth: AUTH,
      },
    ]);
  });
});
