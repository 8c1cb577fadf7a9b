// Store settings (protocol 3) from the real hub (in-memory PGlite) to the till: the first pull brings the
// store's header and footer, a change made with the admin API reaches the till at its next pull and the
// terminal follows it (PIN lock, discount limit, locale), before any pull the pairing's TerminalInfo
// stands, and an open-price product arrives with its flag.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { StoreSettingsPut } from '@ezo/contract/admin';
import { DEMO_STORE_SETTINGS } from '../../server/src/seed/demo-seed.ts';
import { startHub, type TestServer } from './testing/hub-fixture.ts';
import { openTestTill, type TestTill } from './testing/till-fixture.ts';

let hub: TestServer;
let till: TestTill | undefined;

beforeAll(async () => {
  hub = await startHub();
});
afterAll(async () => {
  await hub.stop();
});
afterEach(async () => {
  await till?.sync.stop();
});

describe("the store's settings on the till", () => {
  it('come with the first pull; before it the pairing stands', async () => {
    till = await openTestTill();
    const paired = await till.sync.pair(hub.url, hub.terminal.token);
    expect(paired.store).toBeNull();
    expect(paired.terminal).toMatchObject({ store_name: 'Demo Store', idle_lock_seconds: 300 });
    await till.sync.syncNow();
    const after = await till.sync.pairing();
    expect(after?.store).toMatchObject({
      store_id: hub.store.id,
      legal_name: 'Ezo Demo-Laden GmbH',
      address_lines: ['Musterstraße 12', '10115 Berlin'],
      tax_number: '37/123/45678',
      vat_id: 'DE123456789',
      receipt_footer: 'Vielen Dank für Ihren Einkauf!',
      time_zone: 'Europe/Berlin',
      storage_alarm_hours: 24,
    });
  });

  it('follow a change made with the admin API at the next pull, and the terminal with them', async () => {
    till = await openTestTill();
    await till.sync.pair(hub.url, hub.terminal.token);
    await till.sync.syncNow();
    const changed: StoreSettingsPut = {
      ...DEMO_STORE_SETTINGS,
      name: 'Eckladen',
      receipt_footer: 'Bis bald!',
      locale: 'en-GB',
      idle_lock_seconds: 120,
      discount_limit_percent: 25,
      storage_alarm_hours: 6,
    };
    expect((await hub.admin('PUT', `/api/v1/admin/stores/${hub.store.id}`, changed)).status).toBe(200);
    // Not before the pull: the till shows what it pulled last.
    expect((await till.sync.pairing())?.store?.receipt_footer).toBe('Vielen Dank für Ihren Einkauf!');
    await till.sync.syncNow();
    const pairing = await till.sync.pairing();
    expect(pairing?.store).toMatchObject({ name: 'Eckladen', receipt_footer: 'Bis bald!', storage_alarm_hours: 6 });
    expect(pairing?.terminal).toMatchObject({ store_name: 'Eckladen', locale: 'en-GB', idle_lock_seconds: 120, discount_limit_percent: 25 });
    // What a sale records (the data service asks the sync service for the terminal) follows too.
    expect(await till.sync.terminal()).toMatchObject({ discount_limit_percent: 25 });
    expect((await hub.admin('PUT', `/api/v1/admin/stores/${hub.store.id}`, DEMO_STORE_SETTINGS)).status).toBe(200);
  });

  it('an open-price product arrives with its flag', async () => {
    const res = await hub.admin<{ uuid: string }>('POST', '/api/v1/admin/products', { sku: 'DIV-07-T', name: 'Diverses 7 %', price: 0, tax_rate_bp: 700, tax_included: true, open_price: true });
    expect(res.status).toBe(201);
    till = await openTestTill();
    await till.sync.pair(hub.url, hub.terminal.token);
    await till.sync.syncNow();
    expect(await till.db.get('SELECT open_price, active FROM products WHERE uuid = ?', [res.body.uuid])).toEqual({ open_price: 1, active: 1 });
  });
});
