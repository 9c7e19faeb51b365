import * as core from '@actions/core';
import { removeContainer, type CleanupResult } from './container.js';
import { logout } from './push.js';
import { STATE, type Leftovers } from '../action/saved-state.js';

// Main and post share this: main cleans up as soon as it is done, post again if main was cut short.


/** Removes what the run left behind; says (as warnings) what it could not undo. Never throws. */
export async function cleanUp(leftovers: Leftovers): Promise<Leftovers> {
  const remaining: Leftovers = { container: '', loggedInRegistry: '' };
  const undo = async (what: keyof Leftovers, action: () => Promise<CleanupResult>): Promise<void> => {
    try {
      const result = await action();
      if (result.done) core.info(result.message);
      else core.warning(result.message);
      if (!result.done) remaining[what] = leftovers[what];
    } catch (error) {
      core.warning(`Clean-up of ${what} failed: ${(error as Error).message}`);
      remaining[what] = leftovers[what];
    }
  };
  if (leftovers.container !== '') await undo('container', () => removeContainer(leftovers.container));
  if (leftovers.loggedInRegistry !== '') await undo('loggedInRegistry', () => logout(leftovers.loggedInRegistry));
  return remaining;
}

export function saveLeftovers(leftovers: Leftovers): void {
  core.saveState(STATE.container, leftovers.container);
  core.saveState(STATE.loggedInRegistry, leftovers.loggedInRegistry);
}
