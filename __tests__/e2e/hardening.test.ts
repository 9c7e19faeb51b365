import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startFaultProxy } from '../harness/fault-proxy.mjs';
import { runAction } from '../harness/run-action.mjs';
import { processesWith } from './proc-argv.js';
import { startSecondEngine } from '../harness/second-engine.mjs';
import {
  BASE_IMAGE,
  FIXTURES,
  containersNamed,
  freshDockerConfig,
  localTags,
  randomId,
  randomSha,
  registryDigest,
  removeRepositories,
  errorLine,
  dockerConfigAuths,
} from './support.js';

const registry = inject('registry');
const namespace = `btd-e2e-${randomId()}`;
const used: string[] = [];
const run = promisify(execFile);

afterAll(() => removeRepositories(...used));

/** Signals main once `ready(log so far)` holds: its stdout and stderr, which the runner's log holds both (BuildKit's progress is on stderr). */
function signalWhen(signal: NodeJS.Signals, ready: (log: string) => boolean) {
  const state = { sentAt: 0 };
  return {
    state,
    onMainSpawn: (child: import('node:child_process').ChildProcess) => {
      let log = '';
      const onData = (chunk: Buffer): void => {
        log += chunk.toString();
        if (state.sentAt === 0 && ready(log)) {
          state.sentAt = Date.now();
          child.kill(signal);
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
    },
  };
}

/** docker CLI processes (and its buildx plugin's) still running whose argv holds `needle`. */
function dockerProcessesWith(needle: string): string[] {
  return processesWith(needle)
    .filter(({ argv }) => /^docker(-buildx)?$/.test(path.basename(argv[0] ?? '')))
    .map(({ pid, argv }) => `${pid}: ${argv.join(' ')}`);
}

describe('no engine, or one that does not answer', () => {
  let silent: Server;
  let silentPort = 0;
  const held = new Set<Socket>();
  beforeAll(async () => {
    silent = createServer((socket) => held.add(socket)); // accepts, never answers
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterAll(
    async () =>
      new Promise<void>((resolve) => {
        for (const socket of held) socket.destroy();
        silent.close(() => resolve());
      }),
  );

  it.each([
    [
      'nothing listens',
      () => 'unix:///tmp/no-such-docker.sock',
      /^::error::No Docker engine answers at DOCKER_HOST=unix:\/\/\/tmp\/no-such-docker\.sock: .*Cannot connect to the Docker daemon/,
    ],
    [
      'it accepts but never answers',
      () => `tcp://127.0.0.1:${silentPort}`,
      /^::error::The Docker engine at DOCKER_HOST=tcp:\/\/127\.0\.0\.1:\d+ did not answer within 5 s\.$/,
    ],
  ])('fails within 5 s naming DOCKER_HOST when %s', async (_case, host, message) => {
    const started = Date.now();
    const result = await runAction({
      inputs: { image: `${namespace}/none`, context: path.join(FIXTURES, 'service'), sha: randomSha() },
      env: { DOCKER_HOST: host() },
    });
    const seconds = (Date.now() - started) / 1000;
    expect(result.main.exitCode).toBe(1);
    expect(errorLine(result.main.stdout)).toMatch(message);
    expect(seconds).toBeLessThan(8); // 5 s of patience plus node's start and the post step
    expect(result.main.stdout).not.toContain('[command]docker build');
  });
});

describe('a docker wrapper script on PATH', () => {
  it('the run ends, and leaves no docker CLI running behind the wrapper', async () => {
    // As some runners have (logging shims, podman): the real CLI runs as the script's child, not in its
    // place, so stopping the wrapper alone would leave `docker events` holding the action's pipes open.
    const real = execFileSync('sh', ['-c', 'command -v docker'], { encoding: 'utf8' }).trim();
    const bin = mkdtempSync(path.join(tmpdir(), 'docker-wrapper-'));
    writeFileSync(path.join(bin, 'docker'), `#!/bin/sh\n${JSON.stringify(real)} "$@"\n`, { mode: 0o755 });
    const idFile = path.join(bin, 'container-id');
    used.push(`${namespace}/wrapped`);
    let main: import('node:child_process').ChildProcess | undefined;
    const guard = setTimeout(() => main?.kill('SIGKILL'), 90_000);
    const result = await runAction({
      inputs: {
        image: `${namespace}/wrapped`,
        context: path.join(FIXTURES, 'service'),
        sha: randomSha(),
        'test-on': 'runner',
        'test-command': `echo "$CONTAINER_ID" > ${idFile}`,
      },
      env: { PATH: `${bin}:${process.env.PATH ?? ''}` },
      onMainSpawn: (child) => (main = child),
    }).finally(() => clearTimeout(guard));
    expect(result.main.exitCode, `main did not end by itself:\n${result.main.stdout}`).toBe(0);
    expect(result.post?.exitCode).toBe(0);
    const containerId = readFileSync(idFile, 'utf8').trim();
    expect(containerId).toMatch(/^[0-9a-f]{64}$/);
    expect(dockerProcessesWith(containerId)).toEqual([]);
  });
});

describe('cancellation: main cleans up on SIGINT/SIGTERM, post again', () => {
  it('SIGINT while waiting: the container is removed by main itself, at once', async () => {
    const cancel = signalWhen('SIGINT', (stdout) => stdout.includes('::group::Wait until'));
    used.push(`${namespace}/unhealthy`);
    const result = await runAction({
      inputs: {
        image: `${namespace}/unhealthy`,
        context: path.join(FIXTURES, 'unhealthy'),
        sha: randomSha(),
        'wait-timeout': '300',
        'run-args': '--health-start-period=300s',
      },
      onMainSpawn: cancel.onMainSpawn,
    });
    expect(cancel.state.sentAt).toBeGreaterThan(0);
    expect(result.main.exitCode).toBe(130);
    expect(result.main.stdout).toContain('::error::Cancelled (SIGINT): removing what the run started.');
    expect(result.main.stdout).toMatch(/Removed container unhealthy-/);
    expect(result.state.container).toBe('');
    expect(result.post?.stdout).toContain('Nothing to clean up');
    expect(containersNamed('unhealthy-')).toEqual([]);
  });

  it('SIGTERM during the tests: tests stopped, container removed', async () => {
    const cancel = signalWhen('SIGTERM', (stdout) => stdout.includes('tests-started'));
    used.push(`${namespace}/service`);
    const started = Date.now();
    const result = await runAction({
      inputs: {
        image: `${namespace}/service`,
        context: path.join(FIXTURES, 'service'),
        sha: randomSha(),
        'test-command': 'echo tests-started; sleep 120',
      },
      onMainSpawn: cancel.onMainSpawn,
    });
    expect(result.main.exitCode).toBe(143);
    expect((Date.now() - started) / 1000).toBeLessThan(60);
    expect(containersNamed('service-')).toEqual([]);
  });

  it('SIGINT during the build: the docker build stops with main, nothing is tagged, nothing is left', async () => {
    const context = mkdtempSync(path.join(tmpdir(), 'btd-slow-build-'));
    const marker = `building-slowly-${randomId()}`;
    writeFileSync(path.join(context, 'Dockerfile'), `FROM ${BASE_IMAGE}\nRUN echo ${marker} && sleep 60\n`);
    const repository = `${namespace}/slow-build`;
    used.push(repository);
    // Once the step runs: its own output line (classic: the marker alone; BuildKit: `#5 0.214 <marker>`), not the
    // line naming the step; from then on the build prints nothing for 60 s.
    const cancel = signalWhen('SIGINT', (log) =>
      log.split('\n').some((line) => new RegExp(`^(#\\d+ [0-9.]+ )?${marker}$`).test(line.trim())),
    );
    const started = Date.now();
    const result = await runAction({
      inputs: { image: repository, context, sha: randomSha() },
      onMainSpawn: cancel.onMainSpawn,
    });
    expect(cancel.state.sentAt).toBeGreaterThan(0);
    expect(result.main.exitCode).toBe(130);
    expect(result.main.stdout).toContain('::error::Cancelled (SIGINT): removing what the run started.');
    expect((Date.now() - started) / 1000).toBeLessThan(30); // not the 60 s the RUN step takes
    expect(dockerProcessesWith(context)).toEqual([]);
    expect(localTags(repository)).toEqual([]);
    // With its client gone the engine stops the RUN step too: its `sleep 60` (a classic build's container, or
    // BuildKit's own runc container, which no `docker container ls` shows) is gone from the machine.
    await expect.poll(() => processesWith(marker).map(({ argv }) => argv.join(' ')), { timeout: 15_000 }).toEqual([]);
  });

  it('cancelled while a push hangs: the login is undone and the container removed', async () => {
    const proxy = await startFaultProxy({ target: registry.host, faults: 10, mode: 'hang' });
    try {
      const cancel = signalWhen('SIGINT', (stdout) => /\[command\]\S*docker push/.test(stdout));
      const image = `${proxy.host}/e2e/hang-${randomId()}`;
      used.push(image);
      const result = await runAction({
        inputs: {
          image,
          context: path.join(FIXTURES, 'service'),
          sha: randomSha(),
          deploy: 'true',
          'test-command': 'true',
          'registry-username': registry.username,
          'registry-password': registry.password,
        },
        onMainSpawn: cancel.onMainSpawn,
      });
      expect(cancel.state.sentAt).toBeGreaterThan(0);
      expect(result.main.exitCode).toBe(130);
      expect(result.main.stdout).toContain(`Logged out of ${proxy.host}.`);
      expect(dockerConfigAuths()).not.toContain(proxy.host);
      expect(containersNamed('hang-')).toEqual([]);
      expect(dockerProcessesWith(`${image}:`)).toEqual([]); // the push stopped with main
    } finally {
      await proxy.stop();
    }
  });
});

describe('remote engines: DOCKER_HOST, a docker context, DOCKER_CONFIG, a full disk', () => {
  let engine: Awaited<ReturnType<typeof startSecondEngine>>;
  const context = `btd-e2e-${randomId()}`;
  beforeAll(async () => {
    engine = await startSecondEngine({ sizeMb: 160 });
    execFileSync('docker', ['context', 'create', context, '--docker', `host=${engine.host}`], { stdio: 'ignore' });
  }, 120_000);
  afterAll(async () => {
    execFileSync('docker', ['context', 'rm', '--force', context], { stdio: 'ignore' });
    await engine.stop();
  }, 60_000);

  it.each([
    ['DOCKER_HOST', () => ({ DOCKER_HOST: engine.host })],
    ['DOCKER_CONTEXT', () => ({ DOCKER_CONTEXT: context })],
  ])('the whole loop runs on the engine %s names, and only there', async (_case, env) => {
    const repository = `${namespace}/remote-${randomId()}`;
    const result = await runAction({
      inputs: {
        image: repository,
        context: path.join(FIXTURES, 'service'),
        sha: randomSha(),
        'test-command': 'wget -q -O - http://127.0.0.1:8080/ | grep -q "from the service"',
      },
      env: env(),
    });
    expect(result.main.exitCode, result.main.stdout).toBe(0);
    expect(engine.docker('image', 'inspect', '--format', '{{.Id}}', `${repository}:latest`)).toBe(
      result.outputs['image-id'],
    );
    expect(() => execFileSync('docker', ['image', 'inspect', `${repository}:latest`], { stdio: 'ignore' })).toThrow();
    expect(engine.docker('container', 'ls', '--all', '--quiet')).toBe('');
  });

  it('a full disk during the build: the error says so, nothing is tagged, no container is left', async () => {
    const repository = `${namespace}/full-${randomId()}`;
    const dir = mkdtempSync(path.join(tmpdir(), 'full-disk-'));
    execFileSync('sh', [
      '-c',
      `printf 'FROM btd-e2e/busybox:base\\nRUN dd if=/dev/zero of=/big bs=1M count=400\\n' > ${dir}/Dockerfile`,
    ]);
    const result = await runAction({
      inputs: { image: repository, context: dir, sha: randomSha() },
      env: { DOCKER_HOST: engine.host },
    });
    expect(result.main.exitCode).toBe(1);
    expect(errorLine(result.main.stdout)).toContain(
      'The Docker engine ran out of disk space during the build (no space left on device); nothing was tagged.',
    );
    expect(engine.docker('image', 'ls', '--quiet', repository)).toBe('');
    expect(engine.docker('container', 'ls', '--all', '--quiet')).toBe('');
  });

  it('DOCKER_CONFIG: an earlier login there (as docker/login-action makes) is used for the push and the read-back', async () => {
    const config = freshDockerConfig();
    const login = run('docker', [
      '--config',
      config,
      'login',
      '--username',
      registry.username,
      '--password-stdin',
      registry.host,
    ]);
    login.child.stdin?.end(registry.password);
    await login;
    const repositoryPath = `e2e/config-${randomId()}`;
    used.push(`${registry.host}/${repositoryPath}`);
    const result = await runAction({
      inputs: {
        image: `${registry.host}/${repositoryPath}`,
        context: path.join(FIXTURES, 'service'),
        sha: randomSha(),
        deploy: 'true',
      },
      env: { DOCKER_CONFIG: config },
    });
    expect(result.main.exitCode, result.main.stdout).toBe(0);
    expect(result.outputs.digest).toBe(await registryDigest(registry, repositoryPath, result.outputs.tag ?? ''));
    expect(result.main.stdout).not.toContain('Could not read the pushed tags back');
    expect(dockerConfigAuths(config)).toContain(registry.host); // the user's login is theirs to keep
  });
});

// Debian 12's engine, which every profile installs (the classic one runs it), and forky's buildx, which every
// profile keeps at hand: a new CLI on an old engine. Hosted runners (profile native) have no such engine.
const OLD_DOCKERD = '/usr/sbin/dockerd';
const buildxAtHand = process.env.ENGINE_BUILDX;

describe.runIf(existsSync(OLD_DOCKERD) && buildxAtHand !== undefined)(
  "Docker Engine 20.10 through buildx: its BuildKit predates the stamp's named context",
  () => {
    let engine: Awaited<ReturnType<typeof startSecondEngine>>;
    beforeAll(async () => {
      engine = await startSecondEngine({ sizeMb: 160, dockerd: OLD_DOCKERD, daemonConfig: '' });
    }, 120_000);
    afterAll(async () => {
      await engine.stop();
    }, 60_000);

    it('the build fails saying why and what to do, leaving nothing; without buildx the same engine builds', async () => {
      const repository = `${namespace}/old-buildkit-${randomId()}`;
      const inputs = {
        image: repository,
        context: path.join(FIXTURES, 'service'),
        sha: randomSha(),
        'test-command': 'wget -q -O - http://127.0.0.1:8080/ | grep -q "from the service"',
      };
      const refused = await runAction({
        inputs,
        env: { DOCKER_HOST: engine.host, DOCKER_CONFIG: freshDockerConfig({ buildx: buildxAtHand }) },
      });
      expect(refused.main.exitCode, refused.main.stdout).toBe(1);
      expect(refused.main.stdout).toMatch(/Docker engine 20\.10\.\S+ \(DOCKER_HOST=[^)]*\) .*; builder: buildx\./);
      const error = errorLine(refused.main.stdout);
      expect(error).toContain("The builder's BuildKit is too old for the stamp: it lacks named contexts");
      expect(error).toContain('nothing was tagged');
      expect(engine.docker('image', 'ls', '--all', '--quiet', repository)).toBe('');
      // Nor an untagged image of the build target: only the base image is there.
      expect(engine.docker('image', 'ls', '--all', '--quiet', '--filter', 'dangling=true')).toBe('');
      expect(engine.docker('container', 'ls', '--all', '--quiet')).toBe('');

      // The remedy the message names: the classic builder on the same engine.
      const built = await runAction({
        inputs,
        env: { DOCKER_HOST: engine.host, DOCKER_CONFIG: freshDockerConfig({ buildx: false }) },
      });
      expect(built.main.exitCode, built.main.stdout).toBe(0);
      expect(built.main.stdout).toContain('builder: classic (no buildx).');
      expect(engine.docker('image', 'inspect', '--format', '{{.Id}}', `${repository}:latest`)).toBe(
        built.outputs['image-id'],
      );
      expect(engine.docker('container', 'ls', '--all', '--quiet')).toBe('');
    });
  },
);
