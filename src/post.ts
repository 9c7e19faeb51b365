import * as core from '@actions/core';
import { cleanUp, loadLeftovers } from './cleanup.js';

/** Post step: undo what main could not (it was cancelled or crashed). Only ever warns. */
export async function runPost(): Promise<void> {
  try {
    const leftovers = loadLeftovers();
    if (leftovers.container === '' && leftovers.loggedInRegistry === '') {
      core.info('Nothing to clean up: the main step already did.');
      return;
    }
    await cleanUp(leftovers);
  } catch (error) {
    core.warning(`Post clean-up failed: ${(error as Error).message}`);
  }
}
