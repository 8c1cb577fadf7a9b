// Reprint of a closed shift's Z report from the back office: the till's own layout
// (src/print/z-report-layout.tsx) fed with the shift as the hub stored it, with the names, store header
// and locale it printed (kept with the shift, so a renamed cashier or a moved store leaves old Z reports
// as they were), marked COPY, in the time zone of the store. Opening it prints it (window.print()); the
// print CSS (src/print/roll.css) puts only the report on the page.
import { useEffect } from 'preact/hooks';
import type { AdminShift } from '@ezo/contract/admin';
import type { ZReportDocument } from '../../../print/z-report-layout.tsx';
import { ZReportLayout } from '../../../print/z-report-layout.tsx';
import { storeHeaderOf } from '../../../print/store-header.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';
import '../../../print/roll.css';

/** The shift as the Z report printed it: the figures the till sent, the names the hub kept with it. */
export function zReportDocument(s: AdminShift): ZReportDocument {
  const z = s.z_report;
  return {
    zNumber: s.z_number,
    terminalName: s.terminal_name,
    openedBy: s.opened_by_name,
    closedBy: s.closed_by_name,
    closeApprovedBy: s.close_approved_by_name,
    openedAt: s.opened_at,
    closedAt: s.closed_at,
    currency: s.currency,
    moves: s.cash_moves,
    denominations: s.denominations,
    cashiers: z.cashiers.map((c) => c.name),
    noSaleOpenings: z.no_sale_openings,
    firstReceipt: z.first_receipt,
    lastReceipt: z.last_receipt,
    salesCount: z.sales_count,
    salesTotal: z.sales_total,
    refundsCount: z.refunds_count,
    refundsTotal: z.refunds_total,
    turnover: z.turnover,
    discounts: z.discounts,
    vat: z.vat,
    byMethod: z.payments,
    cashIn: z.cash_in,
    cashOut: z.cash_out,
    openingFloat: s.opening_float,
    expectedCash: s.expected_cash,
    countedCash: s.counted_cash,
    difference: s.difference,
    grandTotal: z.grand_total,
  };
}

/** "de-DE" -> "de"; a language receipts are not printed in -> "en" (as the till, src/ui/i18n/languages.ts). */
const printLanguage = (locale: string) => (locale.toLowerCase().startsWith('de') ? 'de' : 'en');

export function ZReportReprint({ shift, timeZone, onClose }: { shift: AdminShift; timeZone: string | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const printed = shift.printed_store;
  // Print at once: everything the page shows came with the shift.
  useEffect(() => {
    window.print();
  }, [shift.uuid]);

  return (
    <section class="bo-reprint" aria-label={t('reports.reprintTitle', { number: shift.z_number })}>
      <div class="bo-row-actions">
        <button type="button" onClick={() => window.print()}>
          {t('reports.print')}
        </button>
        <button type="button" onClick={onClose}>
          {t('reports.closeReprint')}
        </button>
      </div>
      <ZReportLayout
        report={zReportDocument(shift)}
        header={storeHeaderOf({ store_name: printed.name }, printed)}
        locale={printed.locale}
        language={printLanguage(printed.locale)}
        timeZone={timeZone}
        copy
        label={t('reports.reprintTitle', { number: shift.z_number })}
      />
    </section>
  );
}
