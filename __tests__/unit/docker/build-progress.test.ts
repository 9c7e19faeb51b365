import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  BuildProgress,
  FAILED_STEP_LINES,
  type BuildStep,
  type CacheImport,
} from '../../../src/docker/build-progress.js';

// `docker buildx bake --progress=rawjson` writes one SolveStatus after another to stderr, each pretty-printed
// by Go's encoding/json (two-space indent, <, > and & escaped as \u003c, \u003e, \u0026), then buildx's own
// plain-text lines (ERROR: …) at the end.

const digest = (n: number): string => `sha256:${n.toString(16).padStart(64, '0')}`;
const D = {
  bake: digest(1),
  definition: digest(2),
  metadata: digest(3),
  buildImport: digest(4),
  from: digest(5),
  cheap: digest(6),
  expensive: digest(7),
  copy: digest(8),
  stampImport: digest(9),
  stampFrom: digest(10),
  exporting: digest(11),
  context: digest(12),
};
const REF = '127.0.0.1:5111/exp/app:latest';
const NOT_FOUND = `failed to configure registry cache importer: ${REF}: not found`;
const BASE = `docker.io/btd-e2e/busybox:base@sha256:${'e'.repeat(64)}`;

/** A moment of the build, as Go writes time.Time (RFC 3339, nanoseconds). */
const at = (seconds: number): string => {
  const whole = Math.floor(seconds);
  const nanos = Math.round((seconds - whole) * 1e9);
  return `2024-05-01T10:00:${String(whole).padStart(2, '0')}.${String(nanos).padStart(9, '0')}Z`;
};
const b64 = (text: string): string => Buffer.from(text).toString('base64');

/** One SolveStatus as buildx prints it. */
function rawjson(status: Record<string, unknown>): string {
  return `${JSON.stringify(status, undefined, 2).replace(/[<>&]/g, (c) => `\\u00${c.charCodeAt(0).toString(16)}`)}\n`;
}

const vertex = (fields: Record<string, unknown>): string => rawjson({ vertexes: [fields] });
const log = (vertexDigest: string, text: string, seconds: number): string =>
  rawjson({ logs: [{ vertex: vertexDigest, stream: 1, data: b64(text), timestamp: at(seconds) }] });

