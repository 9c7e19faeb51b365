import { InputError } from '../shared/field-parser.js';
import { cliLines, resolveImage } from '../resolve/resolve.js';
import { CLI_USAGE, parseCliArgs } from './resolve-args.js';

// `node dist/resolve-cli/index.js IMAGE[:TAG] [--source auto|local|registry] [--sha-env NAME] [--tag-length N]`
// stdout: SHA=, TAG=, DIGEST=, IMAGE_REF=, SOURCE= lines only; warnings and the one-line error on stderr.

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
    const resolution = await resolveImage(command.inputs, {
      info: () => undefined, // quiet on success, like any good filter
      warning: (message) => process.stderr.write(`resolve: warning: ${message}\n`),
    });
    process.stdout.write(cliLines(resolution));
    return 0;
  } catch (error) {
    process.stderr.write(`resolve: ${oneLine(error)}\n`);
    return 1;
  }
}

process.exitCode = await main();
