// Parking a sale puts the cart aside and forgets the draft in one step; resuming hands it back once.
import { describe, expect, it } from 'vitest';
import { hasTillErrorCode } from '../../api/till-error.ts';
import type { DraftCart } from '../../api/till-api.ts';
import { addProducts, cartLine, openTestTill, product } from './data-test-kit.ts';
import { MAX_PARKED_CARTS } from './parked-carts.ts';

const cola = product(1, { name: 'Cola 330ml', price: 150 });
const cart: DraftCart = { lines: [cartLine(cola, 2)], note: '', customer: null, discount: { kind: 'amount', value: 50 } };

describe('parked carts', () => {
  it('parks the sale in progress, lists it, and resumes it once', async () => {
    const t = await openTestTill();
    await addProducts(t.db, [cola]);
    await t.api.saveDraftCart(cart);
    const parked = await t.api.parkCart(cart, 'Anna');
    expect(parked).toEqual([{ uuid: parked[0]?.uuid, label: 'Anna', total: 250, itemCount: 2, parkedAt: '2024-03-10T09:00:00.000Z' }]);
    expect(await t.api.draftCart()).toBeNull();
    expect(await t.api.parkedCarts()).toEqual(parked);
    const uuid = parked[0]?.uuid ?? '';
    expect(await t.api.resumeParked(uuid)).toEqual(cart);
    expect(await t.api.resumeParked(uuid)).toBeNull();
    expect(await t.api.parkedCarts()).toEqual([]);
    expect(await t.db.get('SELECT count(*) AS n FROM sync_queue')).toEqual({ n: 0 });
  });

  it('refuses an empty cart and more than MAX_PARKED_CARTS', async () => {
    const t = await openTestTill();
    await expect(t.api.parkCart({ ...cart, lines: [] }, '')).rejects.toSatisfy((e: unknown) => hasTillErrorCode(e, 'invalid'));
    for (let i = 0; i < MAX_PARKED_CARTS; i++) await t.api.parkCart(cart, `#${i}`);
    await expect(t.api.parkCart(cart, 'one more')).rejects.toSatisfy((e: unknown) => hasTillErrorCode(e, 'invalid'));
    expect(await t.api.parkedCarts()).toHaveLength(MAX_PARKED_CARTS);
  });
});
