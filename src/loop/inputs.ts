import { existsSync, readFileSync, statSync } from 'node:fs';
import * as path from 'node:path';
import { IMAGE_NAME_FORM, loweredNotice, parseLoweringPath, type ImageName } from '../shared/image-reference.js';
import type { BuildSecret } from '../docker/build-args.js';
import {
  ACTION_NAMING,
  fieldParser,
  InputError,
  nonBlankLines,
  parseBoolean,
  parseEnvName,
  parseInteger,
  registryAuthOf,
  registryPassword,
  TAG_LENGTH_RANGE,
  type InputNaming,
  type ReadInput,
} from '../shared/field-parser.js';
import { defaultEnvPrefix, envFileImage, sameRepository } from '../shared/service-env.js';
import { workspacePath } from '../shared/workspace-path.js';
import { ENV_NAME_PATTERN, SHA_PATTERN, type KeyValue, type RegistryAuth } from '../shared/vocabulary.js';
import { CACHE_AUTO, parseCacheSetting, type CacheSetting } from './cache.js';
import { parseRunArgs } from './run-args.js';
import type { PruneMode } from './prune.js';

/** The `wait-for` input: what "ready" means for this container. */
export type WaitFor =
  | { readonly kind: 'auto' }
  | { readonly kind: 'healthy' }
  | { readonly kind: 'running' }
  | { readonly kind: 'http'; readonly port: number; readonly path: string; readonly status: number | undefined }
  | { readonly kind: 'tcp'; readonly port: number }
  | { readonly kind: 'log'; readonly pattern: RegExp }
  | { readonly kind: 'exit' };

export const WAIT_FOR_FORM =
  'auto, healthy, running, http:PORT/path (or http://127.0.0.1:PORT/path; #status=CODE for a status other than 2xx), tcp:PORT, log:REGEX or exit:0';

function parsePort(text: string): number {
  if (!/^[0-9]{1,5}$/.test(text) || Number(text) < 1 || Number(text) > 65535) throw new Error(`has the port "${text}"`);
  return Number(text);
}

