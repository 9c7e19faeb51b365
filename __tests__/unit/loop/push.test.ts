import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { loginServer, pushTags, type PushRequest } from '../../../src/loop/push.js';
import { describeManifest } from '../../../src/loop/run-report.js';
import { isIndexMediaType, MEDIA_TYPE } from '../../../src/registry/manifest.js';
import type { Reporter } from '../../../src/loop/reporter.js';
import { parseImageName } from '../../../src/shared/image-reference.js';
import { fakeEngine, image, type FakeEngine } from '../docker/fake-engine.js';

describe('loginServer', () => {
  it.each<[string, string | undefined]>([
    ['docker.io', undefined],
    ['ghcr.io', 'ghcr.io'],
    ['localhost:5000', 'localhost:5000'],
    ['[::1]:5000', '[::1]:5000'],
    ['registry.example.com', 'registry.example.com'],
  ])('%s → %s', (registry, expected) => {
    expect(loginServer(registry)).toBe(expected);
  });
});

describe('describeManifest', () => {
  it.each<[string, string, boolean]>([
    [MEDIA_TYPE.ociManifest, `one image manifest (${MEDIA_TYPE.ociManifest})`, false],
    [MEDIA_TYPE.dockerManifest, `one image manifest (${MEDIA_TYPE.dockerManifest})`, false],
    [MEDIA_TYPE.ociIndex, `an index (${MEDIA_TYPE.ociIndex})`, true],
    [MEDIA_TYPE.dockerManifestList, `an index (${MEDIA_TYPE.dockerManifestList})`, true],
    ['', 'not read back', false],
  ])('%s → %s', (mediaType, described, index) => {
    expect(describeManifest(mediaType)).toBe(described);
    expect(isIndexMediaType(mediaType)).toBe(index);
  });
});

// ---------------------------------------------------------------------------------------------
// pushTags' read-back: the engine stood in for, the registry behind a fake global fetch.

vi.mock('../../../src/docker/credentials.js', () => ({ storedCredentials: () => Promise.resolve(undefined) }));

const PUSHED = `sha256:${'1'.repeat(64)}`;
const OTHER = `sha256:${'2'.repeat(64)}`;
const IMAGE_ID = `sha256:${'c'.repeat(64)}`;

