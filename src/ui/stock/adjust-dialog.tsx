// An inventory adjustment: a signed quantity and a reason, appended (never edited) and queued for
// the hub in one worker transaction. The reason is recorded in the store's language (the back
// office reads it), whatever the screens speak.
import { useState } from 'preact/hooks';
import type { StockView } from '../../api/till-api.ts';
import { MAX_QUANTITY, MAX_TEXT_LENGTH } from '@ezo/contract/limits';
import { Modal } from '../modal.tsx';
import { errorText } from '../error-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useTill } from '../till-context.ts';

export const REASONS = ['count', 'delivery', 'damaged', 'expired', 'theft', 'other'] as const;
export type Reason = (typeof REASONS)[number];

/** "+5", "-3", "−3", "7" -> 5, -3, -3, 7; null unless a non-zero whole number within MAX_QUANTITY. */
export function parseDelta(text: string): number | null {
  const m = /^([+-]?)(\d{1,6})$/.exec(text.trim().replace('−', '-'));
  if (m === null) return null;
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  return n === 0 || Math.abs(n) > MAX_QUANTITY ? null : n;
}

export function AdjustDialog(props: { row: StockView; onClose: () => void; onAdjusted: (s: StockView) => void }) {
  const { api, notify, requirePermission } = useTill();
  const { t, language, storeT } = useI18n();
  const [deltaText, setDeltaText] = useState('');
  const [reason, setReason] = useState<Reason>('delivery');
  const [detail, setDetail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const delta = parseDelta(deltaText);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (delta === null) {
      setError(t('stock.adjustDialog.enterWhole'));
      return;
    }
    if (!(await requirePermission('stock_adjust'))) return;
    setBusy(true);
    setError(null);
    try {
      const recorded = storeT(`stock.reasons.${reason}`);
      const fullReason = detail.trim() === '' ? recorded : `${recorded}: ${detail.trim()}`;
      const updated = await api.adjustStock({ productUuid: props.row.productUuid, delta, reason: fullReason.slice(0, MAX_TEXT_LENGTH) });
      notify(t('stock.adjustDialog.nowIs', { name: props.row.name, quantity: updated.quantity }));
      props.onAdjusted(updated);
    } catch (err) {
      setError(errorText(t, language, err, 'adjustStock'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('stock.adjustDialog.title', { name: props.row.name })} onClose={props.onClose}>
      <form onSubmit={submit}>
        <p>
          {t('stock.adjustDialog.onHandNow')} <strong>{props.row.quantity}</strong>
          {delta !== null && (
            <>
              {' '}
              → {t('stock.adjustDialog.after')} <strong>{props.row.quantity + delta}</strong>
            </>
          )}
        </p>
        <div class="field">
          <label for="adjust-delta">{t('stock.adjustDialog.change')}</label>
          <input
            id="adjust-delta"
            type="text"
            inputMode="numeric"
            autoFocus
            autoComplete="off"
            value={deltaText}
            aria-invalid={deltaText !== '' && delta === null}
            onInput={(e) => setDeltaText(e.currentTarget.value)}
          />
        </div>
        <div class="field">
          <label for="adjust-reason">{t('stock.adjustDialog.reason')}</label>
          <select id="adjust-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value as Reason)}>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {t(`stock.reasons.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="adjust-detail">{t('stock.adjustDialog.details')}</label>
          <input id="adjust-detail" type="text" maxLength={200} value={detail} onInput={(e) => setDetail(e.currentTarget.value)} />
        </div>
        <p role="alert" class="form-error">
          {error}
        </p>
        <div class="actions">
          <button type="button" onClick={props.onClose} disabled={busy}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="primary" disabled={busy || delta === null}>
            {t('stock.adjustDialog.save')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
