import { execFileSync, spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { BASE_IMAGE } from '../harness/base-image.mjs';

export { BASE_IMAGE };
import { ROOT } from '../harness/run-action.mjs';
import { freePort } from '../harness/registry.mjs';

export const FIXTURES = path.join(ROOT, '__tests__', 'fixtures');

/** The step's one-line error (`::error::…`), or ''. */
export function errorLine(stdout: string): string {
  return stdout.split('\n').find((line) => line.startsWith('::error::')) ?? '';
}

/** The registries docker login left credentials for in `dir`/config.json (DOCKER_CONFIG, else ~/.docker). */
export function dockerConfigAuths(dir = process.env.DOCKER_CONFIG ?? path.join(homedir(), '.docker')): string[] {
  const file = path.join(dir, 'config.json');
  return existsSync(file)
    ? Object.keys((JSON.parse(readFileSync(file, 'utf8')) as { auths?: object }).auths ?? {})
    : [];
}

export interface RegistryInfo {
  readonly host: string;
  readonly username: string;
  readonly password: string;
  /** The registry's filesystem storage: a test can take a tag away behind its back. */
  readonly storage: string;
}

export function docker(...args: string[]): string {
  return execFileSync('docker', args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }).trim();
}

/**
 * A new, empty DOCKER_CONFIG folder, as docker/login-action makes one; with the engine profile's buildx in its
 * cli-plugins where the profile has one (on runners buildx sits in a system folder every config sees), or with
 * the `buildx` binary given, or none (false).
 */
export function freshDockerConfig({ buildx }: { buildx?: string | false } = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'docker-config-'));
  const plugins = process.env.ENGINE_CLI_PLUGINS;
  const binary = buildx ?? (plugins !== undefined && plugins !== '' ? path.join(plugins, 'docker-buildx') : false);
  if (binary !== false) {
    mkdirSync(path.join(dir, 'cli-plugins'));
    symlinkSync(binary, path.join(dir, 'cli-plugins', 'docker-buildx'));
  }
  return dir;
}

let containerdStore: boolean | undefined;

/** The engine keeps images in the containerd image store (ids and RepoDigests are manifest digests), not a graph driver. */
export function usesContainerdStore(): boolean {
  containerdStore ??= docker('info', '--format', '{{json .DriverStatus}}').includes('io.containerd.snapshotter.v1');
  return containerdStore;
}

export function dockerOk(...args: string[]): boolean {
  try {
    docker(...args);
    return true;
  } catch {
    return false;
  }
}

export function randomId(): string {
  return Math.random().toString(36).slice(2, 8);
}

export function randomSha(): string {
  return Array.from({ length: 40 }, () => '0123456789abcdef'[Math.floor(Math.random() * 16)]).join('');
}

