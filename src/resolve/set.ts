import { envLines, pinnedRef, type ServiceRecord } from '../shared/service-env.js';
import { escapeHtml, type RegistryAuth } from '../shared/vocabulary.js';
import type { ImageStore } from '../docker/output.js';
import { requestFor, type ResolveInputs, type SetEntry } from './inputs.js';
import { resolveImage, type Logger, type Resolution, type ResolveDeps } from './resolve.js';

// A consistent set of images, what an upgrade of a system of services needs: each image resolved side by side,
// each to a full sha (and, checked, its short sha tag the same image); the set whole or not at all.

export interface Resolved {
  readonly entry: SetEntry;
  readonly resolution: Resolution;
}

/** How a problem names an image of the set: its line, as written. */
export function entryName(entry: SetEntry): string {
  return `line ${entry.line} (${entry.prefix}=${entry.image.name}:${entry.tag})`;
}

/** Resolves every entry at once; throws naming each that failed (a lone `image`: its error as it is). */
export async function resolveSet(inputs: ResolveInputs, logger: Logger, deps: ResolveDeps): Promise<Resolved[]> {
  for (const notice of inputs.notices) logger.warning(notice);
  const checkPair = !inputs.single && inputs.checkPairs;
  // Asked once per set, not per image at the same moment: a credential helper per registry, the image store.
  const stored = new Map<string, Promise<RegistryAuth | undefined>>();
  let store: Promise<ImageStore> | undefined;
  const { storedAuth, engine } = deps;
  const shared: ResolveDeps = {
    ...deps,
    ...(storedAuth === undefined
      ? {}
      : {
          storedAuth: (registry) => {
            const asked = stored.get(registry) ?? storedAuth(registry);
            stored.set(registry, asked);
            return asked;
          },
        }),
    engine: {
      inspectImage: (ref) => engine.inspectImage(ref),
      findImage: (ref) => engine.findImage(ref),
      imageStore: () => (store ??= engine.imageStore()),
    },
  };
  const settled = await Promise.allSettled(
    inputs.entries.map((entry) => resolveImage(requestFor(inputs, entry), logger, shared, { checkPair })),
  );
  const failures = settled.flatMap((result, index) =>
    result.status === 'rejected' ? [{ entry: inputs.entries[index], error: result.reason as Error }] : [],
  );
  if (failures.length > 0) {
    if (inputs.single && failures[0] !== undefined) throw failures[0].error;
    throw new Error(
      `The set is not consistent: ${failures.length} of ${inputs.entries.length} images did not resolve${checkPair ? ' as a pair' : ''}. ${failures
        .map(({ entry, error }) => `${entry === undefined ? '' : entryName(entry)}: ${error.message}`)
        .join(' ')}`,
    );
  }
  return settled.map((result, index) => {
    const entry = inputs.entries[index];
    if (result.status !== 'fulfilled' || entry === undefined) throw new Error('unreachable: a failure was thrown');
    return { entry, resolution: result.value };
  });
}

export function serviceRecordOf({ entry, resolution }: Resolved): ServiceRecord {
  return {
    prefix: entry.prefix,
    image: entry.image.name,
    sha: resolution.sha,
    tag: resolution.tag,
    digest: resolution.digest,
  };
}

/** The set as dotenv lines, a group per image, in input order. */
export function setEnv(set: readonly Resolved[]): string {
  return set.flatMap((resolved) => envLines(serviceRecordOf(resolved))).join('\n') + '\n';
}

/** The set as JSON: one object per image, in input order. */
export function setJson(set: readonly Resolved[]): string {
  return JSON.stringify(
    set.map((resolved) => ({
      prefix: resolved.entry.prefix,
      image: resolved.entry.image.name,
      tag: resolved.entry.tag,
      sha: resolved.resolution.sha,
      shortTag: resolved.resolution.tag,
      digest: resolved.resolution.digest,
      imageRef: pinnedRef(serviceRecordOf(resolved)),
      source: resolved.resolution.source,
    })),
  );
}

/** The job summary's table (HTML: every value escaped). */
export function setSummary(set: readonly Resolved[]): string {
  const cell = (text: string): string => `<td><code>${escapeHtml(text)}</code></td>`;
  const rows = set.map(
    (resolved) =>
      `<tr>${[
        resolved.entry.prefix,
        `${resolved.entry.image.name}:${resolved.entry.tag}`,
        resolved.resolution.sha,
        pinnedRef(serviceRecordOf(resolved)),
      ]
        .map(cell)
        .join('')}<td>${resolved.resolution.source}</td></tr>`,
  );
  return [
    `<p><b>Resolved a set of ${set.length} image${set.length === 1 ? '' : 's'}</b></p>`,
    '<table><tr><th>Prefix</th><th>Image</th><th>Commit</th><th>Pinned</th><th>Read from</th></tr>',
    ...rows,
    '</table>',
  ].join('\n');
}
