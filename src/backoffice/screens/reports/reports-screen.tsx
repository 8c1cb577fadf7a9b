// The Reports section (issue 20): tabs for the period report (/reports), the sales journal
// (/reports/journal, a receipt at /reports/journal/<uuid>) and closed shifts (/reports/shifts). Only
// stores where the person holds view_reports are offered; the hub answers 404 for any other.
import { useLocation } from 'preact-iso';
import { useStores } from '../../components/store-picker.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { JournalPanel } from './journal-panel.tsx';
import { PeriodPanel } from './period-panel.tsx';
import { ReceiptView } from './receipt-view.tsx';
import { REPORTS_URL } from './reports-paths.ts';
import { ShiftsPanel } from './shifts-panel.tsx';

type Tab = 'period' | 'journal' | 'shifts';
const TABS: readonly { tab: Tab; path: string }[] = [
  { tab: 'period', path: '' },
  { tab: 'journal', path: '/journal' },
  { tab: 'shifts', path: '/shifts' },
];

export default function ReportsScreen({ title }: { title: string }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const stores = useStores('view_reports');
  const rest = path.startsWith(REPORTS_URL) ? path.slice(REPORTS_URL.length).replace(/\/$/, '') : '';
  const receipt = /^\/journal\/([^/]+)$/.exec(rest)?.[1];
  const current: Tab = TABS.find((x) => x.path !== '' && rest.startsWith(x.path))?.tab ?? 'period';
  const first = stores[0]?.id;
  return (
    <section class="bo-screen">
      <h1>{title}</h1>
      <nav aria-label={title}>
        <ul class="bo-tabs">
          {TABS.map((x) => (
            <li key={x.tab}>
              <a href={`${REPORTS_URL}${x.path}`} aria-current={x.tab === current ? 'page' : undefined}>
                {t(`reports.tabs.${x.tab}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {first === undefined ? (
        <p>{t('reports.noStores')}</p>
      ) : receipt !== undefined ? (
        <ReceiptView key={receipt} uuid={receipt} />
      ) : current === 'journal' ? (
        <JournalPanel firstStore={first} />
      ) : current === 'shifts' ? (
        <ShiftsPanel firstStore={first} />
      ) : (
        <PeriodPanel firstStore={first} />
      )}
    </section>
  );
}
