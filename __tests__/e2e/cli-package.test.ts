import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { ROOT } from '../harness/run-action.mjs';
import { parseOutputLines } from '../harness/run-cli.mjs';
import { containersNamed, gitFixture, imageId, randomId, removeRepositories } from './support.js';

// The package as users get it: `npm pack`, installed from the tarball into an empty folder (no registry, no
// dependencies: everything is bundled), run with npx there, far from this repository's node_modules.

const execFileAsync = promisify(execFile);
const namespace = `btd-e2e-${randomId()}`;
const used: string[] = [];
const packageName = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { name: string }).name;

/** The environment without what would let the package find this repository's modules or npm settings. */
function cleanEnv(): NodeJS.ProcessEnv {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      ([key]) => !/^(npm_|NODE_PATH$|NODE_OPTIONS$|INPUT_|STATE_|GITHUB_|RUNNER_|REGISTRY_)/i.test(key),
    ),
  );
}

async function run(
  command: string,
  args: readonly string[],
  cwd: string,
): Promise<{ exitCode: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await execFileAsync(command, args, {
      cwd,
      env: cleanEnv(),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return { exitCode: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number | string; stdout?: string; stderr?: string };
    return {
      exitCode: typeof failed.code === 'number' ? failed.code : -1,
      stdout: failed.stdout ?? '',
      stderr: failed.stderr ?? String(error),
    };
  }
}

let app = '';

beforeAll(async () => {
  const packs = mkdtempSync(path.join(tmpdir(), 'btd-pack-'));
  const pack = await run('npm', ['pack', '--json', '--pack-destination', packs], ROOT);
  expect(pack.exitCode, pack.stderr).toBe(0);
  const [{ filename }] = JSON.parse(pack.stdout) as [{ filename: string }];
  app = mkdtempSync(path.join(tmpdir(), 'btd-installed-'));
  const install = await run(
    'npm',
    ['install', '--no-audit', '--no-fund', '--offline', path.join(packs, path.basename(filename))],
    app,
  );
  expect(install.exitCode, install.stderr).toBe(0);
}, 120_000);

afterAll(() => removeRepositories(...used));

describe('the npm package, installed from its tarball into an empty folder', () => {
  it('holds only the package itself: no dependencies, a copy (not a link to this repository)', () => {
    const modules = path.join(app, 'node_modules');
    expect(readdirSync(modules).filter((entry) => !entry.startsWith('.'))).toEqual([packageName]);
    expect(readdirSync(path.join(modules, '.bin'))).toEqual(['build-test-deploy']);
    expect(realpathSync(path.join(modules, '.bin', 'build-test-deploy'))).toBe(
      path.join(realpathSync(modules), packageName, 'dist', 'cli', 'index.js'),
    );
  });

  it('npx build-test-deploy --help works there', async () => {
    const help = await run('npx', ['build-test-deploy', '--help'], app);
    expect(help.exitCode, help.stderr).toBe(0);
    expect(help.stdout).toMatch(/^Usage: build-test-deploy --image NAME/);
    expect(help.stdout).toMatch(/^ {2}--image VALUE +Repository name/m);
  });

  it('npx build-test-deploy runs the loop on a fixture, its inputs from a step file (the lazily loaded YAML parser)', async () => {
    const fixture = gitFixture('service');
    const repository = `${namespace}/packaged`;
    used.push(repository);
    const step = path.join(app, 'step.yml');
    // A whole workflow step, as copied from a workflow: its with: is what the CLI takes.
    writeFileSync(
      step,
      [
        'name: Build and test',
        'uses: acme/build-test-deploy@v1',
        'with:',
        `  image: ${repository}`,
        `  context: ${fixture.dir}`,
        '  build-args: GREETING=packaged',
        '  test-command: wget -q -O - http://127.0.0.1:8080/ | grep -q "packaged from the service"',
        '',
      ].join('\n'),
    );
    const result = await run('npx', ['build-test-deploy', '--inputs', step], app);
    expect(result.exitCode, result.stderr).toBe(0);
    const tag = fixture.sha.slice(0, 7);
    const outputs = parseOutputLines(result.stdout);
    expect(outputs).toMatchObject({
      sha: fixture.sha,
      tag,
      'image-ref': `${repository}:${tag}`,
      pushed: 'false',
      'test-exit-code': '0',
    });
    expect(imageId(`${repository}:${tag}`)).toBe(outputs['image-id']);
    expect(result.stderr).toContain('▸ Test inside ');
    expect(containersNamed(`packaged-${tag}-`)).toEqual([]);
  });
});
