// Closed shifts (protocol 3): one row per shift a till closed, stored once by uuid like a sale. The
// record's scalar figures are columns (for reports and constraints); its lists (cash movements, drawer
// openings, the count by notes and coins, the Z report's VAT rows, payments and cashiers) stay in
// `body`, the item as the till sent it, which is also what the admin route returns. The Z number is
// unique per terminal: a second shift with the same number is refused, not stored beside the first.
// stores.time_zone: the zone in which a store's days are counted (GET /api/v1/admin/shifts?day=).
// Another change may add the same column the same way, hence IF NOT EXISTS.
import type { Migration } from './migration.ts';

export const shiftsMigration: Migration = {
  version: 12,
  statements: [
    `ALTER TABLE stores ADD COLUMN IF NOT EXISTS time_zone text NOT NULL DEFAULT 'Europe/Berlin'`,
    `CREATE TABLE shifts (
       uuid uuid PRIMARY KEY,
       store_id uuid NOT NULL REFERENCES stores(id),
       terminal_id uuid NOT NULL REFERENCES terminals(id),
       device_id uuid REFERENCES devices(id),
       z_number int NOT NULL CHECK (z_number >= 1),
       currency text NOT NULL,
       opened_at timestamptz NOT NULL,
       closed_at timestamptz NOT NULL,
       opened_by uuid REFERENCES staff(id),
       closed_by uuid REFERENCES staff(id),
       close_approved_by uuid REFERENCES staff(id),
       opening_float bigint NOT NULL,
       expected_cash bigint NOT NULL,
       counted_cash bigint NOT NULL,
       difference bigint NOT NULL,
       first_receipt text,
       last_receipt text,
       sales_count int NOT NULL,
       sales_total bigint NOT NULL,
       refunds_count int NOT NULL,
       refunds_total bigint NOT NULL,
       turnover bigint NOT NULL,
       discounts bigint NOT NULL,
       cash_in bigint NOT NULL,
       cash_out bigint NOT NULL,
       grand_total bigint NOT NULL,
       no_sale_openings int NOT NULL,
       received_at timestamptz NOT NULL DEFAULT now(),
       content_hash text NOT NULL,
       body jsonb NOT NULL,
       CONSTRAINT shifts_z_number_unique UNIQUE (terminal_id, z_number)
     )`,
    `CREATE INDEX shifts_by_store_closed ON shifts (store_id, closed_at, uuid)`,
  ],
};
