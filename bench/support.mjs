// Shared helpers of the benchmarks: docker and git on the command line, timed child processes, the
// action's phase timings ("Took N s." at the end of each log group) and what the machine is.
import { execFileSync, spawn } from 'node:child_process';
import http from 'node:http';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, runAction } from '../__tests__/harness/run-action.mjs';

export { ROOT };

/** The checkout whose action.yml and dist/index.js are measured: this one, or --action-dir (BENCH_ACTION_DIR) to try a candidate. */
export function actionDir() {
  return process.env.BENCH_ACTION_DIR === undefined || process.env.BENCH_ACTION_DIR === ''
    ? ROOT
    : path.resolve(process.env.BENCH_ACTION_DIR);
}

/** Wall-clock now in milliseconds with sub-millisecond resolution (monotonic within this process). */
export function nowMs() {
  return performance.timeOrigin + performance.now();
}

/** `docker …`, stdout trimmed; throws with docker's stderr on failure. */
export function docker(...args) {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

export function dockerOk(...args) {
  try {
    docker(...args);
    return true;
  } catch {
    return false;
  }
}

/** Removes every local tag of the repositories, what only they kept alive, and the dangling images built for them. */
export function removeRepositories(...repositories) {
  for (const repository of repositories) {
    // Pushed images the next push untagged are still listed by their digest.
    const refs = docker(
      'image',
      'ls',
      '--format',
      '{{if eq .Tag "<none>"}}{{.Repository}}@{{.Digest}}{{else}}{{.Repository}}:{{.Tag}}{{end}}',
      repository,
    )
      .split('\n')
      .filter((ref) => ref !== '' && !ref.endsWith('@<none>'));
    if (refs.length > 0) dockerOk('image', 'rm', '--force', ...refs);
    // Stamped images the next run would have pruned (the bash baseline never does): labelled with their repository.
    dockerOk('image', 'prune', '--force', '--filter', `label=build-test-deploy.repository=${repository}`);
  }
}

/** Removes the containers (running or not) that carry the label `label` (`key` or `key=value`). */
export function removeLabelledContainers(label) {
  const ids = docker('container', 'ls', '--all', '--quiet', '--filter', `label=${label}`)
    .split('\n')
    .filter((id) => id !== '');
  if (ids.length > 0) dockerOk('container', 'rm', '--force', '--volumes', ...ids);
}

const GIT = ['-c', 'user.name=bench', '-c', 'user.email=bench@localhost', '-c', 'commit.gpgsign=false'];

/**
 * A build context that is its own git work tree, as after actions/checkout: the action (and the bash
 * baseline) take the commit from `git log`. `commit()` makes a new commit, as a new push would.
 * @param {string} prefix
 * @param {Record<string, string>} files
 */
export function gitContext(prefix, files) {
  const dir = mkdtempSync(path.join(os.tmpdir(), `${prefix}-`));
  for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content);
  execFileSync('git', ['init', '--quiet', dir]);
  execFileSync('git', ['-C', dir, ...GIT, 'add', '.']);
  let count = 0;
  const commit = () => {
    execFileSync('git', ['-C', dir, ...GIT, 'commit', '--quiet', '--allow-empty', '-m', `bench ${count++}`]);
    return execFileSync('git', ['-C', dir, 'rev-parse', 'HEAD'], { encoding: 'utf8' }).trim();
  };
  commit();
  return { dir, commit, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The action's phases from its log: each `::group::NAME` … `Took N s.` pair, in order.
 * @param {string} stdout
 * @returns {{ name: string, seconds: number }[]}
 */
export function phasesOf(stdout) {
  const phases = [];
  let group;
  for (const line of stdout.split('\n')) {
    if (line.startsWith('::group::')) group = line.slice('::group::'.length);
    else if (line === '::endgroup::') group = undefined;
    else {
      const took = /^Took ([0-9.]+) s\.$/.exec(line);
      if (took !== null && group !== undefined) phases.push({ name: group, seconds: Number(took[1]) });
    }
  }
  return phases;
}

/** The first word of a phase's name (`Prune`, `Build`, `Run`, `Wait`, `Test`, `Push`). */
export function phaseKind(name) {
  return name.split(' ')[0];
}

/**
 * Runs the committed dist/index.js as the runner does (main, then post) and times it from the moment
 * main is spawned (`spawnedAt`, nowMs) until post has exited. With `lineTimes`, each line main prints is
 * stamped (nowMs) as it arrives.
 * @param {Parameters<typeof runAction>[0] & { lineTimes?: boolean }} options
 */
export async function runActionTimed({ lineTimes = false, ...options }) {
  let started = 0;
  /** @type {{ at: number, line: string }[]} */
  const lines = [];
  const result = await runAction({
    cwd: ROOT,
    actionDir: actionDir(),
    ...options,
    onMainSpawn: (child) => {
      started = nowMs();
      if (lineTimes) {
        let partial = '';
        child.stdout.on('data', (chunk) => {
          const at = nowMs();
          const parts = (partial + chunk).split('\n');
          partial = parts.pop() ?? '';
          for (const line of parts) lines.push({ at, line });
        });
      }
    },
  });
  const seconds = (nowMs() - started) / 1000;
  return { ...result, seconds, lines, spawnedAt: started };
}

/**
 * DELETE requests to the engine API at DOCKER_HOST's unix socket (else the default one): each list in order on a
 * connection of its own, the lists side by side. Throws on an answer other than 200.
 * @param {string[][]} pathLists paths without the version prefix, e.g. `/images/acme%2Fapp%3Astale`
 */
export async function engineApiDelete(pathLists) {
  const socketPath = (process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock').replace(/^unix:\/\//, '');
  const agent = new http.Agent({ keepAlive: true, maxSockets: pathLists.length });
  const send = (method, apiPath) =>
    new Promise((resolve, reject) => {
      http
        .request({ socketPath, path: apiPath, method, agent }, (response) => {
          const chunks = [];
          response.on('data', (chunk) => chunks.push(chunk));
          response.on('end', () => resolve({ response, body: Buffer.concat(chunks).toString() }));
        })
        .on('error', reject)
        .end();
    });
  try {
    const { response } = await send('GET', '/_ping');
    const version = response.headers['api-version'];
    await Promise.all(
      pathLists.map(async (paths) => {
        for (const apiPath of paths) {
          const { response: answer, body } = await send('DELETE', `/v${version}${apiPath}`);
          if (answer.statusCode !== 200) throw new Error(`DELETE ${apiPath}: ${answer.statusCode} ${body}`);
        }
      }),
    );
  } finally {
    agent.destroy();
  }
}

/** Throws with the action's log when main or post did not succeed. */
export function expectSuccess(run, what) {
  if (run.main.exitCode !== 0 || (run.post !== undefined && run.post.exitCode !== 0)) {
    throw new Error(
      `${what}: the action failed (main ${run.main.exitCode}, post ${run.post?.exitCode}):\n${run.main.stdout}\n${run.main.stderr}\n${run.post?.stdout ?? ''}\n${run.post?.stderr ?? ''}`,
    );
  }
}

/**
 * Spawns a command and times it from spawn to exit.
 * @param {string} file
 * @param {string[]} args
 * @param {{ env?: NodeJS.ProcessEnv, input?: string, cwd?: string }} [options]
 * @returns {Promise<{ exitCode: number | null, stdout: string, stderr: string, seconds: number }>}
 */
export function runTimed(file, args, { env, input, cwd } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, cwd, stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'] });
    const started = nowMs();
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    if (input !== undefined) child.stdin.end(input);
    child.on('error', reject);
    child.on('close', (exitCode) => resolve({ exitCode, stdout, stderr, seconds: (nowMs() - started) / 1000 }));
  });
}

/**
 * Follows the engine's container events (from `sinceSeconds` ago, so nothing between the call and the
 * subscription is missed) until `stop()`, which returns the parsed events.
 * @param {string[]} filters e.g. ['label=bench.run=abc']
 */
export function followEvents(filters, sinceSeconds = 2) {
  const since = String(Math.floor(Date.now() / 1000) - sinceSeconds);
  const child = spawn(
    'docker',
    [
      'events',
      '--since',
      since,
      '--filter',
      'type=container',
      ...filters.flatMap((f) => ['--filter', f]),
      '--format',
      '{{json .}}',
    ],
    { stdio: ['ignore', 'pipe', 'ignore'] },
  );
  let stdout = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  return {
    stop: async () => {
      // The engine delivers events asynchronously: give the last ones a moment to arrive.
      await new Promise((resolve) => setTimeout(resolve, 300));
      child.kill();
      await new Promise((resolve) => (child.exitCode === null ? child.once('close', resolve) : resolve(undefined)));
      return stdout
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line));
    },
  };
}

