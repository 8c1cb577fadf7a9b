// The back office's customers: a searched, sorted, keyset-paged list; one customer with its sales
// figures; create and edit within the caller's stores. Writes go through the version trigger, so tills
// pull them in commit order. A customer is never removed: deleting or merging leaves a tombstone.
import type { AdminCustomer, CustomerDetail, CustomerPage, CustomerQuery } from '@ezo/contract/admin-lists';
import { DEFAULT_ADMIN_PAGE_LIMIT } from '@ezo/contract/admin-lists';
import type { CustomerCreate, CustomerPatch } from '@ezo/contract/admin';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import { requireStoreInScope, type StoreScope } from '../http/store-scope.ts';
import { visibleCustomer } from '../sync/customer-visibility.ts';
import { createCatalogRow, deleteCatalogRow, patchCatalogRow } from '../catalog/admin-catalog.ts';
import { customerSearch } from './customer-search.ts';

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
export const ADMIN_CUSTOMER_COLUMNS = `c.uuid::text AS uuid, c.name, c.email, c.phone, c.store_id::text AS store_id, c.merged_into::text AS merged_into,
  ${iso('c.updated_at')} AS updated_at, ${iso('c.deleted_at')} AS deleted_at`;

export const CUSTOMER_CURSOR_PREFIX = 'cu1.';

const ORDER: Record<NonNullable<CustomerQuery['sort']>, { key: string; dir: 'ASC' | 'DESC' }> = {
  name: { key: 'search_name', dir: 'ASC' },
  '-name': { key: 'search_name', dir: 'DESC' },
  updated: { key: 'updated_at', dir: 'ASC' },
  '-updated': { key: 'updated_at', dir: 'DESC' },
};

/** SQL over `c`: the customers the scope may see (a manager: those their stores' tills see). */
function scopeCondition(scope: StoreScope, param: (v: string | readonly string[]) => string): string | null {
  if (scope === 'all') return null;
  return `(c.store_id = ANY(${param(scope)}::uuid[]) OR (SELECT share_customers FROM chain_settings))`;
}

