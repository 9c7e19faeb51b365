import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  BAKE_BUILD_TARGET,
  BAKE_STAMP_TARGET,
  bakeArgs,
  bakeEntitlements,
  bakeDefinition,
  bakeLiteral,
  dockerfileString,
  legacyBuildArgs,
  legacyStampArgs,
  secretArg,
  STAMP_BASE,
  stampDockerfile,
  type BakeOptions,
  type BuildSecret,
  type LegacyBuildOptions,
} from '../../../src/docker/build-args.js';
import type { KeyValue } from '../../../src/shared/vocabulary.js';

const IMAGE_ID = `sha256:${'b'.repeat(64)}`;
const SHA = 'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8';
const SECRETS: BuildSecret[] = [
  { id: 'npm', source: { env: 'NPM_TOKEN' } },
  { id: 'ssh_key', source: { src: '/run/secrets/key' } },
];

/** The two targets of a bake file, as bakeDefinition writes them. */
interface BakeFile {
  target: Record<string, Record<string, unknown>>;
}

const LEGACY: LegacyBuildOptions = {
  context: '.',
  file: 'Dockerfile',
  buildArgs: [],
  target: '',
  iidFile: '/tmp/w/base.iid',
  cacheFrom: [],
};

const BAKE: BakeOptions = {
  fsEntitlements: true,
  context: '/home/runner/work/app',
  file: '/home/runner/work/app/Dockerfile',
  buildArgs: [],
  target: '',
  secrets: [],
  tags: ['acme/app:d24155b', 'acme/app:latest'],
  stampDockerfile: stampDockerfile(STAMP_BASE, 'SHA', SHA, []),
  // As buildImage gives it: the build's own context (the stamp reads nothing of it).
  stampContext: '/home/runner/work/app',
  cacheFrom: [],
  cacheTo: [],
};

const bake = (overrides: Partial<BakeOptions> = {}): BakeFile => bakeDefinition({ ...BAKE, ...overrides }) as BakeFile;

describe('secretArg', () => {
  it.each<[BuildSecret, string]>([
    [{ id: 'npm', source: { env: 'NPM_TOKEN' } }, 'id=npm,env=NPM_TOKEN'],
    [{ id: 'ssh_key', source: { src: '/run/secrets/key' } }, 'id=ssh_key,src=/run/secrets/key'],
  ])('%j → %s', (secret, expected) => {
    expect(secretArg(secret)).toBe(expected);
  });
});

describe('legacyBuildArgs', () => {
  it.each<[string, Partial<LegacyBuildOptions>, string[]]>([
    ['plain', {}, ['build', '--force-rm', '--file', 'Dockerfile', '--iidfile', '/tmp/w/base.iid', '.']],
    [
      'target and build args',
      {
        context: 'services/api',
        file: 'services/api/Dockerfile',
        buildArgs: [
          { key: 'NODE_ENV', value: 'production' },
          { key: 'URL', value: 'http://x/?a=1 b' },
          { key: 'EMPTY', value: '' },
        ],
        target: 'runtime',
      },
      [
        'build',
        '--force-rm',
        '--file',
        'services/api/Dockerfile',
        '--iidfile',
        '/tmp/w/base.iid',
        '--build-arg',
        'NODE_ENV=production',
        '--build-arg',
        'URL=http://x/?a=1 b',
        '--build-arg',
        'EMPTY=',
        '--target',
        'runtime',
        'services/api',
      ],
    ],
    [
      'target only',
      { target: 'test', iidFile: 'i' },
      ['build', '--force-rm', '--file', 'Dockerfile', '--iidfile', 'i', '--target', 'test', '.'],
    ],
    [
      'the pulled cache sources, each its own --cache-from, in order',
      { cacheFrom: ['ghcr.io/acme/app:latest', 'ghcr.io/acme/app:main'] },
      [
        'build',
        '--force-rm',
        '--cache-from',
        'ghcr.io/acme/app:latest',
        '--cache-from',
        'ghcr.io/acme/app:main',
        '--file',
        'Dockerfile',
        '--iidfile',
        '/tmp/w/base.iid',
        '.',
      ],
    ],
  ])('%s', (_case, overrides, expected) => {
    expect(legacyBuildArgs({ ...LEGACY, ...overrides })).toEqual(expected);
  });

  // The classic builder has no secrets: build args would leave them readable in the image history. The loop
  // refuses build-secrets without buildx (checkPhase; e2e: secrets.test.ts), and this argv has no place for them.
  it('has no secrets field: a secret cannot be handed to the classic builder', () => {
    expectTypeOf<LegacyBuildOptions>().not.toHaveProperty('secrets');
  });

  it('never passes a secret, even from a request that carries some (buildImage spreads its request)', () => {
    const request = { ...LEGACY, buildArgs: [{ key: 'A', value: '1' }], secrets: SECRETS };
    const args = legacyBuildArgs(request);
    expect(args).toEqual([
      'build',
      '--force-rm',
      '--file',
      'Dockerfile',
      '--iidfile',
      '/tmp/w/base.iid',
      '--build-arg',
      'A=1',
      '.',
    ]);
    expect(args.join(' ')).not.toMatch(/secret|npm|NPM_TOKEN|ssh_key|\/run\/secrets/);
  });
});

