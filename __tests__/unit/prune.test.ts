import { describe, expect, it } from 'vitest';
import type { ImageListEntry } from '../../src/docker-output.js';
import { planPrune, type PrunePlan } from '../../src/prune.js';

const ID_CURRENT = `sha256:${'c'.repeat(64)}`;
const ID_OLD = `sha256:${'1'.repeat(64)}`;
const ID_OLDER = `sha256:${'2'.repeat(64)}`;
const ID_RUNNING = `sha256:${'3'.repeat(64)}`;

const images: ImageListEntry[] = [
  { repository: 'acme/app', tag: 'latest', id: ID_CURRENT },
  { repository: 'acme/app', tag: 'd24155b', id: ID_CURRENT },
  { repository: 'acme/app', tag: 'aaaaaaa', id: ID_OLD },
  { repository: 'acme/app', tag: 'bbbbbbb', id: ID_OLDER },
  { repository: 'acme/app', tag: 'ccccccc', id: ID_RUNNING },
  { repository: 'acme/app', tag: '<none>', id: ID_OLDER },
  { repository: 'acme/app-worker', tag: 'aaaaaaa', id: ID_OLD },
  { repository: 'acme/app-worker', tag: 'latest', id: ID_OLD },
  { repository: 'localhost:5000/acme/app', tag: 'aaaaaaa', id: ID_OLD },
  { repository: 'acme', tag: 'app', id: ID_OLD },
  { repository: '<none>', tag: '<none>', id: ID_OLD },
];

describe('planPrune', () => {
  it.each<[string, readonly ImageListEntry[], string, string[], string[], PrunePlan]>([
    [
      'keeps latest and the current tag, skips <none>, ignores other repositories, keeps in-use tags apart',
      images, 'acme/app', ['latest', 'd24155b'], [ID_RUNNING],
      { remove: ['acme/app:aaaaaaa', 'acme/app:bbbbbbb'], inUse: ['acme/app:ccccccc'] },
    ],
    [
      'nothing in use',
      images, 'acme/app', ['latest', 'd24155b'], [],
      { remove: ['acme/app:aaaaaaa', 'acme/app:bbbbbbb', 'acme/app:ccccccc'], inUse: [] },
    ],
    [
      'an in-use image id that is only kept tags changes nothing',
      images, 'acme/app', ['latest', 'd24155b'], [ID_CURRENT],
      { remove: ['acme/app:aaaaaaa', 'acme/app:bbbbbbb', 'acme/app:ccccccc'], inUse: [] },
    ],
    [
      'the prefix-sharing acme/app-worker is its own repository',
      images, 'acme/app-worker', ['latest', 'd24155b'], [],
      { remove: ['acme/app-worker:aaaaaaa'], inUse: [] },
    ],
    [
      'a registry-qualified repository matches only itself',
      images, 'localhost:5000/acme/app', ['latest', 'xxxxxxx'], [ID_OLD],
      { remove: [], inUse: ['localhost:5000/acme/app:aaaaaaa'] },
    ],
    [
      'the current tag being one of the stale ones keeps it',
      images, 'acme/app', ['latest', 'aaaaaaa'], [],
      { remove: ['acme/app:d24155b', 'acme/app:bbbbbbb', 'acme/app:ccccccc'], inUse: [] },
    ],
    ['no images', [], 'acme/app', ['latest', 'd24155b'], [ID_RUNNING], { remove: [], inUse: [] }],
    ['no such repository', images, 'acme/other', ['latest'], [], { remove: [], inUse: [] }],
  ])('%s', (_case, list, repository, keep, inUse, expected) => {
    expect(planPrune(list, repository, new Set(keep), new Set(inUse))).toEqual(expected);
  });
});
