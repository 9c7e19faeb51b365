// What main saves for post. Kept free of imports (a type is erased): the bundle's entry reads it before
// loading anything else.
import type { Leftovers } from '../loop/cleanup.js';

export const STATE = {
  isPost: 'isPost',
  container: 'container',
  loggedInRegistry: 'logged-in-registry',
  loginConfig: 'login-config',
} as const;

/**
 * The state main saved, as post sees it: the runner passes it as `STATE_<name>` variables, which is all
 * `core.getState` reads.
 */
export function savedState(env: NodeJS.ProcessEnv): { readonly isPost: boolean; readonly leftovers: Leftovers } {
  const saved = (name: string): string => env[`STATE_${name}`] ?? '';
  return {
    isPost: saved(STATE.isPost) === 'true',
    leftovers: {
      container: saved(STATE.container),
      loggedInRegistry: saved(STATE.loggedInRegistry),
      loginConfig: saved(STATE.loginConfig),
    },
  };
}

export function nothingLeft(leftovers: Leftovers): boolean {
  return leftovers.container === '' && leftovers.loginConfig === '';
}
