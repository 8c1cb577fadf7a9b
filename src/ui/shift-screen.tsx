// The cash drawer session: open with a float, close with the counted cash, then the Z report
// (expected against counted, totals per payment method) to print. Loaded on first visit (lazy).
import { useEffect, useState } from 'preact/hooks';
import type { ShiftView, ZReport } from '../api/till-api.ts';
import { MoneyField } from './money-field.tsx';
import { errorText } from './error-text.ts';
import { useTill } from './till-context.ts';
import { formatDateTime } from './time-format.ts';
import { ZReportView } from './z-report.tsx';

export function ShiftScreen() {
  const { api, money, terminal, notify, reportError } = useTill();
  const [shift, setShift] = useState<ShiftView | null | undefined>(undefined);
  const [report, setReport] = useState<ZReport | null>(null);
  const [text, setText] = useState('');
  const [amount, setAmount] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    api.currentShift().then(setShift, (e: unknown) => {
      reportError(e, 'read the shift');
      setShift(null);
    });
  }, []);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (amount === null) {
      setError('Enter an amount.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      if (shift === null) {
        const opened = await api.openShift(amount);
        setShift(opened);
        setReport(null);
        notify('Shift opened.');
      } else {
        const z = await api.closeShift(amount);
        setShift(null);
        setReport(z);
        notify('Shift closed.');
      }
      setText('');
      setAmount(null);
    } catch (err) {
      setError(errorText(err, shift === null ? 'open the shift' : 'close the shift'));
    } finally {
      setBusy(false);
    }
  };

  if (shift === undefined) return <p class="loading">Loading…</p>;
  return (
    <section class="shift" aria-labelledby="shift-title">
      <h1 id="shift-title">Shift</h1>
      {report !== null && (
        <>
          <ZReportView report={report} />
          <div class="actions">
            <button type="button" class="primary" onClick={() => window.print()}>
              Print Z report
            </button>
          </div>
        </>
      )}
      <form class="card narrow" onSubmit={submit}>
        {shift === null ? (
          <>
            <h2>Open a shift</h2>
            <p>Count the cash in the drawer before the first sale.</p>
            <MoneyField label="Opening float" text={text} onText={(t, v) => { setText(t); setAmount(v); }} />
          </>
        ) : (
          <>
            <h2>Shift open</h2>
            <p>
              Since {formatDateTime(shift.openedAt, terminal.locale)} with a float of {money.format(shift.openingFloat)}.
            </p>
            <MoneyField label="Counted cash" text={text} onText={(t, v) => { setText(t); setAmount(v); }} />
          </>
        )}
        <p role="alert" class="form-error">
          {error}
        </p>
        <button type="submit" class="primary big" disabled={busy || amount === null}>
          {shift === null ? 'Open shift' : 'Close shift and print Z report'}
        </button>
      </form>
    </section>
  );
}
