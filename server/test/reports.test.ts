// The reports (issue 20) on PGlite and PostgreSQL: days in the store's time zone (23:30 in Berlin is that
// Berlin day; the DST days have 23 and 25 hours), refunds on another day than their sale, a store with
// 7 % and 19 %, the period report against an independent recomputation from the raw sales (after the
// bulk path, the per-item path, a bulk insert that falls back item by item, and duplicate sends), the
// journal's filters and paging, a receipt with its refunds, and the CSV exports (de-DE and neutral).
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '@ezo/contract/catalog';
import type { AdminStore } from '@ezo/contract/admin';
import type { JournalPage, PeriodReport, Receipt } from '@ezo/contract/reports';
import type { Sale } from '@ezo/contract/sale';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { TEST_STAFF } from '../src/testing/test-server.ts';
import { journalBatches } from '../src/reports/journal.ts';
import { reportStores } from '../src/reports/report-scope.ts';
import { BACKENDS } from './support/backends.ts';
import { batch, call, createProduct, line, sale } from './support/fixtures.ts';

const BERLIN = 'Europe/Berlin';

/** The store-local day and hour of an instant, by Intl (not by the hub's SQL). */
function localDayHour(iso: string, timeZone: string): { day: string; hour: number } {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((p) => [p.type, p.value]),
  );
  return { day: `${parts['year']}-${parts['month']}-${parts['day']}`, hour: Number(parts['hour']) };
}

/**
 * The period report's figures computed straight from the sales, the plain way, with the store's days
 * in `timeZone`; categories by `categoryOf` (a product's category uuid, none when absent).
 */
function recompute(sales: readonly Sale[], from: string, to: string, timeZone = BERLIN, categoryOf: ReadonlyMap<string, string> = new Map()) {
  const inPeriod = sales.filter((s) => {
    const { day } = localDayHour(s.created_at, timeZone);
    return day >= from && day <= to;
  });
  const plain = inPeriod.filter((s) => s.refund_of === null);
  const refunds = inPeriod.filter((s) => s.refund_of !== null);
  const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
  const salesTotal = sum(plain.map((s) => s.total));
  const vat = new Map<number, { net: number; vat: number; gross: number }>();
  const payments = new Map<string, { payments: number; amount: number }>();
  const products = new Map<string, { quantity: number; net_sales: number; discount: number }>();
  const categories = new Map<string | null, { quantity: number; net_sales: number }>();
  const hours = new Map<number, number>();
  const days = new Map<string, { sales_count: number; refunds_count: number; net_sales: number }>();
  for (const s of inPeriod) {
    for (const l of s.lines) {
      const v = vat.get(l.tax_rate_bp) ?? { net: 0, vat: 0, gross: 0 };
      v.net += l.line_subtotal;
      v.vat += l.line_tax;
      v.gross += l.line_total;
      vat.set(l.tax_rate_bp, v);
      const p = products.get(l.product_uuid) ?? { quantity: 0, net_sales: 0, discount: 0 };
      p.quantity += l.quantity;
      p.net_sales += l.line_total;
      p.discount += l.line_discount;
      products.set(l.product_uuid, p);
      const category = categoryOf.get(l.product_uuid) ?? null;
      const c = categories.get(category) ?? { quantity: 0, net_sales: 0 };
      c.quantity += l.quantity;
      c.net_sales += l.line_total;
      categories.set(category, c);
    }
    for (const p of s.payments) {
      const m = payments.get(p.method) ?? { payments: 0, amount: 0 };
      m.payments += 1;
      m.amount += p.amount;
      payments.set(p.method, m);
    }
    const { day, hour } = localDayHour(s.created_at, timeZone);
    hours.set(hour, (hours.get(hour) ?? 0) + s.total);
    const d = days.get(day) ?? { sales_count: 0, refunds_count: 0, net_sales: 0 };
    if (s.refund_of === null) d.sales_count += 1;
    else d.refunds_count += 1;
    d.net_sales += s.total;
    days.set(day, d);
  }
  return {
    summary: {
      gross_sales: salesTotal + sum(plain.map((s) => s.discount_total)),
      discounts: sum(plain.map((s) => s.discount_total)),
      refunds: sum(refunds.map((s) => -s.total)),
      net_sales: sum(inPeriod.map((s) => s.total)),
      sales_count: plain.length,
      refunds_count: refunds.length,
      // Half away from zero, by hand: totals are positive here.
      average_basket: plain.length === 0 ? 0 : Math.floor((2 * salesTotal + plain.length) / (2 * plain.length)),
      items_sold: sum(inPeriod.flatMap((s) => s.lines.map((l) => l.quantity))),
    },
    vat: [...vat.entries()].sort((a, b) => b[0] - a[0]).map(([tax_rate_bp, v]) => ({ tax_rate_bp, ...v })),
    payments: [...payments.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([method, v]) => ({ method, ...v })),
    products,
    categories,
    hours,
    days,
  };
}

