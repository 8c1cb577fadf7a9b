// Rate limit buckets shared by every hub instance on this database (http/rate-limit.ts): one row per
// limit and key (a terminal, a client address), holding the moment its bucket is full again (GCRA's
// "theoretical arrival time"). UNLOGGED: the table is written on every sync request, and writing no WAL
// keeps that statement cheap; after a crash PostgreSQL empties it, which only means every bucket starts
// full (and standbys do not have it: only the primary, where the hubs write, needs it). No index on `tat`
// and room left in each page (fillfactor), so the per-request update stays a HOT update that touches no
// index; the sweep (rows whose tat has passed) scans the table, which holds only recently seen keys.
import type { Migration } from './migration.ts';

export const rateLimitsMigration: Migration = {
  version: 9,
  statements: [
    `CREATE UNLOGGED TABLE rate_limits (
       scope text NOT NULL,
       key text NOT NULL,
       tat timestamptz NOT NULL,
       allowed boolean NOT NULL,
       PRIMARY KEY (scope, key)
     ) WITH (fillfactor = 70)`,
  ],
};
