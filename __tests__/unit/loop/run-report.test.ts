import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emptyReport, outputsOf, summaryTables, type RunReport } from '../../../src/loop/run-report.js';
import { escapeHtml } from '../../../src/shared/vocabulary.js';
import type { CacheOutcome } from '../../../src/loop/cache.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { outputs: Record<string, unknown> };

const SHA = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
const IMAGE_ID = `sha256:${'c'.repeat(64)}`;
const DIGEST = `sha256:${'d'.repeat(64)}`;
const HIT: CacheOutcome = {
  sources: [{ source: 'localhost:5000/app:latest', found: true, reason: undefined }],
  stepsReused: 2,
  stepsRun: 1,
  exportedTo: ['type=inline'],
};
/** A source BuildKit does not say anything of (not a registry): found undefined. */
const UNTOLD: CacheOutcome = {
  sources: [{ source: 'type=gha,scope=app', found: undefined, reason: undefined }],
  stepsReused: 2,
  stepsRun: 1,
  exportedTo: ['type=gha,scope=app,mode=max,ignore-error=true'],
};
const MISS: CacheOutcome = {
  sources: [
    {
      source: 'localhost:5000/app:latest',
      found: false,
      reason: 'unreachable: Get "https://localhost:5000/v2/": dial tcp 127.0.0.1:5000: connect: connection refused',
    },
  ],
  stepsReused: 0,
  stepsRun: 3,
  exportedTo: ['type=inline'],
};

function report(overrides: Partial<RunReport> = {}): RunReport {
  return {
    ...emptyReport(),
    image: 'localhost:5000/app',
    envPrefix: 'APP',
    sha: SHA,
    tag: 'd24155b',
    imageRef: 'localhost:5000/app:d24155b',
    latestRef: 'localhost:5000/app:latest',
    imageId: IMAGE_ID,
    ...overrides,
  };
}

describe('emptyReport', () => {
  it('starts with nothing known', () => {
    expect(emptyReport()).toEqual({
      image: '',
      envPrefix: '',
      sha: '',
      tag: '',
      imageRef: '',
      latestRef: '',
      imageId: '',
      digest: '',
      digests: {},
      manifestType: '',
      pushed: false,
      testExitCode: undefined,
      pruned: 0,
      reclaimedBytes: 0,
      readySeconds: undefined,
      reportsDir: '',
      junit: undefined,
      notices: [],
      cache: undefined,
      phases: [],
      failure: undefined,
    });
    expect(emptyReport()).toHaveProperty('cache', undefined);
  });

  it('gives a fresh phases list each time', () => {
    const first = emptyReport();
    first.phases.push({ name: 'Build', seconds: 1, ok: true });
    expect(emptyReport().phases).toEqual([]);
  });

  it('gives a fresh notices list each time', () => {
    emptyReport().notices.push('a note');
    expect(emptyReport().notices).toEqual([]);
  });
});

