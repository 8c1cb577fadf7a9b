// A sale or refund receipt as printed on an 80 mm roll and shown on screen. Everything comes from
// the recorded sale (never from the cart), so a reprint from history is identical. Printed in the
// store's language and locale (TerminalInfo.locale) whatever the screens speak; only its label for
// screen readers follows the UI language.
import { Fragment } from 'preact';
import type { SaleDetail } from '../api/till-api.ts';
import { moneyFormat } from '../domain/format-money.ts';
import { bpToPercent } from '../domain/cart.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { storeLanguage } from './i18n/languages.ts';
import { translator } from './i18n/translator.ts';
import { useTill } from './till-context.ts';
import { formatDateTime } from './time-format.ts';

export function Receipt(props: { detail: SaleDetail; originalReceipt?: string }) {
  const { terminal } = useTill();
  const { t: uiT } = useI18n();
  const t = translator(storeLanguage(terminal.locale));
  const { sale, syncState, customerName, cashierName } = props.detail;
  const money = moneyFormat(sale.currency, terminal.locale);
  const isRefund = sale.refund_of !== null;
  const number = sale.receipt_number;
  return (
    <article
      class="receipt printable"
      lang={storeLanguage(terminal.locale)}
      aria-label={isRefund ? uiT('receipt.refundLabel', { number }) : uiT('receipt.receiptLabel', { number })}
    >
      <header class="receipt-head">
        <p class="receipt-store">{terminal.store_name}</p>
        <p>{terminal.terminal_name}</p>
        <p>
          {isRefund ? t('receipt.refund') : t('receipt.receipt')} <strong>{number}</strong>
        </p>
        {isRefund && props.originalReceipt !== undefined && <p>{t('receipt.refundOf', { receipt: props.originalReceipt })}</p>}
        <p>{formatDateTime(sale.created_at, terminal.locale)}</p>
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
          </tr>
        </thead>
        <tbody>
          {sale.lines.map((l) => (
            <tr key={l.uuid}>
              <td>
                {l.name}
                <br />
                <span class="receipt-detail">
                  {l.quantity} × {money.format(l.unit_price)}
                  {l.discount_bp > 0 && ` −${bpToPercent(l.discount_bp, money.decimalSeparator)} %`}
                </span>
              </td>
              <td class="num">{money.format(l.line_total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="receipt-totals">
        <dt>{t('receipt.subtotal')}</dt>
        <dd>{money.format(sale.subtotal)}</dd>
        {sale.discount_total !== 0 && (
          <>
            <dt>{t('receipt.discounts')}</dt>
            <dd>{money.format(-sale.discount_total)}</dd>
          </>
        )}
        <dt>{t('receipt.tax')}</dt>
        <dd>{money.format(sale.tax_total)}</dd>
        <dt class="receipt-total">{t('receipt.total')}</dt>
        <dd class="receipt-total">{money.format(sale.total)}</dd>
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
      {sale.note !== null && sale.note !== '' && <p class="receipt-note">{t('receipt.note', { note: sale.note })}</p>}
      <p class={`receipt-sync sync-${syncState}`}>{t(`receipt.sync.${syncState}`)}</p>
    </article>
  );
}
