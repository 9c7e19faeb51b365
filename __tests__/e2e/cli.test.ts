import { afterAll, describe, expect, inject, it } from 'vitest';
import { execFileSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction } from '../harness/run-action.mjs';
import { runCli } from '../harness/run-cli.mjs';
import { processesWith } from './proc-argv.js';
import {
  FIXTURES,
  containersNamed,
  docker,
  dockerConfigAuths,
  freshDockerConfig,
  gitFixture,
  imageId,
  randomId,
  randomSha,
  registryDigest,
  registryTags,
  removeRepositories,
} from './support.js';

// The CLI bundle (dist/cli/index.js) as a user runs it in a terminal: flags for inputs, REGISTRY_* for the
// login, the outputs as KEY=VALUE lines on stdout, the log on stderr, exit 0/1/2/130.

const registry = inject('registry');
const namespace = `btd-e2e-${randomId()}`;
const used: string[] = [];

afterAll(() => removeRepositories(...used));

/** The container a run started, as its Run phase line names it (`▸ Run <ref> as <name>`). */
function containerOf(stderr: string): string {
  return /^▸ Run \S+ as (\S+)$/m.exec(stderr)?.[1] ?? '';
}

interface ProcessInfo {
  readonly pid: number;
  readonly argv: string;
}

/** Every process below `pid` now (children, their children…), from /proc/<pid>/stat's parent pid. */
function descendantsOf(pid: number): ProcessInfo[] {
  const parents = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    try {
      // `pid (comm) state ppid …`: comm may hold spaces and parentheses, so read after the last ')'.
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // exited meanwhile
    }
  }
  const found: ProcessInfo[] = [];
  const below = new Set([pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [child, parent] of parents) {
      if (below.has(parent) && !below.has(child)) {
        below.add(child);
        found.push({ pid: child, argv: commandLine(child) });
        grew = true;
      }
    }
  }
  return found.filter(({ argv }) => argv !== '');
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0$/, '').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** Of `processes`, those still running the same command line (a pid reused since runs another). */
function stillRunning(processes: readonly ProcessInfo[]): ProcessInfo[] {
  return processes.filter(({ pid, argv }) => commandLine(pid) === argv);
}

const isDocker = (argv: string): boolean => /^(\S*\/)?docker(-buildx)? /.test(argv);

