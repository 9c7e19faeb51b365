const BACKOFF_BASE_MS = 1000;
const BACKOFF_CAP_MS = 30_000;

/**
 * Exponential backoff with jitter: 1 s, 2 s, 4 s … (each 50–100 % of that), at most 30 s. The jitter keeps
 * the jobs a registry throttled together from asking again together.
 */
export function backoffMs(retry: number, random: () => number = Math.random): number {
  return Math.round(Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (retry - 1)) * (0.5 + random() / 2));
}
