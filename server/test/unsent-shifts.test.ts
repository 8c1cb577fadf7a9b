// GET /api/v1/admin/reports/unsent-shifts on PGlite and PostgreSQL: a till's sales of a day are flagged
// until the hub holds the closed shift they belong to (by the sale's shift_uuid; a sale without one by a
// shift of its till spanning it), per store day in the store's time zone (00:30 in Berlin belongs to
// that Berlin day, though it is the previous one in UTC), counted by the summary kept at ingest.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '@ezo/contract/catalog';
import type { UnsentShifts } from '@ezo/contract/reports';
import type { Sale } from '@ezo/contract/sale';
import type { Shift } from '@ezo/contract/shift';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { shiftSaleDaysMigration } from '../src/db/migrations/017-shift-sale-days.ts';
import { TEST_STAFF } from '../src/testing/test-server.ts';
import { BACKENDS } from './support/backends.ts';
import { batch, call, createProduct, line, sale } from './support/fixtures.ts';

const HOUR_MS = 3_600_000;

/** A closed shift with nothing sold (its figures add up); only its uuid, terminal and times matter here. */
function emptyShift(uuid: string, terminalId: string, zNumber: number, openedAt: string, closedAt: string): Shift {
  return {
    uuid,
    terminal_id: terminalId,
    z_number: zNumber,
    currency: 'EUR',
    opened_at: openedAt,
    closed_at: closedAt,
    opened_by: TEST_STAFF.cashier.id,
    closed_by: TEST_STAFF.cashier.id,
    close_approved_by: null,
    opening_float: 5_000,
    cash_moves: [],
    expected_cash: 5_000,
    counted_cash: 5_000,
    denominations: null,
    difference: 0,
    drawer_openings: [],
    z_report: {
      first_receipt: null,
      last_receipt: null,
      sales_count: 0,
      sales_total: 0,
      refunds_count: 0,
      refunds_total: 0,
      turnover: 0,
      discounts: 0,
      vat: [],
      payments: [],
      cash_in: 0,
      cash_out: 0,
      cashiers: [],
      grand_total: 0,
      no_sale_openings: 0,
    },
  };
}

