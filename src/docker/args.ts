// Pure argv builders for the docker calls docker-engine.ts makes (the two builds: build-args.ts); cli.ts runs them.
import type { KeyValue } from '../shared/vocabulary.js';

const JSON_FORMAT = '{{json .}}';

/**
 * The engine's version and image store, and the CLI's plugins (buildx among them), in one call: `docker info`
 * asks every plugin for its metadata anyway.
 */
export function engineInfoArgs(): string[] {
  return [
    'info',
    '--format',
    '{"server":{{json .ServerVersion}},"driver":{{json .Driver}},"status":{{json .DriverStatus}},"plugins":{{json .ClientInfo.Plugins}}}',
  ];
}

/** The engine's storage driver and its status pairs (`driver-type` names the containerd image store). */
export function engineStoreArgs(): string[] {
  return ['info', '--format', '{"driver":{{json .Driver}},"status":{{json .DriverStatus}}}'];
}

/** A buildx builder ('' for the current one): its `Driver:` line says which driver it has. */
export function buildxInspectArgs(builder: string): string[] {
  return ['buildx', 'inspect', ...(builder === '' ? [] : [builder])];
}

/** Pulls an image quietly (the cache source of a classic build). */
export function pullArgs(ref: string): string[] {
  return ['pull', '--quiet', ref];
}

/** The tags of one repository (exact name match: `acme/app` never lists `acme/app-worker`). */
export function repositoryTagsArgs(repository: string): string[] {
  return ['image', 'ls', '--no-trunc', '--format', JSON_FORMAT, repository];
}

/** Untagged leaf images carrying `label=value`. */
export function danglingLabelledArgs(label: string, value: string): string[] {
  return ['image', 'ls', '--quiet', '--no-trunc', '--filter', 'dangling=true', '--filter', `label=${label}=${value}`];
}

/** Untagged leaf images, whoever built them: after removals side by side, the parents they left childless. */
export function danglingArgs(): string[] {
  return ['image', 'ls', '--quiet', '--no-trunc', '--filter', 'dangling=true'];
}

/** An image's own layer and every ancestor's, newest first, in bytes (what removing them would reclaim). */
export function imageHistoryArgs(image: string): string[] {
  return ['image', 'history', '--no-trunc', '--human=false', '--format', JSON_FORMAT, image];
}

// Only the fields pruning needs, one JSON object a line; Config is nil for some imported images.
const IMAGE_SUMMARY_FORMAT =
  '{"Id":{{json .Id}},"Parent":{{json .Parent}},"RepoTags":{{json .RepoTags}},"Created":{{json .Created}},"Size":{{json .Size}},"LastTagTime":{{json .Metadata.LastTagTime}},"Labels":{{if .Config}}{{json .Config.Labels}}{{else}}null{{end}},"Layers":{{json .RootFS.Layers}}}';

export function imageSummariesArgs(imageIds: readonly string[]): string[] {
  return ['image', 'inspect', '--format', IMAGE_SUMMARY_FORMAT, ...imageIds];
}

/** Every image on the engine, untagged and intermediate ones too: which layers are still in use. */
export function allImageIdsArgs(): string[] {
  return ['image', 'ls', '--all', '--quiet', '--no-trunc'];
}

export function containerIdsArgs(): string[] {
  return ['container', 'ls', '--all', '--quiet', '--no-trunc'];
}

export function containerImagesArgs(containerIds: readonly string[]): string[] {
  return ['container', 'inspect', '--format', '{"Name":{{json .Name}},"Image":{{json .Image}}}', ...containerIds];
}

export function imageRemoveArgs(refs: readonly string[]): string[] {
  return ['image', 'rm', ...refs];
}

export function imageInspectArgs(image: string): string[] {
  return ['image', 'inspect', '--format', JSON_FORMAT, image];
}

export function runArgs(name: string, extraArgs: readonly string[], imageRef: string): string[] {
  return ['run', '--detach', '--name', name, ...extraArgs, imageRef];
}

export function containerInspectArgs(container: string): string[] {
  return ['container', 'inspect', '--format', JSON_FORMAT, container];
}

/** Replays the container's events since `since` (the engine's own clock), then follows new ones. */
export function containerEventsArgs(containerId: string, since: string): string[] {
  return [
    'events',
    '--since',
    since,
    '--filter',
    'type=container',
    '--filter',
    `container=${containerId}`,
    '--format',
    JSON_FORMAT,
  ];
}

export function containerLogsArgs(container: string, tail: number): string[] {
  return ['logs', '--timestamps', '--tail', String(tail), container];
}

/** All output since the start, then new lines as they come (stdout and stderr). */
export function followLogsArgs(container: string): string[] {
  return ['logs', '--follow', container];
}

/** `docker exec [options] <container> sh -c <command>`: the command is one argument, parsed only by the container's shell. */
export function execShellArgs(container: string, command: string, options: readonly string[] = []): string[] {
  return ['exec', ...options, container, 'sh', '-c', command];
}

/**
 * What a held exec runs behind: the command starts on one line `run` on stdin; on anything else (end of
 * input: the wait failed) it exits 125 without running. `$1` is the command, one argument, never parsed.
 */
export const EXEC_GATE = 'read -r go && [ "$go" = run ] || exit 125; exec sh -c "$1"';
export const EXEC_GATE_NAME = 'build-test-deploy-gate';

/** `docker exec --interactive [options] <container> sh -c <gate> <name> <command>`: started ahead, held at the gate. */
export function heldExecShellArgs(container: string, command: string, options: readonly string[] = []): string[] {
  return ['exec', '--interactive', ...options, container, 'sh', '-c', EXEC_GATE, EXEC_GATE_NAME, command];
}

/** A test's `docker exec` (held: started ahead, at the gate); test-env by name only, never a value in argv. */
export function testExecArgs(
  exec: {
    readonly container: string;
    readonly command: string;
    readonly user: string;
    readonly env: readonly KeyValue[];
  },
  held: boolean,
): string[] {
  const options = [
    ...(exec.user === '' ? [] : ['--user', exec.user]),
    ...exec.env.flatMap(({ key }) => ['--env', key]),
  ];
  return held
    ? heldExecShellArgs(exec.container, exec.command, options)
    : execShellArgs(exec.container, exec.command, options);
}

/** A health check's command run in the container, as the engine runs it (the container's user and env). */
export function healthProbeArgs(container: string, command: readonly string[]): string[] {
  return ['exec', container, ...command];
}

export function killContainerArgs(container: string): string[] {
  return ['container', 'kill', container];
}

/** `docker cp` streams a tar of the path out of the container through the engine and unpacks it. */
export function copyFromContainerArgs(container: string, source: string, destination: string): string[] {
  return ['cp', `${container}:${source}`, destination];
}

export function containerRemoveArgs(container: string): string[] {
  return ['container', 'rm', '--force', '--volumes', container];
}

/** Docker Hub logins take no server argument. */
export function loginArgs(registry: string | undefined, username: string): string[] {
  return ['login', '--username', username, '--password-stdin', ...(registry === undefined ? [] : [registry])];
}

export function tagArgs(source: string, target: string): string[] {
  return ['tag', source, target];
}

export function pushArgs(ref: string): string[] {
  return ['push', ref];
}
