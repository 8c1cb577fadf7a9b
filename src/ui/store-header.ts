// The store's header and footer on receipts and Z reports. Today the till knows the store's name from
// its pairing (TerminalInfo); the legal name, address, tax number, VAT id and footer text come from the
// hub's store settings in the next round (a synced entity). Every line but the name is optional, so
// filling them in later changes only where this header is read from.
import type { TerminalInfo } from '@ezo/contract/terminal';

export interface StoreHeader {
  name: string;
  legalName?: string;
  addressLines?: readonly string[];
  /** Steuernummer. */
  taxNumber?: string;
  /** USt-IdNr. */
  vatId?: string;
  footer?: string;
}

export function storeHeaderOf(terminal: Pick<TerminalInfo, 'store_name'>): StoreHeader {
  return { name: terminal.store_name };
}
