import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CACHE_AUTO,
  cacheForm,
  cacheMissReason,
  describeCache,
  parseCacheSetting,
  parseCacheSpec,
  planCache,
  registryRef,
  type CacheBuilder,
  type CacheOutcome,
  type CachePlan,
  type CacheSetting,
  type CacheSpec,
} from '../../../src/loop/cache.js';
import { ACTION_NAMING, type InputNaming } from '../../../src/shared/field-parser.js';
import { parseImageName } from '../../../src/shared/image-reference.js';

const DIGEST = `sha256:${'0123456789abcdef'.repeat(4)}`;
const IMAGE = parseImageName('ghcr.io/acme/app');
const LATEST = 'ghcr.io/acme/app:latest';
const FROM_FORM = cacheForm('from');
const TO_FORM = cacheForm('to');
const TYPES = {
  from: ['registry', 'local', 'gha', 's3', 'azblob'],
  to: ['inline', 'registry', 'local', 'gha', 's3', 'azblob'],
};
const CLI_LIKE: InputNaming = { subject: (name) => `--${name}`, name: (name) => `--${name}` };

const from = (raw: string): CacheSetting => parseCacheSetting(raw, 'from');
const to = (raw: string): CacheSetting => parseCacheSetting(raw, 'to');
const spec = (text: string, attributes: Record<string, string>): CacheSpec => ({
  type: attributes.type!,
  attributes,
  text,
});
/** A bare image reference as a cache source: buildx takes it as a registry spec. */
const bare = (ref: string): CacheSpec => spec(`type=registry,ref=${ref}`, { type: 'registry', ref });

const LEGACY: CacheBuilder = { kind: 'legacy' };
const buildx = (driver: string | undefined, containerdStore: boolean, name = ''): CacheBuilder => ({
  kind: 'buildx',
  name,
  driver,
  containerdStore,
});

/** What planCache threw: its message, or a failure when it planned. */
function refusal(run: () => CachePlan): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected planCache to refuse');
}

