// The receipt's header and footer come from the store's pulled settings; before the first pull only the
// name the pairing knows, so a receipt is never without a header.
import { describe, expect, it } from 'vitest';
import type { StoreSettings } from '@ezo/contract/store-settings';
import { storeHeaderOf } from './store-header.ts';

const settings: StoreSettings = {
  store_id: '00000000-0000-4000-8000-000000000001',
  name: 'Demo Store',
  legal_name: 'Ezo Demo-Laden GmbH',
  address_lines: ['Musterstraße 12', '10115 Berlin'],
  tax_number: '37/123/45678',
  vat_id: 'DE123456789',
  receipt_header: 'Mo–Sa 8–20 Uhr',
  receipt_footer: 'Vielen Dank für Ihren Einkauf!',
  idle_lock_seconds: 300,
  discount_limit_percent: 10,
  storage_alarm_hours: 24,
  currency: 'EUR',
  locale: 'de-DE',
  time_zone: 'Europe/Berlin',
  updated_at: '2026-01-01T00:00:00.000Z',
};

describe('storeHeaderOf', () => {
  it("prints the store's legal name, address, tax number, VAT id, header text and footer", () => {
    expect(storeHeaderOf({ store_name: 'old name' }, settings)).toEqual({
      name: 'Demo Store',
      legalName: 'Ezo Demo-Laden GmbH',
      addressLines: ['Musterstraße 12', '10115 Berlin'],
      taxNumber: '37/123/45678',
      vatId: 'DE123456789',
      text: 'Mo–Sa 8–20 Uhr',
      footer: 'Vielen Dank für Ihren Einkauf!',
    });
  });

  it('leaves out what the store has not set, and has only the name before the first pull', () => {
    const bare = { ...settings, legal_name: null, address_lines: [], tax_number: null, vat_id: null, receipt_header: null, receipt_footer: null };
    expect(storeHeaderOf({ store_name: 'x' }, bare)).toEqual({ name: 'Demo Store' });
    expect(storeHeaderOf({ store_name: 'Demo Store' }, null)).toEqual({ name: 'Demo Store' });
  });
});
