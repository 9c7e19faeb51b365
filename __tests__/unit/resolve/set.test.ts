import { describe, expect, it } from 'vitest';
import type { ImageDetails } from '../../../src/docker/output.js';
import { parseResolveInputs, requestFor, RESOLVE_DEFAULTS, type ResolveInputs } from '../../../src/resolve/inputs.js';
import { resolveImage, type Resolution } from '../../../src/resolve/resolve.js';
import {
  entryName,
  resolveSet,
  serviceRecordOf,
  setEnv,
  setJson,
  setSummary,
  type Resolved,
} from '../../../src/resolve/set.js';
import {
  engineDeps,
  fakeRegistry,
  recordingLogger,
  registryImage,
  type RegistryImage,
  type StandIns,
} from './fakes.js';

const SHA_WEB = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
const SHA_API = 'b'.repeat(40);
const SHA_OLD = 'a'.repeat(40);
const WEB = registryImage([`SHA=${SHA_WEB}`]);
const API = registryImage([`SHA=${SHA_API}`]);
const OLD_WEB = registryImage([`SHA=${SHA_OLD}`]);
/** Another image of the same commit: the same sha, another digest (rebuilt, pushed another way). */
const REBUILT_WEB = registryImage([`SHA=${SHA_WEB}`, 'REBUILT=1']);

/** The pairs the main action pushes: latest and the short sha tag, the same manifest. */
const PUSHED: Record<string, RegistryImage> = {
  'ghcr.io/acme/web:latest': WEB,
  'ghcr.io/acme/web:d24155b': WEB,
  'ghcr.io/acme/api:latest': API,
  'ghcr.io/acme/api:bbbbbbb': API,
};

const noDocker: StandIns['inspectLocal'] = () => Promise.reject(new Error('docker must not be asked'));

/** Parsed as the action parses its inputs: `images` (a set), or `image` when `images` is empty. */
function inputsOf(overrides: Record<string, string>): ResolveInputs {
  const raw: Record<string, string> = {
    ...RESOLVE_DEFAULTS,
    image: '',
    source: 'registry',
    'registry-username': '',
    'registry-password': '',
    ...overrides,
  };
  return parseResolveInputs((name) => raw[name] ?? '');
}

const summaryOf = (set: readonly Resolved[]): string[][] =>
  set.map(({ entry, resolution }) => [entry.prefix, resolution.sha, resolution.tag, resolution.digest]);

describe('entryName', () => {
  it('names the line as written', () => {
    const [web, proxy] = inputsOf({ images: 'ghcr.io/acme/web:v1\n\nPROXY=nginx' }).entries;
    expect([web, proxy].map((entry) => (entry === undefined ? '' : entryName(entry)))).toEqual([
      'line 1 (WEB=ghcr.io/acme/web:v1)',
      'line 3 (PROXY=nginx:latest)',
    ]);
  });
});

