import { randomBytes } from 'node:crypto';
import type { Engine } from '../docker/engine.js';

/** The outcome of undoing one thing the run did. */
export interface CleanupResult {
  readonly done: boolean;
  readonly message: string;
}

/**
 * A container name unique per run, attempt and step (parallel jobs on one self-hosted engine never
 * collide), readable in `docker ps`: `<last path component>-<tag>-<run id>-<attempt>-<random>`.
 */
export function containerName(
  repositoryPath: string,
  tag: string,
  runId: string | undefined,
  runAttempt: string | undefined,
  random = randomBytes(3).toString('hex'),
): string {
  const base = repositoryPath.slice(repositoryPath.lastIndexOf('/') + 1);
  return [base, tag, runId ?? 'local', runAttempt ?? '1', random].join('-').replace(/[^a-zA-Z0-9_.-]/g, '_');
}

/** Removes the container and its anonymous volumes; true when it is gone (also when it never existed). */
export async function removeContainer(engine: Engine, name: string): Promise<CleanupResult> {
  const removal = await engine.removeContainer(name);
  if (removal === 'removed') return { done: true, message: `Removed container ${name}.` };
  if (removal === 'gone') return { done: true, message: `Container ${name} was already gone.` };
  return { done: false, message: `Could not remove container ${name}: ${removal.error}` };
}
