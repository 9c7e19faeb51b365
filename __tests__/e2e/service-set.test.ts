import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT, runAction } from '../harness/run-action.mjs';
import {
  FIXTURES,
  errorLine,
  freshDockerConfig,
  localTags,
  randomId,
  randomSha,
  registryDigest,
  removeRepositories,
  resolveActionDir,
} from './support.js';

// A system of services upgraded as one: three services deployed by the main action, each leaving its record
// in one env file; the set resolved from the registry by the resolve action and CLI (the committed bundles);
// compose runs exactly its digests. On every engine profile: the compose plugin is the profile's.

const registry = inject('registry');
const namespace = `e2e/set-${randomId()}`;
const SERVICES = ['runner', 'web-app', 'saver'] as const;
const imageOf = (name: string): string => `${registry.host}/${namespace}/${name}`;
const workspace = mkdtempSync(path.join(tmpdir(), 'set-e2e-'));
const RESOLVE_CLI = path.join(ROOT, 'dist', 'resolve-cli', 'index.js');

interface Deployed {
  readonly image: string;
  readonly prefix: string;
  readonly sha: string;
  readonly tag: string;
  readonly digest: string;
}
const deployed: Deployed[] = [];

afterAll(() => {
  removeRepositories(...SERVICES.map(imageOf), imageOf('other'), imageOf('refused'));
  rmSync(workspace, { recursive: true, force: true });
});

function deploy(image: string, sha: string, extra: Record<string, string> = {}) {
  return runAction({
    cwd: workspace,
    inputs: {
      image,
      context: path.join(FIXTURES, 'service'),
      sha,
      deploy: 'true',
      'env-file': 'release/services.env',
      'test-command': 'wget -q -O - http://127.0.0.1:8080/ | grep -q "from the service"',
      'registry-username': registry.username,
      'registry-password': registry.password,
      ...extra,
    },
  });
}

async function resolveSetAction(inputs: Record<string, string>) {
  return runAction({
    inputs: {
      'registry-username': registry.username,
      'registry-password': registry.password,
      ...inputs,
    },
    actionDir: resolveActionDir(workspace),
    post: false,
    cwd: workspace,
  });
}

/** `dockerConfig`: no REGISTRY_* variables, the credentials an earlier `docker login` stored there instead. */
function resolveCli(args: string[], input?: string, dockerConfig?: string) {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('REGISTRY_')));
  return spawnSync(process.execPath, [RESOLVE_CLI, ...args], {
    env:
      dockerConfig === undefined
        ? { ...env, REGISTRY_USERNAME: registry.username, REGISTRY_PASSWORD: registry.password }
        : { ...env, DOCKER_CONFIG: dockerConfig },
    encoding: 'utf8',
    cwd: workspace,
    ...(input === undefined ? {} : { input }),
  });
}

/** The lines of a service's group, as the docs promise them. */
function groupOf(service: Deployed): string[] {
  const hex = service.digest.slice('sha256:'.length);
  return [
    `${service.prefix}_IMAGE=${service.image}`,
    `${service.prefix}_SHA=${service.sha}`,
    `${service.prefix}_TAG=${service.tag}`,
    `${service.prefix}_DIGEST=${hex}`,
    `${service.prefix}_IMAGE_REF=${service.image}@${service.digest}`,
  ];
}

const setLines = (): string =>
  [imageOf('runner'), `# the web front end`, `${imageOf('web-app')}:latest`, `SAVER=${imageOf('saver')}`].join('\n');

