import { afterAll, describe, expect, inject, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { startFaultProxy } from '../harness/fault-proxy.mjs';
import { ROOT, runAction, runNode } from '../harness/run-action.mjs';
import {
  BASE_IMAGE,
  FIXTURES,
  docker,
  imageExists,
  randomId,
  randomSha,
  registryDigest,
  registryTags,
  removeRepositories,
  errorLine,
  usesContainerdStore,
  resolveActionDir,
  MANIFEST_ACCEPT_ALL,
} from './support.js';

// The resolve action and CLI, as users run them: the committed bundles (dist/resolve, dist/resolve-cli)
// against the real engine and the htpasswd registry. Nothing is run from the images resolved.

const registry = inject('registry');
const namespace = `e2e/resolve-${randomId()}`;
const repo = (name: string): { path: string; image: string } => ({
  path: `${namespace}/${name}`,
  image: `${registry.host}/${namespace}/${name}`,
});
const LABEL = 'org.opencontainers.image.revision';
const CLI = path.join(ROOT, 'dist', 'resolve-cli', 'index.js');
const scratch = mkdtempSync(path.join(tmpdir(), 'resolve-e2e-'));
const created: string[] = [];

afterAll(() => {
  removeRepositories(...created);
  rmSync(scratch, { recursive: true, force: true });
});

// ---------------------------------------------------------------------------------------------
// Running the CLI and the action

interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly values: Record<string, string>;
}

/** null: no credentials in the environment. */
type Credentials = { readonly username: string; readonly password: string } | null;

function cli(args: string[], credentials: Credentials = registry): CliResult {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('REGISTRY_')));
  if (credentials !== null)
    Object.assign(env, { REGISTRY_USERNAME: credentials.username, REGISTRY_PASSWORD: credentials.password });
  const result = spawnSync(process.execPath, [CLI, ...args], { env, encoding: 'utf8', cwd: scratch });
  const values = Object.fromEntries(
    result.stdout
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, values };
}

const actionDir = resolveActionDir(scratch);

async function resolveAction(inputs: Record<string, string>) {
  return runAction({ inputs, actionDir, post: false, cwd: scratch });
}

// ---------------------------------------------------------------------------------------------
// Images: built with docker, pushed with a throw-away docker config (the user's login is untouched)

function build(ref: string, dockerfile: string, withBusybox = false): string {
  const context = mkdtempSync(path.join(scratch, 'context-'));
  writeFileSync(path.join(context, 'Dockerfile'), dockerfile);
  if (withBusybox) copyFileSync('/bin/busybox', path.join(context, 'busybox'));
  execFileSync('docker', ['build', '--quiet', '--tag', ref, context], { stdio: ['ignore', 'ignore', 'pipe'] });
  created.push(ref.slice(0, ref.lastIndexOf(':')));
  return docker('image', 'inspect', '--format', '{{.Id}}', ref);
}

function push(ref: string): void {
  const config = mkdtempSync(path.join(scratch, 'docker-config-'));
  try {
    execFileSync(
      'docker',
      ['--config', config, 'login', '--username', registry.username, '--password-stdin', registry.host],
      { input: registry.password, stdio: ['pipe', 'ignore', 'pipe'] },
    );
    execFileSync('docker', ['--config', config, 'push', ref], { stdio: ['ignore', 'ignore', 'pipe'] });
  } finally {
    rmSync(config, { recursive: true, force: true });
  }
}

function removeLocal(ref: string): void {
  docker('image', 'rm', ref);
  expect(imageExists(ref)).toBe(false);
}

/** Containers created from the image (or images built on it), running or not. */
function containersFrom(imageId: string): string[] {
  return docker('ps', '--all', '--quiet', '--no-trunc', '--filter', `ancestor=${imageId}`)
    .split('\n')
    .filter((id) => id !== '');
}

/** Every container event (create, start, die, destroy, ...) of the image since `since` (unix seconds): also a `run --rm` long gone. */
function containerEventsOf(image: string, since: number): string[] {
  const until = String(Math.ceil(Date.now() / 1000) + 1);
  return docker(
    'events',
    '--since',
    String(since),
    '--until',
    until,
    '--filter',
    'type=container',
    '--filter',
    `image=${image}`,
    '--format',
    '{{.Action}} {{.Actor.ID}}',
  )
    .split('\n')
    .filter((line) => line !== '');
}

