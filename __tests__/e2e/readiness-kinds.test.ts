import { afterAll, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runAction } from '../harness/run-action.mjs';
import { FIXTURES, containersNamed, randomId, randomSha, removeRepositories, errorLine } from './support.js';

const namespace = `btd-e2e-${randomId()}`;
const used = new Set<string>();

afterAll(() => removeRepositories(...used));

async function runFixture(fixture: string, inputs: Record<string, string>, cwd?: string) {
  const repository = `${namespace}/${fixture}`;
  used.add(repository);
  const started = Date.now();
  const run = await runAction({
    cwd,
    inputs: {
      image: repository,
      context: path.join(FIXTURES, fixture),
      sha: randomSha(),
      'prune-grace': '0',
      ...inputs,
    },
  });
  expect(containersNamed(`${fixture}-`)).toEqual([]);
  return { run, seconds: (Date.now() - started) / 1000 };
}

const PUBLISH = '--publish=127.0.0.1::8080';

describe('wait-for: every kind passes, and fails as it should', () => {
  it('healthy: waits for a slow HEALTHCHECK and reports ready-seconds', async () => {
    const { run } = await runFixture('slow-healthy', { 'wait-for': 'healthy', 'test-command': 'test -f /state/ready' });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    expect(Number(run.outputs['ready-seconds'])).toBeGreaterThan(2.5);
    expect(Number(run.outputs['ready-seconds'])).toBeLessThan(10);
    expect(run.main.stdout).toContain('is ready (healthy) after');
    expect(run.summary).toContain('Ready after');
    // The exec was started during the wait and held: the test found /state/ready, so it ran only once ready.
    expect(run.main.stdout).toContain('(started while waiting, released now)');
  });

  it('healthy without a healthcheck fails at once, saying so', async () => {
    const { run, seconds } = await runFixture('service', {
      'wait-for': 'healthy',
      'run-args': '--no-healthcheck',
      'wait-timeout': '120',
    });
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toContain('has no healthcheck, but wait-for is healthy');
    expect(seconds).toBeLessThan(30);
  });

  it('http: reaches the published port from the runner; any 2xx', async () => {
    const { run } = await runFixture('service', {
      'wait-for': 'http:8080/',
      'run-args': `--no-healthcheck\n${PUBLISH}`,
      'test-command': 'true',
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    expect(run.main.stdout).toContain('is ready (answering GET :8080/ with 2xx)');
  });

  it('http with #status= and the http://127.0.0.1 form', async () => {
    const { run } = await runFixture('service', {
      'wait-for': 'http://127.0.0.1:8080/missing#status=404',
      'run-args': `--no-healthcheck\n${PUBLISH}`,
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
  });

  it('http times out with the last answer in the error', async () => {
    const { run, seconds } = await runFixture('service', {
      'wait-for': 'http:8080/missing',
      'wait-timeout': '3',
      'run-args': `--no-healthcheck\n${PUBLISH}`,
    });
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toMatch(
      /was not answering GET :8080\/missing with 2xx after 3 s \(wait-timeout\); last check: GET http:\/\/127\.0\.0\.1:\d+\/missing answered 404\.$/,
    );
    expect(seconds).toBeLessThan(30);
  });

  it('http on a port that is not published fails at once, saying how to publish it', async () => {
    const { run, seconds } = await runFixture('service', {
      'wait-for': 'http:8080/',
      'run-args': '--no-healthcheck',
      'wait-timeout': '120',
    });
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toContain(
      'does not publish port 8080/tcp to the host, which wait-for http:8080 needs (add --publish=127.0.0.1::8080 to run-args)',
    );
    expect(run.main.stdout).toContain('Ports: 8080/tcp → not published');
    expect(seconds).toBeLessThan(30);
  });

  it('tcp: ready when the service accepts connections', async () => {
    const { run } = await runFixture('service', { 'wait-for': 'tcp:8080', 'run-args': `--no-healthcheck\n${PUBLISH}` });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
  });

  it("tcp: a published port nothing listens on is not ready (docker-proxy's accept is not the service's)", async () => {
    const { run } = await runFixture('service', {
      'wait-for': 'tcp:9999',
      'wait-timeout': '3',
      'run-args': '--no-healthcheck\n--publish=127.0.0.1::9999',
    });
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toMatch(
      /was not accepting connections on :9999 after 3 s \(wait-timeout\); last check: connecting to 127\.0\.0\.1:\d+: /,
    );
  });

  it('log: a line matching on stderr makes it ready', async () => {
    const { run } = await runFixture('log-ready', {
      'wait-for': 'log:ready on :\\d+$',
      'test-command': 'wget -q -O - http://127.0.0.1:8080/ | grep -q log-ready',
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    expect(Number(run.outputs['ready-seconds'])).toBeGreaterThan(1.5);
  });

  it('log: times out when no line matches', async () => {
    const { run } = await runFixture('log-ready', { 'wait-for': 'log:never printed', 'wait-timeout': '4' });
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toContain(
      'was not logging a line matching /never printed/ after 4 s (wait-timeout); last check: no log line matched /never printed/.',
    );
  });

  it('exit:0: a one-shot container is ready when it exited 0; its results come out; runner-side tests run', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'workspace-'));
    const { run } = await runFixture(
      'one-shot',
      {
        'wait-for': 'exit:0',
        'test-on': 'runner',
        'test-command': 'test "$CONTAINER_NAME" != "" && pwd > where-tests-ran',
        'test-reports': '/out',
        'reports-dir': 'job-output',
      },
      workspace,
    );
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    expect(readFileSync(path.join(workspace, 'where-tests-ran'), 'utf8').trim()).toBe(workspace);
    expect(readFileSync(path.join(workspace, 'job-output', 'result.txt'), 'utf8')).toBe('migrated\n');
    expect(run.outputs['reports-dir']).toBe(path.join(workspace, 'job-output'));
  });

  it('exit:0: a one-shot container that exits non-zero fails with its code', async () => {
    const { run } = await runFixture('one-shot', { 'wait-for': 'exit:0', 'run-args': '--env=EXIT_CODE=5' });
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toMatch(/^::error::Container one-shot-.* exited with code 5\.$/);
    expect(run.main.stdout).toContain('migrating');
  });
});

describe('tests: on the runner, as another user, with env, with a time limit, with reports', () => {
  it('test-on runner reaches the very container through its published port, with test-env', async () => {
    const script = [
      'set -e',
      'test "$IMAGE_REF" = "$EXPECTED_IMAGE_PREFIX$(echo "$IMAGE_REF" | cut -d: -f2)"',
      "node -e \"fetch('http://' + process.env.CONTAINER_PORT_8080 + '/').then((r) => r.text()).then((t) => { if (!t.includes('from the service')) process.exit(7); })\"",
      'docker inspect --format "{{.Id}}" "$CONTAINER_NAME" | grep -q "$CONTAINER_ID"',
      'echo "runner-side tests passed against $CONTAINER_PORT_8080"',
    ].join('\n');
    const { run } = await runFixture('service', {
      'run-args': PUBLISH,
      'test-on': 'runner',
      'test-command': script,
      'test-env': `EXPECTED_IMAGE_PREFIX=${namespace}/service:`,
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    expect(run.main.stdout).toMatch(/runner-side tests passed against 127\.0\.0\.1:\d+/);
  });

  it('test-user and test-env reach the command inside the container', async () => {
    const { run } = await runFixture('service', {
      'test-user': '1234:5678',
      'test-env': 'API_TOKEN=t0ken value\nMODE=ci',
      'test-command': 'test "$(id -u):$(id -g)" = 1234:5678 && test "$API_TOKEN" = "t0ken value" && test "$MODE" = ci',
    });
    expect(run.main.exitCode, run.main.stdout).toBe(0);
    // test-env values travel by environment, never in docker's argv.
    expect(run.main.stdout).toMatch(/\[command\]docker exec --user 1234:5678 --env API_TOKEN --env MODE service-/);
    expect(run.main.stdout).not.toContain('API_TOKEN=t0ken');
  });

  it('test-timeout stops the tests and fails saying so; reports still come out', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'workspace-'));
    const { run, seconds } = await runFixture(
      'service',
      {
        'test-command': 'mkdir -p /reports && echo partial > /reports/progress.txt && sleep 60',
        'test-timeout': '2',
        'test-reports': '/reports',
      },
      workspace,
    );
    expect(run.main.exitCode).toBe(1);
    expect(errorLine(run.main.stdout)).toMatch(
      /^::error::Tests timed out: the test command ran longer than test-timeout \(2 s\) and was stopped/,
    );
    expect(seconds).toBeLessThan(30);
    expect(readFileSync(path.join(workspace, 'reports', 'progress.txt'), 'utf8')).toBe('partial\n');
  });

  it('JUnit reports: copied out of a read-only container when the tests fail; counts in outputs and summary; failures annotated', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'workspace-'));
    const junit = `<?xml version="1.0" encoding="UTF-8"?>
<testsuites><testsuite name="api" tests="4" failures="1" skipped="1">
<testcase classname="tests.test_api" name="test_health" file="tests/test_api.py" line="3"/>
<testcase classname="tests.test_api" name="test_list" file="tests/test_api.py" line="8"/>
<testcase classname="tests.test_api" name="test_create" file="tests/test_api.py" line="12"><failure message="expected 201, got 500">AssertionError</failure></testcase>
<testcase classname="tests.test_api" name="test_later"><skipped/></testcase>
</testsuite></testsuites>`;
    const { run } = await runFixture(
      'service',
      {
        'run-args': '--read-only\n--volume=/reports',
        'test-command': `cat > /reports/junit.xml <<'XML'\n${junit}\nXML\nexit 1`,
        'test-reports': '/reports',
      },
      workspace,
    );
    expect(run.main.exitCode).toBe(1);
    expect(run.outputs).toMatchObject({
      'test-exit-code': '1',
      'tests-passed': '2',
      'tests-failed': '1',
      'tests-skipped': '1',
      pushed: 'false',
    });
    expect(existsSync(path.join(workspace, 'reports', 'junit.xml'))).toBe(true);
    expect(run.main.stdout).toContain(
      '::error title=tests.test_api › test_create,file=tests/test_api.py,line=12::expected 201, got 500%0AAssertionError',
    );
    expect(run.summary).toContain('2 passed, 1 failed, 1 skipped');
  });
});