describe('the CLI runs the loop on this machine', () => {
  it('deploys to the registry with REGISTRY_* credentials; prints the outputs; leaves nothing behind; the same outputs as the action', async () => {
    const fixture = gitFixture('service');
    // No GITHUB_REPOSITORY for the CLI: it finds the source URL from the origin remote, the action from
    // GITHUB_REPOSITORY=acme/service (run-action.mjs): one OCI source label, hence one image id.
    execFileSync('git', ['-C', fixture.dir, 'remote', 'add', 'origin', 'git@github.com:acme/service.git']);
    const repositoryPath = `e2e/cli-${randomId()}`;
    const image = `${registry.host}/${repositoryPath}`;
    used.push(image);
    const tag = fixture.sha.slice(0, 7);
    const config = freshDockerConfig();
    const outputFile = path.join(mkdtempSync(path.join(tmpdir(), 'cli-outputs-')), 'outputs.env');
    // Relative to the workspace (the CLI's: its working directory), and inside it.
    const envOutput = path.join(fixture.dir, 'release', 'service.env');
    const testCommand = `test "$SHA" = "${fixture.sha}" && wget -q -O - http://127.0.0.1:8080/ | grep -q "e2e from the service"`;

    const cli = await runCli(
      [
        '--image',
        image,
        '--deploy',
        '--build-args',
        'GREETING=e2e',
        // Both faces export no cache: inline cache metadata is part of the image config and says how the build
        // found its steps (here the CLI's run from the engine's cache, the action's also from the registry's
        // :latest), which is not what this test compares.
        '--cache-to',
        'none',
        '--test-command',
        testCommand,
        '--output-file',
        outputFile,
        '--env-prefix',
        'SERVICE',
        // Not --env-file: Node.js would read that itself.
        '--env-output',
        'release/service.env',
      ],
      {
        cwd: fixture.dir,
        env: { REGISTRY_USERNAME: registry.username, REGISTRY_PASSWORD: registry.password, DOCKER_CONFIG: config },
      },
    );
    expect(cli.exitCode, cli.stderr).toBe(0);
    expect(cli.signal).toBeNull();

    // stdout holds the outputs and nothing else, one KEY=VALUE a line; --output-file the same.
    expect(cli.stdout.endsWith('\n')).toBe(true);
    for (const line of cli.stdout.slice(0, -1).split('\n')) expect(line).toMatch(/^[a-z-]+=[^\n]*$/);
    expect(readFileSync(outputFile, 'utf8')).toBe(cli.stdout);
    const digest = await registryDigest(registry, repositoryPath, tag);
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(cli.outputs).toMatchObject({
      sha: fixture.sha,
      tag,
      image,
      'image-ref': `${image}:${tag}`,
      'latest-ref': `${image}:latest`,
      digest,
      digests: JSON.stringify({ [image]: digest }),
      pushed: 'true',
      'test-exit-code': '0',
    });
    // The record: on one output line (its lines joined by spaces), and whole in the --env-output file.
    const record = [
      `SERVICE_IMAGE=${image}`,
      `SERVICE_SHA=${fixture.sha}`,
      `SERVICE_TAG=${tag}`,
      `SERVICE_DIGEST=${(digest ?? '').slice('sha256:'.length)}`,
      `SERVICE_IMAGE_REF=${image}@${digest ?? ''}`,
    ];
    expect(cli.outputs.env).toBe(record.join(' '));
    expect(readFileSync(envOutput, 'utf8')).toBe(`${record.join('\n')}\n`);
    expect(cli.outputs['image-id']).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(imageId(`${image}:${tag}`)).toBe(cli.outputs['image-id']);
    expect(await registryTags(registry, repositoryPath)).toEqual([tag, 'latest'].sort());
    expect(await registryDigest(registry, repositoryPath, 'latest')).toBe(digest);
    expect(
      JSON.parse(docker('image', 'inspect', '--format', '{{json .Config.Labels}}', `${image}:${tag}`)),
    ).toMatchObject({
      'org.opencontainers.image.revision': fixture.sha,
      'org.opencontainers.image.source': 'https://github.com/acme/service',
    });

    // The log is on stderr, phase by phase; the login happened, was undone, and the password shows nowhere.
    for (const phase of ['▸ Prune ', '▸ Build ', '▸ Run ', '▸ Wait until ', '▸ Test inside ', '▸ Push ', '▸ Clean up'])
      expect(cli.stderr).toContain(phase);
    expect(cli.stderr).toMatch(/\$ docker (--config \S+ )?login /);
    expect(cli.stderr).toContain(`Logged out of ${registry.host}.`);
    expect(dockerConfigAuths(config)).not.toContain(registry.host);
    expect(cli.stdout).not.toContain(registry.password);
    expect(cli.stderr).not.toContain(registry.password);

    // The container is gone.
    const container = containerOf(cli.stderr);
    expect(container).toMatch(new RegExp(`^${repositoryPath.split('/')[1]}-${tag}-local-1-[0-9a-f]{6}$`));
    expect(cli.stderr).toContain(`Removed container ${container}.`);
    expect(containersNamed(container)).toEqual([]);

    // The action, for the same commit and inputs: the same outputs.
    const action = await runAction({
      cwd: fixture.dir,
      inputs: {
        image,
        deploy: 'true',
        'build-args': 'GREETING=e2e',
        'cache-to': 'none',
        'test-command': testCommand,
        'env-prefix': 'SERVICE',
        'registry-username': registry.username,
        'registry-password': registry.password,
      },
      env: { DOCKER_CONFIG: config },
    });
    expect(action.main.exitCode, action.main.stdout).toBe(0);
    expect(Object.keys(cli.outputs).sort()).toEqual(Object.keys(action.outputs).sort());
    const compared = [
      'sha',
      'tag',
      'image',
      'image-ref',
      'latest-ref',
      'image-id',
      'digest',
      'digests',
      'pushed',
      'test-exit-code',
    ];
    const pick = (outputs: Record<string, string>): Record<string, string | undefined> =>
      Object.fromEntries(compared.map((name) => [name, outputs[name]]));
    expect(pick(action.outputs)).toEqual(pick(cli.outputs));
    expect(action.outputs.env?.split('\n')).toEqual(record);
    expect(dockerConfigAuths(config)).not.toContain(registry.host);
  });

  it.each([
    ["a terminal's Ctrl-C (SIGINT to the whole foreground process group)", true],
    ['kill -INT of the CLI alone', false],
  ])(
    'interrupted while waiting, by %s: exits 130, removes the container, leaves no docker process',
    async (_case, wholeGroup) => {
      const repository = `${namespace}/never-ready`;
      used.push(repository);
      const seen = { sentAt: 0, container: '', docker: [] as ProcessInfo[] };
      let cli: ChildProcess | undefined;
      // Nothing listens on 8081 inside: the wait lasts until wait-timeout, 300 s, unless interrupted.
      const guard = setTimeout(() => cli?.kill('SIGKILL'), 120_000);
      const sha = randomSha();
      const outputFile = path.join(mkdtempSync(path.join(tmpdir(), 'cli-outputs-')), 'outputs.env');
      const started = Date.now();
      const result = await runCli(
        [
          '--image',
          repository,
          '--context',
          path.join(FIXTURES, 'service'),
          '--sha',
          sha,
          '--output-file',
          outputFile,
          '--prune',
          'false',
          '--wait-for',
          'http:8081/',
          '--run-args=--publish=127.0.0.1::8081', // a value that starts with -- is attached with =
          '--wait-timeout',
          '300',
          '--test-command',
          'true',
        ],
        {
          processGroup: true,
          onSpawn: (child) => {
            cli = child;
            let stderr = '';
            child.stderr?.on('data', (chunk: Buffer) => {
              stderr += chunk.toString();
              if (seen.container !== '' || !/^▸ Wait until \S+ is ready$/m.test(stderr)) return;
              seen.container = containerOf(stderr);
              // Once the wait's `docker events` runs: what the interrupt must stop along with the CLI.
              const poll = setInterval(() => {
                const below = descendantsOf(child.pid ?? 0);
                if (!below.some(({ argv }) => isDocker(argv) && argv.includes(' events '))) return;
                clearInterval(poll);
                seen.docker = below.filter(({ argv }) => isDocker(argv));
                seen.sentAt = Date.now();
                if (wholeGroup) process.kill(-(child.pid ?? 0), 'SIGINT');
                else child.kill('SIGINT');
              }, 50);
              child.once('close', () => clearInterval(poll));
            });
          },
        },
      ).finally(() => clearTimeout(guard));

      expect(seen.sentAt, result.stderr).toBeGreaterThan(0);
      expect(result.exitCode, result.stderr).toBe(130);
      expect(result.signal).toBeNull();
      expect((Date.now() - started) / 1000).toBeLessThan(60);
      expect(seen.container).toMatch(/^never-ready-[0-9a-f]{7}-local-1-[0-9a-f]{6}$/);
      expect(result.stderr).toContain('error: Cancelled (SIGINT): removing what the run started.');
      expect(result.stderr).toContain(`Removed container ${seen.container}.`);
      expect(result.stderr).not.toContain('▸ Test ');
      // The outputs of what was done before the interrupt, on stdout and in --output-file.
      expect(result.outputs).toMatchObject({
        sha,
        tag: sha.slice(0, 7),
        'image-ref': `${repository}:${sha.slice(0, 7)}`,
        pushed: 'false',
        'test-exit-code': '',
        'ready-seconds': '',
      });
      expect(result.outputs['image-id']).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(readFileSync(outputFile, 'utf8')).toBe(result.stdout);
      // No container of that run, by name or by its image.
      expect(containersNamed(seen.container)).toEqual([]);
      expect(docker('container', 'ls', '--all', '--quiet', '--filter', `name=${seen.container}`)).toBe('');
      // The docker processes that ran when the signal came (the wait's `docker events` at least) are gone,
      // and no docker process names the container any more.
      expect(seen.docker.length).toBeGreaterThan(0);
      expect(stillRunning(seen.docker)).toEqual([]);
      expect(
        processesWith(seen.container)
          .map(({ argv }) => argv.join(' '))
          .filter(isDocker),
      ).toEqual([]);
    },
  );
});

