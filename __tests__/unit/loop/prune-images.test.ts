import { describe, expect, it } from 'vitest';
import type { ImageCalls, InspectedImages, Removal } from '../../../src/docker/image-calls.js';
import type { ImageSummary, ListedTag } from '../../../src/docker/output.js';
import { pruneImages, type PruneEngineFacts, type PruneListing } from '../../../src/loop/prune.js';
import type { Reporter } from '../../../src/loop/reporter.js';
import { fakeEngine, imageIdOf, imageSummary, type FakeEngine } from '../docker/fake-engine.js';

// pruneImages against a fake engine: what goes, what stays, and the calls it makes and does not make.

const id = imageIdOf;
const CONTAINERD: PruneEngineFacts = { imageStore: { kind: 'containerd' }, buildsRecordParents: false };
const CLASSIC: PruneEngineFacts = {
  imageStore: { kind: 'graphdriver', driver: 'overlay2' },
  buildsRecordParents: true,
};
const policy = { repository: 'acme/app', keepTags: new Set(['latest', 'ccccccc']), keepNewest: 0, graceSeconds: 120 };

/** The engine's images, and what its bulk calls did: every call recorded, removals as the engine makes them. */
function engineWith(
  images: ImageSummary[],
  { refuse = new Set<string>() }: { refuse?: ReadonlySet<string> } = {},
): { engine: FakeEngine; bulk: string[] } {
  const bulk: string[] = [];
  const present = new Map(images.map((image) => [image.id, image]));
  const calls: ImageCalls = {
    via: 'the fake engine',
    parallel: 4,
    inspect: (ids): Promise<InspectedImages> => {
      bulk.push(`inspect ${ids.length}`);
      return Promise.resolve({ images: ids.flatMap((i) => present.get(i) ?? []), complete: true });
    },
    containers: () => Promise.resolve([]),
    remove: (refs): Promise<Removal> => {
      bulk.push(`remove ${refs.join(' ')}`);
      const deleted: string[] = [];
      for (const ref of refs) {
        if (refuse.has(ref)) continue;
        const image = [...present.values()].find(
          (candidate) => candidate.repoTags.includes(ref) || candidate.id === ref,
        );
        if (image === undefined) continue;
        const left = image.repoTags.filter((tag) => tag !== ref);
        if (left.length === 0 || image.id === ref) {
          present.delete(image.id);
          deleted.push(image.id);
        } else present.set(image.id, { ...image, repoTags: left });
      }
      const refused = refs.filter((ref) => refuse.has(ref));
      return Promise.resolve({
        deleted,
        refused:
          refused.length === 0
            ? undefined
            : `conflict: unable to remove ${refused.join(', ')}: image is being used by a container`,
      });
    },
    close: () => bulk.push('close'),
  };
  const engine = fakeEngine({
    imageCalls: () => Promise.resolve(calls),
    imageHistory: () => Promise.resolve([]),
    repositoryTags: () =>
      Promise.resolve(
        [...present.values()].flatMap((image) =>
          image.repoTags.map((ref): ListedTag => ({ tag: ref.slice('acme/app:'.length), id: image.id })),
        ),
      ),
    danglingImages: () => Promise.resolve([]),
  });
  return { engine, bulk };
}

function listing(images: ImageSummary[]): PruneListing {
  return {
    tags: images.flatMap((image) =>
      image.repoTags.map((ref) => ({ tag: ref.slice('acme/app:'.length), id: image.id })),
    ),
    dangling: [],
    containers: [],
    seconds: 0.01,
  };
}

function recorder(): { reporter: Reporter; warnings: string[] } {
  const warnings: string[] = [];
  return {
    reporter: { info: () => undefined, warning: (m: string) => warnings.push(m) } as unknown as Reporter,
    warnings,
  };
}

const IMAGES = [
  imageSummary(9, ['acme/app:latest', 'acme/app:ccccccc']),
  imageSummary(1, ['acme/app:aaaaaaa']),
  imageSummary(2, ['acme/app:bbbbbbb']),
];

describe('pruneImages', () => {
  it('removes the stale tags through the bulk calls, opened with the store’s parallelism and closed', async () => {
    const { engine, bulk } = engineWith(IMAGES);
    const result = await pruneImages(engine, 'on', policy, CONTAINERD, listing(IMAGES), recorder().reporter);
    expect(result.removed).toEqual(['acme/app:bbbbbbb', 'acme/app:aaaaaaa']);
    expect(engine.calls[0]).toEqual({ operation: 'imageCalls', args: [{ connections: 32, processes: 4 }] });
    // One inspect of the candidates with the images that stay; no history on the containerd store.
    expect(bulk).toEqual(['inspect 3', 'remove acme/app:bbbbbbb acme/app:aaaaaaa', 'close']);
    expect(engine.said()).toEqual(['imageCalls']);
  });

  it('nothing stale: the bulk calls are never opened', async () => {
    const images = [imageSummary(9, ['acme/app:latest', 'acme/app:ccccccc'])];
    const { engine } = engineWith(images);
    const result = await pruneImages(engine, 'on', policy, CONTAINERD, listing(images), recorder().reporter);
    expect(result.removed).toEqual([]);
    expect(engine.calls).toEqual([]);
  });

  it('dry run: inspects and says what would go; removes nothing', async () => {
    const { engine, bulk } = engineWith(IMAGES);
    const result = await pruneImages(engine, 'dry-run', policy, CONTAINERD, listing(IMAGES), recorder().reporter);
    expect(result).toMatchObject({ removed: ['acme/app:bbbbbbb', 'acme/app:aaaaaaa'], dryRun: true });
    expect(bulk).toEqual(['inspect 3', 'close']);
  });

  it("the classic builder's few candidates: their histories are read beside the inspect (for the bytes)", async () => {
    const { engine } = engineWith(IMAGES);
    await pruneImages(engine, 'on', policy, CLASSIC, listing(IMAGES), recorder().reporter);
    expect(engine.said()).toEqual(['imageCalls', `imageHistory ${id(1)}`, `imageHistory ${id(2)}`]);
    expect(engine.calls[0]?.args[0]).toEqual({ connections: 4, processes: 4 });
  });

  it('a removal refused (a container started meanwhile): warned, re-listed, and not counted as removed', async () => {
    const { engine } = engineWith(IMAGES, { refuse: new Set(['acme/app:aaaaaaa']) });
    const { reporter, warnings } = recorder();
    const result = await pruneImages(engine, 'on', policy, CONTAINERD, listing(IMAGES), reporter);
    expect(result.removed).toEqual(['acme/app:bbbbbbb']);
    expect(warnings[0]).toContain(
      'Some images of acme/app were not removed: conflict: unable to remove acme/app:aaaaaaa',
    );
    expect(engine.said()).toEqual(['imageCalls', 'repositoryTags acme/app', 'danglingImages']);
  });
});
