import { describe, expect, it } from 'vitest';
import {
  parseHealthcheck,
  mergeLogStreams,
  digestsFor,
  parseContainerState,
  parseImageDetails,
  parseImageSummaries,
  parseContainerImages,
  parseImageHistory,
  parseImageStore,
  parseEngineInfo,
  type EngineInfo,
  parseListedTags,
  parseRemovalOutput,
  parseApiContainer,
  parseApiImage,
  parseApiRemoval,
  parseJsonLines,
  parseBakeMetadata,
  legacyFailedStep,
  parseLegacySteps,
  parseReadinessEvent,
  pushedDigest,
  type ContainerState,
  type ImageStore,
  type ImageSummary,
  type LegacyStep,
  type ReadinessEvent,
} from '../../../src/docker/output.js';

const ID_A = `sha256:${'a'.repeat(64)}`;
const ID_B = `sha256:${'b'.repeat(64)}`;
const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const OTHER_DIGEST = `sha256:${'fedcba9876543210'.repeat(4)}`;
const LAYER_1 = `sha256:${'1'.repeat(64)}`;
const LAYER_2 = `sha256:${'2'.repeat(64)}`;
const CONTAINER_ID = '4f2c9a1e7d3b5f60812a4c6e8b0d2f4a6c8e0b2d4f6a8c0e2b4d6f8a0c2e4b6d';

describe('parseJsonLines', () => {
  it.each<[string, unknown[]]>([
    ['', []],
    ['\n\n', []],
    ['"sha256:aa"\n"sha256:bb"\n', ['sha256:aa', 'sha256:bb']],
    ['{"a":1}\r\n  \n{"b":2}', [{ a: 1 }, { b: 2 }]],
  ])('%j → %j', (stdout, expected) => {
    expect(parseJsonLines(stdout)).toEqual(expected);
  });

  it('throws on a line that is not JSON', () => {
    expect(() => parseJsonLines('{"a":1}\nnot json\n')).toThrow(SyntaxError);
  });
});

describe('parseImageSummaries', () => {
  // One line of IMAGE_SUMMARY_FORMAT as docker 20.10 prints it (a field set to undefined is left out).
  const line = (fields: Record<string, unknown>): string =>
    JSON.stringify({
      Id: ID_A,
      Parent: '',
      RepoTags: [],
      Created: '2026-11-28T15:55:51.557591283Z',
      Size: 1982256,
      LastTagTime: '0001-01-01T00:00:00Z',
      Labels: null,
      Layers: [LAYER_1],
      ...fields,
    });

  it.each<[string, string, ImageSummary[]]>([
    [
      'a tagged image built here',
      line({
        Parent: ID_B,
        RepoTags: ['acme/app:latest', 'acme/app:d24155b'],
        Labels: { 'build-test-deploy.repository': 'acme/app' },
        LastTagTime: '2026-11-28T16:11:52.959760765Z',
      }),
      [
        {
          id: ID_A,
          parent: ID_B,
          repoTags: ['acme/app:latest', 'acme/app:d24155b'],
          created: '2026-11-28T15:55:51.557591283Z',
          size: 1982256,
          lastTagTime: '2026-11-28T16:11:52.959760765Z',
          labels: { 'build-test-deploy.repository': 'acme/app' },
          layers: [LAYER_1],
        },
      ],
    ],
    [
      'an untagged, imported image without labels',
      line({ RepoTags: null, Labels: null }),
      [
        {
          id: ID_A,
          parent: '',
          repoTags: [],
          created: '2026-11-28T15:55:51.557591283Z',
          size: 1982256,
          lastTagTime: '0001-01-01T00:00:00Z',
          labels: {},
          layers: [LAYER_1],
        },
      ],
    ],
    [
      'a BuildKit image: no parent, its layers bottom first',
      line({ RepoTags: ['acme/app:d24155b'], Layers: [LAYER_1, LAYER_2, LAYER_1] }),
      [
        {
          id: ID_A,
          parent: '',
          repoTags: ['acme/app:d24155b'],
          created: '2026-11-28T15:55:51.557591283Z',
          size: 1982256,
          lastTagTime: '0001-01-01T00:00:00Z',
          labels: {},
          layers: [LAYER_1, LAYER_2, LAYER_1],
        },
      ],
    ],
    [
      'Layers null (an image without layers)',
      line({ Layers: null }),
      [
        {
          id: ID_A,
          parent: '',
          repoTags: [],
          created: '2026-11-28T15:55:51.557591283Z',
          size: 1982256,
          lastTagTime: '0001-01-01T00:00:00Z',
          labels: {},
          layers: [],
        },
      ],
    ],
    [
      'no Layers field',
      line({ Layers: undefined }),
      [
        {
          id: ID_A,
          parent: '',
          repoTags: [],
          created: '2026-11-28T15:55:51.557591283Z',
          size: 1982256,
          lastTagTime: '0001-01-01T00:00:00Z',
          labels: {},
          layers: [],
        },
      ],
    ],
    ['nothing', '', []],
    ['blank lines', '\n  \n', []],
  ])('%s', (_case, stdout, expected) => {
    expect(parseImageSummaries(stdout)).toEqual(expected);
  });

  it('reads several lines in order', () => {
    expect(parseImageSummaries(`${line({ Id: ID_A })}\n${line({ Id: ID_B })}\n`).map((image) => image.id)).toEqual([
      ID_A,
      ID_B,
    ]);
  });

  it.each(['[]', 'null', '"acme/app"'])('throws on a line that is no object: %s', (text) => {
    expect(() => parseImageSummaries(text)).toThrow(`unexpected docker output for docker image inspect: ${text}`);
  });
});

