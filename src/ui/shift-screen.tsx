// The cash drawer session: open with a float; during the shift, cash in and out with a reason; close
// by counting the drawer (by notes and coins or as a total), then the Z report to print; the drawer
// may be opened without a sale (recorded, counted in the Z report). Below, the
// closed shifts with their Z reports. Loaded on first visit (lazy).
import { useEffect, useState } from 'preact/hooks';
import type { CashMoveView, ShiftView, ZReport } from '../api/till-api.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { useTill } from './till-context.ts';
import { formatDateTime, formatTime } from '../print/date-time.ts';
import { ZReportView } from './z-report.tsx';
import { OpenShiftForm } from './shift/open-shift-form.tsx';
import { CashMoveForm } from './shift/cash-move-form.tsx';
import { CloseShiftForm } from './shift/close-shift-form.tsx';
import { OpenDrawerButton } from './shift/open-drawer-button.tsx';
import { ShiftHistory } from './shift/shift-history.tsx';

export function ShiftScreen() {
  const { api, money, reportError } = useTill();
  const { t, locale } = useI18n();
  const [shift, setShift] = useState<ShiftView | null | undefined>(undefined);
  const [moves, setMoves] = useState<CashMoveView[]>([]);
  const [report, setReport] = useState<ZReport | null>(null);
  const [closedStamp, setClosedStamp] = useState(0);

  useEffect(() => {
    api.currentShift().then(setShift, (e: unknown) => {
      reportError(e, 'readShift');
      setShift(null);
    });
    api.cashMoves().then(setMoves, (e: unknown) => reportError(e, 'readShift'));
  }, []);

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
      {shift === null ? (
        <div class="card narrow">
          <h2>{t('shift.openTitle')}</h2>
          <OpenShiftForm
            onOpened={(opened) => {
              setShift(opened);
              setMoves([]);
              setReport(null);
              // No notice: the screen shows the open shift.
            }}
          />
        </div>
      ) : (
        <>
          <div class="card narrow">
            <h2>{t('shift.openNowTitle')}</h2>
            <p>{t('shift.since', { time: formatDateTime(shift.openedAt, locale), amount: money.format(shift.openingFloat) })}</p>
            {shift.openedBy !== null && <p>{t('shift.openedBy', { name: shift.openedBy })}</p>}
            <OpenDrawerButton />
            {moves.length > 0 && (
              <ul class="cash-moves" aria-label={t('shift.move.list')}>
                {moves.map((m) => (
                  <li key={m.uuid}>
                    {formatTime(m.createdAt, locale)} · {t(m.kind === 'in' ? 'shift.move.in' : 'shift.move.out')} {money.format(m.amount)} · {m.reason}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <CashMoveForm onMoved={(m) => setMoves([...moves, m])} />
          <CloseShiftForm
            onClosed={(z) => {
              setShift(null);
              setMoves([]);
              setReport(z);
              setClosedStamp((n) => n + 1);
              // No notice: the Z report shows.
            }}
          />
        </>
      )}
      <ShiftHistory stamp={closedStamp} />
    </section>
  );
}
