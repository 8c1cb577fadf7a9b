// What every route needs: the database, the admin token's hash, the per-terminal rate limiter, the
// failed sign-in throttle, and
// (demo hubs only) the demo terminal's plain token.
import type { Database } from '../db/database.ts';
import type { HubMetrics } from '../metrics/hub-metrics.ts';
import type { AuthThrottle } from '../auth/auth-throttle.ts';
import type { RateLimiter } from './rate-limit.ts';

export interface HubContext {
  db: Database;
  adminTokenHash: Buffer;
  rateLimiter: RateLimiter | undefined;
  /** Failed sign-ins per address, shared by all instances; undefined when off (tests that forge tokens by the hundred). */
  authThrottle: AuthThrottle | undefined;
  demoTerminalToken: string | undefined;
  /** Counters the routes feed beyond what the request hooks see (ingest outcomes). */
  metrics: HubMetrics;
}
