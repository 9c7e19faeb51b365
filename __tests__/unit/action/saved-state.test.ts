import { describe, expect, it } from 'vitest';
import { nothingLeft, savedState } from '../../../src/action/saved-state.js';

describe('savedState', () => {
  it.each<[string, NodeJS.ProcessEnv, ReturnType<typeof savedState>]>([
    ['main: no state yet', {}, { isPost: false, leftovers: { container: '', loggedInRegistry: '' } }],
    [
      'post after a clean main',
      { STATE_isPost: 'true', STATE_container: '', STATE_: 'x' },
      { isPost: true, leftovers: { container: '', loggedInRegistry: '' } },
    ],
    [
      'post after a main that was cut short',
      {
        STATE_isPost: 'true',
        STATE_container: 'app-d24155b-42-1-abcdef',
        'STATE_logged-in-registry': 'localhost:5000',
      },
      { isPost: true, leftovers: { container: 'app-d24155b-42-1-abcdef', loggedInRegistry: 'localhost:5000' } },
    ],
    [
      'only the exact value true marks post',
      { STATE_isPost: 'TRUE' },
      { isPost: false, leftovers: { container: '', loggedInRegistry: '' } },
    ],
  ])('%s', (_case, env, expected) => {
    expect(savedState(env)).toEqual(expected);
  });
});

describe('nothingLeft', () => {
  it.each<[string, string, boolean]>([
    ['', '', true],
    ['app-1', '', false],
    ['', 'localhost:5000', false],
  ])('container %j, registry %j → %s', (container, loggedInRegistry, expected) => {
    expect(nothingLeft({ container, loggedInRegistry })).toBe(expected);
  });
});
