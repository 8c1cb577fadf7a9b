// The names and store header a Z report printed, as one SQL expression taken when the hub stores a
// shift (sync/ingest-shift.ts; migration 019 took the same for older shifts). Its keys are AdminShift's
// terminal_name, opened_by_name, closed_by_name, close_approved_by_name and printed_store (contract
// admin.ts), so the shifts report merges it into the shift's body as it is.

/** SQL expressions (columns or parameters) naming the shift's store, terminal and staff. */
export interface ShiftPrintedRefs {
  store: string;
  terminal: string;
  openedBy: string;
  closedBy: string;
  approvedBy: string;
}

const staffName = (ref: string) => `(SELECT m.display_name FROM staff m WHERE m.id = ${ref})`;

export function SHIFT_PRINTED_SQL(r: ShiftPrintedRefs): string {
  return `jsonb_build_object(
    'terminal_name', (SELECT t.name FROM terminals t WHERE t.id = ${r.terminal}),
    'opened_by_name', ${staffName(r.openedBy)},
    'closed_by_name', ${staffName(r.closedBy)},
    'close_approved_by_name', ${staffName(r.approvedBy)},
    'printed_store', (SELECT jsonb_build_object('name', st.name, 'legal_name', st.legal_name, 'address_lines', to_jsonb(st.address_lines),
                                                'tax_number', st.tax_number, 'vat_id', st.vat_id, 'receipt_header', st.receipt_header,
                                                'receipt_footer', st.receipt_footer, 'locale', st.locale)
                        FROM stores st WHERE st.id = ${r.store}))`;
}