/** A bake of both targets: the registry cache was not there, two steps came from the engine's cache. */
const BUILD = [
  vertex({ digest: D.bake, name: '[internal] load local bake definitions', started: at(0) }),
  rawjson({
    vertexes: [{ digest: D.bake, name: '[internal] load local bake definitions', started: at(0), completed: at(0.01) }],
    statuses: [
      { id: 'reading bake.json 1.29kB / 1.29kB', vertex: D.bake, name: 'reading', timestamp: at(0.01), started: at(0) },
    ],
  }),
  vertex({ digest: D.definition, name: '[build internal] load build definition from Dockerfile', started: at(0.1) }),
  vertex({
    digest: D.definition,
    name: '[build internal] load build definition from Dockerfile',
    started: at(0.1),
    completed: at(0.2),
  }),
  rawjson({
    warnings: [
      {
        vertex: D.definition,
        level: 1,
        short: b64('JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior (line 6)'),
        detail: [b64('JSON arguments recommended for ENTRYPOINT/CMD to prevent unintended behavior')],
        url: 'https://docs.docker.com/go/dockerfile/rule/json-args-recommended/',
      },
    ],
  }),
  vertex({
    digest: D.metadata,
    name: '[build internal] load metadata for docker.io/btd-e2e/busybox:base',
    started: at(0.2),
    completed: at(0.5),
  }),
  vertex({
    digest: D.buildImport,
    name: `[build] importing cache manifest from ${REF}`,
    started: at(0.5),
    completed: at(0.6),
    error: NOT_FOUND,
  }),
  vertex({ digest: D.from, name: `[build 1/4] FROM ${BASE}`, started: at(0.6), completed: at(0.6), cached: true }),
  vertex({ digest: D.context, name: '[build internal] load build context', started: at(0.6), completed: at(0.7) }),
  vertex({
    digest: D.cheap,
    inputs: [D.from],
    name: '[build 2/4] RUN echo cheap > /cheap',
    started: at(0.7),
    completed: at(0.7),
    cached: true,
  }),
  vertex({
    digest: D.expensive,
    inputs: [D.cheap],
    name: '[stamp 3/4] RUN sleep 3 && echo expensive > /expensive',
    started: at(0.7),
  }),
  log(D.expensive, 'expen', 1),
  log(D.expensive, 'sive\nsecond li', 3.5),
  log(D.expensive, 'ne\n', 3.6),
  vertex({
    digest: D.expensive,
    inputs: [D.cheap],
    name: '[stamp 3/4] RUN sleep 3 && echo expensive > /expensive',
    started: at(0.7),
    completed: at(3.7),
  }),
  // The build target reports the step the stamp ran: the same digest, another name.
  vertex({
    digest: D.expensive,
    inputs: [D.cheap],
    name: '[build 3/4] RUN sleep 3 && echo expensive > /expensive',
    started: at(0.7),
    completed: at(3.7),
  }),
  vertex({
    digest: D.copy,
    inputs: [D.expensive, D.context],
    name: '[build 4/4] COPY app.txt /app.txt',
    started: at(3.7),
  }),
  vertex({ digest: D.copy, name: '[build 4/4] COPY app.txt /app.txt', started: at(3.7), completed: at(3.75) }),
  vertex({
    digest: D.stampImport,
    name: `[stamp] importing cache manifest from ${REF}`,
    started: at(3.8),
    completed: at(3.8),
  }),
  vertex({
    digest: D.stampFrom,
    name: '[stamp 1/1] FROM build-test-deploy-build',
    started: at(3.8),
    completed: at(3.8),
    cached: true,
  }),
  rawjson({
    vertexes: [{ digest: D.exporting, name: '[stamp] exporting to image', started: at(3.9) }],
    statuses: [{ id: 'writing image', vertex: D.exporting, name: 'writing image', started: at(3.9) }],
  }),
  vertex({ digest: D.exporting, name: '[stamp] exporting to image', started: at(3.9), completed: at(4.05) }),
].join('');

const BUILD_LINES = [
  '#1 [internal] load local bake definitions',
  '#1 DONE 0.0s',
  '#2 [build internal] load build definition from Dockerfile',
  '#2 DONE 0.1s',
  'WARNING: JSONArgsRecommended: JSON arguments recommended for CMD to prevent unintended behavior (line 6)',
  '#3 [build internal] load metadata for docker.io/btd-e2e/busybox:base',
  '#3 DONE 0.3s',
  `#4 [build] importing cache manifest from ${REF}`,
  `#4 ERROR: ${NOT_FOUND}`,
  `#5 [build 1/4] FROM ${BASE}`,
  '#5 CACHED',
  '#6 [build internal] load build context',
  '#6 DONE 0.1s',
  '#7 [build 2/4] RUN echo cheap > /cheap',
  '#7 CACHED',
  '#8 [stamp 3/4] RUN sleep 3 && echo expensive > /expensive',
  '#8 2.800 expensive',
  '#8 2.900 second line',
  '#8 DONE 3.0s',
  '#9 [build 4/4] COPY app.txt /app.txt',
  '#9 DONE 0.1s',
  `#10 [stamp] importing cache manifest from ${REF}`,
  '#10 DONE 0.0s',
  '#11 [stamp 1/1] FROM build-test-deploy-build',
  '#11 CACHED',
  '#12 [stamp] exporting to image',
  '#12 DONE 0.1s',
];

