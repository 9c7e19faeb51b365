import { describe, expect, it } from 'vitest';
import type { ContainerImage, HistoryStep, ImageStore, ImageSummary } from '../../../src/docker/output.js';
import {
  CONTAINERD_API_CONNECTIONS,
  PARALLEL_CALLS,
  chunk,
  oneImagePerChain,
  orphanedAncestors,
  ownLayerSizes,
  planPrune,
  pruneParallelism,
  reclaimedBytes,
  type PrunePolicy,
} from '../../../src/loop/prune.js';
import { REPOSITORY_LABEL } from '../../../src/shared/vocabulary.js';
import { imageIdOf, imageSummary } from '../docker/fake-engine.js';

const id = imageIdOf;
const NOW = new Date('2026-11-28T12:00:00Z');

const image = imageSummary;

/** A `docker image history` step; what the instruction was does not matter to ownLayerSizes. */
const step = (stepId: string, size: number, createdBy = '/bin/sh -c make'): HistoryStep => ({
  id: stepId,
  size,
  createdBy,
});

const policy: PrunePolicy = {
  repository: 'acme/app',
  keepTags: new Set(['latest', 'ccccccc']),
  keepNewest: 0,
  graceSeconds: 120,
  now: NOW,
};

describe('planPrune', () => {
  it.each<
    [
      string,
      ImageSummary[],
      ContainerImage[],
      Partial<PrunePolicy>,
      { remove: string[]; kept: { ref: string; reason: string }[] },
    ]
  >([
    [
      'removes stale tags, keeps latest and the tag being built',
      [
        image(1, ['acme/app:aaaaaaa']),
        image(2, ['acme/app:bbbbbbb']),
        image(3, ['acme/app:ccccccc', 'acme/app:latest']),
      ],
      [],
      {},
      { remove: ['acme/app:bbbbbbb', 'acme/app:aaaaaaa'], kept: [] },
    ],
    [
      'never touches other repositories, also not one sharing the prefix',
      [
        image(1, [
          'acme/app-worker:aaaaaaa',
          'acme/application:x',
          'other/app:aaaaaaa',
          'localhost:5000/acme/app:aaaaaaa',
        ]),
        image(2, ['acme/app:bbbbbbb']),
      ],
      [],
      {},
      { remove: ['acme/app:bbbbbbb'], kept: [] },
    ],
    [
      'skips images a container uses, naming the containers',
      [image(1, ['acme/app:aaaaaaa']), image(2, ['acme/app:bbbbbbb'])],
      [
        { name: 'web', imageId: id(1) },
        { name: 'job', imageId: id(1) },
      ],
      {},
      { remove: ['acme/app:bbbbbbb'], kept: [{ ref: 'acme/app:aaaaaaa', reason: 'used by container web, job' }] },
    ],
    [
      'keeps the newest prune-keep by creation time, not by name',
      [image(5, ['acme/app:aaaaaaa']), image(1, ['acme/app:zzzzzzz']), image(9, ['acme/app:mmmmmmm'])],
      [],
      { keepNewest: 2 },
      {
        remove: ['acme/app:zzzzzzz'],
        kept: [
          { ref: 'acme/app:mmmmmmm', reason: 'one of the 2 newest (prune-keep)' },
          { ref: 'acme/app:aaaaaaa', reason: 'one of the 2 newest (prune-keep)' },
        ],
      },
    ],
    [
      'leaves an image tagged within prune-grace alone (a concurrent run)',
      [
        image(1, ['acme/app:aaaaaaa'], { lastTagTime: '2026-11-28T11:59:30Z' }),
        image(2, ['acme/app:bbbbbbb'], { lastTagTime: '2026-11-28T11:57:59Z' }),
      ],
      [],
      {},
      {
        remove: ['acme/app:bbbbbbb'],
        kept: [{ ref: 'acme/app:aaaaaaa', reason: "tagged 30 s ago, within prune-grace (a concurrent run's image?)" }],
      },
    ],
    [
      'prune-grace 0 removes what was just tagged',
      [image(1, ['acme/app:aaaaaaa'], { lastTagTime: '2026-11-28T11:59:59Z' })],
      [],
      { graceSeconds: 0 },
      { remove: ['acme/app:aaaaaaa'], kept: [] },
    ],
    [
      'removes dangling leaves labelled for this repository only',
      [
        image(1, [], { labels: { [REPOSITORY_LABEL]: 'acme/app' } }),
        image(2, [], { labels: { [REPOSITORY_LABEL]: 'acme/app-worker' } }),
        image(3, []),
        image(4, [], { labels: { [REPOSITORY_LABEL]: 'acme/app' } }),
        image(5, ['acme/app:latest'], { parent: id(4) }),
      ],
      [],
      {},
      { remove: [id(1)], kept: [] },
    ],
    [
      'keeps a dangling image a stopped container still uses',
      [image(1, [], { labels: { [REPOSITORY_LABEL]: 'acme/app' } })],
      [{ name: 'old-run', imageId: id(1) }],
      {},
      { remove: [], kept: [{ ref: id(1), reason: 'used by container old-run' }] },
    ],
    [
      'works for registry hosts with a port',
      [image(1, ['localhost:5000/app:aaaaaaa', 'localhost:5000/app:latest'])],
      [],
      { repository: 'localhost:5000/app' },
      { remove: ['localhost:5000/app:aaaaaaa'], kept: [] },
    ],
  ])('%s', (_case, images, containers, overrides, expected) => {
    expect(planPrune(images, containers, { ...policy, ...overrides })).toEqual(expected);
  });
});