describe('legacyStampArgs', () => {
  it.each<[string[], string[]]>([
    [
      ['acme/app:d24155b', 'acme/app:latest'],
      ['build', '--tag', 'acme/app:d24155b', '--tag', 'acme/app:latest', '-'],
    ],
    [[], ['build', '-']],
  ])('tags %j (the labels go in the stdin Dockerfile)', (tags, expected) => {
    expect(legacyStampArgs(tags)).toEqual(expected);
  });
});

describe('bakeDefinition', () => {
  it('has the build target and the stamp, which starts from the build target', () => {
    const labels: KeyValue[] = [{ key: 'org.opencontainers.image.revision', value: SHA }];
    const definition = bake({
      buildArgs: [
        { key: 'NODE_ENV', value: 'production' },
        { key: 'EMPTY', value: '' },
      ],
      target: 'runtime',
      secrets: SECRETS,
      stampDockerfile: stampDockerfile(STAMP_BASE, 'SHA', SHA, labels),
      cacheFrom: ['type=registry,ref=ghcr.io/acme/app:latest', 'type=gha'],
      cacheTo: ['type=inline', 'type=registry,ref=ghcr.io/acme/app:buildcache,mode=max'],
    });
    expect(definition).toStrictEqual({
      target: {
        build: {
          context: '/home/runner/work/app',
          dockerfile: '/home/runner/work/app/Dockerfile',
          args: { NODE_ENV: 'production', EMPTY: '' },
          target: 'runtime',
          secret: ['id=npm,env=NPM_TOKEN', 'id=ssh_key,src=/run/secrets/key'],
          'cache-from': ['type=registry,ref=ghcr.io/acme/app:latest', 'type=gha'],
          output: ['type=cacheonly'],
        },
        stamp: {
          context: '/home/runner/work/app',
          'dockerfile-inline': `FROM build-test-deploy-build\nENV SHA=${SHA}\nLABEL "org.opencontainers.image.revision"="${SHA}"\n`,
          contexts: { 'build-test-deploy-build': 'target:build' },
          tags: ['acme/app:d24155b', 'acme/app:latest'],
          'cache-from': ['type=registry,ref=ghcr.io/acme/app:latest', 'type=gha'],
          'cache-to': ['type=inline', 'type=registry,ref=ghcr.io/acme/app:buildcache,mode=max'],
          output: ['type=docker'],
        },
      },
    });
  });

  it("names the targets as bakeArgs and the stamp's FROM do", () => {
    const definition = bake();
    expect(Object.keys(definition.target)).toEqual([BAKE_BUILD_TARGET, BAKE_STAMP_TARGET]);
    const stamp = definition.target[BAKE_STAMP_TARGET]!;
    // The stamp's FROM is the name its contexts map to the build target's result.
    expect(stamp['dockerfile-inline']).toMatch(new RegExp(`^FROM ${STAMP_BASE}\n`));
    expect(stamp.contexts).toEqual({ [STAMP_BASE]: `target:${BAKE_BUILD_TARGET}` });
  });

  it.each<[string, Partial<BakeOptions>, string[], string[]]>([
    [
      'nothing to add: no target, no secrets, empty args and cache lists',
      {},
      ['args', 'cache-from', 'context', 'dockerfile', 'output'],
      ['cache-from', 'cache-to', 'context', 'contexts', 'dockerfile-inline', 'output', 'tags'],
    ],
    [
      'secrets and a target: on the build target only',
      { secrets: SECRETS, target: 'runtime', buildArgs: [{ key: 'A', value: '1' }] },
      ['args', 'cache-from', 'context', 'dockerfile', 'output', 'secret', 'target'],
      ['cache-from', 'cache-to', 'context', 'contexts', 'dockerfile-inline', 'output', 'tags'],
    ],
  ])('%s', (_case, overrides, buildKeys, stampKeys) => {
    const { target } = bake(overrides);
    expect(Object.keys(target.build!).sort()).toEqual(buildKeys);
    expect(Object.keys(target.stamp!).sort()).toEqual(stampKeys);
  });

  it.each([
    ["the build's own context (what buildImage gives)", BAKE.context],
    ['any other directory: a plain option', '/tmp/w/other'],
  ])('gives the stamp the context it is given: %s', (_case, stampContext) => {
    const { build, stamp } = bake({ stampContext }).target;
    expect(stamp!.context).toBe(stampContext);
    expect(build!.context).toBe(BAKE.context);
  });

  it('omits the target when empty, and leaves no empty secret list', () => {
    const { build } = bake({ target: '', secrets: [] }).target;
    expect(build).not.toHaveProperty('target');
    expect(build).not.toHaveProperty('secret');
    expect(build!.args).toEqual({});
  });

  it('imports the cache in both targets, exports it only from the stamp (the image that is pushed)', () => {
    const { build, stamp } = bake({
      cacheFrom: ['type=registry,ref=ghcr.io/acme/app:latest'],
      cacheTo: ['type=inline'],
    }).target;
    expect(build!['cache-from']).toEqual(['type=registry,ref=ghcr.io/acme/app:latest']);
    expect(stamp!['cache-from']).toEqual(['type=registry,ref=ghcr.io/acme/app:latest']);
    expect(build).not.toHaveProperty('cache-to');
    expect(stamp!['cache-to']).toEqual(['type=inline']);
  });

  it('keeps only the stamp: the build target goes to the cache, the stamp into the engine', () => {
    const { build, stamp } = bake().target;
    expect(build!.output).toEqual(['type=cacheonly']);
    expect(stamp!.output).toEqual(['type=docker']);
    expect(build).not.toHaveProperty('tags');
  });

  it('keeps every string literal: no value is read as an HCL template', () => {
    const { build, stamp } = bake({
      context: '/w/${X}',
      file: '/w/${X}/Dockerfile',
      buildArgs: [
        { key: 'GREETING', value: 'hello ${USER} 100%{x}' },
        { key: 'PLAIN', value: '$HOME %s' },
      ],
      secrets: [{ id: 'tok', source: { src: '/run/${X}' } }],
      tags: ['acme/app:${X}'],
      stampDockerfile: stampDockerfile(STAMP_BASE, 'SHA', SHA, [{ key: 'note', value: '${PATH} %{ if x }' }]),
      stampContext: '/tmp/%{w}',
      cacheFrom: ['type=local,src=/c/${X}'],
      cacheTo: ['type=local,dest=/c/%{X}'],
    }).target;
    expect(build).toMatchObject({
      context: '/w/$${X}',
      dockerfile: '/w/$${X}/Dockerfile',
      args: { GREETING: 'hello $${USER} 100%%{x}', PLAIN: '$HOME %s' },
      secret: ['id=tok,src=/run/$${X}'],
      'cache-from': ['type=local,src=/c/$${X}'],
    });
    expect(stamp).toMatchObject({
      context: '/tmp/%%{w}',
      // dockerfileString escapes $ for the Dockerfile; bakeLiteral then keeps ${ from HCL.
      'dockerfile-inline': [`FROM ${STAMP_BASE}`, `ENV SHA=${SHA}`, 'LABEL "note"="\\$${PATH} %%{ if x }"', ''].join(
        '\n',
      ),
      tags: ['acme/app:$${X}'],
      'cache-from': ['type=local,src=/c/$${X}'],
      'cache-to': ['type=local,dest=/c/%%{X}'],
      contexts: { [STAMP_BASE]: 'target:build' },
    });
  });
});

