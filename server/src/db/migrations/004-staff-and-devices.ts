// Staff and devices (protocol 2). Devices: each paired till has its own token (stored hashed), bound to
// one terminal, with a receipt prefix unique in its store; at most one active device per terminal.
// Pairing codes: stored hashed, single use. Staff: a role per store (the rows tills pull, versioned
// like the catalog), permissions per role. Sales, adjustments and product edits record who and which
// device. Receipt numbers become unique per store; sales already stored with a duplicate number keep
// it and are marked legacy (the unique index leaves them out), so the migration loses nothing.
import type { Migration } from './migration.ts';

// The contract's DEFAULT_ROLE_PERMISSIONS as they were at protocol 2, written out: a migration never
// changes once applied, even if the defaults for new organisations do.
const TILL = `'refund', 'stock_adjust', 'discount_over_limit', 'price_override', 'close_shift', 'open_drawer', 'settings_and_pairing', 'export_unsynced'`;
const roles = [
  `('owner', ARRAY[${TILL}, 'manage_catalog', 'manage_staff', 'manage_devices', 'view_reports'])`,
  `('manager', ARRAY[${TILL}, 'manage_catalog', 'view_reports'])`,
  `('cashier', ARRAY['close_shift'])`,
].join(', ');

export const staffAndDevicesMigration: Migration = {
  version: 4,
  statements: [
    `ALTER TABLE stores ADD COLUMN idle_lock_seconds int NOT NULL DEFAULT 300, ADD COLUMN discount_limit_percent int NOT NULL DEFAULT 10`,
    // A terminal's own token is the legacy credential (tills paired before protocol 2, scripts): pairing
    // a device retires it (legacy_retired_at; the hash stays so its till hears "retired", not "unknown").
    // legacy_token_used: whether it may have numbered receipts with the terminal's prefix, in which case
    // no device gets that bare prefix. Every terminal from before the migration may have.
    `ALTER TABLE terminals ADD COLUMN legacy_token_used boolean NOT NULL DEFAULT false, ADD COLUMN legacy_retired_at timestamptz`,
    `UPDATE terminals SET legacy_token_used = true`,
    `CREATE TABLE devices (
       id uuid PRIMARY KEY,
       terminal_id uuid NOT NULL REFERENCES terminals(id),
       store_id uuid NOT NULL REFERENCES stores(id),
       token_hash bytea NOT NULL UNIQUE,
       receipt_prefix text NOT NULL,
       label text,
       status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'retired', 'revoked')),
       paired_at timestamptz NOT NULL,
       ended_at timestamptz,
       last_seen_at timestamptz,
       app_version text,
       protocol_version int,
       pending bigint,
       failed bigint,
       reported_at timestamptz,
       UNIQUE (store_id, receipt_prefix)
     )`,
    `CREATE UNIQUE INDEX devices_one_active_per_terminal ON devices (terminal_id) WHERE status = 'active'`,
    `CREATE INDEX devices_by_store ON devices (store_id, paired_at)`,
    `CREATE TABLE pairing_codes (
       code_hash bytea PRIMARY KEY,
       terminal_id uuid NOT NULL REFERENCES terminals(id),
       created_at timestamptz NOT NULL,
       expires_at timestamptz NOT NULL,
       used_at timestamptz,
       device_id uuid REFERENCES devices(id)
     )`,

    `CREATE TABLE staff (
       id uuid PRIMARY KEY,
       display_name text NOT NULL,
       email text,
       pin_hash text,
       password_hash text,
       active boolean NOT NULL DEFAULT true,
       created_at timestamptz NOT NULL DEFAULT now(),
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    `CREATE UNIQUE INDEX staff_email ON staff (lower(email)) WHERE email IS NOT NULL`,
    // What a till pulls: one row per member and store, versioned; a role taken away is removed_at, not
    // deleted, so the till learns of it (active false) and drops the PIN.
    `CREATE TABLE staff_store_roles (
       staff_id uuid NOT NULL REFERENCES staff(id),
       store_id uuid NOT NULL REFERENCES stores(id),
       role text NOT NULL CHECK (role IN ('owner', 'manager', 'cashier')),
       removed_at timestamptz,
       version bigint NOT NULL,
       updated_at timestamptz NOT NULL,
       PRIMARY KEY (staff_id, store_id)
     )`,
    `CREATE TRIGGER staff_store_roles_version BEFORE INSERT OR UPDATE ON staff_store_roles FOR EACH ROW EXECUTE FUNCTION ezo_stamp_version()`,
    `CREATE UNIQUE INDEX staff_store_roles_by_version ON staff_store_roles (store_id, version)`,
    `CREATE TABLE role_permissions (
       role text PRIMARY KEY CHECK (role IN ('owner', 'manager', 'cashier')),
       permissions text[] NOT NULL,
       updated_at timestamptz NOT NULL DEFAULT now()
     )`,
    `INSERT INTO role_permissions (role, permissions) VALUES ${roles}`,

    `ALTER TABLE sales ADD COLUMN staff_id uuid REFERENCES staff(id), ADD COLUMN approved_by uuid REFERENCES staff(id),
       ADD COLUMN device_id uuid REFERENCES devices(id), ADD COLUMN receipt_legacy boolean NOT NULL DEFAULT false`,
    `ALTER TABLE adjustments ADD COLUMN staff_id uuid REFERENCES staff(id), ADD COLUMN approved_by uuid REFERENCES staff(id), ADD COLUMN device_id uuid REFERENCES devices(id)`,
    `ALTER TABLE product_edits ADD COLUMN staff_id uuid REFERENCES staff(id), ADD COLUMN approved_by uuid REFERENCES staff(id), ADD COLUMN device_id uuid REFERENCES devices(id)`,
    `UPDATE sales SET receipt_legacy = true WHERE (store_id, receipt_number) IN
       (SELECT store_id, receipt_number FROM sales GROUP BY store_id, receipt_number HAVING count(*) > 1)`,
    `CREATE UNIQUE INDEX sales_receipt_number_unique ON sales (store_id, receipt_number) WHERE NOT receipt_legacy`,
  ],
};
