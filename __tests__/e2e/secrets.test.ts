import { afterAll, describe, expect, inject, it } from 'vitest';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { runAction } from '../harness/run-action.mjs';
import { EXEC_GATE, EXEC_GATE_NAME } from '../../src/docker/args.js';
import { selfTest, watchArgv, type ArgvReport } from './proc-argv.js';
import { FIXTURES, containersNamed, docker, errorLine, randomId, randomSha, removeRepositories } from './support.js';

// The registry password (and a test secret in test-env) must never be in any process's argv, nor in
// the logs (but the ::add-mask:: line that registers it), the state, the outputs, the summary, or
// anything the run leaves in the engine.

const registry = inject('registry');
const POLL_MS = 20;
const used: string[] = [];
const runnerDirs: string[] = [];

afterAll(() => {
  removeRepositories(...used);
  for (const dir of runnerDirs) rmSync(dir, { recursive: true, force: true });
});

const secret = registry.password;
/** What docker writes to config.json for a login: base64 of user:password, a leak as good as the password. */
const basicAuth = Buffer.from(`${registry.username}:${secret}`).toString('base64');
const secretSha256 = createHash('sha256').update(secret).digest('hex');
const MASK = `::add-mask::${secret}`;

/** Every file of the emulated runner: GITHUB_OUTPUT, GITHUB_STATE, GITHUB_STEP_SUMMARY of main and post, RUNNER_TEMP. */
function runnerFiles(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const file = path.join(dir, entry);
    if (statSync(file).isFile()) files[entry] = readFileSync(file, 'utf8');
  }
  return files;
}

/** Everything docker knows of an image the run left: inspect (labels, env, config) and history (build args of RUN steps). */
function imageRecord(ref: string): string {
  return [docker('image', 'inspect', ref), docker('history', '--no-trunc', '--format', '{{.CreatedBy}}', ref)].join(
    '\n',
  );
}

function dockerConfig(): string {
  const file = path.join(process.env.DOCKER_CONFIG ?? path.join(homedir(), '.docker'), 'config.json');
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
}

interface Case {
  readonly inputs: (image: string) => Record<string, string>;
  readonly image: (id: string) => string;
  /** The registry password is an input (then main masks it: one ::add-mask:: line). */
  readonly masked: boolean;
  /** A process the run must have started, seen by the watcher (else it watched the wrong thing). */
  readonly expectedArgv: (report: ArgvReport, container: string) => boolean;
}

const program = (argv: readonly string[]): string => path.basename(argv[0] ?? '');
/** The test-command proves the value arrived without ever putting it in an argv (printf is a shell builtin). */
const checkSecret = `sleep 0.5; printf %s "$REG_SECRET" | sha256sum | grep -q '^${secretSha256} '`;

const CASES: [string, Case][] = [
  [
    'deploy with registry-username and registry-password',
    {
      image: (id) => `${registry.host}/e2e/secrets-${id}`,
      inputs: (image) => ({
        image,
        deploy: 'true',
        'test-command': 'true',
        'registry-username': registry.username,
        'registry-password': secret,
      }),
      masked: true,
      expectedArgv: (report) => report.seen.some(({ argv }) => program(argv) === 'docker' && argv[1] === 'push'),
    },
  ],
  [
    'a test secret in test-env, tests in the container',
    {
      image: (id) => `btd-e2e-secrets-${id}/svc`,
      inputs: (image) => ({ image, 'test-env': `REG_SECRET=${secret}`, 'test-command': checkSecret }),
      masked: false,
      // docker exec (started ahead, held at the gate) gets the name only; the CLI reads the value from its own environment.
      expectedArgv: (report, container) =>
        report.seen.some(
          ({ argv }) =>
            program(argv) === 'docker' &&
            JSON.stringify(argv.slice(1)) ===
              JSON.stringify([
                'exec',
                '--interactive',
                '--env',
                'REG_SECRET',
                container,
                'sh',
                '-c',
                EXEC_GATE,
                EXEC_GATE_NAME,
                checkSecret,
              ]),
        ),
    },
  ],
  [
    'a test secret in test-env, tests on the runner',
    {
      image: (id) => `btd-e2e-secrets-${id}/svc`,
      inputs: (image) => ({
        image,
        'test-env': `REG_SECRET=${secret}`,
        'test-on': 'runner',
        'test-command': checkSecret,
      }),
      masked: false,
      expectedArgv: (report) =>
        report.seen.some(
          ({ argv }) => program(argv) === 'sh' && JSON.stringify(argv.slice(1)) === JSON.stringify(['-c', checkSecret]),
        ),
    },
  ],
  [
    'deploy with registry credentials and the password as a test secret too',
    {
      image: (id) => `${registry.host}/e2e/secrets-both-${id}`,
      inputs: (image) => ({
        image,
        deploy: 'true',
        'test-env': `REG_SECRET=${secret}`,
        'test-command': checkSecret,
        'registry-username': registry.username,
        'registry-password': secret,
      }),
      masked: true,
      expectedArgv: (report) => report.seen.some(({ argv }) => program(argv) === 'docker' && argv[1] === 'push'),
    },
  ],
];

