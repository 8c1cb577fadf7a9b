// The sale in progress: its lines (select one to change quantity, price or discount), customer, note,
// totals and the Pay button. Every change goes through the pure cart functions (domain/cart.ts).
// "Clear" sits in the header, away from Pay, and can be undone until the next change. The panel
// keeps its height whether the cart is empty or full (no layout shift when lines arrive).
import { useEffect, useState } from 'preact/hooks';
import type { CartLineInput } from '../api/till-api.ts';
import {
  bpToPercent,
  changeQuantity,
  percentToBp,
  priceOverridden,
  removeLine,
  setCustomer,
  setDiscount,
  setNote,
  setQuantity,
  setUnitPrice,
  type Cart,
  type CartResult,
  type CartTotals,
} from '../domain/cart.ts';
import { parseMoney } from '../domain/format-money.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { CartDiscountField } from './sell/cart-discount-field.tsx';
import { ParkedSales } from './sell/parked-sales.tsx';
import { useTill } from './till-context.ts';

export interface CartPanelProps {
  cart: Cart;
  totals: CartTotals;
  selected: string | null;
  onSelect: (productUuid: string | null) => void;
  onCart: (result: CartResult | Cart) => void;
  onPay: () => void;
  onPickCustomer: () => void;
  onClear: () => void;
  /** Brings back what Clear emptied; null when there is nothing to undo. */
  onUndoClear: (() => void) | null;
}

export function CartPanel(props: CartPanelProps) {
  const { money } = useTill();
  const { t } = useI18n();
  const { cart, totals } = props;
  const empty = cart.lines.length === 0;
  const grossPrices = cart.lines.every((l) => l.taxIncluded);
  return (
    <section class="cart" aria-label={t('sell.cart.label')}>
      <div class="cart-head">
        <h2 class="cart-title">
          {t('sell.cart.title')} <span class="cart-count">{t('sell.cart.items', { count: totals.itemCount })}</span>
        </h2>
        <div class="cart-head-actions">
          <ParkedSales cart={cart} onCart={(c) => props.onCart(c)} />
          <button type="button" class="small clear-button" onClick={props.onClear} disabled={empty && cart.customer === null && cart.note === ''}>
            {t('sell.cart.clear')}
          </button>
        </div>
      </div>
      {empty ? (
        <div class="cart-empty">
          {props.onUndoClear === null ? (
            <p class="empty">{t('sell.cart.empty')}</p>
          ) : (
            <p class="undo-clear" role="status">
              {t('sell.cart.cleared')}{' '}
              <button type="button" class="primary" onClick={props.onUndoClear}>
                {t('sell.cart.undo')}
              </button>
            </p>
          )}
        </div>
      ) : (
        <ul class="cart-lines" aria-label={t('sell.cart.lines')}>
          {cart.lines.map((line, i) => (
            <CartLine
              key={line.productUuid}
              line={line}
              total={totals.lines[i]?.line_total ?? 0}
              selected={props.selected === line.productUuid}
              onSelect={() => props.onSelect(line.productUuid)}
              onCart={props.onCart}
              cart={cart}
            />
          ))}
        </ul>
      )}
      <div class="cart-extras">
        {cart.customer === null ? (
          <button type="button" class="link-button" onClick={props.onPickCustomer}>
            {t('sell.cart.addCustomer')}
          </button>
        ) : (
          <p class="cart-customer">
            {t('sell.cart.customer')} <strong>{cart.customer.name}</strong>{' '}
            <button type="button" class="link-button" onClick={props.onPickCustomer}>
              {t('sell.cart.changeCustomer')}
            </button>{' '}
            <button type="button" class="link-button" onClick={() => props.onCart(setCustomer(cart, null))}>
              {t('sell.cart.removeCustomer')}
            </button>
          </p>
        )}
        <CartDiscountField cart={cart} given={totals.cartDiscount} onCart={props.onCart} />
        <details class="cart-note" open={cart.note !== ''}>
          <summary>{t('sell.cart.note')}</summary>
          <label for="order-note" class="visually-hidden">
            {t('sell.cart.note')}
          </label>
          <textarea id="order-note" rows={2} maxLength={500} value={cart.note} onInput={(e) => props.onCart(setNote(cart, e.currentTarget.value))} />
        </details>
      </div>
      {/* Gross prices (every line includes VAT): discounts, total, the VAT it includes. Net prices:
          subtotal after discounts, VAT added, total. Either way the figures add up. */}
      <dl class="cart-totals">
        {totals.discount_total !== 0 && (
          <>
            <dt>{t('sell.cart.discounts')}</dt>
            <dd>{money.format(-totals.discount_total)}</dd>
          </>
        )}
        {!grossPrices && (
          <>
            <dt>{t('sell.cart.subtotal')}</dt>
            <dd>{money.format(totals.subtotal)}</dd>
            <dt>{t('sell.cart.tax')}</dt>
            <dd>{money.format(totals.tax_total)}</dd>
          </>
        )}
        <dt class="grand">{t('sell.cart.total')}</dt>
        <dd class="grand" data-testid="cart-total">
          {money.format(totals.total)}
        </dd>
        {grossPrices && (
          <>
            <dt class="muted">{t('sell.cart.inclVat')}</dt>
            <dd class="muted">{money.format(totals.tax_total)}</dd>
          </>
        )}
      </dl>
      <div class="cart-actions">
        <button type="button" class="primary big pay-button" onClick={props.onPay} disabled={empty} aria-keyshortcuts="F9 Control+Enter">
          {t('sell.cart.pay', { amount: money.format(totals.total) })}
        </button>
      </div>
    </section>
  );
}