describe('parseApiImage: GET /images/{id}/json, whole', () => {
  const body = (fields: Record<string, unknown>): string =>
    JSON.stringify({
      Id: ID_A,
      RepoTags: ['acme/app:d24155b'],
      RepoDigests: [],
      Parent: '',
      Created: '2026-11-28T15:55:51.557591283Z',
      Size: 1982256,
      Config: { Env: ['PATH=/bin'], Labels: { 'build-test-deploy.repository': 'acme/app' } },
      RootFS: { Type: 'layers', Layers: [LAYER_1, LAYER_2] },
      Metadata: { LastTagTime: '2026-11-28T16:11:52.959760765Z' },
      ...fields,
    });
  const expected: ImageSummary = {
    id: ID_A,
    parent: '',
    repoTags: ['acme/app:d24155b'],
    created: '2026-11-28T15:55:51.557591283Z',
    size: 1982256,
    lastTagTime: '2026-11-28T16:11:52.959760765Z',
    labels: { 'build-test-deploy.repository': 'acme/app' },
    layers: [LAYER_1, LAYER_2],
  };

  it.each<[string, string, ImageSummary]>([
    ['an image built here', body({}), expected],
    ['a classic build: its parent', body({ Parent: ID_B }), { ...expected, parent: ID_B }],
    [
      'an import: no labels, no tag time',
      body({ Config: { Labels: null }, Metadata: {}, RepoTags: null }),
      { ...expected, labels: {}, lastTagTime: '', repoTags: [] },
    ],
    ['no Config at all', body({ Config: null }), { ...expected, labels: {} }],
    ['no layers', body({ RootFS: { Type: 'layers' } }), { ...expected, layers: [] }],
  ])('%s', (_case, text, summary) => {
    expect(parseApiImage(text)).toEqual(summary);
  });

  it('reads the same image as the CLI inspect does', () => {
    const cli = JSON.stringify({
      Id: ID_A,
      Parent: '',
      RepoTags: ['acme/app:d24155b'],
      Created: '2026-11-28T15:55:51.557591283Z',
      Size: 1982256,
      LastTagTime: '2026-11-28T16:11:52.959760765Z',
      Labels: { 'build-test-deploy.repository': 'acme/app' },
      Layers: [LAYER_1, LAYER_2],
    });
    expect(parseApiImage(body({}))).toEqual(parseImageSummaries(cli)[0]);
  });

  it.each(['[]', 'null'])('throws on an answer that is no object: %s', (text) => {
    expect(() => parseApiImage(text)).toThrow('unexpected docker output for GET /images/{id}/json');
  });
});

describe('parseApiContainer', () => {
  it('reads name (without the leading slash) and image id', () => {
    expect(parseApiContainer(JSON.stringify({ Id: 'c1', Name: '/web-1', Image: ID_A, State: {} }))).toEqual({
      name: 'web-1',
      imageId: ID_A,
    });
  });
});

describe('parseApiRemoval: DELETE /images/{name}', () => {
  it.each<[string, unknown, { untagged: string[]; deleted: string[] }]>([
    ['nothing', [], { untagged: [], deleted: [] }],
    ['an untag only', [{ Untagged: 'acme/app:aaaaaaa' }], { untagged: ['acme/app:aaaaaaa'], deleted: [] }],
    [
      'a tag with its image and its layer',
      [{ Untagged: 'acme/app:aaaaaaa' }, { Deleted: ID_A }, { Deleted: LAYER_1 }],
      { untagged: ['acme/app:aaaaaaa'], deleted: [ID_A, LAYER_1] },
    ],
    [
      'entries of neither kind are skipped',
      [{ Other: 'x' }, null, { Deleted: ID_B }],
      { untagged: [], deleted: [ID_B] },
    ],
  ])('%s', (_case, items, expected) => {
    expect(parseApiRemoval(JSON.stringify(items))).toEqual(expected);
  });

  it('throws on an answer that is no list', () => {
    expect(() => parseApiRemoval('{"message":"x"}')).toThrow('unexpected docker output for DELETE /images/{name}');
  });
});

describe('parseContainerImages', () => {
  it('reads name (without the leading slash) and image id of each container', () => {
    const stdout = `{"Name":"/web-1","Image":"${ID_A}"}\n{"Name":"/db","Image":"${ID_B}"}\n`;
    expect(parseContainerImages(stdout)).toEqual([
      { name: 'web-1', imageId: ID_A },
      { name: 'db', imageId: ID_B },
    ]);
  });

  it('gives nothing for no containers', () => {
    expect(parseContainerImages('')).toEqual([]);
  });
});

describe('parseListedTags', () => {
  it('reads each tag with its full image id (docker 20.10, --no-trunc)', () => {
    const stdout = [
      `{"Containers":"N/A","CreatedAt":"2026-11-28 19:02:20 +0000 UTC","CreatedSince":"2 minutes ago","Digest":"\\u003cnone\\u003e","ID":"${ID_A}","Repository":"acme/app","SharedSize":"N/A","Size":"33B","Tag":"aaaaaaa","UniqueSize":"N/A","VirtualSize":"33B"}`,
      `{"ID":"${ID_B}","Repository":"acme/app","Tag":"latest"}`,
      '',
    ].join('\n');
    expect(parseListedTags(stdout)).toEqual([
      { id: ID_A, tag: 'aaaaaaa' },
      { id: ID_B, tag: 'latest' },
    ]);
  });

  it('gives nothing for a repository without tags', () => {
    expect(parseListedTags('')).toEqual([]);
  });
});

describe('parseImageHistory', () => {
  it('reads ids and exact sizes, newest first, keeping <missing> steps (pulled layers)', () => {
    const stdout = [
      `{"Comment":"","CreatedAt":"2026-11-28T15:55:52Z","CreatedBy":"/bin/busybox --install -s /bin","CreatedSince":"2026-11-28T15:55:52Z","ID":"${ID_A}","Size":"3216"}`,
      '{"Comment":"","CreatedAt":"2026-11-28T15:55:51Z","CreatedBy":"/bin/sh -c #(nop) ENV A=b","CreatedSince":"2026-11-28T15:55:51Z","ID":"<missing>","Size":"0"}',
      `{"ID":"${ID_B}","Size":"1982256"}`,
    ].join('\n');
    expect(parseImageHistory(stdout)).toEqual([
      { id: ID_A, size: 3216, createdBy: '/bin/busybox --install -s /bin' },
      { id: '<missing>', size: 0, createdBy: '/bin/sh -c #(nop) ENV A=b' },
      { id: ID_B, size: 1982256, createdBy: '' },
    ]);
  });

  it('counts a size it cannot read as 0, not NaN', () => {
    expect(parseImageHistory(`{"ID":"${ID_A}","Size":"3.2kB"}`)).toEqual([{ id: ID_A, size: 0, createdBy: '' }]);
  });

  it.each<[string, string, string]>([
    [
      'a BuildKit step, as written',
      '{"CreatedBy":"RUN /bin/sh -c echo > /y # buildkit","ID":"<missing>","Size":"1"}',
      'RUN /bin/sh -c echo > /y # buildkit',
    ],
    ['a BuildKit metadata step', '{"CreatedBy":"LABEL x=2","ID":"<missing>","Size":"0"}', 'LABEL x=2'],
    [
      'a classic step, spaces kept',
      JSON.stringify({ CreatedBy: '/bin/sh -c #(nop)  CMD ["sh"]', ID: '<missing>', Size: '0' }),
      '/bin/sh -c #(nop)  CMD ["sh"]',
    ],
    ['CreatedBy missing', '{"ID":"<missing>","Size":"0"}', ''],
    ['CreatedBy null', '{"CreatedBy":null,"ID":"<missing>","Size":"0"}', ''],
  ])('reads the instruction of %s', (_case, stdout, createdBy) => {
    expect(parseImageHistory(stdout).map((step) => step.createdBy)).toEqual([createdBy]);
  });
});

