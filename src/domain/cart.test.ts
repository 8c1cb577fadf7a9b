// The cart's arithmetic must match the hub's to the minor unit, or the hub rejects the sale.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { MAX_LINES_PER_SALE, MAX_QUANTITY } from '@ezo/contract/limits';
import {
  addProduct,
  bpToPercent,
  cartTotals,
  changeQuantity,
  emptyCart,
  percentToBp,
  removeLine,
  setDiscount,
  setNote,
  setQuantity,
  setUnitPrice,
  priceOverridden,
  type Cart,
  type CartProduct,
  type CartResult,
} from './cart.ts';

function product(over: Partial<CartProduct> = {}): CartProduct {
  return {
    uuid: '00000000-0000-4000-8000-000000000001',
    sku: 'SKU-1',
    name: 'Coffee',
    price: 250,
    taxRateBp: 2000,
    taxIncluded: true,
    ...over,
  };
}

function must(r: CartResult): Cart {
  if (!r.ok) throw new Error(r.refusal);
  return r.cart;
}

const coffee = product();
const tea = product({ uuid: '00000000-0000-4000-8000-000000000002', name: 'Tea', sku: 'SKU-2', price: 199, taxRateBp: 700, taxIncluded: false });

describe('cart lines', () => {
  it('adds a product once and increments it when added again', () => {
    let cart = must(addProduct(emptyCart, coffee));
    cart = must(addProduct(cart, coffee));
    cart = must(addProduct(cart, tea));
    expect(cart.lines.map((l) => [l.name, l.quantity])).toEqual([
      ['Coffee', 2],
      ['Tea', 1],
    ]);
    expect(emptyCart.lines).toHaveLength(0);
  });

  it('keeps the price the product had when it was added', () => {
    const cart = must(addProduct(emptyCart, coffee));
    const again = must(addProduct(cart, { ...coffee, price: 999 }));
    expect(again.lines[0]?.unitPrice).toBe(250);
  });

  it('changes, sets and removes quantities', () => {
    let cart = must(addProduct(emptyCart, coffee, 3));
    cart = must(changeQuantity(cart, coffee.uuid, -1));
    expect(cart.lines[0]?.quantity).toBe(2);
    cart = must(setQuantity(cart, coffee.uuid, 7));
    expect(cart.lines[0]?.quantity).toBe(7);
    cart = must(changeQuantity(cart, coffee.uuid, -7));
    expect(cart.lines).toHaveLength(0);
    cart = must(addProduct(cart, tea));
    expect(removeLine(cart, tea.uuid).lines).toHaveLength(0);
  });

  it('refuses quantities out of range and leaves the cart as it was', () => {
    const cart = must(addProduct(emptyCart, coffee));
    expect(setQuantity(cart, coffee.uuid, MAX_QUANTITY + 1)).toEqual({ ok: false, refusal: 'quantity_out_of_range' });
    expect(setQuantity(cart, coffee.uuid, 1.5)).toEqual({ ok: false, refusal: 'quantity_out_of_range' });
    expect(setQuantity(cart, coffee.uuid, -2)).toEqual({ ok: false, refusal: 'quantity_out_of_range' });
    expect(cart.lines[0]?.quantity).toBe(1);
  });

  it('refuses more lines than a sale may carry', () => {
    let cart = emptyCart;
    for (let i = 0; i < MAX_LINES_PER_SALE; i++) {
      cart = must(addProduct(cart, product({ uuid: `p-${i}` })));
    }
    expect(addProduct(cart, product({ uuid: 'one-more' }))).toEqual({ ok: false, refusal: 'too_many_lines' });
    // ...but an existing line can still grow.
    expect(addProduct(cart, product({ uuid: 'p-0' })).ok).toBe(true);
  });

  it('validates discounts and notes', () => {
    const cart = must(addProduct(emptyCart, coffee));
    expect(setDiscount(cart, coffee.uuid, 10_001).ok).toBe(false);
    expect(setDiscount(cart, coffee.uuid, 12.5).ok).toBe(false);
    expect(must(setDiscount(cart, coffee.uuid, 1250)).lines[0]?.discountBp).toBe(1250);
    expect(setNote(cart, 'x'.repeat(501)).ok).toBe(false);
    expect(must(setNote(cart, 'no sugar')).note).toBe('no sugar');
  });
});

