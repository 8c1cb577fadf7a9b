// Store scope of the reports (issue 20) for a back-office session: a manager of store A (view_reports
// there) reads A's journal, receipts, period report, exports and shifts; store B's answer 404 like a
// store that does not exist, and "every store" means only A (and for B's manager only B).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '@ezo/contract/catalog';
import type { JournalPage, PeriodReport } from '@ezo/contract/reports';
import type { Sale } from '@ezo/contract/sale';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { BACKENDS } from './support/backends.ts';
import { browserCall, createSignInStaff, signIn } from './support/backoffice.ts';
import { batch, call, createProduct, line, sale } from './support/fixtures.ts';

const DAY = '2026-06-01';

describe.each(BACKENDS)('report store scope on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let storeB: { id: string };
  let saleA: Sale;
  let saleB: Sale;
  let cookie: string | undefined;
  const as = <T = unknown>(path: string) => browserCall<T>(server, 'GET', path, { cookie });

  beforeAll(async () => {
    server = await backend.start();
    storeB = await server.createStore('Store B');
    const tillB = await server.createTerminal(storeB.id);
    const product: Product = await createProduct(server, { name: 'Brezel', price: 120, tax_rate_bp: 700, tax_included: true });
    saleA = { ...sale(server.terminal.id, [line({ product, quantity: 2 })]), created_at: `${DAY}T10:00:00.000Z` };
    saleB = { ...sale(tillB.id, [line({ product, quantity: 5 })]), created_at: `${DAY}T11:00:00.000Z` };
    for (const [s, token] of [[saleA, server.terminal.token], [saleB, tillB.token]] as const) {
      const res = await call<UpstreamResponse>(server, token, 'POST', '/api/v1/sync/upstream', batch({ sales: [s] }));
      expect(res.body.results.map((r) => r.status)).toEqual(['applied']);
    }
    await createSignInStaff(server, 'manager.a@example.com', [{ store_id: server.store.id, role: 'manager' }]);
    cookie = (await signIn(server, 'manager.a@example.com')).cookie;
    expect(cookie).toBeDefined();
  });
  afterAll(async () => server.dispose());

  it("reads its own store's reports and only those: every store means its store", async () => {
    const own = await as<PeriodReport>(`/api/v1/admin/reports/period?store_id=${server.store.id}&from=${DAY}&to=${DAY}`);
    expect(own.status).toBe(200);
    expect(own.body.summary).toMatchObject({ sales_count: 1, net_sales: saleA.total });
    const all = await as<PeriodReport>(`/api/v1/admin/reports/period?from=${DAY}&to=${DAY}`);
    expect(all.body.store_ids).toEqual([server.store.id]);
    expect(all.body.summary.net_sales).toBe(saleA.total);
    const journal = await as<JournalPage>(`/api/v1/admin/reports/journal?from=${DAY}&to=${DAY}`);
    expect(journal.body.items.map((i) => i.uuid)).toEqual([saleA.uuid]);
    expect((await as(`/api/v1/admin/reports/sales/${saleA.uuid}`)).status).toBe(200);
    expect((await as(`/api/v1/admin/shifts?store_id=${server.store.id}&day=${DAY}`)).status).toBe(200);
    const csv = await as<string>(`/api/v1/admin/reports/journal/export?from=${DAY}&to=${DAY}&format=neutral`);
    expect(csv.status).toBe(200);
    expect(csv.body).toContain(saleA.receipt_number);
    expect(csv.body).not.toContain(saleB.receipt_number);
  });

  it("gets 404 for another store's reports, receipts, exports and shifts, as for a missing store", async () => {
    for (const path of [
      `/api/v1/admin/reports/period?store_id=${storeB.id}&from=${DAY}&to=${DAY}`,
      `/api/v1/admin/reports/period/export?store_id=${storeB.id}&from=${DAY}&to=${DAY}&section=summary`,
      `/api/v1/admin/reports/journal?store_id=${storeB.id}`,
      `/api/v1/admin/reports/journal/export?store_id=${storeB.id}`,
      `/api/v1/admin/reports/sales/${saleB.uuid}`,
      `/api/v1/admin/shifts?store_id=${storeB.id}&day=${DAY}`,
    ]) {
      expect((await as(path)).status, path).toBe(404);
    }
    // The admin token still sees store B.
    expect((await server.admin('GET', `/api/v1/admin/reports/sales/${saleB.uuid}`)).status).toBe(200);
  });

  it("a manager of store B sees B's report and not A's receipt", async () => {
    await createSignInStaff(server, 'manager.b@example.com', [{ store_id: storeB.id, role: 'manager' }]);
    const other = (await signIn(server, 'manager.b@example.com')).cookie;
    const res = await browserCall<PeriodReport>(server, 'GET', `/api/v1/admin/reports/period?from=${DAY}&to=${DAY}`, { cookie: other });
    expect(res.body.store_ids).toEqual([storeB.id]);
    expect((await browserCall(server, 'GET', `/api/v1/admin/reports/sales/${saleA.uuid}`, { cookie: other })).status).toBe(404);
  });
});
