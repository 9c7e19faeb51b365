import type { Engine } from '../docker/engine.js';
import type { ImageCalls, InspectedImages } from '../docker/image-calls.js';
import type { ContainerImage, HistoryStep, ImageStore, ImageSummary, ListedTag } from '../docker/output.js';
import { REPOSITORY_LABEL } from '../shared/vocabulary.js';
import { engineDeletedAll, freedBases, freedBytes, layerSizes } from './image-layers.js';
import type { Reporter } from './reporter.js';

/** Many images are inspected and removed in this many calls side by side (docker processes or API connections). */
export const PARALLEL_CALLS = 4;
/**
 * Through the API, the containerd image store serves many more side by side: each removal waits on a commit of
 * its metadata, which it makes for many at once (docs/adr/0005-prune-side-by-side-on-the-containerd-store.md).
 */
export const CONTAINERD_API_CONNECTIONS = 32;

/** How many calls the prune makes side by side on this image store: API connections and docker processes. */
export function pruneParallelism(store: ImageStore): { connections: number; processes: number } {
  return {
    connections: store.kind === 'containerd' ? CONTAINERD_API_CONNECTIONS : PARALLEL_CALLS,
    processes: PARALLEL_CALLS,
  };
}

/** Up to this many: inspected and removed in one call each (removed in order); the classic builder's histories read up front. */
const SEQUENTIAL_UP_TO = 8;

export type PruneMode = 'on' | 'off' | 'dry-run';

export interface PrunePolicy {
  /** Familiar repository name, as `docker image ls` prints it (`acme/app`, `localhost:5000/app`). */
  readonly repository: string;
  /** Tags never removed: `latest` and the tag being built. */
  readonly keepTags: ReadonlySet<string>;
  /** How many of the newest other tags (by image creation time) to keep. */
  readonly keepNewest: number;
  /** Tags tagged less than this long ago are left alone: a concurrent run's image between its build and its `docker run`. */
  readonly graceSeconds: number;
  readonly now: Date;
}

export interface KeptImage {
  readonly ref: string;
  readonly reason: string;
}

export interface PrunePlan {
  /** `repository:tag` refs and ids of dangling images this repository left behind, for one `docker image rm`. */
  readonly remove: readonly string[];
  readonly kept: readonly KeptImage[];
}

export interface PruneResult {
  readonly removed: readonly string[];
  readonly kept: readonly KeptImage[];
  readonly reclaimedBytes: number;
  readonly dryRun: boolean;
}

/** Which tags and dangling images go, and why the others stay. Pure: the engine's view comes in as data. */
export function planPrune(
  images: readonly ImageSummary[],
  containers: readonly ContainerImage[],
  policy: PrunePolicy,
): PrunePlan {
  const usedBy = new Map<string, string[]>();
  for (const container of containers)
    usedBy.set(container.imageId, [...(usedBy.get(container.imageId) ?? []), container.name]);
  const parents = new Set(images.map((image) => image.parent).filter((parent) => parent !== ''));
  const prefix = `${policy.repository}:`;

  const staleTags = images
    .flatMap((image) =>
      image.repoTags
        .filter((ref) => ref.startsWith(prefix))
        .map((ref) => ({ ref, tag: ref.slice(prefix.length), image })),
    )
    .filter(({ tag }) => !policy.keepTags.has(tag))
    .sort((a, b) => b.image.created.localeCompare(a.image.created) || a.ref.localeCompare(b.ref));
  const dangling = images.filter(
    (image) =>
      image.repoTags.length === 0 && !parents.has(image.id) && image.labels[REPOSITORY_LABEL] === policy.repository,
  );

  const remove: string[] = [];
  const kept: KeptImage[] = [];
  const decide = (ref: string, image: ImageSummary, extraReason: string | undefined): void => {
    const containersUsing = usedBy.get(image.id);
    const taggedSecondsAgo = (policy.now.getTime() - Date.parse(image.lastTagTime)) / 1000;
    if (containersUsing !== undefined) kept.push({ ref, reason: `used by container ${containersUsing.join(', ')}` });
    else if (extraReason !== undefined) kept.push({ ref, reason: extraReason });
    else if (taggedSecondsAgo >= 0 && taggedSecondsAgo < policy.graceSeconds)
      kept.push({
        ref,
        reason: `tagged ${Math.round(taggedSecondsAgo)} s ago, within prune-grace (a concurrent run's image?)`,
      });
    else remove.push(ref);
  };
  staleTags.forEach(({ ref, image }, index) =>
    decide(ref, image, index < policy.keepNewest ? `one of the ${policy.keepNewest} newest (prune-keep)` : undefined),
  );
  for (const image of dangling) decide(image.id, image, undefined);
  return { remove, kept };
}

