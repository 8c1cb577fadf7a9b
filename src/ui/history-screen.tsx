// Sales made on this till, by day and searchable (receipt number, product, customer); each opens
// its receipt, from which a refund can be made. A scanned product searches its sales. Loaded on
// first visit (lazy).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SaleSummary } from '../api/till-api.ts';
import { SaleDialog } from './sale-dialog.tsx';
import { useI18n } from './i18n/i18n-context.tsx';
import { dialogOpen } from './shortcuts.ts';
import { useBarcodeScanner } from './use-barcode-scanner.ts';
import { useTill } from './till-context.ts';
import { formatTime, localDay } from '../print/date-time.ts';

/** Sales listed at once; the search narrows further. */
export const HISTORY_LIMIT = 200;

export function HistoryScreen() {
  const { api, money, notify, reportError } = useTill();
  const { t, locale } = useI18n();
  const [day, setDay] = useState(() => localDay(new Date()));
  const [text, setText] = useState('');
  const [sales, setSales] = useState<SaleSummary[] | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    api.sales({ day: day === '' ? null : day, text: text.trim(), limit: HISTORY_LIMIT }).then(
      (list) => {
        if (mine === seq.current) setSales(list);
      },
      (e: unknown) => reportError(e, 'loadSales'),
    );
  }, [day, text, reload]);

  useBarcodeScanner(true, (code) => {
    if (dialogOpen()) return;
    api.productByBarcode(code).then(
      (p) => {
        if (p === null) notify(t('sell.scan.unknown', { code }), 'error');
        else setText(p.name);
      },
      (e: unknown) => reportError(e, 'lookUpBarcode'),
    );
  });

  return (
    <section class="history" aria-labelledby="history-title">
      <h1 id="history-title">{t('history.title')}</h1>
      <div class="filters">
        <div class="field">
          <label for="history-day">{t('history.day')}</label>
          <input id="history-day" type="date" value={day} onInput={(e) => setDay(e.currentTarget.value)} />
        </div>
        <div class="field grow">
          <label for="history-search">{t('history.search')}</label>
          <input id="history-search" type="search" autoComplete="off" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
      </div>
      {sales === null ? (
        <p class="loading">{t('common.loading')}</p>
      ) : sales.length === 0 ? (
        <p class="empty">
          {text.trim() === ''
            ? day === ''
              ? t('history.none')
              : t('history.noneOnDay')
            : day === ''
              ? t('history.noneMatch')
              : t('history.noneMatchOnDay')}
        </p>
      ) : (
        <table class="data-table history-table">
          <caption class="visually-hidden">{t('history.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.receipt')}</th>
              <th scope="col">{t('history.time')}</th>
              <th scope="col" class="num">
                {t('history.items')}
              </th>
              <th scope="col" class="num">
                {t('history.total')}
              </th>
              <th scope="col" class="hide-narrow">
                {t('history.customer')}
              </th>
              <th scope="col">{t('history.sync')}</th>
            </tr>
          </thead>
          <tbody>
            {sales.map((s) => (
              <tr key={s.uuid} class={s.isRefund ? 'refund-row' : ''}>
                <td>
                  <button type="button" class="link-button" onClick={() => setOpen(s.uuid)}>
                    {s.isRefund ? t('history.refundNumber', { receipt: s.receiptNumber }) : s.receiptNumber}
                  </button>
                </td>
                <td>{formatTime(s.createdAt, locale)}</td>
                <td class="num">{s.itemCount}</td>
                <td class="num">{money.format(s.total)}</td>
                <td class="hide-narrow">{s.customerName ?? ''}</td>
                <td>
                  <span class={`badge sync-${s.syncState}`}>{t(`history.syncState.${s.syncState}`)}</span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open !== null && (
        <SaleDialog
          uuid={open}
          onClose={() => setOpen(null)}
          onChanged={() => setReload((n) => n + 1)}
        />
      )}
    </section>
  );
}
