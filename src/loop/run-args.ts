import { nonBlankLines } from '../shared/field-parser.js';

// The run-args input: docker run options the user adds, one a line, checked so that none changes what runs (another
// image, a command, the end of the options) or takes the container's lifecycle from the loop.

// docker run's switches (docker run --help, 20.10 to 28): they take no value, or one only after "=". Any other
// option takes one. A word after a switch would reach docker as the image to run, the built one as its command.
const RUN_SWITCHES = new Set([
  '--detach',
  '--disable-content-trust',
  '--help',
  '--init',
  '--interactive',
  '--no-healthcheck',
  '--oom-kill-disable',
  '--privileged',
  '--publish-all',
  '--quiet',
  '--read-only',
  '--rm',
  '--sig-proxy',
  '--tty',
  '--use-api-socket',
]);
// The short switches combine (`-itd`); the first other letter takes a value (the rest of the word, or the next).
const SHORT_SWITCHES = new Set(['d', 'i', 't', 'P', 'q']);
// Options whose value the action needs to be its own, or that would run something other than the built image.
const REFUSED_RUN_OPTIONS: ReadonlyMap<string, (value: string | undefined) => string | undefined> = new Map([
  ['--rm', () => 'the action removes the container itself, after it has read its state and logs'],
  ['--detach', () => 'the action always runs the container detached'],
  ['-d', () => 'the action always runs the container detached'],
  ['--name', () => 'the action names the container uniquely per run, so parallel runs never collide'],
  [
    '--pull',
    (value: string | undefined) =>
      value === 'never' || value === 'missing'
        ? undefined
        : `the container runs the image built here; --pull=${value ?? ''} would take the registry's instead`,
  ],
]);

/** `-td`, `-itd`: a cluster of short switches that includes -d. */
export function shortClusterHasDetach(flag: string): boolean {
  if (!/^-[A-Za-z]{2,}$/.test(flag)) return false;
  for (const letter of flag.slice(1)) {
    if (letter === 'd') return true;
    if (!SHORT_SWITCHES.has(letter)) return false; // the rest is this option's value
  }
  return false;
}

/** A short option word (`-e`, `-it`, `-eA=B`): it ends in a switch, or a value-taking letter has its value in it. */
function shortWordTakesNext(word: string): boolean {
  for (let index = 1; index < word.length; index++) {
    if (!SHORT_SWITCHES.has(word[index] ?? '')) return index === word.length - 1;
  }
  return false;
}

/**
 * One option per line; `--flag value` on one line becomes two arguments. Never shell-split. A line can add
 * nothing but its option: no `--`, no word after a switch or after an option that has its value already.
 */
export function parseRunArgs(raw: string): string[] {
  return nonBlankLines(raw).flatMap((line, index) => {
    const at = `line ${index + 1}`;
    const flagEnd = line.search(/[=\s]/);
    const flag = flagEnd === -1 ? line : line.slice(0, flagEnd);
    if (flag === '--')
      throw new Error(
        `${at} is "${line}", which ends docker run's options: what follows would be run instead of the built image`,
      );
    // An option's name, as docker's parser takes one: a short letter (its value may follow), or a long name.
    if (!/^(?:-[A-Za-z0-9]|--[A-Za-z0-9][A-Za-z0-9-]*$)/.test(flag)) {
      throw new Error(
        `${at} is "${line}"; expected one docker run option per line, starting with "-" (e.g. --env=KEY=VALUE)`,
      );
    }
    const attached = flagEnd !== -1 && line[flagEnd] === '=' ? line.slice(flagEnd + 1) : undefined;
    const spaced = flagEnd !== -1 && line[flagEnd] !== '=' ? line.slice(flagEnd).trim() : undefined;
    const refused = REFUSED_RUN_OPTIONS.get(shortClusterHasDetach(flag) ? '-d' : flag)?.(attached ?? spaced);
    if (refused !== undefined) throw new Error(`${at} uses ${flag}, which is not allowed: ${refused}`);
    if (spaced === undefined) {
      // Alone, an option that takes a value would take the built image's reference as its value.
      const bareTakesNext =
        attached === undefined && (flag.startsWith('--') ? !RUN_SWITCHES.has(flag) : shortWordTakesNext(flag));
      if (bareTakesNext)
        throw new Error(
          `${at} is "${line}": ${flag} takes a value, and alone it would take the built image's name as it; expected ${flag.startsWith('--') ? `${flag}=VALUE (or ${flag}=true for a switch this list does not know)` : `${flag} VALUE`}`,
        );
      return [line];
    }
    // A second option on the line would reach docker as an option of its own, unchecked.
    if (spaced.startsWith('-')) throw new Error(`${at} is "${line}"; expected one docker run option per line`);
    const takesNext = flag.startsWith('--') ? !RUN_SWITCHES.has(flag) : shortWordTakesNext(flag);
    if (!takesNext)
      throw new Error(
        `${at} is "${line}": ${flag} takes no value after a space, so "${spaced}" would reach docker run as the image to run; expected ${flag.startsWith('--') ? `${flag}=VALUE or ${flag} alone` : 'one option, its value in the same word or after one space'}`,
      );
    return [flag, spaced];
  });
}