describe.each(BACKENDS)('reports on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let food: Product;
  let drink: Product;
  const push = (b: unknown, token: string) => call<UpstreamResponse>(server, token, 'POST', '/api/v1/sync/upstream', b);
  const period = (q: string) => server.admin<PeriodReport>('GET', `/api/v1/admin/reports/period?${q}`);
  const journal = (q: string) => server.admin<JournalPage>('GET', `/api/v1/admin/reports/journal?${q}`);
  const at = (s: Sale, created_at: string): Sale => ({ ...s, created_at });
  const applied = async (sales: Sale[], token: string) => {
    const res = await push(batch({ sales }), token);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.status)).toEqual(sales.map(() => 'applied'));
  };
  const refundOf = (original: Sale, terminalId: string, quantities: number[], method: 'cash' | 'card' = 'cash'): Sale => {
    const lines = original.lines.flatMap((l, i) => {
      const q = quantities[i] ?? 0;
      if (q === 0) return [];
      return [line({ product: { uuid: l.product_uuid, name: l.name, sku: l.sku, price: l.unit_price, tax_rate_bp: l.tax_rate_bp, tax_included: l.tax_included }, quantity: -q, discountBp: l.discount_bp, refundOfLine: l.uuid })];
    });
    return sale(terminalId, lines, { refundOf: original.uuid, method });
  };

  beforeAll(async () => {
    server = await backend.start();
    food = await createProduct(server, { name: 'Brezel', price: 120, tax_rate_bp: 700, tax_included: true });
    drink = await createProduct(server, { name: 'Apfelschorle', price: 290, tax_rate_bp: 1900, tax_included: true, barcode: '4000000000017' });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('a store is in Berlin time unless set otherwise, never in an unknown zone; an unknown store is a 404, to before from a 400', async () => {
    const rows = await server.db.query<{ time_zone: string }>('SELECT time_zone FROM stores WHERE id = $1', [server.store.id]);
    expect(rows[0]?.time_zone).toBe(BERLIN);
    // A zone PostgreSQL does not know would make every sale of the store unstorable: it never gets in.
    await expect(server.db.query(`UPDATE stores SET time_zone = 'Mars/Olympus' WHERE id = $1`, [server.store.id])).rejects.toMatchObject({ code: '22023' });
    expect((await period(`store_id=${randomUUID()}&from=2026-01-01&to=2026-01-31`)).status).toBe(404);
    expect((await period(`store_id=${server.store.id}&from=2026-02-01&to=2026-01-31`)).status).toBe(400);
    expect((await period(`store_id=${server.store.id}&from=2025-01-01&to=2026-12-31`)).status).toBe(400);
    expect((await server.admin('GET', `/api/v1/admin/reports/sales/${randomUUID()}`)).status).toBe(404);
  });

  it('days are Berlin days: 23:30 is that day, 00:30 the next; the DST days have 23 and 25 hours', async () => {
    const store = await server.createStore('Zeitzonen');
    const till = await server.createTerminal(store.id);
    const one = (iso: string) => at(sale(till.id, [line({ product: food, quantity: 1 })]), iso);
    const sales = [
      one('2026-03-10T22:30:00Z'), // 23:30 CET, 10 March
      one('2026-03-10T23:30:00Z'), // 00:30 CET, 11 March
      one('2026-03-28T23:30:00Z'), // 00:30 CET, 29 March (spring forward at 02:00)
      one('2026-03-29T21:59:00Z'), // 23:59 CEST, 29 March
      one('2026-03-29T22:00:00Z'), // 00:00 CEST, 30 March
      one('2026-10-24T22:00:00Z'), // 00:00 CEST, 25 October (fall back at 03:00)
      one('2026-10-25T22:59:00Z'), // 23:59 CET, 25 October: 25 hours later, same day
      one('2026-10-25T23:00:00Z'), // 00:00 CET, 26 October
    ];
    await applied(sales, till.token);
    const count = async (from: string, to: string) => {
      const res = await period(`store_id=${store.id}&from=${from}&to=${to}`);
      expect(res.status).toBe(200);
      return res.body.summary.sales_count;
    };
    expect(await count('2026-03-10', '2026-03-10')).toBe(1);
    expect(await count('2026-03-11', '2026-03-11')).toBe(1);
    expect(await count('2026-03-29', '2026-03-29')).toBe(2);
    expect(await count('2026-03-30', '2026-03-30')).toBe(1);
    expect(await count('2026-10-25', '2026-10-25')).toBe(2);
    expect(await count('2026-10-26', '2026-10-26')).toBe(1);
    const march10 = await period(`store_id=${store.id}&from=2026-03-10&to=2026-03-10`);
    expect(march10.body.hours.find((h) => h.sales_count > 0)?.hour).toBe(23);
    expect(march10.body.days).toEqual([{ day: '2026-03-10', sales_count: 1, refunds_count: 0, net_sales: 120 }]);
    // The journal draws the same lines.
    const days = async (from: string, to: string) => (await journal(`store_id=${store.id}&from=${from}&to=${to}`)).body.items.map((i) => i.uuid).sort();
    expect(await days('2026-03-10', '2026-03-10')).toEqual([sales[0]!.uuid]);
    expect(await days('2026-03-29', '2026-03-29')).toEqual([sales[2]!.uuid, sales[3]!.uuid].sort());
    expect(await days('2026-10-25', '2026-10-25')).toEqual([sales[5]!.uuid, sales[6]!.uuid].sort());
    expect((await journal(`store_id=${store.id}&from=2026-03-10&to=2026-03-10`)).body.items[0]?.local_time).toBe('2026-03-10T23:30:00');
  });

  it('a new time zone moves the store’s days: its summaries are rebuilt, and the report follows', async () => {
    const store = await server.createStore('Umzug');
    const till = await server.createTerminal(store.id);
    const late = at(sale(till.id, [line({ product: drink, quantity: 2 })]), '2026-03-10T23:30:00Z'); // 00:30 CET, 11 March; 23:30 UTC, 10 March
    await applied([late], till.token);
    const day = async (d: string) => (await period(`store_id=${store.id}&from=${d}&to=${d}`)).body;
    expect((await day('2026-03-11')).summary.sales_count).toBe(1);
    expect((await day('2026-03-11')).hours.find((h) => h.hour === 0)?.sales_count).toBe(1);

    const current = await server.admin<AdminStore>('GET', `/api/v1/admin/stores/${store.id}`);
    const { id: _id, updated_at: _at, ...settings } = current.body;
    expect((await server.admin('PUT', `/api/v1/admin/stores/${store.id}`, { ...settings, time_zone: 'UTC' })).status).toBe(200);
    expect((await day('2026-03-11')).summary.sales_count).toBe(0);
    const moved = await day('2026-03-10');
    expect(moved.summary).toMatchObject({ sales_count: 1, net_sales: late.total });
    expect(moved.hours.find((h) => h.hour === 23)?.sales_count).toBe(1);
    expect(moved.vat).toEqual([{ tax_rate_bp: 1900, net: late.lines[0]!.line_subtotal, vat: late.lines[0]!.line_tax, gross: late.lines[0]!.line_total }]);
    expect(moved.payments).toEqual([{ method: late.payments[0]!.method, payments: 1, amount: late.total }]);
    // A sale after the move is keyed in the new zone, next to the rebuilt rows.
    await applied([at(sale(till.id, [line({ product: food, quantity: 1 })]), '2026-03-10T23:45:00Z')], till.token);
    expect((await day('2026-03-10')).summary.sales_count).toBe(2);
  });

  it('a refund on a later day counts on its own day; the receipts link sale and refund', async () => {
    const store = await server.createStore('Rückgaben');
    const till = await server.createTerminal(store.id);
    const original = at(sale(till.id, [line({ product: food, quantity: 3 }), line({ product: drink, quantity: 2, discountBp: 1000 })], { method: 'card' }), '2026-05-04T09:00:00Z');
    await applied([original], till.token);
    const refund = at(refundOf(original, till.id, [1, 1]), '2026-05-05T10:00:00Z');
    await applied([refund], till.token);
    const day1 = (await period(`store_id=${store.id}&from=2026-05-04&to=2026-05-04`)).body;
    const day2 = (await period(`store_id=${store.id}&from=2026-05-05&to=2026-05-05`)).body;
    const both = (await period(`store_id=${store.id}&from=2026-05-04&to=2026-05-05`)).body;
    expect(day1.summary).toMatchObject({ sales_count: 1, refunds_count: 0, net_sales: original.total, refunds: 0 });
    expect(day2.summary).toMatchObject({ sales_count: 0, refunds_count: 1, net_sales: refund.total, refunds: -refund.total, gross_sales: 0 });
    expect(both.summary.net_sales).toBe(original.total + refund.total);
    expect(both.summary).toEqual(recompute([original, refund], '2026-05-04', '2026-05-05').summary);
    expect(day2.payments).toEqual([{ method: 'cash', payments: 1, amount: refund.total }]);

    const receipt = await server.admin<Receipt>('GET', `/api/v1/admin/reports/sales/${original.uuid}`);
    expect(receipt.status).toBe(200);
    expect(receipt.body.kind).toBe('sale');
    expect(receipt.body.refunds.map((r) => [r.uuid, r.total])).toEqual([[refund.uuid, refund.total]]);
    expect(receipt.body.original).toBeNull();
    expect(receipt.body.printed.total).toBe(original.total);
    expect(receipt.body.local_time).toBe('2026-05-04T11:00:00');
    const back = await server.admin<Receipt>('GET', `/api/v1/admin/reports/sales/${refund.uuid}`);
    expect(back.body).toMatchObject({ kind: 'refund', original: { uuid: original.uuid, receipt_number: original.receipt_number }, refunds: [] });
    expect((await journal(`store_id=${store.id}&kind=refund`)).body.items.map((i) => [i.uuid, i.refund_of])).toEqual([[refund.uuid, original.uuid]]);
  });

  it('a store with 7 % and 19 %: VAT per rate adds up to the net sales, and the receipt prints a letter per rate', async () => {
    const store = await server.createStore('Zwei Sätze');
    const till = await server.createTerminal(store.id);
    const s = at(sale(till.id, [line({ product: food, quantity: 7 }), line({ product: drink, quantity: 3, discountBp: 500 })]), '2026-06-01T12:00:00Z');
    await applied([s], till.token);
    const report = (await period(`store_id=${store.id}&from=2026-06-01&to=2026-06-01`)).body;
    expect(report.vat.map((v) => v.tax_rate_bp)).toEqual([1900, 700]);
    for (const v of report.vat) expect(v.net + v.vat).toBe(v.gross);
    expect(report.vat.reduce((a, v) => a + v.gross, 0)).toBe(report.summary.net_sales);
    expect(report.vat).toEqual(recompute([s], '2026-06-01', '2026-06-01').vat);
    const receipt = (await server.admin<Receipt>('GET', `/api/v1/admin/reports/sales/${s.uuid}`)).body;
    expect(receipt.printed.presentation).toBe('gross');
    expect(receipt.printed.vat.map((v) => [v.tax_rate_bp, v.letter])).toEqual([
      [1900, 'A'],
      [700, 'B'],
    ]);
    expect(receipt.printed.lines.map((l) => l.letter)).toEqual(['B', 'A']);
    expect(receipt.printed.lines_sum - receipt.printed.discounts).toBe(s.total);
  });

  it('the period report equals a recomputation from the raw sales, after bulk, per-item and fallback ingest and duplicate sends', async () => {
    const store = await server.createStore('Nachrechnen');
    const a = await server.createTerminal(store.id);
    const b = await server.createTerminal(store.id);
    let seed = 20_261_203;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const made: Sale[] = [];
    const randomSale = (till: { id: string }, day: number) => {
      const lines = Array.from({ length: 1 + Math.floor(random() * 3) }, () => line({ product: pick([food, drink]), quantity: 1 + Math.floor(random() * 4), discountBp: pick([0, 0, 500, 1000, 333]) }));
      const minute = Math.floor(random() * 24 * 60);
      const created = new Date(Date.UTC(2026, 6, day, 0, minute) - 2 * 3_600_000).toISOString();
      return at(sale(till.id, lines, { method: pick(['cash', 'card'] as const), staffId: pick([TEST_STAFF.cashier.id, TEST_STAFF.manager.id]) }), created);
    };
    // Bulk: plain sales of two tills over four days.
    for (const till of [a, b]) {
      const sales = Array.from({ length: 12 }, (_, i) => randomSale(till, 1 + (i % 4)));
      await applied(sales, till.token);
      made.push(...sales);
    }
    // Per item: refunds (some on a later day), with a plain sale alongside.
    const refunds = [made[0]!, made[5]!, made[13]!].map((o, i) => {
      const till = o.terminal_id === a.id ? a : b;
      const r = refundOf(o, till.id, o.lines.map((l) => (i === 0 ? l.quantity : 1)));
      return at(r, new Date(Date.parse(o.created_at) + (i + 1) * 86_400_000).toISOString());
    });
    const extraSale = randomSale(a, 2);
    await applied([refunds[0]!, extraSale, refunds[1]!], a.token);
    made.push(extraSale);
    const mine = async (till: { id: string; token: string }, sales: Sale[]) => {
      const res = await push(batch({ sales }), till.token);
      return res.body.results;
    };
    const stored = async () => (await server.db.query<{ uuid: string }>('SELECT uuid::text AS uuid FROM sales WHERE store_id = $1', [store.id])).map((r) => r.uuid);
    // A bulk insert the database refuses (a line uuid used before) rolls back, sums included, and goes item by item.
    const clash = randomSale(b, 3);
    clash.lines[0] = { ...clash.lines[0]!, uuid: made[1]!.lines[0]!.uuid };
    const fine = randomSale(b, 4);
    const results = await mine(b, [fine, clash, refunds[2]!]);
    expect(results.map((r) => r.status)).toEqual(['applied', 'rejected', 'applied']);
    // Duplicate sends: nothing counted twice.
    const again = await mine(b, [fine, clash, refunds[2]!, made[12]!]);
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'rejected', 'duplicate', 'duplicate']);
    await mine(a, made.slice(0, 12));

    const uuids = new Set(await stored());
    const all = [...made, ...refunds, fine];
    expect(new Set(all.map((x) => x.uuid))).toEqual(uuids);

    for (const [from, to] of [
      ['2026-07-01', '2026-07-08'],
      ['2026-07-02', '2026-07-03'],
    ] as const) {
      const res = await period(`store_id=${store.id}&from=${from}&to=${to}&top=100`);
      expect(res.status).toBe(200);
      const want = recompute(all, from, to);
      expect(res.body.summary).toEqual(want.summary);
      expect(res.body.vat).toEqual(want.vat);
      expect(res.body.payments).toEqual(want.payments);
      expect(new Map(res.body.products.map((p) => [p.product_uuid, { quantity: p.quantity, net_sales: p.net_sales, discount: p.discount }]))).toEqual(want.products);
      expect(new Map(res.body.hours.filter((h) => want.hours.has(h.hour)).map((h) => [h.hour, h.net_sales]))).toEqual(want.hours);
      expect(res.body.terminals.reduce((s, t) => s + t.net_sales, 0)).toBe(want.summary.net_sales);
      expect(res.body.cashiers.reduce((s, c) => s + c.net_sales, 0)).toBe(want.summary.net_sales);
      expect(res.body.days.reduce((s, d) => s + d.net_sales, 0)).toBe(want.summary.net_sales);
    }
    // Every till says when its newest sale arrived.
    const report = (await period(`store_id=${store.id}&from=2026-07-01&to=2026-07-08`)).body;
    expect(report.terminals.map((t) => t.terminal_id).sort()).toEqual([a.id, b.id].sort());
    for (const t of report.terminals) expect(Date.parse(t.last_received_at ?? '')).toBeGreaterThan(Date.now() - 600_000);
  });

  it('a period of whole months and partial months at both ends reads the monthly rollup: equal to a recomputation, before and after a time-zone change', async () => {
    const store = await server.createStore('Monate');
    const a = await server.createTerminal(store.id);
    const b = await server.createTerminal(store.id);
    const bakery = await server.admin<{ uuid: string }>('POST', '/api/v1/admin/categories', { name: 'Backwaren' });
    expect(bakery.status).toBe(201);
    const bread = await createProduct(server, { name: 'Roggenbrot', price: 455, tax_rate_bp: 700, tax_included: true, category_uuid: bakery.body.uuid });
    const categoryOf = new Map([[bread.uuid, bakery.body.uuid]]);
    let seed = 20_261_231;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed / 2_147_483_648;
    };
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
    const tillOf = (s: Sale) => (s.terminal_id === a.id ? a : b);
    const randomSale = (created: string) =>
      at(
        sale(pick([a, b]).id, Array.from({ length: 1 + Math.floor(random() * 3) }, () => line({ product: pick([food, drink, bread]), quantity: 1 + Math.floor(random() * 4), discountBp: pick([0, 0, 500, 1000, 333]) })), {
          method: pick(['cash', 'card'] as const),
          staffId: pick([TEST_STAFF.cashier.id, TEST_STAFF.manager.id]),
        }),
        created,
      );
    // Every other day from 20 January to 12 April 2026 at any minute (so days and months move with the
    // zone), and the instants at the months' edges in Berlin: 00:30 on 1 February (still 31 January in
    // UTC and New York), 23:59 on 28 February, 23:59 CEST on 31 March and 00:30 CEST on 1 April.
    const plain: Sale[] = [];
    for (let day = Date.UTC(2026, 0, 20); day <= Date.UTC(2026, 3, 12); day += 2 * 86_400_000) {
      plain.push(randomSale(new Date(day + Math.floor(random() * 1440) * 60_000).toISOString()));
    }
    const edges = ['2026-01-31T23:30:00Z', '2026-02-28T22:59:00Z', '2026-03-31T21:59:00Z', '2026-03-31T22:30:00Z'].map(randomSale);
    plain.push(...edges);
    for (const till of [a, b]) {
      const mine = plain.filter((s) => s.terminal_id === till.id);
      for (let i = 0; i < mine.length; i += 20) await applied(mine.slice(i, i + 20), till.token);
    }
    // Refunds in another month than their sale: January's in March, February's in April (a partial
    // month), and the sale at 23:59 on 31 March refunded at 00:30 on 1 April (Berlin).
    const january = plain.find((s) => s.created_at.startsWith('2026-01-2'))!;
    const february = plain.find((s) => s.created_at.startsWith('2026-02-1'))!;
    const refunds = [
      at(refundOf(january, january.terminal_id, january.lines.map((l) => l.quantity), 'card'), '2026-03-03T10:00:00Z'),
      at(refundOf(february, february.terminal_id, february.lines.map(() => 1)), '2026-04-02T09:00:00Z'),
      at(refundOf(edges[2]!, edges[2]!.terminal_id, [1]), '2026-03-31T22:45:00Z'),
    ];
    for (const r of refunds) await applied([r], tillOf(r).token);
    const all = [...plain, ...refunds];

    const periods = [
      ['2026-01-15', '2026-04-10'], // partial January, whole February and March, partial April
      ['2026-02-01', '2026-03-31'], // whole months only
      ['2026-01-31', '2026-03-01'], // a day before and after one whole month
      ['2026-02-10', '2026-03-31'], // partial start, whole end
      ['2026-01-01', '2026-03-15'], // whole start, partial end
      ['2026-01-31', '2026-02-01'], // no whole month
      ['2026-01-01', '2026-12-31'], // the year
    ] as const;
    const check = async (timeZone: string) => {
      for (const [from, to] of periods) {
        const res = await period(`store_id=${store.id}&from=${from}&to=${to}&top=100`);
        expect(res.status).toBe(200);
        const want = recompute(all, from, to, timeZone, categoryOf);
        expect(res.body.summary, `${from}..${to} in ${timeZone}`).toEqual(want.summary);
        expect(res.body.vat).toEqual(want.vat);
        expect(res.body.payments).toEqual(want.payments);
        expect(new Map(res.body.products.map((p) => [p.product_uuid, { quantity: p.quantity, net_sales: p.net_sales, discount: p.discount }])), `${from}..${to} in ${timeZone}`).toEqual(want.products);
        expect(new Map(res.body.categories.map((c) => [c.category_uuid, { quantity: c.quantity, net_sales: c.net_sales }]))).toEqual(want.categories);
        // Best first, and `top` cuts each list from its start.
        const descending = (xs: number[]) => [...xs].sort((a, b) => b - a);
        expect(res.body.products.map((p) => p.net_sales)).toEqual(descending(res.body.products.map((p) => p.net_sales)));
        expect(res.body.categories.map((c) => c.net_sales)).toEqual(descending(res.body.categories.map((c) => c.net_sales)));
        const top1 = await period(`store_id=${store.id}&from=${from}&to=${to}&top=1`);
        expect(top1.body.products).toEqual(res.body.products.slice(0, 1));
        expect(top1.body.categories).toEqual(res.body.categories.slice(0, 1));
        expect(new Map(res.body.hours.filter((h) => want.hours.has(h.hour)).map((h) => [h.hour, h.net_sales]))).toEqual(want.hours);
        expect(new Map(res.body.days.filter((d) => want.days.has(d.day)).map(({ day, ...f }) => [day, f]))).toEqual(want.days);
        expect(res.body.days.filter((d) => !want.days.has(d.day)).every((d) => d.sales_count === 0 && d.refunds_count === 0)).toBe(true);
      }
      // Every month row is the sum of its day rows.
      const differ = await server.db.query(
        `SELECT * FROM (SELECT * FROM report_products_monthly WHERE store_id = $1) m
           FULL JOIN (SELECT date_trunc('month', local_day)::date AS local_month, product_uuid, sum(quantity) AS quantity, sum(net_sales) AS net_sales, sum(discount) AS discount
                        FROM report_products_daily WHERE store_id = $1 GROUP BY 1, 2) d USING (local_month, product_uuid)
          WHERE m.quantity IS DISTINCT FROM d.quantity OR m.net_sales IS DISTINCT FROM d.net_sales OR m.discount IS DISTINCT FROM d.discount`,
        [store.id],
      );
      expect(differ).toEqual([]);
    };
    await check(BERLIN);
    // The edge sales change month with the zone (00:30 on 1 February in Berlin is 31 January in New
    // York), so month rows left as they were would fail the whole months' check.
    const current = await server.admin<AdminStore>('GET', `/api/v1/admin/stores/${store.id}`);
    const { id: _id, updated_at: _at, ...settings } = current.body;
    const NEW_YORK = 'America/New_York';
    expect((await server.admin('PUT', `/api/v1/admin/stores/${store.id}`, { ...settings, time_zone: NEW_YORK })).status).toBe(200);
    expect(localDayHour(edges[0]!.created_at, NEW_YORK).day).toBe('2026-01-31');
    await check(NEW_YORK);
    // Sales after the move are keyed in the new zone, next to the rebuilt rows: 22:00 on 28 February in New York.
    const late = randomSale('2026-03-01T03:00:00Z');
    await applied([late], tillOf(late).token);
    const lateRefund = at(refundOf(late, late.terminal_id, [1]), '2026-03-01T06:00:00Z');
    await applied([lateRefund], tillOf(late).token);
    all.push(late, lateRefund);
    await check(NEW_YORK);
  });

  it('the journal filters by till, cashier, method and searches receipt, product and customer; pages never repeat', async () => {
    const store = await server.createStore('Journal');
    const a = await server.createTerminal(store.id);
    const b = await server.createTerminal(store.id);
    const customer = await server.admin<{ uuid: string }>('POST', '/api/v1/admin/customers', { name: 'Anna Müller', email: 'anna@example.com', phone: '+49 30 1234567', store_id: store.id });
    expect(customer.status).toBe(201);
    const sales: Sale[] = [];
    for (let i = 0; i < 9; i++) {
      const till = i % 3 === 0 ? b : a;
      const s = at(sale(till.id, [line({ product: i % 2 === 0 ? food : drink, quantity: 1 })], { method: i % 2 === 0 ? 'cash' : 'card', staffId: i < 4 ? TEST_STAFF.manager.id : TEST_STAFF.cashier.id }), `2026-08-0${1 + (i % 3)}T1${i}:00:00Z`);
      sales.push({ ...s, receipt_number: `J${i}-${randomUUID().slice(0, 6)}`, customer_uuid: i === 4 ? customer.body.uuid : null });
    }
    await applied(sales.filter((s) => s.terminal_id === a.id), a.token);
    await applied(sales.filter((s) => s.terminal_id === b.id), b.token);
    const ids = async (q: string) => {
      const res = await journal(`store_id=${store.id}&${q}`);
      expect(res.status, q).toBe(200);
      return res.body.items.map((i) => i.uuid).sort();
    };
    const want = (f: (s: Sale, i: number) => boolean) => sales.filter(f).map((s) => s.uuid).sort();
    expect(await ids(`terminal_id=${b.id}`)).toEqual(want((s) => s.terminal_id === b.id));
    expect(await ids(`staff_id=${TEST_STAFF.manager.id}`)).toEqual(want((_, i) => i < 4));
    expect(await ids('payment_method=cash')).toEqual(want((_, i) => i % 2 === 0));
    expect(await ids(`receipt=${sales[3]!.receipt_number.slice(0, 8)}`)).toEqual([sales[3]!.uuid]);
    expect(await ids('receipt=J%25')).toEqual([]);
    expect(await ids('product=schorle')).toEqual(want((_, i) => i % 2 === 1));
    expect(await ids('product=4000000000017')).toEqual(want((_, i) => i % 2 === 1));
    expect(await ids('customer=müller')).toEqual([sales[4]!.uuid]);
    expect(await ids('customer=1234567')).toEqual([sales[4]!.uuid]);
    const entry = (await journal(`store_id=${store.id}&customer=anna`)).body.items[0];
    expect(entry).toMatchObject({ customer_name: 'Anna Müller', staff_id: TEST_STAFF.cashier.id, kind: 'sale', lines: 1, currency: 'EUR' });

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof journal>> = await journal(`store_id=${store.id}&limit=2${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.items.map((i) => i.created_at));
      cursor = page.body.next_cursor;
    } while (cursor !== null);
    expect(seen).toHaveLength(sales.length);
    expect([...seen].sort().reverse()).toEqual(seen);
    expect((await journal('cursor=s1.1.00000000-0000-4000-8000-000000000000')).status).toBe(400);
    expect((await journal(`staff_id=not-a-uuid`)).status).toBe(400);

    // The export's batches walk the same journal, a few rows per query.
    const stores = await reportStores(server.db, 'all', store.id);
    const batched: string[] = [];
    for await (const rows of journalBatches(server.db, stores, {}, 4)) {
      expect(rows.length).toBeLessThanOrEqual(4);
      batched.push(...rows.map((r) => r.uuid));
    }
    expect(batched.sort()).toEqual(sales.map((s) => s.uuid).sort());
  });

  it('CSV: the journal and report sections stream in the store locale (de-DE) and neutrally', async () => {
    const store = await server.createStore('Export');
    const till = await server.createTerminal(store.id);
    const s = at(sale(till.id, [line({ product: drink, quantity: 4 }), line({ product: food, quantity: 1 })], { method: 'cash' }), '2026-09-01T20:15:00Z');
    await applied([s], till.token);
    const csv = async (path: string) => {
      const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${server.adminToken}` } });
      expect(res.status, path).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.csv"$/);
      return new TextDecoder('utf-8', { ignoreBOM: true }).decode(await res.arrayBuffer()).split('\r\n').filter((l) => l !== '');
    };
    const euros = (minor: number, sep: string) => `${Math.trunc(minor / 100)}${sep}${String(minor % 100).padStart(2, '0')}`;

    const de = await csv(`/api/v1/admin/reports/journal/export?store_id=${store.id}&from=2026-09-01&to=2026-09-01`);
    expect(de[0]?.startsWith('\uFEFFDatum;Uhrzeit;Filiale;Kasse;Belegnummer')).toBe(true);
    expect(de).toHaveLength(2);
    const row = de[1]!.split(';');
    expect(row.slice(0, 6)).toEqual(['01.09.2026', '22:15:00', 'Export', expect.any(String), s.receipt_number, 'Verkauf']);
    expect(row[8]).toBe(euros(s.total, ','));
    expect(row[11]).toBe('Bar');

    const neutral = await csv(`/api/v1/admin/reports/journal/export?store_id=${store.id}&format=neutral`);
    expect(neutral[0]).toBe('Date,Time,Store,Till,Receipt number,Type,Cashier,Customer,Total,Discount,VAT,Payment methods,Currency,Refund of,Id');
    const n = neutral[1]!.split(',');
    expect(n.slice(0, 2)).toEqual(['2026-09-01', '22:15:00']);
    expect(n[8]).toBe(euros(s.total, '.'));

    const vat = await csv(`/api/v1/admin/reports/period/export?store_id=${store.id}&from=2026-09-01&to=2026-09-01&section=vat`);
    const report = (await period(`store_id=${store.id}&from=2026-09-01&to=2026-09-01`)).body;
    expect(vat).toEqual([
      '\uFEFFMwSt.-Satz %;Netto;MwSt.;Brutto',
      ...report.vat.map((v) => [String(v.tax_rate_bp / 100), euros(v.net, ','), euros(v.vat, ','), euros(v.gross, ',')].join(';')),
    ]);
    const summary = await csv(`/api/v1/admin/reports/period/export?store_id=${store.id}&from=2026-09-01&to=2026-09-01&section=summary&format=neutral`);
    expect(summary).toContain(`Net sales,${euros(s.total, '.')}`);
    for (const section of ['payments', 'terminals', 'cashiers', 'products', 'categories', 'hours', 'days']) {
      expect((await csv(`/api/v1/admin/reports/period/export?store_id=${store.id}&from=2026-09-01&to=2026-09-01&section=${section}`)).length).toBeGreaterThan(1);
    }
    expect((await server.admin('GET', `/api/v1/admin/reports/period/export?from=2026-09-01&to=2026-09-01&section=nope`)).status).toBe(400);
  });
});
