// Stock per product as this till knows it: the hub's last figure plus this till's sales and
// adjustments not yet acknowledged. Search by name, SKU or barcode (a scan fills the search), a
// low-stock filter, the adjustment dialog, and count mode: scan a product, type what is on the
// shelf, see the difference, save it as one adjustment. Loaded on first visit (lazy).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { StockView } from '../../api/till-api.ts';
import { errorText } from '../error-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { dialogOpen } from '../shortcuts.ts';
import { useTill } from '../till-context.ts';
import { useBarcodeScanner } from '../use-barcode-scanner.ts';
import { AdjustDialog } from './adjust-dialog.tsx';
import { CountPanel, type CountLogEntry } from './count-panel.tsx';
import { countDifference, parseCount } from './stock-count.ts';

/** Rows listed per search. */
export const STOCK_LIMIT = 100;
/** "Low" until staff say otherwise: at most this many on hand. */
export const DEFAULT_LOW_STOCK = 5;
/** Counts listed in this session's log, newest first. */
const COUNT_LOG_LENGTH = 20;

type Mode = 'list' | 'count';

export function StockScreen() {
  const { api, notify, reportError, requirePermission } = useTill();
  const { t, language, storeT } = useI18n();
  const [mode, setMode] = useState<Mode>('list');
  const [text, setText] = useState('');
  const [lowOnly, setLowOnly] = useState(false);
  const [lowText, setLowText] = useState(String(DEFAULT_LOW_STOCK));
  const [rows, setRows] = useState<StockView[] | null>(null);
  const [adjusting, setAdjusting] = useState<StockView | null>(null);
  const [counting, setCounting] = useState<StockView | null>(null);
  const [countText, setCountText] = useState('');
  const [countError, setCountError] = useState<string | null>(null);
  const [countBusy, setCountBusy] = useState(false);
  const [log, setLog] = useState<CountLogEntry[]>([]);
  const countInput = useRef<HTMLInputElement>(null);
  // The latest product and count, also between renders: scans answered back to back must each see the one before.
  const countingRef = useRef(counting);
  countingRef.current = counting;
  const countTextRef = useRef(countText);
  countTextRef.current = countText;
  const seq = useRef(0);
  const lowLevel = lowOnly ? parseLowLevel(lowText) : null;

  useEffect(() => {
    const mine = ++seq.current;
    api.stock({ text: text.trim(), lowAtOrBelow: lowLevel, limit: STOCK_LIMIT }).then(
      (r) => {
        if (mine === seq.current) setRows(r);
      },
      (e: unknown) => reportError(e, 'loadStock'),
    );
  }, [text, lowLevel]);

  const replaceRow = (updated: StockView) => setRows((rs) => (rs ?? []).map((r) => (r.productUuid === updated.productUuid ? updated : r)));

  const typeCount = (text: string) => {
    countTextRef.current = text;
    setCountText(text);
  };

  const startCount = (row: StockView) => {
    countingRef.current = row;
    setCounting(row);
    typeCount('');
    setCountError(null);
    requestAnimationFrame(() => countInput.current?.focus());
  };

  /** Saves the count typed for the product being counted; resolves false when it could not. */
  const saveCount = async (): Promise<boolean> => {
    const row = countingRef.current;
    const counted = parseCount(countTextRef.current);
    if (row === null) return true;
    if (counted === null) {
      setCountError(t('stock.counting.enterCount'));
      return false;
    }
    const difference = countDifference(row.quantity, counted);
    setCountBusy(true);
    setCountError(null);
    try {
      if (difference !== 0) {
        if (!(await requirePermission('stock_adjust'))) return false;
        const updated = await api.adjustStock({ productUuid: row.productUuid, delta: difference, reason: storeT('stock.reasons.count') });
        replaceRow(updated);
      }
      setLog((l) => [{ productUuid: row.productUuid, name: row.name, counted, difference }, ...l].slice(0, COUNT_LOG_LENGTH));
      if (countingRef.current === row) {
        countingRef.current = null;
        setCounting(null);
        typeCount('');
      }
      return true;
    } catch (e) {
      setCountError(errorText(t, language, e, 'adjustStock'));
      return false;
    } finally {
      setCountBusy(false);
    }
  };

  /**
   * Count mode: another product saves the count typed for the current one first. Scanning the
   * product being counted again adds one to its count (counting by scanning each item).
   */
  const countProduct = async (row: StockView, scanned: boolean) => {
    const current = countingRef.current;
    if (current?.productUuid === row.productUuid) {
      if (scanned) typeCount(String((parseCount(countTextRef.current) ?? 0) + 1));
      countInput.current?.focus();
      return;
    }
    if (current !== null && parseCount(countTextRef.current) !== null && !(await saveCount())) return;
    startCount(row);
  };

  useBarcodeScanner(adjusting === null, (code) => {
    if (dialogOpen()) return;
    if (mode === 'list') {
      setText(code);
      return;
    }
    api.stock({ text: code, lowAtOrBelow: null, limit: STOCK_LIMIT }).then(
      (found) => {
        const hit = found.find((r) => r.barcode === code) ?? found.find((r) => r.sku.toLowerCase() === code.toLowerCase());
        if (hit === undefined) notify(t('stock.unknown', { code }), 'error');
        else void countProduct(hit, true);
      },
      (e: unknown) => reportError(e, 'lookUpBarcode'),
    );
  });

  return (
    <section class="stock" aria-labelledby="stock-title">
      <div class="stock-head">
        <h1 id="stock-title">{t('stock.title')}</h1>
        <div role="radiogroup" aria-label={t('stock.mode.label')} class="segmented">
          {(['list', 'count'] as const).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={mode === m} onClick={() => setMode(m)}>
              {t(`stock.mode.${m}`)}
            </button>
          ))}
        </div>
      </div>
      {mode === 'count' && (
        <CountPanel
          row={counting}
          text={countText}
          onText={typeCount}
          onSave={() => void saveCount()}
          onSkip={() => {
            countingRef.current = null;
            setCounting(null);
            typeCount('');
            setCountError(null);
          }}
          busy={countBusy}
          error={countError}
          log={log}
          inputRef={countInput}
        />
      )}
      <div class="filters">
        <div class="field grow">
          <label for="stock-search">{t('stock.search')}</label>
          <input id="stock-search" type="search" autoComplete="off" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <div class="field low-filter">
          <label class="check">
            <input type="checkbox" checked={lowOnly} onChange={(e) => setLowOnly(e.currentTarget.checked)} /> {t('stock.lowOnly')}
          </label>
          <label for="stock-low" class="visually-hidden">
            {t('stock.lowThreshold')}
          </label>
          <span class="low-level">
            <span aria-hidden="true">≤</span>
            <input
              id="stock-low"
              type="text"
              inputMode="numeric"
              class="qty-input"
              value={lowText}
              disabled={!lowOnly}
              aria-invalid={lowOnly && parseLowLevel(lowText) === null}
              onInput={(e) => setLowText(e.currentTarget.value)}
            />
          </span>
        </div>
      </div>
      {rows === null ? (
        <p class="loading">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p class="empty">{lowLevel === null ? t('stock.none') : t('stock.noneLow', { count: lowLevel })}</p>
      ) : (
        <table class="data-table">
          <caption class="visually-hidden">{t('stock.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('stock.product')}</th>
              <th scope="col" class="num">
                {t('stock.onHand')}
              </th>
              <th scope="col" class="num hide-narrow">
                {t('stock.server')}
              </th>
              <th scope="col" class="num hide-narrow">
                {t('stock.notSynced')}
              </th>
              <th scope="col">
                <span class="visually-hidden">{t('stock.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.productUuid} class={counting?.productUuid === r.productUuid ? 'current' : ''}>
                <td>
                  {r.name}
                  <br />
                  <span class="muted">
                    {r.sku}
                    {r.barcode === null ? '' : ` · ${r.barcode}`}
                  </span>
                </td>
                <td class={`num ${r.quantity < 0 ? 'negative' : ''}`}>{r.quantity}</td>
                <td class="num hide-narrow">{r.serverQuantity}</td>
                <td class="num hide-narrow">{r.pendingDelta > 0 ? `+${r.pendingDelta}` : r.pendingDelta}</td>
                <td>
                  {mode === 'count' ? (
                    <button type="button" class="small" aria-label={t('stock.countOf', { name: r.name })} onClick={() => void countProduct(r, false)}>
                      {t('stock.count')}
                    </button>
                  ) : (
                    <button type="button" class="small" aria-label={t('stock.adjustOf', { name: r.name })} onClick={() => setAdjusting(r)}>
                      {t('stock.adjust')}
                    </button>
                  )}
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
            replaceRow(updated);
            setAdjusting(null);
          }}
        />
      )}
    </section>
  );
}

/** The low-stock level typed: a whole number (may be 0); null while it is not one. */
function parseLowLevel(text: string): number | null {
  const m = /^-?\d{1,9}$/.exec(text.trim());
  return m === null ? null : Number(m[0]);
}
