// The period report of one store or all: headline figures, VAT per rate, payment methods, per till
// (with when its newest sale arrived, so a manager sees whether the day is complete), per cashier, top
// products, sales per hour (chart and table), and the CSV exports of each table.
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { PERIOD_SECTIONS, type PeriodReport } from '@ezo/contract/reports';
import type { ApiFailure } from '../../api/client.ts';
import { getPeriodReport, periodExportUrl, type PeriodFilter } from '../../api/reports.ts';
import { failureText } from '../../components/failure-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { HourChart } from './hour-chart.tsx';
import { instantText, money, rateText, today, useStoreLocale } from './report-format.ts';
import { DateField, ReportStoreSelect } from './report-store-select.tsx';

function Table({ caption, head, children, id }: { caption: string; head: string[]; children: ComponentChildren; id: string }) {
  return (
    <div class="bo-table-wrap">
      <table class="bo-table" data-report={id}>
        <caption>{caption}</caption>
        <thead>
          <tr>
            {head.map((h, i) => (
              <th key={h} scope="col" class={i === 0 ? undefined : 'num'}>
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

export function PeriodPanel({ firstStore }: { firstStore: string }) {
  const { t } = useI18n();
  const [filter, setFilter] = useState<PeriodFilter>({ storeId: firstStore, from: today(), to: today() });
  const [report, setReport] = useState<PeriodReport | null>(null);
  const [shown, setShown] = useState<PeriodFilter | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const locale = useStoreLocale(filter.storeId === '' ? firstStore : filter.storeId);

  const show = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    const result = await getPeriodReport(filter);
    setBusy(false);
    if (result.ok) {
      setReport(result.value);
      setShown(filter);
      setFailure(null);
    } else setFailure(result.failure);
  };

  const m = (minor: number) => money(minor, report?.currency ?? 'EUR', locale);
  const s = report?.summary;
  return (
    <div>
      <form class="bo-filters" onSubmit={(e) => void show(e)}>
        <ReportStoreSelect value={filter.storeId} onValue={(storeId) => setFilter({ ...filter, storeId })} withAll />
        <DateField label={t('reports.from')} value={filter.from} onValue={(from) => setFilter({ ...filter, from })} />
        <DateField label={t('reports.to')} value={filter.to} onValue={(to) => setFilter({ ...filter, to })} />
        <button type="submit" disabled={busy}>
          {t('reports.show')}
        </button>
      </form>
      {failure !== null && (
        <p class="bo-error" role="alert">
          {failureText(t, failure)}
        </p>
      )}
      {report !== null && s !== undefined && shown !== null && (
        <div class="bo-report" aria-busy={busy}>
          <h2>{t('reports.summary')}</h2>
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
          <Table id="vat" caption={t('reports.vatCaption')} head={[t('reports.rate'), t('reports.net'), t('reports.vat'), t('reports.gross')]}>
            {report.vat.map((v) => (
              <tr key={v.tax_rate_bp}>
                <th scope="row">{rateText(v.tax_rate_bp, locale)}</th>
                <td class="num">{m(v.net)}</td>
                <td class="num">{m(v.vat)}</td>
                <td class="num">{m(v.gross)}</td>
              </tr>
            ))}
          </Table>
          <Table id="payments" caption={t('reports.paymentsCaption')} head={[t('reports.method'), t('reports.payments'), t('reports.amount')]}>
            {report.payments.map((p) => (
              <tr key={p.method}>
                <th scope="row">{t(`reports.methods.${p.method}`)}</th>
                <td class="num">{p.payments}</td>
                <td class="num">{m(p.amount)}</td>
              </tr>
            ))}
          </Table>
          <Table id="terminals" caption={t('reports.terminalsCaption')} head={[t('reports.terminal'), t('reports.salesCount'), t('reports.netSales'), t('reports.lastReceived')]}>
            {report.terminals.map((x) => (
              <tr key={x.terminal_id}>
                <th scope="row">{x.terminal_name}</th>
                <td class="num">{x.sales_count}</td>
                <td class="num">{m(x.net_sales)}</td>
                <td class="num">{x.last_received_at === null ? t('reports.never') : instantText(x.last_received_at, locale)}</td>
              </tr>
            ))}
          </Table>
          <Table id="cashiers" caption={t('reports.cashiersCaption')} head={[t('reports.cashier'), t('reports.salesCount'), t('reports.refundsCount'), t('reports.netSales')]}>
            {report.cashiers.map((c) => (
              <tr key={c.staff_id ?? '-'}>
                <th scope="row">{c.staff_name ?? t('reports.noCashier')}</th>
                <td class="num">{c.sales_count}</td>
                <td class="num">{c.refunds_count}</td>
                <td class="num">{m(c.net_sales)}</td>
              </tr>
            ))}
          </Table>
          <Table id="products" caption={t('reports.productsCaption')} head={[t('reports.product'), t('reports.quantity'), t('reports.netSales')]}>
            {report.products.map((p) => (
              <tr key={p.product_uuid}>
                <th scope="row">{p.name}</th>
                <td class="num">{p.quantity}</td>
                <td class="num">{m(p.net_sales)}</td>
              </tr>
            ))}
          </Table>
          <h2>{t('reports.hoursCaption')}</h2>
          <HourChart hours={report.hours} title={t('reports.chartTitle')} />
          <Table id="hours" caption={t('reports.hoursCaption')} head={[t('reports.hour'), t('reports.salesCount'), t('reports.netSales')]}>
            {report.hours
              .filter((h) => h.sales_count > 0 || h.net_sales !== 0)
              .map((h) => (
                <tr key={h.hour}>
                  <th scope="row">{`${String(h.hour).padStart(2, '0')}:00`}</th>
                  <td class="num">{h.sales_count}</td>
                  <td class="num">{m(h.net_sales)}</td>
                </tr>
              ))}
          </Table>
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
