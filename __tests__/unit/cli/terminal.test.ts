import { describe, expect, it } from 'vitest';
import { terminalReporter, useColour } from '../../../src/cli/terminal.js';
import { emptyReport, type RunReport } from '../../../src/loop/run-report.js';

/** A stand-in for process.stderr: collects what is written. */
interface FakeStream {
  readonly writes: string[];
  readonly isTTY: boolean;
  readonly columns: number | undefined;
  readonly write: (text: string) => boolean;
}

function fakeStream(options: { isTTY?: boolean; columns?: number } = {}): FakeStream {
  const writes: string[] = [];
  return {
    writes,
    isTTY: options.isTTY ?? true,
    columns: options.columns,
    write: (text: string) => {
      writes.push(text);
      return true;
    },
  };
}

function reporterOn(stream: FakeStream, fold: boolean, colour = false) {
  return terminalReporter({ stream: stream as unknown as NodeJS.WriteStream, fold, colour });
}

/** ESC, which starts every terminal sequence (patterns with it are built at run time: no-control-regex). */
const ESC = '\x1b';
const ERASE = new RegExp(`${ESC}\\[(\\d+)F${ESC}\\[J`, 'g');
const SGR = new RegExp(`${ESC}\\[[0-9;]*m`, 'g');

/**
 * What a terminal shows after `writes`: text, newlines, colours (dropped), and the two sequences the fold
 * uses: ESC[<n>F (to the start of the line n up) and ESC[J (clear to the end of the screen).
 */
function screenOf(writes: readonly string[]): string[] {
  const rows: string[] = [''];
  let row = 0;
  let column = 0;
  const tokens = new RegExp(`${ESC}\\[(\\d+)F|${ESC}\\[J|${ESC}\\[[0-9;]*m|\n|[^${ESC}\n]+`, 'g');
  const text = writes.join('');
  for (const match of text.matchAll(tokens)) {
    const token = match[0];
    if (match[1] !== undefined) {
      row = Math.max(0, row - Number(match[1]));
      column = 0;
    } else if (token === '\x1b[J') {
      rows[row] = (rows[row] ?? '').slice(0, column);
      rows.length = row + 1;
    } else if (token.startsWith('\x1b')) {
      continue; // a colour
    } else if (token === '\n') {
      row++;
      column = 0;
      rows[row] ??= '';
    } else {
      const current = rows[row] ?? '';
      rows[row] = current.slice(0, column) + token + current.slice(column + token.length);
      column += token.length;
    }
  }
  expect(text.replace(tokens, '')).toBe(''); // nothing the model does not know
  return rows[row] === '' ? rows.slice(0, row) : rows;
}

const OUTPUT = Array.from({ length: 10 }, (_, index) => `step ${index + 1}/10: RUN make part-${index + 1}`);

function runPhase(stream: FakeStream, fold: boolean, ok: boolean, lines: readonly string[] = OUTPUT) {
  const reporter = reporterOn(stream, fold);
  reporter.phaseStarted('Build acme/app:d24155b');
  reporter.command('docker build --tag acme/app:d24155b .');
  for (const line of lines) reporter.output(Buffer.from(`${line}\n`), 'stderr');
  reporter.phaseEnded('Build acme/app:d24155b', 12.3456, ok);
  return reporter;
}

describe('useColour', () => {
  it.each<[string, boolean | undefined, Record<string, string | undefined>, boolean]>([
    ['a TTY, no NO_COLOR', true, {}, true],
    ['a TTY, NO_COLOR=1', true, { NO_COLOR: '1' }, false],
    ['a TTY, NO_COLOR=0 (any value)', true, { NO_COLOR: '0' }, false],
    ['a TTY, NO_COLOR empty', true, { NO_COLOR: '' }, true],
    ['a TTY, TERM=dumb', true, { TERM: 'dumb' }, false],
    ['a TTY, TERM=xterm-256color', true, { TERM: 'xterm-256color' }, true],
    ['not a TTY', false, {}, false],
    ['isTTY unset (a pipe)', undefined, {}, false],
    ['not a TTY, FORCE_COLOR', false, { FORCE_COLOR: '1' }, false],
  ])('%s → %s', (_, isTTY, env, expected) => {
    expect(useColour(isTTY === undefined ? {} : { isTTY }, env)).toBe(expected);
  });
});