/** Tags a new image (its own id, not shared with any other test image) as `ref`. */
export function distinctImage(ref: string): string {
  execFileSync('docker', ['build', '--quiet', '--tag', ref, '-'], {
    input: `FROM ${BASE_IMAGE}\nLABEL e2e.distinct=${randomId()}\n`,
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  return docker('image', 'inspect', '--format', '{{.Id}}', ref);
}

/**
 * Builds an image holding `bytes` random bytes of its own, tagged `ref` (or untagged: dangling) with `labels`.
 * @returns its id
 */
export function imageWithBytes(ref: string | undefined, bytes: number, labels: Record<string, string> = {}): string {
  const iidFile = path.join(mkdtempSync(path.join(tmpdir(), 'iid-')), 'iid');
  execFileSync(
    'docker',
    [
      'build',
      '--quiet',
      '--iidfile',
      iidFile,
      ...(ref === undefined ? [] : ['--tag', ref]),
      ...Object.entries(labels).flatMap(([key, value]) => ['--label', `${key}=${value}`]),
      '-',
    ],
    {
      input: `FROM ${BASE_IMAGE}\nRUN head -c ${bytes} /dev/urandom > /blob-${randomId()}\n`,
      stdio: ['pipe', 'ignore', 'pipe'],
    },
  );
  return readFileSync(iidFile, 'utf8').trim();
}

export function imageId(ref: string): string {
  return docker('image', 'inspect', '--format', '{{.Id}}', ref);
}

export function imageExists(ref: string): boolean {
  return dockerOk('image', 'inspect', ref);
}

export function localTags(repository: string): string[] {
  return docker('image', 'ls', '--format', '{{.Tag}}', repository)
    .split('\n')
    .filter((tag) => tag !== '')
    .sort();
}

/** Removes every local tag of the repositories (test clean-up). */
export function removeRepositories(...repositories: string[]): void {
  for (const repository of repositories) {
    const refs = docker('image', 'ls', '--format', '{{.Repository}}:{{.Tag}}', repository)
      .split('\n')
      .filter((ref) => ref !== '');
    if (refs.length > 0) dockerOk('image', 'rm', '--force', ...refs);
  }
}

/** Containers (running or not) whose name starts with `prefix`. */
export function containersNamed(prefix: string): string[] {
  return docker('container', 'ls', '--all', '--format', '{{.Names}}')
    .split('\n')
    .filter((name) => name.startsWith(prefix));
}

/** A copy of a fixture in its own git work tree with one commit; returns the directory and the commit. */
export function gitFixture(name: string): { dir: string; sha: string; committed: string } {
  const dir = mkdtempSync(path.join(tmpdir(), `fixture-${name}-`));
  cpSync(path.join(FIXTURES, name), dir, { recursive: true });
  const git = (...args: string[]): string => execFileSync('git', ['-C', dir, ...args], { encoding: 'utf8' }).trim();
  git('init', '--quiet');
  git('add', '.');
  git(
    '-c',
    'user.name=e2e',
    '-c',
    'user.email=e2e@example.invalid',
    'commit',
    '--quiet',
    '--message',
    'fixture',
    '--date',
    '2026-01-02T03:04:05Z',
  );
  return { dir, sha: git('rev-parse', 'HEAD'), committed: git('log', '-1', '--format=%cI') };
}

function basicAuth(registry: RegistryInfo): string {
  return `Basic ${Buffer.from(`${registry.username}:${registry.password}`).toString('base64')}`;
}

/** Every manifest a registry may hold for a tag: an index too, which the containerd image store pushes. */
export const MANIFEST_ACCEPT_ALL = [
  'application/vnd.docker.distribution.manifest.v2+json',
  'application/vnd.oci.image.manifest.v1+json',
  'application/vnd.docker.distribution.manifest.list.v2+json',
  'application/vnd.oci.image.index.v1+json',
].join(', ');

/** The registry's own digest for a tag (Docker-Content-Digest of the manifest), or undefined if it has none. */
export async function registryDigest(
  registry: RegistryInfo,
  repositoryPath: string,
  tag: string,
): Promise<string | undefined> {
  const response = await fetch(`http://${registry.host}/v2/${repositoryPath}/manifests/${tag}`, {
    method: 'HEAD',
    headers: {
      authorization: basicAuth(registry),
      accept: MANIFEST_ACCEPT_ALL,
    },
  });
  return response.status === 200 ? (response.headers.get('docker-content-digest') ?? undefined) : undefined;
}

/** A tag's manifest as the registry serves it to a client that accepts every kind: digest, media type, body. */
export async function registryManifest(
  registry: RegistryInfo,
  repositoryPath: string,
  tag: string,
): Promise<{ digest: string; mediaType: string; body: Record<string, unknown> }> {
  const response = await fetch(`http://${registry.host}/v2/${repositoryPath}/manifests/${tag}`, {
    headers: { authorization: basicAuth(registry), accept: MANIFEST_ACCEPT_ALL },
  });
  if (response.status !== 200) throw new Error(`GET manifest ${repositoryPath}:${tag}: HTTP ${response.status}`);
  return {
    digest: response.headers.get('docker-content-digest') ?? '',
    mediaType: response.headers.get('content-type') ?? '',
    body: (await response.json()) as Record<string, unknown>,
  };
}

export async function registryTags(registry: RegistryInfo, repositoryPath: string): Promise<string[]> {
  const response = await fetch(`http://${registry.host}/v2/${repositoryPath}/tags/list`, {
    headers: { authorization: basicAuth(registry) },
  });
  if (response.status === 404) return [];
  const body = (await response.json()) as { tags: string[] | null };
  return (body.tags ?? []).sort();
}

/**
 * An action directory as the runner sees `uses: owner/repo/resolve@v1`: resolve/action.yml, and its `runs.main`
 * resolved against resolve/ (the harness runs <actionDir>/dist/index.js, so that is a link to it), in `parent`.
 */
export function resolveActionDir(parent: string = tmpdir()): string {
  const actionYml = path.join(ROOT, 'resolve', 'action.yml');
  const main = (parse(readFileSync(actionYml, 'utf8')) as { runs: { main: string } }).runs.main;
  const dir = mkdtempSync(path.join(parent, 'resolve-action-'));
  mkdirSync(path.join(dir, 'dist'));
  symlinkSync(actionYml, path.join(dir, 'action.yml'));
  symlinkSync(path.resolve(ROOT, 'resolve', main), path.join(dir, 'dist', 'index.js'));
  return dir;
}

/**
 * The engine this process talks to, also at tcp://127.0.0.1:PORT (netns-relay.mjs piping each connection to its
 * unix socket): the same engine as a remote one is reached, which the docker CLI alone speaks to.
 */
export async function engineOverTcp(): Promise<{ host: string; stop: () => Promise<void> }> {
  const socket = (process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock').replace(/^unix:\/\//, '');
  const port = await freePort();
  const relay = spawn(
    process.execPath,
    [path.join(ROOT, '__tests__', 'harness', 'netns-relay.mjs'), String(port), socket],
    {
      stdio: ['pipe', 'pipe', 'pipe'],
    },
  );
  const stop = async (): Promise<void> => {
    relay.stdin.end(); // its cue to exit
    if (relay.exitCode === null && relay.signalCode === null)
      await new Promise((resolve) => relay.once('exit', resolve));
  };
  await new Promise((resolve, reject) => {
    relay.stdout.once('data', resolve);
    relay.once('exit', (code) => reject(new Error(`the relay to ${socket} exited (${code})`)));
  });
  return { host: `tcp://127.0.0.1:${port}`, stop };
}
