import * as core from '@actions/core';
import { cleanUp } from '../loop/cleanup.js';
import type { Leftovers } from './saved-state.js';

/** Post step: undo what main could not (it was cancelled or crashed). Only ever warns. */
export async function runPost(leftovers: Leftovers): Promise<void> {
  try {
    await cleanUp(leftovers);
  } catch (error) {
    core.warning(`Post clean-up failed: ${(error as Error).message}`);
  }
}
