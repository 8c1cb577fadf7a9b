// A table over a keyset-paged admin list (`GET ...?q=&sort=&order=&cursor=&limit=` answering
// `{ items, next_cursor }`): a search box (sent to the hub, debounced), sortable column headers
// (aria-sort), Previous/Next by cursor (the cursors seen are kept, so Previous needs no offset). The
// hub does all searching and sorting; the table only shows one page. A failed load shows its sentence.
// `reload` changes (a counter) make it load the current page again after an edit.
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { ApiFailure, ApiResult } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { failureText } from './failure-text.ts';

/** Waits this long after the last keystroke before searching. */
const SEARCH_DEBOUNCE_MS = 250;

export type SortOrder = 'asc' | 'desc';

export interface PageRequest {
  q: string;
  sort: string;
  order: SortOrder;
  cursor: string | undefined;
}

export interface Page<T> {
  items: T[];
  next_cursor: string | null;
}

export interface Column<T> {
  /** The hub's sort key when sortable. */
  id: string;
  header: string;
  cell: (row: T) => ComponentChildren;
  sortable?: boolean;
  numeric?: boolean;
}

export interface PagedTableProps<T> {
  caption: string;
  columns: readonly Column<T>[];
  rowKey: (row: T) => string;
  load: (request: PageRequest, signal: AbortSignal) => Promise<ApiResult<Page<T>>>;
  initialSort: { sort: string; order: SortOrder };
  searchLabel?: string;
  reload?: number;
}

export function PagedTable<T>({ caption, columns, rowKey, load, initialSort, searchLabel, reload = 0 }: PagedTableProps<T>) {
  const { t } = useI18n();
  const [typed, setTyped] = useState('');
  const [q, setQ] = useState('');
  const [sort, setSort] = useState(initialSort);
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [page, setPage] = useState<Page<T> | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);
  const cursor = cursors[cursors.length - 1];

  useEffect(() => {
    const timer = setTimeout(() => {
      setQ(typed.trim());
      setCursors([undefined]);
    }, SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  useEffect(() => {
    const abort = new AbortController();
    setBusy(true);
    void load({ q, sort: sort.sort, order: sort.order, cursor }, abort.signal).then((result) => {
      if (abort.signal.aborted) return;
      setBusy(false);
      if (result.ok) {
        setPage(result.value);
        setFailure(null);
      } else setFailure(result.failure);
    });
    return () => abort.abort();
  }, [q, sort, cursor, reload, load]);

  const sortBy = (id: string) => {
    setSort((s) => ({ sort: id, order: s.sort === id && s.order === 'asc' ? 'desc' : 'asc' }));
    setCursors([undefined]);
  };

  return (
    <div class="bo-table-wrap" aria-busy={busy}>
      <div class="bo-table-tools">
        <label class="bo-search">
          <span>{searchLabel ?? t('common.search')}</span>
          <input type="search" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
      </div>
      {failure !== null && (
        <p class="bo-error" role="alert">
          {failureText(t, failure)}
        </p>
      )}
      <table class="bo-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            {columns.map((c) => {
              const active = sort.sort === c.id;
              return (
                <th key={c.id} scope="col" class={c.numeric === true ? 'num' : undefined} aria-sort={c.sortable === true ? (active ? (sort.order === 'asc' ? 'ascending' : 'descending') : 'none') : undefined}>
                  {c.sortable === true ? (
                    <button type="button" class="bo-sort" onClick={() => sortBy(c.id)} aria-label={t('common.sortBy', { column: c.header })}>
                      {c.header}
                      <span aria-hidden="true">{active ? (sort.order === 'asc' ? ' ▲' : ' ▼') : ''}</span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {page?.items.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c) => (
                <td key={c.id} class={c.numeric === true ? 'num' : undefined}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
          {page !== null && page.items.length === 0 && (
            <tr>
              <td colSpan={columns.length}>{t('common.noRows')}</td>
            </tr>
          )}
        </tbody>
      </table>
      <div class="bo-pager">
        <button type="button" disabled={cursors.length <= 1 || busy} onClick={() => setCursors((c) => c.slice(0, -1))}>
          {t('common.previous')}
        </button>
        <span role="status">{page === null ? t('shell.loading') : t('common.rowsShown', { count: page.items.length })}</span>
        <button type="button" disabled={page?.next_cursor === null || page === null || busy} onClick={() => setCursors((c) => [...c, page?.next_cursor ?? undefined])}>
          {t('common.next')}
        </button>
      </div>
    </div>
  );
}
