// An open-price item ("Diverses 7 %") enters the cart at the price staff typed, parsed in the locale's way
// into minor units; 0 and out-of-range prices are refused and the cart stays as it was.
import { describe, expect, it } from 'vitest';
import { MAX_MONEY_MINOR } from '@ezo/contract/limits';
import { addOpenPriceProduct, cartTotals, emptyCart, type Cart, type CartResult } from './cart.ts';
import { parseMoney } from './format-money.ts';

const misc = { uuid: '00000000-0000-4000-8000-000000000007', sku: 'DIV-07', name: 'Diverses 7 %', price: 0, taxRateBp: 700, taxIncluded: true };

function must(r: CartResult): Cart {
  if (!r.ok) throw new Error(r.refusal);
  return r.cart;
}

describe('open-price items', () => {
  it('take the typed price ("12,50" on a German till is 1250 minor units) and its VAT', () => {
    const typed = parseMoney('12,50', 2);
    expect(typed).toBe(1250);
    const cart = must(addOpenPriceProduct(emptyCart, misc, typed ?? 0, 2));
    expect(cart.lines).toEqual([expect.objectContaining({ productUuid: misc.uuid, unitPrice: 1250, quantity: 2, taxRateBp: 700 })]);
    expect(cartTotals(cart).total).toBe(2500);
  });

  it('refuse 0, a negative, a fraction and a price past the protocol limit', () => {
    for (const price of [0, -100, 12.5, MAX_MONEY_MINOR + 1]) expect(addOpenPriceProduct(emptyCart, misc, price)).toEqual({ ok: false, refusal: 'price_out_of_range' });
  });

  it('the same price again raises the quantity; another price is refused and the line stays', () => {
    const once = must(addOpenPriceProduct(emptyCart, misc, 300));
    expect(must(addOpenPriceProduct(once, misc, 300)).lines[0]?.quantity).toBe(2);
    expect(addOpenPriceProduct(once, misc, 450)).toEqual({ ok: false, refusal: 'open_price_differs' });
    expect(once.lines).toHaveLength(1);
  });
});