/**
 * Bytes each image that knows its parent (the classic builder's) holds in its own layer, which `docker
 * image rm` frees with it: the step sizes of the histories read (of the candidates, or of their parents),
 * else an image's size less its parent's. Images without a parent: see image-layers.ts.
 */
export function ownLayerSizes(
  images: readonly ImageSummary[],
  histories: ReadonlyMap<string, readonly HistoryStep[]>,
): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const steps of histories.values())
    for (const step of steps) if (step.id.startsWith('sha256:')) sizes.set(step.id, step.size);
  for (const image of images.filter((candidate) => !sizes.has(candidate.id) && candidate.parent !== '')) {
    const parentSteps = histories.get(image.parent);
    if (parentSteps !== undefined)
      sizes.set(image.id, Math.max(0, image.size - parentSteps.reduce((total, step) => total + step.size, 0)));
  }
  return sizes;
}

/** Images with the same layers have the same layer sizes: one of each (its id), whose history tells them. */
export function oneImagePerChain(images: readonly ImageSummary[]): Map<string, string> {
  const chains = new Map<string, string>();
  for (const image of images) if (!chains.has(image.layers.join(' '))) chains.set(image.layers.join(' '), image.id);
  return chains;
}

/** Bytes reclaimed by deleting these images: what their own layers held. */
export function reclaimedBytes(deletedIds: Iterable<string>, ownSizes: ReadonlyMap<string, number>): number {
  let total = 0;
  for (const id of new Set(deletedIds)) total += ownSizes.get(id) ?? 0;
  return total;
}

/** The calls `items` go in: one for a few, `parallel` side by side for many. */
function callsFor<T>(items: readonly T[], parallel: number): (readonly T[])[] {
  return items.length <= SEQUENTIAL_UP_TO ? [items] : chunk(items, parallel);
}

/** Up to `parts` runs of near-equal length, in order. */
export function chunk<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / Math.max(1, parts));
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Removed side by side, images sharing an untagged parent can each leave it to the other: the ancestors
 * of removed images that are now dangling (untagged, childless) and still there. One sequential
 * `docker image rm` would have removed them with their children.
 */
export function orphanedAncestors(
  ancestorIds: ReadonlySet<string>,
  danglingNow: readonly string[],
  deletedIds: ReadonlySet<string>,
): string[] {
  return danglingNow.filter((id) => ancestorIds.has(id) && !deletedIds.has(id));
}

/**
 * Inspected images. The engine answers one image after the other: many go in a few calls side by side. Images
 * can vanish between the listing and this (another job's prune): the inspect goes on without them.
 */
async function inspectImages(calls: ImageCalls, ids: readonly string[]): Promise<InspectedImages> {
  const parts = await Promise.all(callsFor(ids, calls.parallel).map((part) => calls.inspect(part)));
  return { images: parts.flatMap((part) => part.images), complete: parts.every((part) => part.complete) };
}

