// Takes a token from a shared rate limit for a route, or answers the contract's 429 (`rate_limited`, with
// Retry-After) and counts the refusal in the metrics. One place, so every limited route answers alike.
import { HttpError } from './api-error.ts';
import type { HubContext } from './hub-context.ts';
import type { RateLimiter } from './rate-limit.ts';

/** Throws the 429 when `key` is over `limiter`'s rate; a no-op when the limit is off (undefined). */
export async function enforceRateLimit(ctx: HubContext, limiter: RateLimiter | undefined, key: string, what: string): Promise<void> {
  if (limiter === undefined) return;
  const limited = await limiter.take(ctx.db, key);
  if (limited === undefined) return;
  ctx.metrics.countRateLimited(limiter.scope, limited.local);
  throw new HttpError('rate_limited', `too many ${what}; retry in ${limited.retryAfter} s`, undefined, { 'Retry-After': String(limited.retryAfter) });
}
