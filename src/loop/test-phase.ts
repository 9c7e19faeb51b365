import { killChild } from '../process/children.js';
import { commandLog } from '../process/command-log.js';
import type { Engine, ExecRequest } from '../docker/engine.js';
import type { PortBinding } from '../docker/output.js';
import type { KeyValue } from '../shared/vocabulary.js';
import { runStreamed, streamOutput, superviseStreamed, type StreamedResult } from '../process/streamed.js';
import { publishedAddress } from './wait-ready.js';

export interface TestRequest {
  readonly command: string;
  readonly on: 'container' | 'runner';
  readonly user: string;
  readonly env: readonly KeyValue[];
  readonly timeoutSeconds: number;
  readonly container: {
    readonly id: string;
    readonly name: string;
    readonly imageRef: string;
    readonly ports: Readonly<Record<string, readonly PortBinding[]>>;
  };
  readonly workspace: string;
}

export interface TestOutcome {
  readonly exitCode: number;
  readonly timedOut: boolean;
}

/** `CONTAINER_PORT_8080=127.0.0.1:32768` for each published port (`_UDP` suffix for udp): how runner-side tests reach the container. */
export function containerPortEnv(ports: Readonly<Record<string, readonly PortBinding[]>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const key of Object.keys(ports)) {
    const [port = '', protocol = 'tcp'] = key.split('/');
    const address = publishedAddress(ports, Number(port), protocol);
    if (address !== undefined)
      env[`CONTAINER_PORT_${port}${protocol === 'tcp' ? '' : `_${protocol.toUpperCase()}`}`] = address;
  }
  return env;
}

/** The environment of a runner-side test: the runner's own, the container's coordinates, then test-env. */
export function runnerTestEnv(test: TestRequest, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return testEnv(test, {
    ...base,
    CONTAINER_ID: test.container.id,
    CONTAINER_NAME: test.container.name,
    IMAGE_REF: test.container.imageRef,
    ...containerPortEnv(test.container.ports),
  });
}

/** The test's `docker exec`: in the container, by name, as the test user, with test-env. */
function execRequest(test: HeldTestRequest): ExecRequest {
  return { container: test.container.name, command: test.command, user: test.user, env: test.env };
}

export type HeldTestRequest = Pick<TestRequest, 'command' | 'user' | 'env'> & {
  readonly container: Pick<TestRequest['container'], 'name'>;
};

export interface HeldTest {
  /** Lets the command run and waits for it; if the held exec is gone (the container restarted), runs it afresh. */
  readonly release: (test: TestRequest) => Promise<TestOutcome>;
  /** Ends the held exec without running the command. */
  readonly cancel: () => void;
}

/** `base` with test-env on top: how its values reach the runner's shell, never argv. */
function testEnv(test: Pick<TestRequest, 'env'>, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...base, ...Object.fromEntries(test.env.map(({ key, value }) => [key, value])) };
}

/**
 * Starts `docker exec` of the test while the container is still becoming ready, held at a gate: starting
 * an exec costs the engine about 130 ms, which is then paid during the wait instead of after it.
 */
export function holdContainerTest(engine: Engine, test: HeldTestRequest): HeldTest {
  const { child } = engine.holdExec(execRequest(test));
  const log = commandLog();
  let gone = false;
  let released = false;
  child.once('close', () => (gone = true));
  child.once('error', () => (gone = true));
  child.stdin.on('error', () => undefined); // it ended early: release runs the test afresh
  // Until released, its output is only the gate's (nothing, or why the exec failed): the fresh run will say it.
  child.stdout.on('data', (chunk: Buffer) => released && log.output(chunk, 'stdout'));
  child.stderr.on('data', (chunk: Buffer) => released && log.output(chunk, 'stderr'));
  return {
    release: async (full) => {
      if (gone) return runTests(engine, full);
      released = true;
      log.command(`${engine.describeExec(execRequest(full))} (started while waiting, released now)`);
      const supervised = superviseStreamed(child, full.timeoutSeconds * 1000);
      child.stdin.end('run\n');
      return outcome(engine, full, await supervised);
    },
    cancel: () => {
      if (gone || released) return;
      child.stdin.end();
      killChild(child);
    },
  };
}

async function outcome(engine: Engine, test: TestRequest, result: StreamedResult): Promise<TestOutcome> {
  if (result.timedOut) {
    // Killing `docker exec` leaves the command running inside: stopping the container stops it for sure.
    await engine.killContainer(test.container.name);
  }
  return { exitCode: result.exitCode ?? 137, timedOut: result.timedOut };
}

/** Runs the test command in the container or on the runner, streaming its output; stops it at the time limit. */
export async function runTests(engine: Engine, test: TestRequest): Promise<TestOutcome> {
  const timeoutMs = test.timeoutSeconds * 1000;
  if (test.on === 'runner') {
    const result = await runStreamed('sh', ['-c', test.command], {
      cwd: test.workspace,
      env: runnerTestEnv(test, process.env),
      timeoutMs,
      display: `sh -c ${test.command}`,
    });
    return { exitCode: result.exitCode ?? 137, timedOut: result.timedOut };
  }
  const { child, display } = engine.startExec(execRequest(test));
  commandLog().command(display);
  streamOutput(child);
  return outcome(engine, test, await superviseStreamed(child, timeoutMs));
}
