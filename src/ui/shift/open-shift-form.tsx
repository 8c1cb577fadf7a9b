// Opening a shift: the cash counted into the drawer (the opening float), one field and one button.
// Used on the Shift screen and, when a sale starts with no shift open, in a dialog on the Sell screen.
import { useState } from 'preact/hooks';
import type { ShiftView } from '../../api/till-api.ts';
import { MoneyField } from '../money-field.tsx';
import { errorText } from '../error-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useTill } from '../till-context.ts';

export function OpenShiftForm(props: { onOpened: (shift: ShiftView) => void; autoFocus?: boolean }) {
  const { api } = useTill();
  const { t, language } = useI18n();
  const [text, setText] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (amount === null) {
      setError(t('shift.enterAmount'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      props.onOpened(await api.openShift(amount));
    } catch (err) {
      setError(errorText(t, language, err, 'openShift'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="open-shift" onSubmit={submit}>
      <p>{t('shift.openIntro')}</p>
      <MoneyField
        label={t('shift.openingFloat')}
        text={text}
        autoFocus={props.autoFocus === true}
        onText={(s, v) => {
          setText(s);
          setAmount(v);
        }}
      />
      <p role="alert" class="form-error">
        {error}
      </p>
      <button type="submit" class="primary big" disabled={busy || amount === null}>
        {t('shift.open')}
      </button>
    </form>
  );
}
