// One sale or refund as its till printed it (the hub lays it out with the till's own code): header,
// lines with their VAT letters, discounts, subtotal, VAT per rate, total, payments; for a sale its
// refunds, for a refund its original, each a link to that receipt.
import { useEffect, useState } from 'preact/hooks';
import type { Receipt } from '@ezo/contract/reports';
import type { ApiFailure } from '../../api/client.ts';
import { getReceipt } from '../../api/reports.ts';
import { failureText } from '../../components/failure-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { localText, money, rateText } from './report-format.ts';
import { REPORTS_URL } from './reports-paths.ts';

export function ReceiptView({ uuid }: { uuid: string }) {
  const { t } = useI18n();
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  useEffect(() => {
    const abort = new AbortController();
    setReceipt(null);
    void getReceipt(uuid, abort.signal).then((r) => {
      if (abort.signal.aborted) return;
      if (r.ok) setReceipt(r.value);
      else setFailure(r.failure);
    });
    return () => abort.abort();
  }, [uuid]);

  const back = <a href={`${REPORTS_URL}/journal`}>{t('reports.back')}</a>;
  if (failure !== null) {
    return (
      <div>
        {back}
        <p class="bo-error" role="alert">
          {failureText(t, failure)}
        </p>
      </div>
    );
  }
  if (receipt === null) return <p class="bo-loading">{t('shell.loading')}</p>;
  const { sale, printed, store } = receipt;
  const m = (minor: number) => money(minor, store.currency, store.locale);
  const printedLine = new Map(printed.lines.map((l) => [l.uuid, l]));
  const number = sale.receipt_number;
  return (
    <div>
      {back}
      <article class="bo-receipt" aria-labelledby="bo-receipt-title">
        <h2 id="bo-receipt-title">{receipt.kind === 'refund' ? t('reports.refundTitle', { number }) : t('reports.receiptTitle', { number })}</h2>
        <p>
          {store.name} · {receipt.terminal_name} · {localText(receipt.local_time)}
          {receipt.staff_name === null ? '' : ` · ${receipt.staff_name}`}
          {receipt.customer_name === null ? '' : ` · ${receipt.customer_name}`}
        </p>
        <div class="bo-table-wrap">
          <table class="bo-table">
            <caption>{t('reports.receiptTitle', { number })}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.product')}</th>
                <th scope="col" class="num">
                  {t('reports.quantity')}
                </th>
                <th scope="col" class="num">
                  {t('reports.amount')}
                </th>
                <th scope="col" class="num">
                  {t('reports.discounts')}
                </th>
                <th scope="col">{t('reports.vat')}</th>
              </tr>
            </thead>
            <tbody>
              {sale.lines.map((l) => {
                const p = printedLine.get(l.uuid);
                return (
                  <tr key={l.uuid}>
                    <th scope="row">{l.name}</th>
                    <td class="num">{l.quantity}</td>
                    <td class="num">{p === undefined ? '' : m(p.amount)}</td>
                    <td class="num">{p === undefined || p.discount === 0 ? '' : m(-p.discount)}</td>
                    <td>{p?.letter ?? ''}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
        <dl class="bo-figures" data-receipt="totals">
          <div>
            <dt>{t('reports.linesSum')}</dt>
            <dd>{m(printed.lines_sum)}</dd>
          </div>
          <div>
            <dt>{t('reports.discounts')}</dt>
            <dd>{m(-printed.discounts)}</dd>
          </div>
          <div>
            <dt>{t('reports.subtotal')}</dt>
            <dd>{m(printed.subtotal)}</dd>
          </div>
          <div data-figure="total">
            <dt>{t('reports.total')}</dt>
            <dd>{m(printed.total)}</dd>
          </div>
        </dl>
        <div class="bo-table-wrap">
          <table class="bo-table">
            <caption>{t('reports.vatCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('reports.rate')}</th>
                <th scope="col" class="num">
                  {t('reports.net')}
                </th>
                <th scope="col" class="num">
                  {t('reports.vat')}
                </th>
                <th scope="col" class="num">
                  {t('reports.gross')}
                </th>
              </tr>
            </thead>
            <tbody>
              {printed.vat.map((v) => (
                <tr key={v.tax_rate_bp}>
                  <th scope="row">{`${v.letter} ${rateText(v.tax_rate_bp, store.locale)}`}</th>
                  <td class="num">{m(v.net)}</td>
                  <td class="num">{m(v.vat)}</td>
                  <td class="num">{m(v.gross)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <ul class="bo-payments">
          {sale.payments.map((p, i) => (
            <li key={i}>
              {t(`reports.methods.${p.method}`)}: {m(p.amount)}
            </li>
          ))}
        </ul>
      </article>
      {receipt.original !== null && (
        <p>
          {t('reports.refundOf')} <a href={`${REPORTS_URL}/journal/${receipt.original.uuid}`}>{receipt.original.receipt_number}</a> ({localText(receipt.original.local_time)}, {m(receipt.original.total)})
        </p>
      )}
      {receipt.kind === 'sale' && (
        <section aria-labelledby="bo-refunds-title">
          <h3 id="bo-refunds-title">{t('reports.linkedRefunds')}</h3>
          {receipt.refunds.length === 0 ? (
            <p>{t('reports.noRefunds')}</p>
          ) : (
            <ul>
              {receipt.refunds.map((r) => (
                <li key={r.uuid}>
                  <a href={`${REPORTS_URL}/journal/${r.uuid}`}>{r.receipt_number}</a> ({localText(r.local_time)}, {m(r.total)})
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