describe('bakeLiteral', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['${X}', '$${X}'],
    ['%{ if x }', '%%{ if x }'],
    ['${a}${b}%{c}', '$${a}$${b}%%{c}'],
    ['$X $(cmd) $ {X} % {x} 100% $', '$X $(cmd) $ {X} % {x} 100% $'],
    // Already escaped text stays what it said: $${ reads back as ${ with one more $ before it.
    ['$${X}', '$$${X}'],
    ['%%{x}', '%%%{x}'],
    ['\\${X}', '\\$${X}'],
    ['{}', '{}'],
  ])('%j → %j', (text, expected) => {
    expect(bakeLiteral(text)).toBe(expected);
  });
});

describe('bakeArgs', () => {
  it.each<[string, string, string[]]>([
    [
      'the current builder',
      '',
      [
        'buildx',
        'bake',
        '--file',
        '/tmp/w/bake.json',
        '--metadata-file',
        '/tmp/w/metadata.json',
        '--progress=rawjson',
        '--provenance=false',
        'stamp',
      ],
    ],
    [
      'a named builder',
      'remote-kit',
      [
        'buildx',
        'bake',
        '--file',
        '/tmp/w/bake.json',
        '--metadata-file',
        '/tmp/w/metadata.json',
        '--progress=rawjson',
        '--provenance=false',
        '--builder',
        'remote-kit',
        'stamp',
      ],
    ],
  ])('%s', (_case, builder, expected) => {
    const args = bakeArgs({ bakeFile: '/tmp/w/bake.json', metadataFile: '/tmp/w/metadata.json', builder });
    expect(args).toEqual(expected);
    // Bake builds the target it is given last; the build target comes with it, as the stamp's context.
    expect(args.at(-1)).toBe(BAKE_STAMP_TARGET);
  });
});

