// Customers the hub sent, found by the start of their name, email or phone to attach to a sale.
import type { SqlExecutor } from '../../sync/sql-connection.ts';
import type { CustomerView } from '../../api/till-api.ts';
import { MAX_CUSTOMER_RESULTS } from './data-limits.ts';
import { LIKE_ESCAPE, clampLimit, cleanSearchText, likePrefix } from './text-match.ts';

interface CustomerRow {
  uuid: string;
  name: string;
  email: string | null;
  phone: string | null;
}

/** Name prefix walks customers_name_nocase; email and phone have no index (customer lists are small). */
export async function searchCustomers(db: SqlExecutor, rawText: string, rawLimit: number): Promise<CustomerView[]> {
  const text = cleanSearchText(rawText);
  if (text === '') return [];
  const pattern = likePrefix(text);
  const rows = await db.all<CustomerRow>(
    `SELECT uuid, name, email, phone FROM customers
     WHERE deleted_at IS NULL
       AND (name LIKE ?1 ESCAPE '${LIKE_ESCAPE}' OR email LIKE ?1 ESCAPE '${LIKE_ESCAPE}' OR phone LIKE ?1 ESCAPE '${LIKE_ESCAPE}')
     ORDER BY name COLLATE NOCASE, id LIMIT ?2`,
    [pattern, clampLimit(rawLimit, MAX_CUSTOMER_RESULTS)],
  );
  return rows.map((r) => ({ uuid: r.uuid, name: r.name, email: r.email, phone: r.phone }));
}

/** A customer that may be attached to a new sale; undefined when unknown or deleted. */
export function liveCustomer(db: SqlExecutor, uuid: string): Promise<{ name: string } | undefined> {
  return db.get<{ name: string }>(`SELECT name FROM customers WHERE uuid = ? AND deleted_at IS NULL`, [uuid]);
}
