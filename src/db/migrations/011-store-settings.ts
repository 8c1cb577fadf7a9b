// Schema v11 (protocol 3): the store's settings and open-price products.
// - store_settings: the paired store's settings as last pulled (downstream entity store_settings), the
//   validated wire row as JSON under its store id. The hub sends only the till's own store; a till
//   paired to another store later reads only the row of the store it is paired to. Before the first
//   pull there is no row and the till uses its pairing's TerminalInfo (sync/pairing-store.ts).
// - products.open_price: the till asks for the price when the product is sold (a "Misc 19 %" item).
// Forgetting the cursor (as v10 does): a till that pulled before this update ignored the store's
// settings and the open_price flag of the rows it applied, so the next pull starts from the beginning
// (idempotent upserts; last_pull_at stays, so it is an ordinary pull, not a first sync).
import type { Migration } from '../migration.ts';

export const migration011: Migration = {
  version: 11,
  name: 'store-settings',
  sql: `
CREATE TABLE store_settings (
  store_id TEXT PRIMARY KEY,
  settings TEXT NOT NULL,
  updated_at TEXT NOT NULL
) WITHOUT ROWID;
ALTER TABLE products ADD COLUMN open_price INTEGER NOT NULL DEFAULT 0 CHECK (open_price IN (0, 1));
UPDATE sync_state SET cursor = NULL WHERE id = 1;
`,
};
