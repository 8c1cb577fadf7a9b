// Schema v9: what the counter and the shift need on this till.
// - products_tax_rate: receipts letter VAT rates from the catalog's distinct rates (a short scan).
// - parked_carts: sales put aside to serve the next customer; resumed later, kept across reloads.
//   Carts, not sales: never queued for the hub.
// - shifts get their Z number (consecutive per terminal, set when closed) and the grand total since
//   the first shift; a closed shift is an immutable record (triggers), ready to be sent upstream as
//   it is (uuid, z_report JSON) once the contract has a shift entity.
// - cash_movements: cash put into or taken out of the drawer during a shift, with a reason and the
//   staff member who moved it (and the manager who approved it, if any, like v8's records);
//   append-only like sales.
import type { Migration } from '../migration.ts';

export const migration009: Migration = {
  version: 9,
  name: 'counter and shifts',
  sql: `
CREATE INDEX products_tax_rate ON products (tax_rate_bp);

CREATE TABLE parked_carts (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  cart TEXT NOT NULL,
  label TEXT NOT NULL,
  total INTEGER NOT NULL,
  parked_at TEXT NOT NULL
);

ALTER TABLE shifts ADD COLUMN z_number INTEGER;
ALTER TABLE shifts ADD COLUMN grand_total INTEGER;
CREATE UNIQUE INDEX shifts_z_number ON shifts (z_number) WHERE z_number IS NOT NULL;
CREATE TRIGGER shifts_closed_no_update BEFORE UPDATE ON shifts WHEN OLD.closed_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'a closed shift is immutable'); END;
CREATE TRIGGER shifts_closed_no_delete BEFORE DELETE ON shifts WHEN OLD.closed_at IS NOT NULL
  BEGIN SELECT RAISE(ABORT, 'a closed shift is immutable'); END;

CREATE TABLE cash_movements (
  id INTEGER PRIMARY KEY,
  uuid TEXT NOT NULL UNIQUE,
  shift_uuid TEXT NOT NULL REFERENCES shifts (uuid),
  kind TEXT NOT NULL CHECK (kind IN ('in', 'out')),
  amount INTEGER NOT NULL CHECK (amount > 0),
  reason TEXT NOT NULL,
  staff_id TEXT,
  approved_by TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX cash_movements_shift ON cash_movements (shift_uuid);
CREATE TRIGGER cash_movements_no_update BEFORE UPDATE ON cash_movements BEGIN SELECT RAISE(ABORT, 'cash movements are append-only'); END;
CREATE TRIGGER cash_movements_no_delete BEFORE DELETE ON cash_movements BEGIN SELECT RAISE(ABORT, 'cash movements are append-only'); END;
`,
};
