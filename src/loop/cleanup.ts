import type { Engine } from '../docker/engine.js';
import { removeContainer, type CleanupResult } from './container.js';
import { logout } from './push.js';
import type { Reporter } from './reporter.js';

/** What a run started that must be undone: the container, the registry login. Empty: nothing. */
export interface Leftovers {
  container: string;
  loggedInRegistry: string;
  /** The run's own docker config folder that holds the login. */
  loginConfig: string;
}

export const NO_LEFTOVERS: Readonly<Leftovers> = { container: '', loggedInRegistry: '', loginConfig: '' };

/** Removes what the run left behind; says (as warnings) what it could not undo, and returns that. Never throws. */
export async function cleanUp(
  engine: Engine,
  leftovers: Leftovers,
  reporter: Pick<Reporter, 'info' | 'warning'>,
): Promise<Leftovers> {
  const remaining: Leftovers = { ...NO_LEFTOVERS };
  const undo = async (what: keyof Leftovers, action: () => Promise<CleanupResult>): Promise<void> => {
    try {
      const result = await action();
      if (result.done) reporter.info(result.message);
      else reporter.warning(result.message);
      if (!result.done) remaining[what] = leftovers[what];
    } catch (error) {
      reporter.warning(`Clean-up of ${what} failed: ${(error as Error).message}`);
      remaining[what] = leftovers[what];
    }
  };
  if (leftovers.container !== '') await undo('container', () => removeContainer(engine, leftovers.container));
  if (leftovers.loginConfig !== '') {
    await undo('loginConfig', () => logout(engine, leftovers.loggedInRegistry, leftovers.loginConfig));
    if (remaining.loginConfig !== '') remaining.loggedInRegistry = leftovers.loggedInRegistry;
  }
  return remaining;
}
