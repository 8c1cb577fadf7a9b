// Customers: the searched, sorted, paged list (the hub searches: any word of the name, any part of the
// e-mail, phone digits; case and accents ignored), a store filter, create and edit, and merging a
// duplicate into the customer that stays.
import { useCallback, useState } from 'preact/hooks';
import type { AdminCustomer, CUSTOMER_SORTS } from '@ezo/contract/admin-lists';
import { listCustomers } from '../../api/customers.ts';
import { PagedTable, type Column, type PageRequest } from '../../components/paged-table.tsx';
import { useStores } from '../../components/store-picker.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { CustomerForm } from './customer-form.tsx';
import { MergePanel } from './merge-panel.tsx';

type Sort = (typeof CUSTOMER_SORTS)[number];
type Editing = { kind: 'none' } | { kind: 'new' } | { kind: 'edit'; customer: AdminCustomer } | { kind: 'merge'; duplicate: AdminCustomer };

/** The select's value for "every store I may see". */
const ALL = '';

export default function CustomersScreen({ title }: { title: string }) {
  const { t } = useI18n();
  const stores = useStores();
  const storeName = new Map(stores.map((s) => [s.id, s.name]));
  const [storeId, setStoreId] = useState(ALL);
  const [editing, setEditing] = useState<Editing>({ kind: 'none' });
  const [reload, setReload] = useState(0);
  const [notice, setNotice] = useState('');

  const load = useCallback(
    (request: PageRequest, signal: AbortSignal) =>
      listCustomers(
        {
          q: request.q,
          sort: `${request.order === 'desc' ? '-' : ''}${request.sort}` as Sort,
          ...(request.cursor === undefined ? {} : { cursor: request.cursor }),
          ...(storeId === ALL ? {} : { store_id: storeId }),
        },
        signal,
      ),
    [storeId],
  );
  const done = (message: string) => {
    setEditing({ kind: 'none' });
    setNotice(message);
    setReload((n) => n + 1);
  };

  const columns: Column<AdminCustomer>[] = [
    { id: 'name', header: t('customers.name'), cell: (c) => c.name, sortable: true },
    { id: 'email', header: t('customers.email'), cell: (c) => c.email ?? '' },
    { id: 'phone', header: t('customers.phone'), cell: (c) => c.phone ?? '' },
    { id: 'store', header: t('customers.store'), cell: (c) => (c.store_id === null ? t('customers.chainCustomer') : (storeName.get(c.store_id) ?? '')) },
    { id: 'updated', header: t('customers.updated'), cell: (c) => new Date(c.updated_at).toLocaleDateString(), sortable: true },
    {
      id: 'actions',
      header: t('customers.actions'),
      cell: (c) => (
        <span class="bo-row-actions">
          <button type="button" onClick={() => setEditing({ kind: 'edit', customer: c })} aria-label={t('customers.editOne', { name: c.name })}>
            {t('customers.edit')}
          </button>
          <button type="button" onClick={() => setEditing({ kind: 'merge', duplicate: c })} aria-label={t('customers.mergeOne', { name: c.name })}>
            {t('customers.merge')}
          </button>
        </span>
      ),
    },
  ];

  return (
    <section class="bo-screen">
      <div class="bo-screen-head">
        <h1>{title}</h1>
        <button type="button" class="primary" onClick={() => setEditing({ kind: 'new' })}>
          {t('customers.new')}
        </button>
      </div>
      <p role="status" class="bo-notice">
        {notice}
      </p>
      {editing.kind === 'new' && <CustomerForm customer={undefined} onSaved={(c) => done(t('customers.saved', { name: c.name }))} onCancel={() => setEditing({ kind: 'none' })} />}
      {editing.kind === 'edit' && (
        <CustomerForm key={editing.customer.uuid} customer={editing.customer} onSaved={(c) => done(t('customers.saved', { name: c.name }))} onCancel={() => setEditing({ kind: 'none' })} />
      )}
      {editing.kind === 'merge' && (
        <MergePanel
          key={editing.duplicate.uuid}
          duplicate={editing.duplicate}
          onMerged={(survivor) => done(t('customers.merged', { name: survivor.name }))}
          onCancel={() => setEditing({ kind: 'none' })}
        />
      )}
      <div class="bo-filters">
        <label>
          <span>{t('customers.storeFilter')}</span>
          <select value={storeId} onChange={(e) => setStoreId(e.currentTarget.value)}>
            <option value={ALL}>{t('customers.allStores')}</option>
            {stores.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </label>
      </div>
      <PagedTable
        caption={t('customers.caption')}
        columns={columns}
        rowKey={(c) => c.uuid}
        load={load}
        initialSort={{ sort: 'name', order: 'asc' }}
        searchLabel={t('customers.search')}
        reload={reload}
      />
    </section>
  );
}
