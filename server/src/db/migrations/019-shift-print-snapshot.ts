// What a Z report printed besides its figures: the terminal's name, the staff's names and the store's
// header (legal name, address, tax number, VAT id, header and footer texts, locale). The back office
// reprints a closed shift "as the till printed it"; read from the current tables, a renamed cashier or
// a moved store would change old Z reports. `printed` is taken when the hub stores the shift
// (sync/shift-printed.ts, at most the till's outage after the close) and never changes after.
// Shifts stored before this migration get today's names: the best the hub knows of them. The SQL is
// written out here, not imported: a migration stays as it ran, whatever the ingest does later.
import type { Migration } from './migration.ts';

const staffName = (col: string) => `(SELECT m.display_name FROM staff m WHERE m.id = ${col})`;

export const shiftPrintSnapshotMigration: Migration = {
  version: 19,
  statements: [
    `ALTER TABLE shifts ADD COLUMN printed jsonb`,
    `UPDATE shifts s SET printed = jsonb_build_object(
       'terminal_name', (SELECT t.name FROM terminals t WHERE t.id = s.terminal_id),
       'opened_by_name', ${staffName('s.opened_by')},
       'closed_by_name', ${staffName('s.closed_by')},
       'close_approved_by_name', ${staffName('s.close_approved_by')},
       'printed_store', (SELECT jsonb_build_object('name', st.name, 'legal_name', st.legal_name, 'address_lines', to_jsonb(st.address_lines),
                                                   'tax_number', st.tax_number, 'vat_id', st.vat_id, 'receipt_header', st.receipt_header,
                                                   'receipt_footer', st.receipt_footer, 'locale', st.locale)
                           FROM stores st WHERE st.id = s.store_id))`,
    `ALTER TABLE shifts ALTER COLUMN printed SET NOT NULL`,
  ],
};
