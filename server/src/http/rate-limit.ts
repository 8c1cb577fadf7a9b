// Rate limits shared by every hub instance on one database: a token bucket per key (a terminal, a client
// address), kept as one row of the UNLOGGED table rate_limits (migration 009) and taken in ONE atomic
// statement (INSERT … ON CONFLICT … DO UPDATE … RETURNING) on the database's clock, the one clock all
// instances share. N instances behind a balancer therefore allow a terminal the configured rate, not N times it.
//
// Why not a library: rate-limiter-flexible's RateLimiterPostgres runs the same single UPSERT, but counts
// points in a fixed window (a client may spend twice the points across a window edge), stamps expiry with
// each instance's own Date.now() (instances with skewed clocks disagree), talks only to a `pg` Pool/Client
// (or Knex, Sequelize…) with named query objects, so PGlite on its worker thread would need a fake pool, and
// creates its table at run time. @fastify/rate-limit has no PostgreSQL store (its store interface leaves
// that SQL to us), counts fixed windows too, and keys in its own hook, before our authentication knows the
// terminal. Our statement is the bucket itself, works through the Database abstraction on both backends,
// and is unit tested with two instances (server/test/rate-limit.test.ts).
//
// The bucket is kept as GCRA (the "generic cell rate algorithm", as redis-cell and `throttled` do): one
// timestamp `tat` per key, the moment the bucket will be full again. A request at `now` is allowed when
// max(tat, now) + interval ≤ now + burst × interval, and then moves tat to max(tat, now) + interval; a
// refused request changes nothing. Equivalent to a token bucket of `burst` tokens refilled at `perSecond`,
// with one column instead of two. A row whose tat has passed is a full bucket, exactly as if the row were
// absent: the sweep deletes such rows and no decision changes (table size stays bounded by the keys seen in
// the last burst / perSecond seconds plus one sweep interval).
//
// Local fast path: after the database refuses a key, this instance refuses it without asking until the
// refusal's wait has passed on its own monotonic clock. That can only be stricter than the shared bucket,
// never looser: other instances only ever move tat later, and the local wait starts after the database's
// `now` (at most one round trip stricter). A key flooding one instance costs the database nothing meanwhile.
import type { Sql } from '../db/database.ts';

export interface RateLimitOptions {
  perSecond: number;
  burst: number;
}

/** Requests per second a terminal may sustain, and how many it may send at once after a pause. */
export const DEFAULT_RATE_LIMIT: RateLimitOptions = { perSecond: 20, burst: 60 };
/** Pairing code redemptions: 10 a minute with a burst of 10, per client address and per terminal. */
export const PAIRING_RATE_LIMIT: RateLimitOptions = { perSecond: 10 / 60, burst: 10 };

/** What a limiter's rows are keyed under besides the key, so a terminal id means one bucket per limit. */
export type RateLimitScope = 'terminal' | 'pairing_address' | 'pairing_terminal';

/** How often each instance deletes rows whose buckets are full again. */
export const RATE_LIMIT_SWEEP_INTERVAL_MS = 60_000;
/** Local refusals remembered at most: past this, expired ones are dropped (live ones are few: a key is remembered only while refused). */
const MAX_LOCAL_REFUSALS = 10_000;

export interface RateLimited {
  /** Whole seconds to wait, for Retry-After (at least 1). */
  retryAfter: number;
  /** true: refused by this instance's memory of an earlier refusal, without asking the database. */
  local: boolean;
}

interface TakeRow {
  allowed: boolean;
  /** tat − now, in seconds, after the statement. */
  ahead: number;
}

/**
 * One statement, atomic per key under the row lock of the UPSERT: $1 scope, $2 key, $3 interval (seconds
 * per token), $4 burst × interval. A new key starts full, so its first request is allowed (burst ≥ 1).
 */
const TAKE_SQL = `
  INSERT INTO rate_limits AS r (scope, key, tat, allowed) VALUES ($1, $2, now() + $3::float8 * interval '1 second', true)
  ON CONFLICT (scope, key) DO UPDATE SET
    allowed = greatest(r.tat, now()) + $3::float8 * interval '1 second' <= now() + $4::float8 * interval '1 second',
    tat = CASE WHEN greatest(r.tat, now()) + $3::float8 * interval '1 second' <= now() + $4::float8 * interval '1 second'
               THEN greatest(r.tat, now()) + $3::float8 * interval '1 second' ELSE r.tat END
  RETURNING allowed, extract(epoch FROM tat - now())::float8 AS ahead`;

export class RateLimiter {
  readonly scope: RateLimitScope;
  private readonly interval: number;
  private readonly burst: number;
  private readonly monotonicMs: () => number;
  /** Key → this instance's monotonic ms until which the key is known to be refused. */
  private readonly refusedUntil = new Map<string, number>();

  constructor(scope: RateLimitScope, options: RateLimitOptions, monotonicMs: () => number = () => performance.now()) {
    if (!(options.perSecond > 0) || !(options.burst >= 1)) throw new Error(`rate limit ${scope}: perSecond must be > 0 and burst ≥ 1`);
    this.scope = scope;
    this.interval = 1 / options.perSecond;
    this.burst = options.burst;
    this.monotonicMs = monotonicMs;
  }

  /** Takes one token for `key` from the shared bucket: undefined when allowed, else how long to wait. */
  async take(db: Sql, key: string): Promise<RateLimited | undefined> {
    const until = this.refusedUntil.get(key);
    if (until !== undefined) {
      const left = until - this.monotonicMs();
      if (left > 0) return { retryAfter: Math.max(1, Math.ceil(left / 1000)), local: true };
      this.refusedUntil.delete(key);
    }
    const rows = await db.query<TakeRow>(TAKE_SQL, [this.scope, key, this.interval, this.burst * this.interval]);
    const row = rows[0];
    if (row === undefined) throw new Error('rate limit statement returned no row');
    if (row.allowed) return undefined;
    // Refused: the bucket has room again when tat − now ≤ (burst − 1) × interval.
    const wait = Math.max(0, row.ahead - (this.burst - 1) * this.interval);
    this.remember(key, wait);
    return { retryAfter: Math.max(1, Math.ceil(wait)), local: false };
  }

  private remember(key: string, waitSeconds: number): void {
    const t = this.monotonicMs();
    if (this.refusedUntil.size >= MAX_LOCAL_REFUSALS) {
      for (const [k, u] of this.refusedUntil) if (u <= t) this.refusedUntil.delete(k);
      // Still full of live refusals (a flood over many keys): forget them all; the database still decides.
      if (this.refusedUntil.size >= MAX_LOCAL_REFUSALS) this.refusedUntil.clear();
    }
    this.refusedUntil.set(key, t + waitSeconds * 1000);
  }
}

/** Deletes the rows of buckets that are full again (no decision depends on them); the rows deleted. */
export async function sweepRateLimits(db: Sql): Promise<number> {
  const rows = await db.query<{ n: number }>(`WITH gone AS (DELETE FROM rate_limits WHERE tat < now() RETURNING 1) SELECT count(*)::int AS n FROM gone`);
  return rows[0]?.n ?? 0;
}

/** Sweeps every RATE_LIMIT_SWEEP_INTERVAL_MS until the returned stop is called (on app close). */
export function startRateLimitSweep(db: Sql, onError: (err: unknown) => void, intervalMs = RATE_LIMIT_SWEEP_INTERVAL_MS): () => Promise<void> {
  let running: Promise<void> = Promise.resolve();
  const timer = setInterval(() => {
    running = running.then(async () => void (await sweepRateLimits(db))).catch(onError);
  }, intervalMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
