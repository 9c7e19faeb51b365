import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction } from '../harness/run-action.mjs';
import { RUNNER_PID_NAMESPACE, selfTest, watchArgv, type ArgvReport } from './proc-argv.js';
import { EXEC_GATE, EXEC_GATE_NAME } from '../../src/docker/args.js';
import { BASE_IMAGE, containersNamed, docker, randomId, randomSha, removeRepositories } from './support.js';

// Inputs full of shell syntax: nothing may run on the runner, and every value must arrive byte for
// byte where it belongs (labels, build args, test-env, run-args), the test-command as one argument of
// `sh -c` inside the container.

const id = randomId();
const repository = `btd-e2e-hostile-${id}/svc`;
const POLL_MS = 10;

/** Fresh, empty: any file that appears in it was made by a shell that should never have run. */
const markerDir = mkdtempSync(path.join(tmpdir(), 'pwned-'));
/** The runner's workspace (cwd and GITHUB_WORKSPACE): relative `touch` payloads would land here. */
const workspace = mkdtempSync(path.join(tmpdir(), 'hostile-workspace-'));
/** The emulated runner's GITHUB_OUTPUT/STATE/STEP_SUMMARY directories, removed at the end. */
const runnerDirs: string[] = [];

/** Every shell construct that runs a command, each trying to leave its own marker; plus quotes and expansions. */
function hostile(tag: string): string {
  const m = (kind: string): string => path.join(markerDir, `${tag}-${kind}`);
  return `it's "${tag}" $(touch ${m('dollar')}) \`touch ${m('backtick')}\` ; touch ${m('semicolon')} && touch ${m('and')} || touch ${m('or')} | touch ${m('pipe')} > ${m('redirect')} & touch ${m('background')} $HOME \${PATH} $((6*7)) \\ 'single' "double" end`;
}

/** No white space (keys, directory names): `${IFS}` stands in for the blank. */
function hostileWord(tag: string): string {
  return `${tag};touch\${IFS}pwned-${tag}-semicolon&&$(touch\${IFS}pwned-${tag}-dollar)\`touch\${IFS}pwned-${tag}-backtick\`'"|`;
}

const VALUES = {
  label: hostile('label'),
  labelKey: `com.example.${hostileWord('labelkey')}`,
  secondLabel: `$(touch ${path.join(markerDir, 'second-label')})`,
  buildArg: hostile('build-arg'),
  testEnv: hostile('test-env'),
  runArgsJoined: hostile('run-args-joined'),
  runArgsSplit: hostile('run-args-split'),
  runArgsPwned: `$(touch ${path.join(markerDir, 'run-args-pwned')})`,
} as const;

// Directory and file names with shell syntax too: the context and file inputs, reports-dir.
const contextName = `ctx ${hostileWord('context')} 'q' "dq"`;
const context = path.join(workspace, contextName);
const dockerfile = path.join(context, `Dockerfile ${hostileWord('file')}`);
const reportsDir = `reports ${hostileWord('reports')}`;

/**
 * One `sh -c` argument: `;` and a line break separate commands that must all run inside the container.
 * It ends in `sleep 0.5; true`, not in the sleep: busybox sh execs a last command in its own place, and
 * the shell, whose argv the watcher looks for, would be gone after a few milliseconds on a fast machine.
 */
const inContainerMarker = path.join(markerDir, 'written-inside-the-container');
const testCommand = [
  `mkdir -p /out ${markerDir}; touch ${inContainerMarker}; test -f ${inContainerMarker} && echo inside > /out/after-semicolon`,
  'printf %s "$HOSTILE_ENV" > /out/test-env',
  'printf %s "$HOSTILE_JOINED" > /out/run-args-joined; printf %s "$HOSTILE_SPLIT" > /out/run-args-split; printf %s "$PWNED" > /out/run-args-pwned',
  'cp /build-arg /out/build-arg',
  'sleep 0.5; true',
].join('\n');

beforeAll(() => {
  mkdirSync(context);
  writeFileSync(
    dockerfile,
    [
      `FROM ${BASE_IMAGE}`,
      'ARG HOSTILE_ARG',
      'RUN printf %s "$HOSTILE_ARG" > /build-arg',
      'CMD ["sleep", "3600"]',
      '',
    ].join('\n'),
  );
});

afterAll(() => {
  removeRepositories(repository);
  rmSync(markerDir, { recursive: true, force: true });
  rmSync(workspace, { recursive: true, force: true });
  for (const dir of runnerDirs) rmSync(dir, { recursive: true, force: true });
});

/** Files a shell would have made: in the marker directory, and `pwned-*` anywhere under the workspace. */
function markersOnTheRunner(): string[] {
  const inWorkspace = readdirSync(workspace, { recursive: true, encoding: 'utf8' }).filter((entry) =>
    path.basename(entry).startsWith('pwned-'),
  );
  return [...readdirSync(markerDir), ...inWorkspace].sort();
}

function reportFile(name: string): string {
  return readFileSync(path.join(workspace, reportsDir, name), 'utf8');
}

