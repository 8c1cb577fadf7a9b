// The Z report as the till prints it on the 80 mm roll, shared by the till (src/ui/z-report.tsx) and
// the back office's reprint (src/backoffice/screens/reports/z-report-reprint.tsx): Z number, period,
// first and last receipt, sales and refunds, discounts, VAT per rate, payment methods, cash in and out,
// the drawer (float, expected, counted, difference), the cashiers and the grand total since the first
// shift. Pure layout: each UI passes the figures, the store's header, locale, time zone and language.
// Imports only src/domain and src/print, so both UIs may import it (dependencies point inward).
import { Fragment } from 'preact';
import { bpToPercent } from '../domain/cart.ts';
import { moneyFormat } from '../domain/format-money.ts';
import { vatLetters } from '../domain/vat-breakdown.ts';
import type { ZFigures } from '../domain/z-figures.ts';
import { formatDateTime } from './date-time.ts';
import type { StoreHeader } from './store-header.ts';
import { zReportText } from './z-report-text.ts';
import type { PrintLanguage } from './z-report-texts.ts';

/** The figures and names a Z report prints. */
export interface ZReportDocument extends ZFigures {
  zNumber: number;
  terminalName: string;
  /** Staff names (null for a shift opened before staff signed in at the till). */
  openedBy: string | null;
  closedBy: string | null;
  closeApprovedBy: string | null;
  openedAt: string;
  closedAt: string;
  currency: string;
  moves: readonly { uuid: string; kind: 'in' | 'out'; amount: number; reason: string }[];
  denominations: readonly { value: number; count: number }[] | null;
  cashiers: readonly string[];
  noSaleOpenings: number;
}

export interface ZReportLayoutProps {
  report: ZReportDocument;
  header: StoreHeader;
  /** The store's locale (money and dates) and the language it prints in. */
  locale: string;
  language: PrintLanguage;
  /** The store's time zone; absent: the device's. */
  timeZone?: string | undefined;
  /** A reprint: marked COPY. */
  copy?: boolean;
  /** The article's accessible name, in the screen's language. */
  label: string;
}

export function ZReportLayout(props: ZReportLayoutProps) {
  const t = zReportText(props.language);
  const z = props.report;
  const { header, locale, timeZone } = props;
  const money = moneyFormat(z.currency, locale);
  const letters = vatLetters(z.vat.map((r) => r.tax_rate_bp));
  const percent = (bp: number) => `${bpToPercent(bp, money.decimalSeparator)} %`;
  const diffText = z.difference === 0 ? t('exact') : z.difference < 0 ? t('short') : t('over');
  const row = (label: string, value: string, figure?: string, strong = false) => (
    <>
      <dt class={strong ? 'receipt-total' : undefined}>{label}</dt>
      <dd class={strong ? 'receipt-total' : undefined} data-figure={figure}>
        {value}
      </dd>
    </>
  );
  return (
    <article class="z-report receipt printable" lang={props.language} aria-label={props.label}>
      <header class="receipt-head">
        {props.copy === true && <p class="receipt-copy">{t('copy')}</p>}
        <p class="receipt-store">{header.legalName ?? header.name}</p>
        {header.addressLines?.map((a) => <p key={a}>{a}</p>)}
        {header.taxNumber !== undefined && <p>{t('taxNumber', { value: header.taxNumber })}</p>}
        <p>{t('title', { terminal: z.terminalName })}</p>
        <p>
          <strong data-figure="z-number">{t('number', { number: z.zNumber })}</strong>
        </p>
        <p>
          {formatDateTime(z.openedAt, locale, timeZone)} – {formatDateTime(z.closedAt, locale, timeZone)}
        </p>
        {z.openedBy !== null && <p>{t('openedBy', { name: z.openedBy })}</p>}
        {z.closedBy !== null && <p>{t('closedBy', { name: z.closedBy })}</p>}
        {z.closeApprovedBy !== null && <p>{t('closeApprovedBy', { name: z.closeApprovedBy })}</p>}
        {z.firstReceipt !== null && z.lastReceipt !== null && <p data-figure="receipts">{t('receipts', { first: z.firstReceipt, last: z.lastReceipt })}</p>}
        {z.cashiers.length > 0 && <p data-figure="cashiers">{t('cashiers', { names: z.cashiers.join(', ') })}</p>}
      </header>
      <dl class="receipt-totals">
        {row(t('salesCount', { count: z.salesCount }), money.format(z.salesTotal), 'sales')}
        {row(t('refundsCount', { count: z.refundsCount }), money.format(-z.refundsTotal), 'refunds')}
        {row(t('turnover'), money.format(z.turnover), 'turnover', true)}
        {row(t('discounts'), money.format(z.discounts), 'discounts')}
      </dl>
      <table class="receipt-vat">
        <caption>{t('vatTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('vatRate')}</th>
            <th scope="col" class="num">
              {t('net')}
            </th>
            <th scope="col" class="num">
              {t('vat')}
            </th>
            <th scope="col" class="num">
              {t('gross')}
            </th>
          </tr>
        </thead>
        <tbody>
          {z.vat.map((r) => (
            <tr key={r.tax_rate_bp} data-rate={r.tax_rate_bp}>
              <th scope="row">
                {letters.get(r.tax_rate_bp)} {percent(r.tax_rate_bp)}
              </th>
              <td class="num">{money.format(r.net)}</td>
              <td class="num">{money.format(r.vat)}</td>
              <td class="num">{money.format(r.gross)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table class="receipt-lines">
        <caption>{t('byMethod')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('method')}</th>
            <th scope="col" class="num">
              {t('count')}
            </th>
            <th scope="col" class="num">
              {t('amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {z.byMethod.map((m) => (
            <tr key={m.method} data-method={m.method}>
              <td>{t(`method_${m.method}`)}</td>
              <td class="num">{m.count}</td>
              <td class="num">{money.format(m.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {z.moves.length > 0 && (
        <dl class="receipt-totals">
          {z.moves.map((m) => (
            <Fragment key={m.uuid}>
              <dt>{t(m.kind === 'in' ? 'cashInReason' : 'cashOutReason', { reason: m.reason })}</dt>
              <dd>{money.format(m.kind === 'in' ? m.amount : -m.amount)}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      <dl class="receipt-totals">
        {row(t('openingFloat'), money.format(z.openingFloat), 'float')}
        {row(t('cashIn'), money.format(z.cashIn), 'cash-in')}
        {row(t('cashOut'), money.format(-z.cashOut), 'cash-out')}
        {row(t('expectedCash'), money.format(z.expectedCash), 'expected')}
        {row(t('countedCash'), money.format(z.countedCash), 'counted')}
        {row(diffText, money.format(z.difference), 'difference', true)}
        {row(t('noSaleOpenings'), String(z.noSaleOpenings), 'no-sale-openings')}
      </dl>
      {z.denominations !== null && z.denominations.length > 0 && (
        <dl class="receipt-totals">
          {z.denominations.map((d) => (
            <Fragment key={d.value}>
              <dt>
                {d.count} × {money.format(d.value)}
              </dt>
              <dd>{money.format(d.value * d.count)}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      <dl class="receipt-totals">{row(t('grandTotal'), money.format(z.grandTotal), 'grand-total', true)}</dl>
    </article>
  );
}
