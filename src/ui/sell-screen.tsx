// The selling screen: product picker, cart, payment and the receipt of the sale just made. Owns
// the cart (kept while staff visit other screens, and in the database across reloads and tabs:
// sell/use-cart-draft.ts) and the selling shortcuts and scanner. +/- change the selected line
// whenever the search box is empty; "3 ×" in the search box adds the next product three times.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ProductView, SaleDetail } from '../api/till-api.ts';
import { addOpenPriceProduct, addProduct, cartTotals, changeQuantity, emptyCart, removeLine, setCustomer, type Cart, type CartResult } from '../domain/cart.ts';
import { CartPanel } from './cart-panel.tsx';
import { CustomerDialog } from './customer-dialog.tsx';
import { PaymentDialog } from './payment-dialog.tsx';
import { ProductPicker } from './product-picker.tsx';
import { Receipt } from './receipt.tsx';
import { useI18n } from './i18n/i18n-context.tsx';
import { useCartDraft } from './sell/use-cart-draft.ts';
import { TimesBadge } from './sell/times-badge.tsx';
import { dialogOpen, isTyping } from './shortcuts.ts';
import { useTill } from './till-context.ts';
import { useBarcodeScanner } from './use-barcode-scanner.ts';
import { Modal } from './modal.tsx';
import { OpenShiftForm } from './shift/open-shift-form.tsx';
import { OpenPriceDialog } from './sell/open-price-dialog.tsx';

