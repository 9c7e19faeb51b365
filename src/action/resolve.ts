import * as core from '@actions/core';
import { failureLine, resolutionOutputs, resolveImage, summaryLine } from '../resolve/resolve.js';
import { parseResolveInputs, type ResolveInputs } from '../resolve/inputs.js';

// Entry of resolve/action.yml: which commit an image tag was built from, as step outputs.

/** Reads, masks and validates the resolve action's inputs. */
function readResolveInputs(): ResolveInputs {
  const password = core.getInput('registry-password');
  if (password !== '') core.setSecret(password);
  return parseResolveInputs((name) => core.getInput(name));
}

export async function runResolveAction(): Promise<void> {
  try {
    const inputs = readResolveInputs();
    const resolution = await resolveImage(inputs, {
      info: (message) => core.info(message),
      warning: (message) => core.warning(message),
    });
    for (const [name, value] of Object.entries(resolutionOutputs(resolution))) core.setOutput(name, value);
    core.info(
      `${resolution.ref} is commit ${resolution.sha} (${resolution.shaFrom}): ${resolution.imageRef}${resolution.digest === '' ? '' : `, ${resolution.digest}`}.`,
    );
    await writeSummary(summaryLine(resolution));
  } catch (error) {
    const message = (error as Error).message;
    core.setFailed(message);
    await writeSummary(failureLine(message));
  }
}

async function writeSummary(line: string): Promise<void> {
  if (process.env.GITHUB_STEP_SUMMARY === undefined || process.env.GITHUB_STEP_SUMMARY === '') return;
  try {
    await core.summary.addRaw(line, true).write();
  } catch (error) {
    core.warning(`Could not write the job summary: ${(error as Error).message}`);
  }
}

await runResolveAction();
