import { describe, expect, it } from 'vitest';
import { BackgroundWork } from '../../../src/loop/background.js';

describe('BackgroundWork', () => {
  const task = (log: string[], name: string) => {
    let release = (): void => undefined;
    const done = new Promise<void>((resolve) => (release = resolve));
    return {
      work: async (): Promise<void> => {
        log.push(`${name} started`);
        await done;
        log.push(`${name} done`);
      },
      release: () => release(),
    };
  };

  it('starts nothing deferred before start(), then all of it, once', async () => {
    const log: string[] = [];
    const background = new BackgroundWork();
    const tidy = task(log, 'tidy');
    background.defer(tidy.work);
    await Promise.resolve();
    expect(log).toEqual([]);
    background.start();
    background.start();
    expect(log).toEqual(['tidy started']);
    tidy.release();
    await background.finish();
    expect(log).toEqual(['tidy started', 'tidy done']);
  });

  it('finish() starts what still waits and waits for everything', async () => {
    const log: string[] = [];
    const background = new BackgroundWork();
    const first = task(log, 'first');
    const second = task(log, 'second');
    background.defer(first.work);
    background.start();
    background.defer(second.work);
    let finished = false;
    const finishing = background.finish().then(() => (finished = true));
    expect(log).toEqual(['first started', 'second started']);
    first.release();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(finished).toBe(false);
    second.release();
    await finishing;
    expect(log).toEqual(['first started', 'second started', 'first done', 'second done']);
  });

  it('finish() with nothing deferred resolves', async () => {
    await expect(new BackgroundWork().finish()).resolves.toBeUndefined();
  });
});