describe('ownLayerSizes and reclaimedBytes', () => {
  // base (tagged, 2 000 000) ← build (untagged, +500 000) ← stamp1, stamp2 (metadata only, +0), extra (+33);
  // imported has no parent: image-layers.ts measures it, not ownLayerSizes
  const build = step(id(2), 500_000);
  const stamp1 = image(3, [], { parent: id(2), size: 2_500_000 });
  const stamp2 = image(4, ['acme/app:aaaaaaa'], { parent: id(2), size: 2_500_000 });
  const imported = image(5, ['acme/app:stale-1'], { size: 33, layers: [`sha256:${'e'.repeat(64)}`] });
  const extra = image(6, ['acme/app:stale-2'], { parent: id(2), size: 2_500_033 });
  const histories = new Map<string, HistoryStep[]>([
    [id(2), [build, step('<missing>', 0, '/bin/sh -c #(nop)  CMD ["sh"]'), step(id(1), 2_000_000)]],
  ]);
  const sizes = ownLayerSizes([stamp1, stamp2, imported, extra], histories);

  it('gives each image its own layer: size less the parent history, ancestors their step sizes', () => {
    expect(Object.fromEntries(sizes)).toEqual({
      [id(1)]: 2_000_000,
      [id(2)]: 500_000,
      [id(3)]: 0,
      [id(4)]: 0,
      [id(6)]: 33,
    });
  });

  it('gives a parentless image no entry: its size is all its layers, which other images may share (image-layers.ts counts those)', () => {
    expect(sizes.has(id(5))).toBe(false);
    expect(ownLayerSizes([imported], new Map()).size).toBe(0);
  });

  it('still gives a parentless image the size of a history step with its id', () => {
    const own = ownLayerSizes(
      [imported],
      new Map([[id(5), [step(id(5), 0, 'LABEL x=2'), step('<missing>', 33, 'COPY a /a # buildkit')]]]),
    );
    expect(Object.fromEntries(own)).toEqual({ [id(5)]: 0 });
  });

  it("takes a candidate's own history as it is: its step, then its ancestors' steps", () => {
    const own = ownLayerSizes(
      [stamp1],
      new Map([[id(3), [step(id(3), 0, '/bin/sh -c #(nop)  ENV SHA=abc'), build, step(id(1), 2_000_000)]]]),
    );
    expect(Object.fromEntries(own)).toEqual({ [id(1)]: 2_000_000, [id(2)]: 500_000, [id(3)]: 0 });
  });

  it('leaves out an image whose parent history is unknown rather than counting its parent too', () => {
    expect(ownLayerSizes([image(6, [], { parent: id(9), size: 7 })], new Map()).has(id(6))).toBe(false);
  });

  it.each<[string, string[], number]>([
    ['nothing deleted', [], 0],
    ['a stamp alone: metadata, no bytes', [id(3)], 0],
    ['stamps with their untagged build parent: the build layer, not the tagged base', [id(3), id(4), id(2)], 500_000],
    ['an image with its own bytes counts them, once even if reported twice', [id(6), id(6)], 33],
    ['an ancestor known by its history step counts once even if reported twice', [id(2), id(2), id(6)], 500_033],
    ['a parentless (imported) image counts nothing here', [id(5)], 0],
    ['an id nobody measured counts nothing', [id(8)], 0],
  ])('%s', (_case, deleted, expected) => {
    expect(reclaimedBytes(deleted, sizes)).toBe(expected);
  });
});

