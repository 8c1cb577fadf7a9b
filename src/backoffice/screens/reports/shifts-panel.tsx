// The closed shifts of one store and day (the store's day, by closing time) with their Z figures as
// the till printed them: Z number, till, closing time, turnover, VAT and payments, cash counted against
// expected, and the grand total. More pages load on demand. Above them, the tills that sold in the
// days up to the chosen one whose shift has not reached the hub. Each shift's Z report reprints as the
// till printed it (z-report-reprint.tsx).
import { useEffect, useState } from 'preact/hooks';
import type { AdminShift } from '@ezo/contract/admin';
import type { ApiFailure } from '../../api/client.ts';
import { getShifts } from '../../api/reports.ts';
import { failureText } from '../../components/failure-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { instantText, money, rateText, today, useStoreLocale } from './report-format.ts';
import { DateField, ReportStoreSelect } from './report-store-select.tsx';
import { UnsentShiftsNotice } from './unsent-shifts-notice.tsx';
import { ZReportReprint } from './z-report-reprint.tsx';

export function ShiftsPanel({ firstStore }: { firstStore: string }) {
  const { t } = useI18n();
  const [storeId, setStoreId] = useState(firstStore);
  const [day, setDay] = useState(today());
  const [shifts, setShifts] = useState<AdminShift[] | null>(null);
  const [next, setNext] = useState<string | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [timeZone, setTimeZone] = useState<string | undefined>(undefined);
  const [reprint, setReprint] = useState<AdminShift | null>(null);
  const locale = useStoreLocale(storeId);

  const load = async (cursor: string | undefined, signal?: AbortSignal) => {
    const r = await getShifts(storeId, day, cursor, signal);
    if (signal?.aborted === true) return;
    if (!r.ok) {
      setFailure(r.failure);
      return;
    }
    setFailure(null);
    setTimeZone(r.value.time_zone);
    setShifts((before) => [...(cursor === undefined ? [] : (before ?? [])), ...r.value.shifts]);
    setNext(r.value.next_cursor);
  };
  useEffect(() => {
    if (day === '') return;
    const abort = new AbortController();
    setShifts(null);
    setReprint(null);
    void load(undefined, abort.signal);
    return () => abort.abort();
    // load reads storeId and day, the dependencies.
  }, [storeId, day]);

  const num = (minor: number, currency: string) => money(minor, currency, locale);
  return (
    <div>
      <div class="bo-filters">
        <ReportStoreSelect value={storeId} onValue={setStoreId} withAll={false} />
        <DateField label={t('reports.day')} value={day} onValue={setDay} />
      </div>
      <UnsentShiftsNotice storeId={storeId} day={day} />
      {failure !== null && (
        <p class="bo-error" role="alert">
          {failureText(t, failure)}
        </p>
      )}
      {shifts !== null && shifts.length === 0 && <p>{t('reports.noShifts')}</p>}
      {shifts !== null && shifts.length > 0 && (
        <div class="bo-table-wrap">
          <table class="bo-table">
            <caption>{t('reports.shiftsCaption')}</caption>
            <thead>
              <tr>
                {[
                  t('reports.zNumber'),
                  t('reports.closedAt'),
                  t('reports.salesCount'),
                  t('reports.refunds'),
                  t('reports.turnover'),
                  t('reports.vatCaption'),
                  t('reports.paymentsCaption'),
                  t('reports.expectedCash'),
                  t('reports.countedCash'),
                  t('reports.difference'),
                  t('reports.grandTotal'),
                  t('reports.print'),
                ].map((h) => (
                  <th key={h} scope="col">
                    {h}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {shifts.map((s) => {
                const z = s.z_report;
                return (
                  <tr key={s.uuid}>
                    <th scope="row">{s.z_number}</th>
                    <td>{instantText(s.closed_at, locale)}</td>
                    <td class="num">{z.sales_count}</td>
                    <td class="num">{num(z.refunds_total, s.currency)}</td>
                    <td class="num">{num(z.turnover, s.currency)}</td>
                    <td>{z.vat.map((v) => `${rateText(v.tax_rate_bp, locale)}: ${num(v.gross, s.currency)}`).join('; ')}</td>
                    <td>{z.payments.map((p) => `${t(`reports.methods.${p.method}`)}: ${num(p.amount, s.currency)}`).join('; ')}</td>
                    <td class="num">{num(s.expected_cash, s.currency)}</td>
                    <td class="num">{num(s.counted_cash, s.currency)}</td>
                    <td class={s.difference === 0 ? 'num' : 'num bo-warn'}>{num(s.difference, s.currency)}</td>
                    <td class="num">{num(z.grand_total, s.currency)}</td>
                    <td>
                      <button type="button" aria-label={t('reports.printZ', { number: s.z_number })} onClick={() => setReprint(s)}>
                        {t('reports.print')}
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {reprint !== null && <ZReportReprint key={reprint.uuid} shift={reprint} timeZone={timeZone} onClose={() => setReprint(null)} />}
      {next !== null && (
        <button type="button" onClick={() => void load(next)}>
          {t('reports.more')}
        </button>
      )}
    </div>
  );
}
