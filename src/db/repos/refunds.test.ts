// Refunds: negative sales pointing at the original lines, never beyond what was sold, the original untouched.
import { describe, expect, it } from 'vitest';
import type { SaleDetail } from '../../api/till-api.ts';
import { hasTillErrorCode } from '../../api/till-error.ts';
import { strictContract } from '@ezo/contract/contract';
import { addProducts, cartLine, count, openTestTill, product } from './data-test-kit.ts';

const included = product(1, { price: 119, taxRateBp: 2000, taxIncluded: true });
const added = product(2, { price: 250, taxRateBp: 700, taxIncluded: false });
const isInvalid = (e: unknown) => hasTillErrorCode(e, 'invalid');

async function tillWithSale() {
  const t = await openTestTill();
  await addProducts(t.db, [included, added]);
  const original = await t.api.recordSale({
    lines: [cartLine(included, 3), cartLine(added, 2, 1000)],
    payments: [{ method: 'card', amount: 839, tendered: null }],
    customerUuid: null,
    note: null,
  });
  const [first, second] = original.sale.lines;
  if (first === undefined || second === undefined) throw new Error('sale has two lines');
  return { t, original, first, second };
}

describe('refunds', () => {
  it('records a partial cash refund as a new negative sale pointing at the original line', async () => {
    const { t, original, first } = await tillWithSale();
    t.now.ms += 60_000;
    const refund = await t.api.recordRefund({ originalSaleUuid: original.sale.uuid, lines: [{ lineUuid: first.uuid, quantity: 1 }], method: 'cash', note: 'wrong size' });
    const { sale } = refund;
    expect(sale.refund_of).toBe(original.sale.uuid);
    expect(sale.receipt_number).toBe('T1-000002');
    expect(sale.lines).toHaveLength(1);
    // -119 incl. 20 %: subtotal round(-99.17) = -99, tax -20.
    expect(sale.lines[0]).toMatchObject({ quantity: -1, unit_price: 119, discount_bp: 0, tax_rate_bp: 2000, tax_included: true, refund_of_line: first.uuid, line_subtotal: -99, line_tax: -20, line_total: -119 });
    expect([sale.subtotal, sale.tax_total, sale.total]).toEqual([-99, -20, -119]);
    expect(sale.payments.map((p) => [p.method, p.amount, p.tendered, p.change])).toEqual([['cash', -119, -119, 0]]);
    expect(sale.note).toBe('wrong size');
    expect(strictContract.upstream.sale.safeParse(sale).success).toBe(true);
    expect(t.queued.count).toBe(2);
    const queued = await t.db.get<{ payload: string }>(`SELECT payload FROM sync_queue WHERE idempotency_key = ?`, [sale.uuid]);
    expect(JSON.parse(queued?.payload ?? '')).toEqual(sale);

    // The original is unchanged, and now lists the refund.
    const after = (await t.api.sale(original.sale.uuid)) as SaleDetail;
    expect(after.sale).toEqual(original.sale);
    expect(after.refundUuids).toEqual([sale.uuid]);
    expect(await t.api.refundableLines(original.sale.uuid)).toEqual([
      { lineUuid: first.uuid, productUuid: included.uuid, name: included.name, sold: 3, alreadyRefunded: 1, refundable: 2, unitPrice: 119 },
      expect.objectContaining({ sold: 2, alreadyRefunded: 0, refundable: 2 }),
    ]);
  });

  it('allows repeated refunds up to what was sold; a whole line comes back negated exactly', async () => {
    const { t, original, first, second } = await tillWithSale();
    await t.api.recordRefund({ originalSaleUuid: original.sale.uuid, lines: [{ lineUuid: first.uuid, quantity: 1 }], method: 'cash', note: null });
    const rest = await t.api.recordRefund({
      originalSaleUuid: original.sale.uuid,
      lines: [
        { lineUuid: first.uuid, quantity: 2 },
        { lineUuid: second.uuid, quantity: 2 },
      ],
      method: 'card',
      note: null,
    });
    const [a, b] = rest.sale.lines;
    // 2 x 119 incl.: -238, subtotal round(-198.33) = -198.
    expect([a?.line_subtotal, a?.line_tax, a?.line_total]).toEqual([-198, -40, -238]);
    expect([b?.line_subtotal, b?.line_discount, b?.line_tax, b?.line_total]).toEqual([
      -second.line_subtotal, -second.line_discount, -second.line_tax, -second.line_total,
    ]);
    expect(rest.sale.payments).toEqual([expect.objectContaining({ method: 'card', amount: -720, tendered: null, change: null })]);
    expect((await t.api.refundableLines(original.sale.uuid)).map((l) => l.refundable)).toEqual([0, 0]);
    await expect(
      t.api.recordRefund({ originalSaleUuid: original.sale.uuid, lines: [{ lineUuid: first.uuid, quantity: 1 }], method: 'cash', note: null }),
    ).rejects.toSatisfy(isInvalid);
    expect(await count(t.db, 'sales')).toBe(3);
  });

  it('refuses over-refunds, refunds of refunds and malformed refunds, writing nothing', async () => {
    const { t, original, first, second } = await tillWithSale();
    const other = await t.api.recordSale({ lines: [cartLine(included, 1)], payments: [{ method: 'card', amount: 119, tendered: null }], customerUuid: null, note: null });
    const otherLine = other.sale.lines[0]?.uuid ?? '';
    const uuid = original.sale.uuid;
    const bad = [
      { lines: [{ lineUuid: first.uuid, quantity: 4 }] },
      { lines: [{ lineUuid: first.uuid, quantity: 2 }, { lineUuid: first.uuid, quantity: 2 }] },
      { lines: [{ lineUuid: first.uuid, quantity: 0 }] },
      { lines: [{ lineUuid: first.uuid, quantity: -1 }] },
      { lines: [{ lineUuid: first.uuid, quantity: 1.5 }] },
      { lines: [{ lineUuid: otherLine, quantity: 1 }] },
      { lines: [] },
      { lines: [{ lineUuid: second.uuid, quantity: 1 }], method: 'voucher' as 'cash' },
    ];
    for (const b of bad) {
      await expect(t.api.recordRefund({ originalSaleUuid: uuid, method: 'cash', note: null, ...b })).rejects.toSatisfy(isInvalid);
    }
    await expect(t.api.recordRefund({ originalSaleUuid: '00000009-0000-4000-8000-0000000000ff', lines: [{ lineUuid: first.uuid, quantity: 1 }], method: 'cash', note: null })).rejects.toSatisfy(
      (e) => hasTillErrorCode(e, 'not_found'),
    );
    expect(await count(t.db, 'sales')).toBe(2);

    const refund = await t.api.recordRefund({ originalSaleUuid: uuid, lines: [{ lineUuid: first.uuid, quantity: 1 }], method: 'cash', note: null });
    const refundLine = refund.sale.lines[0]?.uuid ?? '';
    await expect(t.api.recordRefund({ originalSaleUuid: refund.sale.uuid, lines: [{ lineUuid: refundLine, quantity: 1 }], method: 'cash', note: null })).rejects.toSatisfy(isInvalid);
    await expect(t.api.refundableLines(refund.sale.uuid)).rejects.toSatisfy(isInvalid);
    expect(await count(t.db, 'sales')).toBe(3);
  });

  it('needs a paired terminal', async () => {
    const { t, original, first } = await tillWithSale();
    t.terminal.current = null;
    await expect(t.api.recordRefund({ originalSaleUuid: original.sale.uuid, lines: [{ lineUuid: first.uuid, quantity: 1 }], method: 'cash', note: null })).rejects.toSatisfy(
      (e) => hasTillErrorCode(e, 'not_paired'),
    );
  });
});
