// The sale being built at the till: pure, immutable values so the UI can undo, re-render and test
// them without a database. Totals come from sale-totals.ts, the same rules the worker and the hub use.
//
// Rounding rule (from sale-totals.ts, via rounding.ts divRound: half away from zero, once per step, per line):
//   gross = unit_price * quantity; discount = round(gross * discount_bp / 10000); net = gross - discount
//   tax included: subtotal = round(net * 10000 / (10000 + rate_bp)), tax = net - subtotal
//   tax added:    subtotal = net, tax = round(net * rate_bp / 10000)
//   sale totals are the sums of the per-line figures (tax is never re-rounded per rate group).
// Discounts are basis points (10000 = 100 %), typed as a percent with at most two decimals.
import { BASIS_POINTS, MAX_LINES_PER_SALE, MAX_MONEY_MINOR, MAX_QUANTITY, MAX_TEXT_LENGTH } from '@ezo/contract/limits';
import { lineAmounts, saleAmounts, type LineAmounts, type SaleAmounts } from './sale-totals.ts';
import { applyCartDiscount } from './cart-discount-lines.ts';
import type { CartDiscountInput } from './cart-discount.ts';

export type { CartDiscountInput };

/** A cart line as the UI shows it: the product's price, tax and name as they were when added. */
export interface CartLineInput {
  productUuid: string;
  name: string;
  sku: string;
  quantity: number;
  unitPrice: number;
  discountBp: number;
  taxRateBp: number;
  taxIncluded: boolean;
  /**
   * The catalog's price when staff changed the unit price at the counter (a price override, which
   * needs the price_override permission or a manager); absent while the line sells at the catalog's
   * price. The sale names the approver; the hub compares unit_price with its catalog by itself
   * (price deviation report), so this stays on the till.
   */
  catalogPrice?: number;
}

/** What the cart needs of a product: the figures copied onto the line when it is added. */
export interface CartProduct {
  uuid: string;
  sku: string;
  name: string;
  price: number;
  taxRateBp: number;
  taxIncluded: boolean;
}

/** What the cart keeps of the customer attached to the sale. */
export interface CartCustomer {
  uuid: string;
  name: string;
}

export interface Cart {
  /** One line per product; adding the same product again raises its quantity. */
  lines: readonly CartLineInput[];
  note: string;
  customer: CartCustomer | null;
  /** A discount on the whole sale, put onto the lines when sold (cart-discount-lines.ts). */
  discount: CartDiscountInput | null;
}

export interface CartTotals extends SaleAmounts {
  /** Each line's figures with the cart discount applied, in the cart's line order. */
  lines: readonly LineAmounts[];
  itemCount: number;
  /** What the cart discount takes off, on top of the lines' own discounts. */
  cartDiscount: number;
}

export const emptyCart: Cart = { lines: [], note: '', customer: null, discount: null };

export type CartRefusal = 'too_many_lines' | 'quantity_out_of_range' | 'discount_out_of_range' | 'note_too_long' | 'price_out_of_range' | 'open_price_differs';

/** A cart operation either gives the new cart or says why it refused; the old cart stays intact. */
export type CartResult = { ok: true; cart: Cart } | { ok: false; refusal: CartRefusal };

function ok(cart: Cart): CartResult {
  return { ok: true, cart };
}

/** Adds one unit (or `quantity`) of a product, with its price and tax as they are now. */
export function addProduct(cart: Cart, product: CartProduct, quantity = 1): CartResult {
  const index = cart.lines.findIndex((l) => l.productUuid === product.uuid);
  if (index >= 0) {
    const line = cart.lines[index];
    if (line === undefined) return ok(cart);
    return setQuantity(cart, product.uuid, line.quantity + quantity);
  }
  if (cart.lines.length >= MAX_LINES_PER_SALE) return { ok: false, refusal: 'too_many_lines' };
  if (!validQuantity(quantity)) return { ok: false, refusal: 'quantity_out_of_range' };
  const line: CartLineInput = {
    productUuid: product.uuid,
    name: product.name,
    sku: product.sku,
    quantity,
    unitPrice: product.price,
    discountBp: 0,
    taxRateBp: product.taxRateBp,
    taxIncluded: product.taxIncluded,
  };
  return ok({ ...cart, lines: [...cart.lines, line] });
}

/**
 * Adds an open-price product (a "Misc 19 %" item) at the price staff typed, in minor units: more than 0
 * (a free item is not a sale) and within the protocol's range. The cart keeps one line per product, so
 * the same item again at the same price raises its quantity, and at another price is refused: staff
 * finish this sale first or change the line's quantity.
 */
export function addOpenPriceProduct(cart: Cart, product: CartProduct, unitPrice: number, quantity = 1): CartResult {
  if (!Number.isSafeInteger(unitPrice) || unitPrice <= 0 || unitPrice > MAX_MONEY_MINOR) return { ok: false, refusal: 'price_out_of_range' };
  const existing = cart.lines.find((l) => l.productUuid === product.uuid);
  if (existing !== undefined && existing.unitPrice !== unitPrice) return { ok: false, refusal: 'open_price_differs' };
  return addProduct(cart, { ...product, price: unitPrice }, quantity);
}

