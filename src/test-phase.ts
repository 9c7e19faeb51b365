import { docker } from './docker-cli.js';
import { execShellArgs, killContainerArgs } from './docker-args.js';
import type { PortBinding } from './docker-output.js';
import type { KeyValue } from './inputs.js';
import { runStreamed } from './streamed-process.js';
import { publishedAddress } from './wait-ready.js';

export interface TestRun {
  readonly command: string;
  readonly on: 'container' | 'runner';
  readonly user: string;
  readonly env: readonly KeyValue[];
  readonly timeoutSeconds: number;
  readonly container: { readonly id: string; readonly name: string; readonly imageRef: string; readonly ports: Readonly<Record<string, readonly PortBinding[]>> };
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
    if (address !== undefined) env[`CONTAINER_PORT_${port}${protocol === 'tcp' ? '' : `_${protocol.toUpperCase()}`}`] = address;
  }
  return env;
}

/** The environment of a runner-side test: the runner's own, the container's coordinates, then test-env. */
export function runnerTestEnv(run: TestRun, base: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  return {
    ...base,
    CONTAINER_ID: run.container.id,
    CONTAINER_NAME: run.container.name,
    IMAGE_REF: run.container.imageRef,
    ...containerPortEnv(run.container.ports),
    ...Object.fromEntries(run.env.map(({ key, value }) => [key, value])),
  };
}

/** docker exec argv: test-env goes by name only (`--env KEY`), its values through the CLI's environment. */
export function containerTestArgs(run: TestRun): string[] {
  const options = [...(run.user === '' ? [] : ['--user', run.user]), ...run.env.flatMap(({ key }) => ['--env', key])];
  const [exec = 'exec', ...rest] = execShellArgs(run.container.name, run.command);
  return [exec, ...options, ...rest];
}

/** Runs the test command in the container or on the runner, streaming its output; stops it at the time limit. */
export async function runTests(run: TestRun): Promise<TestOutcome> {
  const timeoutMs = run.timeoutSeconds * 1000;
  if (run.on === 'runner') {
    const result = await runStreamed('sh', ['-c', run.command], { cwd: run.workspace, env: runnerTestEnv(run, process.env), timeoutMs, display: `sh -c ${run.command}` });
    return { exitCode: result.exitCode ?? 137, timedOut: result.timedOut };
  }
  const args = containerTestArgs(run);
  const env = { ...process.env, ...Object.fromEntries(run.env.map(({ key, value }) => [key, value])) };
  const result = await runStreamed('docker', args, { env, timeoutMs, display: `docker ${args.join(' ')}` });
  if (result.timedOut) {
    // Killing `docker exec` leaves the command running inside: stopping the container stops it for sure.
    await docker(killContainerArgs(run.container.name), { silent: true, allowFailure: true });
  }
  return { exitCode: result.exitCode ?? 137, timedOut: result.timedOut };
}