describe('terminalReporter without folding', () => {
  it('writes the phase, its commands, its whole output and its time', () => {
    const stream = fakeStream();
    runPhase(stream, false, true);
    expect(stream.writes.join('')).toBe(
      [
        '▸ Build acme/app:d24155b',
        '$ docker build --tag acme/app:d24155b .',
        ...OUTPUT,
        '✓ Build acme/app:d24155b (12.346 s)',
        '',
      ].join('\n'),
    );
  });

  it('marks a failed phase', () => {
    const stream = fakeStream();
    runPhase(stream, false, false, ['boom']);
    expect(screenOf(stream.writes)).toEqual([
      '▸ Build acme/app:d24155b',
      '$ docker build --tag acme/app:d24155b .',
      'boom',
      '✗ Build acme/app:d24155b (12.346 s)',
    ]);
  });

  it('keeps long lines whole', () => {
    const stream = fakeStream({ columns: 30 });
    const long = 'x'.repeat(200);
    runPhase(stream, false, true, [long]);
    expect(screenOf(stream.writes)).toContain(long);
  });

  it.each<[string, string[], string[]]>([
    ['lines in one chunk', ['a\nb\n'], ['a', 'b']],
    ['a line in pieces', ['hel', 'lo wor', 'ld\n'], ['hello world']],
    ['CRLF line ends', ['a\r\nb\r\n'], ['a', 'b']],
    ['a progress line redrawn with \\r in one chunk', ['10%\r50%\r100%\n'], ['100%']],
    ['a progress line redrawn with \\r, a chunk a state', ['10%\r', '50%\r', '100%\n'], ['100%']],
    ['a progress line, \\r before each state', ['\r10%', '\r50%', '\r100%', '\n'], ['100%']],
    ['a progress line left without a newline at the end', ['10%\r', '50%\r'], ['50%']],
    ['a last line without a newline', ['a\nb'], ['a', 'b']],
  ])('output: %s', (_, chunks, expected) => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, false);
    reporter.phaseStarted('Push');
    for (const chunk of chunks) reporter.output(Buffer.from(chunk), 'stdout');
    reporter.phaseEnded('Push', 1, true);
    expect(screenOf(stream.writes)).toEqual(['▸ Push', ...expected, '✓ Push (1.000 s)']);
  });

  it.each<[string, (reporter: ReturnType<typeof terminalReporter>) => void, string]>([
    ['info', (r) => r.info('Commit d24155b'), '  Commit d24155b'],
    ['warning', (r) => r.warning('careful'), 'warning: careful'],
    ['failed', (r) => r.failed('Tests failed'), 'error: Tests failed'],
    [
      'annotation with a place',
      (r) => r.annotation({ title: 'test_login', message: 'expected 200', file: 'tests/a.py', line: 12 }),
      'error: test_login (tests/a.py:12): expected 200',
    ],
    [
      'annotation with a file only',
      (r) => r.annotation({ title: 't', message: 'm', file: 'a.py' }),
      'error: t (a.py): m',
    ],
    ['annotation without a place', (r) => r.annotation({ title: 't', message: 'm' }), 'error: t: m'],
    ['details', (r) => r.details('Diagnosis', 'state: exited\nlog: boom'), 'Diagnosis\nstate: exited\nlog: boom'],
  ])('%s', (_, tell, expected) => {
    const stream = fakeStream();
    tell(reporterOn(stream, false));
    expect(stream.writes.join('')).toBe(`${expected}\n`);
  });

  it.each<[string, Partial<RunReport>, string]>([
    [
      'passed',
      { imageRef: 'acme/app:d24155b', imageId: 'sha256:abc', phases: [{ name: 'Build', seconds: 1.25, ok: true }] },
      'Passed: acme/app:d24155b (sha256:abc) in 1.3 s.',
    ],
    [
      'passed and pushed',
      {
        imageRef: 'acme/app:d24155b',
        imageId: 'sha256:abc',
        pushed: true,
        digest: 'sha256:def',
        phases: [
          { name: 'Build', seconds: 1, ok: true },
          { name: 'Push', seconds: 2, ok: true },
        ],
      },
      'Passed: acme/app:d24155b (sha256:abc), pushed sha256:def in 3.0 s.',
    ],
    ['failed', { failure: 'boom', phases: [{ name: 'Build', seconds: 0.5, ok: false }] }, 'Failed after 0.5 s.'],
  ])('summary: %s', async (_, overrides, expected) => {
    const stream = fakeStream();
    await reporterOn(stream, false).summary({ ...emptyReport(), ...overrides });
    expect(stream.writes.join('')).toBe(`${expected}\n`);
  });

  it('collects the outputs as KEY=VALUE lines, and writes none of them', () => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, false);
    expect(reporter.outputLines()).toEqual([]);
    reporter.outputs({ sha: 'd24155b0', 'image-ref': 'acme/app:d24155b', digests: '{"a":"b=c"}', pushed: 'false' });
    reporter.outputs({ 'test-exit-code': '' });
    expect(reporter.outputLines()).toEqual([
      'sha=d24155b0',
      'image-ref=acme/app:d24155b',
      'digests={"a":"b=c"}',
      'pushed=false',
      'test-exit-code=',
    ]);
    expect(stream.writes).toEqual([]);
  });
});

