import type { Engine } from '../../../src/docker/engine.js';
import type { ContainerState, ImageDetails, ImageSummary } from '../../../src/docker/output.js';

// The engine stood in for: each operation the test tells it, every call recorded in order. An operation the test
// did not tell it fails the call, so a test states every call the code may make.

/** One call the code made: the operation and its arguments. */
export interface EngineCall {
  readonly operation: keyof Engine;
  readonly args: readonly unknown[];
}

export type FakeEngine = Engine & {
  /** Every call, in order. */
  readonly calls: EngineCall[];
  /** The operations called, in order, with their first argument when it is a string: `push app:latest`. */
  readonly said: () => string[];
};

export function fakeEngine(operations: Partial<Engine> = {}): FakeEngine {
  const calls: EngineCall[] = [];
  const said = (): string[] =>
    calls.map(({ operation, args }) => (typeof args[0] === 'string' ? `${operation} ${args[0]}` : operation));
  return new Proxy({} as FakeEngine, {
    get(_target, name) {
      if (name === 'calls') return calls;
      if (name === 'said') return said;
      if (name === 'then') return undefined; // not a promise
      const operation = name as keyof Engine;
      return (...args: unknown[]) => {
        calls.push({ operation, args });
        const told = operations[operation] as ((...a: unknown[]) => unknown) | undefined;
        if (told === undefined) throw new Error(`The fake engine was not told how to ${String(name)}.`);
        return told(...args);
      };
    },
  });
}

/** An image as the engine inspects it: its id, and the rest as a plain build leaves it unless given. */
export function image(
  id: string,
  repoDigests: readonly string[] = [],
  details: Partial<ImageDetails> = {},
): ImageDetails {
  return { id, env: [], labels: {}, cmd: [], repoTags: [], repoDigests: [...repoDigests], ...details };
}

/** A container as the engine inspects it: running, no health check, nothing published, unless given. */
export function container(overrides: Partial<ContainerState> = {}): ContainerState {
  return {
    id: 'c0ffee',
    name: 'app-d24155b-local-1-abcdef',
    image: `sha256:${'5'.repeat(64)}`,
    created: '2026-12-08T10:00:00.000000000Z',
    status: 'running',
    exitCode: 0,
    oomKilled: false,
    error: '',
    health: undefined,
    ports: {},
    ...overrides,
  };
}

/** An engine stream (events, log lines) that says nothing until it is stopped. */
export function silentUntilStopped<T>(signal: AbortSignal): Promise<T | undefined> {
  return new Promise((resolve) => signal.addEventListener('abort', () => resolve(undefined), { once: true }));
}

/** The n-th image id: `sha256:000…n`. */
export const imageIdOf = (n: number): string => `sha256:${String(n).padStart(64, '0')}`;

/** Image n as the prune inspects it: created on day n of November, n KB, tagged long ago, no parent or layers. */
export function imageSummary(n: number, repoTags: string[], fields: Partial<ImageSummary> = {}): ImageSummary {
  return {
    id: imageIdOf(n),
    parent: '',
    repoTags,
    created: `2026-11-${String(n).padStart(2, '0')}T00:00:00Z`,
    size: 1000 * n,
    lastTagTime: '2026-11-01T00:00:00Z',
    labels: {},
    layers: [],
    ...fields,
  };
}
