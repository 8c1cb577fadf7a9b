// Store settings (protocol 3, issues 17 and 19): the admin API lists, reads and replaces a store's
// settings strictly (a refused PUT changes nothing), and a change reaches that store's tills, and only
// theirs, through the ordinary delta pull from their cursor. Open-price products: flagged by the admin
// API, pulled with the flag (inactive for a protocol 2 till, which could not ask for the price), and a
// line's given price is its catalog price (no price deviation).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdminStore, SalesReport, StoreSettingsPut } from '@ezo/contract/admin';
import type { DownstreamPage } from '@ezo/contract/downstream';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { DEMO_STORE_SETTINGS } from '../src/seed/demo-seed.ts';
import { BACKENDS } from './support/backends.ts';
import { batch, call, createProduct, line, pullAll, sale } from './support/fixtures.ts';

const FULL: StoreSettingsPut = { ...DEMO_STORE_SETTINGS, name: 'Laden Mitte', receipt_footer: 'Danke und bis bald!', time_zone: 'Europe/Vienna', storage_alarm_hours: 12 };

describe.each(BACKENDS)('store settings on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let storeB: { id: string };
  let tillB: { id: string; token: string };

  beforeAll(async () => {
    server = await backend.start();
    storeB = await server.createStore('Store B');
    tillB = await server.createTerminal(storeB.id);
  });
  afterAll(async () => server.dispose());

  it('lists every store with its settings and reads one; an unknown store is a 404', async () => {
    const list = await server.admin<{ stores: AdminStore[] }>('GET', '/api/v1/admin/stores');
    expect(list.status).toBe(200);
    const demo = list.body.stores.find((s) => s.id === server.store.id);
    expect(demo).toMatchObject({ legal_name: 'Ezo Demo-Laden GmbH', vat_id: 'DE123456789', receipt_footer: 'Vielen Dank für Ihren Einkauf!', time_zone: 'Europe/Berlin', storage_alarm_hours: 24 });
    const one = await server.admin<AdminStore>('GET', `/api/v1/admin/stores/${storeB.id}`);
    expect(one.body).toMatchObject({ id: storeB.id, name: 'Store B', legal_name: null, address_lines: [], currency: 'EUR', time_zone: 'Europe/Berlin', idle_lock_seconds: 300 });
    expect((await server.admin('GET', '/api/v1/admin/stores/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });

  it.each([
    ['an unknown key', { ...FULL, colour: 'red' }],
    ['a missing setting', (({ receipt_footer: _, ...rest }) => rest)(FULL)],
    ['an unknown time zone', { ...FULL, time_zone: 'Europe/Atlantis' }],
    ['a locale we do not support', { ...FULL, locale: 'fr-FR' }],
    ['a currency that is no ISO 4217 code', { ...FULL, currency: 'EUX' }],
    ['a discount limit over 100 %', { ...FULL, discount_limit_percent: 101 }],
    ['an alarm threshold of 0 hours', { ...FULL, storage_alarm_hours: 0 }],
    ['an idle lock of 5 seconds', { ...FULL, idle_lock_seconds: 5 }],
    ['a tax number with a line break', { ...FULL, tax_number: '12/345\n67890' }],
    ['five address lines', { ...FULL, address_lines: ['a', 'b', 'c', 'd', 'e'] }],
    ['a footer of 301 characters', { ...FULL, receipt_footer: 'x'.repeat(301) }],
  ])('refuses %s with a 400 and changes nothing', async (_, body) => {
    const before = await server.admin<AdminStore>('GET', `/api/v1/admin/stores/${storeB.id}`);
    const res = await server.admin<{ error: { code: string } }>('PUT', `/api/v1/admin/stores/${storeB.id}`, body);
    expect(res.status).toBe(400);
    expect((await server.admin<AdminStore>('GET', `/api/v1/admin/stores/${storeB.id}`)).body).toEqual(before.body);
  });

  it("a change reaches that store's tills from their cursor, and never another store's", async () => {
    const a0 = await pullAll(server, server.terminal.token);
    const b0 = await pullAll(server, tillB.token);
    expect(a0.storeSettings.map((s) => s.store_id)).toEqual([server.store.id]);
    expect(b0.storeSettings.map((s) => s.store_id)).toEqual([storeB.id]);
    // Nothing changed: an incremental pull carries no settings.
    expect((await pullAll(server, tillB.token, b0.cursor)).storeSettings).toEqual([]);

    const put = await server.admin<AdminStore>('PUT', `/api/v1/admin/stores/${storeB.id}`, { ...FULL, receipt_header: '  ', tax_number: ' 12/345/67890 ' });
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ id: storeB.id, name: 'Laden Mitte', receipt_footer: 'Danke und bis bald!', receipt_header: null, tax_number: '12/345/67890' });

    const b1 = await pullAll(server, tillB.token, b0.cursor);
    expect(b1.storeSettings).toHaveLength(1);
    const { id: _id, ...settings } = put.body;
    expect(b1.storeSettings[0]).toEqual({ store_id: storeB.id, ...settings });
    expect((await pullAll(server, server.terminal.token, a0.cursor)).storeSettings, "store A's till pulls nothing of store B").toEqual([]);
    // The full pull from the start has the store's row once, as changed.
    expect((await pullAll(server, tillB.token)).storeSettings).toEqual([{ store_id: storeB.id, ...settings }]);
    // The terminal info follows the store too.
    const info = await call<{ idle_lock_seconds: number; store_name: string }>(server, tillB.token, 'GET', '/api/v1/sync/terminal');
    expect(info.body).toMatchObject({ store_name: 'Laden Mitte', idle_lock_seconds: FULL.idle_lock_seconds });
  });

  it('a page holds the settings in commit order with the rest: a small page limit splits them without loss', async () => {
    const b0 = await pullAll(server, tillB.token);
    await createProduct(server, { name: 'Before' });
    await server.admin('PUT', `/api/v1/admin/stores/${storeB.id}`, { ...FULL, receipt_footer: 'Zweite Fassung' });
    await createProduct(server, { name: 'After' });
    const seen: string[] = [];
    let cursor = b0.cursor;
    for (;;) {
      const res = await call<DownstreamPage>(server, tillB.token, 'GET', `/api/v1/sync/downstream?limit=1&last_synced_at=${cursor ?? ''}`);
      seen.push(...res.body.changes.products.map((p) => p.name), ...res.body.changes.store_settings.map((s) => s.receipt_footer ?? ''));
      cursor = res.body.timestamp;
      if (!res.body.has_more) break;
    }
    expect(seen).toEqual(['Before', 'Zweite Fassung', 'After']);
  });

  it('the currency cannot change once the store has sales (409, nothing written); before that it can', async () => {
    const empty = await server.createStore('Store C');
    const usd = await server.admin<AdminStore>('PUT', `/api/v1/admin/stores/${empty.id}`, { ...FULL, currency: 'USD', locale: 'en-US', time_zone: 'America/New_York' });
    expect(usd.status).toBe(200);
    expect(usd.body).toMatchObject({ currency: 'USD', locale: 'en-US', time_zone: 'America/New_York' });

    const p = await createProduct(server, { price: 500 });
    const pushed = await call<UpstreamResponse>(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', batch({ sales: [sale(server.terminal.id, [line({ product: p, quantity: 1 })])] }));
    expect(pushed.body.results[0]?.status).toBe('applied');
    const before = await server.admin<AdminStore>('GET', `/api/v1/admin/stores/${server.store.id}`);
    const res = await server.admin<{ error: { code: string } }>('PUT', `/api/v1/admin/stores/${server.store.id}`, { ...DEMO_STORE_SETTINGS, currency: 'CHF', receipt_footer: 'changed' });
    expect(res.status).toBe(409);
    expect((await server.admin<AdminStore>('GET', `/api/v1/admin/stores/${server.store.id}`)).body).toEqual(before.body);
  });

  it('open-price products: flagged, pulled with the flag, inactive for a protocol 2 till, and sold at the given price without a deviation', async () => {
    const misc = await createProduct(server, { name: 'Diverses 7 %', price: 0, tax_rate_bp: 700, open_price: true });
    expect(misc.open_price).toBe(true);
    expect((await createProduct(server)).open_price).toBe(false);
    const pulled = (await pullAll(server, server.terminal.token)).products.get(misc.uuid);
    expect(pulled).toMatchObject({ open_price: true, active: true });
    const v2 = await call<DownstreamPage>(server, server.terminal.token, 'GET', '/api/v1/sync/downstream?limit=5000', undefined, { 'x-ezo-protocol': '2' });
    expect(v2.body.changes.products.find((p) => p.uuid === misc.uuid)).toMatchObject({ active: false });

    const typed = line({ product: { ...misc, price: 1234 }, quantity: 1 });
    const s = sale(server.terminal.id, [typed]);
    const pushed = await call<UpstreamResponse>(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', batch({ sales: [s] }));
    expect(pushed.body.results[0]?.status).toBe('applied');
    const report = await server.admin<SalesReport>('GET', `/api/v1/admin/sales?store_id=${server.store.id}`);
    expect(report.body.sales.some((x) => x.uuid === s.uuid)).toBe(true);
    expect(report.body.price_deviations.filter((d) => d.sale_uuid === s.uuid)).toEqual([]);
    // Not a stock item: its sale records no stock move, so it never gets a stock figure.
    expect(await server.db.query('SELECT 1 FROM stock_moves WHERE product_uuid = $1 UNION ALL SELECT 1 FROM stock WHERE product_uuid = $1', [misc.uuid])).toEqual([]);
    // Turning the flag off makes the catalog price count again.
    const patched = await server.admin<{ open_price: boolean }>('PATCH', `/api/v1/admin/products/${misc.uuid}`, { open_price: false });
    expect(patched.body.open_price).toBe(false);
    const s2 = sale(server.terminal.id, [line({ product: { ...misc, price: 1234 }, quantity: 1 })]);
    await call(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', batch({ sales: [s2] }));
    const all = await server.admin<SalesReport>('GET', `/api/v1/admin/sales?store_id=${server.store.id}`);
    expect(all.body.price_deviations.filter((d) => d.sale_uuid === s2.uuid)).toMatchObject([{ unit_price: 1234, catalog_price: 0 }]);
  });
});
