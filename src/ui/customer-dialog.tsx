// Attaching a known customer to the sale: searches the customers synced from the hub (offline too)
// by any word of the name, any part of the e-mail address or phone digits anywhere (the worker folds
// case and accents: src/db/repos/customers.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { CustomerView } from '../api/till-api.ts';
import { Modal } from './modal.tsx';
import { useI18n } from './i18n/i18n-context.tsx';
import { useTill } from './till-context.ts';

/** Customers listed per search. */
export const CUSTOMER_LIMIT = 20;

export function CustomerDialog(props: { onPick: (c: CustomerView) => void; onClose: () => void }) {
  const { api, reportError } = useTill();
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [found, setFound] = useState<CustomerView[]>([]);
  const seq = useRef(0);
  const frame = useRef<number | null>(null);

  const search = (value: string) => {
    setText(value);
    if (frame.current !== null) cancelAnimationFrame(frame.current);
    frame.current = requestAnimationFrame(() => {
      frame.current = null;
      const mine = ++seq.current;
      api.searchCustomers(value.trim(), CUSTOMER_LIMIT).then(
        (list) => {
          if (mine === seq.current) setFound(list);
        },
        (e: unknown) => reportError(e, 'searchCustomers'),
      );
    });
  };
  useEffect(() => {
    search('');
    return () => {
      if (frame.current !== null) cancelAnimationFrame(frame.current);
    };
  }, []);

  return (
    <Modal title={t('customer.title')} onClose={props.onClose}>
      <div class="field">
        <label for="customer-search">{t('customer.search')}</label>
        <input id="customer-search" type="search" autoFocus autoComplete="off" value={text} onInput={(e) => search(e.currentTarget.value)} />
      </div>
      {text.trim() === '' ? (
        <p class="empty">{t('customer.hint')}</p>
      ) : found.length === 0 ? (
        <p class="empty">{t('customer.none')}</p>
      ) : (
        <ul class="pick-list" aria-label={t('customer.list')}>
          {found.map((c) => (
            <li key={c.uuid}>
              <button type="button" class="pick-item" onClick={() => props.onPick(c)}>
                <strong>{c.name}</strong>
                <span class="muted">{[c.email, c.phone].filter((x) => x !== null && x !== '').join(' · ')}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </Modal>
  );
}
