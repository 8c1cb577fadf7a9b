import type { receipt as en } from '../en/receipt.ts';
import { zReportTexts } from '../../../print/z-report-texts.ts';
import type { Messages } from '../messages.ts';

export const receipt: Messages<typeof en> = {
  receiptLabel: 'Beleg {{number}}',
  refundLabel: 'Erstattung {{number}}',
  receipt: 'Beleg',
  refund: 'ERSTATTUNG',
  refundOf: 'Erstattung zu {{receipt}}',
  customer: 'Kunde: {{name}}',
  cashier: 'Es bediente Sie {{name}}',
  item: 'Artikel',
  amount: 'Betrag',
  subtotal: 'Zwischensumme',
  discounts: 'Rabatte',
  tax: 'MwSt.',
  total: 'Summe',
  copy: 'KOPIE',
  terminal: 'Kasse: {{name}}',
  taxNumber: 'Steuernummer: {{value}}',
  vatId: 'USt-IdNr.: {{value}}',
  inclVat: 'enthaltene MwSt.',
  plusVat: 'zzgl. MwSt.',
  vatRate: 'Satz',
  net: 'Netto',
  vat: 'MwSt.',
  gross: 'Brutto',
  thanks: 'Vielen Dank für Ihren Einkauf!',
  change: 'Rückgeld',
  note: 'Notiz: {{note}}',
  z: {
    label: 'Z-Bericht',
    ...zReportTexts.de,
  },
};