describe('parseCacheSetting', () => {
  it.each<[string, string, CacheSetting]>([
    ['empty: auto', '', CACHE_AUTO],
    ['blank lines: auto', ' \n\t\n', CACHE_AUTO],
    ['auto', 'auto', { auto: true, specs: [] }],
    ['none: nothing, not even auto', 'none', { auto: false, specs: [] }],
    ['none, trimmed', '  none  \n', { auto: false, specs: [] }],
    ['one spec alone: no auto', 'type=gha', { auto: false, specs: [spec('type=gha', { type: 'gha' })] }],
    [
      'auto beside specs, in order',
      'auto\ntype=registry,ref=ghcr.io/acme/app:buildcache\n\ntype=local,src=/tmp/cache',
      {
        auto: true,
        specs: [
          spec('type=registry,ref=ghcr.io/acme/app:buildcache', {
            type: 'registry',
            ref: 'ghcr.io/acme/app:buildcache',
          }),
          spec('type=local,src=/tmp/cache', { type: 'local', src: '/tmp/cache' }),
        ],
      },
    ],
    [
      'a bare image reference: a registry source, written as buildx takes it',
      'ghcr.io/acme/app:main',
      {
        auto: false,
        specs: [spec('type=registry,ref=ghcr.io/acme/app:main', { type: 'registry', ref: 'ghcr.io/acme/app:main' })],
      },
    ],
    [
      'a bare reference with a port and no tag',
      'localhost:5000/app',
      { auto: false, specs: [bare('localhost:5000/app')] },
    ],
    ['a bare reference by digest', `acme/app@${DIGEST}`, { auto: false, specs: [bare(`acme/app@${DIGEST}`)] }],
    ['a bare reference, trimmed', '  ghcr.io/acme/app:main\t', { auto: false, specs: [bare('ghcr.io/acme/app:main')] }],
    [
      'keys and values trimmed: the text is rebuilt from them, as buildx (which does not trim) needs it',
      ' type = registry ,ref=ghcr.io/acme/app:buildcache , oci-mediatypes= true',
      {
        auto: false,
        specs: [
          spec('type=registry,ref=ghcr.io/acme/app:buildcache,oci-mediatypes=true', {
            type: 'registry',
            ref: 'ghcr.io/acme/app:buildcache',
            'oci-mediatypes': 'true',
          }),
        ],
      },
    ],
    [
      'the text keeps the order of the input (type need not come first)',
      'scope=app,type=gha',
      { auto: false, specs: [spec('scope=app,type=gha', { scope: 'app', type: 'gha' })] },
    ],
    [
      'a value holding "=" (split at the first one only)',
      'type=s3,region=eu-west-1,bucket=ci,endpoint_url=http://minio:9000/?a=b',
      {
        auto: false,
        specs: [
          spec('type=s3,region=eu-west-1,bucket=ci,endpoint_url=http://minio:9000/?a=b', {
            type: 's3',
            region: 'eu-west-1',
            bucket: 'ci',
            endpoint_url: 'http://minio:9000/?a=b',
          }),
        ],
      },
    ],
    [
      'gha with a scope',
      'type=gha,scope=app',
      { auto: false, specs: [spec('type=gha,scope=app', { type: 'gha', scope: 'app' })] },
    ],
  ])('from: %s', (_case, raw, expected) => {
    expect(from(raw)).toEqual(expected);
  });

  it.each<[string, string, CacheSetting]>([
    ['empty: auto', '', CACHE_AUTO],
    ['none', 'none', { auto: false, specs: [] }],
    ['inline', 'type=inline', { auto: false, specs: [spec('type=inline', { type: 'inline' })] }],
    [
      'registry with mode=max beside auto',
      'auto\ntype=registry,ref=ghcr.io/acme/app:buildcache,mode=max',
      {
        auto: true,
        specs: [
          spec('type=registry,ref=ghcr.io/acme/app:buildcache,mode=max', {
            type: 'registry',
            ref: 'ghcr.io/acme/app:buildcache',
            mode: 'max',
          }),
        ],
      },
    ],
    [
      'local needs dest, not src',
      'type=local,dest=/tmp/cache',
      { auto: false, specs: [spec('type=local,dest=/tmp/cache', { type: 'local', dest: '/tmp/cache' })] },
    ],
    ['gha', 'type=gha,mode=max', { auto: false, specs: [spec('type=gha,mode=max', { type: 'gha', mode: 'max' })] }],
    [
      'trimmed, an ignore-error kept as given',
      'type=gha , mode=max,ignore-error = false ',
      {
        auto: false,
        specs: [spec('type=gha,mode=max,ignore-error=false', { type: 'gha', mode: 'max', 'ignore-error': 'false' })],
      },
    ],
  ])('to: %s', (_case, raw, expected) => {
    expect(to(raw)).toEqual(expected);
  });

  it.each<[string, 'from' | 'to', string, string]>([
    [
      'an unknown type',
      'from',
      'type=redis,ref=x',
      'line 1 is "type=redis,ref=x": type=redis is not one of registry, local, gha, s3, azblob',
    ],
    [
      'inline as a source (inline is only for cache-to)',
      'from',
      'type=inline',
      'line 1 is "type=inline": type=inline is not one of registry, local, gha, s3, azblob',
    ],
    [
      'an unknown type (to)',
      'to',
      'type=redis',
      'line 1 is "type=redis": type=redis is not one of inline, registry, local, gha, s3, azblob',
    ],
    [
      'registry without ref',
      'from',
      'type=registry',
      'line 1 is "type=registry": it has no ref=… (type=registry needs one)',
    ],
    [
      'registry without ref (to)',
      'to',
      'type=registry,mode=max',
      'line 1 is "type=registry,mode=max": it has no ref=… (type=registry needs one)',
    ],
    [
      'local without src',
      'from',
      'type=local,dest=/tmp/cache',
      'line 1 is "type=local,dest=/tmp/cache": it has no src=… (type=local needs one)',
    ],
    [
      'local without dest',
      'to',
      'type=local,src=/tmp/cache',
      'line 1 is "type=local,src=/tmp/cache": it has no dest=… (type=local needs one)',
    ],
    ['no type', 'from', 'ref=ghcr.io/acme/app:latest', 'line 1 is "ref=ghcr.io/acme/app:latest": it has no type=…'],
    [
      'a key twice',
      'from',
      'type=registry,ref=a/b:1,ref=a/b:2',
      'line 1 is "type=registry,ref=a/b:1,ref=a/b:2": it sets ref twice',
    ],
    ['type twice', 'to', 'type=gha,type=inline', 'line 1 is "type=gha,type=inline": it sets type twice'],
    [
      'a key twice once trimmed',
      'to',
      'type=gha,mode=max, mode =min',
      'line 1 is "type=gha,mode=max, mode =min": it sets mode twice',
    ],
    ['an empty pair', 'from', 'type=gha,,scope=app', 'line 1 is "type=gha,,scope=app": "" is not key=value'],
    ['a pair without "="', 'from', 'type=gha,scope', 'line 1 is "type=gha,scope": "scope" is not key=value'],
    ['a pair without a value', 'to', 'type=gha,mode=', 'line 1 is "type=gha,mode=": "mode=" is not key=value'],
    ['a pair whose value is blank', 'to', 'type=gha,mode= ', 'line 1 is "type=gha,mode=": "mode=" is not key=value'],
    ['a pair without a key', 'to', 'type=gha,=max', 'line 1 is "type=gha,=max": "=max" is not key=value'],
    [
      'a pair whose key is blank, quoted trimmed',
      'to',
      'type=gha, =max',
      'line 1 is "type=gha, =max": "=max" is not key=value',
    ],
    [
      'a bare word that is no image reference',
      'from',
      'acme/App:v1',
      'line 1 is "acme/App:v1": it is neither a cache spec nor an image reference (the name has the path component "App", which is not lowercase)',
    ],
    [
      'a bare reference as a destination (only sources take one)',
      'to',
      'ghcr.io/acme/app:cache',
      'line 1 is "ghcr.io/acme/app:cache": an image reference is a cache source only; write type=registry,ref=…',
    ],
    [
      'the line quoted trimmed, numbered among the lines',
      'from',
      'auto\n  type=redis  ',
      'line 2 is "type=redis": type=redis is not one of registry, local, gha, s3, azblob',
    ],
    ['none beside auto', 'from', 'none\nauto', 'line 1 is none beside other lines (none stands alone)'],
    ['none beside a spec', 'to', 'type=inline\nnone', 'line 2 is none beside other lines (none stands alone)'],
    [
      'none twice: each none said',
      'from',
      'none\nnone',
      'line 1 is none beside other lines (none stands alone); line 2 is none beside other lines (none stands alone)',
    ],
  ])('refuses %s', (_case, direction, raw, problem) => {
    expect(() => parseCacheSetting(raw, direction)).toThrow(
      new Error(`${problem}; expected ${direction === 'from' ? FROM_FORM : TO_FORM}`),
    );
  });

  it('collects every problem of every line into one message, in line order', () => {
    expect(() => from('type=redis\nauto\ntype=registry\nnone\ntype=gha,scope')).toThrow(
      new Error(
        [
          'line 1 is "type=redis": type=redis is not one of registry, local, gha, s3, azblob',
          'line 3 is "type=registry": it has no ref=… (type=registry needs one)',
          'line 4 is none beside other lines (none stands alone)',
          'line 5 is "type=gha,scope": "scope" is not key=value',
          `expected ${FROM_FORM}`,
        ].join('; '),
      ),
    );
  });

  it.each<'from' | 'to'>(['from', 'to'])(
    '%s: any text gives a setting or a plain Error naming the form',
    (direction) => {
      const text = fc.oneof(
        fc.string({ maxLength: 60 }),
        fc.string({
          unit: fc.constantFrom(...'type=registry,ref=local:src/dest@sha256 gha auto none\n\t'),
          maxLength: 60,
        }),
      );
      fc.assert(
        fc.property(text, (raw) => {
          let setting: CacheSetting;
          try {
            setting = parseCacheSetting(raw, direction);
          } catch (error) {
            expect(Object.getPrototypeOf(error)).toBe(Error.prototype);
            expect((error as Error).message.endsWith(`; expected ${cacheForm(direction)}`)).toBe(true);
            return;
          }
          for (const parsed of setting.specs) {
            expect(TYPES[direction]).toContain(parsed.type);
            expect(parsed.text).not.toMatch(/[\r\n]/);
            // The text is the attributes, trimmed, in order: read again, it is the same spec.
            expect(parsed.attributes.type).toBe(parsed.type);
            for (const [key, value] of Object.entries(parsed.attributes)) {
              expect(key).toBe(key.trim());
              expect(value).toBe(value.trim());
            }
            expect(parseCacheSpec(parsed.text, direction)).toEqual(parsed);
          }
        }),
        { numRuns: 500 },
      );
    },
  );

  it('names the form of each direction', () => {
    expect(FROM_FORM).toContain('type=local,src=…');
    expect(FROM_FORM).not.toContain('inline');
    expect(TO_FORM).toContain('type=local,dest=…');
    expect(TO_FORM).toContain('type=inline');
  });
});

