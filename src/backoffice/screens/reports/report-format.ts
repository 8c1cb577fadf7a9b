// How the reports show figures: money in the store's locale and currency (src/domain/format-money.ts),
// a VAT rate from basis points, the store's wall-clock time as the hub sent it, today's date.
import { useEffect, useState } from 'preact/hooks';
import { moneyFormat } from '../../../domain/format-money.ts';
import { getStore } from '../../api/stores.ts';

/**
 * Until the store's own locale is known, and when the hub does not let this person read the store's
 * settings (GET /admin/stores/:id is owner-only for now): the shop's usual one.
 */
const FALLBACK_LOCALE = 'de-DE';

/** The locale of a store (its receipts and exports use it); the fallback until it is known. */
export function useStoreLocale(storeId: string): string {
  const [locale, setLocale] = useState(FALLBACK_LOCALE);
  useEffect(() => {
    if (storeId === '') return;
    let live = true;
    void getStore(storeId).then((r) => {
      if (live && r.ok) setLocale(r.value.locale);
    });
    return () => {
      live = false;
    };
  }, [storeId]);
  return locale;
}

export const money = (minor: number, currency: string, locale: string) => moneyFormat(currency, locale).format(minor);

/** 1900 -> "19 %" (or "19,5 %" in de-DE). */
export const rateText = (bp: number, locale: string) => `${new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(bp / 100)} %`;

/** "2026-06-01T12:30:00" (the store's wall clock) -> "2026-06-01 12:30:00". */
export const localText = (local: string) => local.replace('T', ' ');

/** An instant in the reader's own zone and language. */
export const instantText = (iso: string, locale: string) => new Date(iso).toLocaleString(locale);

/** Today as YYYY-MM-DD in the browser's zone. */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
