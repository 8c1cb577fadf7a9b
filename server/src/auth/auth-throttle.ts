// Failed-authentication throttling per client address, on every authenticated route (terminal and
// admin). The state is a row per address in PostgreSQL (auth_failures), so every hub instance on the
// database counts the same failures: an address that failed `maxFailures` times within a window of
// `windowSeconds` (counted from its first failure) is answered 429 with Retry-After until the window
// ends, whatever token it sends then, so a guess that happens to be right is refused too. A success
// never resets the count (one valid token must not buy unlimited guesses at others). The window is
// measured by the database's clock, the one clock all instances share.
//
// A throttle may have a scope (the back office's per-account throttle: scope 'account', key the e-mail):
// its keys are stored as `<scope>#<key>` in the same table, and each throttle sweeps only its own keys
// (the windows differ). Addresses never contain '#', so unscoped keys stay as they always were.
import { isIPv6 } from 'node:net';
import type { Sql } from '../db/database.ts';

export interface AuthThrottleOptions {
  maxFailures: number;
  windowSeconds: number;
}

/** 20 failed sign-ins a minute per address: ample for a shop behind one NAT, useless for guessing 256-bit tokens. */
export const DEFAULT_AUTH_THROTTLE: AuthThrottleOptions = { maxFailures: 20, windowSeconds: 60 };
/**
 * 10 failed back-office sign-ins per account in 15 minutes (scope 'account', key the e-mail): a person
 * who mistypes gets many tries, a guesser from many addresses gets 40 a hour at most.
 */
export const DEFAULT_ACCOUNT_THROTTLE: AuthThrottleOptions = { maxFailures: 10, windowSeconds: 15 * 60 };
/** How often one instance deletes expired rows (an attacker with many addresses cannot grow the table for long). */
const SWEEP_INTERVAL_MS = 60_000;
/** IPv6 clients are counted by their /64: one host usually holds a whole /64. */
const IPV6_PREFIX_GROUPS = 4;

/** The key an address is counted under: an IPv4 address as is, an IPv6 one by its /64 prefix. */
export function throttleKey(ip: string): string {
  const v4 = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (v4?.[1] !== undefined) return v4[1];
  if (!isIPv6(ip)) return ip;
  const [head = '', tail = ''] = ip.toLowerCase().split('::');
  const headGroups = head === '' ? [] : head.split(':');
  const tailGroups = tail === '' ? [] : tail.split(':');
  const groups = ip.includes('::') ? [...headGroups, ...new Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups] : headGroups;
  return `${groups.slice(0, IPV6_PREFIX_GROUPS).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** SQL: the seconds an address ($1) must still wait, or NULL ($2 = window seconds, $3 = max failures). */
export const BLOCKED_FOR_SQL = `(SELECT ceil(extract(epoch FROM window_start + $2 * interval '1 second' - now()))::int FROM auth_failures
   WHERE address = $1 AND failures >= $3 AND window_start + $2 * interval '1 second' > now())`;

/** Separates a scope from its key in auth_failures.address. */
const SCOPE_SEPARATOR = '#';

export class AuthThrottle {
  private readonly options: AuthThrottleOptions;
  private readonly scope: string | undefined;
  private lastSweep = 0;

  constructor(options: AuthThrottleOptions, scope?: string) {
    this.options = options;
    this.scope = scope;
  }

  private stored(key: string): string {
    return this.scope === undefined ? key : `${this.scope}${SCOPE_SEPARATOR}${key}`;
  }

  /** The parameters $2, $3 of BLOCKED_FOR_SQL, for a caller that folds the check into its own query. */
  params(): [number, number] {
    return [this.options.windowSeconds, this.options.maxFailures];
  }

  /** Seconds the address must wait before it may try again, or undefined when it may try now. */
  async blockedFor(db: Sql, key: string): Promise<number | undefined> {
    const rows = await db.query<{ wait: number | null }>(`SELECT ${BLOCKED_FOR_SQL} AS wait`, [this.stored(key), ...this.params()]);
    return waitOf(rows[0]?.wait);
  }

  /** Counts one failure of the address; the seconds to wait when this failure used up its window. */
  async recordFailure(db: Sql, key: string): Promise<number | undefined> {
    const [windowSeconds, maxFailures] = this.params();
    const expired = `auth_failures.window_start + $2 * interval '1 second' <= now()`;
    const rows = await db.query<{ failures: number; wait: number }>(
      `INSERT INTO auth_failures (address, window_start, failures) VALUES ($1, now(), 1)
       ON CONFLICT (address) DO UPDATE SET
         failures = CASE WHEN ${expired} THEN 1 ELSE auth_failures.failures + 1 END,
         window_start = CASE WHEN ${expired} THEN now() ELSE auth_failures.window_start END
       RETURNING failures, ceil(extract(epoch FROM window_start + $2 * interval '1 second' - now()))::int AS wait`,
      [this.stored(key), windowSeconds],
    );
    await this.sweep(db);
    const row = rows[0];
    return row !== undefined && row.failures >= maxFailures ? waitOf(row.wait) : undefined;
  }

  private async sweep(db: Sql): Promise<void> {
    const now = Date.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    const mine = this.scope === undefined ? `position('${SCOPE_SEPARATOR}' in address) = 0` : `starts_with(address, $2)`;
    const params = this.scope === undefined ? [this.options.windowSeconds] : [this.options.windowSeconds, `${this.scope}${SCOPE_SEPARATOR}`];
    await db.query(`DELETE FROM auth_failures WHERE window_start + $1 * interval '1 second' < now() AND ${mine}`, params);
  }
}

function waitOf(seconds: number | null | undefined): number | undefined {
  return seconds === null || seconds === undefined ? undefined : Math.max(1, seconds);
}
