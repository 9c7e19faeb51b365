import * as core from '@actions/core';
import { docker, type DockerResult } from './docker-cli.js';
import { allImageIdsArgs, containerIdsArgs, containerImagesArgs, danglingLabelledArgs, imageRemoveArgs, imageSummariesArgs, repositoryTagsArgs } from './docker-args.js';
import { parseContainerImages, parseImageSummaries, type ContainerImage, type ImageSummary } from './docker-output.js';

/** The label the action puts on every image it builds: how its leftovers are recognised, never by name. */
export const REPOSITORY_LABEL = 'build-test-deploy.repository';
const REMOVAL_CALLS = 4;

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
export function planPrune(images: readonly ImageSummary[], containers: readonly ContainerImage[], policy: PrunePolicy): PrunePlan {
  const usedBy = new Map<string, string[]>();
  for (const container of containers) usedBy.set(container.imageId, [...(usedBy.get(container.imageId) ?? []), container.name]);
  const parents = new Set(images.map((image) => image.parent).filter((parent) => parent !== ''));
  const prefix = `${policy.repository}:`;

  const staleTags = images
    .flatMap((image) => image.repoTags.filter((ref) => ref.startsWith(prefix)).map((ref) => ({ ref, tag: ref.slice(prefix.length), image })))
    .filter(({ tag }) => !policy.keepTags.has(tag))
    .sort((a, b) => b.image.created.localeCompare(a.image.created) || a.ref.localeCompare(b.ref));
  const dangling = images.filter((image) => image.repoTags.length === 0 && !parents.has(image.id) && image.labels[REPOSITORY_LABEL] === policy.repository);

  const remove: string[] = [];
  const kept: KeptImage[] = [];
  const decide = (ref: string, image: ImageSummary, extraReason: string | undefined): void => {
    const containersUsing = usedBy.get(image.id);
    const taggedSecondsAgo = (policy.now.getTime() - Date.parse(image.lastTagTime)) / 1000;
    if (containersUsing !== undefined) kept.push({ ref, reason: `used by container ${containersUsing.join(', ')}` });
    else if (extraReason !== undefined) kept.push({ ref, reason: extraReason });
    else if (taggedSecondsAgo >= 0 && taggedSecondsAgo < policy.graceSeconds) kept.push({ ref, reason: `tagged ${Math.round(taggedSecondsAgo)} s ago, within prune-grace (a concurrent run's image?)` });
    else remove.push(ref);
  };
  staleTags.forEach(({ ref, image }, index) => decide(ref, image, index < policy.keepNewest ? `one of the ${policy.keepNewest} newest (prune-keep)` : undefined));
  for (const image of dangling) decide(image.id, image, undefined);
  return { remove, kept };
}

/** Bytes the removed images held: each image's own layer is its size less its parent's (exact for images built here). */
export function reclaimedBytes(before: readonly ImageSummary[], remainingIds: ReadonlySet<string>): number {
  const byId = new Map(before.map((image) => [image.id, image]));
  return before
    .filter((image) => !remainingIds.has(image.id))
    .reduce((total, image) => total + Math.max(0, image.size - (byId.get(image.parent)?.size ?? 0)), 0);
}

/** Up to `parts` runs of near-equal length, in order. */
export function chunk<T>(items: readonly T[], parts: number): T[][] {
  const size = Math.ceil(items.length / Math.max(1, parts));
  const chunks: T[][] = [];
  for (let start = 0; start < items.length; start += size) chunks.push(items.slice(start, start + size));
  return chunks;
}

/**
 * Untagged ancestors of removed images that still exist and now have no child: what one sequential
 * `docker image rm` would have removed with them. Removing these leaves removes their untagged parents too.
 */
export function orphanedAncestors(before: readonly ImageSummary[], remainingIds: ReadonlySet<string>): string[] {
  const byId = new Map(before.map((image) => [image.id, image]));
  const ancestors = new Set<string>();
  for (const image of before.filter((candidate) => !remainingIds.has(candidate.id))) {
    for (let parent = byId.get(image.parent); parent !== undefined && !ancestors.has(parent.id); parent = byId.get(parent.parent)) ancestors.add(parent.id);
  }
  const stillParents = new Set(before.filter((image) => remainingIds.has(image.id)).map((image) => image.parent));
  return [...ancestors].filter((id) => remainingIds.has(id) && byId.get(id)?.repoTags.length === 0 && !stillParents.has(id));
}

