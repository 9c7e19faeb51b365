import { describe, expect, it } from 'vitest';
import { apiImageCalls } from '../../../src/docker/image-calls.js';
import type { ApiResponse, EngineApi } from '../../../src/docker/engine-api.js';

const ID_A = `sha256:${'a'.repeat(64)}`;
const ID_B = `sha256:${'b'.repeat(64)}`;
const LAYER = `sha256:${'c'.repeat(64)}`;

/** An EngineApi answering from a table of `METHOD path` keys (404 for the rest), recording what was asked. */
function fakeApi(answers: Record<string, ApiResponse>): { api: EngineApi; asked: string[]; closed: () => boolean } {
  const asked: string[] = [];
  let closed = false;
  return {
    api: {
      socket: '/var/run/docker.sock',
      request: (method, apiPath) => {
        asked.push(`${method} ${apiPath}`);
        return Promise.resolve(answers[`${method} ${apiPath}`] ?? { status: 404, body: '{"message":"No such image"}' });
      },
      close: () => {
        closed = true;
      },
    },
    asked,
    closed: () => closed,
  };
}

const inspectBody = (id: string): string =>
  JSON.stringify({
    Id: id,
    RepoTags: ['acme/app:stale'],
    Parent: '',
    Created: '2026-11-28T15:55:51.557591283Z',
    Size: 1000,
    Config: { Env: ['PATH=/bin'], Labels: { 'build-test-deploy.repository': 'acme/app' } },
    RootFS: { Type: 'layers', Layers: [LAYER] },
    Metadata: { LastTagTime: '2026-11-28T16:11:52.959760765Z' },
  });

describe('apiImageCalls', () => {
  it('says it goes through the socket, and how many requests it makes side by side', () => {
    const calls = apiImageCalls(fakeApi({}).api, 32);
    expect(calls.via).toBe('the engine API at unix:///var/run/docker.sock');
    expect(calls.parallel).toBe(32);
  });

  it.each<[string, Record<string, ApiResponse>, string[], boolean]>([
    [
      'every image read',
      {
        [`GET /images/${encodeURIComponent(ID_A)}/json`]: { status: 200, body: inspectBody(ID_A) },
        [`GET /images/${encodeURIComponent(ID_B)}/json`]: { status: 200, body: inspectBody(ID_B) },
      },
      [ID_A, ID_B],
      true,
    ],
    [
      'one gone meanwhile (404): the rest, and still complete',
      { [`GET /images/${encodeURIComponent(ID_B)}/json`]: { status: 200, body: inspectBody(ID_B) } },
      [ID_B],
      true,
    ],
    [
      'one the engine failed on: the rest, incomplete',
      {
        [`GET /images/${encodeURIComponent(ID_A)}/json`]: { status: 500, body: '{"message":"boom"}' },
        [`GET /images/${encodeURIComponent(ID_B)}/json`]: { status: 200, body: inspectBody(ID_B) },
      },
      [ID_B],
      false,
    ],
  ])('inspect: %s', async (_case, answers, ids, complete) => {
    const { api, asked } = fakeApi(answers);
    const inspected = await apiImageCalls(api, 4).inspect([ID_A, ID_B]);
    expect(inspected.images.map((image) => image.id)).toEqual(ids);
    expect(inspected.complete).toBe(complete);
    expect(asked).toEqual([ID_A, ID_B].map((id) => `GET /images/${encodeURIComponent(id)}/json`));
  });

  it("inspect reads what the prune needs from the API's whole answer", async () => {
    const { api } = fakeApi({
      [`GET /images/${encodeURIComponent(ID_A)}/json`]: { status: 200, body: inspectBody(ID_A) },
    });
    expect((await apiImageCalls(api, 4).inspect([ID_A])).images).toEqual([
      {
        id: ID_A,
        parent: '',
        repoTags: ['acme/app:stale'],
        created: '2026-11-28T15:55:51.557591283Z',
        size: 1000,
        lastTagTime: '2026-11-28T16:11:52.959760765Z',
        labels: { 'build-test-deploy.repository': 'acme/app' },
        layers: [LAYER],
      },
    ]);
  });

  it('containers: name and image of each still there', async () => {
    const { api } = fakeApi({
      'GET /containers/c1/json': { status: 200, body: JSON.stringify({ Name: '/web-1', Image: ID_A, State: {} }) },
    });
    expect(await apiImageCalls(api, 4).containers(['c1', 'c2'])).toEqual([{ name: 'web-1', imageId: ID_A }]);
  });

  it('remove: in order, each ref its own request; what went, and what was refused, as the CLI words it', async () => {
    const { api, asked } = fakeApi({
      'DELETE /images/acme%2Fapp%3As1': {
        status: 200,
        body: JSON.stringify([{ Untagged: 'acme/app:s1' }, { Deleted: ID_A }, { Deleted: LAYER }]),
      },
      'DELETE /images/acme%2Fapp%3As2': {
        status: 409,
        body: '{"message":"conflict: unable to remove repository reference \\"acme/app:s2\\" (must force) - container 1f2e is using its referenced image bbbb"}',
      },
      'DELETE /images/acme%2Fapp%3As3': { status: 200, body: JSON.stringify([{ Untagged: 'acme/app:s3' }]) },
    });
    const removal = await apiImageCalls(api, 4).remove(['acme/app:s1', 'acme/app:s2', 'acme/app:s3', 'acme/app:s4']);
    expect(asked).toEqual([
      'DELETE /images/acme%2Fapp%3As1',
      'DELETE /images/acme%2Fapp%3As2',
      'DELETE /images/acme%2Fapp%3As3',
      'DELETE /images/acme%2Fapp%3As4',
    ]);
    expect(removal).toEqual({
      deleted: [ID_A, LAYER],
      refused:
        'Error response from daemon: conflict: unable to remove repository reference "acme/app:s2" (must force) - container 1f2e is using its referenced image bbbb\n' +
        'Error response from daemon: No such image',
    });
  });

  it('remove: nothing refused', async () => {
    const { api } = fakeApi({
      [`DELETE /images/${encodeURIComponent(ID_B)}`]: { status: 200, body: JSON.stringify([{ Deleted: ID_B }]) },
    });
    expect(await apiImageCalls(api, 4).remove([ID_B])).toEqual({ deleted: [ID_B], refused: undefined });
  });

  it('close ends the connections', () => {
    const fake = fakeApi({});
    apiImageCalls(fake.api, 4).close();
    expect(fake.closed()).toBe(true);
  });
});