describe('outputsOf', () => {
  it('sets exactly the outputs action.yml declares', () => {
    expect(Object.keys(outputsOf(emptyReport())).sort()).toEqual(Object.keys(action.outputs).sort());
  });

  it.each<[string, RunReport, Record<string, string>]>([
    [
      'nothing done',
      emptyReport(),
      {
        sha: '',
        tag: '',
        image: '',
        'image-ref': '',
        'latest-ref': '',
        'image-id': '',
        digest: '',
        digests: '{}',
        'manifest-type': '',
        pushed: 'false',
        'test-exit-code': '',
        pruned: '0',
        'reclaimed-bytes': '0',
        'ready-seconds': '',
        'reports-dir': '',
        'tests-passed': '',
        'tests-failed': '',
        'tests-skipped': '',
        'cache-hit': '',
        'cache-steps-reused': '',
        'cache-steps-run': '',
        env: '',
      },
    ],
    [
      'tested, not pushed',
      report({ testExitCode: 0, readySeconds: 1.5 }),
      {
        sha: SHA,
        tag: 'd24155b',
        image: 'localhost:5000/app',
        'image-ref': 'localhost:5000/app:d24155b',
        'latest-ref': 'localhost:5000/app:latest',
        'image-id': IMAGE_ID,
        digest: '',
        digests: '{}',
        'manifest-type': '',
        pushed: 'false',
        'test-exit-code': '0',
        pruned: '0',
        'reclaimed-bytes': '0',
        'ready-seconds': '1.500',
        'reports-dir': '',
        'tests-passed': '',
        'tests-failed': '',
        'tests-skipped': '',
        'cache-hit': '',
        'cache-steps-reused': '',
        'cache-steps-run': '',
        env: [
          'APP_IMAGE=localhost:5000/app',
          `APP_SHA=${SHA}`,
          'APP_TAG=d24155b',
          'APP_IMAGE_REF=localhost:5000/app:d24155b',
        ].join('\n'),
      },
    ],
    [
      'tests failed',
      report({
        testExitCode: 3,
        failure: 'tests failed',
        readySeconds: 0.0424,
        reportsDir: '/home/runner/work/app/app/reports',
        junit: { passed: 41, failed: 2, skipped: 3, failures: [] },
        cache: MISS,
      }),
      {
        sha: SHA,
        tag: 'd24155b',
        image: 'localhost:5000/app',
        'image-ref': 'localhost:5000/app:d24155b',
        'latest-ref': 'localhost:5000/app:latest',
        'image-id': IMAGE_ID,
        digest: '',
        digests: '{}',
        'manifest-type': '',
        pushed: 'false',
        'test-exit-code': '3',
        pruned: '0',
        'reclaimed-bytes': '0',
        'ready-seconds': '0.042',
        'reports-dir': '/home/runner/work/app/app/reports',
        'tests-passed': '41',
        'tests-failed': '2',
        'tests-skipped': '3',
        'cache-hit': 'false',
        'cache-steps-reused': '0',
        'cache-steps-run': '3',
        env: '',
      },
    ],
    [
      'pushed',
      report({
        testExitCode: 0,
        pushed: true,
        digest: DIGEST,
        digests: { 'localhost:5000/app': DIGEST, 'mirror.example.com/app': DIGEST },
        manifestType: 'application/vnd.oci.image.manifest.v1+json',
        pruned: 2,
        reclaimedBytes: 524288,
        readySeconds: 12,
        reportsDir: 'reports',
        junit: { passed: 10, failed: 0, skipped: 0, failures: [] },
        cache: HIT,
      }),
      {
        sha: SHA,
        tag: 'd24155b',
        image: 'localhost:5000/app',
        'image-ref': 'localhost:5000/app:d24155b',
        'latest-ref': 'localhost:5000/app:latest',
        'image-id': IMAGE_ID,
        digest: DIGEST,
        digests: JSON.stringify({ 'localhost:5000/app': DIGEST, 'mirror.example.com/app': DIGEST }),
        'manifest-type': 'application/vnd.oci.image.manifest.v1+json',
        pushed: 'true',
        'test-exit-code': '0',
        pruned: '2',
        'reclaimed-bytes': '524288',
        'ready-seconds': '12.000',
        'reports-dir': 'reports',
        'tests-passed': '10',
        'tests-failed': '0',
        'tests-skipped': '0',
        'cache-hit': 'true',
        'cache-steps-reused': '2',
        'cache-steps-run': '1',
        env: [
          'APP_IMAGE=localhost:5000/app',
          `APP_SHA=${SHA}`,
          'APP_TAG=d24155b',
          `APP_DIGEST=${'d'.repeat(64)}`,
          `APP_IMAGE_REF=localhost:5000/app@${DIGEST}`,
        ].join('\n'),
      },
    ],
  ])('%s', (_case, r, expected) => {
    expect(outputsOf(r)).toEqual(expected);
  });

  it.each<[string, Partial<RunReport>, string]>([
    [
      'a passed, pushed run: DIGEST the hex, IMAGE_REF by digest',
      { testExitCode: 0, pushed: true, digest: DIGEST },
      `APP_IMAGE=localhost:5000/app\nAPP_SHA=${SHA}\nAPP_TAG=d24155b\nAPP_DIGEST=${'d'.repeat(64)}\nAPP_IMAGE_REF=localhost:5000/app@${DIGEST}`,
    ],
    [
      'a passed run, not pushed: no DIGEST, IMAGE_REF image:tag',
      { testExitCode: 0, pushed: false },
      `APP_IMAGE=localhost:5000/app\nAPP_SHA=${SHA}\nAPP_TAG=d24155b\nAPP_IMAGE_REF=localhost:5000/app:d24155b`,
    ],
    [
      'a digest known but not pushed (local RepoDigest): no DIGEST',
      { testExitCode: 0, pushed: false, digest: DIGEST },
      `APP_IMAGE=localhost:5000/app\nAPP_SHA=${SHA}\nAPP_TAG=d24155b\nAPP_IMAGE_REF=localhost:5000/app:d24155b`,
    ],
    [
      'another prefix',
      { testExitCode: 0, envPrefix: 'WEB_APP' },
      `WEB_APP_IMAGE=localhost:5000/app\nWEB_APP_SHA=${SHA}\nWEB_APP_TAG=d24155b\nWEB_APP_IMAGE_REF=localhost:5000/app:d24155b`,
    ],
    ['a failed run: empty', { testExitCode: 1, failure: 'tests failed' }, ''],
    ['a run that failed after the push: empty', { pushed: true, digest: DIGEST, failure: 'cleanup failed' }, ''],
    ['a run that failed before the commit was known: empty', { sha: '', failure: 'Input refused' }, ''],
  ])('env: %s', (_case, overrides, env) => {
    expect(outputsOf(report(overrides)).env).toBe(env);
  });

  it.each<[string, Partial<RunReport>, Record<string, string>]>([
    ['not ready (yet)', { readySeconds: undefined }, { 'ready-seconds': '' }],
    ['ready at once', { readySeconds: 0 }, { 'ready-seconds': '0.000' }],
    ['ready, rounded to milliseconds', { readySeconds: 3.14159 }, { 'ready-seconds': '3.142' }],
    ['ready, rounded up', { readySeconds: 0.0005 }, { 'ready-seconds': '0.001' }],
    [
      'reports copied, no JUnit among them',
      { reportsDir: 'reports', junit: undefined },
      { 'reports-dir': 'reports', 'tests-passed': '', 'tests-failed': '', 'tests-skipped': '' },
    ],
    [
      'JUnit with nothing in it',
      { reportsDir: 'reports', junit: { passed: 0, failed: 0, skipped: 0, failures: [] } },
      { 'reports-dir': 'reports', 'tests-passed': '0', 'tests-failed': '0', 'tests-skipped': '0' },
    ],
    [
      'JUnit counts, not the failures listed',
      {
        reportsDir: 'r',
        junit: {
          passed: 7,
          failed: 1,
          skipped: 2,
          failures: [{ name: 'a', classname: 'b', message: 'c', file: undefined, line: undefined }],
        },
      },
      { 'reports-dir': 'r', 'tests-passed': '7', 'tests-failed': '1', 'tests-skipped': '2' },
    ],
    ['no build ran', { cache: undefined }, { 'cache-hit': '', 'cache-steps-reused': '', 'cache-steps-run': '' }],
    ['a cache hit', { cache: HIT }, { 'cache-hit': 'true', 'cache-steps-reused': '2', 'cache-steps-run': '1' }],
    ['a cache miss', { cache: MISS }, { 'cache-hit': 'false', 'cache-steps-reused': '0', 'cache-steps-run': '3' }],
    [
      "a hit from the engine's own cache, the source missed",
      { cache: { ...MISS, stepsReused: 1, stepsRun: 0 } },
      { 'cache-hit': 'true', 'cache-steps-reused': '1', 'cache-steps-run': '0' },
    ],
    [
      'a hit from a source that does not say whether it held anything',
      { cache: UNTOLD },
      { 'cache-hit': 'true', 'cache-steps-reused': '2', 'cache-steps-run': '1' },
    ],
    [
      'nothing reused from a source that does not say',
      { cache: { ...UNTOLD, stepsReused: 0, stepsRun: 3 } },
      { 'cache-hit': 'false', 'cache-steps-reused': '0', 'cache-steps-run': '3' },
    ],
    [
      'nothing to cache (FROM and metadata only): no hit',
      { cache: { ...HIT, stepsReused: 0, stepsRun: 0 } },
      { 'cache-hit': 'false', 'cache-steps-reused': '0', 'cache-steps-run': '0' },
    ],
  ])('%s', (_case, overrides, expected) => {
    expect(outputsOf(report(overrides))).toMatchObject(expected);
  });
});

