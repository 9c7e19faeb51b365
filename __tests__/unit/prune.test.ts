import { describe, expect, it } from 'vitest';
import type { ContainerImage, ImageSummary } from '../../src/docker-output.js';
import { chunk, orphanedAncestors, planPrune, reclaimedBytes, REPOSITORY_LABEL, type PrunePolicy } from '../../src/prune.js';

const id = (n: number): string => `sha256:${String(n).padStart(64, '0')}`;
const NOW = new Date('2026-11-28T12:00:00Z');
const LONG_AGO = '2026-11-01T00:00:00Z';

function image(n: number, repoTags: string[], fields: Partial<ImageSummary> = {}): ImageSummary {
  return { id: id(n), parent: '', repoTags, created: `2026-11-${String(n).padStart(2, '0')}T00:00:00Z`, size: 1000 * n, lastTagTime: LONG_AGO, labels: {}, ...fields };
}

const policy: PrunePolicy = { repository: 'acme/app', keepTags: new Set(['latest', 'ccccccc']), keepNewest: 0, graceSeconds: 120, now: NOW };

describe('planPrune', () => {
  it.each<[string, ImageSummary[], ContainerImage[], Partial<PrunePolicy>, { remove: string[]; kept: { ref: string; reason: string }[] }]>([
    [
      'removes stale tags, keeps latest and the tag being built',
      [image(1, ['acme/app:aaaaaaa']), image(2, ['acme/app:bbbbbbb']), image(3, ['acme/app:ccccccc', 'acme/app:latest'])],
      [], {},
      { remove: ['acme/app:bbbbbbb', 'acme/app:aaaaaaa'], kept: [] },
    ],
    [
      'never touches other repositories, also not one sharing the prefix',
      [image(1, ['acme/app-worker:aaaaaaa', 'acme/application:x', 'other/app:aaaaaaa', 'localhost:5000/acme/app:aaaaaaa']), image(2, ['acme/app:bbbbbbb'])],
      [], {},
      { remove: ['acme/app:bbbbbbb'], kept: [] },
    ],
    [
      'skips images a container uses, naming the containers',
      [image(1, ['acme/app:aaaaaaa']), image(2, ['acme/app:bbbbbbb'])],
      [{ name: 'web', imageId: id(1) }, { name: 'job', imageId: id(1) }], {},
      { remove: ['acme/app:bbbbbbb'], kept: [{ ref: 'acme/app:aaaaaaa', reason: 'used by container web, job' }] },
    ],
    [
      'keeps the newest prune-keep by creation time, not by name',
      [image(5, ['acme/app:aaaaaaa']), image(1, ['acme/app:zzzzzzz']), image(9, ['acme/app:mmmmmmm'])],
      [], { keepNewest: 2 },
      {
        remove: ['acme/app:zzzzzzz'],
        kept: [{ ref: 'acme/app:mmmmmmm', reason: 'one of the 2 newest (prune-keep)' }, { ref: 'acme/app:aaaaaaa', reason: 'one of the 2 newest (prune-keep)' }],
      },
    ],
    [
      'leaves an image tagged within prune-grace alone (a concurrent run)',
      [image(1, ['acme/app:aaaaaaa'], { lastTagTime: '2026-11-28T11:59:30Z' }), image(2, ['acme/app:bbbbbbb'], { lastTagTime: '2026-11-28T11:57:59Z' })],
      [], {},
      { remove: ['acme/app:bbbbbbb'], kept: [{ ref: 'acme/app:aaaaaaa', reason: 'tagged 30 s ago, within prune-grace (a concurrent run\'s image?)' }] },
    ],
    [
      'prune-grace 0 removes what was just tagged',
      [image(1, ['acme/app:aaaaaaa'], { lastTagTime: '2026-11-28T11:59:59Z' })],
      [], { graceSeconds: 0 },
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
      [], {},
      { remove: [id(1)], kept: [] },
    ],
    [
      'keeps a dangling image a stopped container still uses',
      [image(1, [], { labels: { [REPOSITORY_LABEL]: 'acme/app' } })],
      [{ name: 'old-run', imageId: id(1) }], {},
      { remove: [], kept: [{ ref: id(1), reason: 'used by container old-run' }] },
    ],
    [
      'works for registry hosts with a port',
      [image(1, ['localhost:5000/app:aaaaaaa', 'localhost:5000/app:latest'])],
      [], { repository: 'localhost:5000/app' },
      { remove: ['localhost:5000/app:aaaaaaa'], kept: [] },
    ],
  ])('%s', (_case, images, containers, overrides, expected) => {
    expect(planPrune(images, containers, { ...policy, ...overrides })).toEqual(expected);
  });
});