describe('parseEngineInfo', () => {
  // Lines of engineInfoArgs, as Docker 28's CLI prints them (plugins trimmed to what is read).
  const overlay = '"driver":"overlay2","status":[["Backing Filesystem","extfs"]]';
  const buildx = (fields: string): string =>
    `{"SchemaVersion":"0.1.0","Name":"buildx",${fields},"Path":"/x/docker-buildx"}`;
  it.each<[string, string, EngineInfo]>([
    [
      "Docker 26.1 with Debian's buildx and compose",
      `{"server":"26.1.5+dfsg1",${overlay},"plugins":[${buildx('"Version":"0.13.1+ds1"')},{"Name":"compose","Version":"2.26.1-4"}]}`,
      { version: '26.1.5+dfsg1', imageStore: { kind: 'graphdriver', driver: 'overlay2' }, buildxVersion: '0.13.1+ds1' },
    ],
    [
      'the containerd image store, upstream buildx',
      `{"server":"28.2.2","driver":"overlayfs","status":[["driver-type","io.containerd.snapshotter.v1"]],"plugins":[${buildx('"Version":"v0.24.0"')}]}`,
      { version: '28.2.2', imageStore: { kind: 'containerd' }, buildxVersion: 'v0.24.0' },
    ],
    [
      'no plugins: the classic builder',
      `{"server":"20.10.24+dfsg1",${overlay},"plugins":[]}`,
      { version: '20.10.24+dfsg1', imageStore: { kind: 'graphdriver', driver: 'overlay2' }, buildxVersion: undefined },
    ],
    [
      'plugins null',
      `{"server":"20.10.24",${overlay},"plugins":null}`,
      { version: '20.10.24', imageStore: { kind: 'graphdriver', driver: 'overlay2' }, buildxVersion: undefined },
    ],
    [
      'only compose',
      `{"server":"26.1.5",${overlay},"plugins":[{"Name":"compose","Version":"2.26.1"}]}`,
      { version: '26.1.5', imageStore: { kind: 'graphdriver', driver: 'overlay2' }, buildxVersion: undefined },
    ],
    [
      'a buildx the CLI could not run is no buildx',
      `{"server":"26.1.5",${overlay},"plugins":[${buildx('"Err":"failed to fetch metadata: fork/exec: permission denied"')}]}`,
      { version: '26.1.5', imageStore: { kind: 'graphdriver', driver: 'overlay2' }, buildxVersion: undefined },
    ],
    [
      'a buildx that names no version',
      `{"server":"26.1.5",${overlay},"plugins":[${buildx('"Err":null')}]}`,
      { version: '26.1.5', imageStore: { kind: 'graphdriver', driver: 'overlay2' }, buildxVersion: '' },
    ],
    [
      'no engine: the CLI prints the line with an empty version, then fails',
      '{"server":"","driver":"","status":null,"plugins":[]}',
      { version: '', imageStore: { kind: 'unknown' }, buildxVersion: undefined },
    ],
  ])('%s', (_case, line, info) => {
    expect(parseEngineInfo(line)).toEqual(info);
  });

  it('throws on a line that is no JSON object', () => {
    expect(() => parseEngineInfo('WARNING: no swap limit support')).toThrow();
    expect(() => parseEngineInfo('"26.1.5"')).toThrow();
  });
});

describe('parseImageStore', () => {
  // Lines of engineStoreArgs (docker info --format '{"driver":{{json .Driver}},"status":{{json .DriverStatus}}}').
  it.each<[string, string | undefined, ImageStore]>([
    [
      'overlay2, the graph driver',
      '{"driver":"overlay2","status":[["Backing Filesystem","extfs"],["Supports d_type","true"],["Using metacopy","false"],["Native Overlay Diff","true"],["userxattr","false"]]}',
      { kind: 'graphdriver', driver: 'overlay2' },
    ],
    ['vfs, no status pairs', '{"driver":"vfs","status":null}', { kind: 'graphdriver', driver: 'vfs' }],
    [
      'the containerd image store',
      '{"driver":"overlayfs","status":[["driver-type","io.containerd.snapshotter.v1"]]}',
      { kind: 'containerd' },
    ],
    [
      'the containerd image store, driver-type among other pairs',
      '{"driver":"stargz","status":[["Backing Filesystem","extfs"],["driver-type","io.containerd.snapshotter.v1"]]}',
      { kind: 'containerd' },
    ],
    [
      'the containerd image store without a driver name',
      '{"driver":"","status":[["driver-type","io.containerd.snapshotter.v1"]]}',
      { kind: 'containerd' },
    ],
    [
      'another driver-type is no containerd store',
      '{"driver":"overlay2","status":[["driver-type","something.else.v1"]]}',
      { kind: 'graphdriver', driver: 'overlay2' },
    ],
    [
      'the snapshotter named under another key',
      '{"driver":"overlay2","status":[["Backing Filesystem","io.containerd.snapshotter.v1"]]}',
      { kind: 'graphdriver', driver: 'overlay2' },
    ],
    ['an unreachable engine', '{"driver":"","status":null}', { kind: 'unknown' }],
    ['no driver', '{"status":[["Backing Filesystem","extfs"]]}', { kind: 'unknown' }],
    ['a driver that is no string', '{"driver":5,"status":[]}', { kind: 'unknown' }],
    [
      'status that is no list',
      '{"driver":"overlay2","status":{"driver-type":"io.containerd.snapshotter.v1"}}',
      { kind: 'graphdriver', driver: 'overlay2' },
    ],
    [
      'status pairs that are no lists',
      '{"driver":"overlay2","status":["driver-type","io.containerd.snapshotter.v1"]}',
      { kind: 'graphdriver', driver: 'overlay2' },
    ],
    ['no line (nothing said in time)', undefined, { kind: 'unknown' }],
    ['an empty line', '', { kind: 'unknown' }],
    [
      'not JSON',
      'Cannot connect to the Docker daemon at unix:///var/run/docker.sock. Is the docker daemon running?',
      { kind: 'unknown' },
    ],
    ['a list', '[]', { kind: 'unknown' }],
    ['null', 'null', { kind: 'unknown' }],
    ['a string', '"overlay2"', { kind: 'unknown' }],
  ])('%s', (_case, line, expected) => {
    expect(parseImageStore(line)).toEqual(expected);
  });
});

