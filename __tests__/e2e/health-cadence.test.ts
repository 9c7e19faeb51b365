import { afterAll, describe, expect, it } from 'vitest';
import path from 'node:path';
import { runAction } from '../harness/run-action.mjs';
import { FIXTURES, containersNamed, docker, errorLine, randomId, randomSha, removeRepositories } from './support.js';

// Ready when the service is ready, not when the engine next probes it: an image whose HEALTHCHECK keeps Docker's
// default cadence (the first check 30 s after the start) is asked every 0.2 s while it starts, by the engine
// where it can (Docker 25 and later), else by the action.

const namespace = `btd-e2e-${randomId()}`;
const used = new Set<string>();
afterAll(() => removeRepositories(...used));

/** Docker 25 and later ask the check themselves during the start period (--health-start-interval). */
const engineAsks = Number(docker('version', '--format', '{{.Server.Version}}').split('.')[0]) >= 25;

async function runFixture(fixture: string, inputs: Record<string, string>) {
  const repository = `${namespace}/${fixture}`;
  used.add(repository);
  const started = Date.now();
  const run = await runAction({
    inputs: { image: repository, context: path.join(FIXTURES, fixture), sha: randomSha(), ...inputs },
  });
  expect(containersNamed(`${fixture}-`)).toEqual([]);
  return { run, seconds: (Date.now() - started) / 1000 };
}

// Seen from the runner, while the test runs: the engine's own view of the container's health, and its config
// (an engine before 25 has no start interval to show).
const ENGINE_VIEW = `docker container inspect --format "health={{.State.Health.Status}} interval={{.Config.Healthcheck.Interval}}${engineAsks ? ' start-interval={{.Config.Healthcheck.StartInterval}}' : ''}" "$CONTAINER_NAME"`;

describe('the health check asked early and often while the container starts', () => {
  it('default cadence, a service that answers after 1 s: ready in under 3 s, and the log and summary say so', async () => {
    const { run } = await runFixture('default-cadence', { 'test-on': 'runner', 'test-command': ENGINE_VIEW });
    const log = run.main.stdout + run.main.stderr;
    expect(run.main.exitCode, log).toBe(0);
    const ready = Number(run.outputs['ready-seconds']);
    expect(ready).toBeGreaterThan(0.9); // the service itself takes 1 s
    expect(ready).toBeLessThan(3);
    expect(log).toMatch(/is ready \(healthy\) after [0-9.]+ s, by its health check/);
    expect(log).toContain(
      "At the image's own cadence (a check every 30 s) it would have been found healthy after 30 s",
    );
    expect(run.summary).toContain("(the image's own health check cadence: 30 s)");
    if (engineAsks) {
      // The engine's own status agrees (what compose's service_healthy and docker ps read), and only while it
      // starts is it asked more often: afterwards the image's 30 s again.
      expect(log).toContain('asked by the engine every 200 ms');
      expect(log).toContain('--health-start-interval=200ms');
      expect(log).toContain('health=healthy interval=0s start-interval=200ms');
    } else {
      // This engine cannot: the action ran the image's own command; the engine's status is still its own.
      expect(log).toContain('run by the action every 200 ms');
      expect(log).toContain(
        "the action runs the image's check (/bin/sh -c wget -q -O /dev/null http://127.0.0.1:8080/ || exit 1)",
      );
      expect(log).toContain('health=starting interval=0s');
    }
  });

  it('a check that never passes fails by wait-timeout, with the probes in the diagnosis', async () => {
    const { run, seconds } = await runFixture('never-healthy', {
      'wait-timeout': '4',
      'test-command': 'echo tests-ran',
    });
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toMatch(/was not healthy after 4 s \(wait-timeout\)\.$/);
    expect(run.main.stdout).toContain('Health: starting');
    expect(run.main.stdout).not.toContain('tests-ran');
    expect(seconds).toBeLessThan(30);
    // Asked every 0.2 s by the engine, it has probes to show after 4 s; at its own cadence it would have none.
    if (engineAsks) expect(run.main.stdout).toContain('probe: not listening yet');
  });

  it("the user's own health flags in run-args win: nothing is added, their cadence decides", async () => {
    const { run } = await runFixture('default-cadence', {
      'run-args': '--health-interval=1s',
      'test-on': 'runner',
      'test-command': ENGINE_VIEW,
    });
    const log = run.main.stdout + run.main.stderr;
    expect(run.main.exitCode, log).toBe(0);
    expect(log).not.toContain('--health-start-interval');
    expect(log).not.toContain('run by the action');
    expect(log).toContain('health=healthy interval=1s');
    expect(run.summary).not.toContain("the image's own health check cadence");
    expect(Number(run.outputs['ready-seconds'])).toBeLessThan(5);
  });
});
