// The selling screen: product picker, cart, payment and the receipt of the sale just made. Owns
// the cart (kept while staff visit other screens) and the selling shortcuts and scanner.
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { ProductView, SaleDetail } from '../api/till-api.ts';
import { addProduct, cartTotals, changeQuantity, emptyCart, removeLine, setCustomer, type Cart, type CartRefusal, type CartResult } from '../domain/cart.ts';
import { CartPanel } from './cart-panel.tsx';
import { CustomerDialog } from './customer-dialog.tsx';
import { PaymentDialog } from './payment-dialog.tsx';
import { ProductPicker } from './product-picker.tsx';
import { Receipt } from './receipt.tsx';
import { dialogOpen, isTyping } from './shortcuts.ts';
import { useTill } from './till-context.ts';
import { useBarcodeScanner } from './use-barcode-scanner.ts';

const REFUSAL_TEXT: Record<CartRefusal, string> = {
  too_many_lines: 'This sale has as many lines as it can take; complete it and start another.',
  quantity_out_of_range: 'That quantity is not possible.',
  discount_out_of_range: 'A discount is between 0 and 100 %.',
  note_too_long: 'The note is too long.',
};

export function SellScreen(props: { active: boolean; catalogStamp: string | null; onSaleInProgress: (busy: boolean) => void }) {
  const { api, money, notify, reportError } = useTill();
  const [cart, setCart] = useState<Cart>(emptyCart);
  const [selected, setSelected] = useState<string | null>(null);
  const [paying, setPaying] = useState(false);
  const [pickingCustomer, setPickingCustomer] = useState(false);
  const [done, setDone] = useState<{ detail: SaleDetail; change: number } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const newSaleRef = useRef<HTMLButtonElement>(null);
  const totals = useMemo(() => cartTotals(cart), [cart]);
  // The latest cart, also between renders: two scans answered back to back must both land.
  const cartRef = useRef(cart);
  cartRef.current = cart;
  const doneRef = useRef(done);
  doneRef.current = done;

  const put = (next: Cart) => {
    cartRef.current = next;
    setCart(next);
  };

  const apply = (r: CartResult | Cart) => {
    if (!('ok' in r)) put(r);
    else if (r.ok) put(r.cart);
    else notify(REFUSAL_TEXT[r.refusal], 'error');
  };

  const add = (p: ProductView) => {
    const r = addProduct(cartRef.current, p);
    if (!r.ok) {
      notify(REFUSAL_TEXT[r.refusal], 'error');
      return;
    }
    put(r.cart);
    setSelected(p.uuid);
    notify(`Added ${p.name}`);
  };

  const newSale = () => {
    setDone(null);
    put(emptyCart);
    setSelected(null);
    requestAnimationFrame(() => searchRef.current?.focus());
  };

  useBarcodeScanner(props.active, (code) => {
    if (dialogOpen()) {
      notify(`Scanned ${code}: close the dialog first to add it.`, 'error');
      return;
    }
    api.productByBarcode(code).then(
      (p) => {
        if (p === null) {
          notify(`Unknown barcode ${code}: no product has it.`, 'error');
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
      (e: unknown) => reportError(e, 'look up the barcode'),
    );
  });

  const openPay = () => {
    if (cart.lines.length > 0 && done === null) setPaying(true);
  };

  useEffect(() => {
    if (!props.active) return undefined;
    const onKey = (e: KeyboardEvent) => {
      if (dialogOpen() || e.defaultPrevented) return;
      const typing = isTyping(e.target);
      if (e.key === 'F2' || (e.key === '/' && !typing)) {
        e.preventDefault();
        searchRef.current?.focus();
        searchRef.current?.select();
      } else if (e.key === 'F9' || (e.key === 'Enter' && e.ctrlKey)) {
        e.preventDefault();
        openPay();
      } else if (!typing && selected !== null && (e.key === '+' || e.key === '-')) {
        e.preventDefault();
        apply(changeQuantity(cartRef.current, selected, e.key === '+' ? 1 : -1)); // the ref: keys pressed faster than renders
      } else if (!typing && selected !== null && e.key === 'Delete') {
        e.preventDefault();
        put(removeLine(cartRef.current, selected));
        setSelected(null);
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
    <main class="sell" hidden={!props.active} aria-label="Sell">
      {done !== null ? (
        <section class="receipt-screen" aria-label="Sale complete">
          <h2>Sale complete</h2>
          {done.change > 0 && (
            <p class="change-banner" role="status">
              Change due: <strong>{money.format(done.change)}</strong>
            </p>
          )}
          <Receipt detail={done.detail} />
          <div class="actions">
            <button type="button" onClick={() => window.print()}>
              Print receipt
            </button>
            <button ref={newSaleRef} type="button" class="primary big" onClick={newSale}>
              New sale
            </button>
          </div>
        </section>
      ) : (
        <div class="sell-layout">
          <ProductPicker onAdd={(p) => add(p)} searchRef={searchRef} catalogStamp={props.catalogStamp} />
          <CartPanel
            cart={cart}
            totals={totals}
            selected={selected}
            onSelect={setSelected}
            onCart={apply}
            onPay={openPay}
            onPickCustomer={() => setPickingCustomer(true)}
            onClear={() => {
              put(emptyCart);
              setSelected(null);
            }}
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
            setDone({ detail, change });
            notify(`Sale ${detail.sale.receipt_number} recorded.`);
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
