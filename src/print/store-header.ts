// The store's header and footer on receipts and Z reports: the legal name, address, tax number, VAT id,
// the store's own header text and its footer, from the hub's store settings (pulled as store_settings).
// Before the first pull the till knows only the store's name from its pairing (TerminalInfo), and the
// receipt prints that and a plain thank-you; every line but the name is optional for that reason.
import type { TerminalInfo } from '@ezo/contract/terminal';
import type { StoreSettings } from '@ezo/contract/store-settings';

export interface StoreHeader {
  name: string;
  legalName?: string;
  addressLines?: readonly string[];
  /** Steuernummer. */
  taxNumber?: string;
  /** USt-IdNr. */
  vatId?: string;
  /** The store's own text under the address (opening hours, a web address). */
  text?: string;
  footer?: string;
}

/** What the header reads of a store's settings (the till's StoreSettings, the back office's AdminStore). */
export type HeaderSettings = Pick<StoreSettings, 'name' | 'legal_name' | 'address_lines' | 'tax_number' | 'vat_id' | 'receipt_header' | 'receipt_footer'>;

export function storeHeaderOf(terminal: Pick<TerminalInfo, 'store_name'>, store: HeaderSettings | null = null): StoreHeader {
  if (store === null) return { name: terminal.store_name };
  const header: StoreHeader = { name: store.name };
  if (store.legal_name !== null) header.legalName = store.legal_name;
  if (store.address_lines.length > 0) header.addressLines = store.address_lines;
  if (store.tax_number !== null) header.taxNumber = store.tax_number;
  if (store.vat_id !== null) header.vatId = store.vat_id;
  if (store.receipt_header !== null && store.receipt_header !== '') header.text = store.receipt_header;
  if (store.receipt_footer !== null && store.receipt_footer !== '') header.footer = store.receipt_footer;
  return header;
}