describe.each(BACKENDS)('unsent shifts on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let product: Product;
  const push = async (token: string, changes: { sales?: Sale[]; shifts?: Shift[] }) => {
    const res = await call<UpstreamResponse>(server, token, 'POST', '/api/v1/sync/upstream', batch(changes));
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => r.status)).toEqual([...(changes.sales ?? []), ...(changes.shifts ?? [])].map(() => 'applied'));
  };
  const unsent = (query: string) => server.admin<UnsentShifts>('GET', `/api/v1/admin/reports/unsent-shifts?${query}`);
  const soldAt = (terminalId: string, createdAt: string, shiftUuid: string | null): Sale => ({
    ...sale(terminalId, [line({ product, quantity: 1 })]),
    created_at: createdAt,
    shift_uuid: shiftUuid,
  });

  beforeAll(async () => {
    server = await backend.start();
    product = await createProduct(server, { name: 'Brezel', price: 120, tax_rate_bp: 700, tax_included: true });
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('flags a till whose sales have no shift at the hub, until the shift arrives; a closed shift flags nothing', async () => {
    const store = await server.createStore('Flag store');
    const till1 = await server.createTerminal(store.id);
    const till2 = await server.createTerminal(store.id);
    const closedShift = randomUUID();
    const openShift = randomUUID();
    // 2026-03-02 in Berlin (UTC+1): till 1 sold and closed its shift; till 2 sold twice in a shift it has not sent.
    await push(till1.token, {
      sales: [soldAt(till1.id, '2026-03-02T09:00:00.000Z', closedShift)],
      shifts: [emptyShift(closedShift, till1.id, 1, '2026-03-02T07:00:00.000Z', '2026-03-02T17:00:00.000Z')],
    });
    await push(till2.token, { sales: [soldAt(till2.id, '2026-03-02T10:00:00.000Z', openShift), soldAt(till2.id, '2026-03-02T11:00:00.000Z', openShift)] });

    const before = await unsent(`store_id=${store.id}&from=2026-03-02&to=2026-03-02`);
    expect(before.status).toBe(200);
    const terminalName = (await server.db.query<{ name: string }>('SELECT name FROM terminals WHERE id = $1', [till2.id]))[0]?.name;
    expect(before.body).toEqual({
      store_ids: [store.id],
      from: '2026-03-02',
      to: '2026-03-02',
      unsent: [
        {
          store_id: store.id,
          day: '2026-03-02',
          terminal_id: till2.id,
          terminal_name: terminalName,
          receipts: 2,
          first_sale_at: '2026-03-02T10:00:00.000000Z',
          last_sale_at: '2026-03-02T11:00:00.000000Z',
        },
      ],
    });
    // A resend of the same sales counts nothing twice.
    const resend = await call<UpstreamResponse>(server, till2.token, 'POST', '/api/v1/sync/upstream', batch({ sales: [soldAt(till2.id, '2026-03-02T12:00:00.000Z', openShift)] }));
    expect(resend.body.results[0]?.status).toBe('applied');
    expect((await unsent(`store_id=${store.id}&from=2026-03-02&to=2026-03-02`)).body.unsent.map((u) => u.receipts)).toEqual([3]);

    await push(till2.token, { shifts: [emptyShift(openShift, till2.id, 1, '2026-03-02T08:00:00.000Z', '2026-03-02T18:00:00.000Z')] });
    expect((await unsent(`store_id=${store.id}&from=2026-03-02&to=2026-03-02`)).body.unsent).toEqual([]);
  });

  it("counts days in the store's time zone: a sale at 00:30 Berlin time is flagged on that Berlin day", async () => {
    const store = await server.createStore('Midnight store');
    const till = await server.createTerminal(store.id);
    // 2026-03-02T23:30Z is 2026-03-03 00:30 in Berlin.
    await push(till.token, { sales: [soldAt(till.id, '2026-03-02T23:30:00.000Z', randomUUID())] });
    expect((await unsent(`store_id=${store.id}&from=2026-03-02&to=2026-03-02`)).body.unsent).toEqual([]);
    const next = await unsent(`store_id=${store.id}&from=2026-03-03&to=2026-03-03`);
    expect(next.body.unsent.map((u) => [u.day, u.terminal_id])).toEqual([['2026-03-03', till.id]]);
    const period = await unsent(`store_id=${store.id}&from=2026-03-01&to=2026-03-31`);
    expect(period.body.unsent.map((u) => u.day)).toEqual(['2026-03-03']);
  });

  it('a sale without a shift_uuid is covered by a closed shift of its till that spans it, else flagged', async () => {
    const store = await server.createStore('Legacy store');
    const till = await server.createTerminal(store.id);
    await push(till.token, {
      sales: [soldAt(till.id, '2026-04-01T09:00:00.000Z', null), soldAt(till.id, '2026-04-02T09:00:00.000Z', null)],
      shifts: [emptyShift(randomUUID(), till.id, 1, new Date(Date.parse('2026-04-01T09:00:00.000Z') - HOUR_MS).toISOString(), '2026-04-01T17:00:00.000Z')],
    });
    const res = await unsent(`store_id=${store.id}&from=2026-04-01&to=2026-04-02`);
    expect(res.body.unsent.map((u) => [u.day, u.receipts])).toEqual([['2026-04-02', 1]]);
  });

  it('covers every visible store without store_id; a reversed period is a 400, an unknown store a 404', async () => {
    const all = await unsent('from=2026-03-01&to=2026-04-30');
    expect(all.status).toBe(200);
    expect(new Set(all.body.unsent.map((u) => u.day))).toEqual(new Set(['2026-03-03', '2026-04-02']));
    expect((await unsent('from=2026-03-02&to=2026-03-01')).status).toBe(400);
    expect((await unsent(`store_id=${randomUUID()}&from=2026-03-01&to=2026-03-01`)).status).toBe(404);
  });

  it("migration 017's backfill from the stored sales gives the rows the ingest kept", async () => {
    const snapshot = () => server.db.query(`SELECT to_jsonb(t) AS row FROM report_shift_sales t ORDER BY to_jsonb(t)::text`);
    const kept = await snapshot();
    expect(kept.length).toBeGreaterThan(3);
    const backfill = shiftSaleDaysMigration.statements[1];
    if (backfill === undefined) throw new Error('migration 017 has no backfill statement');
    await server.db.transaction(async (tx) => {
      await tx.query('DELETE FROM report_shift_sales');
      await tx.query(backfill);
    });
    expect(await snapshot()).toEqual(kept);
  });
});