describe('parseRemovalOutput', () => {
  it.each<[string, string, { untagged: string[]; deleted: string[] }]>([
    ['nothing', '', { untagged: [], deleted: [] }],
    [
      'an untag only (the image keeps another tag)',
      'Untagged: acme/app:aaaaaaa\n',
      { untagged: ['acme/app:aaaaaaa'], deleted: [] },
    ],
    [
      'a tag removed with its image and its untagged parent',
      `Untagged: localhost:5000/app:aaaaaaa\nDeleted: ${ID_A}\nDeleted: ${ID_B}\n`,
      { untagged: ['localhost:5000/app:aaaaaaa'], deleted: [ID_A, ID_B] },
    ],
    ['a dangling image by id', `Deleted: ${ID_B}\r\n`, { untagged: [], deleted: [ID_B] }],
  ])('%s', (_case, stdout, expected) => {
    expect(parseRemovalOutput(stdout)).toEqual(expected);
  });
});

describe('parseImageDetails', () => {
  it('reads id, env, labels, repo digests and repo tags', () => {
    const stdout = JSON.stringify({
      Id: ID_A,
      RepoTags: ['acme/app:d24155b', 'acme/app:latest'],
      RepoDigests: [`acme/app@${DIGEST}`, `localhost:5000/app@${OTHER_DIGEST}`],
      Parent: '',
      Created: '2024-05-01T10:00:00.123456789Z',
      Config: {
        Hostname: '',
        User: 'node',
        Env: [
          'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
          'NODE_VERSION=20.12.2',
          'SHA=d24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8',
        ],
        Cmd: ['node', 'server.js'],
        Labels: {
          'org.opencontainers.image.revision': 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8',
          'com.example.team': 'web',
        },
      },
      Architecture: 'amd64',
      Os: 'linux',
      Size: 7793012,
    });
    expect(parseImageDetails(stdout)).toEqual({
      id: ID_A,
      env: [
        'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin',
        'NODE_VERSION=20.12.2',
        'SHA=d24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8',
      ],
      labels: {
        'org.opencontainers.image.revision': 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8',
        'com.example.team': 'web',
      },
      repoDigests: [`acme/app@${DIGEST}`, `localhost:5000/app@${OTHER_DIGEST}`],
      repoTags: ['acme/app:d24155b', 'acme/app:latest'],
      cmd: ['node', 'server.js'],
      shell: [],
    });
  });

  it.each([
    [
      'Config.Labels null, RepoDigests and RepoTags empty (an untagged image)',
      { Id: ID_B, RepoTags: [], RepoDigests: [], Config: { Env: ['PATH=/bin'], Labels: null } },
      { id: ID_B, env: ['PATH=/bin'], labels: {}, repoDigests: [], repoTags: [], cmd: [], shell: [] },
    ],
    [
      'Config.Env null, no RepoDigests, no RepoTags',
      { Id: ID_B, Config: { Env: null, Labels: { a: 'b' } } },
      { id: ID_B, env: [], labels: { a: 'b' }, repoDigests: [], repoTags: [], cmd: [], shell: [] },
    ],
    [
      'Config null, RepoDigests and RepoTags null',
      { Id: ID_B, Config: null, RepoDigests: null, RepoTags: null },
      { id: ID_B, env: [], labels: {}, repoDigests: [], repoTags: [], cmd: [], shell: [] },
    ],
    ['no Config', { Id: ID_B }, { id: ID_B, env: [], labels: {}, repoDigests: [], repoTags: [], cmd: [], shell: [] }],
    [
      'Config.Cmd null (no CMD)',
      { Id: ID_B, Config: { Cmd: null } },
      { id: ID_B, env: [], labels: {}, repoDigests: [], repoTags: [], cmd: [], shell: [] },
    ],
    [
      'tagged, never pushed (RepoTags, no RepoDigests)',
      { Id: ID_B, RepoTags: ['localhost:5000/app:latest'], Config: {} },
      { id: ID_B, env: [], labels: {}, repoDigests: [], repoTags: ['localhost:5000/app:latest'], cmd: [], shell: [] },
    ],
  ])('%s', (_case, json, expected) => {
    expect(parseImageDetails(JSON.stringify(json))).toEqual(expected);
  });

  it('accepts the trailing newline docker prints', () => {
    expect(parseImageDetails(`${JSON.stringify({ Id: ID_A, Config: { Labels: null } })}\n`).id).toBe(ID_A);
  });

  it.each([
    ['[]', 'unexpected docker output for docker image inspect: []'],
    ['{"Id":"x","Config":[]}', 'unexpected docker output for image Config: []'],
    ['{"Id":"x","Config":{"Labels":"a=b"}}', 'unexpected docker output for image labels: "a=b"'],
  ])('throws on %s', (stdout, message) => {
    expect(() => parseImageDetails(stdout)).toThrow(message);
  });
});

