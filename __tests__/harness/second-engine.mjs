// A second Docker engine on its own unix socket, its data on a small tmpfs (so a full disk can be
// produced on purpose), for the remote-engine tests. It runs in a network namespace of its own: two
// engines in one namespace fight over the bridge (an engine started with --bridge=none deletes docker0).
// Needs root, like the first engine.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildBaseImage } from './base-image.mjs';

/**
 * @param {{ sizeMb?: number }} [options]
 * @returns {Promise<{ host: string, docker: (...args: string[]) => string, stop: () => Promise<void> }>}
 */
export async function startSecondEngine({ sizeMb = 160 } = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'engine2-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m`, 'tmpfs', dir]);
  for (const sub of ['data', 'exec']) mkdirSync(path.join(dir, sub));
  const host = `unix://${dir}/docker.sock`;
  const netns = `btd-engine2-${path.basename(dir).slice(-6).toLowerCase()}`;
  execFileSync('ip', ['netns', 'add', netns]);
  execFileSync('ip', ['netns', 'exec', netns, 'ip', 'link', 'set', 'lo', 'up']);
  // nsenter joins the network namespace only (`ip netns exec` would also hide the host's cgroup mounts).
  const child = spawn(
    'nsenter',
    [
      `--net=/run/netns/${netns}`,
      'dockerd',
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
      ...(process.env.ENGINE_DAEMON_CONFIG ? ['--config-file', process.env.ENGINE_DAEMON_CONFIG] : []),
    ],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
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
  buildBaseImage({ ...process.env, DOCKER_HOST: host });
  return {
    host,
    docker,
    stop: async () => {
      try {
        process.kill(Number(readFileSync(path.join(dir, 'docker.pid'), 'utf8')), 'SIGTERM');
      } catch {
        child.kill('SIGTERM');
      }
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
      execFileSync('umount', ['--lazy', dir]);
      rmSync(dir, { recursive: true, force: true });
      execFileSync('ip', ['netns', 'delete', netns]);
    },
  };
}
