import { createHash } from 'node:crypto';

// What removing images frees when they do not know their parent (BuildKit builds, the containerd image
// store, pulled and imported images): the layers no remaining image uses. Pure, so it is tested table-driven.

/** A layer's identity with everything under it (OCI chain id): equal chain ids are one layer on disk. */
export function chainIds(diffIds: readonly string[]): string[] {
  const chain: string[] = [];
  for (const diffId of diffIds) {
    const below = chain.at(-1);
    chain.push(below === undefined ? diffId : `sha256:${createHash('sha256').update(`${below} ${diffId}`).digest('hex')}`);
  }
  return chain;
}

/** One `docker image history` step, oldest first here: the instruction and its layer's bytes. */
export interface LayerStep {
  readonly createdBy: string;
  readonly size: number;
}

// Instructions that change only the image config: their steps carry no layer (classic: `#(nop) LABEL …`).
const METADATA_ONLY = /^(?:\/bin\/sh -c #\(nop\)\s+)?(?:LABEL|ENV|CMD|ENTRYPOINT|EXPOSE|HEALTHCHECK|USER|ARG|ONBUILD|STOPSIGNAL|SHELL|VOLUME|MAINTAINER)\b/;

/**
 * The bytes of each of an image's `layerCount` layers, bottom first, from its history (oldest first); undefined
 * when they cannot be placed. The history has a step per instruction, layer or not, and no flag says which:
 * a step with bytes is a layer, a metadata-only instruction is not, and the rest (RUN, COPY, WORKDIR) are
 * layers that may be empty. Too many of those is fine while they all sit above the last layer with bytes.
 */
export function layerSizes(layerCount: number, steps: readonly LayerStep[]): number[] | undefined {
  const candidates = steps.filter((step) => step.size > 0 || !METADATA_ONLY.test(step.createdBy.trim())).map((step) => step.size);
  if (candidates.length === layerCount) return candidates;
  const placed = candidates.slice(0, candidates.findLastIndex((size) => size > 0) + 1);
  if (candidates.length < layerCount || placed.length > layerCount || placed.some((size) => size === 0)) return undefined;
  return [...placed, ...Array<number>(layerCount - placed.length).fill(0)];
}

export interface RemovedImageLayers {
  /** Chain ids, bottom first. */
  readonly chain: readonly string[];
  /** Bytes per layer, as layerSizes gives them; undefined: not known. */
  readonly sizes: readonly number[] | undefined;
}

/** Bytes of the removed images' layers that no remaining image uses, each layer once; a size not known counts 0. */
export function freedLayerBytes(removed: readonly RemovedImageLayers[], remainingChainIds: ReadonlySet<string>): number {
  const freed = new Map<string, number>();
  for (const image of removed) {
    image.chain.forEach((chainId, index) => {
      if (!remainingChainIds.has(chainId)) freed.set(chainId, Math.max(freed.get(chainId) ?? 0, image.sizes?.[index] ?? 0));
    });
  }
  let total = 0;
  for (const bytes of freed.values()) total += bytes;
  return total;
}