describe('resolveSet', () => {
  it('resolves the set side by side, in input order however the answers come', async () => {
    // The first image's registry answers last.
    const registry = fakeRegistry(PUSHED, { delayMs: { 'ghcr.io/acme/web': 30 } });
    const set = await resolveSet(
      inputsOf({ images: 'ghcr.io/acme/web\nghcr.io/acme/api', 'check-pairs': 'false' }),
      recordingLogger().logger,
      engineDeps({ fetch: registry.fetch, inspectLocal: noDocker }),
    );
    expect(summaryOf(set)).toEqual([
      ['WEB', SHA_WEB, 'd24155b', WEB.digest],
      ['API', SHA_API, 'bbbbbbb', API.digest],
    ]);
    expect(set.map(({ entry }) => entry.line)).toEqual([1, 2]);
    // A client each, each pinging first.
    expect(registry.calls.filter((call) => call.path === 'ghcr.io/v2/')).toHaveLength(2);
    // Side by side: the second image was asked for before the first answered.
    expect(
      registry.calls
        .filter((call) => call.path !== 'ghcr.io/v2/')
        .slice(0, 2)
        .map((call) => call.path),
    ).toEqual(['ghcr.io/v2/acme/web/manifests/latest', 'ghcr.io/v2/acme/api/manifests/latest']);
  });

  it("asks docker's stored credentials once per registry, not once per image at the same moment", async () => {
    const registry = fakeRegistry(PUSHED);
    const asked: string[] = [];
    const set = await resolveSet(
      inputsOf({ images: 'ghcr.io/acme/web\nghcr.io/acme/api' }),
      recordingLogger().logger,
      engineDeps({
        fetch: registry.fetch,
        inspectLocal: noDocker,
        storedAuth: (name) => {
          asked.push(name);
          return Promise.resolve(undefined);
        },
      }),
    );
    expect(set).toHaveLength(2);
    expect(asked).toEqual(['ghcr.io']);
  });

  it('checks each pair with a HEAD of its short sha tag: the same digest, no second manifest read', async () => {
    const registry = fakeRegistry(PUSHED);
    const set = await resolveSet(
      inputsOf({ images: 'ghcr.io/acme/web\nghcr.io/acme/api' }),
      recordingLogger().logger,
      engineDeps({
        fetch: registry.fetch,
        inspectLocal: noDocker,
      }),
    );
    expect(summaryOf(set)).toEqual([
      ['WEB', SHA_WEB, 'd24155b', WEB.digest],
      ['API', SHA_API, 'bbbbbbb', API.digest],
    ]);
    const web = registry.calls.filter((call) => call.path.includes('/acme/web/'));
    expect(web.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET ghcr.io/v2/acme/web/manifests/latest',
      `GET ghcr.io/v2/acme/web/blobs/${WEB.configDigest}`,
      'HEAD ghcr.io/v2/acme/web/manifests/d24155b',
    ]);
    // The pair is read by the same client: no ping of its own.
    expect(registry.calls.filter((call) => call.path === 'ghcr.io/v2/')).toHaveLength(2);
  });

  it('a tag that is the short sha tag itself is its own pair: no second request', async () => {
    const registry = fakeRegistry(PUSHED);
    const set = await resolveSet(
      inputsOf({ images: 'ghcr.io/acme/web:d24155b' }),
      recordingLogger().logger,
      engineDeps({
        fetch: registry.fetch,
        inspectLocal: noDocker,
      }),
    );
    expect(summaryOf(set)).toEqual([['WEB', SHA_WEB, 'd24155b', WEB.digest]]);
    expect(registry.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET ghcr.io/v2/',
      'GET ghcr.io/v2/acme/web/manifests/d24155b',
      `GET ghcr.io/v2/acme/web/blobs/${WEB.configDigest}`,
    ]);
  });

  it('a registry without Docker-Content-Digest on HEAD: the digest of a GET', async () => {
    const registry = fakeRegistry(PUSHED, { headDigest: false });
    const set = await resolveSet(
      inputsOf({ images: 'ghcr.io/acme/web' }),
      recordingLogger().logger,
      engineDeps({
        fetch: registry.fetch,
        inspectLocal: noDocker,
      }),
    );
    expect(summaryOf(set)).toEqual([['WEB', SHA_WEB, 'd24155b', WEB.digest]]);
    expect(registry.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET ghcr.io/v2/',
      'GET ghcr.io/v2/acme/web/manifests/latest',
      `GET ghcr.io/v2/acme/web/blobs/${WEB.configDigest}`,
      'HEAD ghcr.io/v2/acme/web/manifests/d24155b',
      'GET ghcr.io/v2/acme/web/manifests/d24155b',
    ]);
  });

  const NOT_CONSISTENT = 'The set is not consistent:';

  it.each<[string, Record<string, RegistryImage>, Record<string, string>, string, Record<string, number>?]>([
    [
      'one image missing: its line and prefix named',
      { 'ghcr.io/acme/web:latest': WEB },
      { images: 'ghcr.io/acme/web\nghcr.io/acme/api', 'check-pairs': 'false' },
      `${NOT_CONSISTENT} 1 of 2 images did not resolve. line 2 (API=ghcr.io/acme/api:latest): Could not resolve ghcr.io/acme/api:latest: The registry ghcr.io has no tag "latest" in acme/api (MANIFEST_UNKNOWN: manifest unknown).`,
    ],
    [
      'several failures: every one named, in input order',
      { 'ghcr.io/acme/web:latest': registryImage(['PATH=/bin']) },
      { images: 'FRONT=ghcr.io/acme/web\n# the api\nghcr.io/acme/api:v2', 'check-pairs': 'false' },
      `${NOT_CONSISTENT} 2 of 2 images did not resolve. line 1 (FRONT=ghcr.io/acme/web:latest): ghcr.io/acme/web:latest carries no commit sha: env SHA is missing and label org.opencontainers.image.revision is missing; expected a full commit sha (40 or 64 lowercase hex characters) in either. line 3 (API=ghcr.io/acme/api:v2): Could not resolve ghcr.io/acme/api:v2: The registry ghcr.io has no tag "v2" in acme/api (MANIFEST_UNKNOWN: manifest unknown).`,
    ],
    [
      'a missing short sha tag (404 on HEAD): the service named',
      PUSHED,
      { images: 'ghcr.io/acme/api\nFRONT=ghcr.io/acme/web' },
      `${NOT_CONSISTENT} 1 of 2 images did not resolve as a pair. line 2 (FRONT=ghcr.io/acme/web:latest): ghcr.io/acme/web:latest is commit ${SHA_WEB}, but the registry has no ghcr.io/acme/web:d24155b: the pair the main action pushes is broken (was the sha tag deleted?).`,
      { 'HEAD ghcr.io/acme/web:d24155b': 404 },
    ],
    [
      'a short sha tag of another digest',
      { ...PUSHED, 'ghcr.io/acme/web:d24155b': REBUILT_WEB },
      { images: 'ghcr.io/acme/web\nghcr.io/acme/api' },
      `${NOT_CONSISTENT} 1 of 2 images did not resolve as a pair. line 1 (WEB=ghcr.io/acme/web:latest): ghcr.io/acme/web:latest is ${WEB.digest}, but ghcr.io/acme/web:d24155b is ${REBUILT_WEB.digest} in the registry: the pair the main action pushes is broken (was either tag pushed another way?).`,
    ],
    [
      'latest moved on, the short tag of the old commit left: the new short tag is missing',
      { 'ghcr.io/acme/web:latest': WEB, 'ghcr.io/acme/web:aaaaaaa': OLD_WEB },
      { images: 'ghcr.io/acme/web' },
      `${NOT_CONSISTENT} 1 of 1 images did not resolve as a pair. line 1 (WEB=ghcr.io/acme/web:latest): ghcr.io/acme/web:latest is commit ${SHA_WEB}, but the registry has no ghcr.io/acme/web:d24155b: the pair the main action pushes is broken (was the sha tag deleted?).`,
    ],
  ])('fails whole: %s', async (_case, tags, overrides, message, status) => {
    const registry = fakeRegistry(tags, status === undefined ? {} : { status });
    await expect(
      resolveSet(
        inputsOf(overrides),
        recordingLogger().logger,
        engineDeps({ fetch: registry.fetch, inspectLocal: noDocker }),
      ),
    ).rejects.toThrow(new Error(message));
  });

  it('a pair that cannot be read for another reason says so', async () => {
    const registry = fakeRegistry(PUSHED, { status: { 'HEAD ghcr.io/acme/web:d24155b': 500 } });
    await expect(
      resolveSet(
        inputsOf({ images: 'ghcr.io/acme/web' }),
        recordingLogger().logger,
        engineDeps({
          fetch: registry.fetch,
          inspectLocal: noDocker,
        }),
      ),
    ).rejects.toThrow(
      `line 1 (WEB=ghcr.io/acme/web:latest): ghcr.io/acme/web:latest is commit ${SHA_WEB}, but its pair ghcr.io/acme/web:d24155b could not be read: The registry ghcr.io answered HTTP 500`,
    );
  });

  it('one image (the image input): its lone error, unchanged', async () => {
    const registry = fakeRegistry({});
    const inputs = inputsOf({ image: 'ghcr.io/acme/web', tag: 'nope' });
    const [entry] = inputs.entries;
    if (entry === undefined) throw new Error('expected one entry');
    const alone = await resolveImage(
      requestFor(inputs, entry),
      recordingLogger().logger,
      engineDeps({
        fetch: registry.fetch,
      }),
    ).catch((error: unknown) => error as Error);
    const error = await resolveSet(inputs, recordingLogger().logger, engineDeps({ fetch: registry.fetch })).catch(
      (e: unknown) => e as Error,
    );
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).message).toBe(
      'Could not resolve ghcr.io/acme/web:nope: The registry ghcr.io has no tag "nope" in acme/web (MANIFEST_UNKNOWN: manifest unknown).',
    );
    expect((error as Error).message).toBe((alone as Error).message);
  });

  it('one image: no pair check, whatever check-pairs says', async () => {
    const registry = fakeRegistry({ 'ghcr.io/acme/web:latest': WEB });
    const set = await resolveSet(
      inputsOf({ image: 'ghcr.io/acme/web', 'check-pairs': 'true' }),
      recordingLogger().logger,
      engineDeps({ fetch: registry.fetch }),
    );
    expect(summaryOf(set)).toEqual([['WEB', SHA_WEB, 'd24155b', WEB.digest]]);
    expect(registry.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET ghcr.io/v2/',
      'GET ghcr.io/v2/acme/web/manifests/latest',
      `GET ghcr.io/v2/acme/web/blobs/${WEB.configDigest}`,
    ]);
  });

  it('check-pairs false: no HEAD at all', async () => {
    const registry = fakeRegistry({ 'ghcr.io/acme/web:latest': WEB });
    await resolveSet(
      inputsOf({ images: 'ghcr.io/acme/web', 'check-pairs': 'false' }),
      recordingLogger().logger,
      engineDeps({
        fetch: registry.fetch,
      }),
    );
    expect(registry.calls.map((call) => `${call.method} ${call.path}`)).toEqual([
      'GET ghcr.io/v2/',
      'GET ghcr.io/v2/acme/web/manifests/latest',
      `GET ghcr.io/v2/acme/web/blobs/${WEB.configDigest}`,
    ]);
  });

  it.each<[string, Record<string, string>, string[], string[]]>([
    [
      'none: nothing warned',
      { images: 'ghcr.io/acme/web\nghcr.io/acme/api' },
      [],
      ['ghcr.io/acme/web:latest', 'ghcr.io/acme/api:latest'],
    ],
    [
      'a line lower-cased',
      { images: 'ghcr.io/Acme/Web\nghcr.io/acme/api' },
      [
        `Input 'images' line 1's image is "ghcr.io/Acme/Web": registries refuse upper-case repository paths, so the image is ghcr.io/acme/web.`,
      ],
      ['ghcr.io/acme/web:latest', 'ghcr.io/acme/api:latest'],
    ],
    [
      'each line lower-cased, in input order',
      { images: 'FRONT=ghcr.io/Acme/Web:latest\n# the api\nghcr.io/ACME/api' },
      [
        `Input 'images' line 1's image is "ghcr.io/Acme/Web": registries refuse upper-case repository paths, so the image is ghcr.io/acme/web.`,
        `Input 'images' line 3's image is "ghcr.io/ACME/api": registries refuse upper-case repository paths, so the image is ghcr.io/acme/api.`,
      ],
      ['ghcr.io/acme/web:latest', 'ghcr.io/acme/api:latest'],
    ],
    [
      'the image input lower-cased',
      { image: 'ghcr.io/Acme/Web' },
      [
        `Input 'image' is "ghcr.io/Acme/Web": registries refuse upper-case repository paths, so the image is ghcr.io/acme/web.`,
      ],
      ['ghcr.io/acme/web:latest'],
    ],
  ])(
    'warns each notice of the inputs through the logger first, then reads the lower-cased images: %s',
    async (_case, overrides, notices, refs) => {
      const registry = fakeRegistry(PUSHED);
      const { lines, logger } = recordingLogger();
      const set = await resolveSet(
        inputsOf({ 'check-pairs': 'false', ...overrides }),
        logger,
        engineDeps({
          fetch: registry.fetch,
          inspectLocal: noDocker,
        }),
      );
      expect(lines.filter((line) => line.startsWith('warning:'))).toEqual(notices.map((notice) => `warning:${notice}`));
      expect(lines.slice(0, notices.length)).toEqual(notices.map((notice) => `warning:${notice}`));
      expect(set.map(({ resolution }) => resolution.ref)).toEqual(refs);
      expect(summaryOf(set).map(([, sha]) => sha)).toEqual(
        refs.map((ref) => (ref.includes('/web:') ? SHA_WEB : SHA_API)),
      );
      expect(registry.calls.filter((call) => call.path !== call.path.toLowerCase())).toEqual([]);
    },
  );

  describe('local source: the pair by image id', () => {
    const ID = `sha256:${'e'.repeat(64)}`;
    const OTHER_ID = `sha256:${'f'.repeat(64)}`;
    const local = (id: string, sha: string): ImageDetails => ({
      id,
      env: [`SHA=${sha}`],
      labels: {},
      repoDigests: [],
      repoTags: [],
      cmd: [],
    });

    it.each<[string, Record<string, ImageDetails>, string | undefined]>([
      [
        'the short sha tag is the same image',
        { 'ghcr.io/acme/web:latest': local(ID, SHA_WEB), 'ghcr.io/acme/web:d24155b': local(ID, SHA_WEB) },
        undefined,
      ],
      [
        'the short sha tag is another image',
        { 'ghcr.io/acme/web:latest': local(ID, SHA_WEB), 'ghcr.io/acme/web:d24155b': local(OTHER_ID, SHA_WEB) },
        `${NOT_CONSISTENT} 1 of 1 images did not resolve as a pair. line 1 (WEB=ghcr.io/acme/web:latest): ghcr.io/acme/web:latest is commit ${SHA_WEB}, but the local ghcr.io/acme/web:d24155b is another image (${OTHER_ID}, not ${ID}): the pair the main action makes is broken.`,
      ],
      [
        'no short sha tag',
        { 'ghcr.io/acme/web:latest': local(ID, SHA_WEB) },
        `${NOT_CONSISTENT} 1 of 1 images did not resolve as a pair. line 1 (WEB=ghcr.io/acme/web:latest): ghcr.io/acme/web:latest is commit ${SHA_WEB}, but ghcr.io/acme/web:d24155b is not in the local image store: the pair the main action makes is broken.`,
      ],
    ])('%s', async (_case, images, message) => {
      const asked: string[] = [];
      const deps: StandIns = {
        fetch: () => Promise.reject(new Error('the registry must not be asked')),
        inspectLocal: (ref) => {
          asked.push(ref);
          return Promise.resolve(images[ref]);
        },
      };
      const run = resolveSet(
        inputsOf({ images: 'ghcr.io/acme/web', source: 'local' }),
        recordingLogger().logger,
        engineDeps(deps),
      );
      if (message === undefined) {
        const set = await run;
        expect(set.map(({ resolution }) => [resolution.source, resolution.digest])).toEqual([['local', '']]);
      } else await expect(run).rejects.toThrow(new Error(message));
      expect(asked).toEqual(['ghcr.io/acme/web:latest', 'ghcr.io/acme/web:d24155b']);
    });

    it('a tag that is the short sha tag itself: inspected once', async () => {
      const asked: string[] = [];
      const set = await resolveSet(
        inputsOf({ images: 'ghcr.io/acme/web:d24155b', source: 'local' }),
        recordingLogger().logger,
        engineDeps({
          inspectLocal: (ref) => {
            asked.push(ref);
            return Promise.resolve(local(ID, SHA_WEB));
          },
        }),
      );
      expect(set).toHaveLength(1);
      expect(asked).toEqual(['ghcr.io/acme/web:d24155b']);
    });
  });

  describe("credentials: the input's for the first image's registry, docker's stored ones for the rest", () => {
    const CI = { username: 'ci', password: 'pw' };
    const STORED = { username: 'stored', password: 'from-docker-login' };

    it.each<[string, Record<string, string>, string[], (string | undefined)[]]>([
      [
        'registry-username for ghcr.io: the stored ones asked for the other registry only',
        { 'registry-username': 'ci', 'registry-password': 'pw' },
        ['localhost:5000'],
        ['ci', 'stored'],
      ],
      [
        'no registry-username: the stored ones for every image',
        {},
        ['ghcr.io', 'localhost:5000'],
        ['stored', 'stored'],
      ],
    ])('%s', async (_case, overrides, storedAsked, users) => {
      const asked: string[] = [];
      const seen: (string | undefined)[] = [];
      const ghcr = fakeRegistry({ 'ghcr.io/acme/web:latest': WEB }, { basic: users[0] === 'ci' ? CI : STORED });
      const local = fakeRegistry({ 'localhost:5000/acme/api:latest': API }, { basic: STORED });
      const set = await resolveSet(
        inputsOf({ images: 'ghcr.io/acme/web\nlocalhost:5000/acme/api', 'check-pairs': 'false', ...overrides }),
        recordingLogger().logger,
        engineDeps({
          inspectLocal: noDocker,
          fetch: (url, init) => (new URL(url).host === 'ghcr.io' ? ghcr : local).fetch(url, init),
          storedAuth: (registry) => {
            asked.push(registry);
            return Promise.resolve(STORED);
          },
        }),
      );
      for (const call of [...ghcr.calls, ...local.calls].filter((c) => c.authorization !== undefined))
        seen.push(
          Buffer.from(call.authorization?.slice('Basic '.length) ?? '', 'base64')
            .toString()
            .split(':')[0],
        );
      expect(summaryOf(set).map(([prefix, sha]) => [prefix, sha])).toEqual([
        ['WEB', SHA_WEB],
        ['API', SHA_API],
      ]);
      expect(asked.sort()).toEqual(storedAsked);
      expect([...new Set(seen)].sort()).toEqual([...new Set(users)].sort());
    });
  });
});

