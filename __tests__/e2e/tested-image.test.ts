import { afterAll, describe, expect, inject, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction } from '../harness/run-action.mjs';
import {
  BASE_IMAGE,
  FIXTURES,
  containersNamed,
  errorLine,
  freshDockerConfig,
  localTags,
  randomId,
  randomSha,
  registryDigest,
  registryManifest,
  removeRepositories,
  usesContainerdStore,
} from './support.js';

// What is pushed is what was tested, by id; run-args and path inputs cannot change what runs or where files go.

const registry = inject('registry');
const used: string[] = [];
afterAll(() => removeRepositories(...used));

const docker = (...args: string[]): string => execFileSync('docker', args, { encoding: 'utf8' }).trim();

describe('the push goes by the tested image, not by the names', () => {
  it('another run retags :latest and the sha tag during the tests: the registry gets the tested image', async () => {
    const repositoryPath = `e2e/tested-${randomId()}`;
    const image = `${registry.host}/${repositoryPath}`;
    used.push(image);
    const sha = randomSha();
    const tag = sha.slice(0, 7);
    // The test, on the runner, plays the other run on the same engine: it moves both names to another image.
    const run = await runAction({
      inputs: {
        image,
        context: path.join(FIXTURES, 'service'),
        sha,
        deploy: 'true',
        'test-on': 'runner',
        'test-command': `docker tag ${BASE_IMAGE} ${image}:latest && docker tag ${BASE_IMAGE} ${image}:${tag}`,
        'registry-username': registry.username,
        'registry-password': registry.password,
      },
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    const tested = run.outputs['image-id'] ?? '';
    expect(tested).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(tested).not.toBe(docker('image', 'inspect', '--format', '{{.Id}}', BASE_IMAGE));
    const digest = await registryDigest(registry, repositoryPath, tag);
    expect(await registryDigest(registry, repositoryPath, 'latest')).toBe(digest);
    expect(run.outputs.digest).toBe(digest);
    // The registry's image is the tested one: its manifest (containerd store) or its config (graph drivers).
    const manifest = await registryManifest(registry, repositoryPath, tag);
    if (usesContainerdStore()) expect(manifest.digest).toBe(tested);
    else expect((manifest.body.config as { digest: string }).digest).toBe(tested);
    // And the names are the tested image's again.
    expect(docker('image', 'inspect', '--format', '{{.Id}}', `${image}:latest`)).toBe(tested);
  });
});

describe("a mirror that fails after the image's own repository got both tags", () => {
  it('the run fails; the outputs say pushed, with the digest, and which repositories got the tags', async () => {
    const repositoryPath = `e2e/partial-${randomId()}`;
    const image = `${registry.host}/${repositoryPath}`;
    const mirror = '127.0.0.1:9/acme/mirror'; // nothing listens there
    used.push(image, mirror);
    const sha = randomSha();
    const run = await runAction({
      inputs: {
        image,
        context: path.join(FIXTURES, 'service'),
        sha,
        deploy: 'true',
        'test-command': 'true',
        'also-push': mirror,
        'push-retries': '0',
        'registry-username': registry.username,
        'registry-password': registry.password,
      },
    });
    expect(run.main.exitCode).not.toBe(0);
    expect(errorLine(run.main.stdout)).toContain(`${mirror}:${sha.slice(0, 7)}`);
    const digest = await registryDigest(registry, repositoryPath, sha.slice(0, 7));
    expect(digest).toMatch(/^sha256:/);
    expect(run.outputs.pushed).toBe('true');
    expect(run.outputs.digest).toBe(digest);
    expect(JSON.parse(run.outputs.digests ?? '{}')).toEqual({ [image]: digest });
    // The mirror's local tags served the push only.
    expect(localTags(mirror)).toEqual([]);
  });
});

describe('run-args cannot make docker run another image', () => {
  it.each([
    ['a word after a switch', '--init\n--read-only busybox', 'line 2 is "--read-only busybox"'],
    ['the end of the options', '-- sh', 'line 1 is "-- sh", which ends docker run\'s options'],
    ['an option that would take the image as its value', '--env', 'line 1 is "--env": --env takes a value'],
    ['--pull=always', '--pull=always', 'line 1 uses --pull, which is not allowed'],
  ])('%s: refused before anything is built', async (_case, runArgs, problem) => {
    const repository = `btd-e2e/run-args-${randomId()}`;
    used.push(repository);
    const run = await runAction({
      inputs: { image: repository, context: path.join(FIXTURES, 'service'), sha: randomSha(), 'run-args': runArgs },
    });
    expect(run.main.exitCode).not.toBe(0);
    expect(run.main.stdout).toContain(`Input 'run-args' ${problem}`);
    expect(localTags(repository)).toEqual([]);
    expect(containersNamed(repository.split('/')[1] ?? '')).toEqual([]);
  });
});

describe('written paths stay inside the workspace', () => {
  it('a committed link sends reports-dir out, tag-length is bad too: both named, nothing built or written', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'btd-workspace-'));
    const outside = mkdtempSync(path.join(tmpdir(), 'btd-outside-'));
    try {
      symlinkSync(outside, path.join(workspace, 'reports'));
      mkdirSync(path.join(workspace, 'release'));
      const repository = `btd-e2e/paths-${randomId()}`;
      used.push(repository);
      const run = await runAction({
        cwd: workspace,
        inputs: {
          image: repository,
          context: path.join(FIXTURES, 'service'),
          sha: randomSha(),
          'tag-length': '99',
          'test-command': 'true',
          'test-reports': '/',
          'env-file': '../outside.env',
        },
      });
      expect(run.main.exitCode).not.toBe(0);
      for (const problem of [
        'Input \'tag-length\' is "99"',
        "Input 'test-reports' is \"/\", the container's whole file system",
        'Input \'env-file\' is "../outside.env"; expected a file path relative to the workspace',
      ])
        expect(run.main.stdout).toContain(problem);
      expect(localTags(repository)).toEqual([]);

      const linked = await runAction({
        cwd: workspace,
        inputs: {
          image: repository,
          context: path.join(FIXTURES, 'service'),
          sha: randomSha(),
          'tag-length': '99',
          'test-command': 'true',
          'test-reports': '/www',
        },
      });
      expect(linked.main.exitCode).not.toBe(0);
      expect(linked.main.stdout).toContain(
        `Input 'reports-dir' is "reports", which a symbolic link sends to ${outside}, outside the workspace ${workspace}; expected a path inside it.`,
      );
      expect(linked.main.stdout).toContain('Input \'tag-length\' is "99"');
      expect(readdirSync(outside)).toEqual([]);
      expect(localTags(repository)).toEqual([]);
    } finally {
      rmSync(workspace, { recursive: true, force: true });
      rmSync(outside, { recursive: true, force: true });
    }
  });
});

