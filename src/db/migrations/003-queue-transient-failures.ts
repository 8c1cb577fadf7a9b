// Schema v3: remember why a queue row is Failed. A row parked after MAX_ATTEMPTS transient failures
// (network down, timeouts, 5xx while the browser still says online) was never refused by the hub; the
// sync engine sends it again by itself as soon as the hub answers. A row the hub rejected stays
// Failed until staff retry it. Without this flag a long outage would park sales for good.
import type { Migration } from '../migration.ts';

export const migration003: Migration = {
  version: 3,
  name: 'queue rows failed for transient reasons',
  sql: `
ALTER TABLE sync_queue ADD COLUMN failed_transient INTEGER NOT NULL DEFAULT 0 CHECK (failed_transient IN (0, 1));
`,
};
