// Closing the shift: count the drawer by notes and coins (the currency's denominations; the total
// follows) or type the total directly. A count that differs from the expected cash asks for
// confirmation, showing the difference, before the shift closes for good.
import { useState } from 'preact/hooks';
import type { DenominationCount, ZReport } from '../../api/till-api.ts';
import { countTotal, denominationsOf } from '../../domain/denominations.ts';
import { MoneyField } from '../money-field.tsx';
import { Modal } from '../modal.tsx';
import { errorText } from '../error-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useTill } from '../till-context.ts';

type Mode = 'coins' | 'total';

export function CloseShiftForm(props: { onClosed: (z: ZReport) => void }) {
  const { api, money, terminal, requirePermission } = useTill();
  const { t, language } = useI18n();
  const values = denominationsOf(terminal.currency);
  const [mode, setMode] = useState<Mode>(values === null ? 'total' : 'coins');
  const [counts, setCounts] = useState<Record<number, string>>({});
  const [text, setText] = useState('');
  const [typed, setTyped] = useState<number | null>(null);
  const [confirm, setConfirm] = useState<{ expected: number; counted: number } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const denominations: DenominationCount[] | null =
    mode === 'coins' && values !== null ? values.map((value) => ({ value, count: /^\d{1,5}$/.test(counts[value] ?? '') ? Number(counts[value]) : 0 })) : null;
  const badCount = mode === 'coins' && Object.values(counts).some((c) => c.trim() !== '' && !/^\d{1,5}$/.test(c.trim()));
  const counted = denominations !== null ? countTotal(denominations) : typed;

  const close = async (countedCash: number) => {
    // The confirmation (if any) gives way to the manager's approval dialog when the member lacks close_shift.
    setConfirm(null);
    if (!(await requirePermission('close_shift'))) return;
    setBusy(true);
    setError(null);
    try {
      props.onClosed(await api.closeShift({ countedCash, denominations }));
    } catch (err) {
      setError(errorText(t, language, err, 'closeShift'));
    } finally {
      setBusy(false);
      setConfirm(null);
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    if (counted === null || badCount) {
      setError(t('shift.enterAmount'));
      return;
    }
    try {
      const preview = await api.shiftPreview();
      if (preview !== null && preview.expectedCash !== counted) {
        setConfirm({ expected: preview.expectedCash, counted });
        return;
      }
    } catch (err) {
      setError(errorText(t, language, err, 'closeShift'));
      return;
    }
    await close(counted);
  };

  return (
    <form class="card narrow close-shift" onSubmit={submit} aria-labelledby="close-shift-title">
      <h2 id="close-shift-title">{t('shift.count.title')}</h2>
      {values !== null && (
        <div role="radiogroup" class="segmented" aria-label={t('shift.count.how')}>
          {(['coins', 'total'] as const).map((m) => (
            <button key={m} type="button" role="radio" aria-checked={mode === m} onClick={() => setMode(m)}>
              {t(m === 'coins' ? 'shift.count.byCoins' : 'shift.count.byTotal')}
            </button>
          ))}
        </div>
      )}
      {mode === 'coins' && values !== null ? (
        <table class="denominations">
          <thead>
            <tr>
              <th scope="col">{t('shift.count.denomination')}</th>
              <th scope="col">{t('shift.count.pieces')}</th>
              <th scope="col" class="num">
                {t('shift.count.sum')}
              </th>
            </tr>
          </thead>
          <tbody>
            {values.map((v) => {
              const c = counts[v] ?? '';
              const n = /^\d{1,5}$/.test(c) ? Number(c) : 0;
              return (
                <tr key={v}>
                  <th scope="row">
                    <label for={`count-${v}`}>{money.format(v)}</label>
                  </th>
                  <td>
                    <input
                      id={`count-${v}`}
                      type="text"
                      inputMode="numeric"
                      autoComplete="off"
                      value={c}
                      aria-invalid={c.trim() !== '' && !/^\d{1,5}$/.test(c.trim())}
                      onInput={(e) => setCounts({ ...counts, [v]: e.currentTarget.value.trim() })}
                    />
                  </td>
                  <td class="num">{money.format(v * n)}</td>
                </tr>
              );
            })}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row" colSpan={2}>
                {t('shift.countedCash')}
              </th>
              <td class="num" data-testid="count-total">
                {money.format(counted ?? 0)}
              </td>
            </tr>
          </tfoot>
        </table>
      ) : (
        <MoneyField
          label={t('shift.countedCash')}
          text={text}
          onText={(s, v) => {
            setText(s);
            setTyped(v);
          }}
        />
      )}
      <p role="alert" class="form-error">
        {error}
      </p>
      <button type="submit" class="primary big" disabled={busy || counted === null || badCount}>
        {t('shift.close')}
      </button>
      {confirm !== null && (
        <Modal title={t('shift.confirm.title')} onClose={() => setConfirm(null)}>
          <dl class="confirm-figures">
            <dt>{t('shift.confirm.expected')}</dt>
            <dd>{money.format(confirm.expected)}</dd>
            <dt>{t('shift.confirm.counted')}</dt>
            <dd>{money.format(confirm.counted)}</dd>
            <dt>{t('shift.confirm.difference')}</dt>
            <dd data-testid="close-difference">{money.format(confirm.counted - confirm.expected)}</dd>
          </dl>
          <p>{t('shift.confirm.question')}</p>
          <div class="actions">
            <button type="button" onClick={() => setConfirm(null)}>
              {t('shift.confirm.recount')}
            </button>
            <button type="button" class="primary" disabled={busy} onClick={() => void close(confirm.counted)}>
              {t('shift.confirm.closeAnyway')}
            </button>
          </div>
        </Modal>
      )}
    </form>
  );
}