const BUILD_STEPS: BuildStep[] = [
  { name: '[build 2/4] RUN echo cheap > /cheap', cached: true },
  { name: '[stamp 3/4] RUN sleep 3 && echo expensive > /expensive', cached: false },
  { name: '[build 4/4] COPY app.txt /app.txt', cached: false },
];

/** Feeds the chunks, then ends: what the log shows, and what was read. */
function feed(chunks: readonly string[]): {
  shown: string;
  progress: BuildProgress;
} {
  const progress = new BuildProgress();
  const shown = chunks.map((chunk) => progress.write(chunk)).join('') + progress.end();
  return { shown, progress };
}

const lines = (shown: string): string[] => shown.split('\n').slice(0, -1);

describe('BuildProgress', () => {
  it('shows the build as --progress=plain does', () => {
    const { shown } = feed([BUILD]);
    expect(lines(shown)).toEqual(BUILD_LINES);
    expect(shown.endsWith('\n')).toBe(true);
  });

  it('shows each line as soon as its object is complete', () => {
    const progress = new BuildProgress();
    const [first, second] = BUILD.split(/(?<=\n)(?=\{)/);
    expect(progress.write(first!)).toBe('#1 [internal] load local bake definitions\n');
    expect(progress.write(second!.slice(0, -3))).toBe('');
    expect(progress.write(second!.slice(-3))).toBe('#1 DONE 0.0s\n');
  });

  it("reads the Dockerfile's steps: FROM, BuildKit's own work and repeats aside", () => {
    expect(feed([BUILD]).progress.steps()).toEqual(BUILD_STEPS);
  });

  it('reads the cache imports: a miss in either target is a miss', () => {
    expect(feed([BUILD]).progress.cacheImports()).toEqual<CacheImport[]>([{ ref: REF, error: NOT_FOUND }]);
  });

  it('keeps what it showed: log() is the shown text', () => {
    const { shown, progress } = feed([BUILD, 'ERROR: failed to solve: exit code: 1\n']);
    expect(progress.log()).toBe(shown.slice(0, -1));
    expect(progress.log().split('\n').at(-1)).toBe('ERROR: failed to solve: exit code: 1');
  });

  describe('failedStep: the step whose own error failed the build, with its last lines', () => {
    const lint = digest(20);
    const sibling = digest(21);
    const RUN_LINT = '[build 3/4] RUN ./lint.sh';
    const failing = [
      vertex({ digest: lint, name: RUN_LINT, started: at(1) }),
      vertex({ digest: sibling, name: '[build 2/4] COPY . .', started: at(1) }),
      log(lint, 'checking src/\nsrc/app.py:12:80: E501 line too long', 1.2),
      log(
        lint,
        " (88 > 79 characters)\nsrc/app.py:30:1: F401 'os' imported but unused\n1 file would be reformatted",
        1.3,
      ),
      vertex({
        digest: sibling,
        name: '[build 2/4] COPY . .',
        started: at(1),
        completed: at(1.4),
        error: 'context canceled',
      }),
      vertex({
        digest: lint,
        name: RUN_LINT,
        started: at(1),
        completed: at(1.5),
        error: 'process "/bin/sh -c ./lint.sh" did not complete successfully: exit code: 1',
      }),
      'ERROR: failed to solve: process "/bin/sh -c ./lint.sh" did not complete successfully: exit code: 1\n',
    ];

    it('names the step, and its output without the progress prefix; a step cancelled with it aside', () => {
      expect(feed(failing).progress.failedStep()).toEqual({
        name: RUN_LINT,
        output: [
          'checking src/',
          'src/app.py:12:80: E501 line too long (88 > 79 characters)',
          "src/app.py:30:1: F401 'os' imported but unused",
          '1 file would be reformatted',
        ],
      });
    });

    it(`keeps the last ${FAILED_STEP_LINES} lines of a long output`, () => {
      const many = Array.from({ length: 50 }, (_, n) => `finding ${n + 1}`).join('\n');
      const { progress } = feed([
        vertex({ digest: lint, name: RUN_LINT, started: at(1) }),
        log(lint, `${many}\n`, 1.1),
        vertex({ digest: lint, name: RUN_LINT, started: at(1), completed: at(2), error: 'exit code: 1' }),
      ]);
      expect(progress.failedStep()?.output).toEqual(
        Array.from({ length: FAILED_STEP_LINES }, (_, n) => `finding ${n + 31}`),
      );
    });

    it('a build that passed, or failed at no step of its own: none', () => {
      expect(feed([BUILD]).progress.failedStep()).toBeUndefined();
      expect(feed(['ERROR: failed to solve: no space left on device\n']).progress.failedStep()).toBeUndefined();
    });
  });

  describe('chunk boundaries', () => {
    // Strings that hold braces, escaped quotes, a last backslash and a character beyond the BMP (two UTF-16
    // units a split can fall between); a log line across two chunks; a cache miss; plain text at the end.
    const EDGES = [
      vertex({
        digest: digest(20),
        name: '[build 5/5] RUN printf \'{"level":"info"}\\n\' > /log.json && echo "}" && echo 🐳 \\',
        started: at(4.1),
      }),
      log(digest(20), 'a {brace} and "quotes" and 🐳\r\nand a la', 4.2),
      log(digest(20), 'st line }"{\n', 4.25),
      vertex({
        digest: D.buildImport,
        name: `[build] importing cache manifest from ${REF}`,
        completed: at(4.3),
        error: NOT_FOUND,
      }),
      vertex({
        digest: digest(20),
        name: 'ignored: the first name stays',
        started: at(4.1),
        completed: at(4.3),
        error: 'process "/bin/sh -c printf \'{\'" did not complete successfully: exit code: 1',
      }),
      'ERROR: failed to solve: process "/bin/sh -c printf \'{\'" did not complete successfully: exit code: 1\n',
    ].join('');
    const INPUT = BUILD + EDGES;
    const whole = feed([INPUT]);
    const edges = feed([EDGES]);

    it('shows strings holding braces, escaped quotes and a last backslash as they are', () => {
      expect(lines(whole.shown).slice(BUILD_LINES.length)).toEqual([
        '#13 [build 5/5] RUN printf \'{"level":"info"}\\n\' > /log.json && echo "}" && echo 🐳 \\',
        '#13 0.100 a {brace} and "quotes" and 🐳',
        '#13 0.150 and a last line }"{',
        '#13 ERROR: process "/bin/sh -c printf \'{\'" did not complete successfully: exit code: 1',
        'ERROR: failed to solve: process "/bin/sh -c printf \'{\'" did not complete successfully: exit code: 1',
      ]);
    });

    it('reads the same, split at any one offset', () => {
      expect(lines(edges.shown)).toHaveLength(7);
      expect(edges.progress.cacheImports()).toEqual([{ ref: REF, error: NOT_FOUND }]);
      for (let offset = 0; offset <= EDGES.length; offset++) {
        const split = feed([EDGES.slice(0, offset), EDGES.slice(offset)]);
        expect(split.shown, `split at ${offset}`).toBe(edges.shown);
        expect(split.progress.steps(), `split at ${offset}`).toEqual(edges.progress.steps());
        expect(split.progress.cacheImports(), `split at ${offset}`).toEqual(edges.progress.cacheImports());
      }
    });

    it('reads the same, one character at a time', () => {
      expect(feed([...INPUT]).shown).toBe(whole.shown);
    });

    it('reads the same, split anywhere', () => {
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: INPUT.length - 1 }), { maxLength: 40 }), (cuts) => {
          const bounds = [0, ...cuts.sort((a, b) => a - b), INPUT.length];
          const split = feed(bounds.slice(1).map((end, i) => INPUT.slice(bounds[i], end)));
          expect(split.shown).toBe(whole.shown);
          expect(split.progress.steps()).toEqual(whole.progress.steps());
          expect(split.progress.cacheImports()).toEqual(whole.progress.cacheImports());
          expect(split.progress.log()).toBe(whole.progress.log());
        }),
        { numRuns: 300 },
      );
    });
  });

  it.each<[string, string[], string[]]>([
    [
      'a log line across chunks is joined',
      [
        vertex({ digest: D.expensive, name: '[build 2/2] RUN make', started: at(0) }),
        log(D.expensive, 'compil', 1),
        log(D.expensive, 'ing', 1.1),
        log(D.expensive, '...\nlinking\n', 1.2),
      ],
      ['#1 [build 2/2] RUN make', '#1 1.200 compiling...', '#1 1.200 linking'],
    ],
    [
      'the rest of a line is shown when its vertex completes',
      [
        vertex({ digest: D.expensive, name: '[build 2/2] RUN make', started: at(0) }),
        log(D.expensive, 'done, no newline', 1),
        vertex({ digest: D.expensive, name: '[build 2/2] RUN make', started: at(0), completed: at(2.25) }),
      ],
      ['#1 [build 2/2] RUN make', '#1 done, no newline', '#1 DONE 2.3s'],
    ],
    [
      'the rest of a line is shown at the end',
      [vertex({ digest: D.expensive, name: '[build 2/2] RUN make', started: at(0) }), log(D.expensive, 'cut off', 1)],
      ['#1 [build 2/2] RUN make', '#1 cut off'],
    ],
    [
      'two vertices log side by side',
      [
        vertex({ digest: D.cheap, name: '[build a 2/2] RUN one', started: at(0) }),
        vertex({ digest: D.expensive, name: '[build b 2/2] RUN two', started: at(0) }),
        rawjson({
          logs: [
            { vertex: D.cheap, stream: 1, data: b64('one '), timestamp: at(1) },
            { vertex: D.expensive, stream: 2, data: b64('two\n'), timestamp: at(1) },
            { vertex: D.cheap, stream: 1, data: b64('more\n'), timestamp: at(1) },
          ],
        }),
      ],
      ['#1 [build a 2/2] RUN one', '#2 [build b 2/2] RUN two', '#2 1.000 two', '#1 1.000 one more'],
    ],
    [
      'CRLF in a log',
      [vertex({ digest: D.expensive, name: '[2/2] RUN x', started: at(0) }), log(D.expensive, 'a\r\nb\r\n', 1)],
      ['#1 [2/2] RUN x', '#1 1.000 a', '#1 1.000 b'],
    ],
    [
      'each line with the seconds since its step started, as of the chunk that ended it',
      [
        vertex({ digest: D.expensive, name: '[2/2] RUN x', started: at(1.5) }),
        log(D.expensive, 'one\ntw', 2),
        log(D.expensive, 'o\n', 12.25),
      ],
      ['#1 [2/2] RUN x', '#1 0.500 one', '#1 10.750 two'],
    ],
    [
      'a log of a vertex with no start time: no seconds',
      [vertex({ digest: D.expensive, name: '[2/2] RUN x' }), log(D.expensive, 'plain\n', 1)],
      ['#1 [2/2] RUN x', '#1 plain'],
    ],
    [
      'a completed vertex with no start time: DONE',
      [vertex({ digest: D.expensive, name: '[2/2] RUN x', completed: at(1) })],
      ['#1 [2/2] RUN x', '#1 DONE'],
    ],
    [
      'times with an offset',
      [
        vertex({
          digest: D.expensive,
          name: '[2/2] RUN x',
          started: '2024-05-01T12:00:00.5+02:00',
          completed: '2024-05-01T10:00:02.25Z',
        }),
      ],
      ['#1 [2/2] RUN x', '#1 DONE 1.8s'],
    ],
    [
      'completed once: a repeat says nothing more',
      [
        vertex({ digest: D.expensive, name: '[2/2] RUN x', started: at(0), completed: at(1) }),
        vertex({ digest: D.expensive, name: '[2/2] RUN x', started: at(0), completed: at(1) }),
      ],
      ['#1 [2/2] RUN x', '#1 DONE 1.0s'],
    ],
    [
      'plain text between and after the objects',
      [
        'buildx: a note before\n',
        vertex({ digest: D.expensive, name: '[2/2] RUN x', started: at(0), completed: at(0.5) }),
        '\n  \nERROR: failed to solve: exit code: 1',
      ],
      ['buildx: a note before', '#1 [2/2] RUN x', '#1 DONE 0.5s', 'ERROR: failed to solve: exit code: 1'],
    ],
    [
      'text that opens a brace mid-line stays text',
      ['ERROR: target stamp: {"reason":"x"}\n'],
      ['ERROR: target stamp: {"reason":"x"}'],
    ],
    ['an object that is no JSON is shown as it came', ['{not json}\n'], ['{not json}']],
    [
      'an object cut off at the end is shown as it came',
      ['{\n  "vertexes": [\n    {\n      "digest": "sha256:1"'],
      ['{', '  "vertexes": [', '    {', '      "digest": "sha256:1"'],
    ],
    [
      'objects without vertices, logs or warnings show nothing',
      [rawjson({ statuses: [{ id: 'x', vertex: D.bake, current: 1, total: 2 }] }), rawjson({})],
      [],
    ],
    ['nothing', [], []],
  ])('%s', (_case, chunks, expected) => {
    expect(lines(feed(chunks).shown)).toEqual(expected);
  });

  describe('steps', () => {
    it.each<[string, string[], BuildStep[]]>([
      [
        'only completed or cached ones',
        [
          vertex({ digest: digest(1), name: '[2/4] RUN started only', started: at(0) }),
          vertex({ digest: digest(2), name: '[3/4] RUN cached, not marked completed', cached: true }),
          vertex({ digest: digest(3), name: '[4/4] COPY . /app', started: at(0), completed: at(1) }),
        ],
        [
          { name: '[3/4] RUN cached, not marked completed', cached: true },
          { name: '[4/4] COPY . /app', cached: false },
        ],
      ],
      [
        'cached once is cached',
        [
          vertex({ digest: digest(1), name: '[build 2/2] RUN x', started: at(0) }),
          vertex({ digest: digest(1), name: '[build 2/2] RUN x', cached: true, started: at(0), completed: at(0) }),
        ],
        [{ name: '[build 2/2] RUN x', cached: true }],
      ],
      [
        'FROM in any case, and BuildKit’s own vertices, are no steps',
        [
          vertex({ digest: digest(1), name: '[build 1/3] FROM docker.io/library/alpine:3.20', completed: at(0) }),
          vertex({ digest: digest(2), name: '[build 2/3] from scratch', completed: at(0) }),
          vertex({ digest: digest(3), name: '[internal] load local bake definitions', completed: at(0) }),
          vertex({ digest: digest(4), name: '[build internal] load .dockerignore', completed: at(0) }),
          vertex({ digest: digest(5), name: '[build] importing cache manifest from x', completed: at(0) }),
          vertex({ digest: digest(6), name: '[stamp] exporting to image', completed: at(0) }),
          vertex({
            digest: digest(7),
            name: '[build auth] btd-e2e/busybox:pull token for 127.0.0.1:5111',
            completed: at(0),
          }),
          vertex({
            digest: digest(8),
            name: 'resolve image config for docker.io/docker/dockerfile:1',
            completed: at(0),
          }),
          vertex({ digest: digest(9), name: '[build 3/3] WORKDIR /app', completed: at(0), cached: true }),
        ],
        [{ name: '[build 3/3] WORKDIR /app', cached: true }],
      ],
      [
        'without the bake prefix (one target) and with a stage name',
        [
          vertex({ digest: digest(1), name: '[2/3] RUN apk add curl', completed: at(0), cached: true }),
          vertex({ digest: digest(2), name: '[builder 2/3] RUN go build', completed: at(0) }),
        ],
        [
          { name: '[2/3] RUN apk add curl', cached: true },
          { name: '[builder 2/3] RUN go build', cached: false },
        ],
      ],
      [
        // Bake puts the target before the frontend's own prefix: `[builder 2/4]` → `[build builder 2/4]`.
        'the bake prefix before a stage name, an unnamed stage, a padded step number',
        [
          vertex({ digest: digest(1), name: '[build builder 2/4] RUN go build -o /out/app .', completed: at(0) }),
          vertex({
            digest: digest(2),
            name: '[build stage-1 2/2] COPY --from=builder /out/app /app',
            completed: at(0),
          }),
          vertex({ digest: digest(3), name: '[build  2/12] RUN apt-get update', completed: at(0), cached: true }),
          vertex({ digest: digest(4), name: '[build 10/12] RUN make', completed: at(0) }),
          vertex({
            digest: digest(5),
            name: '[build builder 1/4] FROM docker.io/library/golang:1.22',
            completed: at(0),
          }),
        ],
        [
          { name: '[build builder 2/4] RUN go build -o /out/app .', cached: false },
          { name: '[build stage-1 2/2] COPY --from=builder /out/app /app', cached: false },
          { name: '[build  2/12] RUN apt-get update', cached: true },
          { name: '[build 10/12] RUN make', cached: false },
        ],
      ],
    ])('%s', (_case, chunks, expected) => {
      expect(feed(chunks).progress.steps()).toEqual(expected);
    });
  });

  describe('cacheImports', () => {
    const importing = (n: number, target: string, ref: string, error?: string): string =>
      vertex({
        digest: digest(n),
        name: `[${target}] importing cache manifest from ${ref}`,
        started: at(0),
        completed: at(0.1),
        ...(error === undefined ? {} : { error }),
      });

    it.each<[string, string[], CacheImport[]]>([
      [
        'found in both targets',
        [importing(1, 'build', REF), importing(2, 'stamp', REF)],
        [{ ref: REF, error: undefined }],
      ],
      [
        'missed in the build target only',
        [importing(1, 'build', REF, NOT_FOUND), importing(2, 'stamp', REF)],
        [{ ref: REF, error: NOT_FOUND }],
      ],
      [
        'missed in the stamp only',
        [importing(1, 'build', REF), importing(2, 'stamp', REF, NOT_FOUND)],
        [{ ref: REF, error: NOT_FOUND }],
      ],
      [
        'two sources, each once, in order',
        [
          importing(1, 'build', 'ghcr.io/acme/app:main'),
          importing(2, 'build', REF, NOT_FOUND),
          importing(3, 'stamp', 'ghcr.io/acme/app:main'),
          importing(4, 'stamp', REF, NOT_FOUND),
        ],
        [
          { ref: 'ghcr.io/acme/app:main', error: undefined },
          { ref: REF, error: NOT_FOUND },
        ],
      ],
      ['without a bake prefix', [importing(1, 'x', REF).replace('[x] ', '')], [{ ref: REF, error: undefined }]],
      [
        'not yet completed: not tried',
        [vertex({ digest: digest(1), name: `[build] importing cache manifest from ${REF}`, started: at(0) })],
        [],
      ],
      [
        'other vertices naming the ref are no import',
        [
          vertex({ digest: digest(1), name: `[build internal] load metadata for ${REF}`, completed: at(0) }),
          vertex({
            digest: digest(2),
            name: `[build 2/2] RUN echo importing cache manifest from ${REF}`,
            completed: at(0),
          }),
        ],
        [],
      ],
    ])('%s', (_case, chunks, expected) => {
      expect(feed(chunks).progress.cacheImports()).toEqual(expected);
    });
  });
});
