// Sales made on this till, by day and searchable (receipt number, product, customer); each opens
// its receipt, from which a refund can be made. Loaded on first visit (lazy).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { SaleSummary } from '../api/till-api.ts';
import { SaleDialog } from './sale-dialog.tsx';
import { useTill } from './till-context.ts';
import { formatTime, localDay } from './time-format.ts';

/** Sales listed at once; the search narrows further. */
export const HISTORY_LIMIT = 200;

const SYNC_LABEL = { pending: 'Waiting to sync', synced: 'Synced', failed: 'Failed' } as const;

export function HistoryScreen() {
  const { api, money, terminal, reportError } = useTill();
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
      (e: unknown) => reportError(e, 'load the sales'),
    );
  }, [day, text, reload]);

  return (
    <section class="history" aria-labelledby="history-title">
      <h1 id="history-title">Sales history</h1>
      <div class="filters">
        <div class="field">
          <label for="history-day">Day</label>
          <input id="history-day" type="date" value={day} onInput={(e) => setDay(e.currentTarget.value)} />
        </div>
        <div class="field grow">
          <label for="history-search">Search receipt, product or customer</label>
          <input id="history-search" type="search" autoComplete="off" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
      </div>
      {sales === null ? (
        <p class="loading">Loading…</p>
      ) : sales.length === 0 ? (
        <p class="empty">No sales {day === '' ? '' : 'on this day'}{text.trim() === '' ? '' : ' match'}.</p>
      ) : (
        <table class="data-table history-table">
          <caption class="visually-hidden">Sales</caption>
          <thead>
            <tr>
              <th scope="col">Receipt</th>
              <th scope="col">Time</th>
              <th scope="col" class="num">
                Items
              </th>
              <th scope="col" class="num">
                Total
              </th>
              <th scope="col" class="hide-narrow">
                Customer
              </th>
              <th scope="col">Sync</th>
            </tr>
          </thead>
          <tbody>
            {sales.map((s) => (
              <tr key={s.uuid} class={s.isRefund ? 'refund-row' : ''}>
                <td>
                  <button type="button" class="link-button" onClick={() => setOpen(s.uuid)}>
                    {s.isRefund ? 'Refund ' : ''}
                    {s.receiptNumber}
                  </button>
                </td>
                <td>{formatTime(s.createdAt, terminal.locale)}</td>
                <td class="num">{s.itemCount}</td>
                <td class="num">{money.format(s.total)}</td>
                <td class="hide-narrow">{s.customerName ?? ''}</td>
                <td>
                  <span class={`badge sync-${s.syncState}`}>{SYNC_LABEL[s.syncState]}</span>
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
