// A sale or refund receipt as printed on an 80 mm roll and shown on screen. Everything comes from
// the recorded sale (never from the cart), so a reprint from history is identical.
import { Fragment } from 'preact';
import type { SaleDetail } from '../api/till-api.ts';
import { moneyFormat } from '../domain/format-money.ts';
import { bpToPercent } from '../domain/cart.ts';
import { useTill } from './till-context.ts';
import { formatDateTime } from './time-format.ts';

const SYNC_TEXT = {
  pending: 'Saved on this till; waiting to sync',
  synced: 'Synced with the server',
  failed: 'Saved on this till; the server refused it (see sync status)',
} as const;

export function Receipt(props: { detail: SaleDetail; originalReceipt?: string }) {
  const { terminal } = useTill();
  const { sale, syncState, customerName } = props.detail;
  const money = moneyFormat(sale.currency, terminal.locale);
  const isRefund = sale.refund_of !== null;
  return (
    <article class="receipt printable" aria-label={`${isRefund ? 'Refund' : 'Receipt'} ${sale.receipt_number}`}>
      <header class="receipt-head">
        <p class="receipt-store">{terminal.store_name}</p>
        <p>{terminal.terminal_name}</p>
        <p>
          {isRefund ? 'REFUND' : 'Receipt'} <strong>{sale.receipt_number}</strong>
        </p>
        {isRefund && props.originalReceipt !== undefined && <p>Refund of {props.originalReceipt}</p>}
        <p>{formatDateTime(sale.created_at, terminal.locale)}</p>
        {customerName !== null && <p>Customer: {customerName}</p>}
      </header>
      <table class="receipt-lines">
        <thead>
          <tr>
            <th scope="col">Item</th>
            <th scope="col" class="num">
              Amount
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
                  {l.discount_bp > 0 && ` −${bpToPercent(l.discount_bp)} %`}
                </span>
              </td>
              <td class="num">{money.format(l.line_total)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="receipt-totals">
        <dt>Subtotal</dt>
        <dd>{money.format(sale.subtotal)}</dd>
        {sale.discount_total !== 0 && (
          <>
            <dt>Discounts</dt>
            <dd>{money.format(-sale.discount_total)}</dd>
          </>
        )}
        <dt>Tax</dt>
        <dd>{money.format(sale.tax_total)}</dd>
        <dt class="receipt-total">Total</dt>
        <dd class="receipt-total">{money.format(sale.total)}</dd>
        {sale.payments.map((p) => (
          <Fragment key={p.uuid}>
            <dt>{p.method === 'cash' ? 'Cash' : 'Card'}</dt>
            <dd>{money.format(p.tendered ?? p.amount)}</dd>
            {p.change !== null && p.change !== 0 && (
              <>
                <dt>Change</dt>
                <dd>{money.format(p.change)}</dd>
              </>
            )}
          </Fragment>
        ))}
      </dl>
      {sale.note !== null && sale.note !== '' && <p class="receipt-note">Note: {sale.note}</p>}
      <p class={`receipt-sync sync-${syncState}`}>{SYNC_TEXT[syncState]}</p>
    </article>
  );
}
