import { describe, expect, it } from 'vitest';
import {
  containerEventsArgs,
  containerIdsArgs,
  danglingArgs,
  engineStoreArgs,
  allImageIdsArgs,
  imageHistoryArgs,
  danglingLabelledArgs,
  repositoryTagsArgs,
  containerImagesArgs,
  containerInspectArgs,
  containerLogsArgs,
  containerRemoveArgs,
  copyFromContainerArgs,
  execShellArgs,
  heldExecShellArgs,
  EXEC_GATE,
  EXEC_GATE_NAME,
  followLogsArgs,
  imageInspectArgs,
  imageSummariesArgs,
  imageRemoveArgs,
  killContainerArgs,
  loginArgs,
  pushArgs,
  runArgs,
  buildxInspectArgs,
  engineInfoArgs,
  pullArgs,
} from '../../../src/docker/args.js';

const IMAGE_ID = `sha256:${'b'.repeat(64)}`;

describe('docker argv builders', () => {
  it.each<[string, () => string[], string[]]>([
    ['danglingArgs', () => danglingArgs(), ['image', 'ls', '--quiet', '--no-trunc', '--filter', 'dangling=true']],
    [
      'imageHistoryArgs',
      () => imageHistoryArgs('sha256:abc'),
      ['image', 'history', '--no-trunc', '--human=false', '--format', '{{json .}}', 'sha256:abc'],
    ],
    [
      'repositoryTagsArgs',
      () => repositoryTagsArgs('localhost:5000/acme/app'),
      ['image', 'ls', '--no-trunc', '--format', '{{json .}}', 'localhost:5000/acme/app'],
    ],
    [
      'danglingLabelledArgs',
      () => danglingLabelledArgs('build-test-deploy.repository', 'acme/app'),
      [
        'image',
        'ls',
        '--quiet',
        '--no-trunc',
        '--filter',
        'dangling=true',
        '--filter',
        'label=build-test-deploy.repository=acme/app',
      ],
    ],
    [
      'imageSummariesArgs',
      () => imageSummariesArgs(['i1', 'i2']),
      [
        'image',
        'inspect',
        '--format',
        '{"Id":{{json .Id}},"Parent":{{json .Parent}},"RepoTags":{{json .RepoTags}},"Created":{{json .Created}},"Size":{{json .Size}},"LastTagTime":{{json .Metadata.LastTagTime}},"Labels":{{if .Config}}{{json .Config.Labels}}{{else}}null{{end}},"Layers":{{json .RootFS.Layers}}}',
        'i1',
        'i2',
      ],
    ],
    [
      'engineStoreArgs',
      () => engineStoreArgs(),
      ['info', '--format', '{"driver":{{json .Driver}},"status":{{json .DriverStatus}}}'],
    ],
    [
      'allImageIdsArgs (untagged and intermediate images too)',
      () => allImageIdsArgs(),
      ['image', 'ls', '--all', '--quiet', '--no-trunc'],
    ],
    ['containerIdsArgs', () => containerIdsArgs(), ['container', 'ls', '--all', '--quiet', '--no-trunc']],
    [
      'containerImagesArgs',
      () => containerImagesArgs(['c1', 'c2']),
      ['container', 'inspect', '--format', '{"Name":{{json .Name}},"Image":{{json .Image}}}', 'c1', 'c2'],
    ],
    [
      'imageRemoveArgs',
      () => imageRemoveArgs(['acme/app:aaaaaaa', 'acme/app:bbbbbbb']),
      ['image', 'rm', 'acme/app:aaaaaaa', 'acme/app:bbbbbbb'],
    ],
    [
      'engineInfoArgs (the version, the image store and the plugins in one call)',
      () => engineInfoArgs(),
      [
        'info',
        '--format',
        '{"server":{{json .ServerVersion}},"driver":{{json .Driver}},"status":{{json .DriverStatus}},"plugins":{{json .ClientInfo.Plugins}}}',
      ],
    ],
    ['buildxInspectArgs (the current builder)', () => buildxInspectArgs(''), ['buildx', 'inspect']],
    ['buildxInspectArgs (a named builder)', () => buildxInspectArgs('remote-kit'), ['buildx', 'inspect', 'remote-kit']],
    [
      'pullArgs (quiet: the cache pull shows only its outcome)',
      () => pullArgs('localhost:5000/app:latest'),
      ['pull', '--quiet', 'localhost:5000/app:latest'],
    ],
    ['imageInspectArgs', () => imageInspectArgs(IMAGE_ID), ['image', 'inspect', '--format', '{{json .}}', IMAGE_ID]],
    [
      'runArgs (no extra)',
      () => runArgs('app-d24155b-1-1-abcdef', [], 'acme/app:d24155b'),
      ['run', '--detach', '--name', 'app-d24155b-1-1-abcdef', 'acme/app:d24155b'],
    ],
    [
      'runArgs (extra args before the image)',
      () => runArgs('n', ['--env=A=B', '--publish', '127.0.0.1::8080'], 'acme/app:d24155b'),
      ['run', '--detach', '--name', 'n', '--env=A=B', '--publish', '127.0.0.1::8080', 'acme/app:d24155b'],
    ],
    ['containerInspectArgs', () => containerInspectArgs('n'), ['container', 'inspect', '--format', '{{json .}}', 'n']],
    [
      'containerEventsArgs',
      () => containerEventsArgs('4f2c9a', '2024-05-01T10:00:00.123456789Z'),
      [
        'events',
        '--since',
        '2024-05-01T10:00:00.123456789Z',
        '--filter',
        'type=container',
        '--filter',
        'container=4f2c9a',
        '--format',
        '{{json .}}',
      ],
    ],
    ['containerLogsArgs', () => containerLogsArgs('n', 100), ['logs', '--timestamps', '--tail', '100', 'n']],
    [
      'execShellArgs',
      () => execShellArgs('n', 'curl -fsS http://localhost:8080/ && echo "ok"'),
      ['exec', 'n', 'sh', '-c', 'curl -fsS http://localhost:8080/ && echo "ok"'],
    ],
    [
      'execShellArgs with options',
      () => execShellArgs('n', 'true', ['--user', 'app']),
      ['exec', '--user', 'app', 'n', 'sh', '-c', 'true'],
    ],
    [
      'heldExecShellArgs',
      () => heldExecShellArgs('n', 'echo "$SHA"', ['--env', 'TOKEN']),
      ['exec', '--interactive', '--env', 'TOKEN', 'n', 'sh', '-c', EXEC_GATE, EXEC_GATE_NAME, 'echo "$SHA"'],
    ],
    ['followLogsArgs', () => followLogsArgs('4f2c9a'), ['logs', '--follow', '4f2c9a']],
    ['killContainerArgs', () => killContainerArgs('n'), ['container', 'kill', 'n']],
    [
      'copyFromContainerArgs',
      () => copyFromContainerArgs('n', '/app/reports/.', '/home/runner/work/app/reports'),
      ['cp', 'n:/app/reports/.', '/home/runner/work/app/reports'],
    ],
    [
      'copyFromContainerArgs (a path with spaces, one argument)',
      () => copyFromContainerArgs('n', '/app/test reports', 'out dir'),
      ['cp', 'n:/app/test reports', 'out dir'],
    ],
    ['containerRemoveArgs', () => containerRemoveArgs('n'), ['container', 'rm', '--force', '--volumes', 'n']],
    ['loginArgs (Docker Hub)', () => loginArgs(undefined, 'bot'), ['login', '--username', 'bot', '--password-stdin']],
    [
      'loginArgs (server)',
      () => loginArgs('ghcr.io', 'bot'),
      ['login', '--username', 'bot', '--password-stdin', 'ghcr.io'],
    ],
    ['pushArgs', () => pushArgs('localhost:5000/app:d24155b'), ['push', 'localhost:5000/app:d24155b']],
  ])('%s', (_name, build, expected) => {
    expect(build()).toEqual(expected);
  });
});