describe('parseLegacySteps', () => {
  // `docker build` (classic builder) output as Docker 20.10 prints it.
  const build = [
    'Sending build context to Docker daemon  3.072kB',
    'Step 1/6 : FROM btd-e2e/busybox:base',
    ' ---> 3f57d9401f8d',
    'Step 2/6 : RUN echo cheap > /cheap',
    ' ---> Using cache',
    ' ---> 4a2b6c8d0e1f',
    'Step 3/6 : COPY app.txt /app.txt',
    ' ---> Using cache',
    ' ---> 5b3c7d9e1f20',
    'Step 4/6 : RUN sleep 3 && echo expensive > /expensive',
    ' ---> Running in 1c2d3e4f5a6b',
    'expensive output, not a step line: Step 9/9 : RUN x',
    'Removing intermediate container 1c2d3e4f5a6b',
    ' ---> 9e8d7c6b5a4f',
    'Step 5/6 : ENV PORT=8080',
    ' ---> Running in 2d3e4f5a6b7c',
    'Removing intermediate container 2d3e4f5a6b7c',
    ' ---> 0f1e2d3c4b5a',
    'Step 6/6 : CMD ["sh"]',
    ' ---> Running in 3e4f5a6b7c8d',
    'Removing intermediate container 3e4f5a6b7c8d',
    ' ---> 6a5b4c3d2e1f',
    'Successfully built 6a5b4c3d2e1f',
    '',
  ].join('\n');

  it.each<[string, string, LegacyStep[]]>([
    [
      'reused and run steps, FROM aside',
      build,
      [
        { instruction: 'RUN', cached: true },
        { instruction: 'COPY', cached: true },
        { instruction: 'RUN', cached: false },
        { instruction: 'ENV', cached: false },
        { instruction: 'CMD', cached: false },
      ],
    ],
    [
      'lowercase instructions, every FROM of a multi-stage build aside',
      [
        'Step 1/5 : from golang:1.22 AS builder',
        ' ---> 1a2b3c4d5e6f',
        'Step 2/5 : run go build -o /out/app .',
        ' ---> Using cache',
        ' ---> 2b3c4d5e6f70',
        'Step 3/5 : From alpine:3.20',
        ' ---> 3c4d5e6f7081',
        'Step 4/5 : copy --from=builder /out/app /app',
        ' ---> Using cache',
        ' ---> 4d5e6f708192',
        'Step 5/5 : Entrypoint ["/app"]',
        ' ---> Running in 5e6f708192a3',
        ' ---> 6f708192a3b4',
      ].join('\n'),
      [
        { instruction: 'RUN', cached: true },
        { instruction: 'COPY', cached: true },
        { instruction: 'ENTRYPOINT', cached: false },
      ],
    ],
    [
      'CRLF line ends',
      'Step 1/3 : FROM busybox\r\n ---> 3f57d9401f8d\r\nStep 2/3 : RUN true\r\n ---> Using cache\r\nStep 3/3 : RUN false\r\n ---> Running in 1c2d\r\n',
      [
        { instruction: 'RUN', cached: true },
        { instruction: 'RUN', cached: false },
      ],
    ],
    ['only FROM', 'Step 1/1 : FROM busybox\n ---> 3f57d9401f8d\nSuccessfully built 3f57d9401f8d\n', []],
    ['no output', '', []],
    [
      '"Using cache" before any step belongs to none',
      ' ---> Using cache\nStep 1/2 : FROM a\nStep 2/2 : RUN b\n',
      [{ instruction: 'RUN', cached: false }],
    ],
    [
      'a line only like "Using cache" is not it',
      'Step 1/2 : FROM a\nStep 2/2 : RUN b\n ---> Using cache for something\n  ---> Using cache\n',
      [{ instruction: 'RUN', cached: false }],
    ],
  ])('%s', (_case, output, expected) => {
    expect(parseLegacySteps(output)).toEqual(expected);
  });
});

describe('parseBakeMetadata', () => {
  it.each<[string, string, Record<string, string | undefined>]>([
    [
      'the digest of each target',
      JSON.stringify({
        build: {
          'buildx.build.ref': 'default/default/ovx1rxql2bbidt4f5ckp0rq8i',
          'containerimage.config.digest': `sha256:${'1'.repeat(64)}`,
          'containerimage.digest': ID_A,
        },
        stamp: {
          'buildx.build.ref': 'default/default/q0gw4uhv8c1ymzr0s0rj1tz9b',
          'containerimage.config.digest': `sha256:${'2'.repeat(64)}`,
          'containerimage.descriptor': { mediaType: 'application/vnd.oci.image.manifest.v1+json', digest: ID_B },
          'containerimage.digest': ID_B,
          'image.name': 'acme/app:d24155b,acme/app:latest',
        },
      }),
      { build: ID_A, stamp: ID_B },
    ],
    [
      'a target that wrote no image (cacheonly)',
      JSON.stringify({
        build: { 'buildx.build.ref': 'default/default/ovx1rxql2bbidt4f5ckp0rq8i' },
        stamp: { 'containerimage.digest': ID_B },
      }),
      { build: undefined, stamp: ID_B },
    ],
    [
      "bake's own entries and odd values carry no digest",
      JSON.stringify({
        'buildx.build.warnings': [{ vertex: ID_A, level: 1, short: 'SlNPTkFyZ3M=' }],
        build: { 'containerimage.digest': 42 },
        stamp: null,
      }),
      { 'buildx.build.warnings': undefined, build: undefined, stamp: undefined },
    ],
    ['nothing', '{}', {}],
    ['not an object', '[]', {}],
  ])('%s', (_case, text, expected) => {
    expect(parseBakeMetadata(text)).toStrictEqual(expected);
  });

  it('throws on a file that is not JSON', () => {
    expect(() => parseBakeMetadata('')).toThrow(SyntaxError);
  });
});

