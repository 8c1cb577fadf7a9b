// Schema v8: staff and who did what. `staff` is the hub's list of this store's staff as last pulled
// (downstream entity `staff`): a deactivated member stays as a row with active = 0 and no PIN hash, so
// their PIN stops working at the next pull and old records still name them. Records gain the staff
// member who made them and the manager who approved an action the member lacked permission for.
// Shifts are local: they keep who opened and closed them; `drawer_opens` records each no-sale
// opening of the cash drawer (append-only, local like shifts).
import type { Migration } from '../migration.ts';

export const migration008: Migration = {
  version: 8,
  name: 'staff',
  sql: `
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  display_name TEXT NOT NULL,
  role TEXT NOT NULL,
  -- JSON array of the hub's permission names.
  permissions TEXT NOT NULL,
  pin_hash TEXT,
  active INTEGER NOT NULL CHECK (active IN (0, 1)),
  updated_at TEXT NOT NULL,
  CHECK (active = 1 OR pin_hash IS NULL)
) WITHOUT ROWID;
CREATE INDEX staff_active_name ON staff (active, display_name COLLATE NOCASE);

ALTER TABLE sales ADD COLUMN staff_id TEXT;
ALTER TABLE sales ADD COLUMN approved_by TEXT;
ALTER TABLE inventory_adjustments ADD COLUMN staff_id TEXT;
ALTER TABLE inventory_adjustments ADD COLUMN approved_by TEXT;
ALTER TABLE shifts ADD COLUMN opened_by TEXT;
ALTER TABLE shifts ADD COLUMN closed_by TEXT;
ALTER TABLE shifts ADD COLUMN close_approved_by TEXT;

CREATE TABLE drawer_opens (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  shift_uuid TEXT,
  staff_id TEXT NOT NULL,
  approved_by TEXT,
  created_at TEXT NOT NULL
);
CREATE TRIGGER drawer_opens_no_update BEFORE UPDATE ON drawer_opens BEGIN SELECT RAISE(ABORT, 'drawer openings are append-only'); END;
CREATE TRIGGER drawer_opens_no_delete BEFORE DELETE ON drawer_opens BEGIN SELECT RAISE(ABORT, 'drawer openings are append-only'); END;
`,
};