describe('planCache', () => {
  describe('the classic builder: pulls and names only the image itself', () => {
    it.each<[string, string, string, CachePlan]>([
      ['auto: pull IMAGE:latest, then --cache-from it', 'auto', 'auto', { pull: [LATEST], from: [LATEST], to: [] }],
      ['none: nothing pulled', 'none', 'none', { pull: [], from: [], to: [] }],
      [
        'the image under another tag, beside auto',
        'auto\nghcr.io/acme/app:main',
        'auto',
        { pull: [LATEST, 'ghcr.io/acme/app:main'], from: [LATEST, 'ghcr.io/acme/app:main'], to: [] },
      ],
      [
        'the image as a registry spec, alone',
        'type=registry,ref=ghcr.io/acme/app:main',
        'none',
        { pull: ['ghcr.io/acme/app:main'], from: ['ghcr.io/acme/app:main'], to: [] },
      ],
      [
        'the image by digest',
        `ghcr.io/acme/app@${DIGEST}`,
        'auto',
        { pull: [`ghcr.io/acme/app@${DIGEST}`], from: [`ghcr.io/acme/app@${DIGEST}`], to: [] },
      ],
      [
        'auto and its own :latest written out: pulled once',
        `auto\n${LATEST}\ntype=registry,ref=${LATEST}`,
        'auto',
        { pull: [LATEST], from: [LATEST], to: [] },
      ],
    ])('%s', (_case, fromRaw, toRaw, expected) => {
      expect(planCache(from(fromRaw), to(toRaw), IMAGE, LEGACY, ACTION_NAMING)).toEqual(expected);
    });

    it.each([
      ['the Docker Hub spelling', 'docker.io/acme/app:main'],
      ['the familiar spelling', 'acme/app:main'],
      ['the old Docker Hub host', 'index.docker.io/acme/app:main'],
    ])('takes the image under %s', (_case, ref) => {
      expect(planCache(from(ref), CACHE_AUTO, parseImageName('acme/app'), LEGACY, ACTION_NAMING)).toEqual({
        pull: [ref],
        from: [ref],
        to: [],
      });
    });

    const needsBuildKit = (text: string): string =>
      `Input 'cache-from' has "${text}", which needs BuildKit (docker buildx); the classic builder takes only the image's own reference (e.g. ${LATEST}) as a cache source.`;

    it.each([
      ['another image', 'ghcr.io/acme/other:latest', 'type=registry,ref=ghcr.io/acme/other:latest'],
      [
        'a name that only starts like the image',
        'ghcr.io/acme/app-worker:latest',
        'type=registry,ref=ghcr.io/acme/app-worker:latest',
      ],
      ['the same path on another registry', 'docker.io/acme/app:latest', 'type=registry,ref=docker.io/acme/app:latest'],
      ['gha', 'type=gha', 'type=gha'],
      ['local', 'type=local,src=/tmp/cache', 'type=local,src=/tmp/cache'],
      [
        'the image itself with registry-cache attributes',
        `type=registry,ref=${LATEST},oci-mediatypes=true`,
        `type=registry,ref=${LATEST},oci-mediatypes=true`,
      ],
    ])('refuses a cache-from of %s, naming the input', (_case, raw, text) => {
      expect(refusal(() => planCache(from(raw), CACHE_AUTO, IMAGE, LEGACY, ACTION_NAMING))).toBe(needsBuildKit(text));
    });

    it.each([
      'type=inline',
      'type=registry,ref=ghcr.io/acme/app:buildcache,mode=max',
      'type=local,dest=/tmp/c',
      'type=gha',
    ])('refuses any cache-to spec: %s', (raw) => {
      expect(refusal(() => planCache(CACHE_AUTO, to(raw), IMAGE, LEGACY, ACTION_NAMING))).toBe(
        `Input 'cache-to' has "${raw}", which needs BuildKit (docker buildx); with the classic builder use auto (its images are cache sources by themselves) or none.`,
      );
    });

    it('says every refused spec, one a line, cache-from first, named as the face names inputs', () => {
      expect(
        refusal(() =>
          planCache(from('type=gha\nauto\nghcr.io/acme/other:1'), to('type=inline'), IMAGE, LEGACY, CLI_LIKE),
        ).split('\n'),
      ).toEqual([
        expect.stringMatching(/^--cache-from has "type=gha", which needs BuildKit/),
        expect.stringMatching(/^--cache-from has "type=registry,ref=ghcr.io\/acme\/other:1", which needs BuildKit/),
        expect.stringMatching(/^--cache-to has "type=inline", which needs BuildKit/),
      ]);
    });
  });

  describe('buildx with the docker driver, without the containerd image store', () => {
    const builder = buildx('docker', false);

    it.each<[string, string, string, CachePlan]>([
      [
        'auto: the image’s :latest, and inline cache in the pushed image',
        'auto',
        'auto',
        { pull: [], from: [`type=registry,ref=${LATEST}`], to: ['type=inline'] },
      ],
      ['none: nothing', 'none', 'none', { pull: [], from: [], to: [] }],
      [
        'a registry source of another image',
        'type=registry,ref=ghcr.io/acme/base:buildcache',
        'type=inline',
        { pull: [], from: ['type=registry,ref=ghcr.io/acme/base:buildcache'], to: ['type=inline'] },
      ],
      [
        'a bare reference as a source',
        'ghcr.io/acme/base:latest',
        'auto',
        { pull: [], from: ['type=registry,ref=ghcr.io/acme/base:latest'], to: ['type=inline'] },
      ],
      [
        'a local source',
        'type=local,src=/tmp/cache',
        'none',
        { pull: [], from: ['type=local,src=/tmp/cache'], to: [] },
      ],
    ])('%s', (_case, fromRaw, toRaw, expected) => {
      expect(planCache(from(fromRaw), to(toRaw), IMAGE, builder, ACTION_NAMING)).toEqual(expected);
    });

    it.each([
      'type=registry,ref=ghcr.io/acme/app:buildcache,mode=max',
      'type=local,dest=/tmp/cache',
      'type=gha,mode=max',
    ])('refuses cache-to %s, naming the input and the containerd image store', (raw) => {
      expect(refusal(() => planCache(CACHE_AUTO, to(raw), IMAGE, builder, ACTION_NAMING))).toBe(
        `Input 'cache-to' has "${raw}", which needs a builder with another driver (docker-container, kubernetes or remote), or the containerd image store on this engine; the buildx builder (the current one) has the docker driver on an engine without the containerd image store.`,
      );
    });

    it.each<['from' | 'to', string]>([
      ['from', 'type=s3,region=eu-west-1,bucket=ci'],
      ['to', 'type=s3,region=eu-west-1,bucket=ci'],
      ['from', 'type=azblob,name=app'],
      ['to', 'type=azblob,name=app'],
    ])('refuses cache-%s %s: no containerd image store would help', (direction, raw) => {
      const setting = parseCacheSetting(raw, direction);
      const message = refusal(() =>
        planCache(
          direction === 'from' ? setting : CACHE_AUTO,
          direction === 'to' ? setting : CACHE_AUTO,
          IMAGE,
          builder,
          ACTION_NAMING,
        ),
      );
      expect(message).toBe(
        `Input 'cache-${direction}' has "${raw}", which needs a builder with another driver (docker-container, kubernetes or remote); the buildx builder (the current one) has the docker driver on an engine without the containerd image store.`,
      );
    });

    it('names a named builder, and says every refused spec, one a line', () => {
      expect(
        refusal(() =>
          planCache(
            from('type=s3,bucket=ci'),
            to('type=inline\ntype=gha\ntype=local,dest=/c'),
            IMAGE,
            buildx('docker', false, 'default'),
            CLI_LIKE,
          ),
        ).split('\n'),
      ).toEqual([
        '--cache-from has "type=s3,bucket=ci", which needs a builder with another driver (docker-container, kubernetes or remote); the buildx builder "default" has the docker driver on an engine without the containerd image store.',
        '--cache-to has "type=gha", which needs a builder with another driver (docker-container, kubernetes or remote), or the containerd image store on this engine; the buildx builder "default" has the docker driver on an engine without the containerd image store.',
        '--cache-to has "type=local,dest=/c", which needs a builder with another driver (docker-container, kubernetes or remote), or the containerd image store on this engine; the buildx builder "default" has the docker driver on an engine without the containerd image store.',
      ]);
    });
  });

  describe('buildx with the docker driver on the containerd image store', () => {
    const builder = buildx('docker', true);

    it.each<[string, string[]]>([
      [
        'type=registry,ref=ghcr.io/acme/app:buildcache,mode=max',
        ['type=inline', 'type=registry,ref=ghcr.io/acme/app:buildcache,mode=max,ignore-error=true'],
      ],
      ['type=local,dest=/tmp/cache', ['type=inline', 'type=local,dest=/tmp/cache,ignore-error=true']],
      ['type=gha,mode=max', ['type=inline', 'type=gha,mode=max,ignore-error=true']],
      // auto is inline already: once, and inline never gets ignore-error (it is no export of its own).
      ['type=inline', ['type=inline']],
    ])('exports to %s beside auto, a failed export failing nothing', (raw, expected) => {
      expect(planCache(CACHE_AUTO, to(`auto\n${raw}`), IMAGE, builder, ACTION_NAMING)).toEqual({
        pull: [],
        from: [`type=registry,ref=${LATEST}`],
        to: expected,
      });
    });

    it.each<['from' | 'to', string]>([
      ['from', 'type=s3,bucket=ci'],
      ['to', 'type=s3,bucket=ci'],
      ['to', 'type=azblob,name=app'],
    ])('still refuses cache-%s %s', (direction, raw) => {
      const setting = parseCacheSetting(raw, direction);
      expect(
        refusal(() =>
          planCache(
            direction === 'from' ? setting : CACHE_AUTO,
            direction === 'to' ? setting : CACHE_AUTO,
            IMAGE,
            buildx('docker', true, 'default'),
            ACTION_NAMING,
          ),
        ),
      ).toBe(
        `Input 'cache-${direction}' has "${raw}", which needs a builder with another driver (docker-container, kubernetes or remote); the buildx builder "default" has the docker driver.`,
      );
    });
  });

  describe.each<[string, CacheBuilder]>([
    ['docker-container', buildx('docker-container', false, 'kit')],
    ['kubernetes', buildx('kubernetes', false, 'k8s')],
    ['remote, containerd store', buildx('remote', true, 'far')],
    ['a driver buildx did not tell', buildx(undefined, false)],
  ])('buildx with the %s driver: every spec as given (exports ignoring errors)', (_driver, builder) => {
    it.each<[string, string, string, CachePlan]>([
      ['auto', 'auto', 'auto', { pull: [], from: [`type=registry,ref=${LATEST}`], to: ['type=inline'] }],
      ['none', 'none', 'none', { pull: [], from: [], to: [] }],
      [
        'every type, both ways',
        'type=registry,ref=ghcr.io/acme/app:buildcache\ntype=local,src=/c\ntype=gha,scope=app\ntype=s3,bucket=ci\ntype=azblob,name=app',
        'type=registry,ref=ghcr.io/acme/app:buildcache,mode=max\ntype=local,dest=/c\ntype=gha,mode=max\ntype=s3,bucket=ci\ntype=azblob,name=app\ntype=inline',
        {
          pull: [],
          from: [
            'type=registry,ref=ghcr.io/acme/app:buildcache',
            'type=local,src=/c',
            'type=gha,scope=app',
            'type=s3,bucket=ci',
            'type=azblob,name=app',
          ],
          to: [
            'type=registry,ref=ghcr.io/acme/app:buildcache,mode=max,ignore-error=true',
            'type=local,dest=/c,ignore-error=true',
            'type=gha,mode=max,ignore-error=true',
            'type=s3,bucket=ci,ignore-error=true',
            'type=azblob,name=app,ignore-error=true',
            'type=inline',
          ],
        },
      ],
      [
        'an ignore-error given stays as given, not doubled (true or false)',
        'none',
        'type=gha,ignore-error=false,mode=max\ntype=registry,ref=ghcr.io/acme/app:buildcache,ignore-error=true',
        {
          pull: [],
          from: [],
          to: [
            'type=gha,ignore-error=false,mode=max',
            'type=registry,ref=ghcr.io/acme/app:buildcache,ignore-error=true',
          ],
        },
      ],
      [
        'one export written with and without ignore-error=true: once',
        'none',
        'type=gha,mode=max\ntype=gha,mode=max,ignore-error=true',
        { pull: [], from: [], to: ['type=gha,mode=max,ignore-error=true'] },
      ],
      [
        'trimmed specs, as buildx needs them; sources without ignore-error',
        ' type = gha , scope=app \n ghcr.io/acme/base:latest ',
        'type = gha , scope=app , mode=max',
        {
          pull: [],
          from: ['type=gha,scope=app', 'type=registry,ref=ghcr.io/acme/base:latest'],
          to: ['type=gha,scope=app,mode=max,ignore-error=true'],
        },
      ],
      [
        'auto first, then the specs, each once',
        `type=gha\nauto\ntype=registry,ref=${LATEST}\n${LATEST}\ntype=gha`,
        'type=registry,ref=ghcr.io/acme/app:buildcache,mode=max\nauto\ntype=inline',
        {
          pull: [],
          from: [`type=registry,ref=${LATEST}`, 'type=gha'],
          to: ['type=inline', 'type=registry,ref=ghcr.io/acme/app:buildcache,mode=max,ignore-error=true'],
        },
      ],
    ])('%s', (_case, fromRaw, toRaw, expected) => {
      expect(planCache(from(fromRaw), to(toRaw), IMAGE, builder, ACTION_NAMING)).toEqual(expected);
    });
  });

  it('takes :latest of the image as written (a registry with a port)', () => {
    expect(planCache(CACHE_AUTO, CACHE_AUTO, parseImageName('localhost:5000/app'), LEGACY, ACTION_NAMING)).toEqual({
      pull: ['localhost:5000/app:latest'],
      from: ['localhost:5000/app:latest'],
      to: [],
    });
  });
});