describe('parseContainerState', () => {
  const base = {
    Id: CONTAINER_ID,
    Created: '2024-05-01T10:00:00.123456789Z',
    Path: '/bin/sh',
    Args: ['-c', 'node server.js'],
    Image: ID_A,
    Name: '/app-d24155b-42-1-abcdef',
    RestartCount: 0,
  };

  const cases: [string, Record<string, unknown>, ContainerState][] = [
    [
      'running with a healthcheck',
      {
        Status: 'running',
        Running: true,
        Paused: false,
        Restarting: false,
        OOMKilled: false,
        Dead: false,
        Pid: 4242,
        ExitCode: 0,
        Error: '',
        StartedAt: '2024-05-01T10:00:00.5Z',
        FinishedAt: '0001-01-01T00:00:00Z',
        Health: {
          Status: 'starting',
          FailingStreak: 2,
          Log: [
            {
              Start: '2024-05-01T10:00:01.000000000Z',
              End: '2024-05-01T10:00:01.050000000Z',
              ExitCode: 7,
              Output: 'curl: (7) Failed to connect to localhost port 8080\n',
            },
            { Start: '2024-05-01T10:00:02.000000000Z', End: '2024-05-01T10:00:02.040000000Z', ExitCode: 1, Output: '' },
          ],
        },
      },
      {
        id: CONTAINER_ID,
        name: 'app-d24155b-42-1-abcdef',
        image: ID_A,
        created: '2024-05-01T10:00:00.123456789Z',
        status: 'running',
        exitCode: 0,
        oomKilled: false,
        error: '',
        health: {
          status: 'starting',
          probes: [
            {
              start: '2024-05-01T10:00:01.000000000Z',
              exitCode: 7,
              output: 'curl: (7) Failed to connect to localhost port 8080\n',
            },
            { start: '2024-05-01T10:00:02.000000000Z', exitCode: 1, output: '' },
          ],
        },
        ports: {},
      },
    ],
    [
      'running without a healthcheck',
      {
        Status: 'running',
        Running: true,
        OOMKilled: false,
        Dead: false,
        Pid: 4242,
        ExitCode: 0,
        Error: '',
        StartedAt: '2024-05-01T10:00:00.5Z',
      },
      {
        id: CONTAINER_ID,
        name: 'app-d24155b-42-1-abcdef',
        image: ID_A,
        created: '2024-05-01T10:00:00.123456789Z',
        status: 'running',
        exitCode: 0,
        oomKilled: false,
        error: '',
        health: undefined,
        ports: {},
      },
    ],
    [
      'exited, OOMKilled',
      {
        Status: 'exited',
        Running: false,
        OOMKilled: true,
        Dead: false,
        Pid: 0,
        ExitCode: 137,
        Error: '',
        FinishedAt: '2024-05-01T10:00:03Z',
      },
      {
        id: CONTAINER_ID,
        name: 'app-d24155b-42-1-abcdef',
        image: ID_A,
        created: '2024-05-01T10:00:00.123456789Z',
        status: 'exited',
        exitCode: 137,
        oomKilled: true,
        error: '',
        health: undefined,
        ports: {},
      },
    ],
    [
      'created, failed to start (Error set), Health null',
      {
        Status: 'created',
        Running: false,
        OOMKilled: false,
        ExitCode: 127,
        Error: 'exec: "nope": executable file not found in $PATH',
        Health: null,
      },
      {
        id: CONTAINER_ID,
        name: 'app-d24155b-42-1-abcdef',
        image: ID_A,
        created: '2024-05-01T10:00:00.123456789Z',
        status: 'created',
        exitCode: 127,
        oomKilled: false,
        error: 'exec: "nope": executable file not found in $PATH',
        health: undefined,
        ports: {},
      },
    ],
    [
      'unhealthy with no Log, probe fields missing',
      { Status: 'running', ExitCode: 0, Health: { Status: 'unhealthy', FailingStreak: 3, Log: null } },
      {
        id: CONTAINER_ID,
        name: 'app-d24155b-42-1-abcdef',
        image: ID_A,
        created: '2024-05-01T10:00:00.123456789Z',
        status: 'running',
        exitCode: 0,
        oomKilled: false,
        error: '',
        health: { status: 'unhealthy', probes: [] },
        ports: {},
      },
    ],
  ];

  it.each(cases)('%s', (_case, state, expected) => {
    expect(parseContainerState(JSON.stringify({ ...base, State: state }))).toEqual(expected);
  });

  it('gives -1 for missing exit codes', () => {
    const state = parseContainerState(
      JSON.stringify({ ...base, State: { Status: 'running', Health: { Status: 'starting', Log: [{ Start: 's' }] } } }),
    );
    expect([state.exitCode, state.health?.probes]).toEqual([-1, [{ start: 's', exitCode: -1, output: '' }]]);
  });

  describe('NetworkSettings.Ports', () => {
    const running = { Status: 'running', Running: true, ExitCode: 0, Error: '' };
    /** NetworkSettings as docker 24 prints it for a container on the default bridge. */
    const network = (ports: unknown): Record<string, unknown> => ({
      Bridge: '',
      SandboxID: 'f3a1',
      SandboxKey: '/var/run/docker/netns/f3a1',
      Ports: ports,
      Gateway: '172.17.0.1',
      IPAddress: '172.17.0.2',
      IPPrefixLen: 16,
      MacAddress: '02:42:ac:11:00:02',
      Networks: { bridge: { NetworkID: 'n1', EndpointID: 'e1', Gateway: '172.17.0.1', IPAddress: '172.17.0.2' } },
    });

    it.each<[string, Record<string, unknown>, ContainerState['ports']]>([
      [
        'published on IPv4 and IPv6 (--publish 8080)',
        {
          NetworkSettings: network({
            '8080/tcp': [
              { HostIp: '0.0.0.0', HostPort: '32768' },
              { HostIp: '::', HostPort: '32768' },
            ],
          }),
        },
        {
          '8080/tcp': [
            { hostIp: '0.0.0.0', hostPort: '32768' },
            { hostIp: '::', hostPort: '32768' },
          ],
        },
      ],
      [
        'published on loopback only (--publish 127.0.0.1::8080)',
        { NetworkSettings: network({ '8080/tcp': [{ HostIp: '127.0.0.1', HostPort: '49153' }] }) },
        { '8080/tcp': [{ hostIp: '127.0.0.1', hostPort: '49153' }] },
      ],
      [
        'exposed but not published (null binding list), next to a published udp port',
        { NetworkSettings: network({ '9090/tcp': null, '53/udp': [{ HostIp: '0.0.0.0', HostPort: '32800' }] }) },
        { '9090/tcp': [], '53/udp': [{ hostIp: '0.0.0.0', hostPort: '32800' }] },
      ],
      [
        'a binding with fields missing',
        { NetworkSettings: network({ '8080/tcp': [{}] }) },
        { '8080/tcp': [{ hostIp: '', hostPort: '' }] },
      ],
      ['nothing exposed (Ports {})', { NetworkSettings: network({}) }, {}],
      ['Ports null (a created container)', { NetworkSettings: network(null) }, {}],
      ['no Ports', { NetworkSettings: { IPAddress: '' } }, {}],
      ['NetworkSettings null', { NetworkSettings: null }, {}],
      ['no NetworkSettings', {}, {}],
    ])('%s', (_case, fields, expected) => {
      const parsed = parseContainerState(JSON.stringify({ ...base, State: running, ...fields }));
      expect(parsed).toEqual({
        id: CONTAINER_ID,
        name: 'app-d24155b-42-1-abcdef',
        image: ID_A,
        created: '2024-05-01T10:00:00.123456789Z',
        status: 'running',
        exitCode: 0,
        oomKilled: false,
        error: '',
        health: undefined,
        ports: expected,
      });
    });

    it.each([
      ['NetworkSettings a list', { NetworkSettings: [] }, 'unexpected docker output for container NetworkSettings: []'],
      ['Ports a list', { NetworkSettings: { Ports: [] } }, 'unexpected docker output for container ports: []'],
      [
        'a binding that is no object',
        { NetworkSettings: { Ports: { '8080/tcp': ['0.0.0.0:32768'] } } },
        'unexpected docker output for port binding: "0.0.0.0:32768"',
      ],
    ])('throws on %s', (_case, fields, message) => {
      expect(() => parseContainerState(JSON.stringify({ ...base, State: running, ...fields }))).toThrow(message);
    });
  });

  it.each([
    ['no State', JSON.stringify(base), 'unexpected docker output for container State: undefined'],
    ['a list', '[]', 'unexpected docker output for docker container inspect: []'],
    [
      'a bad probe',
      JSON.stringify({ ...base, State: { Status: 'running', Health: { Status: 'starting', Log: ['x'] } } }),
      'unexpected docker output for health probe: "x"',
    ],
  ])('throws on %s', (_case, stdout, message) => {
    expect(() => parseContainerState(stdout)).toThrow(message);
  });
});