// ---------------------------------------------------------------------------------------------
// The registry API, to build what docker 20.10 cannot push: an OCI index

const basic = `Basic ${Buffer.from(`${registry.username}:${registry.password}`).toString('base64')}`;
const sha256 = (bytes: Uint8Array): string => `sha256:${createHash('sha256').update(bytes).digest('hex')}`;

/** Monolithic upload: POST for an upload URL, then one PUT with the bytes and their digest. */
async function uploadBlob(repositoryPath: string, bytes: Uint8Array): Promise<{ digest: string; size: number }> {
  const digest = sha256(bytes);
  const started = await fetch(`http://${registry.host}/v2/${repositoryPath}/blobs/uploads/`, {
    method: 'POST',
    headers: { authorization: basic },
  });
  expect(started.status).toBe(202);
  const upload = new URL(started.headers.get('location') ?? '', `http://${registry.host}`);
  upload.searchParams.set('digest', digest);
  const done = await fetch(upload, {
    method: 'PUT',
    headers: { authorization: basic, 'content-type': 'application/octet-stream' },
    body: bytes,
  });
  expect(done.status, await done.text()).toBe(201);
  return { digest, size: bytes.byteLength };
}

interface ManifestDescriptor {
  readonly digest: string;
  readonly size: number;
  readonly mediaType: string;
}

/** PUTs a manifest under a tag, or (no tag) under its own digest. */
async function putManifest(
  repositoryPath: string,
  tag: string | undefined,
  mediaType: string,
  manifest: unknown,
): Promise<ManifestDescriptor> {
  const bytes = new TextEncoder().encode(JSON.stringify(manifest));
  const response = await fetch(`http://${registry.host}/v2/${repositoryPath}/manifests/${tag ?? sha256(bytes)}`, {
    method: 'PUT',
    headers: { authorization: basic, 'content-type': mediaType },
    body: bytes,
  });
  expect(response.status, await response.text()).toBe(201);
  expect(response.headers.get('docker-content-digest')).toBe(sha256(bytes));
  return { digest: sha256(bytes), size: bytes.byteLength, mediaType };
}

/** An OCI image of one (empty) layer whose config holds `env`, stored by digest: its manifest and descriptor. */
async function ociImage(
  repositoryPath: string,
  architecture: string,
  env: string[],
): Promise<{ manifest: unknown; descriptor: ManifestDescriptor }> {
  const tar = Buffer.alloc(1024); // an empty tar: two zero blocks
  const layer = await uploadBlob(repositoryPath, gzipSync(tar));
  const config = await uploadBlob(
    repositoryPath,
    new TextEncoder().encode(
      JSON.stringify({
        architecture,
        os: 'linux',
        config: { Env: env, Entrypoint: ['/app'] },
        rootfs: { type: 'layers', diff_ids: [sha256(tar)] },
      }),
    ),
  );
  const manifest = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.manifest.v1+json',
    config: { mediaType: 'application/vnd.oci.image.config.v1+json', ...config },
    layers: [{ mediaType: 'application/vnd.oci.image.layer.v1.tar+gzip', ...layer }],
  };
  return { manifest, descriptor: await putManifest(repositoryPath, undefined, manifest.mediaType, manifest) };
}

async function putIndex(
  repositoryPath: string,
  tag: string,
  entries: { image: { descriptor: ManifestDescriptor }; architecture: string; variant?: string }[],
): Promise<ManifestDescriptor> {
  return putManifest(repositoryPath, tag, 'application/vnd.oci.image.index.v1+json', {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: entries.map(({ image, architecture, variant }) => ({
      ...image.descriptor,
      platform: { os: 'linux', architecture, ...(variant === undefined ? {} : { variant }) },
    })),
  });
}

