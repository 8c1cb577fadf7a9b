// The end-of-shift Z report, on screen and on the 80 mm roll: counts, totals per payment method,
// and the cash expected against the cash counted. In the store's language and locale, like receipts.
import type { ZReport } from '../api/till-api.ts';
import { moneyFormat } from '../domain/format-money.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { storeLanguage } from './i18n/languages.ts';
import { translator } from './i18n/translator.ts';
import { useTill } from './till-context.ts';
import { formatDateTime } from './time-format.ts';

export function ZReportView(props: { report: ZReport }) {
  const { terminal } = useTill();
  const { t: uiT } = useI18n();
  const language = storeLanguage(terminal.locale);
  const t = translator(language);
  const z = props.report;
  const money = moneyFormat(z.currency, terminal.locale);
  const diffText = z.difference === 0 ? t('receipt.z.exact') : z.difference < 0 ? t('receipt.z.short') : t('receipt.z.over');
  return (
    <article class="z-report receipt printable" lang={language} aria-label={uiT('receipt.z.label')}>
      <header class="receipt-head">
        <p class="receipt-store">{terminal.store_name}</p>
        <p>
          {t('receipt.z.title', { terminal: z.terminalName })}
        </p>
        <p>
          {formatDateTime(z.openedAt, terminal.locale)} – {formatDateTime(z.closedAt, terminal.locale)}
        </p>
        {z.openedBy !== null && <p>{t('receipt.z.openedBy', { name: z.openedBy })}</p>}
        {z.closedBy !== null && <p>{t('receipt.z.closedBy', { name: z.closedBy })}</p>}
        {z.closeApprovedBy !== null && <p>{t('receipt.z.closeApprovedBy', { name: z.closeApprovedBy })}</p>}
      </header>
      <dl class="receipt-totals">
        <dt>{t('receipt.z.sales')}</dt>
        <dd>{z.salesCount}</dd>
        <dt>{t('receipt.z.refunds')}</dt>
        <dd>{z.refundsCount}</dd>
        <dt>{t('receipt.z.grossSales')}</dt>
        <dd>{money.format(z.grossSales)}</dd>
        <dt>{t('receipt.z.refundsTotal')}</dt>
        <dd>{money.format(z.refundsTotal)}</dd>
        <dt>{t('receipt.z.tax')}</dt>
        <dd>{money.format(z.taxTotal)}</dd>
        <dt class="receipt-total">{t('receipt.z.net')}</dt>
        <dd class="receipt-total">{money.format(z.netTotal)}</dd>
      </dl>
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
            <tr key={m.method}>
              <td>{t(`common.method.${m.method}`)}</td>
              <td class="num">{m.count}</td>
              <td class="num">{money.format(m.amount)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <dl class="receipt-totals">
        <dt>{t('receipt.z.openingFloat')}</dt>
        <dd>{money.format(z.openingFloat)}</dd>
        <dt>{t('receipt.z.expectedCash')}</dt>
        <dd data-testid="z-expected">{money.format(z.expectedCash)}</dd>
        <dt>{t('receipt.z.countedCash')}</dt>
        <dd data-testid="z-counted">{money.format(z.countedCash)}</dd>
        <dt class="receipt-total">{diffText}</dt>
        <dd class={`receipt-total ${z.difference < 0 ? 'negative' : ''}`}>{money.format(z.difference)}</dd>
      </dl>
    </article>
  );
}
