// What every route needs: the database, the admin token's hash, the rate limiters, the clock, the
// till's public address (pairing URLs, demo pairing), and (demo hubs only) the demo terminal.
import type { Database } from '../db/database.ts';
import type { LastSeen } from '../devices/devices.ts';
import type { RateLimiter } from './rate-limit.ts';

export interface HubContext {
  db: Database;
  adminTokenHash: Buffer;
  /** Per terminal, on sync routes. */
  rateLimiter: RateLimiter | undefined;
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