describe('summaryTables', () => {
  it('lists the facts and phases of a passed run', () => {
    const r = report({
      testExitCode: 0,
      pushed: true,
      digest: DIGEST,
      manifestType: 'application/vnd.oci.image.manifest.v1+json',
      cache: HIT,
    });
    r.phases.push({ name: 'Build', seconds: 12.345, ok: true }, { name: 'Wait until ready', seconds: 0.04, ok: true });
    expect(summaryTables(r)).toEqual({
      facts: [
        ['Result', 'passed'],
        ['Image', 'localhost:5000/app:d24155b'],
        ['Tag', 'd24155b'],
        ['SHA', SHA],
        ['Image id', IMAGE_ID],
        ['Digest', DIGEST],
        ['Pushed', 'true: one image manifest (application/vnd.oci.image.manifest.v1+json)'],
        ['Test exit code', '0'],
        ['Ready after', '—'],
        ['Tests (JUnit)', '—'],
        ['Pruned', '0 (0 bytes reclaimed)'],
        ['Cache', 'hit from localhost:5000/app:latest (2 of 3 steps reused, 1 run)'],
      ],
      phases: [
        ['Build', '12.3 s', 'ok'],
        ['Wait until ready', '0.0 s', 'ok'],
      ],
    });
  });

  it('shows dashes and the image name before anything was built', () => {
    expect(
      summaryTables({
        ...emptyReport(),
        image: 'acme/app',
        failure: 'Input \'deploy\' is "yes"; expected true or false.',
      }),
    ).toEqual({
      facts: [
        ['Result', "failed: Input 'deploy' is &quot;yes&quot;; expected true or false."],
        ['Image', 'acme/app'],
        ['Tag', ''],
        ['SHA', ''],
        ['Image id', ''],
        ['Digest', '—'],
        ['Pushed', 'false'],
        ['Test exit code', '—'],
        ['Ready after', '—'],
        ['Tests (JUnit)', '—'],
        ['Pruned', '0 (0 bytes reclaimed)'],
        ['Cache', '—'],
      ],
      phases: [],
    });
  });

  it.each<[string, Partial<RunReport>, string, string]>([
    ['nothing known', {}, '—', '—'],
    ['ready at once', { readySeconds: 0 }, '0.000 s', '—'],
    ['ready, no reports', { readySeconds: 2.3456 }, '2.346 s', '—'],
    ['reports without JUnit', { readySeconds: 1, reportsDir: 'reports' }, '1.000 s', '—'],
    [
      'JUnit, all passed',
      { readySeconds: 0.25, junit: { passed: 12, failed: 0, skipped: 0, failures: [] } },
      '0.250 s',
      '12 passed, 0 failed, 0 skipped',
    ],
    [
      'JUnit, some failed and skipped',
      { readySeconds: 61.5, junit: { passed: 41, failed: 2, skipped: 3, failures: [] } },
      '61.500 s',
      '41 passed, 2 failed, 3 skipped',
    ],
    [
      'JUnit with no cases',
      { junit: { passed: 0, failed: 0, skipped: 0, failures: [] } },
      '—',
      '0 passed, 0 failed, 0 skipped',
    ],
  ])('rows Ready after and Tests (JUnit): %s', (_case, overrides, ready, junit) => {
    const { facts } = summaryTables(report({ testExitCode: 0, ...overrides }));
    expect(facts.map(([what]) => what)).toEqual([
      'Result',
      'Image',
      'Tag',
      'SHA',
      'Image id',
      'Digest',
      'Pushed',
      'Test exit code',
      'Ready after',
      'Tests (JUnit)',
      'Pruned',
      'Cache',
    ]);
    expect(facts.slice(8, 10)).toEqual([
      ['Ready after', ready],
      ['Tests (JUnit)', junit],
    ]);
  });

  it.each<[string, Partial<RunReport>, string]>([
    ['pushed after the tests', { pushed: true, testExitCode: 0, manifestType: '' }, 'true: '],
    [
      'pushed with no test-command',
      { pushed: true, testExitCode: undefined, manifestType: '' },
      '; no test-command ran: pushed once the container was ready, untested',
    ],
    ['not pushed, no test-command', { pushed: false, testExitCode: undefined }, 'false'],
  ])('row Pushed: %s', (_case, overrides, says) => {
    const pushed = summaryTables(report(overrides)).facts.find(([what]) => what === 'Pushed')?.[1] ?? '';
    expect(pushed).toContain(says);
    expect(pushed.includes('untested')).toBe(overrides.pushed === true && overrides.testExitCode === undefined);
  });

  it.each<[string, CacheOutcome, string]>([
    ['a hit', HIT, 'hit from localhost:5000/app:latest (2 of 3 steps reused, 1 run)'],
    [
      'a miss, its reason escaped',
      MISS,
      'miss: localhost:5000/app:latest unreachable: Get &quot;https://localhost:5000/v2/&quot;: dial tcp 127.0.0.1:5000: connect: connection refused (0 of 3 steps reused, 3 run)',
    ],
    [
      'no cache source',
      { sources: [], stepsReused: 0, stepsRun: 1, exportedTo: [] },
      'miss (0 of 1 step reused, 1 run); no cache source asked for',
    ],
    [
      'a hit from a source that does not say, or the engine',
      UNTOLD,
      "hit from type=gha,scope=app or the engine's own cache (2 of 3 steps reused, 1 run)",
    ],
    [
      'nothing from a source that does not say',
      { ...UNTOLD, stepsReused: 0, stepsRun: 3 },
      'type=gha,scope=app gave nothing (0 of 3 steps reused, 3 run)',
    ],
  ])('row Cache: %s', (_case, cache, expected) => {
    const { facts } = summaryTables(report({ cache }));
    expect(facts.find(([what]) => what === 'Cache')).toEqual(['Cache', expected]);
  });

  const NOTICE = `Input 'image' is "ghcr.io/Acme/App": registries refuse upper-case repository paths, so the image is ghcr.io/acme/app.`;
  const NOTICE_HTML = `Input 'image' is &quot;ghcr.io/Acme/App&quot;: registries refuse upper-case repository paths, so the image is ghcr.io/acme/app.`;

  it.each<[string, Partial<RunReport>, string[][]]>([
    [
      'no notice: no Note row',
      {},
      [
        ['Result', 'passed'],
        ['Image', 'localhost:5000/app:d24155b'],
      ],
    ],
    [
      'a notice: a Note row right after Result, escaped',
      { notices: [NOTICE] },
      [
        ['Result', 'passed'],
        ['Note', NOTICE_HTML],
        ['Image', 'localhost:5000/app:d24155b'],
      ],
    ],
    [
      'two notices: a row each, in order',
      { notices: [NOTICE, 'Input \'also-push\' is "<b>"'] },
      [
        ['Result', 'passed'],
        ['Note', NOTICE_HTML],
        ['Note', "Input 'also-push' is &quot;&lt;b&gt;&quot;"],
        ['Image', 'localhost:5000/app:d24155b'],
      ],
    ],
    [
      'a failed run keeps its notes',
      { notices: [NOTICE], failure: 'boom' },
      [
        ['Result', 'failed: boom'],
        ['Note', NOTICE_HTML],
        ['Image', 'localhost:5000/app:d24155b'],
      ],
    ],
  ])('rows Note: %s', (_case, overrides, leading) => {
    const { facts } = summaryTables(report(overrides));
    expect(facts.slice(0, leading.length)).toEqual(leading);
    expect(facts.filter(([what]) => what === 'Note')).toHaveLength(overrides.notices?.length ?? 0);
    expect(facts.map(([what]) => what).filter((what) => what !== 'Note')).toEqual([
      'Result',
      'Image',
      'Tag',
      'SHA',
      'Image id',
      'Digest',
      'Pushed',
      'Test exit code',
      'Ready after',
      'Tests (JUnit)',
      'Pruned',
      'Cache',
    ]);
  });

  it('escapes HTML in the failure and phase names', () => {
    const r = report({ failure: '<script>alert("x")</script> & more' });
    r.phases.push({ name: 'Test <b>', seconds: 1.25, ok: false });
    const tables = summaryTables(r);
    expect(tables.facts[0]).toEqual(['Result', 'failed: &lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; more']);
    expect(tables.phases).toEqual([['Test &lt;b&gt;', '1.3 s', 'failed']]);
    expect(JSON.stringify(tables)).not.toContain('<script>');
  });
});

describe('escapeHtml', () => {
  it.each([
    ['plain text', 'plain text'],
    ['<script>', '&lt;script&gt;'],
    ['a & b', 'a &amp; b'],
    ['"quoted"', '&quot;quoted&quot;'],
    ['&lt;', '&amp;lt;'],
    ["it's", "it's"],
    ['', ''],
  ])('%j → %j', (text, expected) => {
    expect(escapeHtml(text)).toBe(expected);
  });
});
