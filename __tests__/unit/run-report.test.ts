import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { emptyReport, escapeHtml, outputsOf, summaryTables, type RunReport } from '../../src/run-report.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const action = parse(readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { outputs: Record<string, unknown> };

const SHA = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
const IMAGE_ID = `sha256:${'c'.repeat(64)}`;
const DIGEST = `sha256:${'d'.repeat(64)}`;

function report(overrides: Partial<RunReport> = {}): RunReport {
  return {
    ...emptyReport(),
    image: 'localhost:5000/app',
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
      image: '', sha: '', tag: '', imageRef: '', latestRef: '', imageId: '', digest: '', pushed: false, testExitCode: undefined, pruned: 0, reclaimedBytes: 0, phases: [], failure: undefined,
    });
  });

  it('gives a fresh phases list each time', () => {
    const first = emptyReport();
    first.phases.push({ name: 'Build', seconds: 1, ok: true });
    expect(emptyReport().phases).toEqual([]);
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
      { sha: '', tag: '', image: '', 'image-ref': '', 'latest-ref': '', 'image-id': '', digest: '', pushed: 'false', 'test-exit-code': '', pruned: '0', 'reclaimed-bytes': '0' },
    ],
    [
      'tested, not pushed',
      report({ testExitCode: 0 }),
      {
        sha: SHA, tag: 'd24155b', image: 'localhost:5000/app', 'image-ref': 'localhost:5000/app:d24155b', 'latest-ref': 'localhost:5000/app:latest',
        'image-id': IMAGE_ID, digest: '', pushed: 'false', 'test-exit-code': '0', pruned: '0', 'reclaimed-bytes': '0',
      },
    ],
    [
      'tests failed',
      report({ testExitCode: 3, failure: 'tests failed' }),
      {
        sha: SHA, tag: 'd24155b', image: 'localhost:5000/app', 'image-ref': 'localhost:5000/app:d24155b', 'latest-ref': 'localhost:5000/app:latest',
        'image-id': IMAGE_ID, digest: '', pushed: 'false', 'test-exit-code': '3', pruned: '0', 'reclaimed-bytes': '0',
      },
    ],
    [
      'pushed',
      report({ testExitCode: 0, pushed: true, digest: DIGEST, pruned: 2, reclaimedBytes: 524288 }),
      {
        sha: SHA, tag: 'd24155b', image: 'localhost:5000/app', 'image-ref': 'localhost:5000/app:d24155b', 'latest-ref': 'localhost:5000/app:latest',
        'image-id': IMAGE_ID, digest: DIGEST, pushed: 'true', 'test-exit-code': '0', pruned: '2', 'reclaimed-bytes': '524288',
      },
    ],
  ])('%s', (_case, r, expected) => {
    expect(outputsOf(r)).toEqual(expected);
  });
});

describe('summaryTables', () => {
  it('lists the facts and phases of a passed run', () => {
    const r = report({ testExitCode: 0, pushed: true, digest: DIGEST });
    r.phases.push({ name: 'Build', seconds: 12.345, ok: true }, { name: 'Wait until ready', seconds: 0.04, ok: true });
    expect(summaryTables(r)).toEqual({
      facts: [
        ['Result', 'passed'],
        ['Image', 'localhost:5000/app:d24155b'],
        ['Tag', 'd24155b'],
        ['SHA', SHA],
        ['Image id', IMAGE_ID],
        ['Digest', DIGEST],
        ['Pushed', 'true'],
        ['Test exit code', '0'],
        ['Pruned', '0 (0 bytes reclaimed)'],
      ],
      phases: [
        ['Build', '12.3 s', 'ok'],
        ['Wait until ready', '0.0 s', 'ok'],
      ],
    });
  });

  it('shows dashes and the image name before anything was built', () => {
    expect(summaryTables({ ...emptyReport(), image: 'acme/app', failure: "Input 'deploy' is \"yes\"; expected true or false." })).toEqual({
      facts: [
        ['Result', 'failed: Input \'deploy\' is &quot;yes&quot;; expected true or false.'],
        ['Image', 'acme/app'],
        ['Tag', ''],
        ['SHA', ''],
        ['Image id', ''],
        ['Digest', '—'],
        ['Pushed', 'false'],
        ['Test exit code', '—'],
        ['Pruned', '0 (0 bytes reclaimed)'],
      ],
      phases: [],
    });
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
