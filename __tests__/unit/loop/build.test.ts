import { describe, expect, it } from 'vitest';
import { ociLabels, lostTemporaryImage, stampProblems } from '../../../src/loop/build.js';
import { REVISION_LABEL, type KeyValue } from '../../../src/shared/vocabulary.js';

const SHA = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
const OLD = '0000000000000000000000000000000000000000';
const PATH = 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

describe('REVISION_LABEL', () => {
  it('is the OCI revision annotation', () => {
    expect(REVISION_LABEL).toBe('org.opencontainers.image.revision');
  });
});

describe('stampProblems', () => {
  it.each<[string, string[], Record<string, string>, string, string[]]>([
    ['ok', [PATH, `SHA=${SHA}`], { [REVISION_LABEL]: SHA, other: 'x' }, 'SHA', []],
    ['ok with another env name', [`GIT_SHA=${SHA}`], { [REVISION_LABEL]: SHA }, 'GIT_SHA', []],
    ['env missing', [PATH], { [REVISION_LABEL]: SHA }, 'SHA', [`env SHA is missing, expected ${SHA}`]],
    [
      'only a prefix-sharing env',
      [PATH, `SHA_OLD=${SHA}`, `XSHA=${SHA}`],
      { [REVISION_LABEL]: SHA },
      'SHA',
      [`env SHA is missing, expected ${SHA}`],
    ],
    ['env wrong', [PATH, `SHA=${OLD}`], { [REVISION_LABEL]: SHA }, 'SHA', [`env SHA is "${OLD}", expected ${SHA}`]],
    ['env empty', ['SHA='], { [REVISION_LABEL]: SHA }, 'SHA', [`env SHA is "", expected ${SHA}`]],
    ['last occurrence wins (right one last)', [`SHA=${OLD}`, PATH, `SHA=${SHA}`], { [REVISION_LABEL]: SHA }, 'SHA', []],
    [
      'last occurrence wins (wrong one last)',
      [`SHA=${SHA}`, PATH, `SHA=${OLD}`],
      { [REVISION_LABEL]: SHA },
      'SHA',
      [`env SHA is "${OLD}", expected ${SHA}`],
    ],
    ['label missing', [`SHA=${SHA}`], {}, 'SHA', [`label ${REVISION_LABEL} is missing, expected ${SHA}`]],
    [
      'label wrong',
      [`SHA=${SHA}`],
      { [REVISION_LABEL]: OLD },
      'SHA',
      [`label ${REVISION_LABEL} is "${OLD}", expected ${SHA}`],
    ],
    [
      'both wrong',
      [],
      { 'org.opencontainers.image.source': 'https://github.com/acme/app' },
      'SHA',
      [`env SHA is missing, expected ${SHA}`, `label ${REVISION_LABEL} is missing, expected ${SHA}`],
    ],
  ])('%s', (_case, env, labels, shaEnv, expected) => {
    expect(stampProblems(env, labels, shaEnv, SHA)).toEqual(expected);
  });
});

describe('ociLabels', () => {
  const created = '2024-05-01T10:00:00.000Z';

  it.each<[string, string | undefined, KeyValue[], KeyValue[]]>([
    [
      'with source, no extra',
      'https://github.com/acme/app',
      [],
      [
        { key: 'org.opencontainers.image.revision', value: SHA },
        { key: 'org.opencontainers.image.created', value: created },
        { key: 'org.opencontainers.image.source', value: 'https://github.com/acme/app' },
      ],
    ],
    [
      'without source, no extra',
      undefined,
      [],
      [
        { key: 'org.opencontainers.image.revision', value: SHA },
        { key: 'org.opencontainers.image.created', value: created },
      ],
    ],
    [
      'extra labels come last, in order',
      'https://github.com/acme/app',
      [
        { key: 'team', value: 'web' },
        { key: 'org.opencontainers.image.title', value: 'app' },
      ],
      [
        { key: 'org.opencontainers.image.revision', value: SHA },
        { key: 'org.opencontainers.image.created', value: created },
        { key: 'org.opencontainers.image.source', value: 'https://github.com/acme/app' },
        { key: 'team', value: 'web' },
        { key: 'org.opencontainers.image.title', value: 'app' },
      ],
    ],
    [
      'extra labels without source',
      undefined,
      [{ key: 'team', value: 'web' }],
      [
        { key: 'org.opencontainers.image.revision', value: SHA },
        { key: 'org.opencontainers.image.created', value: created },
        { key: 'team', value: 'web' },
      ],
    ],
  ])('%s', (_case, sourceUrl, extra, expected) => {
    expect(ociLabels({ sha: SHA, created, sourceUrl }, extra)).toEqual(expected);
  });
});

describe('lostTemporaryImage', () => {
  it.each<[string, string, boolean]>([
    [
      'the content went under the stamp (containerd store)',
      'ERROR: failed to solve: failed to load cache key: failed to do request: Head "https://registry-1.docker.io/v2/library/build-test-deploy-tmp/manifests/sha256:4c8d": dial tcp: no such host',
      true,
    ],
    [
      'the name itself went',
      'ERROR: failed to solve: build-test-deploy-tmp:build-test-deploy-ogjstj: failed to resolve source metadata for docker.io/library/build-test-deploy-tmp:build-test-deploy-ogjstj',
      true,
    ],
    [
      "not BuildKit's error line",
      'failed to load cache key: Head "https://registry-1.docker.io/v2/build-test-deploy-tmp/manifests/sha256:4c8d"',
      false,
    ],
    [
      'a repository whose name only starts like the temporary one',
      'ERROR: failed to solve: failed to load cache key: Head "https://registry-1.docker.io/v2/library/build-test-deploy-tmp-other/manifests/sha256:4c8d"',
      false,
    ],
    ['the stamp failed otherwise', 'ERROR: failed to solve: no space left on device', false],
    [
      'progress names the temporary image, the error is another',
      '#2 [internal] load metadata for docker.io/library/build-test-deploy-tmp:build-test-deploy-ogjstj\n#2 DONE 0.0s\nERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2\nnot found',
      false,
    ],
  ])('%s', (_case, output, lost) => {
    expect(lostTemporaryImage(output)).toBe(lost);
  });
});
