// The end-of-shift Z report on the till, on screen and on the 80 mm roll: the shared layout
// (src/print/z-report-layout.tsx, which the back office's reprint uses too) with this till's store
// header, in the store's language and locale like receipts. A reprint from the history is marked COPY.
import type { ZReport } from '../api/till-api.ts';
import { ZReportLayout } from '../print/z-report-layout.tsx';
import { useI18n } from './i18n/i18n-context.tsx';
import { storeLanguage } from './i18n/languages.ts';
import { useTill } from './till-context.ts';
import { storeHeaderOf, type StoreHeader } from '../print/store-header.ts';

export function ZReportView(props: { report: ZReport; copy?: boolean; header?: StoreHeader }) {
  const { terminal, store } = useTill();
  const { t } = useI18n();
  return (
    <ZReportLayout
      report={props.report}
      header={props.header ?? storeHeaderOf(terminal, store)}
      locale={terminal.locale}
      language={storeLanguage(terminal.locale)}
      timeZone={store?.time_zone}
      copy={props.copy === true}
      label={t('receipt.z.label')}
    />
  );
}
