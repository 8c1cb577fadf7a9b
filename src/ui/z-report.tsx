// The end-of-shift Z report, on screen and on the 80 mm roll: Z number, period, first and last
// receipt, sales and refunds, discounts, VAT per rate, payment methods, cash in and out, the drawer
// (float, expected, counted, difference), the cashiers and the grand total since the first shift.
// In the store's language and locale, like receipts. A reprint from the history is marked COPY.
import { Fragment } from 'preact';
import type { ZReport } from '../api/till-api.ts';
import { bpToPercent } from '../domain/cart.ts';
import { moneyFormat } from '../domain/format-money.ts';
import { vatLetters } from '../domain/vat-breakdown.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { storeLanguage } from './i18n/languages.ts';
import { translator } from './i18n/translator.ts';
import { useTill } from './till-context.ts';
import { formatDateTime } from './time-format.ts';
import { storeHeaderOf, type StoreHeader } from './store-header.ts';

export function ZReportView(props: { report: ZReport; copy?: boolean; header?: StoreHeader }) {
  const { terminal, store } = useTill();
  const { t: uiT } = useI18n();
  const language = storeLanguage(terminal.locale);
  const t = translator(language);
  const z = props.report;
  const header = props.header ?? storeHeaderOf(terminal, store);
  const timeZone = store?.time_zone;
  const money = moneyFormat(z.currency, terminal.locale);
  const letters = vatLetters(z.vat.map((r) => r.tax_rate_bp));
  const percent = (bp: number) => `${bpToPercent(bp, money.decimalSeparator)} %`;
  const diffText = z.difference === 0 ? t('receipt.z.exact') : z.difference < 0 ? t('receipt.z.short') : t('receipt.z.over');
  const row = (label: string, value: string, figure?: string, strong = false) => (
    <>
      <dt class={strong ? 'receipt-total' : undefined}>{label}</dt>
      <dd class={strong ? 'receipt-total' : undefined} data-figure={figure}>
        {value}
      </dd>
    </>
  );
  return (
    <article class="z-report receipt printable" lang={language} aria-label={uiT('receipt.z.label')}>
      <header class="receipt-head">
        {props.copy === true && <p class="receipt-copy">{t('receipt.copy')}</p>}
        <p class="receipt-store">{header.legalName ?? header.name}</p>
        {header.addressLines?.map((a) => <p key={a}>{a}</p>)}
        {header.taxNumber !== undefined && <p>{t('receipt.taxNumber', { value: header.taxNumber })}</p>}
        <p>{t('receipt.z.title', { terminal: z.terminalName })}</p>
        <p>
          <strong data-figure="z-number">{t('receipt.z.number', { number: z.zNumber })}</strong>
        </p>
        <p>
          {formatDateTime(z.openedAt, terminal.locale, timeZone)} – {formatDateTime(z.closedAt, terminal.locale, timeZone)}
        </p>
        {z.openedBy !== null && <p>{t('receipt.z.openedBy', { name: z.openedBy })}</p>}
        {z.closedBy !== null && <p>{t('receipt.z.closedBy', { name: z.closedBy })}</p>}
        {z.closeApprovedBy !== null && <p>{t('receipt.z.closeApprovedBy', { name: z.closeApprovedBy })}</p>}
        {z.firstReceipt !== null && z.lastReceipt !== null && <p data-figure="receipts">{t('receipt.z.receipts', { first: z.firstReceipt, last: z.lastReceipt })}</p>}
        {z.cashiers.length > 0 && <p data-figure="cashiers">{t('receipt.z.cashiers', { names: z.cashiers.join(', ') })}</p>}
      </header>
      <dl class="receipt-totals">
        {row(t('receipt.z.salesCount', { count: z.salesCount }), money.format(z.salesTotal), 'sales')}
        {row(t('receipt.z.refundsCount', { count: z.refundsCount }), money.format(-z.refundsTotal), 'refunds')}
        {row(t('receipt.z.turnover'), money.format(z.turnover), 'turnover', true)}
        {row(t('receipt.z.discounts'), money.format(z.discounts), 'discounts')}
      </dl>
      <table class="receipt-vat">
        <caption>{t('receipt.z.vatTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('receipt.vatRate')}</th>
            <th scope="col" class="num">
              {t('receipt.net')}
            </th>
            <th scope="col" class="num">
              {t('receipt.vat')}
            </th>
            <th scope="col" class="num">
              {t('receipt.gross')}
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
        <caption>{t('receipt.z.byMethod')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('receipt.z.method')}</th>
            <th scope="col" class="num">
              {t('receipt.z.count')}
            </th>
            <th scope="col" class="num">
              {t('receipt.z.amount')}
            </th>
          </tr>
        </thead>
        <tbody>
          {z.byMethod.map((m) => (
            <tr key={m.method} data-method={m.method}>
              <td>{t(`common.method.${m.method}`)}</td>
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
              <dt>{t(m.kind === 'in' ? 'receipt.z.cashInReason' : 'receipt.z.cashOutReason', { reason: m.reason })}</dt>
              <dd>{money.format(m.kind === 'in' ? m.amount : -m.amount)}</dd>
            </Fragment>
          ))}
        </dl>
      )}
      <dl class="receipt-totals">
        {row(t('receipt.z.openingFloat'), money.format(z.openingFloat), 'float')}
        {row(t('receipt.z.cashIn'), money.format(z.cashIn), 'cash-in')}
        {row(t('receipt.z.cashOut'), money.format(-z.cashOut), 'cash-out')}
        {row(t('receipt.z.expectedCash'), money.format(z.expectedCash), 'expected')}
        {row(t('receipt.z.countedCash'), money.format(z.countedCash), 'counted')}
        {row(diffText, money.format(z.difference), 'difference', true)}
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
      <dl class="receipt-totals">{row(t('receipt.z.grandTotal'), money.format(z.grandTotal), 'grand-total', true)}</dl>
    </article>
  );
}
