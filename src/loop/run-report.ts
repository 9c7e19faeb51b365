import { envLines, type ServiceRecord } from '../shared/service-env.js';
import { escapeHtml } from '../shared/vocabulary.js';
import { describeCache, type CacheOutcome } from './cache.js';
import type { JUnitCounts } from './junit.js';
import { isIndexMediaType } from '../registry/manifest.js';

/** What the run found out, phase by phase: the source of the outputs and the job summary. */
export interface RunReport {
  image: string;
  /** What the record's variables start with (env-prefix). */
  envPrefix: string;
  sha: string;
  tag: string;
  imageRef: string;
  latestRef: string;
  imageId: string;
  digest: string;
  /** Repository → digest, for the image and every also-push mirror. */
  digests: Record<string, string>;
  /** The media type the registry serves for the pushed tags: an image manifest, or an index the engine made. */
  manifestType: string;
  pushed: boolean;
  testExitCode: number | undefined;
  pruned: number;
  reclaimedBytes: number;
  readySeconds: number | undefined;
  /** When the image's own health check cadence would have found it healthy; undefined: it was not sped up. */
  imageCadenceSeconds: number | undefined;
  reportsDir: string;
  junit: JUnitCounts | undefined;
  /** What the inputs were taken as, other than written (an image path lower-cased). */
  readonly notices: string[];
  /** What the build's cache did; undefined until the build ran. */
  cache: CacheOutcome | undefined;
  readonly phases: PhaseTiming[];
  failure: string | undefined;
}

export interface PhaseTiming {
  readonly name: string;
  readonly seconds: number;
  readonly ok: boolean;
}

export function emptyReport(): RunReport {
  return {
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
    imageCadenceSeconds: undefined,
    reportsDir: '',
    junit: undefined,
    notices: [],
    cache: undefined,
    phases: [],
    failure: undefined,
  };
}

/** The run's record for the env output and env-file: the digest only of a push. */
export function serviceRecord(report: RunReport): ServiceRecord {
  return {
    prefix: report.envPrefix,
    image: report.image,
    sha: report.sha,
    tag: report.tag,
    digest: report.pushed ? report.digest : '',
  };
}

export function outputsOf(report: RunReport): Record<string, string> {
  return {
    sha: report.sha,
    tag: report.tag,
    image: report.image,
    'image-ref': report.imageRef,
    'latest-ref': report.latestRef,
    'image-id': report.imageId,
    digest: report.digest,
    digests: JSON.stringify(report.digests),
    'manifest-type': report.manifestType,
    pushed: String(report.pushed),
    'test-exit-code': report.testExitCode === undefined ? '' : String(report.testExitCode),
    'ready-seconds': report.readySeconds === undefined ? '' : report.readySeconds.toFixed(3),
    'reports-dir': report.reportsDir,
    'tests-passed': report.junit === undefined ? '' : String(report.junit.passed),
    'tests-failed': report.junit === undefined ? '' : String(report.junit.failed),
    'tests-skipped': report.junit === undefined ? '' : String(report.junit.skipped),
    pruned: String(report.pruned),
    'reclaimed-bytes': String(report.reclaimedBytes),
    'cache-hit': report.cache === undefined ? '' : String(report.cache.stepsReused > 0),
    'cache-steps-reused': report.cache === undefined ? '' : String(report.cache.stepsReused),
    'cache-steps-run': report.cache === undefined ? '' : String(report.cache.stepsRun),
    // Only a run that passed is a record to deploy from.
    env: report.failure === undefined && report.sha !== '' ? envLines(serviceRecord(report)).join('\n') : '',
  };
}

/** How the summary and the push's log name what the registry serves for the pushed tags. */
export function describeManifest(mediaType: string): string {
  if (mediaType === '') return 'not read back';
  return `${isIndexMediaType(mediaType) ? 'an index' : 'one image manifest'} (${mediaType})`;
}

export function summaryTables(report: RunReport): { facts: string[][]; phases: string[][] } {
  const facts = [
    ['Result', report.failure === undefined ? 'passed' : `failed: ${report.failure}`],
    ...report.notices.map((notice) => ['Note', notice]),
    ['Image', report.imageRef || report.image],
    ['Tag', report.tag],
    ['SHA', report.sha],
    ['Image id', report.imageId],
    ['Digest', report.digest || '—'],
    ...Object.entries(report.digests)
      .filter(([repository]) => repository !== report.image)
      .map(([repository, digest]) => [`Mirror ${repository}`, digest]),
    [
      'Pushed',
      report.pushed
        ? `true: ${describeManifest(report.manifestType)}${report.testExitCode === undefined ? '; no test-command ran: pushed once the container was ready, untested' : ''}`
        : 'false',
    ],
    ['Test exit code', report.testExitCode === undefined ? '—' : String(report.testExitCode)],
    [
      'Ready after',
      report.readySeconds === undefined
        ? '—'
        : `${report.readySeconds.toFixed(3)} s${report.imageCadenceSeconds === undefined ? '' : ` (the image's own health check cadence: ${report.imageCadenceSeconds} s)`}`,
    ],
    [
      'Tests (JUnit)',
      report.junit === undefined
        ? '—'
        : `${report.junit.passed} passed, ${report.junit.failed} failed, ${report.junit.skipped} skipped`,
    ],
    ['Pruned', `${report.pruned} (${report.reclaimedBytes} bytes reclaimed)`],
    ['Cache', report.cache === undefined ? '—' : describeCache(report.cache).replace(/^cache: /, '')],
  ];
  const phases = report.phases.map((p) => [p.name, `${p.seconds.toFixed(1)} s`, p.ok ? 'ok' : 'failed']);
  return { facts: facts.map((row) => row.map(escapeHtml)), phases: phases.map((row) => row.map(escapeHtml)) };
}
