import { killChild } from '../process/children.js';
import { commandLog } from '../process/command-log.js';
import type { Engine, ExecRequest } from '../docker/engine.js';
import type { PortBinding } from '../docker/output.js';
import type { KeyValue } from '../shared/vocabulary.js';
import { runStreamed, streamOutput, superviseStreamed, type StreamedResult } from '../process/streamed.js';
import { publishedAddress } from './wait-ready.js';

export interface TestRun {
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
export function runnerTestEnv(run: TestRun, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return testEnv(run, {
    ...base,
    CONTAINER_ID: run.container.id,
    CONTAINER_NAME: run.container.name,
    IMAGE_REF: run.container.imageRef,
    ...containerPortEnv(run.container.ports),
  });
}

/** The test's `docker exec`: in the container, by name, as the test user, with test-env. */
function execRequest(run: HeldTestRun): ExecRequest {
  return { container: run.container.name, command: run.command, user: run.user, env: run.env };
}

export type HeldTestRun = Pick<TestRun, 'command' | 'user' | 'env'> & {
  readonly container: Pick<TestRun['container'], 'name'>;
};

export interface HeldTest {
  /** Lets the command run and waits for it; if the held exec is gone (the container restarted), runs it afresh. */
  readonly release: (run: TestRun) => Promise<TestOutcome>;
  /** Ends the held exec without running the command. */
  readonly cancel: () => void;
}

/** `base` with test-env on top: how its values reach the runner's shell, never argv. */
function testEnv(run: Pick<TestRun, 'env'>, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return { ...base, ...Object.fromEntries(run.env.map(({ key, value }) => [key, value])) };
}

/**
 * Starts `docker exec` of the test while the container is still becoming ready, held at a gate: starting
 * an exec costs the engine about 130 ms, which is then paid during the wait instead of after it.
 */
export function holdContainerTest(engine: Engine, run: HeldTestRun): HeldTest {
  const { child } = engine.holdExec(execRequest(run));
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

async function outcome(engine: Engine, run: TestRun, result: StreamedResult): Promise<TestOutcome> {
  if (result.timedOut) {
    // Killing `docker exec` leaves the command running inside: stopping the container stops it for sure.
    await engine.killContainer(run.container.name);
  }
  return { exitCode: result.exitCode ?? 137, timedOut: result.timedOut };
}

/** Runs the test command in the container or on the runner, streaming its output; stops it at the time limit. */
export async function runTests(engine: Engine, run: TestRun): Promise<TestOutcome> {
  const timeoutMs = run.timeoutSeconds * 1000;
  if (run.on === 'runner') {
    const result = await runStreamed('sh', ['-c', run.command], {
      cwd: run.workspace,
      env: runnerTestEnv(run, process.env),
      timeoutMs,
      display: `sh -c ${run.command}`,
    });
    return { exitCode: result.exitCode ?? 137, timedOut: result.timedOut };
  }
  const { child, display } = engine.startExec(execRequest(run));
  commandLog().command(display);
  streamOutput(child);
  return outcome(engine, run, await superviseStreamed(child, timeoutMs));
}