describe('terminalReporter folding', () => {
  it('shows the output while the phase runs', () => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, true);
    reporter.phaseStarted('Build');
    reporter.command('docker build .');
    reporter.output(Buffer.from('step 1\nstep 2\n'), 'stderr');
    expect(screenOf(stream.writes)).toEqual(['▸ Build', '  $ docker build .', '  step 1', '  step 2']);
    reporter.output(Buffer.from('step 3 is'), 'stderr');
    expect(screenOf(stream.writes)).toEqual(['▸ Build', '  $ docker build .', '  step 1', '  step 2', '  step 3 is']);
  });

  it('keeps only the last lines in view while the phase runs', () => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, true);
    reporter.phaseStarted('Build');
    for (const line of OUTPUT) reporter.output(Buffer.from(`${line}\n`), 'stderr');
    const screen = screenOf(stream.writes);
    expect(screen[0]).toBe('▸ Build');
    expect(screen.slice(1)).toEqual(OUTPUT.slice(-6).map((line) => `  ${line}`));
  });

  it('erases the output once the phase succeeded: it is not printed again', () => {
    const stream = fakeStream();
    runPhase(stream, true, true);
    expect(screenOf(stream.writes)).toEqual(['▸ Build acme/app:d24155b', '✓ Build acme/app:d24155b (12.346 s)']);
    const text = stream.writes.join('');
    expect(text).toMatch(ERASE);
    // Each line was drawn in the live view at most as often as it was in view, never re-printed whole at the end.
    const after = text.slice(text.lastIndexOf('\x1b[J'));
    for (const line of OUTPUT) expect(after).not.toContain(line);
  });

  it('prints every output line in full when the phase failed', () => {
    const stream = fakeStream({ columns: 30 });
    const lines = [...OUTPUT, `error: ${'y'.repeat(100)}`];
    runPhase(stream, true, false, lines);
    expect(screenOf(stream.writes)).toEqual([
      '▸ Build acme/app:d24155b',
      '  $ docker build --tag acme/app:d24155b .',
      ...lines.map((line) => `  ${line}`),
      '✗ Build acme/app:d24155b (12.346 s)',
    ]);
  });

  it.each([30, 45, undefined])('cuts lines longer than the terminal (%s columns) in the live view', (columns) => {
    const stream = fakeStream({ columns });
    const reporter = reporterOn(stream, true);
    reporter.phaseStarted('Build');
    const long = `start ${'z'.repeat(300)} end`;
    reporter.output(Buffer.from(`${long}\n\tindented ${'t'.repeat(300)}\n`), 'stderr');
    const screen = screenOf(stream.writes);
    expect(screen).toHaveLength(3);
    for (const row of screen) expect(row.length).toBeLessThan(columns ?? 80);
    expect(screen[1]).toMatch(/^ {2}start z+$/);
    expect(screen[2]).toMatch(/^ {4}indented t+$/);
  });

  it('keeps the last state of a \\r progress line', () => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, true);
    reporter.phaseStarted('Push');
    for (const chunk of ['layer 1: 10%\r', 'layer 1: 50%\r', 'layer 1: 100%\n', 'layer 2: 5%\r'])
      reporter.output(Buffer.from(chunk), 'stderr');
    expect(screenOf(stream.writes)).toEqual(['▸ Push', '  layer 1: 100%', '  layer 2: 5%']);
    reporter.output(Buffer.from('layer 2: 70%\r'), 'stderr');
    expect(screenOf(stream.writes)).toEqual(['▸ Push', '  layer 1: 100%', '  layer 2: 70%']);
    reporter.phaseEnded('Push', 2, false);
    expect(screenOf(stream.writes)).toEqual(['▸ Push', '  layer 1: 100%', '  layer 2: 70%', '✗ Push (2.000 s)']);
  });

  it('keeps what is said during a phase above its live lines, and after it', () => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, true);
    reporter.phaseStarted('Wait until ready');
    reporter.output(Buffer.from('probe 1\n'), 'stdout');
    reporter.warning('no HEALTHCHECK: waiting until running');
    expect(screenOf(stream.writes)).toEqual([
      '▸ Wait until ready',
      'warning: no HEALTHCHECK: waiting until running',
      '  probe 1',
    ]);
    reporter.output(Buffer.from('probe 2\n'), 'stdout');
    reporter.info('ready after 2 s');
    reporter.phaseEnded('Wait until ready', 2, true);
    expect(screenOf(stream.writes)).toEqual([
      '▸ Wait until ready',
      'warning: no HEALTHCHECK: waiting until running',
      '  ready after 2 s',
      '✓ Wait until ready (2.000 s)',
    ]);
  });

  it('writes output outside a phase whole', () => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, true);
    reporter.command('docker version');
    reporter.output(Buffer.from('27.1\n'), 'stdout');
    expect(stream.writes.join('')).toBe('$ docker version\n27.1\n');
  });

  it('a phase started while one runs (the clean-up after Ctrl-C) leaves the interrupted one readable', () => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, true);
    reporter.phaseStarted('Build');
    reporter.output(Buffer.from('step 1\nstep 2\n'), 'stderr');
    reporter.failed('Cancelled (SIGINT): removing what the run started.');
    reporter.phaseStarted('Clean up');
    reporter.command('docker rm --force c1');
    reporter.phaseEnded('Clean up', 0.5, true);
    reporter.phaseEnded('Build', 3, false);
    expect(screenOf(stream.writes)).toEqual([
      '▸ Build',
      'error: Cancelled (SIGINT): removing what the run started.',
      '  step 1',
      '  step 2',
      '▸ Clean up',
      '✓ Clean up (0.500 s)',
      '✗ Build (3.000 s)',
    ]);
  });

  it('a run of phases leaves one line each', () => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, true);
    for (const name of ['Prune', 'Build', 'Run']) {
      reporter.phaseStarted(name);
      reporter.command(`docker ${name.toLowerCase()}`);
      reporter.output(Buffer.from('a\nb\nc\n'), 'stdout');
      reporter.phaseEnded(name, 1, true);
    }
    expect(screenOf(stream.writes)).toEqual([
      '▸ Prune',
      '✓ Prune (1.000 s)',
      '▸ Build',
      '✓ Build (1.000 s)',
      '▸ Run',
      '✓ Run (1.000 s)',
    ]);
  });
});

