import { StringDecoder } from 'node:string_decoder';
import type { Reporter } from '../loop/reporter.js';
import type { RunReport } from '../loop/run-report.js';

// The loop as a terminal shows it, on stderr (stdout carries only the outputs): a line per phase with its
// time; a phase's command output shown while it runs and folded once it succeeded, on a TTY; kept whole
// when not a TTY, with --verbose, or when the phase failed.

export interface TerminalOptions {
  readonly stream: NodeJS.WriteStream;
  /** Fold each phase's command output once it succeeded (a TTY, not --verbose). */
  readonly fold: boolean;
  readonly colour: boolean;
}

/** Colours only on a TTY, and never with NO_COLOR (any value but empty). */
export function useColour(
  stream: { readonly isTTY?: boolean },
  env: Readonly<Record<string, string | undefined>>,
): boolean {
  return stream.isTTY === true && (env.NO_COLOR ?? '') === '' && env.TERM !== 'dumb';
}

/** How many of a running phase's last output lines stay in view. */
const LIVE_LINES = 6;

export function terminalReporter(
  options: TerminalOptions,
): Reporter & { readonly outputLines: () => readonly string[] } {
  const { stream, fold, colour } = options;
  const paint = (code: string, text: string): string => (colour ? `\x1b[${code}m${text}\x1b[0m` : text);
  const secrets: string[] = [];
  // Kept longest first (see secret()): a secret inside another must not leave the rest of that one in view.
  const redact = (text: string): string => secrets.reduce((masked, secret) => masked.split(secret).join('***'), text);
  const outputs: string[] = [];

  // The running phase: its output lines (all kept, for a failure) and how many live lines are on screen.
  let phaseLines: string[] = [];
  // Each stream's unfinished line, and its decoder: a chunk may end inside a character, or inside a secret.
  const partials = { stdout: '', stderr: '' };
  const decoders = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
  let shown = 0;
  let inPhase = false;

  const columns = (): number => Math.max(20, (stream.columns || 80) - 1);
  const erase = (): void => {
    if (shown > 0) stream.write(`\x1b[${shown}F\x1b[J`);
    shown = 0;
  };
  // A progress line redrawn with \r: what stays is its last state.
  const lastState = (line: string): string => line.replace(/\r+$/, '').replace(/^[^]*\r/, '');
  /** Whether `text` ends in the first characters of a secret, the rest of which may follow in the next chunk. */
  const endsInSecretStart = (text: string): boolean =>
    secrets.some((secret) => {
      for (let k = Math.min(secret.length - 1, text.length); k > 0; k--)
        if (text.endsWith(secret.slice(0, k))) return true;
      return false;
    });
  const drawLive = (): void => {
    // The unfinished lines too (a progress line), unless one may end inside a secret.
    const unfinished = [partials.stdout, partials.stderr].filter((text) => text !== '' && !endsInSecretStart(text));
    const tail = [...phaseLines, ...unfinished.map(lastState)].slice(-LIVE_LINES);
    for (const line of tail) stream.write(`${paint('2', `  ${line.replace(/\t/g, '  ').slice(0, columns() - 2)}`)}\n`);
    shown = tail.length;
  };
  /** A line that stays: above the live lines of a folded phase. */
  const say = (line: string): void => {
    if (fold && inPhase) erase();
    stream.write(`${redact(line)}\n`);
    if (fold && inPhase) drawLive();
  };
  const phaseOutput = (text: string, from: 'stdout' | 'stderr'): void => {
    // Redacted together with the unfinished line before it: a secret may come in two chunks. Of the unfinished
    // line only its last state is kept, with its trailing \r if any (the next chunk redraws it then).
    const parts = redact(partials[from] + text).split('\n');
    partials[from] = (parts.pop() ?? '').replace(/^[^]*\r(?=[^\r])/, '');
    const lines = parts.map(lastState);
    if (!fold || !inPhase) {
      for (const line of lines) stream.write(`${line}\n`);
      return;
    }
    phaseLines.push(...lines);
    erase();
    drawLive();
  };
  const flushPartial = (): void => {
    for (const from of ['stdout', 'stderr'] as const) {
      const rest = redact(partials[from] + decoders[from].end());
      partials[from] = '';
      if (rest === '') continue;
      if (fold && inPhase) phaseLines.push(lastState(rest));
      else stream.write(`${lastState(rest)}\n`);
    }
  };

  return {
    phaseStarted: (name) => {
      flushPartial();
      // A phase that still runs (the clean-up after Ctrl-C interrupts it) keeps all it printed, as a failed one.
      if (fold && inPhase) {
        erase();
        for (const line of phaseLines) stream.write(`  ${line}\n`);
      }
      stream.write(`${paint('1', `▸ ${name}`)}\n`);
      inPhase = true;
      phaseLines = [];
    },
    phaseEnded: (name, seconds, ok) => {
      flushPartial();
      if (fold) erase();
      const mark = ok ? paint('32', '✓') : paint('31', '✗');
      // A failed phase keeps all it printed: that is where the reason is.
      if (fold && !ok) for (const line of phaseLines) stream.write(`  ${line}\n`);
      stream.write(`${mark} ${name} ${paint('2', `(${seconds.toFixed(3)} s)`)}\n`);
      inPhase = false;
      phaseLines = [];
    },
    info: (message) => say(`  ${message}`),
    warning: (message) => say(paint('33', `warning: ${message}`)),
    annotation: ({ message, title, file, line }) =>
      say(
        paint(
          '31',
          `error: ${title}${file === undefined ? '' : ` (${file}${line === undefined ? '' : `:${line}`})`}: ${message}`,
        ),
      ),
    details: (title, text) => say(`${paint('1', title)}\n${text}`),
    secret: (value) => {
      if (value !== '' && !secrets.includes(value)) {
        secrets.push(value);
        secrets.sort((a, b) => b.length - a.length);
      }
    },
    failed: (message) => say(paint('31', `error: ${message}`)),
    outputs: (values) => {
      // One line each: a multi-line value (env) has its lines joined by spaces, none of which its lines hold.
      for (const [name, value] of Object.entries(values)) outputs.push(`${name}=${value.replace(/\n/g, ' ')}`);
    },
    summary: (report: RunReport) => {
      const total = report.phases.reduce((sum, phase) => sum + phase.seconds, 0);
      say(
        report.failure === undefined
          ? paint(
              '32',
              `Passed: ${report.imageRef} (${report.imageId})${report.pushed ? `, pushed ${report.digest}` : ''} in ${total.toFixed(1)} s.`,
            )
          : paint('31', `Failed after ${total.toFixed(1)} s.`),
      );
      return Promise.resolve();
    },
    command: (line) => {
      flushPartial();
      phaseOutput(`$ ${line}\n`, 'stdout');
    },
    output: (chunk, from) => phaseOutput(decoders[from].write(chunk), from),
    outputLines: () => outputs,
  };
}