describe("the login is the run's own", () => {
  it('tests on the runner see the shared config unchanged; an earlier login there stays; nothing is left', async () => {
    const repositoryPath = `e2e/own-login-${randomId()}`;
    const image = `${registry.host}/${repositoryPath}`;
    used.push(image);
    // An earlier login to the same registry in the shared config, as docker/login-action leaves it.
    const shared = freshDockerConfig();
    const seen = mkdtempSync(path.join(tmpdir(), 'btd-seen-'));
    try {
      execFileSync(
        'docker',
        ['--config', shared, 'login', '--username', registry.username, '--password-stdin', registry.host],
        {
          input: registry.password,
          stdio: ['pipe', 'ignore', 'ignore'],
        },
      );
      const before = readFileSync(path.join(shared, 'config.json'), 'utf8');
      const sha = randomSha();
      // What the tests see: their DOCKER_CONFIG, its config.json, and the run's own folder's mode.
      const probe = [
        `echo "$DOCKER_CONFIG" > ${seen}/docker-config`,
        `cp "$DOCKER_CONFIG/config.json" ${seen}/config.json`,
        `stat -c %a "$RUNNER_TEMP"/build-test-deploy-docker-config-* > ${seen}/mode`,
      ].join(' && ');
      const run = await runAction({
        env: { DOCKER_CONFIG: shared },
        inputs: {
          image,
          context: path.join(FIXTURES, 'service'),
          sha,
          deploy: 'true',
          'test-on': 'runner',
          'test-command': probe,
          'registry-username': registry.username,
          'registry-password': registry.password,
        },
      });
      expect(run.main.exitCode, run.main.stdout).toBe(0);
      expect(run.outputs.pushed).toBe('true');
      expect(readFileSync(path.join(seen, 'docker-config'), 'utf8').trim()).toBe(shared);
      expect(readFileSync(path.join(seen, 'config.json'), 'utf8')).toBe(before);
      expect(readFileSync(path.join(seen, 'mode'), 'utf8').trim()).toBe('700');
      // After the run: the earlier login as it was, the run's own folder gone.
      expect(readFileSync(path.join(shared, 'config.json'), 'utf8')).toBe(before);
      expect(
        readdirSync(path.join(run.files, 'temp')).filter((name) => name.startsWith('build-test-deploy-docker-config-')),
      ).toEqual([]);
      expect(run.main.stdout).toContain(`Logged out of ${registry.host}.`);
    } finally {
      rmSync(shared, { recursive: true, force: true });
      rmSync(seen, { recursive: true, force: true });
    }
  });
});

