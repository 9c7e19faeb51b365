import { readFileSync } from 'node:fs';
import { InputError } from '../shared/field-parser.js';
import { parseResolveInputs, RESOLVE_DEFAULTS, splitImageTag, type ResolveInputs } from '../resolve/inputs.js';
import { RESOLVE_INPUTS } from '../resolve/resolve-spec.js';

// The CLI: `node dist/resolve-cli/index.js IMAGE[:TAG] [options]`, or a set: `--images FILE` (or `-`: stdin).

/** Each input of resolve/action.yml as the CLI takes it: an option, the IMAGE[:TAG] argument, or an env variable. */
export const CLI_LABELS: Readonly<Record<string, string>> = Object.fromEntries(
  RESOLVE_INPUTS.map((input) => [input.name, input.cli]),
);

/** The CLI's options that set an input, and their --help lines with the default (from the resolve spec). */
const INPUT_OPTIONS = RESOLVE_INPUTS.filter((input) => input.cli.startsWith('--'));
const OPTION_WIDTH = 15;
const optionLines = (flag: string, help: readonly string[]): string[] =>
  help.map((line, index) => `  ${(index === 0 ? flag : '').padEnd(OPTION_WIDTH)}${line}`);

export const CLI_USAGE = [
  'Usage: node dist/resolve-cli/index.js IMAGE[:TAG] [--source auto|local|registry] [--sha-env NAME] [--tag-length N]',
  '       node dist/resolve-cli/index.js --images FILE|- [--env-output PATH] [--json] [--check-pairs true|false] [...]',
  '',
  'Prints which commit IMAGE:TAG (default tag: latest) was built from, without running or pulling it:',
  '  SHA=<full commit sha>  TAG=<short sha tag>  DIGEST=<manifest digest, may be empty>  IMAGE_REF=<IMAGE:short tag>  SOURCE=<local|registry>',
  'one per line on stdout; on failure one line on stderr and exit status 1.',
  '',
  'With --images, a set: FILE has one [PREFIX=]IMAGE[:TAG] a line (PREFIX default: the last path component,',
  'upper-cased, other characters _), all resolved side by side; printed as dotenv lines, a group per image:',
  '  <PREFIX>_IMAGE  _SHA  _TAG  _DIGEST (hex, without sha256:)  _IMAGE_REF (IMAGE@sha256:…)',
  'for `docker compose --env-file` and `set -a; . ./set.env`. The set is consistent or nothing is written.',
  '',
  ...INPUT_OPTIONS.flatMap((input) =>
    optionLines(input.cli, [
      ...(input.help ?? []).slice(0, -1),
      `${(input.help ?? []).at(-1) ?? ''}${input.default === '' ? '' : ` (default ${input.default})`}`,
    ]),
  ),
  ...optionLines('--env-output', [
    'write the env lines to PATH (whole, replacing it) instead of stdout (not --env-file:',
    'Node.js reads that itself, wherever it stands)',
  ]),
  ...optionLines('--json', ['print the set as JSON (one object per image) instead of env lines']),
  '',
  `Registry credentials come from ${CLI_LABELS['registry-username'] ?? ''} and ${CLI_LABELS['registry-password'] ?? ''} in the environment (for the first`,
  "image's registry), else from docker's stored credentials (docker login); never from arguments.",
].join('\n');

/** The options that take a value, and what they set. */
const CLI_OPTIONS: ReadonlyMap<string, string> = new Map([
  ...INPUT_OPTIONS.map((input): [string, string] => [input.cli, input.name]),
  ['--env-output', 'env-output'],
]);

const OPTION_NAMES = `${[...CLI_OPTIONS.keys()].join(', ')} or --json`;

const CREDENTIAL_OPTIONS = /^-(?:p|u|-(?:registry-)?(?:password|username|user|token))$/;