describe('a consistent set of tags across services', () => {
  beforeAll(async () => {
    for (const [index, name] of SERVICES.entries()) {
      const image = imageOf(name);
      const sha = randomSha();
      const run = await deploy(image, sha);
      expect(run.main.exitCode, run.main.stdout).toBe(0);
      const digest = await registryDigest(registry, `${namespace}/${name}`, sha.slice(0, 7));
      expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      const prefix = ['RUNNER', 'WEB_APP', 'SAVER'][index] ?? '';
      deployed.push({ image, prefix, sha, tag: sha.slice(0, 7), digest: digest ?? '' });
      // Each run's own record, as its env output.
      expect(run.outputs.env?.split('\n')).toEqual(groupOf(deployed[index] as Deployed));
    }
  });

  it('the main action: the three runs add up to one env file, a group each; a re-run replaces its own group', async () => {
    const file = path.join(workspace, 'release', 'services.env');
    expect(readFileSync(file, 'utf8')).toBe(`${deployed.flatMap(groupOf).join('\n')}\n`);

    // The same service again, a new commit: its group moves to the end, with the new record.
    const runner = deployed[0] as Deployed;
    const sha = randomSha();
    const again = await deploy(runner.image, sha);
    expect(again.main.exitCode, again.main.stdout).toBe(0);
    const digest = (await registryDigest(registry, `${namespace}/runner`, sha.slice(0, 7))) ?? '';
    deployed[0] = { ...runner, sha, tag: sha.slice(0, 7), digest };
    const [first, ...rest] = deployed as [Deployed, ...Deployed[]];
    expect(readFileSync(file, 'utf8')).toBe(`${[...rest, first].flatMap(groupOf).join('\n')}\n`);
    deployed.splice(0, deployed.length, ...rest, first);
  });

  it('the main action refuses, before anything is touched, a second image under a prefix the env file has', async () => {
    const refused = imageOf('refused');
    const run = await deploy(refused, randomSha(), { 'env-prefix': 'RUNNER' });
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toContain(
      `Input 'env-file' ${path.join(workspace, 'release', 'services.env')} has RUNNER_IMAGE=${imageOf('runner')} already, another image under the same prefix; expected an env-prefix of its own for ${refused}.`,
    );
    expect(run.main.stdout).not.toContain('::group::Build');
    expect(localTags(refused)).toEqual([]);
    expect(run.outputs.env ?? '').toBe('');
  });

  it('resolves the set from the registry without pulling: env (what the deploys recorded), json, summary; compose runs its digests', async () => {
    removeRepositories(...SERVICES.map(imageOf));
    for (const name of SERVICES) expect(localTags(imageOf(name))).toEqual([]);
    const ordered = ['runner', 'web-app', 'saver'].map((name) => deployed.find((d) => d.image === imageOf(name)));

    const run = await resolveSetAction({ images: setLines() });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    expect(run.outputs.env).toBe(`${ordered.flatMap((service) => groupOf(service as Deployed)).join('\n')}\n`);
    expect(JSON.parse(run.outputs.json ?? '')).toEqual(
      ordered.map((service) => ({
        prefix: service?.prefix,
        image: service?.image,
        tag: 'latest',
        sha: service?.sha,
        shortTag: service?.tag,
        digest: service?.digest,
        imageRef: `${service?.image}@${service?.digest}`,
        source: 'registry',
      })),
    );
    for (const service of ordered) expect(run.summary).toContain(`${service?.image}@${service?.digest}`);
    expect(run.outputs.sha ?? '').toBe(''); // the single-image outputs are for `image`
    // Nothing was pulled.
    for (const name of SERVICES) expect(localTags(imageOf(name))).toEqual([]);

    // The CLI, from stdin into an env file, with the credentials of an earlier docker login: the same lines.
    const loggedIn = freshDockerConfig();
    execFileSync(
      'docker',
      ['--config', loggedIn, 'login', '--username', registry.username, '--password-stdin', registry.host],
      {
        input: registry.password,
        stdio: ['pipe', 'ignore', 'pipe'],
      },
    );
    const cli = resolveCli(['--images', '-', '--env-output', 'set.env'], setLines(), loggedIn);
    expect(cli.status, cli.stderr).toBe(0);
    expect(cli.stdout).toBe('');
    const envFile = path.join(workspace, 'set.env');
    expect(readFileSync(envFile, 'utf8')).toBe(run.outputs.env);

    // compose reads it: every service runs exactly the digest of the set.
    writeFileSync(
      path.join(workspace, 'compose.yaml'),
      [
        'services:',
        '  runner:',
        '    image: ${RUNNER_IMAGE_REF}',
        '  web:',
        '    image: ${WEB_APP_IMAGE_REF}',
        '  saver:',
        '    image: ${SAVER_IMAGE_REF}',
        '    environment:',
        '      RUNNER_COMMIT: ${RUNNER_SHA}',
        '',
      ].join('\n'),
    );
    const config = JSON.parse(
      execFileSync(
        'docker',
        ['compose', '--project-directory', workspace, '--env-file', envFile, 'config', '--format', 'json'],
        { encoding: 'utf8', cwd: workspace },
      ),
    ) as { services: Record<string, { image: string; environment?: Record<string, string> }> };
    const [runner, web, saver] = ordered as [Deployed, Deployed, Deployed];
    expect(config.services.runner?.image).toBe(`${runner.image}@${runner.digest}`);
    expect(config.services.web?.image).toBe(`${web.image}@${web.digest}`);
    expect(config.services.saver?.image).toBe(`${saver.image}@${saver.digest}`);
    expect(config.services.saver?.environment?.RUNNER_COMMIT).toBe(runner.sha);
    // And a shell: `set -a; . ./set.env`.
    const shell = execFileSync('sh', ['-c', 'set -a; . ./set.env; echo "$WEB_APP_IMAGE_REF $SAVER_TAG"'], {
      cwd: workspace,
      encoding: 'utf8',
    });
    expect(shell.trim()).toBe(`${web.image}@${web.digest} ${saver.tag}`);
  });

  it('a :latest whose sha tag was deleted from the registry fails check-pairs, naming that service; nothing is written', async () => {
    const web = deployed.find((d) => d.image === imageOf('web-app')) as Deployed;
    // What a tag deletion does in the registry's storage: the tag goes, the manifest and :latest stay.
    const tags = path.join(registry.storage, 'docker/registry/v2/repositories', namespace, 'web-app/_manifests/tags');
    expect(existsSync(path.join(tags, web.tag))).toBe(true);
    rmSync(path.join(tags, web.tag), { recursive: true });
    expect(await registryDigest(registry, `${namespace}/web-app`, web.tag)).toBeUndefined();

    const run = await resolveSetAction({ images: setLines() });
    expect(run.main.exitCode).toBe(1);
    const error = errorLine(run.main.stdout);
    expect(error).toContain('The set is not consistent: 1 of 3 images did not resolve as a pair.');
    expect(error).toContain(
      `line 3 (WEB_APP=${web.image}:latest): ${web.image}:latest is commit ${web.sha}, but the registry has no ${web.image}:${web.tag}`,
    );
    expect(error).not.toContain('RUNNER=');
    expect(run.outputs.env ?? '').toBe('');

    const cli = resolveCli(['--images', '-', '--env-output', 'broken.env'], setLines());
    expect(cli.status).toBe(1);
    expect(cli.stderr).toContain(`line 3 (WEB_APP=${web.image}:latest)`);
    expect(existsSync(path.join(workspace, 'broken.env'))).toBe(false);

    // Without the check the set resolves: :latest alone is still what it was.
    const unchecked = await resolveSetAction({ images: setLines(), 'check-pairs': 'false' });
    expect(unchecked.main.exitCode, unchecked.main.stdout).toBe(0);
    expect(unchecked.outputs.env).toContain(`WEB_APP_IMAGE_REF=${web.image}@${web.digest}`);
  });

  it('a missing image names its line; a set that names a prefix twice is refused before any request', async () => {
    const missing = await resolveSetAction({ images: `${setLines()}\nGHOST=${imageOf('ghost')}:v1` });
    expect(missing.main.exitCode).toBe(1);
    expect(errorLine(missing.main.stdout)).toContain(
      `line 5 (GHOST=${imageOf('ghost')}:v1): Could not resolve ${imageOf('ghost')}:v1: The registry ${registry.host} has no tag "v1" in ${namespace}/ghost`,
    );

    // A registry that nothing answers on: a request would say it could not reach it.
    const cli = resolveCli(
      ['--images', '-'],
      ['A=127.0.0.1:9/x/one', 'A=127.0.0.1:9/x/two', '127.0.0.1:9/x/one:v2'].join('\n'),
    );
    expect(cli.status).toBe(1);
    expect(cli.stderr.trim()).toBe(
      'resolve: --images line 2 has the prefix A of line 1; expected a prefix of its own; line 3 names 127.0.0.1:9/x/one, as line 1 does; expected each image once.',
    );
  });
});