describe('a failing build says why, on every builder', () => {
  it("the failing step's own last lines are in the error annotation, not only in the log", async () => {
    const context = mkdtempSync(path.join(tmpdir(), 'btd-lint-'));
    const repository = `btd-e2e/lint-${randomId()}`;
    used.push(repository);
    try {
      // A project that runs its linter in a RUN step: its findings are the reason.
      writeFileSync(
        path.join(context, 'Dockerfile'),
        `FROM ${BASE_IMAGE}\nRUN echo "checking src/" && echo "src/app.py:30:1: F401 os imported but unused" && exit 1\n`,
      );
      const run = await runAction({ inputs: { image: repository, context, sha: randomSha() } });
      expect(run.main.exitCode).not.toBe(0);
      const error = errorLine(run.main.stdout);
      expect(error).toContain('src/app.py:30:1: F401 os imported but unused');
      expect(error).toContain('checking src/');
      expect(localTags(repository)).toEqual([]);
    } finally {
      rmSync(context, { recursive: true, force: true });
    }
  });
});

describe('BuildKit: files the inputs name outside the working directory are allowed, exactly those', () => {
  it("a secret file (and, on the containerd store, a local cache) outside it, bake's file system checks on", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'btd-outside-cwd-'));
    const repository = `btd-e2e/entitled-${randomId()}`;
    used.push(repository);
    try {
      const secret = `secret-${randomId()}`;
      writeFileSync(path.join(dir, 'token'), secret);
      const cache: Record<string, string> = usesContainerdStore()
        ? { 'cache-to': `type=local,dest=${path.join(dir, 'cache')}` }
        : {};
      const run = await runAction({
        // As buildx will have it by default: a bake that reads or writes outside the working directory without
        // being allowed to fails.
        env: { BUILDX_BAKE_ENTITLEMENTS_FS: '1' },
        inputs: {
          image: repository,
          context: path.join(FIXTURES, 'build-secret'),
          sha: randomSha(),
          'build-secrets': `id=token,src=${path.join(dir, 'token')}`,
          'build-args': `NONCE=${randomId()}`,
          'test-command': `test "$(cat /token.sha256)" = ${createHash('sha256').update(secret).digest('hex')}`,
          ...cache,
        },
      });
      if (!/; builder: buildx/.test(run.main.stdout)) {
        expect(errorLine(run.main.stdout)).toContain("Input 'build-secrets' needs BuildKit");
        return;
      }
      expect(run.main.exitCode, run.main.stdout + run.main.stderr).toBe(0);
      expect(run.main.stdout).toContain(`--allow=fs.read=${path.join(dir, 'token')}`);
      expect(run.main.stdout + run.main.stderr).not.toContain('requesting privileges');
      if (usesContainerdStore()) {
        expect(run.main.stdout).toContain(`--allow=fs.write=${dir}`);
        expect(readdirSync(path.join(dir, 'cache'))).toContain('index.json');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