describe('bad flags: exit 2, naming each flag, before docker is touched', () => {
  /** A `docker` first on PATH that records each call (its argv) in `calls` and fails. */
  function fakeDocker(): { env: Record<string, string>; calls: string } {
    const bin = mkdtempSync(path.join(tmpdir(), 'fake-docker-'));
    const calls = path.join(bin, 'calls');
    writeFileSync(path.join(bin, 'docker'), `#!/bin/sh\necho "docker $*" >> ${JSON.stringify(calls)}\nexit 1\n`, {
      mode: 0o755,
    });
    return { env: { PATH: `${bin}:${process.env.PATH ?? ''}` }, calls };
  }

  it('names an unknown flag, a bad value and a secret given as a flag together; never prints the secret', async () => {
    const fake = fakeDocker();
    const result = await runCli(['--image', 'Bad Name', '--frob', '1', '--registry-password', 'hunter2'], {
      cwd: path.join(FIXTURES, 'service'),
      env: fake.env,
    });
    expect(result.exitCode, result.stderr).toBe(2);
    const errors = result.stderr.split('\n').filter((line) => line.startsWith('error: '));
    expect(errors.some((line) => line.startsWith('error: --image '))).toBe(true);
    expect(errors.some((line) => line.startsWith('error: --frob is not an option'))).toBe(true);
    expect(errors.some((line) => line.startsWith('error: --registry-password is not an option'))).toBe(true);
    expect(result.stderr).toContain('REGISTRY_PASSWORD');
    expect(result.stderr).toContain('(see build-test-deploy --help)');
    expect(result.stdout).toBe('');
    expect(`${result.stdout}\n${result.stderr}`).not.toContain('hunter2');
    expect(existsSync(fake.calls)).toBe(false);
  });

  it('names every bad value at once', async () => {
    const fake = fakeDocker();
    const result = await runCli(['--image', 'acme/app', '--tag-length', '99', '--wait-timeout', 'soon'], {
      cwd: path.join(FIXTURES, 'service'),
      env: fake.env,
    });
    expect(result.exitCode, result.stderr).toBe(2);
    expect(result.stderr).toContain('error: --tag-length is "99"; expected a whole number from 4 to 40.');
    expect(result.stderr).toMatch(/^error: --wait-timeout /m);
    expect(result.stdout).toBe('');
    expect(existsSync(fake.calls)).toBe(false);
  });

  it('--help exits 0 listing the flags, without docker', async () => {
    const fake = fakeDocker();
    const result = await runCli(['--help'], { env: fake.env });
    expect(result.exitCode).toBe(0);
    expect(result.stdout).toMatch(/^Usage: build-test-deploy --image NAME/);
    expect(result.stdout).toMatch(/^ {2}--image VALUE +Repository name/m);
    expect(result.stdout).toContain('--deploy');
    expect(result.stdout).toContain('REGISTRY_PASSWORD');
    expect(result.stdout).not.toMatch(/--registry-password/);
    expect(result.stderr).toBe('');
    expect(existsSync(fake.calls)).toBe(false);
  });

  it('a context with uncommitted changes: --deploy is refused before docker is touched; without it, a warning', async () => {
    const fixture = gitFixture('service');
    writeFileSync(path.join(fixture.dir, 'not-committed.txt'), 'a change HEAD does not have\n');
    const refused = fakeDocker();
    const deploy = await runCli(['--image', `${namespace}/dirty`, '--deploy'], { cwd: fixture.dir, env: refused.env });
    expect(deploy.exitCode, deploy.stderr).toBe(2);
    expect(deploy.stderr).toMatch(/^error: --deploy: the context \. has 1 uncommitted change\(s\)/m);
    expect(existsSync(refused.calls)).toBe(false);

    const tried = fakeDocker();
    const local = await runCli(['--image', `${namespace}/dirty`], { cwd: fixture.dir, env: tried.env });
    expect(local.stderr).toMatch(/^warning: The context \. has 1 uncommitted change\(s\)/m);
    expect(readFileSync(tried.calls, 'utf8')).toMatch(/^docker /m); // it went on (into the fake docker)
  });

  it('with good flags the same fake docker is what the CLI calls (so the checks above can fail): exit 1', async () => {
    const fake = fakeDocker();
    const result = await runCli(['--image', `${namespace}/fake`, '--sha', randomSha()], {
      cwd: path.join(FIXTURES, 'service'),
      env: fake.env,
    });
    expect(result.exitCode, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^error: /m);
    expect(readFileSync(fake.calls, 'utf8')).toMatch(/^docker /m);
  });
});
