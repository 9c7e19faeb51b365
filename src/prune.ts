import * as core from '@actions/core';
import { docker } from './docker-cli.js';
import { containerIdsArgs, containerImageIdsArgs, imageListArgs, imageRemoveArgs } from './docker-args.js';
import { parseImageList, parseJsonLines, type ImageListEntry } from './docker-output.js';

export interface PrunePlan {
  /** `repository:tag` refs to remove. */
  readonly remove: readonly string[];
  /** Stale refs kept because a container (running or stopped) uses their image. */
  readonly inUse: readonly string[];
}

export interface PruneResult {
  readonly removed: readonly string[];
  readonly skipped: readonly string[];
}

/**
 * Which local tags of `repository` go: all but the kept tags (`latest`, the tag being built) and
 * those whose image a container uses. Only exact repository matches: `acme/app` never touches
 * `acme/app-worker`.
 */
export function planPrune(images: readonly ImageListEntry[], repository: string, keepTags: ReadonlySet<string>, imageIdsInUse: ReadonlySet<string>): PrunePlan {
  const stale = images.filter((image) => image.repository === repository && image.tag !== '<none>' && !keepTags.has(image.tag));
  const refOf = (image: ImageListEntry): string => `${image.repository}:${image.tag}`;
  return {
    remove: stale.filter((image) => !imageIdsInUse.has(image.id)).map(refOf),
    inUse: stale.filter((image) => imageIdsInUse.has(image.id)).map(refOf),
  };
}

async function imageIdsUsedByContainers(): Promise<Set<string>> {
  const ids = (await docker(containerIdsArgs(), { silent: true })).stdout.split('\n').filter((id) => id.trim() !== '');
  if (ids.length === 0) return new Set();
  // A container may vanish between the two calls; its image is then no longer in use.
  const inspected = await docker(containerImageIdsArgs(ids), { silent: true, allowFailure: true });
  return new Set(parseJsonLines(inspected.stdout).filter((id): id is string => typeof id === 'string'));
}

/** Removes the stale tags in one `docker image rm`; layers shared with the kept tags (the cache) stay. */
export async function pruneStaleTags(repository: string, keepTags: ReadonlySet<string>): Promise<PruneResult> {
  const images = parseImageList((await docker(imageListArgs(repository), { silent: true })).stdout);
  const hasStale = images.some((image) => image.repository === repository && image.tag !== '<none>' && !keepTags.has(image.tag));
  const plan = planPrune(images, repository, keepTags, hasStale ? await imageIdsUsedByContainers() : new Set());
  for (const ref of plan.inUse) core.info(`Skipped ${ref}: a container uses its image.`);
  if (plan.remove.length === 0) {
    core.info(`No stale tags of ${repository} to remove.`);
    return { removed: [], skipped: plan.inUse };
  }
  const result = await docker(imageRemoveArgs(plan.remove), { silent: true, allowFailure: true });
  let notRemoved = new Set<string>();
  if (result.exitCode !== 0) {
    // docker removes what it can; a tag whose image a container started using meanwhile is refused, not forced.
    core.warning(`Some stale tags of ${repository} were not removed: ${result.stderr.trim()}`);
    const remaining = parseImageList((await docker(imageListArgs(repository), { silent: true })).stdout);
    notRemoved = new Set(remaining.map((image) => `${image.repository}:${image.tag}`));
  }
  const removed = plan.remove.filter((ref) => !notRemoved.has(ref));
  core.info(`Removed ${removed.length} stale tag(s) of ${repository}: ${removed.join(', ')}`);
  return { removed, skipped: [...plan.inUse, ...plan.remove.filter((ref) => notRemoved.has(ref))] };
}
