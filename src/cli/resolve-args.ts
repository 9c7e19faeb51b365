import { InputError } from '../shared/field-parser.js';
import { parseResolveInputs, RESOLVE_DEFAULTS, type ResolveInputs } from '../resolve/inputs.js';

// The CLI: `node dist/resolve-cli/index.js IMAGE[:TAG] [--source S] [--sha-env NAME] [--tag-length N]`

export const CLI_USAGE = [
  'Usage: node dist/resolve-cli/index.js IMAGE[:TAG] [--source auto|local|registry] [--sha-env NAME] [--tag-length N]',
  '',
  'Prints which commit IMAGE:TAG (default tag: latest) was built from, without running or pulling it:',
  '  SHA=<full commit sha>  TAG=<short sha tag>  DIGEST=<manifest digest, may be empty>  IMAGE_REF=<IMAGE:short tag>  SOURCE=<local|registry>',
  'one per line on stdout; on failure one line on stderr and exit status 1.',
  '',
  '  --source      auto (default): the local image if docker has it, else the registry; local; registry',
  '  --sha-env     env variable in the image that holds the sha (default SHA); the label',
  '                org.opencontainers.image.revision is read when it does not hold one',
  '  --tag-length  characters of the sha in TAG and IMAGE_REF (default 7, 4 to 40)',
  '',
  'Registry credentials come from REGISTRY_USERNAME and REGISTRY_PASSWORD in the environment, never from arguments.',
].join('\n');

const CLI_LABELS: Readonly<Record<string, string>> = {
  image: 'IMAGE',
  tag: 'TAG',
  source: '--source',
  'sha-env': '--sha-env',
  'tag-length': '--tag-length',
  'registry-username': 'REGISTRY_USERNAME',
  'registry-password': 'REGISTRY_PASSWORD',
};

const CLI_OPTIONS: ReadonlyMap<string, keyof typeof RESOLVE_DEFAULTS> = new Map([
  ['--source', 'source'],
  ['--sha-env', 'sha-env'],
  ['--tag-length', 'tag-length'],
]);

const CREDENTIAL_OPTIONS = /^-(?:p|u|-(?:registry-)?(?:password|username|user|token))$/;

export type CliCommand = { readonly kind: 'help' } | { readonly kind: 'resolve'; readonly inputs: ResolveInputs };

/** `IMAGE[:TAG]`: the tag is what follows a colon after the last slash (a registry port is not a tag). */
export function splitImageTag(reference: string): { image: string; tag: string } {
  if (reference.includes('@')) return { image: reference, tag: '' }; // parseResolveInputs names the digest
  const colon = reference.indexOf(':', reference.lastIndexOf('/') + 1);
  return colon === -1
    ? { image: reference, tag: '' }
    : { image: reference.slice(0, colon), tag: reference.slice(colon + 1) };
}

/** Parses the CLI's arguments; credentials only from `env`. Throws an InputError naming every problem. */
export function parseCliArgs(argv: readonly string[], env: Readonly<Record<string, string | undefined>>): CliCommand {
  const options = new Map<string, string>();
  const positionals: string[] = [];
  const problems: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    if (arg === '-h' || arg === '--help') return { kind: 'help' };
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
        CREDENTIAL_OPTIONS.test(flag)
          ? `${flag} is not an option: credentials are read from REGISTRY_USERNAME and REGISTRY_PASSWORD in the environment only, never from arguments.`
          : `${flag} is not an option; expected --source, --sha-env or --tag-length (see --help).`,
      );
      if (arg === flag && !(argv[i + 1] ?? '-').startsWith('-')) i++; // skip its value too
      continue;
    }
    const value = equals === -1 ? argv[++i] : arg.slice(equals + 1);
    if (value === undefined) problems.push(`${flag} needs a value.`);
    else if (options.has(input)) problems.push(`${flag} is given twice.`);
    else options.set(input, value);
  }
  // The arguments are counted, not echoed: a stray one may be a password.
  if (positionals.length !== 1)
    problems.push(
      `Expected one IMAGE[:TAG] argument, got ${positionals.length === 0 ? 'none' : positionals.length} (see --help).`,
    );
  if (problems.length > 0) throw new InputError(problems);

  const { image, tag } = splitImageTag(positionals[0] ?? '');
  const raw: Readonly<Record<string, string>> = {
    ...RESOLVE_DEFAULTS,
    ...Object.fromEntries(options),
    image,
    tag: tag || RESOLVE_DEFAULTS.tag,
    'registry-username': env.REGISTRY_USERNAME ?? '',
    'registry-password': env.REGISTRY_PASSWORD ?? '',
  };
  const cliName = (name: string): string => CLI_LABELS[name] ?? name;
  return {
    kind: 'resolve',
    inputs: parseResolveInputs((name) => raw[name] ?? '', { subject: cliName, name: cliName }),
  };
}
