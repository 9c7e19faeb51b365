import { createHash } from 'node:crypto';

// What removing images frees when they do not know their parent (BuildKit builds, the containerd image
// store, pulled and imported images): the layers no remaining image uses. Pure, so it is tested table-driven.

/** A layer's identity with everything under it (OCI chain id): equal chain ids are one layer on disk. */
export function chainIds(diffIds: readonly string[]): string[] {
  const chain: string[] = [];
  for (const diffId of diffIds) {
    const below = chain.at(-1);
    chain.push(
      below === undefined ? diffId : `sha256:${createHash('sha256').update(`${below} ${diffId}`).digest('hex')}`,
    );
  }
  return chain;
}

/** One `docker image history` step, oldest first here: the instruction and its layer's bytes. */
export interface LayerStep {
  readonly createdBy: string;
  readonly size: number;
}

// Instructions that change only the image config: their steps carry no layer (classic: `#(nop) LABEL …`).
const METADATA_ONLY =
  /^(?:\/bin\/sh -c #\(nop\)\s+)?(?:LABEL|ENV|CMD|ENTRYPOINT|EXPOSE|HEALTHCHECK|USER|ARG|ONBUILD|STOPSIGNAL|SHELL|VOLUME|MAINTAINER)\b/;

/**
 * The bytes of each of an image's `layerCount` layers, bottom first, from its history (oldest first); undefined
 * when they cannot be placed. The history has a step per instruction, layer or not, and no flag says which:
 * a step with bytes is a layer, a metadata-only instruction is not, and the rest (RUN, COPY, WORKDIR) are
 * layers that may be empty. Too many of those is fine while they all sit above the last layer with bytes.
 */
export function layerSizes(layerCount: number, steps: readonly LayerStep[]): number[] | undefined {
  const candidates = steps
    .filter((step) => step.size > 0 || !METADATA_ONLY.test(step.createdBy.trim()))
    .map((step) => step.size);
  if (candidates.length === layerCount) return candidates;
  const placed = candidates.slice(0, candidates.findLastIndex((size) => size > 0) + 1);
  if (candidates.length < layerCount || placed.length > layerCount || placed.some((size) => size === 0))
    return undefined;
  return [...placed, ...Array<number>(layerCount - placed.length).fill(0)];
}

/** An image as far as its layers go: its size (all its layers, as the engine counts them) and diff ids. */
export interface LayeredImage {
  readonly id: string;
  readonly size: number;
  /** Diff ids, bottom first. */
  readonly layers: readonly string[];
}

/**
 * Where the layers removing an image frees start (`from`, an index into its layers), and what lies below
 * them: nothing, a layer some image ends in (`bytes`: that image's size), or a layer still in use or
 * already counted that no image ends in (`bytes` undefined: the history must tell the freed layers' sizes).
 */
export interface FreedBase {
  readonly from: number;
  readonly bytes: number | undefined;
}

/** Sizes by chain id of the layer an image ends in: any image ending there has the same layers, so the same size. */
export function sizesByTopLayer(images: readonly LayeredImage[]): Map<string, number> {
  const sizes = new Map<string, number>();
  for (const image of images) {
    const top = chainIds(image.layers).at(-1);
    if (top !== undefined) sizes.set(top, image.size);
  }
  return sizes;
}

/** Every layer (chain id) the images use. */
export function layersInUse(images: readonly LayeredImage[]): Set<string> {
  return new Set(images.flatMap((image) => chainIds(image.layers)));
}

/** The base of what removing `image` frees, given the layers still in use (or counted) and the sizes images tell. */
export function freedBase(
  image: LayeredImage,
  kept: ReadonlySet<string>,
  sizes: ReadonlyMap<string, number>,
): FreedBase {
  const chain = chainIds(image.layers);
  for (let index = chain.length - 2; index >= 0; index--) {
    const chainId = chain[index] ?? '';
    if (kept.has(chainId) || sizes.has(chainId)) return { from: index + 1, bytes: sizes.get(chainId) };
  }
  return { from: 0, bytes: 0 };
}

/**
 * The base of each removed image that frees anything (by id), each layer counted once: an image sharing
 * freed layers with one before it frees only what lies above them.
 */
export function freedBases(
  deleted: readonly LayeredImage[],
  remaining: readonly LayeredImage[],
): Map<string, FreedBase> {
  const kept = layersInUse(remaining);
  const sizes = sizesByTopLayer([...remaining, ...deleted]);
  const bases = new Map<string, FreedBase>();
  for (const image of deleted) {
    const chain = chainIds(image.layers);
    if (chain.length === 0 || kept.has(chain.at(-1) ?? '')) continue;
    const base = freedBase(image, kept, sizes);
    bases.set(image.id, base);
    for (const chainId of chain.slice(base.from)) kept.add(chainId);
  }
  return bases;
}

/**
 * Bytes freed by removing `deleted` while `remaining` stay: an image's size less its base's, or where no
 * image tells the base, its history's layer sizes (`historySizes` by image id, as layerSizes gives them)
 * above it; not known: 0.
 */
export function freedBytes(
  deleted: readonly LayeredImage[],
  remaining: readonly LayeredImage[],
  historySizes: ReadonlyMap<string, readonly number[] | undefined>,
): number {
  const bases = freedBases(deleted, remaining);
  let total = 0;
  for (const image of deleted) {
    const base = bases.get(image.id);
    if (base === undefined) continue;
    total +=
      base.bytes !== undefined
        ? Math.max(0, image.size - base.bytes)
        : (historySizes.get(image.id) ?? []).slice(base.from).reduce((sum, bytes) => sum + bytes, 0);
  }
  return total;
}

/**
 * Whether `deletedIds` (the ids a graph driver's `docker image rm` printed) hold every layer that removing
 * `deleted` frees while `remaining` stay: then the engine deleted them, so no other image used them.
 */
export function engineDeletedAll(
  deleted: readonly LayeredImage[],
  remaining: readonly LayeredImage[],
  deletedIds: ReadonlySet<string>,
): boolean {
  const bases = freedBases(deleted, remaining);
  return deleted.every((image) => {
    const base = bases.get(image.id);
    return (
      base === undefined ||
      chainIds(image.layers)
        .slice(base.from)
        .every((chainId) => deletedIds.has(chainId))
    );
  });
}
