// Closed shifts at the hub (protocol 3): stored exactly once per uuid (a resend is duplicate, a changed
// body a uuid_conflict), for the authenticated terminal only (another store's terminal cannot store or
// probe one), with figures that must add up and a Z number unique per terminal; a protocol 2 batch
// without shifts still goes through. GET /api/v1/admin/shifts counts days in the store's time zone
// (a shift closed at 23:30 in Berlin in winter is 22:30 UTC that day, at 00:30 the next) and pages.
// The terminal's info names its last Z number, so a replacing till continues the numbering.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ShiftsReport } from '@ezo/contract/admin';
import type { StaffRecord } from '@ezo/contract/staff';
import type { Shift } from '@ezo/contract/shift';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import type { TerminalInfo } from '@ezo/contract/terminal';
import { PROTOCOL_HEADER } from '@ezo/contract/protocol-version';
import { TEST_STAFF } from '../src/testing/test-server.ts';
import { BACKENDS } from './support/backends.ts';
import { batch, call } from './support/fixtures.ts';

/** A shift whose figures add up: one cash sale of 1190 at 19 %, a card refund of 107 at 7 %, 500 cash in, 200 out. */
function shift(terminalId: string, zNumber: number, closedAt: string, change: Partial<Shift> = {}): Shift {
  const opened = new Date(Date.parse(closedAt) - 8 * 3_600_000).toISOString();
  return {
    uuid: randomUUID(),
    terminal_id: terminalId,
    z_number: zNumber,
    currency: 'EUR',
    opened_at: opened,
    closed_at: closedAt,
    opened_by: TEST_STAFF.cashier.id,
    closed_by: TEST_STAFF.cashier.id,
    close_approved_by: null,
    opening_float: 10_000,
    cash_moves: [
      { uuid: randomUUID(), kind: 'in', amount: 500, reason: 'change from the bank', staff_id: TEST_STAFF.cashier.id, approved_by: null, created_at: opened },
      { uuid: randomUUID(), kind: 'out', amount: 200, reason: 'window cleaner', staff_id: TEST_STAFF.cashier.id, approved_by: TEST_STAFF.manager.id, created_at: opened },
    ],
    expected_cash: 10_000 + 1190 + 500 - 200,
    counted_cash: 11_480,
    denominations: [
      { value: 10_000, count: 1 },
      { value: 1_000, count: 1 },
      { value: 200, count: 2 },
      { value: 50, count: 1 },
      { value: 10, count: 3 },
    ],
    difference: 11_480 - 11_490,
    drawer_openings: [{ uuid: randomUUID(), staff_id: TEST_STAFF.cashier.id, approved_by: null, created_at: opened }],
    z_report: {
      first_receipt: 'T1-1',
      last_receipt: 'T1-2',
      sales_count: 1,
      sales_total: 1190,
      refunds_count: 1,
      refunds_total: 107,
      turnover: 1083,
      discounts: 0,
      vat: [
        { tax_rate_bp: 1900, net: 1000, vat: 190, gross: 1190 },
        { tax_rate_bp: 700, net: -100, vat: -7, gross: -107 },
      ],
      payments: [
        { method: 'cash', count: 1, amount: 1190 },
        { method: 'card', count: 1, amount: -107 },
      ],
      cash_in: 500,
      cash_out: 200,
      cashiers: [{ staff_id: TEST_STAFF.cashier.id, name: 'Cashier' }],
      grand_total: 1083 * zNumber,
      no_sale_openings: 1,
    },
    ...change,
  };
}