/** Parses the `wait-for` input; throws an Error saying what is wrong (without naming the input). */
export function parseWaitFor(raw: string): WaitFor {
  if (raw === 'auto' || raw === 'healthy' || raw === 'running') return { kind: raw };
  if (raw === 'exit:0') return { kind: 'exit' };
  if (raw.startsWith('tcp:')) return { kind: 'tcp', port: parsePort(raw.slice(4)) };
  if (raw.startsWith('log:')) {
    if (raw.length === 4) throw new Error('has an empty regular expression');
    try {
      return { kind: 'log', pattern: new RegExp(raw.slice(4)) };
    } catch (error) {
      throw new Error(`has an invalid regular expression: ${(error as Error).message}`);
    }
  }
  if (raw.startsWith('http:')) {
    const http = /^http:(?:\/\/(?:127\.0\.0\.1|localhost):)?([0-9]+)(\/[^#]*)?(?:#status=([0-9]+))?$/.exec(raw);
    if (http === null)
      throw new Error(
        `is "${raw}"; an http check names the container port, as http:PORT/path or http://127.0.0.1:PORT/path`,
      );
    const [, port = '', path = '/', status] = http;
    if (status !== undefined && (Number(status) < 200 || Number(status) > 599))
      throw new Error(`has the status "${status}"; a response status is 200 to 599`);
    return { kind: 'http', port: parsePort(port), path, status: status === undefined ? undefined : Number(status) };
  }
  throw new Error(`is "${raw}"`);
}

/** Every input of action.yml, parsed and validated: the only place inputs are read. */
export interface Inputs {
  readonly image: ImageName;
  readonly deploy: boolean;
  readonly context: string;
  /** Dockerfile path; `<context>/Dockerfile` when the input is empty. */
  readonly file: string;
  readonly buildArgs: readonly KeyValue[];
  readonly target: string;
  readonly labels: readonly KeyValue[];
  /** buildx builder name; empty: the current builder (or the legacy builder without buildx). */
  readonly builder: string;
  readonly buildSecrets: readonly BuildSecret[];
  /** Where the build takes its layer cache from, and where it leaves its own (see cache.ts). */
  readonly cacheFrom: CacheSetting;
  readonly cacheTo: CacheSetting;
  /** The `sha` input; empty means: resolve from git, then GITHUB_SHA. */
  readonly sha: string;
  readonly tagLength: number;
  readonly shaEnv: string;
  readonly prune: PruneMode;
  readonly pruneKeep: number;
  readonly pruneGraceSeconds: number;
  readonly runArgs: readonly string[];
  readonly waitFor: WaitFor;
  readonly waitTimeoutSeconds: number;
  readonly testCommand: string;
  readonly testOn: 'container' | 'runner';
  /** docker exec --user; empty: the image's user. */
  readonly testUser: string;
  readonly testEnv: readonly KeyValue[];
  /** 0: no limit. */
  readonly testTimeoutSeconds: number;
  /** Absolute path inside the container to copy out after the tests; empty: none. */
  readonly testReports: string;
  readonly reportsDir: string;
  readonly registryAuth: RegistryAuth | undefined;
  readonly pushRetries: number;
  /** More repositories that receive the same two tags (mirrors). */
  readonly alsoPush: readonly ImageName[];
  /** What the run's record's variables start with (`<PREFIX>_IMAGE`, …). */
  readonly envPrefix: string;
  /** The env file the record goes into (readInputs makes it absolute, against the workspace); empty: none. */
  readonly envFile: string;
  /** What the inputs were taken as, other than written (an image path lower-cased): for the log and summary. */
  readonly notices: readonly string[];
}

const STAGE_NAME_PATTERN = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;
export const WAIT_TIMEOUT_RANGE = { min: 1, max: 21600 } as const;
export const PRUNE_KEEP_RANGE = { min: 0, max: 1000 } as const;
export const PRUNE_GRACE_RANGE = { min: 0, max: 86400 } as const;
export const TEST_TIMEOUT_RANGE = { min: 0, max: 86400 } as const;
export const PUSH_RETRIES_RANGE = { min: 0, max: 10 } as const;
const USER_PATTERN = /^[A-Za-z0-9_.-]+(?::[A-Za-z0-9_.-]+)?$/;
/** The inputs as far as they parsed, beside every problem found: the image is missing when it did not parse. */
type DraftInputs = Omit<Inputs, 'image'> & { readonly image: ImageName | undefined };

/** Inputs from problems and a draft: throws every problem at once. */
function completed(draft: DraftInputs, problems: readonly string[]): Inputs {
  if (problems.length > 0 || draft.image === undefined) throw new InputError(problems);
  return { ...draft, image: draft.image };
}

/** Parses raw input strings (as `core.getInput` returns them); collects every problem before throwing. */
export function parseInputs(read: ReadInput, naming: InputNaming = ACTION_NAMING): Inputs {
  const { draft, problems } = draftInputs(read, naming);
  return completed(draft, problems);
}

function draftInputs(read: ReadInput, naming: InputNaming): { draft: DraftInputs; problems: string[] } {
  const { problems, field } = fieldParser(read, naming);

  const notices: string[] = [];
  /** A repository name; its path lower-cased (with a notice) when upper case is all that is wrong with it. */
  const repositoryName = (name: string, raw: string): ImageName => {
    const { image, lowered } = parseLoweringPath(raw);
    if (lowered !== undefined) notices.push(loweredNotice(naming.subject(name), raw, lowered));
    return image;
  };
  const image = field(
    'image',
    (raw) => {
      try {
        return repositoryName('image', raw);
      } catch (error) {
        throw new Error(`${(error as Error).message}; expected ${IMAGE_NAME_FORM}`);
      }
    },
    undefined,
  );
  const deploy = field('deploy', parseBoolean, false);
  const context = field('context', (raw) => raw || '.', '.');
  const file = field('file', (raw) => raw || path.join(context, 'Dockerfile'), '');
  const buildArgs = field('build-args', (raw) => parseKeyValueLines(raw, /^[A-Za-z_][A-Za-z0-9_.-]*$/), []);
  const target = field(
    'target',
    (raw) => {
      if (raw !== '' && !STAGE_NAME_PATTERN.test(raw))
        throw new Error(`is "${raw}"; expected a build stage name (letters, digits, "_", ".", "-")`);
      return raw;
    },
    '',
  );
  const labels = field('labels', (raw) => parseKeyValueLines(raw, /^[^\s=]+$/), []);
  const builder = field(
    'builder',
    (raw) => {
      if (raw !== '' && !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(raw))
        throw new Error(`is "${raw}"; expected a buildx builder name`);
      return raw;
    },
    '',
  );
  const buildSecrets = field('build-secrets', parseBuildSecrets, []);
  const cacheFrom = field('cache-from', (raw) => parseCacheSetting(raw, 'from'), CACHE_AUTO);
  const cacheTo = field('cache-to', (raw) => parseCacheSetting(raw, 'to'), CACHE_AUTO);
  const sha = field(
    'sha',
    (raw) => {
      if (raw !== '' && !SHA_PATTERN.test(raw))
        throw new Error(`is "${raw}"; expected a full commit sha: 40 (or 64) lowercase hex characters`);
      return raw;
    },
    '',
  );
  const tagLength = field('tag-length', (raw) => parseInteger(raw, TAG_LENGTH_RANGE), 7);
  const shaEnv = field('sha-env', parseEnvName, 'SHA');
  const prune = field('prune', parsePruneMode, 'on');
  const pruneKeep = field('prune-keep', (raw) => parseInteger(raw, PRUNE_KEEP_RANGE), 0);
  const pruneGraceSeconds = field('prune-grace', (raw) => parseInteger(raw, PRUNE_GRACE_RANGE), 120);
  const runArgs = field('run-args', parseRunArgs, []);
  const waitFor = field(
    'wait-for',
    (raw) => {
      try {
        return parseWaitFor(raw);
      } catch (error) {
        throw new Error(`${(error as Error).message}; expected ${WAIT_FOR_FORM}`);
      }
    },
    { kind: 'auto' },
  );
  const waitTimeoutSeconds = field('wait-timeout', (raw) => parseInteger(raw, WAIT_TIMEOUT_RANGE), 60);
  const testCommand = read('test-command').trim();
  const testOn = field(
    'test-on',
    (raw) => {
      if (raw !== 'container' && raw !== 'runner') throw new Error(`is "${raw}"; expected container or runner`);
      return raw;
    },
    undefined,
  );
  const testUser = field(
    'test-user',
    (raw) => {
      if (raw !== '' && !USER_PATTERN.test(raw))
        throw new Error(`is "${raw}"; expected a user name or uid, optionally :group or :gid`);
      if (raw !== '' && testOn === 'runner')
        throw new Error(
          `is set, but ${naming.name('test-on')} is runner; expected it only with ${naming.name('test-on')}: container`,
        );
      return raw;
    },
    '',
  );
  const testEnv = field('test-env', (raw) => parseKeyValueLines(raw, ENV_NAME_PATTERN), []);
  const testTimeoutSeconds = field('test-timeout', (raw) => parseInteger(raw, TEST_TIMEOUT_RANGE), 0);
  const testReports = field(
    'test-reports',
    (raw) => {
      if (raw !== '' && !raw.startsWith('/'))
        throw new Error(`is "${raw}"; expected an absolute path inside the container, e.g. /app/reports`);
      if (path.posix.normalize(raw) === '/')
        throw new Error(
          `is "${raw}", the container's whole file system; expected the directory the tests write their reports to, e.g. /app/reports`,
        );
      return raw;
    },
    '',
  );
  const reportsDir = field(
    'reports-dir',
    (raw) => {
      if (/[\0\r\n]/.test(raw)) throw new Error('contains a line break; expected one directory path');
      if (raw === '' || !relativeInside(raw))
        throw new Error(`is "${raw}"; expected a directory relative to the workspace, inside it`);
      return raw;
    },
    '', // only when it did not parse: then it is not followed on disk
  );
  if (waitFor.kind === 'exit' && testCommand !== '' && testOn === 'container') {
    problems.push(
      `${naming.subject('test-on')} is container, but ${naming.name('wait-for')} exit:0 waits until the container has stopped, and a stopped container cannot run a test-command; expected ${naming.name('test-on')}: runner (or no ${naming.name('test-command')}).`,
    );
  }
  const pushRetries = field('push-retries', (raw) => parseInteger(raw, PUSH_RETRIES_RANGE), 3);
  const alsoPush = field(
    'also-push',
    (raw) =>
      nonBlankLines(raw).map((line, index) => {
        try {
          return repositoryName('also-push', line);
        } catch (error) {
          throw new Error(
            `line ${index + 1} "${line}" ${(error as Error).message}; expected one repository name a line (${IMAGE_NAME_FORM})`,
          );
        }
      }),
    [],
  );
  const registryAuth = registryAuthOf(read, problems, 'an earlier docker login is used', naming);
  const envPrefix = field(
    'env-prefix',
    (raw) => {
      if (raw !== '') return parseEnvName(raw);
      return image === undefined ? '' : defaultEnvPrefix(image);
    },
    '',
  );
  const envFile = field(
    'env-file',
    (raw) => {
      if (/[\0\r\n]/.test(raw)) throw new Error('contains a line break; expected one file path');
      if (raw !== '' && !relativeInside(raw))
        throw new Error(`is "${raw}"; expected a file path relative to the workspace, inside it`);
      return raw;
    },
    '',
  );

  const draft: DraftInputs = {
    image,
    deploy,
    context,
    file,
    buildArgs,
    target,
    labels,
    builder,
    buildSecrets,
    cacheFrom,
    cacheTo,
    sha,
    tagLength,
    shaEnv,
    prune,
    pruneKeep,
    pruneGraceSeconds,
    runArgs,
    waitFor,
    waitTimeoutSeconds,
    testCommand,
    testOn: testOn ?? 'container',
    testUser,
    testEnv,
    testTimeoutSeconds,
    testReports,
    reportsDir,
    registryAuth,
    pushRetries,
    alsoPush: alsoPush.filter(
      (mirror, index) =>
        mirror.name !== image?.name && alsoPush.findIndex((other) => other.name === mirror.name) === index,
    ),
    envPrefix,
    envFile,
    notices,
  };
  return { draft, problems };
}

/** A relative path that stays below the directory it is relative to (written, before any link is followed). */
function relativeInside(raw: string): boolean {
  const normal = path.normalize(raw);
  return !path.isAbsolute(raw) && normal !== '.' && normal !== '..' && !normal.startsWith(`..${path.sep}`);
}

export function parsePruneMode(raw: string): PruneMode {
  if (raw === 'dry-run') return 'dry-run';
  try {
    return parseBoolean(raw) ? 'on' : 'off';
  } catch {
    throw new Error(`is "${raw}"; expected true, false or dry-run`);
  }
}

export function parseKeyValueLines(raw: string, keyPattern: RegExp): KeyValue[] {
  return nonBlankLines(raw).map((line, index) => {
    const equals = line.indexOf('=');
    const key = equals === -1 ? line : line.slice(0, equals);
    if (equals === -1 || !keyPattern.test(key)) {
      throw new Error(`line ${index + 1} is "${line}"; expected one KEY=VALUE per line`);
    }
    return { key, value: line.slice(equals + 1) };
  });
}

/** One secret a line: `id=NAME,env=VARIABLE` or `id=NAME,src=PATH`. */
export function parseBuildSecrets(raw: string): BuildSecret[] {
  return nonBlankLines(raw).map((line, index) => {
    const fields = new Map(
      line.split(',').map((part) => {
        const equals = part.indexOf('=');
        return [part.slice(0, equals).trim(), part.slice(equals + 1).trim()] as const;
      }),
    );
    const id = fields.get('id') ?? '';
    const env = fields.get('env');
    const src = fields.get('src');
    const known = [...fields.keys()].every((key) => key === 'id' || key === 'env' || key === 'src');
    if (
      !known ||
      !/^[A-Za-z0-9_.-]+$/.test(id) ||
      (env === undefined) === (src === undefined) ||
      env === '' ||
      src === ''
    ) {
      throw new Error(`line ${index + 1} is "${line}"; expected id=NAME,env=VARIABLE or id=NAME,src=PATH`);
    }
    return { id, source: env !== undefined ? { env } : { src: src ?? '' } };
  });
}

/** What readInputs needs besides the inputs: the environment (build secrets), the mask, the workspace. */
export interface InputSettings {
  readonly env: NodeJS.ProcessEnv;
  /** Called with each secret where it is born (the password, a build secret's value). */
  readonly mask: (secret: string) => void;
  readonly naming?: InputNaming;
  /** What relative paths are relative to, and where written paths must stay. */
  readonly workspace: string;
}

/**
 * Reads, masks and validates the inputs, then checks what they name outside docker: the build context, the
 * Dockerfile, each build secret's source, the paths written. Every problem at once; nothing is touched.
 */
export function readInputs(read: ReadInput, { env, mask, naming = ACTION_NAMING, workspace }: InputSettings): Inputs {
  const password = registryPassword(read('registry-password'));
  if (password !== '') mask(password);
  const { draft: inputs, problems } = draftInputs(read, naming);
  if (!existsSync(inputs.context) || !statSync(inputs.context).isDirectory()) {
    problems.push(
      `${naming.subject('context')} is "${inputs.context}", which is not a directory; expected the build context directory.`,
    );
  } else if (!existsSync(inputs.file)) {
    problems.push(
      `${naming.subject('file')}: ${inputs.file} does not exist; expected the path of a Dockerfile (default: Dockerfile in the context).`,
    );
  }
  for (const secret of inputs.buildSecrets) {
    if ('env' in secret.source) {
      const value = env[secret.source.env];
      if (value === undefined || value === '')
        problems.push(
          `${naming.subject('build-secrets')}: secret ${secret.id} reads the environment variable ${secret.source.env}, which is not set; expected it in the environment.`,
        );
      else mask(value);
    } else if (!existsSync(secret.source.src)) {
      problems.push(
        `${naming.subject('build-secrets')}: secret ${secret.id} reads the file ${secret.source.src}, which does not exist.`,
      );
    }
  }
  const written = (name: string, raw: string): string => {
    const checked = workspacePath(workspace, raw);
    if ('path' in checked) return checked.path;
    problems.push(`${naming.subject(name)} ${checked.problem}.`);
    return '';
  };
  // Only a path that parsed (not '') is followed on disk: one problem an input.
  if (inputs.testReports !== '' && inputs.reportsDir !== '') written('reports-dir', inputs.reportsDir);
  // Resolved once, here: against the workspace (the action's and the CLI's working directory).
  const envFile = inputs.envFile === '' ? '' : written('env-file', inputs.envFile);
  if (envFile !== '' && inputs.image !== undefined) {
    const problem = envFileProblem(envFile, inputs.envPrefix, inputs.image.name);
    if (problem !== undefined) problems.push(`${naming.subject('env-file')} ${problem}.`);
  }
  return completed({ ...inputs, envFile }, problems);
}

/** What stops the record from going into `file`: a directory there, or another image's group of the same prefix. */
function envFileProblem(file: string, prefix: string, image: string): string | undefined {
  if (!existsSync(file)) return undefined;
  if (statSync(file).isDirectory()) return `is ${file}, which is a directory; expected a file path`;
  const named = envFileImage(readFileSync(file, 'utf8'), prefix);
  if (named !== undefined && !sameRepository(named, image))
    return `${file} has ${prefix}_IMAGE=${named} already, another image under the same prefix; expected an env-prefix of its own for ${image}`;
  return undefined;
}
