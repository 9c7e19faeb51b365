import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { runAction } from '../harness/run-action.mjs';
import { FIXTURES, containersNamed, dockerOk, randomId, randomSha, removeRepositories, errorLine } from './support.js';

const namespace = `btd-e2e-${randomId()}`;

afterAll(() => removeRepositories(`${namespace}/unhealthy`, `${namespace}/crashes`, `${namespace}/killed`));

async function runFixture(
  fixture: string,
  inputs: Record<string, string> = {},
  repository = `${namespace}/${fixture}`,
) {
  const started = Date.now();
  const run = await runAction({
    inputs: {
      image: repository,
      context: path.join(FIXTURES, fixture),
      sha: randomSha(),
      'test-command': 'echo tests-ran',
      ...inputs,
    },
  });
  return { run, seconds: (Date.now() - started) / 1000 };
}

describe('waiting until the container is ready', () => {
  it("fails at once when the container turns unhealthy, showing the probes' output and logs", async () => {
    const { run, seconds } = await runFixture('unhealthy', { 'wait-timeout': '120' });
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toMatch(/^::error::Container unhealthy-[0-9a-f]{7}-.* is unhealthy\.$/);
    expect(seconds).toBeLessThan(30);
    expect(run.main.stdout).toContain('::group::Diagnosis: state, health probes and last 100 log lines of unhealthy-');
    expect(run.main.stdout).toContain('probe: database not reachable');
    expect(run.main.stdout).not.toContain('tests-ran');
    expect(containersNamed('unhealthy-')).toEqual([]);
  });

  it('fails after wait-timeout when the container stays starting, and says so', async () => {
    const { run, seconds } = await runFixture('unhealthy', {
      'wait-timeout': '3',
      'run-args': '--health-start-period=120s',
    });
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toMatch(/was not healthy after 3 s \(wait-timeout\)\.$/);
    expect(run.main.stdout).toContain('Health: starting');
    expect(seconds).toBeLessThan(30);
    expect(containersNamed('unhealthy-')).toEqual([]);
  });

  it('fails in seconds when the container crashes before it is healthy, with its exit code and logs', async () => {
    const { run, seconds } = await runFixture('crashes');
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toMatch(/^::error::Container crashes-.* exited with code 3\.$/);
    expect(run.main.stdout).toContain('fatal: DATABASE_URL is not set');
    expect(run.main.stdout).toContain('State: exited, exit code 3');
    expect(seconds).toBeLessThan(20);
    expect(containersNamed('crashes-')).toEqual([]);
  });

  it('post removes the container when main is killed mid-wait', async () => {
    const repository = `${namespace}/killed`;
    let killed = false;
    const run = await runAction({
      inputs: {
        image: repository,
        context: path.join(FIXTURES, 'unhealthy'),
        sha: randomSha(),
        'wait-timeout': '300',
        'run-args': '--health-start-period=300s',
      },
      onMainSpawn: (child) => {
        const poll = setInterval(() => {
          if (containersNamed('killed-').length > 0) {
            clearInterval(poll);
            killed = child.kill('SIGKILL');
          }
        }, 100);
        child.on('exit', () => clearInterval(poll));
      },
    });
    expect(killed).toBe(true);
    expect(run.main.signal).toBe('SIGKILL');
    expect(run.state.container).toMatch(/^killed-/);
    expect(run.post?.exitCode).toBe(0);
    expect(run.post?.stdout).toContain(`Removed container ${run.state.container}.`);
    expect(containersNamed('killed-')).toEqual([]);
    dockerOk('container', 'rm', '--force', run.state.container ?? '');
  });
});