describe('cacheMissReason', () => {
  it.each([
    [
      "BuildKit's registry importer: no such cache",
      'failed to configure registry cache importer: 127.0.0.1:5111/exp/app:latest: not found',
      'not found',
    ],
    [
      "docker pull's missing tag",
      'Error response from daemon: manifest for 127.0.0.1:5111/exp/app:latest not found: manifest unknown: manifest unknown',
      'not found',
    ],
    [
      'a repository the registry does not know',
      'Error response from daemon: name unknown: repository name not known to registry',
      'not found',
    ],
    [
      'the last line says it (pull progress before)',
      'latest: Pulling from exp/app\nError response from daemon: manifest for x:latest not found: manifest unknown\n\n',
      'not found',
    ],
    [
      'unauthorized (docker pull)',
      'Error response from daemon: Head "https://127.0.0.1:5111/v2/exp/app/manifests/latest": unauthorized: authentication required',
      'refused: Head "https://127.0.0.1:5111/v2/exp/app/manifests/latest": unauthorized: authentication required',
    ],
    [
      'unauthorized (BuildKit)',
      'failed to configure registry cache importer: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://ghcr.io/token: 401 Unauthorized',
      'refused: failed to authorize: failed to fetch oauth token: unexpected status from GET request to https://ghcr.io/token: 401 Unauthorized',
    ],
    [
      'denied',
      "Error response from daemon: pull access denied for acme/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
      "refused: pull access denied for acme/app, repository does not exist or may require 'docker login': denied: requested access to the resource is denied",
    ],
    [
      'forbidden',
      'failed to configure registry cache importer: unexpected status: 403 Forbidden',
      'refused: unexpected status: 403 Forbidden',
    ],
    [
      'no credentials for the registry (docker pull)',
      'Error response from daemon: Head "https://ghcr.io/v2/acme/app/manifests/latest": no basic auth credentials',
      'refused: Head "https://ghcr.io/v2/acme/app/manifests/latest": no basic auth credentials',
    ],
    [
      'no credentials for the registry (BuildKit)',
      'failed to configure registry cache importer: failed to authorize: no basic auth credentials',
      'refused: failed to authorize: no basic auth credentials',
    ],
    [
      "the importer's prefix goes from the last line (progress before)",
      '#3 importing cache manifest\nfailed to configure registry cache importer: unexpected status: 500 Internal Server Error\n',
      'unreachable: unexpected status: 500 Internal Server Error',
    ],
    [
      'connection refused (docker pull)',
      'Error response from daemon: Get "https://127.0.0.1:5111/v2/": dial tcp 127.0.0.1:5111: connect: connection refused',
      'unreachable: Get "https://127.0.0.1:5111/v2/": dial tcp 127.0.0.1:5111: connect: connection refused',
    ],
    [
      'connection refused (BuildKit)',
      'failed to configure registry cache importer: failed to do request: Head "https://127.0.0.1:5111/v2/exp/app/manifests/latest": dial tcp 127.0.0.1:5111: connect: connection refused',
      'unreachable: failed to do request: Head "https://127.0.0.1:5111/v2/exp/app/manifests/latest": dial tcp 127.0.0.1:5111: connect: connection refused',
    ],
    [
      'no such host',
      'Error response from daemon: Get "https://registry.invalid/v2/": dial tcp: lookup registry.invalid: no such host',
      'unreachable: Get "https://registry.invalid/v2/": dial tcp: lookup registry.invalid: no such host',
    ],
  ])('%s', (_case, message, reason) => {
    expect(cacheMissReason(message)).toBe(reason);
  });
});

