// An inventory adjustment: a signed quantity and a reason, appended (never edited) and queued for
// the hub in one worker transaction.
import { useState } from 'preact/hooks';
import type { StockView } from '../api/till-api.ts';
import { MAX_QUANTITY, MAX_TEXT_LENGTH } from '@ezo/contract/limits';
import { Modal } from './modal.tsx';
import { errorText } from './error-text.ts';
import { useTill } from './till-context.ts';

const REASONS = ['Stock count', 'Delivery received', 'Damaged', 'Expired', 'Theft or loss', 'Other'] as const;

/** "+5", "-3", "7" -> 5, -3, 7; null unless a non-zero whole number within MAX_QUANTITY. */
export function parseDelta(text: string): number | null {
  const m = /^([+-]?)(\d{1,6})$/.exec(text.trim().replace('−', '-'));
  if (m === null) return null;
  const n = Number(m[2]) * (m[1] === '-' ? -1 : 1);
  return n === 0 || Math.abs(n) > MAX_QUANTITY ? null : n;
}

export function AdjustDialog(props: { row: StockView; onClose: () => void; onAdjusted: (s: StockView) => void }) {
  const { api, notify } = useTill();
  const [deltaText, setDeltaText] = useState('');
  const [reason, setReason] = useState<string>(REASONS[0]);
  const [detail, setDetail] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const delta = parseDelta(deltaText);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (delta === null) {
      setError('Enter a whole number like +5 or -2.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const fullReason = detail.trim() === '' ? reason : `${reason}: ${detail.trim()}`;
      const updated = await api.adjustStock({ productUuid: props.row.productUuid, delta, reason: fullReason.slice(0, MAX_TEXT_LENGTH) });
      notify(`Stock of ${props.row.name} is now ${updated.quantity}.`);
      props.onAdjusted(updated);
    } catch (err) {
      setError(errorText(err, 'adjust the stock'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={`Adjust stock: ${props.row.name}`} onClose={props.onClose}>
      <form onSubmit={submit}>
        <p>
          On hand now: <strong>{props.row.quantity}</strong>
          {delta !== null && <> → after: <strong>{props.row.quantity + delta}</strong></>}
        </p>
        <div class="field">
          <label for="adjust-delta">Change (+ adds, − removes)</label>
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
          <label for="adjust-reason">Reason</label>
          <select id="adjust-reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)}>
            {REASONS.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
        </div>
        <div class="field">
          <label for="adjust-detail">Details (optional)</label>
          <input id="adjust-detail" type="text" maxLength={200} value={detail} onInput={(e) => setDetail(e.currentTarget.value)} />
        </div>
        <p role="alert" class="form-error">
          {error}
        </p>
        <div class="actions">
          <button type="button" onClick={props.onClose} disabled={busy}>
            Cancel
          </button>
          <button type="submit" class="primary" disabled={busy || delta === null}>
            Save adjustment
          </button>
        </div>
      </form>
    </Modal>
  );
}