/** What the numbers were measured on. */
export function machineInfo() {
  const osRelease = (() => {
    try {
      return /^PRETTY_NAME="?([^"\n]*)"?$/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1] ?? 'unknown';
    } catch {
      return 'unknown';
    }
  })();
  const git = (...args) => {
    try {
      return execFileSync('git', ['-C', ROOT, ...args], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
      }).trim();
    } catch {
      return '';
    }
  };
  const dirty = git('status', '--porcelain', '--', 'src', 'dist')
    .split('\n')
    .filter((line) => line !== '').length;
  // The entry and the chunks it loads: a rebuild may change only a chunk.
  const distDir = path.join(actionDir(), 'dist');
  const files = readdirSync(distDir)
    .filter((name) => name.endsWith('.js'))
    .sort();
  const hash = createHash('sha256');
  for (const name of files) hash.update(name).update(readFileSync(path.join(distDir, name)));
  const bundle = hash.digest('hex').slice(0, 12);
  const bundlePath = path.join(distDir, 'index.js');
  return {
    date: new Date().toISOString(),
    cpu: `${os.cpus()[0]?.model ?? 'unknown'} × ${os.cpus().length}`,
    memory: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    os: `${osRelease}, Linux ${os.release()}`,
    node: process.version,
    commit: `${git('rev-parse', '--short', 'HEAD')}${dirty > 0 ? ` with ${dirty} uncommitted change(s) in src/ and dist/` : ''}`,
    bundle: `${actionDir() === ROOT ? '' : `${actionDir()}/`}dist/*.js sha256 ${bundle}… (${files.length} files; index.js ${(readFileSync(bundlePath).length / 1024).toFixed(0)} KiB)`,
  };
}

