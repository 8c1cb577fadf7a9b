// A token bucket per terminal, in this process's memory: each hub instance limits on its own, so N
// instances behind a balancer allow up to N times the rate (see server/README.md). Time is injected.

export interface RateLimitOptions {
  perSecond: number;
  burst: number;
}

/** Requests per second a terminal may sustain, and how many it may send at once after a pause. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 20, burst: 60 };
/** Buckets idle this long are full again and are forgotten, so memory stays bounded. */
const IDLE_BUCKET_MS = 60_000;

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private lastSweep = 0;

  private readonly options: RateLimitOptions;
  private readonly now: () => number;

  constructor(options: RateLimitOptions, now: () => number = () => Date.now()) {
    this.options = options;
    this.now = now;
  }

  /** Takes one token for `key`: undefined when allowed, else the seconds to wait (for Retry-After). */
  take(key: string): number | undefined {
    const t = this.now();
    this.sweep(t);
    const b = this.buckets.get(key) ?? { tokens: this.options.burst, at: t };
    b.tokens = Math.min(this.options.burst, b.tokens + ((t - b.at) / 1000) * this.options.perSecond);
    b.at = t;
    this.buckets.set(key, b);
    if (b.tokens >= 1) {
      b.tokens -= 1;
      return undefined;
    }
    return Math.max(1, Math.ceil((1 - b.tokens) / this.options.perSecond));
  }

  private sweep(t: number): void {
    if (t - this.lastSweep < IDLE_BUCKET_MS) return;
    this.lastSweep = t;
    for (const [k, b] of this.buckets) if (t - b.at > IDLE_BUCKET_MS) this.buckets.delete(k);
  }
}

/** Pairing code redemptions: 10 a minute with a burst of 10, per client address and per terminal. */
export const PAIRING_RATE_LIMIT: RateLimitOptions = { perSecond: 10 / 60, burst: 10 };