describe('parseReadinessEvent', () => {
  /** A container event as docker 20.10 prints it with --format '{{json .}}'. */
  function event(action: string, extraAttributes: Record<string, string> = {}): string {
    return JSON.stringify({
      status: action,
      id: CONTAINER_ID,
      from: 'acme/app:d24155b',
      Type: 'container',
      Action: action,
      Actor: {
        ID: CONTAINER_ID,
        Attributes: { image: 'acme/app:d24155b', name: 'app-d24155b-42-1-abcdef', ...extraAttributes },
      },
      scope: 'local',
      time: 1714557600,
      timeNano: 1714557600123456800,
    });
  }

  it.each<[string, string, ReadinessEvent | undefined]>([
    ['create', event('create'), undefined],
    ['start', event('start'), { kind: 'started' }],
    ['health_status: starting', event('health_status: starting'), undefined],
    ['health_status: healthy', event('health_status: healthy'), { kind: 'healthy' }],
    ['health_status: unhealthy', event('health_status: unhealthy'), { kind: 'unhealthy' }],
    ['die exitCode 3', event('die', { exitCode: '3' }), { kind: 'exited', exitCode: 3 }],
    ['die exitCode 0', event('die', { exitCode: '0' }), { kind: 'exited', exitCode: 0 }],
    ['die exitCode 137', event('die', { exitCode: '137' }), { kind: 'exited', exitCode: 137 }],
    ['die without exitCode', event('die'), { kind: 'exited', exitCode: -1 }],
    ['oom', event('oom'), { kind: 'oom' }],
    ['kill', event('kill', { signal: '9' }), undefined],
    ['stop', event('stop'), undefined],
    ['destroy', event('destroy'), { kind: 'destroyed' }],
    ['exec_create', event('exec_create: /bin/sh -c true', { execID: 'e1' }), undefined],
    ['exec_start', event('exec_start: /bin/sh -c true', { execID: 'e1' }), undefined],
    ['exec_die (has an exitCode, is not die)', event('exec_die', { execID: 'e1', exitCode: '1' }), undefined],
    ['attach', event('attach'), undefined],
    [
      'only the legacy status field',
      JSON.stringify({ status: 'die', id: CONTAINER_ID, Actor: { Attributes: { exitCode: '2' } } }),
      { kind: 'exited', exitCode: 2 },
    ],
    ['no Actor', JSON.stringify({ Action: 'die' }), { kind: 'exited', exitCode: -1 }],
    ['Actor without Attributes', JSON.stringify({ Action: 'start', Actor: { ID: CONTAINER_ID } }), { kind: 'started' }],
    [
      'die with Attributes null',
      JSON.stringify({ Action: 'die', Actor: { ID: CONTAINER_ID, Attributes: null } }),
      { kind: 'exited', exitCode: -1 },
    ],
    ['die with a non-numeric exitCode', event('die', { exitCode: 'x' }), { kind: 'exited', exitCode: -1 }],
  ])('%s', (_case, line, expected) => {
    expect(parseReadinessEvent(line)).toEqual(expected);
  });

  it.each([
    ['not JSON', 'start', SyntaxError],
    ['a list', '[]', 'unexpected docker output for docker events: []'],
    ['Actor null', '{"Action":"start","Actor":null}', 'unexpected docker output for event Actor: null'],
  ])('throws on %s', (_case, line, expected) => {
    expect(() => parseReadinessEvent(line)).toThrow(expected);
  });
});

describe('digestsFor', () => {
  const repoDigests = [
    `acme/app@${DIGEST}`,
    `acme/app-worker@${OTHER_DIGEST}`,
    `localhost:5000/app@${OTHER_DIGEST}`,
    `acme/app@${OTHER_DIGEST}`,
    `nginx@${DIGEST}`,
  ];

  it.each<[string, string[]]>([
    ['acme/app', [DIGEST, OTHER_DIGEST]],
    ['acme/app-worker', [OTHER_DIGEST]],
    ['localhost:5000/app', [OTHER_DIGEST]],
    ['nginx', [DIGEST]],
    ['app', []],
    ['acme', []],
    ['ghcr.io/acme/app', []],
  ])('%s → %j', (repository, expected) => {
    expect(digestsFor(repoDigests, repository)).toEqual(expected);
  });

  it('gives nothing for no RepoDigests', () => {
    expect(digestsFor([], 'acme/app')).toEqual([]);
  });
});

