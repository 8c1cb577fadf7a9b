// Count mode of the stock screen: the product just scanned (or picked), what the till expects,
// the counted quantity staff type, and the difference before it is saved as one adjustment.
import type { Ref } from 'preact';
import type { StockView } from '../../api/till-api.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { countDifference, parseCount, signed } from './stock-count.ts';

export interface CountLogEntry {
  productUuid: string;
  name: string;
  counted: number;
  difference: number;
}

export interface CountPanelProps {
  row: StockView | null;
  text: string;
  onText: (text: string) => void;
  onSave: () => void;
  onSkip: () => void;
  busy: boolean;
  error: string | null;
  log: readonly CountLogEntry[];
  inputRef: Ref<HTMLInputElement>;
}

export function CountPanel(props: CountPanelProps) {
  const { t, locale } = useI18n();
  const { row } = props;
  const counted = parseCount(props.text);
  const difference = row === null || counted === null ? null : countDifference(row.quantity, counted);
  const number = (n: number) => n.toLocaleString(locale);
  return (
    <section class="card count-panel" aria-labelledby="count-title">
      <h2 id="count-title">{t('stock.counting.title')}</h2>
      <p class="muted">{t('stock.counting.intro')}</p>
      {row === null ? (
        <p class="count-waiting" role="status">
          {t('stock.counting.waiting')}
        </p>
      ) : (
        <form
          class="count-form"
          onSubmit={(e) => {
            e.preventDefault();
            props.onSave();
          }}
        >
          <p class="count-product">
            <strong>{row.name}</strong> <span class="muted">{row.sku}</span>
          </p>
          <dl class="count-figures">
            <div>
              <dt>{t('stock.counting.expected')}</dt>
              <dd data-testid="count-expected">{number(row.quantity)}</dd>
            </div>
            <div class="field">
              <dt>
                <label for="count-input">{t('stock.counting.counted')}</label>
              </dt>
              <dd>
                <input
                  id="count-input"
                  ref={props.inputRef}
                  type="text"
                  inputMode="numeric"
                  autoComplete="off"
                  value={props.text}
                  aria-invalid={props.text.trim() !== '' && counted === null}
                  onInput={(e) => props.onText(e.currentTarget.value)}
                />
              </dd>
            </div>
            <div>
              <dt>{t('stock.counting.difference')}</dt>
              <dd data-testid="count-difference" class={difference !== null && difference < 0 ? 'negative' : ''} aria-live="polite">
                {difference === null ? '–' : signed(difference, number)}
              </dd>
            </div>
          </dl>
          <p role="alert" class="form-error">
            {props.error}
          </p>
          <div class="actions">
            <button type="button" onClick={props.onSkip} disabled={props.busy}>
              {t('stock.counting.skip')}
            </button>
            <button type="submit" class="primary" disabled={props.busy || counted === null}>
              {t('stock.counting.save')}
            </button>
          </div>
        </form>
      )}
      <h3 class="count-log-title">{t('stock.counting.log')}</h3>
      {props.log.length === 0 ? (
        <p class="muted">{t('stock.counting.logEmpty')}</p>
      ) : (
        <ul class="count-log">
          {props.log.map((entry, i) => (
            <li key={`${entry.productUuid}-${i}`}>
              {entry.difference === 0
                ? t('stock.counting.matched', { name: entry.name, counted: number(entry.counted) })
                : t('stock.counting.saved', { name: entry.name, counted: number(entry.counted), difference: signed(entry.difference, number) })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