async function containerImages(calls: ImageCalls, ids: readonly string[]): Promise<ContainerImage[]> {
  if (ids.length === 0) return [];
  return (await Promise.all(callsFor(ids, calls.parallel).map((part) => calls.containers(part)))).flat();
}

/** Image histories (each image's and its ancestors' own layer sizes: what may go with it, and how big it is). */
async function histories(engine: Engine, ids: readonly string[]): Promise<Map<string, HistoryStep[]>> {
  const read = await Promise.all(ids.map(async (id) => [id, await engine.imageHistory(id)] as const));
  return new Map(read.filter((entry): entry is readonly [string, HistoryStep[]] => entry[1] !== undefined));
}

/** Every image on the engine (read only); undefined when docker cannot tell. */
async function allImages(engine: Engine, calls: ImageCalls): Promise<ImageSummary[] | undefined> {
  const ids = await engine.imageIds();
  if (ids === undefined) return undefined;
  if (ids.length === 0) return [];
  const inspected = await inspectImages(calls, ids).catch(() => undefined);
  return inspected?.complete === true ? inspected.images : undefined;
}

/** A graph driver's `docker image rm` names each layer it deleted (`Deleted: <chain id>`); the containerd store's does not. */
export function namesDeletedLayers(store: ImageStore): boolean {
  return store.kind === 'graphdriver';
}

/**
 * Bytes the removed parentless images freed: the layers no image uses any more. The repository's own images
 * that stay often hold all of them (a new commit of an unchanged Dockerfile): then nothing else is read. Where
 * the engine named every layer it deleted and those are all the images could free, no other image used them
 * either. Otherwise the rest of the engine, as the removal left it, tells (slow on the containerd store); when
 * it cannot be read, those layers count as 0 rather than too much.
 */
async function parentlessFreed(
  engine: Engine,
  calls: ImageCalls,
  removed: readonly ImageSummary[],
  staying: readonly ImageSummary[],
  removal: {
    readonly deleted: ReadonlySet<string>;
    readonly historySizes: ReadonlyMap<string, readonly number[] | undefined>;
    readonly namesDeletedLayers: boolean;
  },
): Promise<number> {
  const left = staying.filter((image) => !removal.deleted.has(image.id));
  if (freedBases(removed, left).size === 0) return 0;
  if (removal.namesDeletedLayers && engineDeletedAll(removed, left, removal.deleted))
    return freedBytes(removed, left, removal.historySizes);
  const remaining = await allImages(engine, calls);
  return remaining === undefined ? 0 : freedBytes(removed, remaining, removal.historySizes);
}

/** What the prune needs to know of the engine. */
export interface PruneEngineFacts {
  readonly imageStore: ImageStore;
  /**
   * Its builds record each image's parent (the classic builder's): a few candidates' histories are then read
   * beside the inspect, as the bytes of such images need them. Others' images seldom do: read once inspected, if at all.
   */
  readonly buildsRecordParents: boolean;
}

/** The repository's tags, its labelled dangling images and every container: what the prune decides from. */
export interface PruneListing {
  readonly tags: readonly ListedTag[];
  readonly dangling: readonly string[];
  readonly containers: readonly string[];
  /** How long the listing took (before the prune phase began). */
  readonly seconds: number;
}

/**
 * Three listings side by side; read only and by the repository's name alone, so it can start with the engine
 * check (`stop`: when that fails, an engine that never answers would hold these forever).
 */
export async function listForPrune(engine: Engine, repository: string, stop: AbortSignal): Promise<PruneListing> {
  const started = performance.now();
  const [tags, dangling, containers] = await Promise.all([
    engine.repositoryTags(repository, stop),
    engine.danglingImages({ key: REPOSITORY_LABEL, value: repository }, stop),
    engine.containerIds(stop),
  ]);
  return { tags, dangling, containers, seconds: (performance.now() - started) / 1000 };
}

