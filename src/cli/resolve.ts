import { storedCredentials } from '../docker/credentials.js';
import { DockerImageReader } from '../docker/docker-image-reader.js';
import { InputError } from '../shared/field-parser.js';
import { writeWhole } from '../shared/write-whole.js';
import { cliLines } from '../resolve/resolve.js';
import { resolveSet, setEnv, setJson } from '../resolve/set.js';
import { CLI_USAGE, parseCliArgs } from './resolve-args.js';

// `node dist/resolve-cli/index.js IMAGE[:TAG] [options]`: SHA=, TAG=, DIGEST=, IMAGE_REF=, SOURCE= lines on stdout;
// `--images FILE`: the set's env lines (or --json), on stdout or into --env-output. Warnings and the one-line error
// on stderr.

function oneLine(error: unknown): string {
  const message = error instanceof InputError ? error.problems.join(' ') : (error as Error).message;
  return message.replace(/\s*\n\s*/g, ' ');
}

async function main(): Promise<number> {
  try {
    const command = parseCliArgs(process.argv.slice(2), process.env);
    if (command.kind === 'help') {
      process.stdout.write(`${CLI_USAGE}\n`);
      return 0;
    }
    const set = await resolveSet(
      command.inputs,
      {
        info: () => undefined, // quiet on success, like any good filter
        warning: (message) => process.stderr.write(`resolve: warning: ${message}\n`),
      },
      { engine: new DockerImageReader(), storedAuth: (registry) => storedCredentials(registry, () => undefined) },
    );
    const one = set[0]?.resolution;
    const env =
      command.inputs.single && command.envFile === undefined && one !== undefined ? cliLines(one) : setEnv(set);
    if (command.envFile !== undefined)
      await writeWhole(command.envFile, env).catch((error: unknown) => {
        throw new Error(`Could not write --env-output ${command.envFile}: ${(error as Error).message}`);
      });
    if (command.json) process.stdout.write(`${setJson(set)}\n`);
    else if (command.envFile === undefined) process.stdout.write(env);
    return 0;
  } catch (error) {
    process.stderr.write(`resolve: ${oneLine(error)}\n`);
    return 1;
  }
}

process.exitCode = await main();
