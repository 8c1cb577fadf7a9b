// The tables and charts of one period report: VAT per rate, payment methods (with the mix as a chart),
// per till (with when its newest sale arrived, so a manager sees whether the day is complete), per
// cashier, top products and categories, sales per hour and, for a period of several days, per day. A
// period without sales says so and shows only the tills.
import type { ComponentChildren } from 'preact';
import type { PeriodReport } from '@ezo/contract/reports';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { BarChart, tickEvery } from './bar-chart.tsx';
import { PaymentMixChart } from './payment-mix-chart.tsx';
import { instantText, rateText } from './report-format.ts';

/** Hour labels under the hour chart: 0, 3, 6 … */
const HOUR_TICK_EVERY = 3;
/** At most this many day labels under the day chart. */
const MAX_DAY_TICKS = 12;

/** `headed`: a heading with the same words stands above (with its chart), so the caption is for screen readers only. */
function Table({ caption, head, children, id, headed = false }: { caption: string; head: string[]; children: ComponentChildren; id: string; headed?: boolean }) {
  return (
    <div class="bo-table-wrap">
      <table class="bo-table" data-report={id}>
        <caption class={headed ? 'bo-visually-hidden' : undefined}>{caption}</caption>
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

export function PeriodTables({ report, money: m, locale }: { report: PeriodReport; money: (minor: number) => string; locale: string }) {
  const { t } = useI18n();
  const dayTick = tickEvery(report.days.length, MAX_DAY_TICKS);
  const terminals = (
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
  );
  // A period without sales: say so, and show only the tills with when their newest sale arrived (is a till behind?).
  if (report.summary.sales_count === 0 && report.summary.refunds_count === 0) {
    return (
      <>
        <p class="bo-empty" data-empty-period>
          {t('reports.noSales')}
        </p>
        {terminals}
      </>
    );
  }
  return (
    <>
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
      <h2>{t('reports.paymentsCaption')}</h2>
      {report.payments.length > 0 && (
        <PaymentMixChart payments={report.payments} title={t('reports.paymentMixTitle')} methodName={(method) => t(`reports.methods.${method}`)} money={m} locale={locale} />
      )}
      <Table id="payments" headed caption={t('reports.paymentsCaption')} head={[t('reports.method'), t('reports.payments'), t('reports.amount')]}>
        {report.payments.map((p) => (
          <tr key={p.method}>
            <th scope="row">{t(`reports.methods.${p.method}`)}</th>
            <td class="num">{p.payments}</td>
            <td class="num">{m(p.amount)}</td>
          </tr>
        ))}
      </Table>
      {terminals}
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
      <Table id="categories" caption={t('reports.categoriesCaption')} head={[t('reports.category'), t('reports.quantity'), t('reports.netSales')]}>
        {report.categories.map((c) => (
          <tr key={c.category_uuid ?? '-'}>
            <th scope="row">{c.name ?? t('reports.noCategory')}</th>
            <td class="num">{c.quantity}</td>
            <td class="num">{m(c.net_sales)}</td>
          </tr>
        ))}
      </Table>
      <h2>{t('reports.hoursCaption')}</h2>
      <BarChart
        title={t('reports.chartTitle')}
        bars={report.hours.map((h) => ({ key: String(h.hour), value: h.net_sales, tick: h.hour % HOUR_TICK_EVERY === 0 ? String(h.hour) : null }))}
      />
      <Table id="hours" headed caption={t('reports.hoursCaption')} head={[t('reports.hour'), t('reports.salesCount'), t('reports.netSales')]}>
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
      {report.days.length > 1 && (
        <>
          <h2>{t('reports.daysCaption')}</h2>
          <BarChart
            title={t('reports.dayChartTitle')}
            bars={report.days.map((d, i) => ({ key: d.day, value: d.net_sales, tick: i % dayTick === 0 ? String(Number(d.day.slice(8, 10))) : null }))}
          />
          <Table id="days" headed caption={t('reports.daysCaption')} head={[t('reports.day'), t('reports.salesCount'), t('reports.refundsCount'), t('reports.netSales')]}>
            {report.days.map((d) => (
              <tr key={d.day}>
                <th scope="row">{dayText(d.day, locale)}</th>
                <td class="num">{d.sales_count}</td>
                <td class="num">{d.refunds_count}</td>
                <td class="num">{m(d.net_sales)}</td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </>
  );
}

/** "2026-12-03" -> "Thu, 3 Dec 2026" / "Do., 3. Dez. 2026": a calendar day, no time zone involved. */
export function dayText(day: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`));
}