describe('bakeArgs with entitlements', () => {
  it('each one an --allow, before the target', () => {
    const args = bakeArgs({
      bakeFile: '/tmp/w/bake.json',
      metadataFile: '/tmp/w/metadata.json',
      builder: '',
      allow: ['fs.read=/run/secrets/npmrc', 'fs.write=/tmp'],
    });
    expect(args.slice(-3)).toEqual(['--allow=fs.read=/run/secrets/npmrc', '--allow=fs.write=/tmp', 'stamp']);
  });
});

describe('bakeEntitlements: exactly what the inputs name', () => {
  const none = { secrets: [], cacheFrom: [], cacheTo: [] };
  // The deepest existing part: here, /tmp exists and /tmp/new-cache not yet.
  const existing = (file: string): string => (file.startsWith('/tmp/new-cache') ? '/tmp' : file);
  it.each<[string, Partial<Parameters<typeof bakeEntitlements>[0]>, string[]]>([
    ['nothing named: nothing', {}, []],
    ['a secret from an environment variable: nothing', { secrets: [{ id: 'a', source: { env: 'TOKEN' } }] }, []],
    [
      'a secret file: read',
      { secrets: [{ id: 'npm', source: { src: '/home/runner/.npmrc' } }] },
      ['fs.read=/home/runner/.npmrc'],
    ],
    [
      'a local cache source: read; a registry one: nothing',
      { cacheFrom: ['type=local,src=/srv/cache', 'type=registry,ref=ghcr.io/acme/app:cache'] },
      ['fs.read=/srv/cache'],
    ],
    [
      'a local cache not made yet: write, where it will be made',
      { cacheTo: ['type=local,dest=/tmp/new-cache/app,mode=max'] },
      ['fs.write=/tmp'],
    ],
    [
      'the same path twice: once',
      {
        secrets: [
          { id: 'a', source: { src: '/s' } },
          { id: 'b', source: { src: '/s' } },
        ],
      },
      ['fs.read=/s'],
    ],
    [
      'cache specs of other types: nothing',
      { cacheFrom: ['type=gha'], cacheTo: ['type=inline', 'type=gha,mode=max'] },
      [],
    ],
  ])('%s', (_case, options, expected) => {
    expect(bakeEntitlements({ ...none, ...options }, existing)).toEqual(expected);
  });
});

describe('stampDockerfile', () => {
  it.each<[string, string, string, KeyValue[], string]>([
    [
      IMAGE_ID,
      'SHA',
      'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8',
      [],
      `FROM ${IMAGE_ID}\nENV SHA=d24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8\n`,
    ],
    ['sha256:0123', 'GIT_SHA', 'abc', [], 'FROM sha256:0123\nENV GIT_SHA=abc\n'],
    [
      STAMP_BASE,
      'SHA',
      'abc',
      [
        { key: 'org.opencontainers.image.revision', value: 'abc' },
        { key: 'team', value: 'web ops' },
      ],
      'FROM build-test-deploy-build\nENV SHA=abc\nLABEL "org.opencontainers.image.revision"="abc" "team"="web ops"\n',
    ],
  ])('FROM %s, ENV %s=%s, labels %j', (base, env, sha, labels, expected) => {
    expect(stampDockerfile(base, env, sha, labels)).toBe(expected);
  });
});

describe('dockerfileString', () => {
  // Checked against the classic builder: each arrives in the label byte for byte.
  it.each([
    ['plain', '"plain"'],
    ['', '""'],
    ['$HOME ${PATH} $(touch x)', '"\\$HOME \\${PATH} \\$(touch x)"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash\\', '"back\\\\slash\\\\"'],
    ['`cmd` ; && | \t tab', '"`cmd` ; && | \t tab"'],
  ])('%j → %s', (text, expected) => {
    expect(dockerfileString(text)).toBe(expected);
  });
});
