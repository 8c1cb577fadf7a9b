// How long the page waits before its next "push the queue" wake-up. The worker has its own 15-minute timer and
// retries items with backoff; this timer only makes sure an open till tab nudges it often while the hub answers,
// and backs off while it does not, so a till offline all day does not spin.

/** Delay between wake-ups while the hub answers. */
export const WAKE_INTERVAL_MS = 60_000;
/** The longest wait while the hub cannot be reached (the `online` event and visibility still wake at once). */
export const WAKE_MAX_INTERVAL_MS = 10 * 60_000;

export type WakeOutcome = 'ok' | 'unreachable';

/** The delay after a wake-up: the base interval after success, doubling (capped) after each failure in a row. */
export function nextWakeDelay(previousDelay: number | null, outcome: WakeOutcome): number {
  if (outcome === 'ok' || previousDelay === null) return WAKE_INTERVAL_MS;
  return Math.min(WAKE_MAX_INTERVAL_MS, previousDelay * 2);
}