export function SellScreen(props: { active: boolean; catalogStamp: string | null; onSaleInProgress: (busy: boolean) => void }) {
  const { api, money, notify, reportError } = useTill();
  const { t } = useI18n();
  const [cart, setCart] = useState<Cart>(emptyCart);
  /** "3 ×": how many of the next product to add; null for one. */
  const [times, setTimes] = useState<number | null>(null);
  /** The cart "Clear" emptied, until Undo or the next change. */
  const [cleared, setCleared] = useState<Cart | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [paying, setPaying] = useState(false);
  const [pickingCustomer, setPickingCustomer] = useState(false);
  const [done, setDone] = useState<{ detail: SaleDetail; change: number } | null>(null);
  /** Whether a shift is open (null: not known yet). Selling needs one: every sale is in a Z report. */
  const [shiftOpen, setShiftOpen] = useState<boolean | null>(null);
  /** Asking for the opening float; then: what the cashier was doing (a product to add, or Pay). */
  const [askFloat, setAskFloat] = useState<{ then: ProductView | 'pay' } | null>(null);
  // An open-price item tapped or scanned: its price is asked before the line is added (with the "3 ×" taken then).
  const [askPrice, setAskPrice] = useState<{ product: ProductView; quantity: number } | null>(null);
  const shiftOpenRef = useRef(shiftOpen);
  shiftOpenRef.current = shiftOpen;
  const searchRef = useRef<HTMLInputElement>(null);
  const newSaleRef = useRef<HTMLButtonElement>(null);
  const totals = useMemo(() => cartTotals(cart), [cart]);
  // The latest cart, also between renders: two scans answered back to back must both land.
  const cartRef = useRef(cart);
  cartRef.current = cart;
  const doneRef = useRef(done);
  doneRef.current = done;
  const timesRef = useRef(times);
  timesRef.current = times;

  const put = (next: Cart) => {
    cartRef.current = next;
    setCart(next);
    setCleared(null);
    keepDraft(next);
  };
  const takeTimes = (n: number | null) => {
    timesRef.current = n;
    setTimes(n);
  };
  const keepDraft = useCartDraft(() => cartRef.current, put);

  const apply = (r: CartResult | Cart) => {
    if (!('ok' in r)) put(r);
    else if (r.ok) put(r.cart);
    else notify(t(`sell.refusal.${r.refusal}`), 'error');
  };

  // Read again whenever the screen shows: the Shift screen may have closed or opened one meanwhile.
  useEffect(() => {
    if (!props.active) return;
    api.currentShift().then(
      (shift) => setShiftOpen(shift !== null),
      (e: unknown) => reportError(e, 'readShift'),
    );
  }, [props.active]);

  const add = (p: ProductView) => {
    // Starting a sale with no shift open: the opening float first (one step), then this product.
    if (shiftOpenRef.current === false && cartRef.current.lines.length === 0) {
      setAskFloat({ then: p });
      return;
    }
    if (p.openPrice) {
      setAskPrice({ product: p, quantity: timesRef.current ?? 1 });
      takeTimes(null);
      return;
    }
    const r = addProduct(cartRef.current, p, timesRef.current ?? 1);
    takeTimes(null);
    added(p, r);
  };

  const added = (p: ProductView, r: CartResult) => {
    if (!r.ok) {
      notify(t(`sell.refusal.${r.refusal}`), 'error');
      return;
    }
    // No notice: the line appears in the cart, selected.
    put(r.cart);
    setSelected(p.uuid);
  };

  const newSale = () => {
    setDone(null);
    put(emptyCart);
    setSelected(null);
    takeTimes(null);
    requestAnimationFrame(() => searchRef.current?.focus());
  };

  useBarcodeScanner(props.active, (code) => {
    if (dialogOpen()) {
      notify(t('sell.scan.dialogOpen', { code }), 'error');
      return;
    }
    api.productByBarcode(code).then(
      (p) => {
        if (p === null) {
          notify(t('sell.scan.unknown', { code }), 'error');
        } else if (doneRef.current !== null) {
          // Scanning on the receipt starts the next sale.
          doneRef.current = null;
          setDone(null);
          put(emptyCart);
          add(p);
        } else {
          add(p);
        }
      },
      (e: unknown) => reportError(e, 'lookUpBarcode'),
    );
  });

  const openPay = () => {
    if (cart.lines.length === 0 || done !== null) return;
    if (shiftOpenRef.current === false) setAskFloat({ then: 'pay' });
    else setPaying(true);
  };

  useEffect(() => {
    if (!props.active) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (dialogOpen() || e.defaultPrevented) return;
      // The empty search box takes no +, - or Delete as text: they act on the selected line.
      const search = searchRef.current;
      const free = !isTyping(e.target) || (search !== null && e.target === search && search.value === '');
      if (e.key === 'F2' || (e.key === '/' && !isTyping(e.target))) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (e.key === 'F9' || (e.key === 'Enter' && e.ctrlKey)) {
        e.preventDefault();
        openPay();
      } else if (free && selected !== null && (e.key === '+' || e.key === '-')) {
        e.preventDefault();
        apply(changeQuantity(cartRef.current, selected, e.key === '+' ? 1 : -1)); // the ref: keys pressed faster than renders
      } else if (free && selected !== null && e.key === 'Delete') {
        e.preventDefault();
        put(removeLine(cartRef.current, selected));
        setSelected(null);
      } else if (free && e.key === 'Escape' && timesRef.current !== null) {
        e.preventDefault();
        takeTimes(null);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  useEffect(() => {
    if (done !== null) newSaleRef.current?.focus();
  }, [done]);

  const inProgress = cart.lines.length > 0 || paying;
  useEffect(() => props.onSaleInProgress(inProgress), [inProgress]);

  return (
    <main class="sell" hidden={!props.active} aria-label={t('shell.screens.sell')}>
      {done !== null ? (
        <section class="receipt-screen" aria-label={t('sell.done.label')}>
          <h2>{t('sell.done.title')}</h2>
          {done.change > 0 && (
            <p class="change-banner" role="status">
              {t('sell.done.changeDue')} <strong>{money.format(done.change)}</strong>
            </p>
          )}
          <Receipt detail={done.detail} />
          <div class="actions">
            <button type="button" onClick={() => window.print()}>
              {t('sell.done.print')}
            </button>
            <button ref={newSaleRef} type="button" class="primary big" onClick={newSale}>
              {t('sell.done.newSale')}
            </button>
          </div>
        </section>
      ) : (
        <div class="sell-layout">
          <ProductPicker
            onAdd={(p) => add(p)}
            searchRef={searchRef}
            catalogStamp={props.catalogStamp}
            onTimes={takeTimes}
            badge={times === null ? null : <TimesBadge count={times} onCancel={() => takeTimes(null)} />}
          />
          <CartPanel
            cart={cart}
            totals={totals}
            selected={selected}
            onSelect={setSelected}
            onCart={apply}
            onPay={openPay}
            onPickCustomer={() => setPickingCustomer(true)}
            onClear={() => {
              const before = cartRef.current;
              put(emptyCart);
              setSelected(null);
              setCleared(before);
            }}
            onUndoClear={
              cleared === null
                ? null
                : () => {
                    put(cleared);
                    setSelected(cleared.lines.at(-1)?.productUuid ?? null);
                  }
            }
          />
        </div>
      )}
      {paying && (
        <PaymentDialog
          cart={cart}
          total={totals.total}
          onClose={() => setPaying(false)}
          onCompleted={(detail, change) => {
            setPaying(false);
            // The receipt screen says it; no notice.
            setDone({ detail, change });
          }}
        />
      )}
      {askFloat !== null && (
        <Modal title={t('shift.sellPrompt.title')} onClose={() => setAskFloat(null)}>
          <OpenShiftForm
            autoFocus
            onOpened={() => {
              const then = askFloat.then;
              shiftOpenRef.current = true;
              setShiftOpen(true);
              setAskFloat(null);
              if (then === 'pay') setPaying(true);
              else add(then);
            }}
          />
        </Modal>
      )}
      {askPrice !== null && (
        <OpenPriceDialog
          product={askPrice.product}
          onClose={() => setAskPrice(null)}
          onPrice={(unitPrice) => {
            const { product, quantity } = askPrice;
            setAskPrice(null);
            added(product, addOpenPriceProduct(cartRef.current, product, unitPrice, quantity));
          }}
        />
      )}
      {pickingCustomer && (
        <CustomerDialog
          onClose={() => setPickingCustomer(false)}
          onPick={(c) => {
            put(setCustomer(cart, c));
            setPickingCustomer(false);
          }}
        />
      )}
    </main>
  );
}
