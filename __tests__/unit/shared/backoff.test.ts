import { describe, expect, it } from 'vitest';
import { backoffMs } from '../../../src/shared/backoff.js';

describe('backoffMs', () => {
  it.each<[number, number, number]>([
    // retry, random, ms: 1 s, 2 s, 4 s … scaled into 50–100 %, never above 30 s
    [1, 0, 500],
    [1, 1, 1000],
    [2, 0.5, 1500],
    [3, 1, 4000],
    [5, 1, 16000],
    [6, 1, 30000],
    [20, 1, 30000],
    [20, 0, 15000],
  ])('retry %i with random %d → %i ms', (retry, random, expected) => {
    expect(backoffMs(retry, () => random)).toBe(expected);
  });

  it('grows with each retry', () => {
    const delays = [1, 2, 3, 4].map((retry) => backoffMs(retry, () => 0.5));
    expect(delays).toEqual([...delays].sort((a, b) => a - b));
    expect(new Set(delays).size).toBe(4);
  });
});