describe('reclaimedBytes', () => {
  const base = image(1, ['base:1'], { size: 2_000_000 });
  const build = image(2, [], { parent: id(1), size: 2_500_000 });
  const stamp = image(3, [], { parent: id(2), size: 2_500_000 });
  const other = image(4, ['acme/app:latest'], { parent: id(1), size: 2_100_000 });

  it.each<[string, ImageSummary[], string[], number]>([
    ['nothing removed', [base, build, stamp, other], [id(1), id(2), id(3), id(4)], 0],
    ['a stamped build with its untagged parent: its own layers only, not the shared base', [base, build, stamp, other], [id(1), id(4)], 500_000],
    ['an image without a known parent counts whole', [base, other], [id(4)], 2_000_000],
  ])('%s', (_case, before, remaining, expected) => {
    expect(reclaimedBytes(before, new Set(remaining))).toBe(expected);
  });
});

describe('chunk', () => {
  it.each<[string, number[], number, number[][]]>([
    ['nothing', [], 4, []],
    ['fewer items than parts', [1, 2], 4, [[1], [2]]],
    ['even', [1, 2, 3, 4, 5, 6, 7, 8], 4, [[1, 2], [3, 4], [5, 6], [7, 8]]],
    ['uneven, in order', [1, 2, 3, 4, 5], 2, [[1, 2, 3], [4, 5]]],
    ['one part', [1, 2, 3], 1, [[1, 2, 3]]],
  ])('%s', (_case, items, parts, expected) => {
    expect(chunk(items, parts)).toEqual(expected);
  });
});

describe('orphanedAncestors', () => {
  // base (tagged) ← shared (untagged) ← build1 ← stamp1 ; shared ← build2 ← stamp2 ; shared ← kept (tagged)
  const base = image(1, ['base:1']);
  const shared = image(2, [], { parent: id(1) });
  const build1 = image(3, [], { parent: id(2) });
  const stamp1 = image(4, ['acme/app:aaaaaaa'], { parent: id(3) });
  const build2 = image(5, [], { parent: id(2) });
  const stamp2 = image(6, ['acme/app:bbbbbbb'], { parent: id(5) });
  const kept = image(7, ['acme/app:latest'], { parent: id(2) });
  const all = [base, shared, build1, stamp1, build2, stamp2, kept];
  const without = (...gone: number[]): Set<string> => new Set(all.map((i) => i.id).filter((i) => !gone.map(id).includes(i)));

  it.each<[string, Set<string>, string[]]>([
    ['nothing removed', without(), []],
    ['removed with their untagged parents, as one sequential rm does', without(3, 4, 5, 6), []],
    ['a parent left behind without children', without(4, 6), [id(3), id(5)]],
    ['an ancestor still parent of a kept image stays', without(3, 4, 5, 6, 7).add(id(7)), []],
    ['tagged ancestors are never orphans', without(2, 3, 4, 5, 6, 7), []],
  ])('%s', (_case, remaining, expected) => {
    expect(orphanedAncestors(all, remaining).sort()).toEqual(expected);
  });
});
