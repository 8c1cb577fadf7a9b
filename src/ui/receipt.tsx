// A sale or refund receipt as printed on an 80 mm roll and shown on screen. Everything comes from
// the recorded sale (never from the cart), so a reprint from history is identical but for the COPY
// mark. Printed in the store's language, locale and time zone whatever the screens speak, with the
// store's header and footer (store-header.ts);
// only its label for screen readers follows the UI language. The figures come from
// src/domain/receipt-layout.ts, so they add up; the customer's receipt never shows sync state.
import { Fragment } from 'preact';
import type { SaleDetail } from '../api/till-api.ts';
import { moneyFormat } from '../domain/format-money.ts';
import { bpToPercent } from '../domain/cart.ts';
import { receiptFigures } from '../domain/receipt-layout.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { storeLanguage } from './i18n/languages.ts';
import { translator } from './i18n/translator.ts';
import { useTill } from './till-context.ts';
import { formatDateTime } from '../print/date-time.ts';
import { storeHeaderOf, type StoreHeader } from '../print/store-header.ts';

export interface ReceiptProps {
  detail: SaleDetail;
  originalReceipt?: string;
  /** A reprint: marked as a copy. */
  copy?: boolean;
  /** The store's header; defaults to what the pairing knows (the store's name). */
  header?: StoreHeader;
}

export function Receipt(props: ReceiptProps) {
  const { terminal, store } = useTill();
  const { t: uiT } = useI18n();
  const t = translator(storeLanguage(terminal.locale));
  const { sale, customerName, cashierName, storeTaxRates } = props.detail;
  const money = moneyFormat(sale.currency, terminal.locale);
  const header = props.header ?? storeHeaderOf(terminal, store);
  const timeZone = store?.time_zone;
  const isRefund = sale.refund_of !== null;
  const number = sale.receipt_number;
  const f = receiptFigures(sale.lines, storeTaxRates);
  const percent = (bp: number) => `${bpToPercent(bp, money.decimalSeparator)} %`;
  const gross = f.presentation === 'gross';
  return (
    <article
      class="receipt printable"
      lang={storeLanguage(terminal.locale)}
      aria-label={isRefund ? uiT('receipt.refundLabel', { number }) : uiT('receipt.receiptLabel', { number })}
    >
      <header class="receipt-head">
        {props.copy === true && <p class="receipt-copy">{t('receipt.copy')}</p>}
        <p class="receipt-store">{header.legalName ?? header.name}</p>
        {header.legalName !== undefined && header.legalName !== header.name && <p>{header.name}</p>}
        {header.addressLines?.map((a) => <p key={a}>{a}</p>)}
        {header.taxNumber !== undefined && <p>{t('receipt.taxNumber', { value: header.taxNumber })}</p>}
        {header.vatId !== undefined && <p>{t('receipt.vatId', { value: header.vatId })}</p>}
        {header.text !== undefined && <p class="receipt-header-text">{header.text}</p>}
        <p>{t('receipt.terminal', { name: terminal.terminal_name })}</p>
        <p>
          {isRefund ? t('receipt.refund') : t('receipt.receipt')} <strong>{number}</strong>
        </p>
        {isRefund && props.originalReceipt !== undefined && <p>{t('receipt.refundOf', { receipt: props.originalReceipt })}</p>}
        <p>{formatDateTime(sale.created_at, terminal.locale, timeZone)}</p>
        {customerName !== null && <p>{t('receipt.customer', { name: customerName })}</p>}
        {cashierName !== null && <p class="receipt-cashier">{t('receipt.cashier', { name: cashierName })}</p>}
      </header>
      <table class="receipt-lines">
        <thead>
          <tr>
            <th scope="col">{t('receipt.item')}</th>
            <th scope="col" class="num">
              {t('receipt.amount')}
            </th>
            <th scope="col" class="vat-letter">
              <abbr title={t('receipt.vat')}>{t('receipt.vatRate')}</abbr>
            </th>
          </tr>
        </thead>
        <tbody>
          {sale.lines.map((l, i) => {
            const fl = f.lines[i];
            return (
              <tr key={l.uuid}>
                <td>
                  {l.name}
                  <br />
                  <span class="receipt-detail">
                    {l.quantity} × {money.format(l.unit_price)}
                    {l.discount_bp > 0 && ` −${percent(l.discount_bp)}`}
                  </span>
                </td>
                <td class="num">{money.format(fl?.amount ?? 0)}</td>
                <td class="vat-letter">{fl?.letter}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <dl class="receipt-totals">
        {f.discounts !== 0 && (
          <>
            <dt>{t('receipt.discounts')}</dt>
            <dd data-figure="discounts">{money.format(-f.discounts)}</dd>
          </>
        )}
        {!gross && (
          <>
            <dt>{t('receipt.subtotal')}</dt>
            <dd data-figure="subtotal">{money.format(f.subtotal)}</dd>
            {f.vat.map((r) => (
              <Fragment key={r.tax_rate_bp}>
                <dt>
                  {t('receipt.plusVat')} {r.letter} {percent(r.tax_rate_bp)}
                </dt>
                <dd>{money.format(r.vat)}</dd>
              </Fragment>
            ))}
          </>
        )}
        <dt class="receipt-total">{t('receipt.total')}</dt>
        <dd class="receipt-total" data-figure="total">
          {money.format(f.total)}
        </dd>
        {sale.payments.map((p) => (
          <Fragment key={p.uuid}>
            <dt>{t(`common.method.${p.method}`)}</dt>
            <dd>{money.format(p.tendered ?? p.amount)}</dd>
            {p.change !== null && p.change !== 0 && (
              <>
                <dt>{t('receipt.change')}</dt>
                <dd>{money.format(p.change)}</dd>
              </>
            )}
          </Fragment>
        ))}
      </dl>
      <table class="receipt-vat">
        <caption>{gross ? t('receipt.inclVat') : t('receipt.vat')}</caption>
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
          {f.vat.map((r) => (
            <tr key={r.tax_rate_bp} data-rate={r.tax_rate_bp}>
              <th scope="row">
                {r.letter} {percent(r.tax_rate_bp)}
              </th>
              <td class="num">{money.format(r.net)}</td>
              <td class="num">{money.format(r.vat)}</td>
              <td class="num">{money.format(r.gross)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {sale.note !== null && sale.note !== '' && <p class="receipt-note">{t('receipt.note', { note: sale.note })}</p>}
      <p class="receipt-footer">{header.footer ?? t('receipt.thanks')}</p>
    </article>
  );
}
