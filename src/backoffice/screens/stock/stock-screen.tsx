// Stock: a store's stock on hand (search by name, SKU or barcode; low stock under a threshold; sort by
// name or quantity; paged on the hub) and its adjustments journal (what, how many, why, who, when, on
// which terminal), newest first.
import { useCallback, useState } from 'preact/hooks';
import type { AdjustmentEntry, STOCK_SORTS, StockItem } from '@ezo/contract/admin-lists';
import { listAdjustments, listStock } from '../../api/store-lists.ts';
import { PagedTable, type Column, type PageRequest } from '../../components/paged-table.tsx';
import { StorePicker, useStores } from '../../components/store-picker.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

type Sort = (typeof STOCK_SORTS)[number];
/** The low-stock threshold offered first: fewer than this many units on hand. */
const DEFAULT_LOW_STOCK = 5;

export default function StockScreen({ title }: { title: string }) {
  const { t } = useI18n();
  const stores = useStores();
  const [storeId, setStoreId] = useState(stores[0]?.id ?? '');
  const [lowOnly, setLowOnly] = useState(false);
  const [threshold, setThreshold] = useState(String(DEFAULT_LOW_STOCK));
  const below = Number.parseInt(threshold, 10);

  const loadStock = useCallback(
    (request: PageRequest, signal: AbortSignal) =>
      listStock(
        storeId,
        {
          q: request.q,
          sort: `${request.order === 'desc' ? '-' : ''}${request.sort}` as Sort,
          ...(request.cursor === undefined ? {} : { cursor: request.cursor }),
          ...(lowOnly && Number.isFinite(below) ? { low_stock_below: below } : {}),
        },
        signal,
      ),
    [storeId, lowOnly, below],
  );
  const loadJournal = useCallback(
    async (request: PageRequest, signal: AbortSignal) => listAdjustments(storeId, request.cursor === undefined ? {} : { cursor: request.cursor }, signal),
    [storeId],
  );

  const stockColumns: Column<StockItem>[] = [
    { id: 'name', header: t('stock.product'), cell: (s) => s.name, sortable: true },
    { id: 'sku', header: t('stock.sku'), cell: (s) => s.sku },
    { id: 'barcode', header: t('stock.barcode'), cell: (s) => s.barcode ?? '' },
    {
      id: 'quantity',
      header: t('stock.onHand'),
      cell: (s) => <span class={Number.isFinite(below) && s.quantity < below ? 'bo-warn' : undefined}>{s.quantity}</span>,
      sortable: true,
      numeric: true,
    },
  ];
  const journalColumns: Column<AdjustmentEntry>[] = [
    { id: 'created_at', header: t('stock.when'), cell: (a) => new Date(a.created_at).toLocaleString() },
    { id: 'product', header: t('stock.product'), cell: (a) => `${a.product_name} (${a.sku})` },
    { id: 'delta', header: t('stock.delta'), cell: (a) => (a.delta > 0 ? `+${a.delta}` : String(a.delta)), numeric: true },
    { id: 'reason', header: t('stock.reason'), cell: (a) => a.reason },
    { id: 'who', header: t('stock.who'), cell: (a) => (a.approved_by_name === null ? (a.staff_name ?? '—') : t('stock.approvedBy', { name: a.staff_name ?? '—', manager: a.approved_by_name })) },
    { id: 'terminal', header: t('stock.terminal'), cell: (a) => a.terminal_name ?? '—' },
  ];

  if (storeId === '') {
    return (
      <section class="bo-screen">
        <h1>{title}</h1>
        <p>{t('stock.noStores')}</p>
      </section>
    );
  }
  return (
    <section class="bo-screen">
      <h1>{title}</h1>
      <StorePicker label={t('stock.store')} value={storeId} onValue={setStoreId} />
      <div class="bo-filters">
        <label class="bo-check">
          <input type="checkbox" checked={lowOnly} onChange={(e) => setLowOnly(e.currentTarget.checked)} />
          <span>{t('stock.lowOnly')}</span>
        </label>
        <label>
          <span>{t('stock.threshold')}</span>
          <input type="number" inputMode="numeric" min={0} value={threshold} onInput={(e) => setThreshold(e.currentTarget.value)} />
        </label>
      </div>
      <PagedTable
        key={`stock-${storeId}`}
        caption={t('stock.caption')}
        columns={stockColumns}
        rowKey={(s) => s.product_uuid}
        load={loadStock}
        initialSort={{ sort: 'name', order: 'asc' }}
        searchLabel={t('stock.search')}
      />
      <h2>{t('stock.journal')}</h2>
      <PagedTable key={`journal-${storeId}`} caption={t('stock.journalCaption')} columns={journalColumns} rowKey={(a) => a.uuid} load={loadJournal} initialSort={{ sort: 'created_at', order: 'desc' }} />
    </section>
  );
}