describe.each(BACKENDS)('closed shifts on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  const push = (shifts: Shift[], token = server.terminal.token, headers: Record<string, string> = {}) =>
    call<UpstreamResponse>(server, token, 'POST', '/api/v1/sync/upstream', batch({ shifts }), headers);
  const report = (query: string) => server.admin<ShiftsReport & { error?: { code: string } }>('GET', `/api/v1/admin/shifts?${query}`);
  const stored = async () => Number((await server.db.query<{ n: string }>('SELECT count(*)::text AS n FROM shifts'))[0]?.n);

  beforeAll(async () => {
    server = await backend.start();
  });
  afterAll(async () => {
    await server.dispose();
  });

  it('stores a shift once: a resend (a lost answer) is duplicate, the same uuid with another body a uuid_conflict', async () => {
    const before = await stored();
    const s = shift(server.terminal.id, 1, '2026-01-10T17:00:00.000Z');
    const first = await push([s]);
    expect(first.status).toBe(200);
    expect(first.body.results).toEqual([{ uuid: s.uuid, entity: 'shift', status: 'applied' }]);
    expect((await push([s])).body.results[0]?.status).toBe('duplicate');
    const changed = await push([{ ...s, counted_cash: 11_490, difference: 0, denominations: null }]);
    expect(changed.body.results[0]).toMatchObject({ status: 'rejected', code: 'uuid_conflict' });
    expect(await stored()).toBe(before + 1);
    const row = (await server.db.query<{ turnover: string; no_sale_openings: number; device_id: string; closed_by: string }>(
      'SELECT turnover::text AS turnover, no_sale_openings, device_id::text AS device_id, closed_by::text AS closed_by FROM shifts WHERE uuid = $1',
      [s.uuid],
    ))[0];
    expect(row).toEqual({ turnover: '1083', no_sale_openings: 1, device_id: server.terminal.deviceId, closed_by: TEST_STAFF.cashier.id });
    // A till that replaces this one on the terminal learns where its Z numbers carry on.
    const info = await call<TerminalInfo>(server, server.terminal.token, 'GET', '/api/v1/sync/terminal');
    expect(info.body).toMatchObject({ last_z_number: 1, last_grand_total: 1083 });
  });

  it('refuses figures that do not add up, each alone, and stores nothing of them', async () => {
    const before = await stored();
    const t = server.terminal.id;
    const bad: Shift[] = [
      (() => {
        const s = shift(t, 900, '2026-01-11T17:00:00.000Z');
        return { ...s, z_report: { ...s.z_report, vat: [{ tax_rate_bp: 1900, net: 1000, vat: 190, gross: 1191 }, s.z_report.vat[1]!] } };
      })(),
      (() => {
        const s = shift(t, 901, '2026-01-11T17:00:00.000Z');
        return { ...s, z_report: { ...s.z_report, turnover: 1084 } };
      })(),
      shift(t, 902, '2026-01-11T17:00:00.000Z', { difference: 0 }),
      shift(t, 903, '2026-01-11T17:00:00.000Z', { drawer_openings: [] }),
      shift(t, 904, '2026-01-11T17:00:00.000Z', { expected_cash: 1 }),
    ];
    const good = shift(t, 2, '2026-01-11T17:00:00.000Z');
    const res = await push([...bad, good]);
    expect(res.status).toBe(200);
    expect(res.body.results.map((r) => [r.status, r.code])).toEqual([...bad.map(() => ['rejected', 'totals_mismatch']), ['applied', undefined]]);
    expect(await stored()).toBe(before + 1);
  });

  it('another terminal, another store, unknown staff and a taken Z number are refused without revealing anything', async () => {
    const other = await server.createStore('Elsewhere');
    const foreign = await server.createTerminal(other.id);
    const mine = shift(server.terminal.id, 3, '2026-01-12T17:00:00.000Z');
    expect((await push([mine])).body.results[0]?.status).toBe('applied');
    // Another store's till naming this terminal, or resending this store's shift uuid as its own.
    const res = await push([shift(server.terminal.id, 4, '2026-01-12T18:00:00.000Z'), { ...mine, terminal_id: foreign.id }], foreign.token);
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: 'wrong_terminal' });
    expect(res.body.results[1]).toMatchObject({ status: 'rejected', code: 'invalid' });
    expect(res.body.results[1]?.reason).toContain('cannot store');
    const stranger = await push([shift(server.terminal.id, 5, '2026-01-12T19:00:00.000Z', { closed_by: randomUUID() })]);
    expect(stranger.body.results[0]).toMatchObject({ status: 'rejected', code: 'unknown_staff' });
    const again = await push([shift(server.terminal.id, 3, '2026-01-12T20:00:00.000Z')]);
    expect(again.body.results[0]).toMatchObject({ status: 'rejected', code: 'invalid', reason: 'this Z number is already used by another shift of this terminal' });
    // The other store's terminal may use Z number 3 for its own shift.
    expect((await push([shift(foreign.id, 3, '2026-01-12T17:00:00.000Z')], foreign.token)).body.results[0]?.status).toBe('applied');
    expect((await report(`store_id=${other.id}`)).body.shifts.map((s) => s.terminal_id)).toEqual([foreign.id]);
  });

  it('a protocol 2 batch without shifts still goes through; one with shifts is a 400 at protocol 1', async () => {
    const v2 = await call<UpstreamResponse>(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', { sync_id: 'p2', timestamp: new Date().toISOString(), changes: { sales: [] } }, { [PROTOCOL_HEADER]: '2' });
    expect(v2.status).toBe(200);
    const v1 = await push([shift(server.terminal.id, 6, '2026-01-13T17:00:00.000Z')], server.terminal.token, { [PROTOCOL_HEADER]: '1' });
    expect(v1.status).toBe(400);
  });

  it("lists a day's shifts by the store's time zone, oldest first, a page at a time", async () => {
    const store = await server.createStore('Berlin day');
    const till = await server.createTerminal(store.id);
    // Europe/Berlin (the default) is UTC+1 in January and UTC+2 in July; New York is UTC-5 in January.
    const closings = ['2026-01-19T23:30:00.000Z', '2026-01-20T00:30:00.000Z', '2026-01-20T12:00:00.000Z', '2026-01-20T22:59:59.999Z', '2026-01-20T23:00:00.000Z', '2026-07-20T22:30:00.000Z'];
    const shifts = closings.map((at, i) => shift(till.id, i + 1, at));
    expect((await push(shifts, till.token)).body.results.every((r) => r.status === 'applied')).toBe(true);
    const day = await report(`store_id=${store.id}&day=2026-01-20`);
    expect(day.status).toBe(200);
    expect(day.body.time_zone).toBe('Europe/Berlin');
    expect(day.body.shifts.map((s) => s.closed_at)).toEqual(closings.slice(0, 4));
    expect(day.body.shifts[0]).toMatchObject({ store_id: store.id, device_id: till.deviceId, z_report: shifts[0]!.z_report });
    expect((await report(`store_id=${store.id}&day=2026-07-21`)).body.shifts.map((s) => s.uuid)).toEqual([shifts[5]!.uuid]);
    await server.db.query(`UPDATE stores SET time_zone = 'America/New_York' WHERE id = $1`, [store.id]);
    expect((await report(`store_id=${store.id}&day=2026-01-20`)).body.shifts.map((s) => s.uuid)).toEqual(shifts.slice(2, 5).map((s) => s.uuid));

    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Awaited<ReturnType<typeof report>> = await report(`store_id=${store.id}&limit=4${cursor === null ? '' : `&cursor=${cursor}`}`);
      expect(page.status).toBe(200);
      seen.push(...page.body.shifts.map((s) => s.uuid));
      cursor = page.body.next_cursor;
    } while (cursor !== null);
    expect(seen).toEqual(shifts.map((s) => s.uuid));
  });

  it('keeps the names and the store header its Z report printed: a renamed cashier or a moved store changes no stored shift', async () => {
    const store = await server.createStore('Printed header');
    await server.db.query(`UPDATE stores SET legal_name = 'Alt GmbH', address_lines = ARRAY['Altstraße 1', '10115 Berlin'], receipt_footer = 'Danke' WHERE id = $1`, [store.id]);
    const till = await server.createTerminal(store.id);
    const karla = await server.admin<StaffRecord>('POST', '/api/v1/admin/staff', { display_name: 'Karla Kasse', roles: [{ store_id: store.id, role: 'cashier' }] });
    expect(karla.status).toBe(201);
    const s = shift(till.id, 1, '2026-02-02T18:00:00.000Z', { opened_by: karla.body.id, closed_by: karla.body.id });
    expect((await push([s], till.token)).body.results[0]?.status).toBe('applied');
    await server.db.query(`UPDATE staff SET display_name = 'Karla Neu' WHERE id = $1`, [karla.body.id]);
    await server.db.query(`UPDATE stores SET legal_name = 'Neu GmbH', address_lines = ARRAY['Neustraße 9'], receipt_footer = NULL WHERE id = $1`, [store.id]);
    await server.db.query(`UPDATE terminals SET name = 'Renamed till' WHERE id = $1`, [till.id]);
    const day = await report(`store_id=${store.id}&day=2026-02-02`);
    expect(day.status).toBe(200);
    expect(day.body.shifts[0]).toMatchObject({
      opened_by_name: 'Karla Kasse',
      closed_by_name: 'Karla Kasse',
      close_approved_by_name: null,
      printed_store: { name: 'Printed header', legal_name: 'Alt GmbH', address_lines: ['Altstraße 1', '10115 Berlin'], tax_number: null, receipt_footer: 'Danke', locale: 'de-DE' },
    });
    expect(day.body.shifts[0]?.terminal_name).not.toBe('Renamed till');
  });

  it('asks for the admin token, a known store and well-formed parameters', async () => {
    const res = await call(server, undefined, 'GET', `/api/v1/admin/shifts?store_id=${server.store.id}`);
    expect(res.status).toBe(401);
    expect((await call(server, server.terminal.token, 'GET', `/api/v1/admin/shifts?store_id=${server.store.id}`)).status).toBe(401);
    expect((await report(`store_id=${randomUUID()}`)).status).toBe(404);
    for (const query of ['', `store_id=${server.store.id}&day=2026-02-30`, `store_id=${server.store.id}&cursor=s1.1.${randomUUID()}`, `store_id=${server.store.id}&limit=0`]) {
      expect((await report(query)).status, query).toBe(400);
    }
  });
});