describe('secrets never leak', () => {
  it('the argv watcher sees a short-lived process at this poll interval (else a clean report proves nothing)', async () => {
    const report = await selfTest(POLL_MS);
    expect(report.leaks.length).toBeGreaterThan(0);
  });

  it('the watcher catches the password in the argv of a docker call of the run (run-args are argv, not secret)', async () => {
    const image = `btd-e2e-secrets-${randomId()}/control`;
    used.push(image);
    let watch: ReturnType<typeof watchArgv> | undefined;
    const run = await runAction({
      inputs: {
        image,
        context: path.join(FIXTURES, 'service'),
        sha: randomSha(),
        'run-args': `--env=LEAKED=${secret}`,
        'test-command': 'true',
      },
      onMainSpawn: () => {
        watch = watchArgv([secret], POLL_MS);
      },
    });
    runnerDirs.push(run.files);
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    const leaks = watch?.stop().leaks ?? [];
    expect(
      leaks.some(
        ({ argv }) => program(argv) === 'docker' && argv[1] === 'run' && argv.includes(`--env=LEAKED=${secret}`),
      ),
    ).toBe(true);
  });

  it.each(CASES)('%s: not in any argv, log, state, output, summary, or image', async (_case, spec) => {
    const image = spec.image(randomId());
    used.push(image);
    let watch: ReturnType<typeof watchArgv> | undefined;
    const run = await runAction({
      inputs: { context: path.join(FIXTURES, 'service'), sha: randomSha(), ...spec.inputs(image) },
      onMainSpawn: () => {
        watch = watchArgv([secret, basicAuth], POLL_MS);
      },
    });
    // Through post too: the watcher stops only once both steps are done.
    const argv = watch?.stop();
    runnerDirs.push(run.files);
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    if (spec.masked) expect(run.outputs.pushed).toBe('true');

    // argv: of every process on the machine, all the while main and post ran.
    if (argv === undefined) throw new Error('main never spawned');
    expect(argv.scans).toBeGreaterThan(10);
    const container =
      /^\[command\]docker exec (?:--env REG_SECRET )?(\S+) sh -c /m.exec(run.main.stdout)?.[1] ??
      /Run \S+ as (\S+)/.exec(run.main.stdout)?.[1] ??
      '';
    expect(spec.expectedArgv(argv, container), `the watcher saw the run's own processes (container ${container})`).toBe(
      true,
    );
    expect(argv.leaks.map(({ pid, argv: a }) => `${pid}: ${a.join(' ')}`)).toEqual([]);

    // Logs: the mask registration once, in main; the password nowhere else.
    const mainStdout = run.main.stdout.split('\n');
    expect(mainStdout.filter((line) => line === MASK)).toHaveLength(spec.masked ? 1 : 0);
    const logs = {
      'main stdout': mainStdout.filter((line) => line !== MASK).join('\n'),
      'main stderr': run.main.stderr,
      'post stdout': run.post?.stdout ?? '',
      'post stderr': run.post?.stderr ?? '',
    };
    for (const [name, text] of Object.entries(logs)) {
      expect(text.includes(secret), `${name} holds the password`).toBe(false);
      expect(text.includes(basicAuth), `${name} holds base64(user:password)`).toBe(false);
    }

    // GITHUB_STATE, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY (main and post) and RUNNER_TEMP, as written.
    const files = runnerFiles(run.files);
    expect(Object.keys(files)).toEqual(
      expect.arrayContaining([
        'main-state',
        'main-output',
        'main-summary',
        'post-state',
        'post-output',
        'post-summary',
      ]),
    );
    expect(files['main-state']).toContain('container');
    for (const [name, text] of Object.entries(files)) {
      expect(text.includes(secret), `${name} holds the password`).toBe(false);
      expect(text.includes(basicAuth), `${name} holds base64(user:password)`).toBe(false);
    }

    // The engine: both tags the run left, their config and history; no container left.
    const tag = run.outputs.tag ?? '';
    for (const ref of [`${image}:${tag}`, `${image}:latest`]) {
      const record = imageRecord(ref);
      expect(record).toContain(run.outputs.sha);
      expect(record.includes(secret), `${ref} holds the password`).toBe(false);
      expect(record.includes(basicAuth), `${ref} holds base64(user:password)`).toBe(false);
    }
    expect(containersNamed(`${image.split('/').pop() ?? ''}-${tag}-`)).toEqual([]);

    // The login is gone from docker's config after the run.
    expect(dockerConfig().includes(basicAuth)).toBe(false);
  });
});

