// A second Docker engine on its own unix socket, its data on a small tmpfs (so a full disk can be
// produced on purpose), for the remote-engine tests. It runs in a network namespace of its own: two
// engines in one namespace fight over the bridge (an engine started with --bridge=none deletes docker0).
// Needs root, like the first engine.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { BASE_IMAGE, buildBaseImage } from './base-image.mjs';

const RELAY = fileURLToPath(new URL('./netns-relay.mjs', import.meta.url));

/**
 * @param {{ sizeMb?: number, reachPorts?: number[], baseImage?: 'build' | 'copy', dockerd?: string, daemonConfig?: string }} [options]
 *   reachPorts: each 127.0.0.1:PORT in the engine's namespace reaches the host's 127.0.0.1:PORT (a registry);
 *   baseImage: 'build' builds BASE_IMAGE there, 'copy' loads the first engine's (the same id, so the same
 *   BuildKit cache keys for `FROM` it);
 *   dockerd: the engine's binary (default: PATH's, the profile's); daemonConfig: its daemon.json (default: the
 *   profile's, ENGINE_DAEMON_CONFIG; '' for none)
 * @returns {Promise<{ host: string, docker: (...args: string[]) => string, stop: () => Promise<void> }>}
 */
export async function startSecondEngine({
  sizeMb = 160,
  reachPorts = [],
  baseImage = 'build',
  dockerd = 'dockerd',
  daemonConfig = process.env.ENGINE_DAEMON_CONFIG ?? '',
} = {}) {
  for (const port of reachPorts)
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`reachPorts: not a port: ${port}`);
  if (baseImage !== 'build' && baseImage !== 'copy') throw new Error(`baseImage: 'build' or 'copy', not ${baseImage}`);
  // What stop() undoes, the last done first; a start that fails half-way undoes what it did, too.
  /** @type {(() => unknown)[]} */
  const undo = [];
  const stop = async () => {
    const errors = [];
    for (let step = undo.pop(); step; step = undo.pop()) {
      try {
        await step();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length > 0) throw new AggregateError(errors, `stopping the second engine: ${errors.join('; ')}`);
  };
  try {
    const dir = mkdtempSync(path.join(tmpdir(), 'engine2-'));
    undo.push(() => rmSync(dir, { recursive: true, force: true }));
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir]);
    undo.push(() => execFileSync('umount', ['--lazy', dir]));
    for (const sub of ['data', 'exec']) mkdirSync(path.join(dir, sub));
    const host = `unix://${dir}/docker.sock`;
    const netns = `btd-engine2-${path.basename(dir).slice(-6).toLowerCase()}`;
    execFileSync('ip', ['netns', 'add', netns]);
    undo.push(() => execFileSync('ip', ['netns', 'delete', netns]));
    execFileSync('ip', ['netns', 'exec', netns, 'ip', 'link', 'set', 'lo', 'up']);
    for (const port of reachPorts) undo.push(await relayPort(netns, port, path.join(dir, `relay-${port}.sock`)));
    // nsenter joins the network namespace only (`ip netns exec` would also hide the host's cgroup mounts).
    const child = spawn(
      'nsenter',
      [
        `--net=/run/netns/${netns}`,
        dockerd,
        '--host',
        host,
        '--data-root',
        path.join(dir, 'data'),
        '--exec-root',
        path.join(dir, 'exec'),
        '--pidfile',
        path.join(dir, 'docker.pid'),
        '--iptables=false',
        '--ip-masq=false',
        // The engine profile's daemon settings (the containerd image store), as the first engine has them.
        ...(daemonConfig ? ['--config-file', daemonConfig] : []),
      ],
      { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
    );
    undo.push(async () => {
      try {
        process.kill(Number(readFileSync(path.join(dir, 'docker.pid'), 'utf8')), 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    });
    let log = '';
    child.stderr.on('data', (chunk) => (log = (log + chunk).slice(-4000)));
    /** @param {string[]} args */
    const docker = (...args) =>
      execFileSync('docker', args, {
        env: { ...process.env, DOCKER_HOST: host },
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      }).trim();
    const deadline = Date.now() + 30000;
    for (;;) {
      try {
        docker('info');
        break;
      } catch {
        if (child.exitCode !== null || Date.now() > deadline)
          throw new Error(`the second dockerd did not come up: ${log}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
    if (baseImage === 'copy') await copyBaseImage(host);
    else buildBaseImage({ ...process.env, DOCKER_HOST: host });
    return { host, docker, stop };
  } catch (error) {
    await stop().catch(() => {});
    throw error;
  }
}

/**
 * Makes 127.0.0.1:`port` in `netns` reach the host's: a relay in the namespace pipes to a unix socket, a relay
 * on the host pipes that on (both children: the caller may block its event loop in execFileSync meanwhile).
 * Resolves, once both listen, with what stops them.
 * @param {string} netns
 * @param {number} port
 * @param {string} socketPath
 * @returns {Promise<() => Promise<void>>}
 */
async function relayPort(netns, port, socketPath) {
  /** @type {import('node:child_process').ChildProcessWithoutNullStreams[]} */
  const children = [];
  const stop = async () => {
    for (const child of children.splice(0).reverse()) {
      child.stdin.end(); // the relay's cue to exit; the signal is for one that hangs
      child.kill('SIGTERM');
      await new Promise((resolve) =>
        child.exitCode !== null || child.signalCode !== null ? resolve(undefined) : child.once('exit', resolve),
      );
    }
  };
  // The host half first: the namespace half's connections go to its socket.
  for (const [where, command] of [
    ['on the host', [process.execPath, RELAY, socketPath, String(port)]],
    [`in ${netns}`, ['nsenter', `--net=/run/netns/${netns}`, process.execPath, RELAY, String(port), socketPath]],
  ]) {
    const child = spawn(command[0], command.slice(1), { stdio: ['pipe', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    try {
      await new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('did not listen within 10 s')), 10000);
        child.stdout.on('data', (chunk) => {
          output += chunk;
          if (output.includes('\n')) {
            clearTimeout(timer);
            resolve(undefined);
          }
        });
        child.stderr.on('data', (chunk) => (output += chunk));
        child.once('error', reject);
        child.once('exit', (code) => reject(new Error(`exited (${code})`)));
      });
    } catch (error) {
      await stop();
      const reason = error instanceof Error ? error.message : String(error);
      throw new Error(`the relay for 127.0.0.1:${port} ${where}: ${reason}: ${output.trim()}`);
    }
  }
  return stop;
}

/**
 * Loads the first engine's (this process's DOCKER_HOST) BASE_IMAGE into the engine at `host`: `docker save`
 * piped into `docker load`, so that its id is the same on both, and checks that it is.
 * @param {string} host
 */
async function copyBaseImage(host) {
  const secondEnv = { ...process.env, DOCKER_HOST: host };
  const save = spawn('docker', ['save', BASE_IMAGE], { stdio: ['ignore', 'pipe', 'pipe'] });
  const load = spawn('docker', ['load', '--quiet'], { env: secondEnv, stdio: ['pipe', 'ignore', 'pipe'] });
  load.stdin.on('error', () => {}); // a load that dies early: its own exit code and stderr tell why
  save.stdout.pipe(load.stdin);
  /** @param {import('node:child_process').ChildProcess} child */
  const finished = (child) => {
    let stderr = '';
    child.stderr?.on('data', (chunk) => (stderr += chunk));
    return new Promise((resolve) => {
      child.once('error', (error) => resolve(error.message));
      child.once('close', (code) => resolve(code === 0 ? '' : `exit ${code}: ${stderr.trim()}`));
    });
  };
  const [saved, loaded] = await Promise.all([finished(save), finished(load)]);
  if (saved) throw new Error(`docker save ${BASE_IMAGE} on the first engine failed (${saved})`);
  if (loaded) throw new Error(`docker load of ${BASE_IMAGE} into the second engine failed (${loaded})`);
  const id = (/** @type {NodeJS.ProcessEnv} */ env) =>
    execFileSync('docker', ['image', 'inspect', '--format', '{{.Id}}', BASE_IMAGE], {
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    }).trim();
  const [first, second] = [id(process.env), id(secondEnv)];
  if (first !== second)
    throw new Error(`${BASE_IMAGE} copied to the second engine has id ${second}, not the first engine's ${first}`);
}