interface CartLineProps {
  line: CartLineInput;
  total: number;
  selected: boolean;
  cart: Cart;
  onSelect: () => void;
  onCart: (result: CartResult | Cart) => void;
}

function CartLine(props: CartLineProps) {
  const { money } = useTill();
  const { t } = useI18n();
  const { line, cart } = props;
  const overridden = priceOverridden(line);
  return (
    <li class={`cart-line${props.selected ? ' selected' : ''}`}>
      <button type="button" class="line-main" aria-pressed={props.selected} onClick={props.onSelect}>
        <span class="line-name">{line.name}</span>
        <span class="line-qty">
          {line.quantity} × {overridden && <s class="line-catalog-price">{money.format(line.catalogPrice ?? 0)}</s>}
          {overridden && ' '}
          {money.format(line.unitPrice)}
          {overridden && <span class="visually-hidden"> ({t('sell.line.priceChanged')})</span>}
          {line.discountBp > 0 && <span class="line-discount"> −{bpToPercent(line.discountBp, money.decimalSeparator)} %</span>}
        </span>
        <span class="line-total">{money.format(props.total)}</span>
      </button>
      {props.selected && <LineEditor line={line} cart={cart} onCart={props.onCart} />}
    </li>
  );
}

function LineEditor(props: { line: CartLineInput; cart: Cart; onCart: (r: CartResult | Cart) => void }) {
  const { line, cart, onCart } = props;
  const { money } = useTill();
  const { t } = useI18n();
  const [discountText, setDiscountText] = useState(bpToPercent(line.discountBp, money.decimalSeparator));
  const [qtyText, setQtyText] = useState(String(line.quantity));
  const [priceText, setPriceText] = useState(money.plain(line.unitPrice));
  const discountInvalid = percentToBp(discountText) === null;
  const priceInvalid = parseMoney(priceText, money.fractionDigits) === null;
  const overridden = priceOverridden(line);
  // +/- and shortcuts change the quantity from outside: the field follows.
  useEffect(() => setQtyText(String(line.quantity)), [line.quantity]);
  const idBase = `line-${line.productUuid}`;
  return (
    <div class="line-edit">
      <div class="qty-stepper">
        <button type="button" class="step" aria-label={t('sell.line.less', { name: line.name })} onClick={() => onCart(changeQuantity(cart, line.productUuid, -1))}>
          −
        </button>
        <label for={`${idBase}-qty`} class="visually-hidden">
          {t('sell.line.quantityOf', { name: line.name })}
        </label>
        <input
          id={`${idBase}-qty`}
          class="qty-input"
          type="text"
          inputMode="numeric"
          value={qtyText}
          onInput={(e) => setQtyText(e.currentTarget.value)}
          onChange={(e) => {
            const v = e.currentTarget.value.trim();
            if (/^\d{1,6}$/.test(v)) onCart(setQuantity(cart, line.productUuid, Number(v)));
            else setQtyText(String(line.quantity));
          }}
        />
        <button type="button" class="step" aria-label={t('sell.line.more', { name: line.name })} onClick={() => onCart(changeQuantity(cart, line.productUuid, 1))}>
          +
        </button>
      </div>
      <div class="field inline">
        <label for={`${idBase}-disc`}>{t('sell.line.discount')}</label>
        <input
          id={`${idBase}-disc`}
          class="discount-input"
          type="text"
          inputMode="decimal"
          value={discountText}
          aria-invalid={discountInvalid}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setDiscountText(text);
            const bp = percentToBp(text === '' ? '0' : text);
            if (bp !== null) onCart(setDiscount(cart, line.productUuid, bp));
          }}
        />
      </div>
      <div class="field inline line-price">
        <label for={`${idBase}-price`}>{t('sell.line.price')}</label>
        <input
          id={`${idBase}-price`}
          class="price-input"
          type="text"
          inputMode="decimal"
          autoComplete="off"
          aria-invalid={priceInvalid}
          value={priceText}
          onInput={(e) => {
            const text = e.currentTarget.value;
            setPriceText(text);
            // Changing the price needs price_override: asked for at Pay, where the sale is written.
            const minor = parseMoney(text, money.fractionDigits);
            if (minor !== null) onCart(setUnitPrice(cart, line.productUuid, minor));
          }}
        />
        {overridden && line.catalogPrice !== undefined && (
          <button
            type="button"
            class="small"
            title={t('sell.line.catalogPrice', { price: money.format(line.catalogPrice) })}
            onClick={() => {
              const catalog = line.catalogPrice ?? line.unitPrice;
              setPriceText(money.plain(catalog));
              onCart(setUnitPrice(cart, line.productUuid, catalog));
            }}
          >
            {t('sell.line.resetPrice')}
          </button>
        )}
      </div>
      <button type="button" class="danger-button" aria-label={t('sell.line.remove', { name: line.name })} onClick={() => onCart(removeLine(cart, line.productUuid))}>
        {t('common.remove')}
      </button>
    </div>
  );
}
