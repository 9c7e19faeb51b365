import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import type { ReadinessEvent } from '../../../src/docker/output.js';
import { ContainerNotReadyError, waitUntilReady } from '../../../src/loop/wait-ready.js';
import type { WaitFor } from '../../../src/loop/inputs.js';
import { container, fakeEngine, silentUntilStopped } from '../docker/fake-engine.js';

// waitUntilReady against a fake engine: the verdict it reaches from the state and the events, and the calls it
// makes (one inspect up front; the final inspect and the logs only when the container did not come up).

const NAME = 'app-d24155b-local-1-abcdef';
const STARTING = { status: 'starting', probes: [] };
const auto: WaitFor = { kind: 'auto' };

/** An engine whose events for the container are `events`, in order, then silence. */
function eventsSay(...events: ReadinessEvent[]) {
  return <T>(
    _container: unknown,
    pick: (event: ReadinessEvent | undefined) => T | undefined,
    signal: AbortSignal,
  ): Promise<T | undefined> => {
    for (const event of events) {
      const verdict = pick(event);
      if (verdict !== undefined) return Promise.resolve(verdict);
    }
    return silentUntilStopped(signal);
  };
}

describe('waitUntilReady', () => {
  it('running without a health check: ready from the one inspect, no events followed', async () => {
    const engine = fakeEngine({ inspectContainer: () => Promise.resolve(container()) });
    const ready = await waitUntilReady(engine, NAME, auto, 30);
    expect(ready.condition).toBe('running');
    expect(engine.said()).toEqual([`inspectContainer ${NAME}`]);
  });

  it('a health check: ready on the healthy event, inspected once', async () => {
    const engine = fakeEngine({
      inspectContainer: () => Promise.resolve(container({ health: STARTING })),
      untilEvent: eventsSay({ kind: 'started' }, { kind: 'healthy' }),
    });
    const ready = await waitUntilReady(engine, NAME, auto, 30);
    expect(ready.condition).toBe('healthy');
    expect(engine.said()).toEqual([`inspectContainer ${NAME}`, 'untilEvent']);
    // The events are read from the container's creation on: a change before the subscription is replayed.
    expect(engine.calls[1]?.args[0]).toMatchObject({ id: 'c0ffee', created: '2026-12-08T10:00:00.000000000Z' });
  });

  it('unhealthy: fails at once, with the final state and the last log lines', async () => {
    const engine = fakeEngine({
      inspectContainer: () => Promise.resolve(container({ health: STARTING })),
      untilEvent: eventsSay({ kind: 'unhealthy' }),
      findContainer: () =>
        Promise.resolve(
          container({
            health: { status: 'unhealthy', probes: [{ start: '10:00:01', exitCode: 1, output: 'refused' }] },
          }),
        ),
      containerLogs: () => Promise.resolve('2026-12-08T10:00:00.5Z listening on :9090'),
    });
    const error = await waitUntilReady(engine, NAME, auto, 30).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContainerNotReadyError);
    expect((error as Error).message).toContain('is unhealthy');
    expect((error as ContainerNotReadyError).diagnosis).toContain('10:00:01 exit 1: refused');
    expect((error as ContainerNotReadyError).diagnosis).toContain('listening on :9090');
    expect(engine.said()).toEqual([
      `inspectContainer ${NAME}`,
      'untilEvent',
      `findContainer ${NAME}`,
      `containerLogs ${NAME}`,
    ]);
  });

  it('exited: the final inspect gives the exit code and OOMKilled', async () => {
    const engine = fakeEngine({
      inspectContainer: () => Promise.resolve(container({ status: 'created' })),
      untilEvent: eventsSay({ kind: 'oom' }, { kind: 'exited', exitCode: 137 }),
      findContainer: () => Promise.resolve(container({ status: 'exited', exitCode: 137, oomKilled: true })),
      containerLogs: () => Promise.resolve(''),
    });
    await expect(waitUntilReady(engine, NAME, auto, 30)).rejects.toThrow(
      'exited with code 137 (OOMKilled: it ran out of memory)',
    );
  });

  it('removed meanwhile: the diagnosis says it no longer exists', async () => {
    const engine = fakeEngine({
      inspectContainer: () => Promise.resolve(container({ status: 'created' })),
      untilEvent: eventsSay({ kind: 'destroyed' }),
      findContainer: () => Promise.resolve(undefined),
      containerLogs: () => Promise.resolve(''),
    });
    const error = (await waitUntilReady(engine, NAME, auto, 30).catch((e: unknown) => e)) as ContainerNotReadyError;
    expect(error.message).toContain('was removed while the action waited for it');
    expect(error.diagnosis).toContain('The container no longer exists.');
  });

  it('never healthy: fails at wait-timeout, and the event stream is stopped', async () => {
    let stopped = false;
    const engine = fakeEngine({
      inspectContainer: () => Promise.resolve(container({ health: STARTING })),
      untilEvent: (_container, _pick, signal) => {
        signal.addEventListener('abort', () => (stopped = true));
        return silentUntilStopped(signal);
      },
      findContainer: () => Promise.resolve(container({ health: STARTING })),
      containerLogs: () => Promise.resolve(''),
    });
    await expect(waitUntilReady(engine, NAME, auto, 0.05)).rejects.toThrow(
      'was not healthy after 0.05 s (wait-timeout)',
    );
    expect(stopped).toBe(true);
  });

  it('log:REGEX: ready on the first matching line of the followed logs', async () => {
    const seen: string[] = [];
    const engine = fakeEngine({
      inspectContainer: () => Promise.resolve(container()),
      untilEvent: eventsSay(),
      untilLogLine: (_name, pick, signal) => {
        for (const line of ['booting', 'Listening on 8080', 'later']) {
          seen.push(line);
          const verdict = pick(line);
          if (verdict !== undefined) return Promise.resolve(verdict);
        }
        return silentUntilStopped(signal);
      },
    });
    const ready = await waitUntilReady(engine, NAME, { kind: 'log', pattern: /Listening on \d+/ }, 30);
    expect(ready.condition).toBe('logging a line matching /Listening on \\d+/');
    expect(seen).toEqual(['booting', 'Listening on 8080']);
    // The logs of the container's id, not of a name another container could take meanwhile.
    expect(engine.calls.find((call) => call.operation === 'untilLogLine')?.args[0]).toBe('c0ffee');
  });

  it('http: a port not published fails before any probe, saying which run-args would publish it', async () => {
    const engine = fakeEngine({
      inspectContainer: () => Promise.resolve(container()),
      untilEvent: eventsSay(),
      findContainer: () => Promise.resolve(container()),
      containerLogs: () => Promise.resolve(''),
    });
    await expect(
      waitUntilReady(engine, NAME, { kind: 'http', port: 8080, path: '/', status: undefined }, 30),
    ).rejects.toThrow(
      'does not publish port 8080/tcp to the host, which wait-for http:8080 needs (add --publish=127.0.0.1::8080 to run-args)',
    );
  });

  describe('with the health check asked every 200 ms while it starts', () => {
    const check = {
      test: ['CMD-SHELL', 'wget -q -O /dev/null http://127.0.0.1:8080/'],
      intervalMs: 30_000,
      timeoutMs: 30_000,
      startPeriodMs: 0,
      startIntervalMs: 0,
      retries: 3,
    };
    const command = ['/bin/sh', '-c', 'wget -q -O /dev/null http://127.0.0.1:8080/'];

    it('an older engine: the action runs the check until it passes; ready, saying how', async () => {
      let probes = 0;
      const engine = fakeEngine({
        inspectContainer: () => Promise.resolve(container({ health: STARTING })),
        untilEvent: eventsSay(),
        probeHealth: () => Promise.resolve(++probes === 3),
      });
      const ready = await waitUntilReady(engine, NAME, auto, 30, {
        kind: 'action',
        check,
        command,
        unhealthyAfterMs: 90_000,
      });
      expect(ready.condition).toBe('healthy');
      expect(ready.how).toContain('run by the action every 200 ms');
      expect(probes).toBe(3);
      // Two waits of 200 ms between three checks.
      expect(ready.seconds).toBeGreaterThanOrEqual(0.39);
      expect(
        engine.calls.filter((call) => call.operation === 'probeHealth').map((call) => call.args.slice(0, 3)),
      ).toEqual(Array(3).fill(['c0ffee', command, 30_000]));
    });

    it('a slow check: the next starts 200 ms after the last started, two at most at once', async () => {
      let started = 0;
      let running = 0;
      let most = 0;
      const engine = fakeEngine({
        inspectContainer: () => Promise.resolve(container({ health: STARTING })),
        untilEvent: eventsSay(),
        // Each check takes 350 ms unless stopped; the third passes.
        probeHealth: async (_container: string, _command: string[], _timeout: number, signal: AbortSignal) => {
          const passes = ++started === 3;
          most = Math.max(most, ++running);
          await sleep(350, undefined, { signal }).finally(() => running--);
          return passes;
        },
      });
      const ready = await waitUntilReady(engine, NAME, auto, 30, {
        kind: 'action',
        check,
        command,
        unhealthyAfterMs: 90_000,
      });
      // Started at 0, 200 and 400 ms, the third passing at 750 ms; one after another it would pass at 1450 ms.
      expect(ready.seconds).toBeGreaterThanOrEqual(0.7);
      expect(ready.seconds).toBeLessThan(0.9);
      expect(most).toBe(2);
      expect(running).toBe(0);
    });

    it('a check that hangs: two at most, and none still running when the wait has failed', async () => {
      let running = 0;
      let most = 0;
      const engine = fakeEngine({
        inspectContainer: () => Promise.resolve(container({ health: STARTING })),
        untilEvent: eventsSay(),
        probeHealth: (_container: string, _command: string[], _timeout: number, signal: AbortSignal) =>
          new Promise<boolean>((_passed, failed) => {
            most = Math.max(most, ++running);
            signal.addEventListener('abort', () => setTimeout(() => (running--, failed(new Error('stopped'))), 20));
          }),
        findContainer: () => Promise.resolve(container({ health: STARTING })),
        containerLogs: () => Promise.resolve(''),
      });
      await expect(
        waitUntilReady(engine, NAME, auto, 1, { kind: 'action', check, command, unhealthyAfterMs: 90_000 }),
      ).rejects.toThrow(/wait-timeout/);
      expect(most).toBe(2);
      expect(running).toBe(0);
    });

    it("the engine's cadence: ready on its healthy event; the action runs no check of its own", async () => {
      const engine = fakeEngine({
        inspectContainer: () => Promise.resolve(container({ health: STARTING })),
        untilEvent: eventsSay({ kind: 'healthy' }),
      });
      const ready = await waitUntilReady(engine, NAME, auto, 30, {
        kind: 'engine',
        check,
        runArgs: [],
        unhealthyAfterMs: 90_000,
      });
      expect(ready.how).toContain('asked by the engine every 200 ms');
      expect(engine.said()).toEqual([`inspectContainer ${NAME}`, 'untilEvent']);
    });

    it('a check that never passes fails when the image’s own settings would find it unhealthy, and says so', async () => {
      const engine = fakeEngine({
        inspectContainer: () => Promise.resolve(container({ health: STARTING })),
        untilEvent: eventsSay(),
        findContainer: () => Promise.resolve(container({ health: STARTING })),
        containerLogs: () => Promise.resolve(''),
      });
      const started = performance.now();
      const error = (await waitUntilReady(engine, NAME, auto, 30, {
        kind: 'engine',
        check: { ...check, intervalMs: 100, retries: 2 },
        runArgs: [],
        unhealthyAfterMs: 200,
      }).catch((e: unknown) => e)) as ContainerNotReadyError;
      expect(performance.now() - started).toBeLessThan(5000);
      expect(error.message).toBe(`Container ${NAME} is unhealthy.`);
      expect(error.diagnosis.split('\n')[0]).toBe(
        "No health check passed within 0.2 s, when the image's own settings (2 retries every 0.1 s) make it unhealthy; it was asked every 200 ms meanwhile.",
      );
    });

    it('a wait-timeout shorter than that: the timeout says it, as before', async () => {
      const engine = fakeEngine({
        inspectContainer: () => Promise.resolve(container({ health: STARTING })),
        untilEvent: eventsSay(),
        findContainer: () => Promise.resolve(container({ health: STARTING })),
        containerLogs: () => Promise.resolve(''),
      });
      await expect(
        waitUntilReady(engine, NAME, auto, 0.05, { kind: 'engine', check, runArgs: [], unhealthyAfterMs: 90_000 }),
      ).rejects.toThrow('was not healthy after 0.05 s (wait-timeout)');
    });
  });
});