describe('describeCache', () => {
  const outcome = (overrides: Partial<CacheOutcome>): CacheOutcome => ({
    sources: [],
    stepsReused: 0,
    stepsRun: 0,
    exportedTo: ['type=inline'],
    ...overrides,
  });
  const found = (source: string) => ({ source, found: true, reason: undefined });
  const missed = (source: string, reason: string | undefined) => ({ source, found: false, reason });
  /** A source BuildKit does not say anything of (not a registry): whether it held anything is unknown. */
  const untold = (source: string) => ({ source, found: undefined, reason: undefined });

  it.each<[string, CacheOutcome, string]>([
    [
      'a hit from the source',
      outcome({ sources: [found(LATEST)], stepsReused: 3, stepsRun: 1 }),
      `cache: hit from ${LATEST} (3 of 4 steps reused, 1 run)`,
    ],
    [
      'a hit from two sources',
      outcome({ sources: [found(LATEST), found('ghcr.io/acme/app:main')], stepsReused: 2, stepsRun: 0 }),
      `cache: hit from ${LATEST}, ghcr.io/acme/app:main (2 of 2 steps reused, 0 run)`,
    ],
    [
      'a hit from one source, the other missed',
      outcome({ sources: [missed('ghcr.io/acme/app:main', 'not found'), found(LATEST)], stepsReused: 1, stepsRun: 1 }),
      `cache: hit from ${LATEST} (1 of 2 steps reused, 1 run); miss: ghcr.io/acme/app:main not found`,
    ],
    [
      "a hit from the engine's own cache, the source missed",
      outcome({ sources: [missed(LATEST, 'not found')], stepsReused: 2, stepsRun: 1 }),
      `cache: hit from the engine's own cache (2 of 3 steps reused, 1 run); miss: ${LATEST} not found`,
    ],
    [
      "a hit from the engine's own cache with no source (cache-from none)",
      outcome({ stepsReused: 2, stepsRun: 0 }),
      "cache: hit from the engine's own cache (2 of 2 steps reused, 0 run)",
    ],
    [
      'a miss, saying why',
      outcome({
        sources: [missed(LATEST, 'unreachable: dial tcp 127.0.0.1:5111: connect: connection refused')],
        stepsRun: 3,
      }),
      `cache: miss: ${LATEST} unreachable: dial tcp 127.0.0.1:5111: connect: connection refused (0 of 3 steps reused, 3 run)`,
    ],
    [
      'a miss from two sources',
      outcome({ sources: [missed(LATEST, 'not found'), missed('type=gha', 'refused: 403 Forbidden')], stepsRun: 2 }),
      `cache: miss: ${LATEST} not found; type=gha refused: 403 Forbidden (0 of 2 steps reused, 2 run)`,
    ],
    [
      'a missed source with no reason: not found',
      outcome({ sources: [missed(LATEST, undefined)], stepsRun: 2 }),
      `cache: miss: ${LATEST} not found (0 of 2 steps reused, 2 run)`,
    ],
    [
      'a source found that held nothing of this build',
      outcome({ sources: [found(LATEST)], stepsRun: 2 }),
      'cache: miss (0 of 2 steps reused, 2 run)',
    ],
    [
      'no source at all',
      outcome({ stepsRun: 2 }),
      'cache: miss (0 of 2 steps reused, 2 run); no cache source asked for',
    ],
    ['one step, run', outcome({ sources: [found(LATEST)], stepsRun: 1 }), 'cache: miss (0 of 1 step reused, 1 run)'],
    [
      'one step, reused',
      outcome({ sources: [found(LATEST)], stepsReused: 1 }),
      `cache: hit from ${LATEST} (1 of 1 step reused, 0 run)`,
    ],
    [
      "reused from a source that does not say: it, or the engine's own cache",
      outcome({ sources: [untold('type=gha')], stepsReused: 2, stepsRun: 1 }),
      "cache: hit from type=gha or the engine's own cache (2 of 3 steps reused, 1 run)",
    ],
    [
      'reused from one of two sources that do not say',
      outcome({ sources: [untold('type=gha,scope=app'), untold('type=local,src=/c')], stepsReused: 1, stepsRun: 0 }),
      "cache: hit from type=gha,scope=app or type=local,src=/c or the engine's own cache (1 of 1 step reused, 0 run)",
    ],
    [
      'a source found beside one that does not say: the one found',
      outcome({ sources: [untold('type=gha'), found(LATEST)], stepsReused: 2, stepsRun: 0 }),
      `cache: hit from ${LATEST} (2 of 2 steps reused, 0 run)`,
    ],
    [
      'reused, a registry source missed and one that does not say',
      outcome({ sources: [missed(LATEST, 'not found'), untold('type=gha')], stepsReused: 1, stepsRun: 2 }),
      `cache: hit from type=gha or the engine's own cache (1 of 3 steps reused, 2 run); miss: ${LATEST} not found`,
    ],
    [
      'nothing reused from a source that does not say',
      outcome({ sources: [untold('type=gha')], stepsRun: 2 }),
      'cache: type=gha gave nothing (0 of 2 steps reused, 2 run)',
    ],
    [
      'nothing reused: the misses first, then the sources that do not say',
      outcome({
        sources: [untold('type=gha'), missed(LATEST, 'refused: 403 Forbidden'), untold('type=local,src=/c')],
        stepsRun: 2,
      }),
      `cache: miss: ${LATEST} refused: 403 Forbidden; type=gha gave nothing; type=local,src=/c gave nothing (0 of 2 steps reused, 2 run)`,
    ],
    [
      'nothing reused, a source found and one that does not say',
      outcome({ sources: [found(LATEST), untold('type=gha')], stepsRun: 1 }),
      'cache: type=gha gave nothing (0 of 1 step reused, 1 run)',
    ],
    [
      'no steps (a Dockerfile of FROM and metadata)',
      outcome({ sources: [found(LATEST)] }),
      'cache: miss (0 of 0 steps reused, 0 run)',
    ],
  ])('%s', (_case, cache, expected) => {
    expect(describeCache(cache)).toBe(expected);
  });
});

describe('registryRef', () => {
  it.each<[string, string, string | undefined]>([
    ['type first', 'type=registry,ref=ghcr.io/acme/app:latest', 'ghcr.io/acme/app:latest'],
    ['ref first', 'ref=ghcr.io/acme/app:latest,type=registry', 'ghcr.io/acme/app:latest'],
    [
      'with more fields',
      'type=registry,mode=max,ref=127.0.0.1:5000/a:cache,ignore-error=true',
      '127.0.0.1:5000/a:cache',
    ],
    ['a port in the ref', 'type=registry,ref=localhost:5000/app', 'localhost:5000/app'],
    ['another type with a ref', 'type=gha,ref=x', undefined],
    ['a local source', 'type=local,src=/tmp/cache', undefined],
    ['registry without ref', 'type=registry', undefined],
    ['inline', 'type=inline', undefined],
  ])('%s', (_case, spec, ref) => {
    expect(registryRef(spec)).toBe(ref);
  });
});
