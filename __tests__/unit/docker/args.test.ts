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
  logoutArgs,
  pushArgs,
  runArgs,
  contextShowArgs,
} from '../../../src/docker/args.js';
import { buildArgs, dockerfileString, stampArgs, stampDockerfile } from '../../../src/docker/build-args.js';

const IMAGE_ID = `sha256:${'b'.repeat(64)}`;

describe('buildArgs refuses', () => {
  it('secrets on the legacy builder: they would have to become build args, readable in the history', () => {
    expect(() =>
      buildArgs({
        context: '.',
        file: 'Dockerfile',
        buildArgs: [],
        target: '',
        iidFile: 'i',
        builder: { kind: 'legacy' },
        secrets: [{ id: 'a', source: { env: 'B' } }],
      }),
    ).toThrow('build secrets need BuildKit (docker buildx)');
  });
});

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
      'buildArgs (plain)',
      () =>
        buildArgs({
          context: '.',
          file: 'Dockerfile',
          buildArgs: [],
          target: '',
          iidFile: '/tmp/w/base.iid',
          builder: { kind: 'legacy' },
          secrets: [],
        }),
      ['build', '--force-rm', '--file', 'Dockerfile', '--iidfile', '/tmp/w/base.iid', '.'],
    ],
    [
      'buildArgs (target and build args)',
      () =>
        buildArgs({
          context: 'services/api',
          file: 'services/api/Dockerfile',
          buildArgs: [
            { key: 'NODE_ENV', value: 'production' },
            { key: 'URL', value: 'http://x/?a=1 b' },
            { key: 'EMPTY', value: '' },
          ],
          target: 'runtime',
          iidFile: '/tmp/w/base.iid',
          builder: { kind: 'legacy' },
          secrets: [],
        }),
      [
        'build',
        '--force-rm',
        '--file',
        'services/api/Dockerfile',
        '--iidfile',
        '/tmp/w/base.iid',
        '--build-arg',
        'NODE_ENV=production',
        '--build-arg',
        'URL=http://x/?a=1 b',
        '--build-arg',
        'EMPTY=',
        '--target',
        'runtime',
        'services/api',
      ],
    ],
    [
      'buildArgs (target only)',
      () =>
        buildArgs({
          context: '.',
          file: 'Dockerfile',
          buildArgs: [],
          target: 'test',
          iidFile: 'i',
          builder: { kind: 'legacy' },
          secrets: [],
        }),
      ['build', '--force-rm', '--file', 'Dockerfile', '--iidfile', 'i', '--target', 'test', '.'],
    ],
    [
      'buildArgs through buildx, the current builder, loaded into the engine',
      () =>
        buildArgs({
          context: '.',
          file: 'Dockerfile',
          buildArgs: [],
          target: '',
          iidFile: 'i',
          builder: { kind: 'buildx', name: '', engineBuilder: 'default' },
          secrets: [],
        }),
      ['buildx', 'build', '--load', '--provenance=false', '--file', 'Dockerfile', '--iidfile', 'i', '.'],
    ],
    [
      'buildArgs through a named buildx builder, with secrets by env and by file, and a temporary tag',
      () =>
        buildArgs({
          context: 'ctx',
          file: 'ctx/Dockerfile',
          buildArgs: [{ key: 'A', value: '1' }],
          target: '',
          iidFile: 'i',
          tag: 'build-test-deploy-tmp/x:unstamped',
          builder: { kind: 'buildx', name: 'remote-kit', engineBuilder: 'default' },
          secrets: [
            { id: 'npm', source: { env: 'NPM_TOKEN' } },
            { id: 'ssh_key', source: { src: '/run/secrets/key' } },
          ],
        }),
      [
        'buildx',
        'build',
        '--load',
        '--provenance=false',
        '--builder',
        'remote-kit',
        '--secret',
        'id=npm,env=NPM_TOKEN',
        '--secret',
        'id=ssh_key,src=/run/secrets/key',
        '--tag',
        'build-test-deploy-tmp/x:unstamped',
        '--file',
        'ctx/Dockerfile',
        '--iidfile',
        'i',
        '--build-arg',
        'A=1',
        'ctx',
      ],
    ],
    [
      'stampArgs on the classic builder (tags; the labels go in the stdin Dockerfile)',
      () => stampArgs({ tags: ['acme/app:d24155b', 'acme/app:latest'], builder: { kind: 'legacy' } }),
      ['build', '--tag', 'acme/app:d24155b', '--tag', 'acme/app:latest', '-'],
    ],
    ['stampArgs (nothing)', () => stampArgs({ tags: [], builder: { kind: 'legacy' } }), ['build', '-']],
    [
      "stampArgs on BuildKit: the engine's own builder (whichever built the Dockerfile), no provenance attestation",
      () =>
        stampArgs({
          tags: ['acme/app:d24155b'],
          builder: { kind: 'buildx', name: 'remote-kit', engineBuilder: 'default' },
        }),
      ['buildx', 'build', '--load', '--provenance=false', '--builder', 'default', '--tag', 'acme/app:d24155b', '-'],
    ],
    [
      'stampArgs on BuildKit in another docker context',
      () => stampArgs({ tags: [], builder: { kind: 'buildx', name: '', engineBuilder: 'staging' } }),
      ['buildx', 'build', '--load', '--provenance=false', '--builder', 'staging', '-'],
    ],
    ['contextShowArgs', () => contextShowArgs(), ['context', 'show']],
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
    ['logoutArgs (Docker Hub)', () => logoutArgs(undefined), ['logout']],
    ['logoutArgs (server)', () => logoutArgs('localhost:5000'), ['logout', 'localhost:5000']],
    ['pushArgs', () => pushArgs('localhost:5000/app:d24155b'), ['push', 'localhost:5000/app:d24155b']],
  ])('%s', (_name, build, expected) => {
    expect(build()).toEqual(expected);
  });
});

describe('stampDockerfile', () => {
  it.each<[string, string, string, { key: string; value: string }[], string]>([
    [
      IMAGE_ID,
      'SHA',
      'd24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8',
      [],
      `FROM ${IMAGE_ID}\nENV SHA=d24155b0c3f1e2a4b6c8d0e2f4a6b8c0d2e4f6a8\n`,
    ],
    ['sha256:0123', 'GIT_SHA', 'abc', [], 'FROM sha256:0123\nENV GIT_SHA=abc\n'],
    [
      'build-test-deploy-tmp/x:unstamped',
      'SHA',
      'abc',
      [
        { key: 'org.opencontainers.image.revision', value: 'abc' },
        { key: 'team', value: 'web ops' },
      ],
      'FROM build-test-deploy-tmp/x:unstamped\nENV SHA=abc\nLABEL "org.opencontainers.image.revision"="abc" "team"="web ops"\n',
    ],
  ])('FROM %s, ENV %s=%s, labels %j', (base, env, sha, labels, expected) => {
    expect(stampDockerfile(base, env, sha, labels)).toBe(expected);
  });
});

describe('dockerfileString', () => {
  // Checked against the classic builder: each arrives in the label byte for byte.
  it.each([
    ['plain', '"plain"'],
    ['', '""'],
    ['$HOME ${PATH} $(touch x)', '"\\$HOME \\${PATH} \\$(touch x)"'],
    ['say "hi"', '"say \\"hi\\""'],
    ['back\\slash\\', '"back\\\\slash\\\\"'],
    ['`cmd` ; && | \t tab', '"`cmd` ; && | \t tab"'],
  ])('%j → %s', (text, expected) => {
    expect(dockerfileString(text)).toBe(expected);
  });
});