/** What pruneImages was asked. */
interface PruneRequest {
  readonly mode: Exclude<PruneMode, 'off'>;
  readonly policy: Omit<PrunePolicy, 'now'>;
  readonly engine: Engine;
  readonly facts: PruneEngineFacts;
  readonly listing: PruneListing;
  readonly reporter: Reporter;
}

/**
 * Removes the stale tags of the repository and the dangling images it left behind; layers still used
 * by the kept tags (the build cache) stay. Only this repository's images are ever removed: from its listing
 * (listForPrune), an inspect of the candidates, then the removals (and, for images that do not know their
 * parent, what their removal freed: see parentlessFreed).
 */
export async function pruneImages(
  engine: Engine,
  mode: Exclude<PruneMode, 'off'>,
  policy: Omit<PrunePolicy, 'now'>,
  facts: PruneEngineFacts,
  listing: PruneListing,
  reporter: Reporter,
): Promise<PruneResult> {
  reporter.info(
    `Listed ${listing.tags.length} tags, ${listing.dangling.length} labelled untagged images and ${listing.containers.length} containers in ${listing.seconds.toFixed(3)} s, beside the engine check.`,
  );
  const listed = listing.tags;
  const staleIds = listed.filter(({ tag }) => !policy.keepTags.has(tag)).map(({ id }) => id);
  const candidateIds = [...new Set([...staleIds, ...listing.dangling])];
  if (candidateIds.length === 0) {
    reporter.info(`Nothing of ${policy.repository} to remove.`);
    return { removed: [], kept: [], reclaimedBytes: 0, dryRun: mode === 'dry-run' };
  }
  // The way to the engine for the calls made by the hundred (its API or the CLI): closed once done.
  const calls = await engine.imageCalls(pruneParallelism(facts.imageStore));
  reporter.info(`Inspecting${mode === 'dry-run' ? '' : ' and removing'} through ${calls.via}.`);
  try {
    return await pruneCandidates({ mode, policy, engine, facts, listing, reporter }, candidateIds, calls);
  } finally {
    calls.close();
  }
}