export async function listCustomers(db: Sql, q: CustomerQuery, scope: StoreScope): Promise<CustomerPage> {
  const params: (string | number | readonly string[])[] = [];
  const param = (v: string | number | readonly string[]) => `$${params.push(v)}`;
  const where: string[] = [];
  if (q.include_deleted !== 'true') where.push('c.deleted_at IS NULL');
  const scoped = scopeCondition(scope, param);
  if (scoped !== null) where.push(scoped);
  if (q.store_id !== undefined) {
    requireStoreInScope(scope, q.store_id);
    where.push(visibleCustomer(param(q.store_id)));
  }
  const search = customerSearch(q.q ?? '', param);
  where.push(...search);
  const order = ORDER[q.sort ?? 'name'];
  if (q.cursor !== undefined) {
    const after = q.cursor.slice(CUSTOMER_CURSOR_PREFIX.length);
    const known = q.cursor.startsWith(CUSTOMER_CURSOR_PREFIX) ? await db.query('SELECT 1 FROM customers WHERE uuid = $1', [after]) : [];
    if (known.length === 0) throw new HttpError('bad_request', 'cursor is not a cursor this hub issued', [{ path: 'cursor', message: 'expected the next_cursor of a previous page' }]);
    const cmp = order.dir === 'ASC' ? '>' : '<';
    where.push(`(c.${order.key}, c.uuid) ${cmp} (SELECT ${order.key}, uuid FROM customers WHERE uuid = ${param(after)})`);
  }
  const limit = q.limit ?? DEFAULT_ADMIN_PAGE_LIMIT;
  const filtered = `customers c ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`}`;
  // A search finds its matches first (trigram indexes, migration 020) and sorts them: OFFSET 0 keeps the
  // planner from walking the sort's index instead, which reads most of the table when the matches sort
  // late ("jürgen" among names from A to Z) or there are none.
  const rows = await db.query<AdminCustomer>(
    `SELECT ${ADMIN_CUSTOMER_COLUMNS} FROM ${search.length === 0 ? filtered : `(SELECT * FROM ${filtered} OFFSET 0) c`}
      ORDER BY c.${order.key} ${order.dir}, c.uuid ${order.dir} LIMIT ${param(limit + 1)}`,
    params,
  );
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, next_cursor: rows.length > limit && last !== undefined ? `${CUSTOMER_CURSOR_PREFIX}${last.uuid}` : null };
}

/** One customer the scope may see, or 404 (the same answer as for one that does not exist). */
export async function readCustomer(db: Sql, uuid: string, scope: StoreScope, lock = false): Promise<AdminCustomer> {
  const params: (string | readonly string[])[] = [uuid];
  const scoped = scopeCondition(scope, (v) => `$${params.push(v)}`);
  const rows = await db.query<AdminCustomer>(
    `SELECT ${ADMIN_CUSTOMER_COLUMNS} FROM customers c WHERE c.uuid = $1 ${scoped === null ? '' : `AND ${scoped}`} ${lock ? 'FOR UPDATE' : ''}`,
    params,
  );
  const row = rows[0];
  if (row === undefined) throw new HttpError('not_found', `no customer ${uuid}`);
  return row;
}

/** The customer with the sales reported under it: its own and those of the customers merged into it. */
export async function customerDetail(db: Sql, uuid: string, scope: StoreScope): Promise<CustomerDetail> {
  const customer = await readCustomer(db, uuid, scope);
  const merged = await db.query<{ uuid: string }>('SELECT uuid::text AS uuid FROM customers WHERE merged_into = $1 ORDER BY uuid', [uuid]);
  const ids = [uuid, ...merged.map((m) => m.uuid)].map((id) => id.toLowerCase());
  const sales = await db.query<{ n: string; last: string | null }>(
    `SELECT count(*)::text AS n, ${iso('max(created_at)')} AS last FROM sales
      WHERE lower(body->>'customer_uuid') = ANY($1::text[]) AND body->>'customer_uuid' IS NOT NULL`,
    [ids],
  );
  return { customer, merged_from: merged.map((m) => m.uuid), sales_count: Number(sales[0]?.n ?? 0), last_sale_at: sales[0]?.last ?? null };
}

/** A store the scope may not use is answered as a missing store (400 on the field, like an unknown one). */
function checkStoreField(scope: StoreScope, storeId: string | null | undefined): void {
  if (storeId === undefined) return;
  if (storeId === null) {
    if (scope !== 'all') throw new HttpError('bad_request', "only an owner may make a chain customer", [{ path: 'store_id', message: 'choose one of your stores' }]);
    return;
  }
  try {
    requireStoreInScope(scope, storeId);
  } catch {
    throw new HttpError('bad_request', 'a referenced record does not exist', [{ path: 'store_id', message: 'unknown store' }]);
  }
}

export async function createCustomer(tx: Sql, input: CustomerCreate, scope: StoreScope): Promise<AdminCustomer> {
  checkStoreField(scope, input.store_id ?? (scope === 'all' ? undefined : null));
  const created = (await createCatalogRow(tx, 'customers', input)) as { uuid: string };
  return readCustomer(tx, created.uuid, 'all');
}

export async function patchCustomer(tx: Sql, uuid: string, patch: CustomerPatch, scope: StoreScope): Promise<AdminCustomer> {
  await readCustomer(tx, uuid, scope, true);
  checkStoreField(scope, patch.store_id);
  await patchCatalogRow(tx, 'customers', uuid, patch);
  return readCustomer(tx, uuid, 'all');
}

export async function deleteCustomer(tx: Sql, uuid: string, scope: StoreScope): Promise<AdminCustomer> {
  await readCustomer(tx, uuid, scope, true);
  await deleteCatalogRow(tx, 'customers', uuid);
  return readCustomer(tx, uuid, 'all');
}
