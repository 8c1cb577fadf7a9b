// Keeps the sale in progress in the till's database (TillApi.saveDraftCart), so a reload, a crash or
// a move to another tab ("Use here") brings it back. The database, not localStorage: the draft sits
// with the sales it will become, goes where the till's database goes, and recordSale deletes it in
// the transaction that records the sale, so a sale can never come back as a cart after it was made.
// A draft is never queued or sent to the hub: a cart is not a sale.
import { useEffect, useRef } from 'preact/hooks';
import type { Cart } from '../../domain/cart.ts';
import { useTill } from '../till-context.ts';

export function isEmptyCart(cart: Cart): boolean {
  return cart.lines.length === 0 && cart.customer === null && cart.note === '';
}

/**
 * Restores the saved draft once (unless staff already started a new one meanwhile) and returns the
 * function to call with every change. It sends the change at once, in the same task as the change:
 * waiting for an effect after the render could lose the last change to a reload or a tab handover
 * that comes first. Saves go out in call order through Comlink and the worker's connection, so the
 * last one wins; before the saved draft is read back, changes are kept back and the newest is sent then.
 */
export function useCartDraft(current: () => Cart, restore: (draft: Cart) => void): (next: Cart) => void {
  const { api, reportError } = useTill();
  const loaded = useRef(false);
  const saved = useRef<Cart | null>(null);

  const save = (next: Cart) => {
    if (saved.current === next) return;
    saved.current = next;
    api.saveDraftCart(isEmptyCart(next) ? null : next).catch((e: unknown) => reportError(e, 'saveCart'));
  };

  useEffect(() => {
    let live = true;
    api.draftCart().then(
      (draft) => {
        if (!live) return;
        loaded.current = true;
        if (draft !== null && isEmptyCart(current())) {
          saved.current = draft;
          restore(draft);
        } else {
          save(current());
        }
      },
      (e: unknown) => {
        loaded.current = true;
        reportError(e, 'loadCart');
      },
    );
    return () => {
      live = false;
    };
  }, [api]);

  return (next: Cart) => {
    if (loaded.current) save(next);
  };
}
