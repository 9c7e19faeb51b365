import { describe, expect, it } from 'vitest';
import {
  brokenByCacheRestore,
  cacheExportRefused,
  namedContextsMissingMessage,
  ociLabels,
  stampProblems,
  imageRecordRace,
} from '../../../src/loop/build.js';
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

describe('cacheExportRefused', () => {
  it.each<[string, string, boolean]>([
    [
      'buildx 0.13 on the docker driver',
      'ERROR: Cache export is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.\nLearn more at https://docs.docker.com/go/build-cache-backends/',
      true,
    ],
    [
      'older buildx',
      'ERROR: cache export feature is currently not supported for docker driver. Please switch to a different driver (eg. "docker buildx create --use")',
      true,
    ],
    [
      'after the progress, in the rawjson stream',
      '{\n  "vertexes": [\n    {\n      "digest": "sha256:1",\n      "name": "[internal] load local bake definitions"\n    }\n  ]\n}\nERROR: Cache export is not supported for the docker driver.\n',
      true,
    ],
    [
      'an export that was tried and failed (a push refused): not a refusal of the driver',
      'ERROR: failed to solve: failed to push ghcr.io/acme/app:buildcache: unexpected status from HEAD request: 403 Forbidden',
      false,
    ],
    [
      'a cache import that failed',
      'failed to configure registry cache importer: 127.0.0.1:5111/exp/app:latest: not found',
      false,
    ],
    [
      'another feature the driver lacks',
      'ERROR: Multi-platform build is not supported for the docker driver.\nSwitch to a different driver, or turn on the containerd image store, and try again.',
      false,
    ],
    [
      'the build failed',
      'ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2',
      false,
    ],
    ['no output', '', false],
  ])('%s', (_case, output, refused) => {
    expect(cacheExportRefused(output)).toBe(refused);
  });
});

describe('namedContextsMissingMessage', () => {
  it.each<[string, string, boolean]>([
    [
      'buildx 0.13 on Docker Engine 20.10 (its docker driver), as the rawjson progress ends',
      '#5 [stamp internal] load build definition from Dockerfile\n#5 DONE 0.0s\nERROR: failed to solve: rpc error: code = Unknown desc = failed to solve with frontend dockerfile.v0: unsupported frontend capability moby.buildkit.frontend.contexts',
      true,
    ],
    [
      'another capability the frontend lacks: not this one',
      'ERROR: failed to solve: failed to solve with frontend dockerfile.v0: unsupported frontend capability moby.buildkit.frontend.subrequests',
      false,
    ],
    [
      'a user Dockerfile step that prints the words',
      '#7 [build 2/2] RUN echo "unsupported frontend capability moby.buildkit.frontend contexts"',
      false,
    ],
    [
      'a failed RUN step',
      'ERROR: failed to solve: process "/bin/sh -c false" did not complete successfully: exit code: 1',
      false,
    ],
    ['no output', '', false],
  ])('%s', (_case, output, missing) => {
    const message = namedContextsMissingMessage(output);
    expect(message !== undefined).toBe(missing);
    if (missing) {
      expect(message).toContain('lacks named contexts (BuildKit 0.10 or later)');
      expect(message).toContain('nothing was tagged');
      expect(message).toContain('docker buildx create --use');
      expect(message).toContain('remove buildx to build with the classic builder');
    }
  });
});

describe('brokenByCacheRestore', () => {
  it.each<[string, string[], boolean]>([
    [
      'a CMD step restored with the probe config (Docker 20.10)',
      ['/bin/sh', '-c', '#(nop) ', 'CMD ["sleep" "3600"]'],
      true,
    ],
    ['a LABEL step restored so', ['/bin/sh', '-c', '#(nop) ', 'LABEL a=b'], true],
    ['the exec form', ['sleep', '3600'], false],
    ['the shell form', ['/bin/sh', '-c', 'httpd -f -p 8080'], false],
    ['a shell command that starts with a comment of its own', ['/bin/sh', '-c', '# start\nhttpd'], false],
    ['no CMD', [], false],
  ])('%s', (_case, cmd, broken) => {
    expect(brokenByCacheRestore(cmd)).toBe(broken);
  });
});

describe('imageRecordRace', () => {
  it.each<[string, string, string | undefined]>([
    [
      'two builds of one content at once: the untagged record (containerd store)',
      '#11 ERROR: image "moby-dangling@sha256:7046652a57a15cb6d0166c956b4821612e9f0d0bd080c4be7364c11a3a66d394": already exists\nERROR: failed to solve: image "moby-dangling@sha256:7046652a57a15cb6d0166c956b4821612e9f0d0bd080c4be7364c11a3a66d394": already exists',
      'moby-dangling@sha256:7046652a57a15cb6d0166c956b4821612e9f0d0bd080c4be7364c11a3a66d394',
    ],
    [
      'two builds of one repository at once: the tag both write (seen in CI)',
      '#10 ERROR: image "docker.io/btd-e2e-kr9ujf/parallel:latest": already exists | ERROR: failed to solve: image "docker.io/btd-e2e-kr9ujf/parallel:latest": already exists',
      'docker.io/btd-e2e-kr9ujf/parallel:latest',
    ],
    [
      'another failure',
      'ERROR: failed to solve: process "/bin/sh -c make" did not complete successfully: exit code: 2',
      undefined,
    ],
    ['a file that already exists is no image record', 'ERROR: mkdir /out: file already exists', undefined],
    ['no output', '', undefined],
  ])('%s', (_case, output, name) => {
    expect(imageRecordRace(output)).toBe(name);
  });
});
