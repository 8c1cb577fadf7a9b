// Parking: "Park" puts the sale in progress aside (in the till's database, so a reload keeps it) to
// serve the next customer; "Parked (n)" lists the parked sales to resume one. Resuming while another
// sale is in progress parks that one first, so nothing is ever dropped.
import { useEffect, useState } from 'preact/hooks';
import type { ParkedCartView } from '../../api/till-api.ts';
import { emptyCart, type Cart } from '../../domain/cart.ts';
import { Modal } from '../modal.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useTill } from '../till-context.ts';
import { formatTime } from '../../print/date-time.ts';

/** What a parked sale is called in the list: its customer, else its first item. */
function labelOf(cart: Cart): string {
  return cart.customer?.name ?? cart.lines[0]?.name ?? '';
}

export function ParkedSales(props: { cart: Cart; onCart: (cart: Cart) => void }) {
  const { api, money, reportError } = useTill();
  const { t, locale } = useI18n();
  const [parked, setParked] = useState<ParkedCartView[]>([]);
  const [listing, setListing] = useState(false);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.parkedCarts().then(setParked, (e: unknown) => reportError(e, 'resumeSale'));
  }, []);

  const park = async () => {
    setBusy(true);
    try {
      setParked(await api.parkCart(props.cart, labelOf(props.cart)));
      props.onCart(emptyCart);
    } catch (e) {
      reportError(e, 'parkSale');
    } finally {
      setBusy(false);
    }
  };

  const resume = async (uuid: string) => {
    setBusy(true);
    try {
      if (props.cart.lines.length > 0) await api.parkCart(props.cart, labelOf(props.cart));
      const cart = await api.resumeParked(uuid);
      setParked(await api.parkedCarts());
      props.onCart(cart ?? emptyCart);
      setListing(false);
    } catch (e) {
      reportError(e, 'resumeSale');
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" class="small" onClick={() => void park()} disabled={busy || props.cart.lines.length === 0}>
        {t('sell.park.park')}
      </button>
      <button type="button" class="small" onClick={() => setListing(true)} disabled={parked.length === 0}>
        {t('sell.park.parked', { count: parked.length })}
      </button>
      {listing && (
        <Modal title={t('sell.park.title')} onClose={() => setListing(false)}>
          <ul class="parked-list">
            {parked.map((p) => (
              <li key={p.uuid}>
                <span>
                  {formatTime(p.parkedAt, locale)} · {p.label} · {t('sell.cart.items', { count: p.itemCount })} · {money.format(p.total)}
                </span>{' '}
                <button type="button" class="primary" disabled={busy} onClick={() => void resume(p.uuid)}>
                  {t('sell.park.resume')}
                </button>
              </li>
            ))}
          </ul>
          {props.cart.lines.length > 0 && <p class="muted">{t('sell.park.swapHint')}</p>}
        </Modal>
      )}
    </>
  );
}
