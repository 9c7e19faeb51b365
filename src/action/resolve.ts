import * as core from '@actions/core';
import { storedCredentials } from '../docker/credentials.js';
import { DockerImageReader } from '../docker/docker-image-reader.js';
import { failureLine, resolutionOutputs, summaryLine } from '../resolve/resolve.js';
import { parseResolveInputs, type ResolveInputs } from '../resolve/inputs.js';
import { resolveSet, setEnv, setJson, setSummary } from '../resolve/set.js';
import { registryPassword } from '../shared/field-parser.js';
import { escapeHtml } from '../shared/vocabulary.js';

// Entry of resolve/action.yml: which commit an image tag was built from (or each of a set), as step outputs.

/** Reads, masks and validates the resolve action's inputs. */
function readResolveInputs(): ResolveInputs {
  // Untrimmed, as the CLI reads it: registryAuthOf takes a final line ending off, as docker login does.
  const read = (name: string): string => core.getInput(name, { trimWhitespace: false });
  const password = registryPassword(read('registry-password'));
  if (password !== '') core.setSecret(password);
  return parseResolveInputs(read);
}

export async function runResolveAction(): Promise<void> {
  try {
    const inputs = readResolveInputs();
    const set = await resolveSet(
      inputs,
      { info: (message) => core.info(message), warning: (message) => core.warning(message) },
      {
        engine: new DockerImageReader(),
        storedAuth: (registry) => storedCredentials(registry, (secret) => core.setSecret(secret)),
      },
    );
    const one = set[0]?.resolution;
    if (inputs.single && one !== undefined) {
      for (const [name, value] of Object.entries(resolutionOutputs(one))) core.setOutput(name, value);
      core.info(
        `${one.ref} is commit ${one.sha} (${one.shaFrom}): ${one.imageRef}${one.digest === '' ? '' : `, ${one.digest}`}.`,
      );
    } else {
      for (const { entry, resolution } of set)
        core.info(
          `${entry.prefix}: ${resolution.ref} is commit ${resolution.sha} (${resolution.digest || resolution.imageRef}).`,
        );
    }
    core.setOutput('env', setEnv(set));
    core.setOutput('json', setJson(set));
    const notes = inputs.notices.map((notice) => `<p><b>Note:</b> ${escapeHtml(notice)}</p>`);
    await writeSummary([...notes, inputs.single && one !== undefined ? summaryLine(one) : setSummary(set)].join('\n'));
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
