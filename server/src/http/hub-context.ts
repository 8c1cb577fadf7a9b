// What every route needs: the database, the admin token's hash, the rate limiters, the failed sign-in
// throttle, the clock, the till's public address (pairing URLs, demo pairing), metrics, and (demo hubs
// only) the demo terminal.
import type { Database } from '../db/database.ts';
import type { HubMetrics } from '../metrics/hub-metrics.ts';
import type { AuthThrottle } from '../auth/auth-throttle.ts';
import type { LastSeen } from '../devices/devices.ts';
import type { Sessions } from '../auth/sessions.ts';
import type { RateLimiter } from './rate-limit.ts';

export interface HubContext {
  db: Database;
  adminTokenHash: Buffer;
  /** Per terminal, on sync routes. */
  rateLimiter: RateLimiter | undefined;
  /** Failed sign-ins per address, shared by all instances; undefined when off (tests that forge tokens by the hundred). */
  authThrottle: AuthThrottle | undefined;
  /** Failed back-office sign-ins per account (e-mail), shared by all instances; undefined when off. */
  accountThrottle: AuthThrottle | undefined;
  /** Back-office sessions (auth/sessions.ts). */
  sessions: Sessions;
  /** Counters the routes feed beyond what the request hooks see (ingest outcomes). */
  metrics: HubMetrics;
  /** Pairing code redemptions per client address and per terminal (every attempt counts, failed ones too). */
  pairingByAddress: RateLimiter | undefined;
  pairingByTerminal: RateLimiter | undefined;
  /** The hub's clock (tests inject one to expire pairing codes). */
  now: () => Date;
  /** The till's address as configured, without a trailing slash. */
  publicUrl: () => string;
  lastSeen: LastSeen;
  demoTerminalId: string | undefined;
}