async function listImageIds(): Promise<Set<string>> {
  return new Set((await docker(allImageIdsArgs(), { silent: true })).stdout.split('\n').filter((id) => id !== ''));
}

async function listImages(): Promise<ImageSummary[]> {
  const ids = [...(await listImageIds())];
  if (ids.length === 0) return [];
  // Images can vanish between the two calls (another job's prune): inspect reports them and goes on.
  return parseImageSummaries((await docker(imageSummariesArgs(ids), { silent: true, allowFailure: true })).stdout);
}

async function listContainerImages(): Promise<ContainerImage[]> {
  const ids = (await docker(containerIdsArgs(), { silent: true })).stdout.split('\n').filter((id) => id !== '');
  if (ids.length === 0) return [];
  return parseContainerImages((await docker(containerImagesArgs(ids), { silent: true, allowFailure: true })).stdout);
}

/**
 * Removes the stale tags of the repository and the dangling images it left behind, in a few
 * `docker image rm` calls side by side; layers still used by the kept tags (the build cache) stay.
 */
export async function pruneImages(mode: Exclude<PruneMode, 'off'>, policy: Omit<PrunePolicy, 'now'>): Promise<PruneResult> {
  // A cheap look first (a fresh runner has nothing to prune): only when there is something does the
  // whole engine get inspected, for containers in use, parents and sizes.
  const lines = (result: DockerResult): string[] => result.stdout.split('\n').filter((line) => line !== '');
  const [tags, dangling] = await Promise.all([
    docker(repositoryTagsArgs(policy.repository), { silent: true }),
    docker(danglingLabelledArgs(REPOSITORY_LABEL, policy.repository), { silent: true }),
  ]);
  if (lines(tags).every((tag) => policy.keepTags.has(tag)) && lines(dangling).length === 0) {
    core.info(`Nothing of ${policy.repository} to remove.`);
    return { removed: [], kept: [], reclaimedBytes: 0, dryRun: mode === 'dry-run' };
  }
  const [images, containers] = await Promise.all([listImages(), listContainerImages()]);
  const plan = planPrune(images, containers, { ...policy, now: new Date() });
  for (const { ref, reason } of plan.kept) core.info(`Kept ${ref}: ${reason}.`);
  if (plan.remove.length === 0) {
    core.info(`Nothing of ${policy.repository} to remove.`);
    return { removed: [], kept: plan.kept, reclaimedBytes: 0, dryRun: mode === 'dry-run' };
  }
  if (mode === 'dry-run') {
    core.info(`Dry run: would remove ${plan.remove.length}: ${plan.remove.join(', ')}`);
    return { removed: plan.remove, kept: plan.kept, reclaimedBytes: 0, dryRun: true };
  }
  // The engine removes images faster side by side than one after another.
  const results = await Promise.all(chunk(plan.remove, REMOVAL_CALLS).map((refs) => docker(imageRemoveArgs(refs), { silent: true, allowFailure: true })));
  const failed = results.filter((result) => result.exitCode !== 0);
  let remainingIds = await listImageIds();
  // Removed side by side, images sharing an untagged parent can each leave it to the other: remove it now.
  const orphans = orphanedAncestors(images, remainingIds);
  if (orphans.length > 0) {
    const sweep = await docker(imageRemoveArgs(orphans), { silent: true, allowFailure: true });
    if (sweep.exitCode !== 0) failed.push(sweep);
    remainingIds = await listImageIds();
  }
  if (failed.length > 0) {
    // docker removes what it can; what a container started using meanwhile is refused, never forced.
    core.warning(`Some images of ${policy.repository} were not removed: ${failed.map((result) => result.stderr.trim()).join('\n')}`);
  }
  const remainingRefs = new Set(failed.length === 0 ? [] : (await listImages()).flatMap((image) => image.repoTags));
  const removed = plan.remove.filter((ref) => !remainingRefs.has(ref) && !remainingIds.has(ref));
  const bytes = reclaimedBytes(images, remainingIds);
  core.info(`Removed ${removed.length} (${bytes} bytes reclaimed): ${removed.join(', ')}`);
  return { removed, kept: plan.kept, reclaimedBytes: bytes, dryRun: false };
}
