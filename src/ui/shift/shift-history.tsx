// Closed shifts on this till, newest first, each with its stored Z report to view and reprint (as a copy).
import { useEffect, useState } from 'preact/hooks';
import type { ClosedShiftSummary, ZReport } from '../../api/till-api.ts';
import { Modal } from '../modal.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useTill } from '../till-context.ts';
import { formatDateTime } from '../../print/date-time.ts';
import { ZReportView } from '../z-report.tsx';

/** How many closed shifts the history lists. */
const HISTORY_LIMIT = 100;

export function ShiftHistory(props: { stamp: number }) {
  const { api, money, reportError } = useTill();
  const { t, locale } = useI18n();
  const [rows, setRows] = useState<ClosedShiftSummary[] | null>(null);
  const [open, setOpen] = useState<ZReport | null>(null);

  useEffect(() => {
    api.closedShifts(HISTORY_LIMIT).then(setRows, (e: unknown) => reportError(e, 'readShifts'));
  }, [props.stamp]);

  const show = (uuid: string) => {
    api.zReport(uuid).then(setOpen, (e: unknown) => reportError(e, 'readShifts'));
  };

  return (
    <section class="shift-history" aria-labelledby="shift-history-title">
      <h2 id="shift-history-title">{t('shift.history.title')}</h2>
      {rows === null ? (
        <p class="loading">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p class="muted">{t('shift.history.none')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('shift.history.z')}</th>
              <th scope="col">{t('shift.history.period')}</th>
              <th scope="col" class="num">
                {t('shift.history.turnover')}
              </th>
              <th scope="col" class="num">
                {t('shift.history.difference')}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.shiftUuid}>
                <td>
                  <button type="button" class="link-button" onClick={() => show(r.shiftUuid)}>
                    {t('shift.history.open', { number: r.zNumber })}
                  </button>
                </td>
                <td>
                  {formatDateTime(r.openedAt, locale)} – {formatDateTime(r.closedAt, locale)}
                </td>
                <td class="num">{money.format(r.turnover)}</td>
                <td class="num">{money.format(r.difference)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {open !== null && (
        <Modal title={t('shift.history.reportTitle', { number: open.zNumber })} onClose={() => setOpen(null)} class="modal-receipt">
          <ZReportView report={open} copy />
          <div class="actions">
            <button type="button" class="primary" onClick={() => window.print()}>
              {t('shift.printZ')}
            </button>
          </div>
        </Modal>
      )}
    </section>
  );
}
