import { setTimeout as sleep } from 'node:timers/promises';
import type { CleanupResult } from './container.js';
import { storedCredentials } from '../docker/credentials.js';
import type { Engine, Outcome, PushOutcome } from '../docker/engine.js';
import { digestsFor } from '../docker/output.js';
import { classifyRegistryFailure } from '../docker/registry-failure.js';
import { DOCKER_HUB, familiarName, type ImageName } from '../shared/image-reference.js';
import type { RegistryAuth } from '../shared/vocabulary.js';
import type { Reporter } from './reporter.js';
import { describeManifest } from './run-report.js';
import { isIndexMediaType } from '../registry/manifest.js';
import { RegistryClient } from '../registry/client.js';
import { RegistryError } from '../registry/registry-error.js';
import { backoffMs } from '../shared/backoff.js';

/** The server argument for docker login/logout: none for Docker Hub. */
export function loginServer(registry: string): string | undefined {
  return registry === DOCKER_HUB ? undefined : registry;
}

function who(auth: RegistryAuth | undefined): string {
  return auth === undefined
    ? 'the credentials of the earlier docker login (or none)'
    : `the credentials of user "${auth.username}"`;
}

/** Runs a registry operation, retrying transient failures `retries` times; refusals fail at once, saying who was refused where. */
export async function withRetries<T extends Outcome>(
  what: string,
  registry: string,
  auth: RegistryAuth | undefined,
  retries: number,
  operation: () => Promise<T>,
  reporter: Pick<Reporter, 'warning'>,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const result = await operation();
    if (result.ok) return result;
    const reason = result.error.split('\n').pop() ?? '';
    const kind = classifyRegistryFailure(result.error);
    if (kind === 'auth') throw new Error(`The registry ${registry} refused ${who(auth)} for ${what}: ${reason}`);
    if (kind === 'permanent') throw new Error(`${what} failed: ${reason}`);
    if (attempt >= retries)
      throw new Error(
        `${what} failed after ${attempt + 1} attempt(s) (push-retries: ${retries}); the registry ${registry} did not recover: ${reason}`,
      );
    const delay = backoffMs(attempt + 1);
    reporter.warning(
      `${what} failed (${reason}); retry ${attempt + 1} of ${retries} in ${(delay / 1000).toFixed(1)} s.`,
    );
    await sleep(delay);
  }
}

/**
 * Logs in with the password on stdin (masked when the inputs were read), retrying an unreachable registry.
 * Returns the run's own docker config folder the login is kept in.
 */
export async function login(
  engine: Engine,
  registry: string,
  auth: RegistryAuth,
  retries: number,
  reporter: Reporter,
): Promise<string> {
  const { config } = await withRetries(
    `docker login to ${registry}`,
    registry,
    auth,
    retries,
    () => engine.login(loginServer(registry), auth.username, auth.password),
    reporter,
  );
  if (config === undefined) throw new Error(`docker login to ${registry} kept no docker config.`);
  return config;
}

/** Undoes the login: the run's own config folder goes, and the login with it; the shared config is untouched. */
export async function logout(engine: Engine, registry: string, config: string): Promise<CleanupResult> {
  const result = await engine.logout(loginServer(registry), config);
  return result.ok
    ? { done: true, message: `Logged out of ${registry}.` }
    : { done: false, message: `Could not log out of ${registry}: ${result.error}` };
}

export interface PushRequest {
  readonly repositories: readonly ImageName[];
  /** The repository built and tagged locally; mirrors get local tags for the push, removed afterwards. */
  readonly built: ImageName;
  readonly tag: string;
  readonly imageId: string;
  readonly retries: number;
  /** Credentials given to the action, for the built image's registry. */
  readonly auth: RegistryAuth | undefined;
}

/** What a registry serves for the pushed tags: the manifest's digest and media type ('' where unread). */
export interface PushedManifest {
  readonly digest: string;
  readonly mediaType: string;
}

/**
 * Pushes the sha tag, then latest, to each repository (so :latest never names what that registry does
 * not hold yet), then checks in each registry that both tags name one digest. Returns repository → what
 * the registry serves for both; `onPushed` hears of each repository as it is done, so a later failure
 * (a mirror's) loses nothing of what is true already.
 */