describe('terminalReporter secrets', () => {
  const SECRET = 'p4ssw0rd-XYZ';

  const tellEverything = (reporter: ReturnType<typeof terminalReporter>): void => {
    reporter.info(`login as bot with ${SECRET}`);
    reporter.phaseStarted('Push');
    reporter.command(`docker login --password ${SECRET}`);
    reporter.output(Buffer.from(`echo ${SECRET}\n`), 'stdout');
    reporter.output(Buffer.from(`split ${SECRET.slice(0, 5)}`), 'stdout');
    reporter.output(Buffer.from(`${SECRET.slice(5)} across chunks\n`), 'stdout');
    reporter.output(Buffer.from(`progress ${SECRET}\rdone ${SECRET}\r`), 'stdout');
    reporter.warning(`warned ${SECRET}`);
    reporter.annotation({ title: `t ${SECRET}`, message: `m ${SECRET}`, file: 'f' });
    reporter.details(`Diagnosis ${SECRET}`, `log ${SECRET}`);
    reporter.phaseEnded('Push', 1, false);
    reporter.output(Buffer.from(`after ${SECRET}`), 'stdout');
    reporter.failed(`failed ${SECRET}`);
  };

  it.each([
    ['without folding', false, false],
    ['folding', true, false],
    ['folding, in colour', true, true],
  ])('are *** in every written text (%s)', (_, fold, colour) => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, fold, colour);
    reporter.secret(SECRET);
    tellEverything(reporter);
    const text = stream.writes.join('');
    expect(text).not.toContain(SECRET);
    for (const write of stream.writes) expect(write).not.toContain(SECRET);
    expect(text).toContain('echo ***');
    expect(text).toContain('split *** across chunks');
    expect(text).toContain('done ***');
    expect(text).toContain('failed ***');
  });

  it('a secret inside another one: neither shows', () => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, false);
    reporter.secret('abc');
    reporter.secret('abcdef-long');
    reporter.info('x abcdef-long y abc z');
    expect(stream.writes.join('')).toBe('  x *** y *** z\n');
  });

  it.each([
    ['without folding', false],
    ['folding', true],
  ])('no first characters of a secret show while the rest is still to come (%s)', (_, fold) => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, fold);
    reporter.secret(SECRET);
    reporter.phaseStarted('Push');
    reporter.output(Buffer.from(`token ${SECRET.slice(0, 6)}`), 'stdout');
    expect(stream.writes.join('')).not.toContain(SECRET.slice(0, 6));
    reporter.output(Buffer.from(`${SECRET.slice(6)}\n`), 'stdout');
    reporter.phaseEnded('Push', 1, false);
    expect(stream.writes.join('')).not.toContain(SECRET.slice(0, 6));
    expect(stream.writes.join('')).toContain('token ***');
  });

  it('a stderr chunk between two halves of a stdout secret does not split it', () => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, false);
    reporter.secret(SECRET);
    reporter.output(Buffer.from(`a ${SECRET.slice(0, 4)}`), 'stdout');
    reporter.output(Buffer.from('from stderr\n'), 'stderr');
    reporter.output(Buffer.from(`${SECRET.slice(4)} b\n`), 'stdout');
    const text = stream.writes.join('');
    expect(text).not.toContain(SECRET.slice(0, 4));
    expect(text).toContain('a *** b');
    expect(text).toContain('from stderr');
  });

  it('a character split across chunks comes out whole, and a secret with one is masked', () => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, false);
    reporter.secret('pässwörd');
    const bytes = Buffer.from('✓ passed pässwörd\n');
    for (let i = 0; i < bytes.length; i++) reporter.output(bytes.subarray(i, i + 1), 'stdout');
    expect(stream.writes.join('')).toBe('✓ passed ***\n');
  });

  it('an empty secret masks nothing', () => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, false);
    reporter.secret('');
    reporter.info('plain');
    expect(stream.writes.join('')).toBe('  plain\n');
  });
});