// ---------------------------------------------------------------------------------------------

describe('what a set gives', () => {
  const inputs = inputsOf({ images: 'ghcr.io/acme/web\nPROXY=nginx:1.27' });
  const [webEntry, proxyEntry] = inputs.entries;
  if (webEntry === undefined || proxyEntry === undefined) throw new Error('expected two entries');
  const webResolution: Resolution = {
    ref: 'ghcr.io/acme/web:latest',
    sha: SHA_WEB,
    tag: 'd24155b',
    digest: WEB.digest,
    imageRef: 'ghcr.io/acme/web:d24155b',
    source: 'registry',
    shaFrom: 'env SHA',
  };
  const proxyResolution: Resolution = {
    ref: 'nginx:1.27',
    sha: SHA_API,
    tag: 'bbbbbbb',
    digest: '',
    imageRef: 'nginx:bbbbbbb',
    source: 'local',
    shaFrom: 'label org.opencontainers.image.revision',
  };
  const set: Resolved[] = [
    { entry: webEntry, resolution: webResolution },
    { entry: proxyEntry, resolution: proxyResolution },
  ];

  it('serviceRecordOf: the entry as asked, the commit and digest as resolved', () => {
    expect(set.map(serviceRecordOf)).toEqual([
      { prefix: 'WEB', image: 'ghcr.io/acme/web', sha: SHA_WEB, tag: 'd24155b', digest: WEB.digest },
      { prefix: 'PROXY', image: 'nginx', sha: SHA_API, tag: 'bbbbbbb', digest: '' },
    ]);
  });

  it('setEnv: a group per image in input order; no DIGEST and a tag reference without a digest', () => {
    expect(setEnv(set)).toBe(
      [
        'WEB_IMAGE=ghcr.io/acme/web',
        `WEB_SHA=${SHA_WEB}`,
        'WEB_TAG=d24155b',
        `WEB_DIGEST=${WEB.digest.slice('sha256:'.length)}`,
        `WEB_IMAGE_REF=ghcr.io/acme/web@${WEB.digest}`,
        'PROXY_IMAGE=nginx',
        `PROXY_SHA=${SHA_API}`,
        'PROXY_TAG=bbbbbbb',
        'PROXY_IMAGE_REF=nginx:bbbbbbb',
        '',
      ].join('\n'),
    );
  });

  it('setJson: one object per image in input order', () => {
    expect(JSON.parse(setJson(set))).toEqual([
      {
        prefix: 'WEB',
        image: 'ghcr.io/acme/web',
        tag: 'latest',
        sha: SHA_WEB,
        shortTag: 'd24155b',
        digest: WEB.digest,
        imageRef: `ghcr.io/acme/web@${WEB.digest}`,
        source: 'registry',
      },
      {
        prefix: 'PROXY',
        image: 'nginx',
        tag: '1.27',
        sha: SHA_API,
        shortTag: 'bbbbbbb',
        digest: '',
        imageRef: 'nginx:bbbbbbb',
        source: 'local',
      },
    ]);
    expect(setJson(set)).not.toContain('\n');
  });

  it('setSummary: a table, a row per image', () => {
    expect(setSummary(set)).toBe(
      [
        '<p><b>Resolved a set of 2 images</b></p>',
        '<table><tr><th>Prefix</th><th>Image</th><th>Commit</th><th>Pinned</th><th>Read from</th></tr>',
        `<tr><td><code>WEB</code></td><td><code>ghcr.io/acme/web:latest</code></td><td><code>${SHA_WEB}</code></td><td><code>ghcr.io/acme/web@${WEB.digest}</code></td><td>registry</td></tr>`,
        `<tr><td><code>PROXY</code></td><td><code>nginx:1.27</code></td><td><code>${SHA_API}</code></td><td><code>nginx:bbbbbbb</code></td><td>local</td></tr>`,
        '</table>',
      ].join('\n'),
    );
    expect(setSummary(set.slice(0, 1))).toContain('<p><b>Resolved a set of 1 image</b></p>');
  });

  it('setSummary escapes HTML in every value', () => {
    const hostile: Resolved = {
      entry: { ...webEntry, prefix: '<P&"x">', tag: '<t>' },
      resolution: { ...webResolution, sha: '"s"&', tag: '<b>', digest: '' },
    };
    const row = setSummary([hostile]).split('\n')[2];
    expect(row).toBe(
      '<tr><td><code>&lt;P&amp;&quot;x&quot;&gt;</code></td><td><code>ghcr.io/acme/web:&lt;t&gt;</code></td><td><code>&quot;s&quot;&amp;</code></td><td><code>ghcr.io/acme/web:&lt;b&gt;</code></td><td>registry</td></tr>',
    );
  });
});
