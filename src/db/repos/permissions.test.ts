// The data service with the worker's real staff session: every record names who made it, an action
// the signed-in member lacks is refused until a manager approves, and the record then names both.
import { randomBytes, scryptSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { TillPermission } from '../../api/till-api.ts';
import { hasTillErrorCode } from '../../api/till-error.ts';
import { createStaffSession } from '../staff/staff-session.ts';
import { addProducts, cartLine, openTestTill, product, TEST_TERMINAL } from './data-test-kit.ts';

const CASHIER = '00000000-0000-4000-8000-0000000000c1';
const MANAGER = '00000000-0000-4000-8000-0000000000a1';
const item = product(1, { price: 1000 });

function pinHash(pin: string): string {
  const salt = randomBytes(16);
  return `scrypt$1024$8$1$${salt.toString('base64')}$${scryptSync(pin, salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')}`;
}

async function staffedTill(options: { openShift?: boolean } = {}) {
  const t = await openTestTill(undefined, options);
  const add = (id: string, name: string, pin: string, permissions: TillPermission[]) =>
    t.db.run(`INSERT INTO staff (id, display_name, role, permissions, pin_hash, active, updated_at) VALUES (?, ?, 'x', ?, ?, 1, '2026-01-01T00:00:00Z')`, [id, name, JSON.stringify(permissions), pinHash(pin)]);
  await add(CASHIER, 'Cara', '1111', ['close_shift']);
  await add(MANAGER, 'Max', '2222', ['refund', 'stock_adjust', 'discount_over_limit', 'price_override', 'close_shift']);
  const session = createStaffSession(t.db, { now: () => t.now.ms });
  t.actor.current = (permission) => session.actor(permission);
  await addProducts(t.db, [item]);
  return { ...t, session };
}

const isForbidden = (e: unknown) => hasTillErrorCode(e, 'forbidden');
const cash = (amount: number) => [{ method: 'cash' as const, amount, tendered: amount }];

describe('records and permissions', () => {
  it('refuses to sell with nobody signed in; a sale names the cashier', async () => {
    const t = await staffedTill();
    const draft = { lines: [cartLine(item, 1)], payments: cash(1000), customerUuid: null, note: null };
    await expect(t.api.recordSale(draft)).rejects.toSatisfy((e: unknown) => hasTillErrorCode(e, 'signed_out'));
    await t.session.signIn(CASHIER, '1111');
    const sale = await t.api.recordSale(draft);
    expect(sale.sale).toMatchObject({ staff_id: CASHIER, approved_by: null });
    expect(sale.cashierName).toBe('Cara');
    expect((await t.api.sale(sale.sale.uuid))?.cashierName).toBe('Cara');
  });

  it('a refund by a cashier needs a manager; the refund names both, and the approval is used once', async () => {
    const t = await staffedTill();
    await t.session.signIn(CASHIER, '1111');
    const sale = await t.api.recordSale({ lines: [cartLine(item, 2)], payments: cash(2000), customerUuid: null, note: null });
    const line = sale.sale.lines[0]?.uuid ?? '';
    const refund = { originalSaleUuid: sale.sale.uuid, lines: [{ lineUuid: line, quantity: 1 }], method: 'cash' as const, note: null };
    await expect(t.api.recordRefund(refund)).rejects.toSatisfy(isForbidden);
    expect(await t.db.get(`SELECT count(*) AS n FROM sales WHERE refund_of IS NOT NULL`)).toEqual({ n: 0 });
    expect((await t.session.approve('refund', MANAGER, '2222')).kind).toBe('ok');
    const done = await t.api.recordRefund(refund);
    expect(done.sale).toMatchObject({ staff_id: CASHIER, approved_by: MANAGER });
    const queued = await t.db.get<{ payload: string }>(`SELECT payload FROM sync_queue WHERE idempotency_key = ?`, [done.sale.uuid]);
    expect(JSON.parse(queued?.payload ?? '{}')).toMatchObject({ staff_id: CASHIER, approved_by: MANAGER });
    await expect(t.api.recordRefund(refund)).rejects.toSatisfy(isForbidden);
  });

  it('a discount above the store limit needs discount_over_limit; at the limit it does not', async () => {
    const t = await staffedTill();
    t.terminal.current = { ...TEST_TERMINAL, discount_limit_percent: 10 };
    await t.session.signIn(CASHIER, '1111');
    await t.api.recordSale({ lines: [cartLine(item, 1, 1000)], payments: cash(900), customerUuid: null, note: null });
    const over = { lines: [cartLine(item, 1, 1500)], payments: cash(850), customerUuid: null, note: null };
    await expect(t.api.recordSale(over)).rejects.toSatisfy(isForbidden);
    await t.session.approve('discount_over_limit', MANAGER, '2222');
    expect((await t.api.recordSale(over)).sale).toMatchObject({ staff_id: CASHIER, approved_by: MANAGER });
  });

  it('a price changed at the counter needs price_override; the sale names both and the hub sees the price charged', async () => {
    const t = await staffedTill();
    await t.session.signIn(CASHIER, '1111');
    const overridden = { ...cartLine(item, 2), unitPrice: 800, catalogPrice: item.price };
    const draft = { lines: [overridden], payments: cash(1600), customerUuid: null, note: null };
    await expect(t.api.recordSale(draft)).rejects.toSatisfy(isForbidden);
    expect(await t.db.get(`SELECT count(*) AS n FROM sales`)).toEqual({ n: 0 });
    // An approval for another permission does not cover it (and is not used up by the refusal).
    await t.session.approve('refund', MANAGER, '2222');
    await expect(t.api.recordSale(draft)).rejects.toSatisfy(isForbidden);
    await t.session.approve('price_override', MANAGER, '2222');
    const sale = await t.api.recordSale(draft);
    expect(sale.sale).toMatchObject({ staff_id: CASHIER, approved_by: MANAGER, total: 1600 });
    expect(sale.sale.lines[0]).toMatchObject({ unit_price: 800, line_total: 1600 });
    // What goes to the hub is a contract sale line: the price charged, nothing the contract lacks.
    const queued = await t.db.get<{ payload: string }>(`SELECT payload FROM sync_queue WHERE idempotency_key = ?`, [sale.sale.uuid]);
    const wire = JSON.parse(queued?.payload ?? '{}') as { approved_by: string; lines: Record<string, unknown>[] };
    expect(wire.approved_by).toBe(MANAGER);
    expect(wire.lines[0]).toMatchObject({ unit_price: 800 });
    expect(wire.lines[0]).not.toHaveProperty('catalogPrice');
    // The catalog's own price again is no override; a line back at it needs nobody.
    await t.api.recordSale({ lines: [{ ...cartLine(item, 1), catalogPrice: item.price }], payments: cash(1000), customerUuid: null, note: null });
    await expect(t.api.recordSale(draft)).rejects.toSatisfy(isForbidden);
  });

  it('a sale with a price override and a discount over the limit is approved for both with one PIN', async () => {
    const t = await staffedTill();
    await t.db.run(`UPDATE staff SET permissions = ? WHERE id = ?`, [JSON.stringify(['refund', 'discount_over_limit', 'price_override']), MANAGER]);
    t.terminal.current = { ...TEST_TERMINAL, discount_limit_percent: 10 };
    await t.session.signIn(CASHIER, '1111');
    const line = { ...cartLine(item, 1, 2000), unitPrice: 900, catalogPrice: item.price };
    const draft = { lines: [line], payments: cash(720), customerUuid: null, note: null };
    await t.session.approve('price_override', MANAGER, '2222');
    await expect(t.api.recordSale(draft)).rejects.toSatisfy(isForbidden);
    expect((await t.session.approve(['discount_over_limit', 'price_override'], MANAGER, '2222')).kind).toBe('ok');
    expect((await t.api.recordSale(draft)).sale).toMatchObject({ staff_id: CASHIER, approved_by: MANAGER, total: 720 });
    // A member holding only one of the two cannot approve both.
    await t.db.run(`UPDATE staff SET permissions = ? WHERE id = ?`, [JSON.stringify(['price_override']), MANAGER]);
    expect((await t.session.approve(['discount_over_limit', 'price_override'], MANAGER, '2222')).kind).toBe('not_permitted');
  });

  it('refuses a line whose catalog price is not an amount, before asking anyone', async () => {
    const t = await staffedTill();
    await t.session.signIn(CASHIER, '1111');
    const bad = { ...cartLine(item, 1), unitPrice: 500, catalogPrice: -3 };
    await expect(t.api.recordSale({ lines: [bad], payments: cash(500), customerUuid: null, note: null })).rejects.toSatisfy((e: unknown) => hasTillErrorCode(e, 'invalid'));
  });

  it('stock adjustments and closing a shift name who did them; a manager signed in needs nobody', async () => {
    const t = await staffedTill({ openShift: false });
    await t.session.signIn(CASHIER, '1111');
    await expect(t.api.adjustStock({ productUuid: item.uuid, delta: -1, reason: 'broken' })).rejects.toSatisfy(isForbidden);
    const shift = await t.api.openShift(0);
    expect(shift.openedBy).toBe('Cara');
    t.session.signOut();
    await t.session.signIn(MANAGER, '2222');
    await t.api.adjustStock({ productUuid: item.uuid, delta: -1, reason: 'broken' });
    expect(await t.db.get(`SELECT staff_id, approved_by FROM inventory_adjustments`)).toEqual({ staff_id: MANAGER, approved_by: null });
    const report = await t.api.closeShift({ countedCash: 0, denominations: null });
    expect(report).toMatchObject({ openedBy: 'Cara', closedBy: 'Max', closeApprovedBy: null });
  });

  it('a shift names who moved cash and who sold on its Z report; a close the member lacks needs a manager', async () => {
    const t = await staffedTill({ openShift: false });
    await t.db.run(`UPDATE staff SET permissions = '[]' WHERE id = ?`, [CASHIER]);
    await t.session.signIn(CASHIER, '1111');
    await t.api.openShift(5000);
    await t.api.recordCashMove({ kind: 'in', amount: 1000, reason: 'change' });
    expect(await t.db.get(`SELECT staff_id, approved_by FROM cash_movements`)).toEqual({ staff_id: CASHIER, approved_by: null });
    await t.api.recordSale({ lines: [cartLine(item, 1)], payments: cash(1000), customerUuid: null, note: null });
    t.session.signOut();
    await t.session.signIn(MANAGER, '2222');
    await t.api.recordSale({ lines: [cartLine(item, 2)], payments: cash(2000), customerUuid: null, note: null });
    t.session.signOut();
    await t.session.signIn(CASHIER, '1111');
    await t.api.recordSale({ lines: [cartLine(item, 1)], payments: cash(1000), customerUuid: null, note: null });
    const close = { countedCash: 10_000, denominations: null };
    await expect(t.api.closeShift(close)).rejects.toSatisfy(isForbidden);
    expect(await t.api.currentShift()).not.toBeNull();
    await t.session.approve('close_shift', MANAGER, '2222');
    const z = await t.api.closeShift(close);
    expect(z).toMatchObject({ openedBy: 'Cara', closedBy: 'Cara', closeApprovedBy: 'Max', cashiers: ['Cara', 'Max'], expectedCash: 10_000, difference: 0 });
    expect(await t.db.get(`SELECT closed_by, close_approved_by FROM shifts`)).toEqual({ closed_by: CASHIER, close_approved_by: MANAGER });
    expect(await t.api.zReport(z.shiftUuid)).toEqual(z);
  });
});
