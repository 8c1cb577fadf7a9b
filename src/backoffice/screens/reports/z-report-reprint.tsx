// Reprint of a closed shift's Z report from the back office: the till's own layout
// (src/print/z-report-layout.tsx) fed with the shift as the hub stored it, in the store's language and
// locale, marked COPY, with the store's header when this person may read the store's settings (else
// its name). Opening it prints it (window.print()); the print CSS (src/print/roll.css) puts only the
// report on the page.
import { useEffect, useState } from 'preact/hooks';
import type { AdminShift, AdminStore } from '@ezo/contract/admin';
import type { ZReportDocument } from '../../../print/z-report-layout.tsx';
import { ZReportLayout } from '../../../print/z-report-layout.tsx';
import { storeHeaderOf } from '../../../print/store-header.ts';
import { getStore } from '../../api/stores.ts';
import { useStores } from '../../components/store-picker.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import '../../../print/roll.css';

/** The shift as the Z report prints it: the figures the till sent, the names the hub resolved. */
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

export function ZReportReprint({ shift, locale, timeZone, onClose }: { shift: AdminShift; locale: string; timeZone: string | undefined; onClose: () => void }) {
  const { t } = useI18n();
  const storeName = useStores('view_reports').find((s) => s.id === shift.store_id)?.name ?? '';
  const [store, setStore] = useState<AdminStore | null | undefined>(undefined);
  useEffect(() => {
    let live = true;
    void getStore(shift.store_id).then((r) => {
      if (live) setStore(r.ok ? r.value : null);
    });
    return () => {
      live = false;
    };
  }, [shift.store_id]);
  // Print once the header is known (the store's settings or the answer that this person may not read them).
  useEffect(() => {
    if (store !== undefined) window.print();
  }, [store === undefined, shift.uuid]);

  const header = storeHeaderOf({ store_name: storeName }, store ?? null);
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
        header={header}
        locale={store?.locale ?? locale}
        language={printLanguage(store?.locale ?? locale)}
        timeZone={store?.time_zone ?? timeZone}
        copy
        label={t('reports.reprintTitle', { number: shift.z_number })}
      />
    </section>
  );
}