/** Sets a line's quantity; 0 removes the line. */
export function setQuantity(cart: Cart, productUuid: string, quantity: number): CartResult {
  if (quantity === 0) return ok(removeLine(cart, productUuid));
  if (!validQuantity(quantity)) return { ok: false, refusal: 'quantity_out_of_range' };
  return ok(mapLine(cart, productUuid, (l) => ({ ...l, quantity })));
}

/** Raises or lowers a line's quantity by delta; reaching 0 removes the line. */
export function changeQuantity(cart: Cart, productUuid: string, delta: number): CartResult {
  const line = cart.lines.find((l) => l.productUuid === productUuid);
  if (line === undefined) return ok(cart);
  return setQuantity(cart, productUuid, Math.max(0, line.quantity + delta));
}

export function removeLine(cart: Cart, productUuid: string): Cart {
  return { ...cart, lines: cart.lines.filter((l) => l.productUuid !== productUuid) };
}

export function setDiscount(cart: Cart, productUuid: string, discountBp: number): CartResult {
  if (!Number.isInteger(discountBp) || discountBp < 0 || discountBp > BASIS_POINTS) {
    return { ok: false, refusal: 'discount_out_of_range' };
  }
  return ok(mapLine(cart, productUuid, (l) => ({ ...l, discountBp })));
}

/**
 * Sells a line at `unitPrice` instead of the catalog's price; the catalog's price again ends the
 * override. The line keeps the catalog's price it was added with (catalogPrice) while overridden.
 */
export function setUnitPrice(cart: Cart, productUuid: string, unitPrice: number): CartResult {
  if (!Number.isSafeInteger(unitPrice) || unitPrice < 0 || unitPrice > MAX_MONEY_MINOR) return { ok: false, refusal: 'price_out_of_range' };
  return ok(
    mapLine(cart, productUuid, (l) => {
      const catalogPrice = l.catalogPrice ?? l.unitPrice;
      const { catalogPrice: _dropped, ...rest } = l;
      return unitPrice === catalogPrice ? { ...rest, unitPrice } : { ...rest, unitPrice, catalogPrice };
    }),
  );
}

/** Whether the line sells at a price staff typed at the counter rather than the catalog's. */
export function priceOverridden(line: Pick<CartLineInput, 'unitPrice' | 'catalogPrice'>): boolean {
  return line.catalogPrice !== undefined && line.catalogPrice !== line.unitPrice;
}

export function setNote(cart: Cart, note: string): CartResult {
  if (note.length > MAX_TEXT_LENGTH) return { ok: false, refusal: 'note_too_long' };
  return ok({ ...cart, note });
}

export function setCustomer(cart: Cart, customer: CartCustomer | null): Cart {
  return { ...cart, customer };
}

/** A percentage (0..10000 bp) or an amount (>= 0) off the whole sale; null removes it. */
export function setCartDiscount(cart: Cart, discount: CartDiscountInput | null): CartResult {
  if (discount !== null) {
    const limit = discount.kind === 'percent' ? BASIS_POINTS : Number.MAX_SAFE_INTEGER;
    if (!Number.isSafeInteger(discount.value) || discount.value < 0 || discount.value > limit) return { ok: false, refusal: 'discount_out_of_range' };
  }
  return ok({ ...cart, discount: discount === null || discount.value === 0 ? null : discount });
}

/** The cart's lines as they are sold: the cart discount is in each line's discount_bp. */
export function saleLines(cart: Cart): CartLineInput[] {
  return applyCartDiscount(cart.lines, cart.discount).lines;
}

export function cartTotals(cart: Cart): CartTotals {
  const applied = applyCartDiscount(cart.lines, cart.discount);
  const lines = applied.lines.map((l) =>
    lineAmounts({
      unit_price: l.unitPrice,
      quantity: l.quantity,
      discount_bp: l.discountBp,
      tax_rate_bp: l.taxRateBp,
      tax_included: l.taxIncluded,
    }),
  );
  const itemCount = cart.lines.reduce((n, l) => n + l.quantity, 0);
  return { ...saleAmounts(lines), lines, itemCount, cartDiscount: applied.given };
}

// A percent as staff type it: "10", "12.5", "7,25"; at most two decimals so it is whole basis points.
const PERCENT_PATTERN = /^(\d{1,3})(?:[.,](\d{0,2}))?$/;

/** "12.5" -> 1250 basis points; null unless 0..100 with at most two decimals. Integer math only. */
export function percentToBp(text: string): number | null {
  const match = PERCENT_PATTERN.exec(text.trim());
  if (match === null) return null;
  const bp = Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
  return bp <= BASIS_POINTS ? bp : null;
}

/** 1250 -> "12.5" (or "12,5" with a "," separator): the discount field's text for a stored basis-point value. */
export function bpToPercent(bp: number, decimalSeparator = '.'): string {
  const whole = Math.trunc(bp / 100);
  const rest = bp % 100;
  if (rest === 0) return String(whole);
  return `${whole}${decimalSeparator}${String(rest).padStart(2, '0').replace(/0$/, '')}`;
}

function validQuantity(q: number): boolean {
  return Number.isInteger(q) && q > 0 && q <= MAX_QUANTITY;
}

function mapLine(cart: Cart, productUuid: string, f: (l: CartLineInput) => CartLineInput): Cart {
  return { ...cart, lines: cart.lines.map((l) => (l.productUuid === productUuid ? f(l) : l)) };
}