/** Every byte of an image as `docker image save` writes it, gzip-compressed layer blobs unpacked. */
function savedImageBytes(ref: string): Buffer[] {
  const tar = execFileSync('docker', ['image', 'save', ref], { maxBuffer: 256 * 1024 * 1024 });
  const parts: Buffer[] = [];
  for (let offset = 0; offset + 512 <= tar.length;) {
    const size = parseInt(
      tar
        .subarray(offset + 124, offset + 136)
        .toString('latin1')
        .replace(/\0.*$/s, '')
        .trim() || '0',
      8,
    );
    const body = tar.subarray(offset + 512, offset + 512 + size);
    parts.push(body[0] === 0x1f && body[1] === 0x8b ? gunzipSync(body) : body);
    offset += 512 + Math.ceil(size / 512) * 512;
  }
  return parts;
}

describe('build-secrets', () => {
  const buildSecret = `build-secret-${randomId()}-${randomId()}`;
  const secretDigest = createHash('sha256').update(buildSecret).digest('hex');
  const inputs = (image: string): Record<string, string> => ({
    image,
    context: path.join(FIXTURES, 'build-secret'),
    sha: randomSha(),
    'build-secrets': 'id=token,env=BTD_BUILD_SECRET',
    'build-args': `NONCE=${randomId()}`,
    'test-command': `test "$(cat /token.sha256)" = ${secretDigest}`,
  });

  it('BuildKit: the secret reaches RUN --mount=type=secret and is in no argv, log, layer or history; the classic builder refuses it', async () => {
    const image = `btd-e2e-secrets-${randomId()}/build`;
    used.push(image);
    let watch: ReturnType<typeof watchArgv> | undefined;
    const run = await runAction({
      inputs: inputs(image),
      env: { BTD_BUILD_SECRET: buildSecret },
      onMainSpawn: () => (watch = watchArgv([buildSecret], POLL_MS)),
    });
    const argv = watch?.stop();
    runnerDirs.push(run.files);
    if (!/; builder: buildx/.test(run.main.stdout)) {
      // The classic builder has no secrets: refused before anything is built, never turned into build args.
      expect(run.main.exitCode).toBe(1);
      expect(errorLine(run.main.stdout)).toContain(
        "Input 'build-secrets' needs BuildKit, but docker buildx is not installed for this docker CLI",
      );
      expect(run.main.stdout).not.toContain('[command]docker build');
      return;
    }
    expect(run.main.exitCode, run.main.stdout + run.main.stderr).toBe(0); // the test compared the sha256 RUN saw
    // The secret goes by the name of its variable, in the bake file: no argv names it or holds its value.
    expect(run.main.stdout).toContain('[command]docker buildx bake');
    expect(argv?.leaks.map(({ pid, argv: a }) => `${pid}: ${a.join(' ')}`)).toEqual([]);
    // Masked where it is read (one ::add-mask:: line, which the runner swallows), shown nowhere else.
    const buildMask = `::add-mask::${buildSecret}`;
    expect(run.main.stdout.split('\n').filter((line) => line === buildMask)).toHaveLength(1);
    const mainStdout = run.main.stdout
      .split('\n')
      .filter((line) => line !== buildMask)
      .join('\n');
    for (const [name, text] of Object.entries({
      'main stdout': mainStdout,
      'main stderr': run.main.stderr,
      'post stdout': run.post?.stdout ?? '',
      ...runnerFiles(run.files),
    })) {
      expect(text.includes(buildSecret), `${name} holds the build secret`).toBe(false);
    }
    const ref = `${image}:${run.outputs.tag ?? ''}`;
    expect(imageRecord(ref).includes(buildSecret), 'inspect or history holds the build secret').toBe(false);
    const bytes = savedImageBytes(ref);
    expect(bytes.length).toBeGreaterThan(2);
    expect(
      bytes.some((part) => part.includes(secretDigest)),
      'the saved image was read (its RUN layer holds the sha256 RUN wrote)',
    ).toBe(true);
    expect(bytes.filter((part) => part.includes(buildSecret))).toHaveLength(0);
  });
});