export async function pushTags(
  engine: Engine,
  request: PushRequest,
  reporter: Reporter,
  onPushed: (repository: string, manifest: PushedManifest) => void = () => undefined,
): Promise<Record<string, PushedManifest>> {
  const pushed: Record<string, PushedManifest> = {};
  for (const repository of request.repositories) {
    const mirror = repository.name !== request.built.name;
    const shaRef = `${repository.name}:${request.tag}`;
    const latestRef = `${repository.name}:latest`;
    // docker push goes by name: the names are set to the tested image's id first, whatever another run on this
    // engine tagged meanwhile.
    await Promise.all([shaRef, latestRef].map((ref) => engine.tagImage(request.imageId, ref)));
    let manifest: PushedManifest;
    try {
      const auth = repository.registry === request.built.registry ? request.auth : undefined;
      const push = (ref: string): Promise<PushOutcome> =>
        withRetries(`docker push ${ref}`, repository.registry, auth, request.retries, () => engine.push(ref), reporter);
      const shaPush = await push(shaRef);
      await push(latestRef);
      manifest = await readBack(engine, repository, request, shaPush.digest, auth, reporter);
    } finally {
      // The mirror's local tags served the push only: the engine is left as the build left it.
      if (mirror) await engine.removeImages([shaRef, latestRef]);
    }
    pushed[repository.name] = manifest;
    onPushed(repository.name, manifest);
    const { digest, mediaType } = manifest;
    reporter.info(`Pushed ${repository.name}:${request.tag} and :latest (${digest}, ${describeManifest(mediaType)}).`);
    // The engine made more of it than the one image tested (an attestation, an index): said, not hidden.
    if (isIndexMediaType(mediaType))
      reporter.warning(
        `${repository.name}:${request.tag} is an index in the registry (${mediaType}), not the one image manifest that was tested: the engine added to it on push.`,
      );
  }
  return pushed;
}

/**
 * The registry's digest is the tested image's: the image id itself (the containerd store names an image by its
 * manifest), or a digest the engine recorded when it pushed that very id (RepoDigests); no pull, no GET.
 */
async function provePushed(engine: Engine, repository: ImageName, request: PushRequest, digest: string): Promise<void> {
  if (digest === request.imageId) return;
  const recorded = digestsFor((await engine.inspectImage(request.imageId)).repoDigests, familiarName(repository));
  if (recorded.includes(digest)) return;
  throw new Error(
    `After the push, ${repository.name}:${request.tag} is ${digest} in the registry, which the engine never pushed for the tested image ${request.imageId} (its digests there: ${recorded.join(', ') || 'none'}): another run pushed that tag meanwhile?`,
  );
}

/** What both tags name in the registry; falls back to docker's RepoDigests when the registry cannot be read. */
async function readBack(
  engine: Engine,
  repository: ImageName,
  request: PushRequest,
  shaPushDigest: string | undefined,
  auth: RegistryAuth | undefined,
  reporter: Reporter,
): Promise<PushedManifest> {
  const client = new RegistryClient({
    registry: repository.registry,
    repository: repository.path,
    auth: auth ?? (await storedCredentials(repository.registry, reporter.secret)),
    retries: request.retries,
  });
  try {
    // HEADs: a registry that counts pulls (Docker Hub) counts no HEAD.
    const sha = await client.manifestHead(request.tag);
    const latest = await client.manifestDigest('latest');
    if (sha.digest !== latest) {
      throw new Error(
        `After the push, ${repository.name}:${request.tag} is ${sha.digest} but :latest is ${latest} in the registry: another push moved :latest meanwhile?`,
      );
    }
    await provePushed(engine, repository, request, sha.digest);
    return sha;
  } catch (error) {
    if (!(error instanceof RegistryError)) throw error;
    reporter.warning(
      `Could not read the pushed tags back from ${repository.registry} (${error.message}); the digest is docker's record of the push.`,
    );
    const { repoDigests } = await engine.inspectImage(request.imageId);
    const candidates = digestsFor(repoDigests, familiarName(repository));
    // An image pushed before under other manifests can carry several digests: the push's own report says which.
    const digest =
      candidates.length === 1 ? candidates[0] : candidates.find((candidate) => candidate === shaPushDigest);
    if (digest === undefined)
      throw new Error(
        `Pushed ${repository.name}:${request.tag}, but docker reports no single registry digest for it (RepoDigests: ${candidates.join(', ') || 'none'}).`,
      );
    return { digest, mediaType: '' };
  }
}
