import { describe, expect, it } from 'vitest';
import { nothingLeft, savedState } from '../../../src/action/saved-state.js';

const NONE = { container: '', loggedInRegistry: '', loginConfig: '' };

describe('savedState', () => {
  it.each<[string, NodeJS.ProcessEnv, ReturnType<typeof savedState>]>([
    ['main: no state yet', {}, { isPost: false, leftovers: NONE }],
    [
      'post after a clean main',
      { STATE_isPost: 'true', STATE_container: '', STATE_: 'x' },
      { isPost: true, leftovers: NONE },
    ],
    [
      'post after a main that was cut short',
      {
        STATE_isPost: 'true',
        STATE_container: 'app-d24155b-42-1-abcdef',
        'STATE_logged-in-registry': 'localhost:5000',
        'STATE_login-config': '/runner/_temp/build-test-deploy-docker-config-x1',
      },
      {
        isPost: true,
        leftovers: {
          container: 'app-d24155b-42-1-abcdef',
          loggedInRegistry: 'localhost:5000',
          loginConfig: '/runner/_temp/build-test-deploy-docker-config-x1',
        },
      },
    ],
    ['only the exact value true marks post', { STATE_isPost: 'TRUE' }, { isPost: false, leftovers: NONE }],
  ])('%s', (_case, env, expected) => {
    expect(savedState(env)).toEqual(expected);
  });
});

describe('nothingLeft', () => {
  it.each<[string, string, string, boolean]>([
    ['', '', '', true],
    ['app-1', '', '', false],
    ['', 'localhost:5000', '/tmp/build-test-deploy-docker-config-x1', false],
    // The registry alone is a name for the log: the login is the config folder.
    ['', 'localhost:5000', '', true],
  ])('container %j, registry %j, config %j → %s', (container, loggedInRegistry, loginConfig, expected) => {
    expect(nothingLeft({ container, loggedInRegistry, loginConfig })).toBe(expected);
  });
});
