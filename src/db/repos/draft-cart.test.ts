// The sale in progress survives a reload; recording the sale forgets it in the same transaction;
// it never reaches the queue; a damaged or foreign draft is dropped, not put into the cart.
import { describe, expect, it } from 'vitest';
import type { DraftCart } from '../../api/till-api.ts';
import { hasTillErrorCode } from '../../api/till-error.ts';
import { addProducts, cartLine, count, openTestTill, product } from './data-test-kit.ts';

const cola = product(1, { name: 'Cola 330ml', price: 150 });
const cart: DraftCart = { lines: [cartLine(cola, 2)], note: 'gift wrap', customer: { uuid: '0e8f6b8e-3b1a-4c4e-9d7a-1f2a3b4c5d6e', name: 'Anna Müller' }, discount: { kind: 'percent', value: 1000 } };

describe('draft cart', () => {
  it('keeps the last saved cart, never in the sync queue', async () => {
    const t = await openTestTill();
    expect(await t.api.draftCart()).toBeNull();
    await t.api.saveDraftCart(cart);
    expect(await t.api.draftCart()).toEqual(cart);
    // A price changed at the counter keeps its catalog price (else a reload would hide the override).
    const overridden = { ...cart, lines: [{ ...cartLine(cola, 1), unitPrice: 99, catalogPrice: 150 }] };
    await t.api.saveDraftCart(overridden);
    expect(await t.api.draftCart()).toEqual(overridden);
    const parked = await t.api.parkCart(overridden, 'Cola');
    expect(await t.api.resumeParked(parked[0]?.uuid ?? '')).toEqual(overridden);
    const more = { ...cart, lines: [cartLine(cola, 3)] };
    await t.api.saveDraftCart(more);
    expect(await t.api.draftCart()).toEqual(more);
    expect(await count(t.db, 'draft_cart')).toBe(1);
    expect(await count(t.db, 'sync_queue')).toBe(0);
    expect(t.queued.count).toBe(0);
    await t.api.saveDraftCart(null);
    expect(await t.api.draftCart()).toBeNull();
    await t.api.saveDraftCart({ lines: [], note: '', customer: null, discount: null });
    expect(await count(t.db, 'draft_cart')).toBe(0);
  });

  it('is forgotten by the transaction that records the sale, and kept when recording fails', async () => {
    const t = await openTestTill();
    await addProducts(t.db, [cola]);
    const sold = { lines: [cartLine(cola, 2)], note: '', customer: null, discount: null };
    await t.api.saveDraftCart(sold);
    await expect(t.api.recordSale({ lines: sold.lines, payments: [{ method: 'card', amount: 1, tendered: null }], customerUuid: null, note: null })).rejects.toSatisfy((e) =>
      hasTillErrorCode(e, 'invalid'),
    );
    expect(await t.api.draftCart()).toEqual(sold);
    await t.api.recordSale({ lines: sold.lines, payments: [{ method: 'card', amount: 300, tendered: null }], customerUuid: null, note: null });
    expect(await t.api.draftCart()).toBeNull();
  });

  it('refuses a cart that is not one, and drops a stored draft it cannot read', async () => {
    const t = await openTestTill();
    for (const bad of [
      { ...cart, lines: [{ ...cartLine(cola, 2), quantity: 0 }] },
      { ...cart, lines: [{ ...cartLine(cola, 2), unitPrice: 1.5 }] },
      { ...cart, note: 'x'.repeat(501) },
      { lines: 'nope', note: '', customer: null, discount: null },
    ]) {
      await expect(t.api.saveDraftCart(bad as unknown as DraftCart)).rejects.toSatisfy((e) => hasTillErrorCode(e, 'invalid'));
    }
    await t.db.run(`INSERT INTO draft_cart (id, cart, saved_at) VALUES (1, '{"lines":[{"sku":1}]}', '2024-01-01T00:00:00.000Z')`);
    expect(await t.api.draftCart()).toBeNull();
    await t.db.run(`UPDATE draft_cart SET cart = 'not json'`);
    expect(await t.api.draftCart()).toBeNull();
  });
});
