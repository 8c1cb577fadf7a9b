// Which stores a report may read. Every report function takes the caller's visible stores as one
// parameter (a StoreScope, http/store-scope.ts): the admin token and owners see all; a back-office
// session passes the stores where its person's role may view reports. A store outside them is answered like a missing one (404, no
// existence oracle), and "all stores" means all visible ones.
import type { Sql, SqlParam } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import type { StoreScope } from '../http/store-scope.ts';

export interface ReportStore {
  id: string;
  name: string;
  currency: string;
  locale: string;
  time_zone: string;
}

/** The stores a report covers: `storeId` if visible (else 404), or every visible store. */
export async function reportStores(db: Sql, visible: StoreScope, storeId: string | undefined): Promise<ReportStore[]> {
  const params: SqlParam[] = [];
  const where: string[] = [];
  if (visible !== 'all') where.push(`id = ANY($${params.push([...visible])}::uuid[])`);
  if (storeId !== undefined) where.push(`id = $${params.push(storeId)}::uuid`);
  const rows = await db.query<ReportStore>(
    `SELECT id::text AS id, name, currency, locale, time_zone FROM stores ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ORDER BY name, id`,
    params,
  );
  if (storeId !== undefined && rows.length === 0) throw new HttpError('not_found', `no store ${storeId}`);
  return rows;
}