describe('pushTags: reading the pushed tags back', () => {
  const requests: string[] = [];
  /** The fake registry's answer to a request of `path`. */
  let answer: (path: string) => Response = () => new Response(null, { status: 500 });
  const warnings: string[] = [];
  const infos: string[] = [];
  const reporter = {
    info: (message: string) => infos.push(message),
    warning: (message: string) => warnings.push(message),
    secret: () => undefined,
  } as unknown as Reporter;

  let repoDigests: string[] = [];
  let engine: FakeEngine;
  beforeEach(() => {
    requests.length = 0;
    warnings.length = 0;
    infos.length = 0;
    // The engine's record of the push: the tested image's digest in the registry.
    repoDigests = [`localhost:5000/app@${PUSHED}`];
    engine = fakeEngine({
      tagImage: () => Promise.resolve(),
      push: () => Promise.resolve({ ok: true, error: '', digest: PUSHED }),
      inspectImage: () => Promise.resolve(image(IMAGE_ID, repoDigests)),
    });
    vi.stubGlobal('fetch', (url: string, init: RequestInit) => {
      const { pathname } = new URL(url);
      requests.push(`${init.method ?? 'GET'} ${pathname}`);
      return Promise.resolve(answer(pathname));
    });
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  const request = (retries: number): PushRequest => {
    const built = parseImageName('localhost:5000/app');
    return { repositories: [built], built, tag: 'd24155b', imageId: IMAGE_ID, retries, auth: undefined };
  };
  /** A HEAD's answer: the digest in Docker-Content-Digest, the media type in Content-Type. */
  const naming = (digest: string, mediaType: string = MEDIA_TYPE.ociManifest): Response =>
    new Response(null, { status: 200, headers: { 'docker-content-digest': digest, 'content-type': mediaType } });

  it('two HEADs, the sha tag and latest, after the ping: no manifest GET (Docker Hub counts each as a pull)', async () => {
    answer = (path) => (path === '/v2/' ? new Response('{}') : naming(PUSHED));
    expect(await pushTags(engine, request(3), reporter)).toEqual({
      'localhost:5000/app': { digest: PUSHED, mediaType: MEDIA_TYPE.ociManifest },
    });
    expect(requests).toEqual(['GET /v2/', 'HEAD /v2/app/manifests/d24155b', 'HEAD /v2/app/manifests/latest']);
    expect(engine.said()).toEqual([
      `tagImage ${IMAGE_ID}`,
      `tagImage ${IMAGE_ID}`,
      'push localhost:5000/app:d24155b',
      'push localhost:5000/app:latest',
      `inspectImage ${IMAGE_ID}`,
    ]);
    // By the tested image's id, whatever the names pointed to before.
    expect(engine.calls.filter((call) => call.operation === 'tagImage').map((call) => call.args)).toEqual([
      [IMAGE_ID, 'localhost:5000/app:d24155b'],
      [IMAGE_ID, 'localhost:5000/app:latest'],
    ]);
    expect(warnings).toEqual([]);
    expect(infos).toEqual([
      `Pushed localhost:5000/app:d24155b and :latest (${PUSHED}, one image manifest (${MEDIA_TYPE.ociManifest})).`,
    ]);
  });

  it('an index where one image was tested: the media type is returned and warned of', async () => {
    answer = (path) => (path === '/v2/' ? new Response('{}') : naming(PUSHED, MEDIA_TYPE.ociIndex));
    expect(await pushTags(engine, request(3), reporter)).toEqual({
      'localhost:5000/app': { digest: PUSHED, mediaType: MEDIA_TYPE.ociIndex },
    });
    expect(warnings).toEqual([
      `localhost:5000/app:d24155b is an index in the registry (${MEDIA_TYPE.ociIndex}), not the one image manifest that was tested: the engine added to it on push.`,
    ]);
  });

  it('the registry serves a digest the engine never pushed for the tested image: fails, naming both', async () => {
    repoDigests = [`localhost:5000/app@${OTHER}`];
    answer = (path) => (path === '/v2/' ? new Response('{}') : naming(PUSHED));
    await expect(pushTags(engine, request(3), reporter)).rejects.toThrow(
      `After the push, localhost:5000/app:d24155b is ${PUSHED} in the registry, which the engine never pushed for the tested image ${IMAGE_ID} (its digests there: ${OTHER}): another run pushed that tag meanwhile?`,
    );
  });

  it('the containerd store: the image id is the pushed manifest, no record needed', async () => {
    repoDigests = [];
    answer = (path) => (path === '/v2/' ? new Response('{}') : naming(IMAGE_ID));
    expect(await pushTags(engine, request(3), reporter)).toEqual({
      'localhost:5000/app': { digest: IMAGE_ID, mediaType: MEDIA_TYPE.ociManifest },
    });
    expect(engine.said()).not.toContain(`inspectImage ${IMAGE_ID}`);
  });

  it('latest moved meanwhile: says so', async () => {
    answer = (path) => (path.endsWith('/latest') ? naming(OTHER) : naming(PUSHED));
    await expect(pushTags(engine, request(3), reporter)).rejects.toThrow(
      `After the push, localhost:5000/app:d24155b is ${PUSHED} but :latest is ${OTHER} in the registry: another push moved :latest meanwhile?`,
    );
  });

  it("the client gets push-retries: with 0, a 429 is not waited for; docker's record of the push is the digest", async () => {
    repoDigests = [`localhost:5000/app@${PUSHED}`];
    answer = (path) => (path === '/v2/' ? new Response('{}') : new Response(null, { status: 429 }));
    expect(await pushTags(engine, request(0), reporter)).toEqual({
      'localhost:5000/app': { digest: PUSHED, mediaType: '' },
    });
    expect(requests).toEqual(['GET /v2/', 'HEAD /v2/app/manifests/d24155b']);
    expect(warnings).toEqual([
      "Could not read the pushed tags back from localhost:5000 (The registry localhost:5000 limits requests (HTTP 429 to HEAD /v2/app/manifests/d24155b).); the digest is docker's record of the push.",
    ]);
  });
});
