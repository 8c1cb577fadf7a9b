// The end-of-shift Z report, on screen and on the 80 mm roll: counts, totals per payment method,
// and the cash expected against the cash counted.
import type { ZReport } from '../api/till-api.ts';
import { moneyFormat } from '../domain/format-money.ts';
import { useTill } from './till-context.ts';
import { formatDateTime } from './time-format.ts';

export function ZReportView(props: { report: ZReport }) {
  const { terminal } = useTill();
  const z = props.report;
  const money = moneyFormat(z.currency, terminal.locale);
  const diffText = z.difference === 0 ? 'Exact' : z.difference < 0 ? 'Short' : 'Over';
  return (
    <article class="z-report receipt printable" aria-label="Z report">
      <header class="receipt-head">
        <p class="receipt-store">{terminal.store_name}</p>
        <p>
          Z report · {z.terminalName}
        </p>
        <p>
          {formatDateTime(z.openedAt, terminal.locale)} – {formatDateTime(z.closedAt, terminal.locale)}
        </p>
      </header>
      <dl class="receipt-totals">
        <dt>Sales</dt>
        <dd>{z.salesCount}</dd>
        <dt>Refunds</dt>
        <dd>{z.refundsCount}</dd>
        <dt>Gross sales</dt>
        <dd>{money.format(z.grossSales)}</dd>
        <dt>Refunds total</dt>
        <dd>{money.format(z.refundsTotal)}</dd>
        <dt>Tax</dt>
        <dd>{money.format(z.taxTotal)}</dd>
        <dt class="receipt-total">Net</dt>
        <dd class="receipt-total">{money.format(z.netTotal)}</dd>
      </dl>
      <table class="receipt-lines">
        <caption>By payment method</caption>
        <thead>
          <tr>
            <th scope="col">Method</th>
            <th scope="col" class="num">
              Count
            </th>
            <th scope="col" class="num">
              Amount
            </th>
          </tr>
        </thead>
        <tbody>
          {z.byMethod.map((m) => (
            <tr key={m.method}>
              <td>{m.method === 'cash' ? 'Cash' : 'Card'}</td>
              <td class="num">{m.count}</td>
              <td class="num">{money.format(m.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="receipt-totals">
        <dt>Opening float</dt>
        <dd>{money.format(z.openingFloat)}</dd>
        <dt>Expected cash</dt>
        <dd data-testid="z-expected">{money.format(z.expectedCash)}</dd>
        <dt>Counted cash</dt>
        <dd data-testid="z-counted">{money.format(z.countedCash)}</dd>
        <dt class="receipt-total">{diffText}</dt>
        <dd class={`receipt-total ${z.difference < 0 ? 'negative' : ''}`}>{money.format(z.difference)}</dd>
      </dl>
    </article>
  );
}