describe('terminalReporter colours', () => {
  it.each([
    ['without folding', false],
    ['folding', true],
  ])('colour off: no escape codes, bar the erase of the fold (%s)', (_, fold) => {
    const stream = fakeStream();
    const reporter = reporterOn(stream, fold, false);
    runPhase(stream, fold, true);
    runPhase(stream, fold, false);
    reporter.warning('w');
    reporter.failed('f');
    reporter.annotation({ title: 't', message: 'm' });
    const text = stream.writes.join('');
    expect(text.replace(ERASE, '')).not.toContain('\x1b');
    if (fold) expect(text).toMatch(ERASE);
    else expect(text).not.toMatch(ERASE);
  });

  it('colour on: marks, warnings and errors are coloured', () => {
    const stream = fakeStream();
    const reporter = terminalReporter({ stream: stream as unknown as NodeJS.WriteStream, fold: false, colour: true });
    reporter.phaseStarted('Build');
    reporter.phaseEnded('Build', 1, true);
    reporter.phaseStarted('Test');
    reporter.phaseEnded('Test', 1, false);
    reporter.warning('w');
    reporter.failed('f');
    const text = stream.writes.join('');
    expect(text).toContain('\x1b[1m▸ Build\x1b[0m');
    expect(text).toContain('\x1b[32m✓\x1b[0m Build');
    expect(text).toContain('\x1b[31m✗\x1b[0m Test');
    expect(text).toContain('\x1b[33mwarning: w\x1b[0m');
    expect(text).toContain('\x1b[31merror: f\x1b[0m');
    expect(text.replace(SGR, '')).toBe('▸ Build\n✓ Build (1.000 s)\n▸ Test\n✗ Test (1.000 s)\nwarning: w\nerror: f\n');
  });
});
