import * as core from '@actions/core';
import { Context } from '@actions/github/lib/context.js';
import type { Leftovers } from '../loop/cleanup.js';
import { readInputs, type Inputs } from '../loop/inputs.js';
import { DockerEngine } from '../docker/docker-engine.js';
import { runLoop } from '../loop/run.js';
import { ACTION_NAMING } from '../shared/field-parser.js';
import { actionReporter } from './reporter.js';
import { STATE } from './saved-state.js';

/** The repository's URL for the OCI source label, from the workflow's context. */
function sourceUrl(): string | undefined {
  if (process.env.GITHUB_REPOSITORY === undefined || process.env.GITHUB_REPOSITORY === '') return undefined;
  // @actions/github's Context alone: its entry point also builds an Octokit client, which this does not need.
  const context = new Context();
  return `${context.serverUrl}/${context.repo.owner}/${context.repo.repo}`;
}

/** Saved for post, which removes the container and logs out if this process is killed outright. */
function saveLeftovers(leftovers: Leftovers): void {
  core.saveState(STATE.container, leftovers.container);
  core.saveState(STATE.loggedInRegistry, leftovers.loggedInRegistry);
  core.saveState(STATE.loginConfig, leftovers.loginConfig);
}

/** The runner's workspace, where the job's paths are relative to. */
function actionWorkspace(): string {
  return process.env.GITHUB_WORKSPACE ?? process.cwd();
}

/** The inputs, masked; the password leaves the environment, which every child (the runner-side test too) inherits. */
function readActionInputs(): Inputs {
  const inputs = readInputs((name) => core.getInput(name, { trimWhitespace: false }), {
    env: process.env,
    mask: actionReporter.secret,
    workspace: actionWorkspace(),
  });
  delete process.env['INPUT_REGISTRY-PASSWORD'];
  return inputs;
}

/** The action's main step: read the inputs, then the loop's phases (src/loop/run.ts), reported as a step. */
export async function runMain(): Promise<void> {
  // The same bundle runs again as post: this tells it so.
  core.saveState(STATE.isPost, 'true');
  await runLoop(new DockerEngine(process.env), () => readActionInputs(), actionReporter, {
    env: process.env,
    workspace: actionWorkspace(),
    sourceUrl: sourceUrl(),
    naming: ACTION_NAMING,
    onLeftovers: saveLeftovers,
  });
}