describe('price override', () => {
  const added = (): Cart => must(addProduct(emptyCart, product({ price: 250 })));
  const uuid = product().uuid;

  it('sells at the typed price and keeps the catalog price beside it', () => {
    const cart = must(setUnitPrice(added(), uuid, 199));
    expect(cart.lines[0]).toMatchObject({ unitPrice: 199, catalogPrice: 250 });
    expect(priceOverridden(cart.lines[0]!)).toBe(true);
    expect(cartTotals(cart).total).toBe(199);
    // A second change keeps the catalog's price, not the first override.
    expect(must(setUnitPrice(cart, uuid, 180)).lines[0]).toMatchObject({ unitPrice: 180, catalogPrice: 250 });
    // Adding the product again raises the quantity at the overridden price.
    expect(must(addProduct(cart, product({ price: 250 }))).lines[0]).toMatchObject({ quantity: 2, unitPrice: 199, catalogPrice: 250 });
  });

  it('ends the override at the catalog price again', () => {
    const back = must(setUnitPrice(must(setUnitPrice(added(), uuid, 300)), uuid, 250));
    expect(back.lines[0]).toEqual(added().lines[0]);
    expect(priceOverridden(back.lines[0]!)).toBe(false);
    expect(priceOverridden(added().lines[0]!)).toBe(false);
  });

  it('refuses impossible prices and leaves the cart as it was', () => {
    for (const bad of [-1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER]) {
      expect(setUnitPrice(added(), uuid, bad)).toEqual({ ok: false, refusal: 'price_out_of_range' });
    }
    expect(must(setUnitPrice(added(), uuid, 0)).lines[0]).toMatchObject({ unitPrice: 0, catalogPrice: 250 });
  });
});

describe('cart totals', () => {
  it('computes tax included and tax added lines with the shared rounding rule', () => {
    let cart = must(addProduct(emptyCart, coffee, 3)); // 750 gross, 20 % included
    cart = must(addProduct(cart, tea, 2)); // 398 net, 7 % added
    const t = cartTotals(cart);
    // Coffee: subtotal = round(750 * 10000 / 12000) = 625, tax 125. Tea: tax = round(398 * 0.07) = round(27.86) = 28.
    expect(t.lines).toEqual([
      { line_subtotal: 625, line_discount: 0, line_tax: 125, line_total: 750 },
      { line_subtotal: 398, line_discount: 0, line_tax: 28, line_total: 426 },
    ]);
    expect(t).toMatchObject({ subtotal: 1023, discount_total: 0, tax_total: 153, total: 1176, itemCount: 5 });
  });

  it('rounds halves away from zero, per line', () => {
    // 10 % off 125 = 12.5 -> 13; net 112; 10 % added tax = 11.2 -> 11.
    const cart = must(setDiscount(must(addProduct(emptyCart, product({ price: 125, taxRateBp: 1000, taxIncluded: false }))), coffee.uuid, 1000));
    expect(cartTotals(cart).lines[0]).toEqual({ line_subtotal: 112, line_discount: 13, line_tax: 11, line_total: 123 });
    // Two lines of 5 at 10 % added: 0.5 tax each rounds to 1 per line, 2 in all (not round(1.0) = 1 per group).
    let two = must(addProduct(emptyCart, product({ uuid: 'a', price: 5, taxRateBp: 1000, taxIncluded: false })));
    two = must(addProduct(two, product({ uuid: 'b', price: 5, taxRateBp: 1000, taxIncluded: false })));
    expect(cartTotals(two).tax_total).toBe(2);
  });

  it('is integer and adds up for any cart', () => {
    const line = fc.record({
      price: fc.integer({ min: 0, max: 1_000_000 }),
      qty: fc.integer({ min: 1, max: 1000 }),
      bp: fc.integer({ min: 0, max: 10_000 }),
      rate: fc.integer({ min: 0, max: 10_000 }),
      incl: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 20 }), (specs) => {
        let cart = emptyCart;
        specs.forEach((s, i) => {
          cart = must(addProduct(cart, product({ uuid: `p${i}`, price: s.price, taxRateBp: s.rate, taxIncluded: s.incl }), s.qty));
          cart = must(setDiscount(cart, `p${i}`, s.bp));
        });
        const t = cartTotals(cart);
        for (const v of [t.subtotal, t.tax_total, t.discount_total, t.total]) expect(Number.isSafeInteger(v)).toBe(true);
        expect(t.total).toBe(t.subtotal + t.tax_total);
        const gross = cart.lines.reduce((n, l) => n + l.unitPrice * l.quantity, 0);
        const includedTax = t.lines.reduce((n, l, i) => n + (cart.lines[i]?.taxIncluded === true ? l.line_tax : 0), 0);
        expect(t.total).toBe(gross - t.discount_total + t.tax_total - includedTax);
      }),
    );
  });
});

describe('percent text', () => {
  it('reads percents as whole basis points', () => {
    expect(percentToBp('10')).toBe(1000);
    expect(percentToBp('12.5')).toBe(1250);
    expect(percentToBp('7,25')).toBe(725);
    expect(percentToBp('100')).toBe(10_000);
    expect(percentToBp('0')).toBe(0);
    for (const bad of ['100.01', '101', '-5', '1.234', 'ten', '']) expect(percentToBp(bad), bad).toBeNull();
  });

  it('writes basis points back as short percents', () => {
    expect(bpToPercent(1000)).toBe('10');
    expect(bpToPercent(1250)).toBe('12.5');
    expect(bpToPercent(725)).toBe('7.25');
    expect(bpToPercent(5)).toBe('0.05');
    expect(bpToPercent(1250, ',')).toBe('12,5');
    fc.assert(fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom('.', ','), (bp, separator) => {
        expect(percentToBp(bpToPercent(bp, separator))).toBe(bp);
      }),
    );
  });
});
