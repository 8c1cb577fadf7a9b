// The sales journal: every sale and refund of the stores the person may see, newest first, filtered by
// store, till, cashier, payment method, kind and period (the store's days), searched by receipt number
// (the table's search box), product and customer on the hub; a receipt number opens it as printed.
// The tills and cashiers offered are those of the period report for the same store and days.
import { useCallback, useEffect, useId, useState } from 'preact/hooks';
import type { PaymentMethod } from '@ezo/contract/sale';
import type { JournalEntry, JournalExportQuery, PeriodReport } from '@ezo/contract/reports';
import { getJournal, getPeriodReport, journalExportUrl } from '../../api/reports.ts';
import { PagedTable, type Column, type PageRequest } from '../../components/paged-table.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { localText, money, today, useStoreLocale } from './report-format.ts';
import { DateField, ReportStoreSelect } from './report-store-select.tsx';
import { REPORTS_URL } from './reports-paths.ts';

const METHODS: readonly PaymentMethod[] = ['cash', 'card'];
/** Product and customer searches wait this long after the last keystroke. */
const SEARCH_DEBOUNCE_MS = 300;

function Select({ label, value, onValue, options }: { label: string; value: string; onValue: (v: string) => void; options: readonly (readonly [string, string])[] }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div class="bo-field">
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onValue(e.currentTarget.value)}>
        <option value="">{t('reports.anyOption')}</option>
        {options.map(([v, text]) => (
          <option key={v} value={v}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

function TextField({ label, onValue }: { label: string; onValue: (v: string) => void }) {
  const id = useId();
  const [typed, setTyped] = useState('');
  useEffect(() => {
    const timer = setTimeout(() => onValue(typed.trim()), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed, onValue]);
  return (
    <div class="bo-field">
      <label for={id}>{label}</label>
      <input id={id} type="search" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
    </div>
  );
}

export function JournalPanel({ firstStore }: { firstStore: string }) {
  const { t } = useI18n();
  const [storeId, setStoreId] = useState(firstStore);
  const [from, setFrom] = useState(today());
  const [to, setTo] = useState(today());
  const [terminal, setTerminal] = useState('');
  const [cashier, setCashier] = useState('');
  const [method, setMethod] = useState('');
  const [kind, setKind] = useState('');
  const [product, setProduct] = useState('');
  const [customer, setCustomer] = useState('');
  const [options, setOptions] = useState<PeriodReport | null>(null);
  const locale = useStoreLocale(storeId === '' ? firstStore : storeId);

  useEffect(() => {
    const abort = new AbortController();
    if (from === '' || to === '') return;
    void getPeriodReport({ storeId, from, to }, abort.signal).then((r) => {
      if (!abort.signal.aborted) setOptions(r.ok ? r.value : null);
    });
    return () => abort.abort();
  }, [storeId, from, to]);

  const filters: JournalExportQuery = {
    ...(storeId === '' ? {} : { store_id: storeId }),
    ...(terminal === '' ? {} : { terminal_id: terminal }),
    ...(cashier === '' ? {} : { staff_id: cashier }),
    ...(method === '' ? {} : { payment_method: method as PaymentMethod }),
    ...(kind === 'sale' || kind === 'refund' ? { kind } : {}),
    ...(from === '' ? {} : { from }),
    ...(to === '' ? {} : { to }),
    ...(product === '' ? {} : { product }),
    ...(customer === '' ? {} : { customer }),
  };
  const key = JSON.stringify(filters);
  const load = useCallback(
    (request: PageRequest, signal: AbortSignal) =>
      getJournal({ ...(JSON.parse(key) as JournalExportQuery), ...(request.q === '' ? {} : { receipt: request.q }), ...(request.cursor === undefined ? {} : { cursor: request.cursor }) }, signal),
    [key],
  );

  const columns: Column<JournalEntry>[] = [
    {
      id: 'receipt',
      header: t('reports.receipt'),
      cell: (e) => (
        <a href={`${REPORTS_URL}/journal/${e.uuid}`} aria-label={t('reports.open', { number: e.receipt_number })}>
          {e.receipt_number}
        </a>
      ),
    },
    { id: 'when', header: t('reports.when'), cell: (e) => localText(e.local_time) },
    { id: 'kind', header: t('reports.kind'), cell: (e) => t(`reports.kinds.${e.kind}`) },
    { id: 'store', header: t('reports.store'), cell: (e) => e.store_name },
    { id: 'terminal', header: t('reports.terminal'), cell: (e) => e.terminal_name },
    { id: 'cashier', header: t('reports.cashier'), cell: (e) => e.staff_name ?? '—' },
    { id: 'customer', header: t('reports.customer'), cell: (e) => e.customer_name ?? '' },
    { id: 'methods', header: t('reports.paymentMethod'), cell: (e) => e.payment_methods.map((m) => t(`reports.methods.${m}`)).join(', ') },
    { id: 'total', header: t('reports.total'), cell: (e) => money(e.total, e.currency, locale), numeric: true },
  ];

  return (
    <div>
      <div class="bo-filters">
        <ReportStoreSelect value={storeId} onValue={(v) => (setStoreId(v), setTerminal(''), setCashier(''))} withAll />
        <DateField label={t('reports.from')} value={from} onValue={setFrom} />
        <DateField label={t('reports.to')} value={to} onValue={setTo} />
        <Select label={t('reports.terminal')} value={terminal} onValue={setTerminal} options={(options?.terminals ?? []).map((x) => [x.terminal_id, x.terminal_name] as const)} />
        <Select
          label={t('reports.cashier')}
          value={cashier}
          onValue={setCashier}
          options={(options?.cashiers ?? []).flatMap((c) => (c.staff_id === null ? [] : [[c.staff_id, c.staff_name ?? c.staff_id] as const]))}
        />
        <Select label={t('reports.paymentMethod')} value={method} onValue={setMethod} options={METHODS.map((m) => [m, t(`reports.methods.${m}`)] as const)} />
        <Select label={t('reports.kind')} value={kind} onValue={setKind} options={[['sale', t('reports.kinds.sale')], ['refund', t('reports.kinds.refund')]]} />
        <TextField label={t('reports.searchProduct')} onValue={setProduct} />
        <TextField label={t('reports.searchCustomer')} onValue={setCustomer} />
      </div>
      <PagedTable key={key} caption={t('reports.journalCaption')} columns={columns} rowKey={(e) => e.uuid} load={load} initialSort={{ sort: 'created_at', order: 'desc' }} searchLabel={t('reports.searchReceipt')} />
      <p class="bo-exports">
        <a href={journalExportUrl({ ...filters, format: 'store' })} download>
          {t('reports.journalExportStore')}
        </a>
        {' · '}
        <a href={journalExportUrl({ ...filters, format: 'neutral' })} download>
          {t('reports.journalExportNeutral')}
        </a>
      </p>
    </div>
  );
}
