// The period report of one store or all: the filters with quick periods, the headline figures, the
// tables and charts (period-tables.tsx) and the CSV exports of each table. It opens on today's report
// at once; a quick period or another store loads at once too, typed dates on "Show". Only the newest
// request's answer is shown (an earlier one still under way is aborted).
import { useEffect, useRef, useState } from 'preact/hooks';
import { PERIOD_SECTIONS, type PeriodReport } from '@ezo/contract/reports';
import type { ApiFailure } from '../../api/client.ts';
import { getPeriodReport, periodExportUrl, type PeriodFilter } from '../../api/reports.ts';
import { failureText } from '../../components/failure-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { matchingPreset, PERIOD_PRESETS, presetRange, type PeriodPreset } from './period-presets.ts';
import { dayText, PeriodTables } from './period-tables.tsx';
import { money, today, useStoreLocale } from './report-format.ts';
import { DateField, ReportStoreSelect } from './report-store-select.tsx';

export function PeriodPanel({ firstStore }: { firstStore: string }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<PeriodFilter>({ storeId: firstStore, from: today(), to: today() });
  const [report, setReport] = useState<PeriodReport | null>(null);
  const [shown, setShown] = useState<PeriodFilter | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const inFlight = useRef<AbortController | null>(null);
  const locale = useStoreLocale(filter.storeId === '' ? firstStore : filter.storeId);

  const load = async (wanted: PeriodFilter) => {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    setFilter(wanted);
    setBusy(true);
    const result = await getPeriodReport(wanted, controller.signal);
    if (controller.signal.aborted) return; // a newer request owns the screen
    inFlight.current = null;
    setBusy(false);
    if (result.ok) {
      setReport(result.value);
      setShown(wanted);
      setFailure(null);
    } else setFailure(result.failure);
  };

  useEffect(() => {
    void load(filter); // today's report as soon as the screen opens
    return () => inFlight.current?.abort();
  }, []);

  const pressed = matchingPreset(filter, today());
  const pick = (preset: PeriodPreset) => void load({ ...filter, ...presetRange(preset, today()) });
  const m = (minor: number) => money(minor, report?.currency ?? 'EUR', locale);
  const s = report?.summary;
  return (
    <div>
      <form
        class="bo-filters"
        onSubmit={(e) => {
          e.preventDefault();
          void load(filter);
        }}
      >
        <ReportStoreSelect value={filter.storeId} onValue={(storeId) => void load({ ...filter, storeId })} withAll />
        <DateField label={t('reports.from')} value={filter.from} onValue={(from) => setFilter({ ...filter, from })} />
        <DateField label={t('reports.to')} value={filter.to} onValue={(to) => setFilter({ ...filter, to })} />
        <button type="submit" disabled={busy}>
          {t('reports.show')}
        </button>
      </form>
      <div class="bo-presets" role="group" aria-label={t('reports.presetsLabel')}>
        {PERIOD_PRESETS.map((p) => (
          <button key={p} type="button" aria-pressed={pressed === p} onClick={() => pick(p)}>
            {t(`reports.presets.${p}`)}
          </button>
        ))}
      </div>
      {failure !== null && (
        <p class="bo-error" role="alert">
          {failureText(t, failure)}
        </p>
      )}
      {report !== null && s !== undefined && shown !== null && (
        <div class="bo-report" aria-busy={busy}>
          <h2>{t('reports.summary')}</h2>
          <p class="bo-period" data-period>
            {shown.from === shown.to ? dayText(shown.from, locale) : t('reports.periodRange', { from: dayText(shown.from, locale), to: dayText(shown.to, locale) })}
          </p>
          <dl class="bo-figures" data-report="summary">
            {(
              [
                ['grossSales', m(s.gross_sales)],
                ['discounts', m(s.discounts)],
                ['refunds', m(s.refunds)],
                ['netSales', m(s.net_sales)],
                ['salesCount', String(s.sales_count)],
                ['refundsCount', String(s.refunds_count)],
                ['averageBasket', m(s.average_basket)],
                ['itemsSold', String(s.items_sold)],
              ] as const
            ).map(([key, value]) => (
              <div key={key} data-figure={key}>
                <dt>{t(`reports.${key}`)}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <PeriodTables report={report} money={m} locale={locale} />
          <h2>{t('reports.exports')}</h2>
          <ul class="bo-exports">
            {PERIOD_SECTIONS.map((section) => (
              <li key={section}>
                <a href={periodExportUrl(shown, section, 'store')} download>
                  {t('reports.exportStore', { section: t(`reports.sections.${section}`) })}
                </a>
                {' · '}
                <a href={periodExportUrl(shown, section, 'neutral')} download>
                  {t('reports.exportNeutral', { section: t(`reports.sections.${section}`) })}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
