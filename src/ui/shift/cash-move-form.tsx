// Cash in or out of the drawer during the shift, with a reason (change brought from the bank, a
// delivery paid from the till...). Each movement is an append-only record in the Z report.
import { useState } from 'preact/hooks';
import type { CashMoveKind, CashMoveView } from '../../api/till-api.ts';
import { MoneyField } from '../money-field.tsx';
import { errorText } from '../error-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useTill } from '../till-context.ts';

export function CashMoveForm(props: { onMoved: (move: CashMoveView) => void }) {
  const { api, money, notify } = useTill();
  const { t, language } = useI18n();
  const [kind, setKind] = useState<CashMoveKind>('in');
  const [text, setText] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (amount === null || amount <= 0 || reason.trim() === '') {
      setError(t('shift.move.incomplete'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const move = await api.recordCashMove({ kind, amount, reason });
      props.onMoved(move);
      notify(t(kind === 'in' ? 'shift.move.recordedIn' : 'shift.move.recordedOut', { amount: money.format(amount) }));
      setText('');
      setAmount(null);
      setReason('');
    } catch (err) {
      setError(errorText(t, language, err, 'cashMove'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="card narrow cash-move" onSubmit={submit} aria-labelledby="cash-move-title">
      <h2 id="cash-move-title">{t('shift.move.title')}</h2>
      <div role="radiogroup" class="segmented" aria-label={t('shift.move.kind')}>
        {(['in', 'out'] as const).map((k) => (
          <button key={k} type="button" role="radio" aria-checked={kind === k} onClick={() => setKind(k)}>
            {t(k === 'in' ? 'shift.move.in' : 'shift.move.out')}
          </button>
        ))}
      </div>
      <MoneyField
        label={t('shift.move.amount')}
        text={text}
        onText={(s, v) => {
          setText(s);
          setAmount(v);
        }}
      />
      <div class="field">
        <label for="cash-move-reason">{t('shift.move.reason')}</label>
        <input id="cash-move-reason" type="text" maxLength={500} value={reason} onInput={(e) => setReason(e.currentTarget.value)} />
      </div>
      <p role="alert" class="form-error">
        {error}
      </p>
      <button type="submit" disabled={busy}>
        {t(kind === 'in' ? 'shift.move.submitIn' : 'shift.move.submitOut')}
      </button>
    </form>
  );
}