/** The engine the docker CLI talks to now: version, image store, builder. */
/** The engine keeps images in the containerd image store, not a graph driver. */
export function usesContainerdStore() {
  return docker('info', '--format', '{{json .DriverStatus}}').includes('io.containerd.snapshotter.v1');
}

export function engineInfo() {
  const store = usesContainerdStore()
    ? 'containerd image store'
    : `${docker('info', '--format', '{{.Driver}}')} graph driver`;
  const buildx = dockerOk('buildx', 'version')
    ? `buildx ${docker('buildx', 'version').split(' ')[1] ?? ''}`
    : 'classic builder';
  return `Docker Engine ${docker('version', '--format', '{{.Server.Version}}')} (${store}, ${buildx}), client ${docker('version', '--format', '{{.Client.Version}}')}`;
}

/** How busy the machine and the engine are right now: other e2e runs share the engine. */
export function noiseSample() {
  const running = docker('container', 'ls', '--quiet')
    .split('\n')
    .filter((id) => id !== '').length;
  const images = docker('image', 'ls', '--all', '--quiet')
    .split('\n')
    .filter((id) => id !== '').length;
  return { at: new Date().toISOString(), load1: os.loadavg()[0], running, images };
}

/** CPU time since boot from /proc/stat: all of it, and the idle part (idle + iowait), in clock ticks. */
function cpuTicks() {
  const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return { total: fields.reduce((sum, value) => sum + value, 0), idle: fields[3] + fields[4] };
}

/**
 * Waits until the machine is quiet: the CPUs at least `idleShare` idle over one second, or `maxSeconds`
 * passed. A section's leftovers (dockerd still deleting 500 images' layers after the prune section) would
 * otherwise be timed as the next section's cost.
 * @returns {Promise<{ waitedSeconds: number, idle: number }>}
 */
export async function settle({ idleShare = 0.9, maxSeconds = 60 } = {}) {
  const started = performance.now();
  for (;;) {
    const before = cpuTicks();
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const after = cpuTicks();
    const idle = (after.idle - before.idle) / Math.max(1, after.total - before.total);
    const waitedSeconds = (performance.now() - started) / 1000;
    if (idle >= idleShare || waitedSeconds >= maxSeconds) return { waitedSeconds, idle };
  }
}

/**
 * A busybox command (in a container) that prints the kernel's wall clock from `adjtimex` as `<prefix>sec=…`,
 * `<prefix>usec=…` and `<prefix>status=…` lines (busybox `date` has no `%N`).
 * @param {string} prefix
 */
export function adjtimexClock(prefix) {
  return `adjtimex | sed -n "s/^ *time\\.tv_\\(sec\\|usec\\): *\\([0-9]*\\)$/${prefix}\\1=\\2/p; s/^ *\\(status\\): *\\([0-9]*\\).*$/${prefix}\\1=\\2/p"`;
}

/**
 * ns since the epoch from adjtimexClock's fields. tv_usec holds nanoseconds when the kernel's clock is in
 * nano mode (STA_NANO, status bit 0x2000, which an NTP daemon may set at any time), else microseconds.
 * @param {{ sec: string, usec: string, status: string | undefined }} fields
 */
export function adjtimexNs({ sec, usec, status }) {
  const nano = (BigInt(status ?? '0') & 0x2000n) !== 0n;
  return BigInt(sec) * 1_000_000_000n + BigInt(usec) * (nano ? 1n : 1000n);
}
