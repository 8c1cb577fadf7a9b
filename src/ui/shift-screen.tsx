// The cash drawer session: open with a float, close with the counted cash, then the Z report
// (expected against counted, totals per payment method) to print. Loaded on first visit (lazy).
import { useEffect, useState } from 'preact/hooks';
import type { ShiftView, ZReport } from '../api/till-api.ts';
import { MoneyField } from './money-field.tsx';
import { errorText } from './error-text.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { useTill } from './till-context.ts';
import { formatDateTime } from './time-format.ts';
import { ZReportView } from './z-report.tsx';

export function ShiftScreen() {
  const { api, money, notify, reportError, requirePermission } = useTill();
  const { t, language, locale } = useI18n();
  const [shift, setShift] = useState<ShiftView | null | undefined>(undefined);
  const [report, setReport] = useState<ZReport | null>(null);
  const [text, setText] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.currentShift().then(setShift, (e: unknown) => {
      reportError(e, 'readShift');
      setShift(null);
    });
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (amount === null) {
      setError(t('shift.enterAmount'));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (shift === null) {
        const opened = await api.openShift(amount);
        setShift(opened);
        setReport(null);
        notify(t('shift.opened'));
      } else {
        if (!(await requirePermission('close_shift'))) return;
        const z = await api.closeShift(amount);
        setShift(null);
        setReport(z);
        notify(t('shift.closed'));
      }
      setText('');
      setAmount(null);
    } catch (err) {
      setError(errorText(t, language, err, shift === null ? 'openShift' : 'closeShift'));
    } finally {
      setBusy(false);
    }
  };

  if (shift === undefined) return <p class="loading">{t('common.loading')}</p>;
  return (
    <section class="shift" aria-labelledby="shift-title">
      <h1 id="shift-title">{t('shift.title')}</h1>
      {report !== null && (
        <>
          <ZReportView report={report} />
          <div class="actions">
            <button type="button" class="primary" onClick={() => window.print()}>
              {t('shift.printZ')}
            </button>
          </div>
        </>
      )}
      <form class="card narrow" onSubmit={submit}>
        {shift === null ? (
          <>
            <h2>{t('shift.openTitle')}</h2>
            <p>{t('shift.openIntro')}</p>
            <MoneyField label={t('shift.openingFloat')} text={text} onText={(t, v) => { setText(t); setAmount(v); }} />
          </>
        ) : (
          <>
            <h2>{t('shift.openNowTitle')}</h2>
            <p>
              {t('shift.since', { time: formatDateTime(shift.openedAt, locale), amount: money.format(shift.openingFloat) })}
            </p>
            <MoneyField label={t('shift.countedCash')} text={text} onText={(t, v) => { setText(t); setAmount(v); }} />
          </>
        )}
        <p role="alert" class="form-error">
          {error}
        </p>
        <button type="submit" class="primary big" disabled={busy || amount === null}>
          {shift === null ? t('shift.open') : t('shift.close')}
        </button>
      </form>
    </section>
  );
}
