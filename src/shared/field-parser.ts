import { ENV_NAME_PATTERN, type RegistryAuth } from './vocabulary.js';

// Input parsing that collects every problem, shared by the loop's and the resolve feature's inputs, in
// every face: the action names an input `Input 'tag'`, a CLI `--tag` or `REGISTRY_PASSWORD`.

export class InputError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(problems.length === 1 ? problems[0] : `Invalid inputs:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'InputError';
  }
}

export type ReadInput = (name: string) => string;

/** How problems name inputs. */
export interface InputNaming {
  /** The input as the subject of a problem. */
  readonly subject: (name: string) => string;
  /** The input as the user writes it. */
  readonly name: (name: string) => string;
}

export const ACTION_NAMING: InputNaming = { subject: (name) => `Input '${name}'`, name: (name) => name };

export const TAG_LENGTH_RANGE = { min: 4, max: 40 } as const;

/**
 * Reads inputs one field at a time and collects every problem, so that one run names all bad inputs: a field
 * whose parse throws adds `<subject> <message>.` to `problems` and yields its fallback.
 */
export function fieldParser(
  read: ReadInput,
  naming: InputNaming = ACTION_NAMING,
): {
  readonly problems: string[];
  readonly field: <T>(name: string, parse: (raw: string) => T, fallback: T) => T;
} {
  const problems: string[] = [];
  const field = <T>(name: string, parse: (raw: string) => T, fallback: T): T => {
    try {
      return parse(read(name).trim());
    } catch (error) {
      problems.push(`${naming.subject(name)} ${(error as Error).message}.`);
      return fallback;
    }
  };
  return { problems, field };
}

export function parseEnvName(raw: string): string {
  if (!ENV_NAME_PATTERN.test(raw))
    throw new Error(`is "${raw}"; expected an environment variable name ([A-Za-z_][A-Za-z0-9_]*)`);
  return raw;
}

/** YAML 1.2 core booleans, as `core.getBooleanInput` accepts them. */
export function parseBoolean(raw: string): boolean {
  if (['true', 'True', 'TRUE'].includes(raw)) return true;
  if (['false', 'False', 'FALSE'].includes(raw)) return false;
  throw new Error(`is "${raw}"; expected true or false`);
}

export function parseInteger(raw: string, range: { min: number; max: number }): number {
  if (!/^[0-9]+$/.test(raw) || Number(raw) < range.min || Number(raw) > range.max) {
    throw new Error(`is "${raw}"; expected a whole number from ${range.min} to ${range.max}`);
  }
  return Number(raw);
}

export function nonBlankLines(raw: string): string[] {
  return raw
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/**
 * The password as `docker login --password-stdin` takes it: as given, but for one line ending at its end (a
 * secret saved from `echo`), in every face alike, so that the registry client logs in with what docker did.
 */
export function registryPassword(raw: string): string {
  return raw.replace(/\r?\n$/, '');
}

/** registry-username and registry-password: both, or neither (`withNeither` says what happens then). */
export function registryAuthOf(
  read: ReadInput,
  problems: string[],
  withNeither: string,
  naming: InputNaming = ACTION_NAMING,
): RegistryAuth | undefined {
  const username = read('registry-username').trim();
  const password = registryPassword(read('registry-password'));
  if ((username === '') !== (password === '')) {
    const missing = username === '' ? 'registry-username' : 'registry-password';
    problems.push(
      `${naming.subject(missing)} is empty; expected ${naming.name('registry-username')} and ${naming.name('registry-password')} together, or neither (then ${withNeither}).`,
    );
  }
  return username !== '' && password !== '' ? { username, password } : undefined;
}