describe('oneImagePerChain', () => {
  const a = `sha256:${'a'.repeat(64)}`;
  const b = `sha256:${'b'.repeat(64)}`;
  const c = `sha256:${'c'.repeat(64)}`;

  it.each<[string, ImageSummary[], [string, string][]]>([
    ['no images', [], []],
    ['one image', [image(1, [], { layers: [a, b] })], [[`${a} ${b}`, id(1)]]],
    [
      'the same chain twice (two stamps of one build): the first image',
      [image(1, [], { layers: [a, b] }), image(2, ['acme/app:x'], { layers: [a, b] })],
      [[`${a} ${b}`, id(1)]],
    ],
    [
      'a chain, its prefix and the same layers in another order are three chains',
      [
        image(1, [], { layers: [a, b] }),
        image(2, [], { layers: [a] }),
        image(3, [], { layers: [b, a] }),
        image(4, [], { layers: [a, b, c] }),
        image(5, [], { layers: [a] }),
      ],
      [
        [`${a} ${b}`, id(1)],
        [a, id(2)],
        [`${b} ${a}`, id(3)],
        [`${a} ${b} ${c}`, id(4)],
      ],
    ],
    ['images without layers share the empty chain', [image(1, []), image(2, [])], [['', id(1)]]],
  ])('%s', (_case, images, expected) => {
    expect([...oneImagePerChain(images)]).toEqual(expected);
  });
});

describe('chunk', () => {
  it.each<[string, number[], number, number[][]]>([
    ['nothing', [], 4, []],
    ['fewer items than parts', [1, 2], 4, [[1], [2]]],
    [
      'even',
      [1, 2, 3, 4, 5, 6, 7, 8],
      4,
      [
        [1, 2],
        [3, 4],
        [5, 6],
        [7, 8],
      ],
    ],
    [
      'uneven, in order',
      [1, 2, 3, 4, 5],
      2,
      [
        [1, 2, 3],
        [4, 5],
      ],
    ],
    ['one part', [1, 2, 3], 1, [[1, 2, 3]]],
  ])('%s', (_case, items, parts, expected) => {
    expect(chunk(items, parts)).toEqual(expected);
  });
});

describe('pruneParallelism', () => {
  it.each<[string, ImageStore, number]>([
    ['the containerd store: many API connections', { kind: 'containerd' }, CONTAINERD_API_CONNECTIONS],
    ['a graph driver: a few', { kind: 'graphdriver', driver: 'overlay2' }, PARALLEL_CALLS],
    ['a store the engine did not name: a few', { kind: 'unknown' }, PARALLEL_CALLS],
  ])('%s', (_case, store, connections) => {
    // docker processes cost the runner's CPU each: a few, whatever the store.
    expect(pruneParallelism(store)).toEqual({ connections, processes: PARALLEL_CALLS });
  });
});

describe('orphanedAncestors', () => {
  const ancestors = new Set([id(2), id(3), id(5)]);

  it.each<[string, string[], string[], string[]]>([
    ['nothing dangling', [], [], []],
    ['a parent left childless by removals side by side', [id(3)], [id(4)], [id(3)]],
    ['dangling images that are no ancestor of a removed one are not ours to remove', [id(7), id(3)], [], [id(3)]],
    ['what the removals already deleted is not removed again', [id(3), id(5)], [id(5)], [id(3)]],
  ])('%s', (_case, danglingNow, deleted, expected) => {
    expect(orphanedAncestors(ancestors, danglingNow, new Set(deleted))).toEqual(expected);
  });
});
