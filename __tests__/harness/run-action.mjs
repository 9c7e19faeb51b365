// Runs the committed dist/index.js the way the GitHub runner does: INPUT_* from the step's `with:`
// plus action.yml's defaults, fresh GITHUB_OUTPUT/GITHUB_STATE/GITHUB_STEP_SUMMARY files, then the
// post step with STATE_* from what main saved.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** The runner's env var for an input: `INPUT_` + name upper-cased, spaces as underscores (hyphens stay). */
export function inputEnvName(name) {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/**
 * Parses a GITHUB_OUTPUT / GITHUB_STATE file (`name<<delimiter` blocks or `name=value` lines); later wins.
 * @param {string} text
 * @returns {Record<string, string>}
 */
export function parseCommandFile(text) {
  /** @type {Record<string, string>} */
  const values = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === '') continue;
    const heredoc = /^([^=]+?)<<(.+)$/.exec(line);
    if (heredoc) {
      const [, name, delimiter] = heredoc;
      const body = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) body.push(lines[i]);
      values[name] = body.join('\n');
    } else {
      const equals = line.indexOf('=');
      values[line.slice(0, equals)] = line.slice(equals + 1);
    }
  }
  return values;
}

function actionDefaults(actionFile) {
  const action = parse(readFileSync(actionFile, 'utf8'));
  return Object.fromEntries(
    Object.entries(action.inputs ?? {}).map(([name, spec]) => [
      name,
      spec.default === undefined ? '' : String(spec.default),
    ]),
  );
}

/** @typedef {{ exitCode: number | null, signal: NodeJS.Signals | null, stdout: string, stderr: string }} ProcessResult */

/**
 * Runs `node script ...args` with stdin ignored and stdout/stderr collected (and echoed with `echo`).
 * @param {string} script
 * @param {NodeJS.ProcessEnv} env
 * @param {string} cwd
 * @param {boolean} echo
 * @param {((child: import('node:child_process').ChildProcess) => void) | undefined} [onSpawn]
 * @param {{ args?: readonly string[], detached?: boolean }} [options] detached: its own process group
 * @returns {Promise<ProcessResult>}
 */
export function runNode(script, env, cwd, echo, onSpawn, { args = [], detached = false } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], { env, cwd, stdio: ['ignore', 'pipe', 'pipe'], detached });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      if (echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (echo) process.stderr.write(chunk);
    });
    child.on('error', reject);
    onSpawn?.(child);
    child.on('close', (exitCode, signal) => resolve({ exitCode, signal, stdout, stderr }));
  });
}

/**
 * @param {{ inputs: Record<string,string>, cwd?: string, env?: Record<string,string>, post?: boolean, echo?: boolean,
 *           actionDir?: string, onMainSpawn?: (child: import('node:child_process').ChildProcess) => void }} options
 * @returns {Promise<{ main: ProcessResult, post: ProcessResult | undefined, outputs: Record<string, string>,
 *                     state: Record<string, string>, summary: string, files: string }>}
 */
export async function runAction({
  inputs,
  cwd = ROOT,
  env = {},
  post = true,
  echo = false,
  actionDir = ROOT,
  onMainSpawn,
}) {
  const files = mkdtempSync(path.join(tmpdir(), 'runner-'));
  const runnerTemp = path.join(files, 'temp');
  mkdirSync(runnerTemp);
  const fresh = (name) => {
    const file = path.join(files, name);
    writeFileSync(file, '');
    return file;
  };
  const defaults = actionDefaults(path.join(actionDir, 'action.yml'));
  for (const name of Object.keys(inputs)) {
    if (!(name in defaults)) throw new Error(`runAction: action.yml has no input '${name}'`);
  }
  const base = Object.fromEntries(
    Object.entries(process.env).filter(([key]) => !/^(INPUT_|STATE_|GITHUB_|RUNNER_)/.test(key)),
  );
  const common = {
    ...base,
    GITHUB_ACTIONS: 'true',
    CI: 'true',
    GITHUB_REPOSITORY: 'acme/service',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_RUN_ID: String(Date.now()),
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_WORKSPACE: cwd,
    RUNNER_TEMP: runnerTemp,
    ...env,
  };
  const inputEnv = Object.fromEntries(
    Object.entries({ ...defaults, ...inputs }).map(([name, value]) => [inputEnvName(name), value]),
  );
  const script = path.join(actionDir, 'dist', 'index.js');

  const mainFiles = {
    GITHUB_OUTPUT: fresh('main-output'),
    GITHUB_STATE: fresh('main-state'),
    GITHUB_STEP_SUMMARY: fresh('main-summary'),
  };
  const main = await runNode(script, { ...common, ...inputEnv, ...mainFiles }, cwd, echo, onMainSpawn);
  const state = parseCommandFile(readFileSync(mainFiles.GITHUB_STATE, 'utf8'));
  const outputs = parseCommandFile(readFileSync(mainFiles.GITHUB_OUTPUT, 'utf8'));
  const summary = readFileSync(mainFiles.GITHUB_STEP_SUMMARY, 'utf8');

  /** @type {ProcessResult | undefined} */
  let postResult;
  if (post) {
    const stateEnv = Object.fromEntries(Object.entries(state).map(([name, value]) => [`STATE_${name}`, value]));
    const postFiles = {
      GITHUB_OUTPUT: fresh('post-output'),
      GITHUB_STATE: fresh('post-state'),
      GITHUB_STEP_SUMMARY: fresh('post-summary'),
    };
    postResult = await runNode(script, { ...common, ...inputEnv, ...stateEnv, ...postFiles }, cwd, echo);
  }
  return { main, post: postResult, outputs, state, summary, files };
}
