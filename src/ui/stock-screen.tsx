// Stock per product as this till knows it: the hub's last figure plus this till's sales and
// adjustments not yet acknowledged; and the adjustment form. Loaded on first visit (lazy).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StockView } from '../api/till-api.ts';
import { AdjustDialog } from './adjust-dialog.tsx';
import { useTill } from './till-context.ts';

/** Rows listed per search. */
export const STOCK_LIMIT = 100;

export function StockScreen() {
  const { api, reportError } = useTill();
  const [text, setText] = useState('');
  const [rows, setRows] = useState<StockView[] | null>(null);
  const [adjusting, setAdjusting] = useState<StockView | null>(null);
  const seq = useRef(0);

  useEffect(() => {
    const mine = ++seq.current;
    api.stock(text.trim(), STOCK_LIMIT).then(
      (r) => {
        if (mine === seq.current) setRows(r);
      },
      (e: unknown) => reportError(e, 'load stock'),
    );
  }, [text]);

  return (
    <section class="stock" aria-labelledby="stock-title">
      <h1 id="stock-title">Stock</h1>
      <div class="field">
        <label for="stock-search">Search products</label>
        <input id="stock-search" type="search" autoComplete="off" value={text} onInput={(e) => setText(e.currentTarget.value)} />
      </div>
      {rows === null ? (
        <p class="loading">Loading…</p>
      ) : rows.length === 0 ? (
        <p class="empty">No product matches.</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">Stock levels</caption>
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" class="num">
                On hand
              </th>
              <th scope="col" class="num hide-narrow">
                Server
              </th>
              <th scope="col" class="num hide-narrow">
                Not yet synced
              </th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.productUuid}>
                <td>
                  {r.name}
                  <br />
                  <span class="muted">{r.sku}</span>
                </td>
                <td class={`num ${r.quantity < 0 ? 'negative' : ''}`}>{r.quantity}</td>
                <td class="num hide-narrow">{r.serverQuantity}</td>
                <td class="num hide-narrow">{r.pendingDelta > 0 ? `+${r.pendingDelta}` : r.pendingDelta}</td>
                <td>
                  <button type="button" class="small" aria-label={`Adjust stock of ${r.name}`} onClick={() => setAdjusting(r)}>
                    Adjust
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {adjusting !== null && (
        <AdjustDialog
          row={adjusting}
          onClose={() => setAdjusting(null)}
          onAdjusted={(updated) => {
            setRows((rs) => (rs ?? []).map((r) => (r.productUuid === updated.productUuid ? updated : r)));
            setAdjusting(null);
          }}
        />
      )}
    </section>
  );
}