/** What the registry itself says the tag's digest is (HEAD, accepting indexes too). */
async function headDigest(repositoryPath: string, tag: string): Promise<string | null> {
  const response = await fetch(`http://${registry.host}/v2/${repositoryPath}/manifests/${tag}`, {
    method: 'HEAD',
    headers: { authorization: basic, accept: MANIFEST_ACCEPT_ALL },
  });
  return response.status === 200 ? response.headers.get('docker-content-digest') : null;
}

// ---------------------------------------------------------------------------------------------

describe('resolve: which commit is :latest?', () => {
  it("an image the main action deployed: the registry's digest, sha and tag, after the local image is gone", async () => {
    const { path: repositoryPath, image } = repo('svc');
    created.push(image);
    const sha = randomSha();
    const deployed = await runAction({
      inputs: {
        image,
        context: path.join(FIXTURES, 'service'),
        sha,
        deploy: 'true',
        'registry-username': registry.username,
        'registry-password': registry.password,
      },
    });
    expect(deployed.main.exitCode, deployed.main.stdout).toBe(0);
    removeRepositories(image);
    expect(imageExists(`${image}:latest`)).toBe(false);
    const digest = await registryDigest(registry, repositoryPath, 'latest');
    expect(digest).toMatch(/^sha256:[0-9a-f]{64}$/);

    const run = await resolveAction({
      image,
      source: 'registry',
      'registry-username': registry.username,
      'registry-password': registry.password,
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    const hex = (digest ?? '').slice('sha256:'.length);
    expect(run.outputs).toEqual({
      sha,
      tag: sha.slice(0, 7),
      digest,
      'image-ref': `${image}:${sha.slice(0, 7)}`,
      source: 'registry',
      // The same as a set of one: the prefix from the image's last path component.
      env: `SVC_IMAGE=${image}\nSVC_SHA=${sha}\nSVC_TAG=${sha.slice(0, 7)}\nSVC_DIGEST=${hex}\nSVC_IMAGE_REF=${image}@${digest ?? ''}\n`,
      json: JSON.stringify([
        {
          prefix: 'SVC',
          image,
          tag: 'latest',
          sha,
          shortTag: sha.slice(0, 7),
          digest,
          imageRef: `${image}@${digest ?? ''}`,
          source: 'registry',
        },
      ]),
    });
    expect(run.outputs.digest).toBe(deployed.outputs.digest);
    expect(await registryTags(registry, repositoryPath)).toContain(run.outputs.tag); // image-ref names a tag the registry holds
    expect(run.summary).toContain(`<b>Resolved</b> <code>${image}:latest</code> → commit <code>${sha}</code>`);
    expect(run.main.stdout).toContain(`::add-mask::${registry.password}`);
    const everything = [
      run.main.stdout.replace(`::add-mask::${registry.password}`, ''),
      run.main.stderr,
      run.summary,
      JSON.stringify(run.outputs),
    ].join('\n');
    expect(everything).not.toContain(registry.password);
    expect(imageExists(`${image}:latest`)).toBe(false); // nothing was pulled

    // The CLI, auto: not local, so the registry; the same answer.
    const fromCli = cli([image]);
    expect(fromCli.status, fromCli.stderr).toBe(0);
    expect(fromCli.stderr).toBe('');
    expect(fromCli.stdout).toBe(
      `SHA=${sha}\nTAG=${sha.slice(0, 7)}\nDIGEST=${digest}\nIMAGE_REF=${image}:${sha.slice(0, 7)}\nSOURCE=registry\n`,
    );
  });

  it('an image with no shell and an ENTRYPOINT: local and registry both read it, and no container is ever created', async () => {
    const { path: repositoryPath, image } = repo('noshell');
    const sha = randomSha();
    const ref = `${image}:latest`;
    // Only a static binary, no /bin/sh: `docker run IMAGE sh -c 'echo $SHA'` cannot work on this image.
    const imageId = build(
      ref,
      `FROM scratch\nCOPY busybox /httpd\nENV SHA=${sha}\nENTRYPOINT ["/httpd", "-f", "-p", "8080"]\n`,
      true,
    );
    expect(docker('image', 'inspect', '--format', '{{json .Config.Entrypoint}}', ref)).toBe(
      '["/httpd","-f","-p","8080"]',
    );
    const before = containersFrom(imageId);
    expect(before).toEqual([]);
    const since = Math.floor(Date.now() / 1000) - 1;

    const local = cli([ref, '--source', 'local']);
    expect(local.status, local.stderr).toBe(0);
    expect(local.values).toEqual({
      SHA: sha,
      TAG: sha.slice(0, 7),
      DIGEST: '',
      IMAGE_REF: `${image}:${sha.slice(0, 7)}`,
      SOURCE: 'local',
    });
    expect(cli([ref, '--tag-length', '10']).values).toMatchObject({ SOURCE: 'local', TAG: sha.slice(0, 10) });
    const action = await resolveAction({ image, source: 'local' });
    expect(action.main.exitCode, action.main.stdout).toBe(0);
    expect(action.outputs).toEqual({
      sha,
      tag: sha.slice(0, 7),
      digest: '',
      'image-ref': `${image}:${sha.slice(0, 7)}`,
      source: 'local',
      // No digest: no DIGEST line, and the reference is the sha tag.
      env: `NOSHELL_IMAGE=${image}\nNOSHELL_SHA=${sha}\nNOSHELL_TAG=${sha.slice(0, 7)}\nNOSHELL_IMAGE_REF=${image}:${sha.slice(0, 7)}\n`,
      json: JSON.stringify([
        {
          prefix: 'NOSHELL',
          image,
          tag: 'latest',
          sha,
          shortTag: sha.slice(0, 7),
          digest: '',
          imageRef: `${image}:${sha.slice(0, 7)}`,
          source: 'local',
        },
      ]),
    });

    push(ref);
    const digest = await registryDigest(registry, repositoryPath, 'latest');
    // Pushed: on a graph driver the local image now has the registry's digest. The containerd store had its
    // own from the start, which says nothing of a registry: local gives none there.
    const pushedLocal = cli([ref, '--source', 'local']);
    expect(pushedLocal.values.DIGEST).toBe(usesContainerdStore() ? '' : digest);
    if (usesContainerdStore())
      expect(docker('image', 'inspect', '--format', '{{json .RepoDigests}}', ref)).toContain(digest);
    removeLocal(ref);
    const remote = cli([ref, '--source', 'registry']);
    expect(remote.status, remote.stderr).toBe(0);
    expect(remote.values).toEqual({
      SHA: sha,
      TAG: sha.slice(0, 7),
      DIGEST: digest,
      IMAGE_REF: `${image}:${sha.slice(0, 7)}`,
      SOURCE: 'registry',
    });
    expect(imageExists(ref)).toBe(false);
    expect(containersFrom(imageId)).toEqual(before);
    expect([...containerEventsOf(ref, since), ...containerEventsOf(imageId, since)]).toEqual([]);
  });

  it("an OCI index: reads its linux/amd64 image; the digest is the index's; the only entry of a one-entry index", async () => {
    const { path: repositoryPath, image } = repo('multi');
    const amdSha = randomSha();
    const armSha = randomSha();
    const arm = await ociImage(repositoryPath, 'arm64', ['PATH=/bin', `SHA=${armSha}`]);
    const amd = await ociImage(repositoryPath, 'amd64', ['PATH=/bin', `SHA=${amdSha}`]);
    const index = await putIndex(repositoryPath, 'latest', [
      { image: arm, architecture: 'arm64', variant: 'v8' },
      { image: amd, architecture: 'amd64' },
    ]);
    expect(await headDigest(repositoryPath, 'latest')).toBe(index.digest);

    const fromCli = cli([image]);
    expect(fromCli.status, fromCli.stderr).toBe(0);
    expect(fromCli.values).toEqual({
      SHA: amdSha,
      TAG: amdSha.slice(0, 7),
      DIGEST: index.digest,
      IMAGE_REF: `${image}:${amdSha.slice(0, 7)}`,
      SOURCE: 'registry',
    });
    const run = await resolveAction({
      image,
      'registry-username': registry.username,
      'registry-password': registry.password,
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    expect(run.outputs).toMatchObject({ sha: amdSha, digest: index.digest, source: 'registry' });
    expect(run.main.stdout).toContain(`it is an index: read its linux/amd64 image ${amd.descriptor.digest}`);

    const armOnly = await putIndex(repositoryPath, 'arm-only', [{ image: arm, architecture: 'arm64', variant: 'v8' }]);
    expect(cli([`${image}:arm-only`, '--source', 'registry']).values).toMatchObject({
      SHA: armSha,
      DIGEST: armOnly.digest,
    });

    // An OCI image manifest tagged directly, without an index.
    const amdOnly = await putManifest(repositoryPath, 'amd-only', amd.descriptor.mediaType, amd.manifest);
    expect(amdOnly.digest).toBe(amd.descriptor.digest);
    expect(cli([`${image}:amd-only`, '--source', 'registry']).values).toMatchObject({
      SHA: amdSha,
      DIGEST: amd.descriptor.digest,
    });

    const s390x = await ociImage(repositoryPath, 's390x', [`SHA=${randomSha()}`]);
    await putIndex(repositoryPath, 'no-amd64', [
      { image: arm, architecture: 'arm64', variant: 'v8' },
      { image: s390x, architecture: 's390x' },
    ]);
    const none = cli([`${image}:no-amd64`]);
    expect(none.status).toBe(1);
    expect(none.stderr).toBe(
      `resolve: Could not resolve ${image}:no-amd64: The index has no linux/amd64 image; its entries are linux/arm64/v8, linux/s390x. It is not in the local image store either.\n`,
    );
  });

  it('an index with BuildKit attestations: never read; platform picks another image; two manifest GETs and one blob GET', async () => {
    const { path: repositoryPath, image } = repo('attested');
    const amdSha = randomSha();
    const armSha = randomSha();
    const amd = await ociImage(repositoryPath, 'amd64', [`SHA=${amdSha}`]);
    const arm = await ociImage(repositoryPath, 'arm64', [`SHA=${armSha}`]);
    // What BuildKit adds to an index for provenance: a manifest for platform unknown/unknown, annotated.
    const statement = await uploadBlob(
      repositoryPath,
      new TextEncoder().encode('{"_type":"https://in-toto.io/Statement/v0.1"}'),
    );
    const attestation = await putManifest(repositoryPath, undefined, 'application/vnd.oci.image.manifest.v1+json', {
      schemaVersion: 2,
      mediaType: 'application/vnd.oci.image.manifest.v1+json',
      config: {
        mediaType: 'application/vnd.oci.image.config.v1+json',
        ...(await uploadBlob(repositoryPath, new TextEncoder().encode('{}'))),
      },
      layers: [{ mediaType: 'application/vnd.in-toto+json', ...statement }],
    });
    const attestationEntry = (of: ManifestDescriptor) => ({
      ...attestation,
      platform: { os: 'unknown', architecture: 'unknown' },
      annotations: { 'vnd.docker.reference.type': 'attestation-manifest', 'vnd.docker.reference.digest': of.digest },
    });
    const putAttested = (tag: string, entries: unknown[]) =>
      putManifest(repositoryPath, tag, 'application/vnd.oci.image.index.v1+json', {
        schemaVersion: 2,
        mediaType: 'application/vnd.oci.image.index.v1+json',
        manifests: entries,
      });
    const index = await putAttested('latest', [
      attestationEntry(amd.descriptor),
      { ...amd.descriptor, platform: { os: 'linux', architecture: 'amd64' } },
      { ...arm.descriptor, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
      attestationEntry(arm.descriptor),
    ]);

    // Through a proxy that counts: the /v2/ challenge, the index, the runner's image, its config; nothing more.
    const proxy = await startFaultProxy({ target: registry.host, faults: 0 });
    try {
      const proxied = `${proxy.host}/${repositoryPath}`;
      // Not cli(): the proxy answers from this process, which a spawnSync would block.
      const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('REGISTRY_')));
      const counted = await runNode(
        CLI,
        { ...env, REGISTRY_USERNAME: registry.username, REGISTRY_PASSWORD: registry.password },
        scratch,
        false,
        undefined,
        { args: [proxied, '--source', 'registry'] },
      );
      expect(counted.exitCode, counted.stderr).toBe(0);
      expect(counted.stdout).toContain(`SHA=${amdSha}\n`);
      expect(counted.stdout).toContain(`DIGEST=${index.digest}\n`);
      const amdConfig = (amd.manifest as { config: { digest: string } }).config.digest;
      expect(proxy.requests()).toEqual([
        'GET /v2/',
        `GET /v2/${repositoryPath}/manifests/latest`,
        `GET /v2/${repositoryPath}/manifests/${amd.descriptor.digest}`,
        `GET /v2/${repositoryPath}/blobs/${amdConfig}`,
      ]);
    } finally {
      await proxy.stop();
    }

    expect(cli([image, '--platform', 'linux/arm64']).values).toMatchObject({ SHA: armSha, DIGEST: index.digest });
    expect(cli([image, '--platform', 'linux/arm64/v8']).values).toMatchObject({ SHA: armSha });
    const action = await resolveAction({
      image,
      platform: 'linux/arm64',
      'registry-username': registry.username,
      'registry-password': registry.password,
    });
    expect(action.main.exitCode, action.main.stdout).toBe(0);
    expect(action.outputs).toMatchObject({ sha: armSha, digest: index.digest });

    // The only image of an index beside its attestation is read, whatever the platform: never the attestation.
    const armOnly = await putAttested('arm-only', [
      attestationEntry(arm.descriptor),
      { ...arm.descriptor, platform: { os: 'linux', architecture: 'arm64', variant: 'v8' } },
    ]);
    expect(cli([`${image}:arm-only`]).values).toMatchObject({ SHA: armSha, DIGEST: armOnly.digest });
    await putAttested('attestations-only', [attestationEntry(arm.descriptor)]);
    expect(cli([`${image}:attestations-only`]).stderr).toContain('The index lists only attestations, no image.');
    const bad = cli([image, '--platform', 'arm64']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toBe(
      'resolve: --platform is "arm64"; expected os/architecture[/variant], e.g. linux/amd64 or linux/arm/v7.\n',
    );
  });

  it('a missing tag or repository: a clear error naming the image and the tag', async () => {
    const { image } = repo('noshell');
    const missing = cli([`${image}:nope`, '--source', 'registry']);
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe('');
    expect(missing.stderr).toBe(
      `resolve: Could not resolve ${image}:nope: The registry ${registry.host} has no tag "nope" in ${namespace}/noshell (MANIFEST_UNKNOWN: manifest unknown).\n`,
    );
    expect(cli([`${image}:nope`]).stderr).toMatch(
      /has no tag "nope" .* It is not in the local image store either\.\n$/,
    );
    expect(cli([`${image}:nope`, '--source', 'local']).stderr).toBe(
      `resolve: ${image}:nope is not in the local image store (source: local); use source auto or registry to read the registry instead.\n`,
    );
    // distribution 2.8 says MANIFEST_UNKNOWN for a repository it never saw, too.
    expect(cli([`${registry.host}/${namespace}/never-pushed`]).stderr).toBe(
      `resolve: Could not resolve ${registry.host}/${namespace}/never-pushed:latest: The registry ${registry.host} has no tag "latest" in ${namespace}/never-pushed (MANIFEST_UNKNOWN: manifest unknown). It is not in the local image store either.\n`,
    );

    const run = await resolveAction({
      image,
      tag: 'nope',
      'registry-username': registry.username,
      'registry-password': registry.password,
    });
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toBe(
      `::error::Could not resolve ${image}:nope: The registry ${registry.host} has no tag "nope" in ${namespace}/noshell (MANIFEST_UNKNOWN: manifest unknown). It is not in the local image store either.`,
    );
    expect(run.outputs).toEqual({});
    expect(run.summary).toContain('<b>Resolve failed:</b> Could not resolve');
  });

  it('falls back to the revision label when the env var is absent or holds no sha; neither: a clear error', async () => {
    const { path: repositoryPath, image } = repo('labelled');
    const sha = randomSha();
    build(`${image}:label-only`, `FROM ${BASE_IMAGE}\nLABEL ${LABEL}=${sha}\n`);
    build(`${image}:env-dev`, `FROM ${BASE_IMAGE}\nENV SHA=dev\nLABEL ${LABEL}=${sha}\n`);
    build(`${image}:neither`, `FROM ${BASE_IMAGE}\nENV SHA=declared-in-dockerfile\nLABEL e2e.none=1\n`);

    const labelOnly = cli([`${image}:label-only`, '--source', 'local']);
    expect(labelOnly.status, labelOnly.stderr).toBe(0);
    expect(labelOnly.values).toMatchObject({ SHA: sha, TAG: sha.slice(0, 7) });
    expect(labelOnly.stderr).toBe(''); // a label-only image is normal: no warning

    const envDev = cli([`${image}:env-dev`]);
    expect(envDev.values).toMatchObject({ SHA: sha, SOURCE: 'local' });
    expect(envDev.stderr).toBe(
      `resolve: warning: ${image}:env-dev: env SHA is "dev", not a commit sha; the commit comes from its label ${LABEL}.\n`,
    );

    // From the registry too: the label is in the config blob.
    push(`${image}:label-only`);
    removeLocal(`${image}:label-only`);
    expect(cli([`${image}:label-only`]).values).toMatchObject({
      SHA: sha,
      SOURCE: 'registry',
      DIGEST: await registryDigest(registry, repositoryPath, 'label-only'),
    });

    const neither = cli([`${image}:neither`, '--sha-env', 'GIT_SHA']);
    expect(neither.status).toBe(1);
    expect(neither.stdout).toBe('');
    expect(neither.stderr).toBe(
      `resolve: ${image}:neither carries no commit sha: env GIT_SHA is missing and label ${LABEL} is missing; expected a full commit sha (40 or 64 lowercase hex characters) in either.\n`,
    );
    const run = await resolveAction({ image, tag: 'neither' });
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toBe(
      `::error::${image}:neither carries no commit sha: env SHA is "declared-in-dockerfile" and label ${LABEL} is missing; expected a full commit sha (40 or 64 lowercase hex characters) in either.`,
    );
  });

  it('wrong credentials: the error says the registry refused them, and never shows the password', async () => {
    const { image } = repo('noshell');
    const wrong = { username: registry.username, password: `wrong-${randomId()}` };
    const refused = cli([image, '--source', 'registry'], wrong);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(
      `resolve: Could not resolve ${image}:latest: The registry ${registry.host} refused the credentials of user "${registry.username}" for ${namespace}/noshell (HTTP 401).\n`,
    );
    expect(refused.stderr).not.toContain(wrong.password);

    const anonymous = cli([image, '--source', 'registry'], null);
    expect(anonymous.stderr).toBe(
      `resolve: Could not resolve ${image}:latest: The registry ${registry.host} requires credentials to read ${namespace}/noshell (HTTP 401), and none were given.\n`,
    );

    const run = await resolveAction({
      image,
      source: 'registry',
      'registry-username': wrong.username,
      'registry-password': wrong.password,
    });
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toContain(`refused the credentials of user "${registry.username}"`);
    expect(run.main.stdout).toContain(`::add-mask::${wrong.password}`);
    expect([run.main.stdout.replace(`::add-mask::${wrong.password}`, ''), run.summary].join('\n')).not.toContain(
      wrong.password,
    );
  });

  it('bad inputs are named before docker or the registry is asked', async () => {
    const run = await resolveAction({ image: 'Acme/App:v1', source: 'pull', 'tag-length': '2' });
    expect(run.main.exitCode).toBe(1);
    const error = errorLine(run.main.stdout);
    for (const input of ['image', 'source', 'tag-length']) expect(error).toContain(`Input '${input}'`);
    const usage = cli(['acme/app', '--password', 'hunter2']);
    expect(usage.status).toBe(1);
    expect(usage.stderr).toBe(
      'resolve: --password is not an option: credentials are read from REGISTRY_USERNAME and REGISTRY_PASSWORD in the environment only, never from arguments.\n',
    );
  });
});
