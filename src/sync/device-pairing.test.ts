// Pairing by one-time code and the device's life against the real hub: a code pairs once, either
// case and without the dash; switching store or terminal is refused while sales are unsynced (pairing
// the same terminal again sends them); a revoked device
// stops syncing, says why, keeps its sales; each pass reports the device's queue to the hub.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createProducts, startHub, type TestServer } from './testing/hub-fixture.ts';
import { makeSale, openTestTill, recordTestSale, type TestTill } from './testing/till-fixture.ts';
import type { Product } from '@ezo/contract/catalog';

let hub: TestServer;
let products: Product[];
const tills: TestTill[] = [];

beforeAll(async () => {
  hub = await startHub();
  products = await createProducts(hub, 2);
});
afterEach(async () => {
  for (const t of tills.splice(0)) await t.sync.stop();
});
afterAll(async () => {
  await hub.stop();
});

async function till(online: () => boolean = () => true): Promise<TestTill> {
  const t = await openTestTill({ online });
  tills.push(t);
  return t;
}

describe('pairing by code', () => {
  it('pairs with a code typed in lower case without the dash; the used code pairs nothing else', async () => {
    const t = await till();
    const code = await hub.pairingCode();
    const pairing = await t.sync.pairWithCode(hub.url, code.replace('-', '').toLowerCase());
    expect(pairing.terminal).toMatchObject({ terminal_id: hub.terminal.id, device_id: expect.any(String) as unknown });
    const other = await till();
    await expect(other.sync.pairWithCode(hub.url, code)).rejects.toMatchObject({ name: 'TillError', code: 'pairing_code_invalid' });
    await expect(other.sync.pairWithCode(hub.url, 'not a code')).rejects.toMatchObject({ code: 'pairing_code_invalid' });
    expect(await other.sync.pairing()).toBeNull();
  });

  it('refuses to switch store while sales are unsynced, and changes nothing', async () => {
    let online = false;
    const t = await till(() => online);
    const { terminal } = await t.sync.pairWithCode(hub.url, await hub.pairingCode());
    await recordTestSale(t.db, makeSale(terminal, [products[0]!]));
    const store = await hub.createStore('Second store');
    const elsewhere = await hub.createTerminal(store.id);
    online = true;
    await expect(t.sync.pairWithCode(hub.url, await hub.pairingCode(elsewhere.id))).rejects.toMatchObject({ code: 'store_switch_unsynced' });
    expect((await t.sync.pairing())?.terminal.store_id).toBe(terminal.store_id);
    expect(await t.sync.syncStatus()).toMatchObject({ pending: 1 });
  });

  it('refuses to become another terminal of the store while sales are unsynced; a new device for the same terminal sends them', async () => {
    let online = false;
    const t = await till(() => online);
    const { terminal } = await t.sync.pairWithCode(hub.url, await hub.pairingCode());
    const sale = makeSale(terminal, [products[0]!], 1, 900);
    await recordTestSale(t.db, sale);
    const other = await hub.createTerminal(hub.store.id);
    online = true;
    await expect(t.sync.pairWithCode(hub.url, await hub.pairingCode(other.id))).rejects.toMatchObject({ code: 'terminal_switch_unsynced' });
    expect((await t.sync.pairing())?.terminal.terminal_id).toBe(terminal.terminal_id);
    expect(await t.sync.syncStatus()).toMatchObject({ pending: 1 });

    // The same terminal again (a new device, the old one retired): the unsynced sale goes out with the new token.
    const again = await t.sync.pairWithCode(hub.url, await hub.pairingCode());
    expect(again.terminal.device_id).not.toBe(terminal.device_id);
    await t.sync.syncNow();
    expect(await t.sync.syncStatus()).toMatchObject({ pending: 0, failed: 0, authorised: true });
    const stored = await hub.db.query<{ device_id: string }>(`SELECT device_id::text AS device_id FROM sales WHERE uuid = $1`, [sale.uuid]);
    expect(stored).toEqual([{ device_id: again.terminal.device_id }]);
  });

  it('refuses to become another terminal while a shift opened as this one is open (its record would be refused), and changes nothing', async () => {
    const t = await till();
    const { terminal } = await t.sync.pairWithCode(hub.url, await hub.pairingCode());
    await t.db.run(`INSERT INTO shifts (uuid, opened_at, opening_float) VALUES ('00000000-0000-4000-8000-00000000cafe', '2026-12-03T08:00:00.000Z', 0)`);
    const other = await hub.createTerminal(hub.store.id);
    await expect(t.sync.pairWithCode(hub.url, await hub.pairingCode(other.id))).rejects.toMatchObject({ code: 'switch_open_shift' });
    expect((await t.sync.pairing())?.terminal.terminal_id).toBe(terminal.terminal_id);
    // The same terminal again (a replacement device) keeps the shift: its record names the same terminal.
    const again = await t.sync.pairWithCode(hub.url, await hub.pairingCode());
    expect(again.terminal.terminal_id).toBe(terminal.terminal_id);
  });

  it('a revoked device stops syncing, says it was revoked, and keeps its unsynced sale; the hub saw its report before', async () => {
    let online = true;
    const t = await till(() => online);
    const { terminal } = await t.sync.pairWithCode(hub.url, await hub.pairingCode());
    await t.sync.syncNow();
    const listed = await hub.admin<{ devices: { id: string; app_version: string | null; pending: number | null; reported_at: string | null }[] }>('GET', `/api/v1/admin/devices?store_id=${hub.store.id}`);
    const device = listed.body.devices.find((d) => d.id === terminal.device_id);
    expect(device).toMatchObject({ pending: 0, reported_at: expect.any(String) as unknown });

    online = false;
    await recordTestSale(t.db, makeSale(terminal, [products[1]!]));
    expect((await hub.admin('POST', `/api/v1/admin/devices/${terminal.device_id ?? ''}/revoke`)).status).toBe(200);
    online = true;
    await t.sync.syncNow();
    expect(await t.sync.syncStatus()).toMatchObject({ authorised: false, removed: 'revoked', pending: 1 });
    const exported = await t.sync.exportUnsynced();
    expect(exported.changes.sales).toHaveLength(1);
  });
});
