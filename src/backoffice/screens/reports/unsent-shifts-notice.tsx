// On the Shifts tab: the tills of the store that sold on a day of the days up to the chosen one but
// whose shift of those sales has not reached the hub (GET /admin/reports/unsent-shifts): that day's Z
// figures are not complete yet. A week back, so yesterday's missing shift shows on today's page.
import { useEffect, useState } from 'preact/hooks';
import type { UnsentShifts } from '@ezo/contract/reports';
import type { ApiFailure } from '../../api/client.ts';
import { getUnsentShifts } from '../../api/reports.ts';
import { failureText } from '../../components/failure-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { addDays, dayToMs } from '../../../domain/calendar-day.ts';

/** The chosen day and the six before it. */
export const UNSENT_SHIFT_LOOKBACK_DAYS = 7;

/** The first day of the look-back window ending on `day` (YYYY-MM-DD, calendar arithmetic in UTC). */
export function lookbackStart(day: string): string {
  return addDays(day, -(UNSENT_SHIFT_LOOKBACK_DAYS - 1));
}

/** "2026-12-02" -> "02.12." (de) or "2 Dec" (en: a numeric form would read differently in the UK and the US); the store day as written, no zone shift. */
const shortDay = (day: string, language: string) =>
  new Intl.DateTimeFormat(language, language === 'de' ? { day: '2-digit', month: '2-digit', timeZone: 'UTC' } : { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    dayToMs(day),
  );

export function UnsentShiftsNotice({ storeId, day }: { storeId: string; day: string }) {
  const { t, language } = useI18n();
  const [report, setReport] = useState<UnsentShifts | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  useEffect(() => {
    if (day === '' || storeId === '') return;
    const abort = new AbortController();
    setReport(null);
    void getUnsentShifts({ storeId, from: lookbackStart(day), to: day }, abort.signal).then((r) => {
      if (abort.signal.aborted) return;
      setFailure(r.ok ? null : r.failure);
      setReport(r.ok ? r.value : null);
    });
    return () => abort.abort();
  }, [storeId, day]);

  if (failure !== null) {
    return (
      <p class="bo-error" role="alert">
        {failureText(t, failure)}
      </p>
    );
  }
  if (report === null) return null;
  if (report.unsent.length === 0) return <p class="bo-hint">{t('reports.allShiftsArrived', { days: UNSENT_SHIFT_LOOKBACK_DAYS })}</p>;
  return (
    <section class="bo-notice bo-unsent-shifts" aria-label={t('reports.unsentShiftsCaption', { days: UNSENT_SHIFT_LOOKBACK_DAYS })}>
      <strong>{t('reports.unsentShiftsCaption', { days: UNSENT_SHIFT_LOOKBACK_DAYS })}</strong>
      <ul>
        {report.unsent.map((u) => (
          <li key={`${u.day}-${u.terminal_id}`} data-terminal={u.terminal_id} data-day={u.day}>
            {t('reports.unsentShift', { terminal: u.terminal_name, day: shortDay(u.day, language) })}{' '}
            <span class="bo-hint">{t('reports.unsentReceipts', { count: u.receipts })}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
