// Runs the committed CLI bundle (dist/cli/index.js) as a user's shell would: `node dist/cli/index.js ...argv`,
// stdin ignored, stdout and stderr pipes (not a TTY), in a cwd of the test's choosing. The environment is the
// test process's without anything a runner sets (GITHUB_*, RUNNER_*, INPUT_*, STATE_*) or the CLI's own
// REGISTRY_* variables, plus `env` (a value of undefined removes a variable).
import path from 'node:path';
import { ROOT, runNode } from './run-action.mjs';

export const CLI = path.join(ROOT, 'dist', 'cli', 'index.js');

/**
 * The outputs the CLI prints on stdout, one `KEY=VALUE` a line; a line without `=` is not an output.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseOutputLines(text) {
  /** @type {Record<string, string>} */
  const values = {};
  for (const line of text.split('\n')) {
    const equals = line.indexOf('=');
    if (equals > 0) values[line.slice(0, equals)] = line.slice(equals + 1);
  }
  return values;
}

/**
 * @typedef {{ exitCode: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string,
 *             outputs: Record<string, string> }} CliResult
 */

/**
 * @param {readonly string[]} argv
 * @param {{ cwd?: string, env?: Record<string, string | undefined>, script?: string, echo?: boolean,
 *           processGroup?: boolean, onSpawn?: (child: import('node:child_process').ChildProcess) => void }} [options]
 *        processGroup: the CLI leads a process group of its own, as a shell's foreground job does (a terminal's
 *        Ctrl-C signals the whole group: `process.kill(-child.pid, 'SIGINT')`)
 * @returns {Promise<CliResult>}
 */
export async function runCli(
  argv,
  { cwd = ROOT, env = {}, script = CLI, echo = false, processGroup = false, onSpawn } = {},
) {
  /** @type {NodeJS.ProcessEnv} */
  const childEnv = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(INPUT_|STATE_|GITHUB_|RUNNER_|REGISTRY_)/.test(key)),
  );
  for (const [key, value] of Object.entries(env)) {
    if (value === undefined) delete childEnv[key];
    else childEnv[key] = value;
  }
  const result = await runNode(script, childEnv, cwd, echo, onSpawn, { args: argv, detached: processGroup });
  return { ...result, outputs: parseOutputLines(result.stdout) };
}