export type CliCommand =
  | { readonly kind: 'help' }
  | {
      readonly kind: 'resolve';
      readonly inputs: ResolveInputs;
      /** Where the env lines go instead of stdout; undefined: stdout. */
      readonly envFile: string | undefined;
      readonly json: boolean;
    };

/** Reads `--images`' FILE, or stdin for `-`. */
function readImagesFile(file: string): string {
  return readFileSync(file === '-' ? 0 : file, 'utf8');
}

/** Parses the CLI's arguments; credentials only from `env`. Throws an InputError naming every problem. */
export function parseCliArgs(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  readImages: (file: string) => string = readImagesFile,
): CliCommand {
  const options = new Map<string, string>();
  let json = false;
  const positionals: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
    if (arg === '--json') {
      json = true;
      continue;
    }
    if (arg === '--') {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('-') || arg === '-') {
      positionals.push(arg);
      continue;
    }
    const equals = arg.indexOf('=');
    // `-pVALUE` is a short flag with its value attached: only `-p` is the flag.
    const flag = arg.startsWith('--') ? (equals === -1 ? arg : arg.slice(0, equals)) : arg.slice(0, 2);
    const input = CLI_OPTIONS.get(flag);
    if (input === undefined) {
      // Only the flag is named, never its value: it may be a password.
      problems.push(
        flag === '--env-file'
          ? '--env-file is not an option: the env lines go to --env-output PATH (Node.js reads --env-file itself, wherever it stands).'
          : CREDENTIAL_OPTIONS.test(flag)
            ? `${flag} is not an option: credentials are read from REGISTRY_USERNAME and REGISTRY_PASSWORD in the environment only, never from arguments.`
            : `${flag} is not an option; expected ${OPTION_NAMES} (see --help).`,
      );
      if (arg === flag && !(argv[i + 1] ?? '-').startsWith('-')) i++; // skip its value too
      continue;
    }
    const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
    if (value === undefined) problems.push(`${flag} needs a value.`);
    else if (options.has(input)) problems.push(`${flag} is given twice.`);
    else options.set(input, value);
  }
  const imagesFile = options.get('images');
  // The arguments are counted, not echoed: a stray one may be a password.
  if (imagesFile === undefined && positionals.length !== 1)
    problems.push(
      `Expected one IMAGE[:TAG] argument, got ${positionals.length === 0 ? 'none' : positionals.length} (see --help).`,
    );
  if (imagesFile !== undefined && positionals.length > 0)
    problems.push(
      `Expected no IMAGE argument with --images, got ${positionals.length}: the set's images go into its file (see --help).`,
    );
  let images = '';
  if (imagesFile !== undefined) {
    try {
      images = readImages(imagesFile);
      if (images.trim() === '')
        problems.push(
          `--images: ${imagesFile === '-' ? 'stdin' : imagesFile} has no image; expected one [PREFIX=]IMAGE[:TAG] a line.`,
        );
    } catch (error) {
      problems.push(
        `--images: could not read ${imagesFile === '-' ? 'stdin' : imagesFile}: ${(error as Error).message}.`,
      );
    }
  }
  const envFile = options.get('env-output');
  if (envFile === '') problems.push('--env-output is empty; expected a file path.');
  if (problems.length > 0) throw new InputError(problems);

  const { image, tag } = imagesFile === undefined ? splitImageTag(positionals[0] ?? '') : { image: '', tag: '' };
  const raw: Readonly<Record<string, string>> = {
    ...RESOLVE_DEFAULTS,
    ...Object.fromEntries(options),
    image,
    images,
    tag: tag || RESOLVE_DEFAULTS.tag,
    'registry-username': env.REGISTRY_USERNAME ?? '',
    'registry-password': env.REGISTRY_PASSWORD ?? '',
  };
  const cliName = (name: string): string => CLI_LABELS[name] ?? name;
  return {
    kind: 'resolve',
    inputs: parseResolveInputs((name) => raw[name] ?? '', { subject: cliName, name: cliName }),
    envFile,
    json,
  };
}