describe('pushedDigest', () => {
  const pushOutput = [
    'The push refers to repository [localhost:5000/app]',
    '5f70bf18a086: Preparing',
    '5f70bf18a086: Pushed',
    'a1b2c3d4e5f6: Layer already exists',
    `d24155b: digest: ${DIGEST} size: 943`,
    '',
  ].join('\n');

  it.each<[string, string, string, string | undefined]>([
    ['the sha tag', pushOutput, 'd24155b', DIGEST],
    ['another tag', pushOutput, 'latest', undefined],
    ['a prefix of the tag', pushOutput, 'd2415', undefined],
    ['a longer tag', pushOutput, 'd24155b0', undefined],
    ['latest among two pushes', `${pushOutput}latest: digest: ${OTHER_DIGEST} size: 943\n`, 'latest', OTHER_DIGEST],
    ['the sha tag among two pushes', `${pushOutput}latest: digest: ${OTHER_DIGEST} size: 943\n`, 'd24155b', DIGEST],
    ['a short digest', `d24155b: digest: sha256:abc size: 943`, 'd24155b', undefined],
    [
      'an uppercase digest',
      `d24155b: digest: ${DIGEST.toUpperCase().replace('SHA256', 'sha256')} size: 943`,
      'd24155b',
      undefined,
    ],
    ['no size', `d24155b: digest: ${DIGEST}`, 'd24155b', undefined],
    ['no output', '', 'd24155b', undefined],
    ['a dotted tag', `v1.0: digest: ${DIGEST} size: 1`, 'v1.0', DIGEST],
    ['"." is not a wildcard', `v1x0: digest: ${DIGEST} size: 1`, 'v1.0', undefined],
    ['"+" is literal', `aab: digest: ${DIGEST} size: 1`, 'a+b', undefined],
    ['"+" matches itself', `a+b: digest: ${DIGEST} size: 1`, 'a+b', DIGEST],
    ['unbalanced brackets and parens', `x(y[z: digest: ${DIGEST} size: 1`, 'x(y[z', DIGEST],
    ['"$" and "^" are literal', `^a$: digest: ${DIGEST} size: 1`, '^a$', DIGEST],
  ])('%s', (_case, output, tag, expected) => {
    expect(pushedDigest(output, tag)).toBe(expected);
  });
});

describe('mergeLogStreams', () => {
  const T1 = '2024-05-01T10:00:01.000000000Z';
  const T2 = '2024-05-01T10:00:02.000000000Z';
  const T3 = '2024-05-01T10:00:02.500000000Z';

  it.each<[string, string, string, string]>([
    ['both empty', '', '', ''],
    ['stdout only', `${T1} a\n${T2} b\n`, '', `${T1} a\n${T2} b`],
    ['stderr only', '', `${T1} e\n`, `${T1} e`],
    ['interleaved by time', `${T1} out 1\n${T3} out 2\n`, `${T2} err 1\n`, `${T1} out 1\n${T2} err 1\n${T3} out 2`],
    ['stderr before stdout', `${T3} out\n`, `${T1} err\n`, `${T1} err\n${T3} out`],
    ['ties keep stdout first (stable)', `${T1} out\n`, `${T1} err\n`, `${T1} out\n${T1} err`],
    ['blank lines dropped', `\n${T1} a\n\n`, '\n\n', `${T1} a`],
    ['same-time lines keep their order', `${T1} z\n${T1} a\n`, '', `${T1} z\n${T1} a`],
  ])('%s', (_case, stdout, stderr, expected) => {
    expect(mergeLogStreams(stdout, stderr)).toBe(expected);
  });
});

describe('parseHealthcheck', () => {
  it.each<[string, unknown, ReturnType<typeof parseHealthcheck>]>([
    ['none', undefined, undefined],
    ['HEALTHCHECK NONE', { Test: ['NONE'] }, undefined],
    ['an empty test (inherit)', { Test: [] }, undefined],
    [
      'the defaults (durations 0)',
      { Test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'] },
      {
        test: ['CMD-SHELL', 'curl -f http://localhost/ || exit 1'],
        intervalMs: 30_000,
        timeoutMs: 30_000,
        startPeriodMs: 0,
        startIntervalMs: 0,
        retries: 3,
      },
    ],
    [
      'every duration set, in ns',
      {
        Test: ['CMD', 'true'],
        Interval: 5_000_000_000,
        Timeout: 2_000_000_000,
        StartPeriod: 10_000_000_000,
        StartInterval: 500_000_000,
        Retries: 5,
      },
      {
        test: ['CMD', 'true'],
        intervalMs: 5000,
        timeoutMs: 2000,
        startPeriodMs: 10_000,
        startIntervalMs: 500,
        retries: 5,
      },
    ],
  ])('%s', (_case, value, expected) => {
    expect(parseHealthcheck(value)).toEqual(expected);
  });
});

describe('legacyFailedStep: where a classic build stopped, and what the step printed', () => {
  const OUTPUT = [
    'Sending build context to Docker daemon  3.072kB',
    'Step 1/4 : FROM btd-e2e/busybox:base',
    ' ---> 0a3e45dac07b',
    'Step 2/4 : COPY . /src',
    ' ---> Using cache',
    ' ---> 4d5e6f7a8b9c',
    'Step 3/4 : RUN ./lint.sh',
    ' ---> Running in 9f8e7d6c5b4a',
    'checking src/',
    "src/app.py:30:1: F401 'os' imported but unused",
    '',
  ].join('\n');

  it.each<[string, string, number, ReturnType<typeof legacyFailedStep>]>([
    [
      "the last step and its lines, without the builder's own",
      OUTPUT,
      20,
      { name: 'Step 3/4 : RUN ./lint.sh', output: ['checking src/', "src/app.py:30:1: F401 'os' imported but unused"] },
    ],
    [
      'only the last lines asked for',
      OUTPUT,
      1,
      { name: 'Step 3/4 : RUN ./lint.sh', output: ["src/app.py:30:1: F401 'os' imported but unused"] },
    ],
    [
      'CRLF lines',
      OUTPUT.replace(/\n/g, '\r\n'),
      20,
      { name: 'Step 3/4 : RUN ./lint.sh', output: ['checking src/', "src/app.py:30:1: F401 'os' imported but unused"] },
    ],
    ['no step ran (a bad Dockerfile)', 'Sending build context to Docker daemon  2.048kB\n', 20, undefined],
  ])('%s', (_case, stdout, lines, expected) => {
    expect(legacyFailedStep(stdout, lines)).toEqual(expected);
  });
});