function sawArgvWith(report: ArgvReport, program: string, ...sequence: string[]): boolean {
  return report.seen.some(
    ({ argv }) =>
      path.basename(argv[0] ?? '') === program &&
      argv.some((_, index) => sequence.every((arg, offset) => argv[index + offset] === arg)),
  );
}

describe('hostile inputs', () => {
  it('the argv watcher sees a short-lived process (else the argv assertions below prove nothing)', async () => {
    const report = await selfTest(POLL_MS);
    expect(report.leaks.length).toBeGreaterThan(0);
  });

  it('reach docker byte for byte, never a shell on the runner; the test-command runs whole inside the container', async () => {
    let watch: ReturnType<typeof watchArgv> | undefined;
    const run = await runAction({
      cwd: workspace,
      inputs: {
        image: repository,
        context,
        file: dockerfile,
        sha: randomSha(),
        labels: `com.example.hostile=${VALUES.label}\n${VALUES.labelKey}=${VALUES.label}\ncom.example.second-line=${VALUES.secondLabel}`,
        'build-args': `HOSTILE_ARG=${VALUES.buildArg}`,
        'test-env': `HOSTILE_ENV=${VALUES.testEnv}`,
        'run-args': `--env=HOSTILE_JOINED=${VALUES.runArgsJoined}\n--env HOSTILE_SPLIT=${VALUES.runArgsSplit}\n--env=PWNED=${VALUES.runArgsPwned}`,
        'test-command': testCommand,
        'test-reports': '/out',
        'reports-dir': reportsDir,
      },
      onMainSpawn: () => {
        watch = watchArgv([], POLL_MS);
      },
    });
    const argv = watch?.stop();
    runnerDirs.push(run.files);
    expect(run.main.exitCode, run.main.stdout).toBe(0);

    // Nothing ran on the runner: no marker of any payload, nor of the in-container command.
    expect(markersOnTheRunner()).toEqual([]);
    expect(existsSync(inContainerMarker)).toBe(false);

    // Both commands of the test-command ran inside the container.
    expect(reportFile('after-semicolon')).toBe('inside\n');

    // Labels: values and a key full of shell syntax, a line break separating two labels.
    const tag = run.outputs.tag ?? '';
    const labels = JSON.parse(
      docker('image', 'inspect', '--format', '{{json .Config.Labels}}', `${repository}:${tag}`),
    ) as Record<string, string>;
    expect(labels['com.example.hostile']).toBe(VALUES.label);
    expect(labels[VALUES.labelKey]).toBe(VALUES.label);
    expect(labels['com.example.second-line']).toBe(VALUES.secondLabel);

    // Build arg, test-env and run-args values, as the container saw them.
    expect(reportFile('build-arg')).toBe(VALUES.buildArg);
    expect(reportFile('test-env')).toBe(VALUES.testEnv);
    expect(reportFile('run-args-joined')).toBe(VALUES.runArgsJoined);
    expect(reportFile('run-args-split')).toBe(VALUES.runArgsSplit);
    expect(reportFile('run-args-pwned')).toBe(VALUES.runArgsPwned);

    // The argv docker got: each value one argument; the test-command one argument of `sh -c`,
    // in `docker exec` (test-env by name only) and in the shell inside the container.
    if (argv === undefined) throw new Error('main never spawned');
    if (run.main.stdout.includes('[command]docker buildx bake')) {
      // BuildKit: build args and the Dockerfile's path travel in the bake file (kept literal there), in no argv.
      expect(
        argv.seen.filter(({ argv: a }) => a.some((arg) => arg.includes(VALUES.buildArg))),
        'a build arg value in an argv',
      ).toEqual([]);
    } else {
      expect(
        sawArgvWith(argv, 'docker', '--build-arg', `HOSTILE_ARG=${VALUES.buildArg}`),
        'docker build --build-arg',
      ).toBe(true);
      expect(sawArgvWith(argv, 'docker', '--file', dockerfile), 'docker build --file').toBe(true);
    }
    // Labels travel in the stamp step's Dockerfile on stdin (escaped there), in no argv at all.
    expect(
      argv.seen.filter(({ argv: a }) => a.some((arg) => arg.includes(VALUES.label))),
      'a label value in an argv',
    ).toEqual([]);
    expect(
      sawArgvWith(
        argv,
        'docker',
        `--env=HOSTILE_JOINED=${VALUES.runArgsJoined}`,
        '--env',
        `HOSTILE_SPLIT=${VALUES.runArgsSplit}`,
        `--env=PWNED=${VALUES.runArgsPwned}`,
        `${repository}:${tag}`,
      ),
      'docker run',
    ).toBe(true);
    const execs = argv.seen.filter(({ argv: a }) => path.basename(a[0] ?? '') === 'docker' && a[1] === 'exec');
    // Started ahead and held at a fixed gate until the container is ready; the command is its last argument, as given.
    expect(execs.map(({ argv: a }) => a.slice(1))).toContainEqual([
      'exec',
      '--interactive',
      '--env',
      'HOSTILE_ENV',
      expect.stringMatching(/^svc-/) as string,
      'sh',
      '-c',
      EXEC_GATE,
      EXEC_GATE_NAME,
      testCommand,
    ]);
    const shells = argv.seen.filter(
      ({ argv: a }) => a.length === 3 && path.basename(a[0] ?? '') === 'sh' && a[1] === '-c' && a[2] === testCommand,
    );
    expect(shells.length, 'sh -c <test-command>').toBeGreaterThan(0);
    // In the container's PID namespace, not the runner's.
    expect(shells.map((shell) => shell.pidNamespace)).not.toContain(RUNNER_PID_NAMESPACE);
    expect(shells.map((shell) => shell.pidNamespace)).not.toContain('');
    expect(
      argv.seen.some(({ argv: a }) => a.includes(VALUES.testEnv)),
      'the test-env value in some argv',
    ).toBe(false);

    expect(containersNamed(`svc-${tag}-`)).toEqual([]);
  });

  it("with test-on runner, test-env values reach the runner's shell as environment, never as code", async () => {
    const out = path.join(workspace, 'runner-env');
    const run = await runAction({
      cwd: workspace,
      inputs: {
        image: repository,
        context,
        file: dockerfile,
        sha: randomSha(),
        'build-args': `HOSTILE_ARG=${VALUES.buildArg}`,
        'test-on': 'runner',
        'test-env': `HOSTILE_ENV=${VALUES.testEnv}\nSECOND=${VALUES.label}`,
        'test-command': `printf %s "$HOSTILE_ENV" > '${out}'; printf %s "$SECOND" > '${out}-2'`,
      },
    });
    runnerDirs.push(run.files);
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(VALUES.testEnv);
    expect(readFileSync(`${out}-2`, 'utf8')).toBe(VALUES.label);
    expect(markersOnTheRunner()).toEqual([]);
  });

  // Fields that end up in a Dockerfile (sha-env and sha: `ENV <sha-env>=<sha>` of the stamp step),
  // or select what runs: validated, so shell syntax and line breaks are refused before docker runs.
  it.each<[string, Record<string, string>, Record<string, string>, string]>([
    [
      'sha-env with a Dockerfile instruction',
      { 'sha-env': `SHA=x\nRUN touch ${path.join(markerDir, 'sha-env')}` },
      {},
      "Input 'sha-env' is",
    ],
    [
      'sha-env with a command substitution',
      { 'sha-env': `SHA$(touch ${path.join(markerDir, 'sha-env-2')})` },
      {},
      "Input 'sha-env' is",
    ],
    [
      'sha with a Dockerfile instruction',
      { sha: `${'a'.repeat(40)}\nRUN touch ${path.join(markerDir, 'sha')}` },
      {},
      "Input 'sha' is",
    ],
    [
      'GITHUB_SHA with a Dockerfile instruction',
      { sha: '' },
      { GITHUB_SHA: `${'a'.repeat(40)}\nRUN touch ${path.join(markerDir, 'github-sha')}` },
      "::error::Input 'sha' is empty, the context is not in a git work tree, and GITHUB_SHA is",
    ],
    ['image', { image: `acme/app;touch ${path.join(markerDir, 'image')}` }, {}, "Input 'image'"],
    ['target', { target: `base$(touch ${path.join(markerDir, 'target')})` }, {}, "Input 'target' is"],
    ['tag-length', { 'tag-length': '7;touch pwned-tag-length' }, {}, "Input 'tag-length' is"],
    ['wait-for', { 'wait-for': 'tcp:8080;touch pwned-wait-for' }, {}, "Input 'wait-for'"],
    ['test-user', { 'test-user': 'root;touch pwned-test-user' }, {}, "Input 'test-user' is"],
    [
      'a run-args line that is not an option',
      { 'run-args': `--env=A=1\n$(touch ${path.join(markerDir, 'run-args-line')})` },
      {},
      "Input 'run-args' line 2 is",
    ],
    [
      'a test-env line with a line break for a key',
      { 'test-env': 'A=1\n$(touch pwned-test-env)' },
      {},
      "Input 'test-env' line 2 is",
    ],
    [
      'a label line without "="',
      { labels: `a=1\n\`touch ${path.join(markerDir, 'label-line')}\`` },
      {},
      "Input 'labels' line 2 is",
    ],
  ])('%s: refused before docker is touched', async (_case, inputs, env, message) => {
    const run = await runAction({
      cwd: workspace,
      env,
      inputs: { image: repository, context, file: dockerfile, sha: randomSha(), 'test-command': 'true', ...inputs },
    });
    runnerDirs.push(run.files);
    expect(run.main.exitCode).toBe(1);
    expect(run.main.stdout.split('\n').find((line) => line.startsWith('::error::'))).toContain(message);
    expect(run.main.stdout).not.toContain('[command]docker');
    expect(markersOnTheRunner()).toEqual([]);
  });
});
