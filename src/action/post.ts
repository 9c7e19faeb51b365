import * as core from '@actions/core';
import { DockerEngine } from '../docker/docker-engine.js';
import { cleanUp, type Leftovers } from '../loop/cleanup.js';
import { actionReporter } from './reporter.js';

/** Post step: undo what main could not (it was cancelled or crashed). Only ever warns. */
export async function runPost(leftovers: Leftovers): Promise<void> {
  try {
    await cleanUp(new DockerEngine(process.env), leftovers, actionReporter);
  } catch (error) {
    core.warning(`Post clean-up failed: ${(error as Error).message}`);
  }
}
