// "Discount on the sale": a percentage or an amount off the whole cart, typed in the locale's way
// ("10", "12,5" % or "5,00" €). Shared onto the lines when sold (domain/cart-discount-lines.ts).
import { useEffect, useId, useState } from 'preact/hooks';
import { bpToPercent, percentToBp, setCartDiscount, type Cart, type CartResult } from '../../domain/cart.ts';
import { parseMoney } from '../../domain/format-money.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useTill } from '../till-context.ts';

type Kind = 'percent' | 'amount';

export function CartDiscountField(props: { cart: Cart; given: number; onCart: (r: CartResult | Cart) => void }) {
  const { money } = useTill();
  const { t } = useI18n();
  const id = useId();
  const current = props.cart.discount;
  const [kind, setKind] = useState<Kind>(current?.kind ?? 'percent');
  const shown = (k: Kind, value: number) => (k === 'percent' ? bpToPercent(value, money.decimalSeparator) : money.plain(value));
  const [text, setText] = useState(current === null ? '' : shown(current.kind, current.value));
  // Cleared or restored from outside (Clear, Undo, a new sale): the field follows.
  useEffect(() => {
    if (current === null) setText('');
    else {
      setKind(current.kind);
      setText(shown(current.kind, current.value));
    }
  }, [current === null]);

  const parse = (k: Kind, s: string): number | null => (s.trim() === '' ? 0 : k === 'percent' ? percentToBp(s) : parseMoney(s, money.fractionDigits));
  const invalid = parse(kind, text) === null;
  const apply = (k: Kind, s: string) => {
    const value = parse(k, s);
    if (value !== null) props.onCart(setCartDiscount(props.cart, { kind: k, value }));
  };

  return (
    <details class="cart-discount" open={current !== null}>
      <summary>
        {t('sell.cart.saleDiscount')}
        {props.given > 0 && <span class="cart-discount-given"> −{money.format(props.given)}</span>}
      </summary>
      <div class="cart-discount-row">
        <label for={`${id}-v`} class="visually-hidden">
          {kind === 'percent' ? t('sell.cart.discountPercent') : t('sell.cart.discountAmount')}
        </label>
        <input
          id={`${id}-v`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          aria-invalid={invalid}
          onInput={(e) => {
            setText(e.currentTarget.value);
            apply(kind, e.currentTarget.value);
          }}
        />
        <div role="radiogroup" class="segmented" aria-label={t('sell.cart.discountKind')}>
          {(['percent', 'amount'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="radio"
              aria-checked={kind === k}
              onClick={() => {
                setKind(k);
                apply(k, text);
              }}
            >
              {k === 'percent' ? '%' : money.currency}
            </button>
          ))}
        </div>
      </div>
    </details>
  );
}