/** pruneImages, once there are candidates: their inspect, the plan, the removals and the bytes they freed. */
async function pruneCandidates(
  { mode, policy, engine, facts, listing, reporter }: PruneRequest,
  candidateIds: readonly string[],
  calls: ImageCalls,
): Promise<PruneResult> {
  const listed = listing.tags;
  const candidates = new Set(candidateIds);
  // The repository's images that stay (`:latest`, the tag being built), inspected with the candidates: when
  // they hold every layer of what goes, nothing else on the engine need be read for the bytes.
  const stayingIds = [...new Set(listed.map(({ id }) => id))].filter((id) => !candidates.has(id));
  // A few of the classic builder's candidates: their histories (for the bytes) are read alongside. Otherwise
  // only what the inspect shows is needed: the parents' histories, and those of bases no image's size places.
  const historiesUpFront = candidateIds.length <= SEQUENTIAL_UP_TO && mode !== 'dry-run' && facts.buildsRecordParents;
  const [inspected, containers, candidateHistories] = await Promise.all([
    inspectImages(calls, [...candidateIds, ...stayingIds]).then(({ images: found }) => found),
    containerImages(calls, listing.containers),
    historiesUpFront ? histories(engine, candidateIds) : undefined,
  ]);
  const images = inspected.filter((image) => candidates.has(image.id));
  const plan = planPrune(images, containers, { ...policy, now: new Date() });
  for (const { ref, reason } of plan.kept) reporter.info(`Kept ${ref}: ${reason}.`);
  if (plan.remove.length === 0) {
    reporter.info(`Nothing of ${policy.repository} to remove.`);
    return { removed: [], kept: plan.kept, reclaimedBytes: 0, dryRun: mode === 'dry-run' };
  }
  if (mode === 'dry-run') {
    reporter.info(`Dry run: would remove ${plan.remove.length}: ${plan.remove.join(', ')}`);
    return { removed: plan.remove, kept: plan.kept, reclaimedBytes: 0, dryRun: true };
  }

  const removing = new Set(plan.remove);
  const going = images.filter((image) => removing.has(image.id) || image.repoTags.some((ref) => removing.has(ref)));
  // Images that do not know their parent (BuildKit's, the containerd store's, imports) and lose every tag
  // free the layers no other image uses: see parentlessFreed.
  const parentless = going.filter(
    (image) =>
      image.parent === '' &&
      image.layers.length > 0 &&
      (removing.has(image.id) || image.repoTags.every((ref) => removing.has(ref))),
  );
  const parentlessIds = new Set(parentless.map((image) => image.id));
  const knownStaying = inspected.filter((image) => !parentlessIds.has(image.id));
  // A history is read only where no image's size tells where the freed layers start.
  const bases = freedBases(parentless, knownStaying);
  const unplaced = oneImagePerChain(
    parentless.filter((image) => bases.has(image.id) && bases.get(image.id)?.bytes === undefined),
  );
  const [layers, chainHistories] = await Promise.all([
    candidateHistories ??
      histories(engine, [...new Set(going.map((image) => image.parent).filter((parent) => parent !== ''))]),
    candidateHistories ?? histories(engine, [...unplaced.values()]),
  ]);
  // A few removals in one call run in order, as the seed's loop; many run side by side, which the engine does faster.
  const parts = callsFor(plan.remove, calls.parallel);
  const removals = await Promise.all(parts.map((refs) => calls.remove(refs)));
  const deleted = new Set(removals.flatMap((removal) => removal.deleted));
  const refused = removals.flatMap((removal) => (removal.refused === undefined ? [] : [removal.refused]));
  const ancestors = new Set(
    [...layers.values()].flatMap((steps) => steps.map((step) => step.id)).filter((id) => !candidates.has(id)),
  );
  if (parts.length > 1 && ancestors.size > 0) {
    const orphans = orphanedAncestors(ancestors, await engine.danglingImages(), deleted);
    if (orphans.length > 0) {
      const sweep = await calls.remove(orphans);
      for (const id of sweep.deleted) deleted.add(id);
      if (sweep.refused !== undefined) refused.push(sweep.refused);
    }
  }
  let removed = plan.remove;
  if (refused.length > 0) {
    // docker removes what it can; what a container started using meanwhile is refused, never forced.
    reporter.warning(`Some images of ${policy.repository} were not removed: ${refused.join('\n')}`);
    const [tagsLeft, danglingLeft] = await Promise.all([
      engine.repositoryTags(policy.repository),
      engine.danglingImages({ key: REPOSITORY_LABEL, value: policy.repository }),
    ]);
    const left = new Set([...tagsLeft.map(({ tag }) => `${policy.repository}:${tag}`), ...danglingLeft]);
    removed = plan.remove.filter((ref) => !left.has(ref));
  }
  const historySizes = new Map(
    parentless.map((image) => {
      const steps = chainHistories.get(unplaced.get(image.layers.join(' ')) ?? image.id) ?? [];
      return [image.id, layerSizes(image.layers.length, [...steps].reverse())] as const;
    }),
  );
  const freed = await parentlessFreed(
    engine,
    calls,
    parentless.filter((image) => deleted.has(image.id)),
    [...knownStaying, ...parentless.filter((image) => !deleted.has(image.id))],
    { deleted, historySizes, namesDeletedLayers: namesDeletedLayers(facts.imageStore) },
  );
  const bytes =
    reclaimedBytes(
      [...deleted].filter((id) => !parentlessIds.has(id)),
      ownLayerSizes(images, layers),
    ) + freed;
  reporter.info(`Removed ${removed.length} (${bytes} bytes reclaimed): ${removed.join(', ')}`);
  return { removed, kept: plan.kept, reclaimedBytes: bytes, dryRun: false };
}
