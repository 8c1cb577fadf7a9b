// When to try a queue item again after a transient failure: exponential backoff with jitter,
// capped, and never sooner than the hub's Retry-After. Pure functions of (attempt, random, now).

/** Delay after the first failed attempt; doubles with each further failure. */
export const BACKOFF_BASE_MS = 5_000;
/** No retry waits longer than this (unless Retry-After asks for more, up to MAX_RETRY_AFTER_MS). */
export const BACKOFF_MAX_MS = 5 * 60_000;
/** A Retry-After beyond this is treated as this: a misconfigured hub must not park the till for days. */
export const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * Delay before attempt `failedAttempts + 1`. "Equal jitter": half the exponential delay is fixed, the
 * other half random, so tills that failed together do not retry together yet still back off.
 */
export function backoffDelay(failedAttempts: number, random: () => number): number {
  const exponent = Math.max(0, failedAttempts - 1);
  const ceiling = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.min(exponent, 30));
  const half = Math.floor(ceiling / 2);
  return half + Math.floor(random() * (ceiling - half));
}

/** The delay a Retry-After header asks for (seconds or an HTTP date), capped; null when absent or unreadable. */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (header === null) return null;
  const trimmed = header.trim();
  let ms: number;
  if (/^\d+$/.test(trimmed)) ms = Number(trimmed) * 1000;
  else {
    const at = Date.parse(trimmed);
    if (Number.isNaN(at)) return null;
    ms = at - now;
  }
  return Math.min(MAX_RETRY_AFTER_MS, Math.max(0, ms));
}

/** Epoch ms of the next attempt: the backoff, or the hub's Retry-After when that is later. */
export function nextAttemptAt(now: number, failedAttempts: number, random: () => number, retryAfterMs: number | null): number {
  return now + Math.max(backoffDelay(failedAttempts, random), retryAfterMs ?? 0);
}
