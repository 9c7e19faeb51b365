import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { freePort } from '../harness/registry.mjs';
import { ROOT, runAction } from '../harness/run-action.mjs';
import { startSecondEngine } from '../harness/second-engine.mjs';
import {
  FIXTURES,
  docker,
  dockerConfigAuths,
  dockerOk,
  randomId,
  randomSha,
  removeRepositories,
  usesContainerdStore,
} from './support.js';

// The layer cache across runners: the :latest the last deploy pushed is the next build's cache, on a fresh
// engine too; a cache source that is missing, unreachable or refused is a miss, never a failure.

const registry = inject('registry');
const registryPort = Number(registry.host.split(':')[1]);
const buildx = dockerOk('buildx', 'version');
const used: string[] = [];
const workDirs: string[] = [];

afterAll(() => {
  removeRepositories(...used);
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

/** The cached-service fixture at one commit: its version.txt says which. */
function checkout(version: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cached-service-'));
  workDirs.push(dir);
  cpSync(path.join(FIXTURES, 'cached-service'), dir, { recursive: true });
  writeFileSync(path.join(dir, 'version.txt'), `${version}\n`);
  return dir;
}

function fileIn(run: (...args: string[]) => string, imageRef: string, file: string): string {
  return run('run', '--rm', imageRef, 'cat', file);
}

describe('the layer cache from the registry', () => {
  let engine: Awaited<ReturnType<typeof startSecondEngine>>;
  beforeAll(async () => {
    engine = await startSecondEngine({ sizeMb: 400, reachPorts: [registryPort], baseImage: 'copy' });
  }, 120_000);
  afterAll(async () => engine.stop(), 60_000);

  it('a fresh engine builds the next commit with the cache the last deploy pushed: the expensive step is reused, the changed ones run', async () => {
    const image = `${registry.host}/e2e/cached-${randomId()}`;
    used.push(image);
    const seed = randomId();
    const credentials = { 'registry-username': registry.username, 'registry-password': registry.password };

    const first = await runAction({
      inputs: {
        image,
        context: checkout('v1'),
        sha: randomSha(),
        'build-args': `SEED=${seed}`,
        deploy: 'true',
        'test-command': 'grep -q v1 /www/index.html',
        ...credentials,
      },
    });
    expect(first.main.exitCode, first.main.stdout + first.main.stderr).toBe(0);
    expect(first.outputs.pushed).toBe('true');
    // The first run: the registry has no :latest yet.
    expect(first.main.stdout).toContain(`miss: ${image}:latest not found`);
    expect(first.outputs['cache-hit']).toBe('false');
    expect(Number(first.outputs['cache-steps-run'])).toBeGreaterThanOrEqual(2);
    const expensive = fileIn(docker, first.outputs['image-ref'] ?? '', '/expensive');

    const sha = randomSha();
    const second = await runAction({
      inputs: {
        image,
        context: checkout('v2'),
        sha,
        'build-args': `SEED=${seed}`,
        'test-command': 'grep -q v2 /www/index.html',
        ...credentials,
      },
      env: { DOCKER_HOST: engine.host },
    });
    const log = second.main.stdout + second.main.stderr;
    expect(second.main.exitCode, log).toBe(0);
    expect(log).toContain(`cache: hit from ${image}:latest`);
    expect(second.summary).toContain(`hit from ${image}:latest`);
    expect(second.outputs['cache-hit']).toBe('true');
    expect(Number(second.outputs['cache-steps-reused'])).toBeGreaterThanOrEqual(1);
    expect(Number(second.outputs['cache-steps-run'])).toBeGreaterThanOrEqual(2);
    // Reused, not run again: the step's output is the first build's, to the nanosecond.
    const imageRef = second.outputs['image-ref'] ?? '';
    expect(fileIn(engine.docker, imageRef, '/expensive')).toBe(expensive);
    expect(fileIn(engine.docker, imageRef, '/version.txt')).toBe('v2');
    expect(
      engine.docker('image', 'inspect', '--format', '{{range .Config.Env}}{{println .}}{{end}}', imageRef),
    ).toContain(`SHA=${sha}`);
    expect(
      engine.docker(
        'image',
        'inspect',
        '--format',
        '{{index .Config.Labels "org.opencontainers.image.revision"}}',
        imageRef,
      ),
    ).toBe(sha);
    expect(engine.docker('image', 'inspect', '--format', '{{.Id}}', `${image}:latest`)).toBe(
      second.outputs['image-id'],
    );
    // The login for the cache pull was undone; the bake's untagged build result did not stay behind.
    expect(dockerConfigAuths()).not.toContain(registry.host);
    if (buildx) expect(engine.docker('image', 'ls', '--quiet', '--filter', 'dangling=true')).toBe('');
    expect(engine.docker('container', 'ls', '--all', '--quiet')).toBe('');
  }, 240_000);
});

describe('a cache source that does not answer is a miss', () => {
  it('a registry that is down during the cache pull: the build goes on, cold, and says why', async () => {
    const image = `127.0.0.1:${await freePort()}/e2e/down-${randomId()}`;
    used.push(image);
    const sha = randomSha();
    const run = await runAction({
      inputs: {
        image,
        context: checkout('v1'),
        sha,
        'build-args': `SEED=${randomId()}`,
        'test-command': 'grep -q v1 /www/index.html',
        // The login before the cache pull fails too: a warning, not a failure.
        'registry-username': registry.username,
        'registry-password': registry.password,
      },
    });
    const log = run.main.stdout + run.main.stderr;
    expect(run.main.exitCode, log).toBe(0);
    expect(log).toMatch(new RegExp(`miss: ${image.replace(/[.]/g, '\\.')}:latest unreachable`));
    expect(run.summary).toContain('miss:');
    // Cold: the RUN, COPY and RUN steps ran (the classic builder may reuse the ARG instruction from its own cache).
    expect(Number(run.outputs['cache-steps-run'])).toBeGreaterThanOrEqual(3);
    expect(run.outputs['test-exit-code']).toBe('0');
    expect(
      docker(
        'image',
        'inspect',
        '--format',
        '{{range .Config.Env}}{{println .}}{{end}}',
        run.outputs['image-ref'] ?? '',
      ),
    ).toContain(`SHA=${sha}`);
    expect(dockerConfigAuths()).not.toContain(image.split('/')[0]);
  }, 120_000);

  it('a registry that refuses the anonymous cache pull: a miss, the build goes on', async () => {
    const image = `${registry.host}/e2e/anonymous-${randomId()}`;
    used.push(image);
    const run = await runAction({
      inputs: {
        image,
        context: checkout('v1'),
        sha: randomSha(),
        'build-args': `SEED=${randomId()}`,
        'test-command': 'grep -q v1 /www/index.html',
      },
    });
    const log = run.main.stdout + run.main.stderr;
    expect(run.main.exitCode, log).toBe(0);
    expect(log).toMatch(new RegExp(`miss: ${image.replace(/[.]/g, '\\.')}:latest (?:refused|not found)`));
    // Cold: the RUN, COPY and RUN steps ran (the classic builder may reuse the ARG instruction from its own cache).
    expect(Number(run.outputs['cache-steps-run'])).toBeGreaterThanOrEqual(3);
  }, 120_000);
});

describe('cache specs the builder cannot use', () => {
  it('cache-to type=local: refused before the build where the driver cannot export it, else exported', async () => {
    const image = `btd-e2e/cache-to-${randomId()}`;
    used.push(image);
    const dest = mkdtempSync(path.join(tmpdir(), 'cache-to-'));
    workDirs.push(dest);
    const run = await runAction({
      inputs: {
        image,
        context: checkout('v1'),
        sha: randomSha(),
        'cache-from': 'none',
        'cache-to': `type=local,dest=${dest}`,
      },
    });
    const log = run.main.stdout + run.main.stderr;
    if (!buildx) {
      expect(run.main.exitCode).toBe(1);
      expect(log).toContain(`Input 'cache-to' has "type=local,dest=${dest}", which needs BuildKit (docker buildx)`);
      expect(run.outputs['image-id']).toBe('');
    } else if (!usesContainerdStore()) {
      expect(run.main.exitCode).toBe(1);
      expect(log).toContain(
        `Input 'cache-to' has "type=local,dest=${dest}", which needs a builder with another driver`,
      );
      expect(log).toContain('or the containerd image store on this engine');
      expect(run.outputs['image-id']).toBe('');
    } else {
      expect(run.main.exitCode, log).toBe(0);
      expect(existsSync(path.join(dest, 'index.json'))).toBe(true);
    }
    // Refused before anything was touched: nothing built, nothing tagged.
    if (run.main.exitCode !== 0) expect(dockerOk('image', 'inspect', `${image}:latest`)).toBe(false);
  }, 120_000);
});

describe('a cache that restores steps', () => {
  it("keeps the image's CMD when the same steps were built for other repositories in between", async () => {
    const image = `${registry.host}/e2e/cmd-${randomId()}`;
    const others = [`btd-e2e/cmd-cli-${randomId()}`, `btd-e2e/cmd-plain-${randomId()}`];
    used.push(image, ...others);
    const context = mkdtempSync(path.join(tmpdir(), 'cmd-steps-'));
    workDirs.push(context);
    // Metadata steps only, the last one a CMD: what a cache restore could give the wrong config.
    writeFileSync(
      path.join(context, 'Dockerfile'),
      `FROM btd-e2e/busybox:base\nLABEL e2e.seed=${randomId()}\nHEALTHCHECK --interval=1s --timeout=1s --retries=3 CMD true\nCMD ["sleep", "3600"]\n`,
    );
    const credentials = { 'registry-username': registry.username, 'registry-password': registry.password };
    const loop = (deploy: string) =>
      runAction({ inputs: { image, context, sha: randomSha(), deploy, 'test-command': 'true', ...credentials } });
    const first = await loop('true');
    expect(first.main.exitCode, first.main.stdout).toBe(0);
    // The same steps for two other repositories: through the CLI, and a plain docker build.
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'dist', 'cli', 'index.js'),
        '--image',
        others[0] ?? '',
        '--context',
        context,
        '--sha',
        randomSha(),
      ],
      { stdio: 'ignore' },
    );
    docker('build', '--quiet', '--tag', `${others[1]}:latest`, context);
    const second = await loop('false');
    const log = second.main.stdout + second.main.stderr;
    expect(second.main.exitCode, log).toBe(0);
    // The classic builder reused its steps (BuildKit counts no metadata-only steps: there are none to reuse).
    if (!buildx) expect(second.outputs['cache-hit']).toBe('true');
    expect(
      JSON.parse(docker('image', 'inspect', '--format', '{{json .Config.Cmd}}', second.outputs['image-ref'] ?? '')),
    ).toEqual(['sleep', '3600']);
  }, 120_000);
});
