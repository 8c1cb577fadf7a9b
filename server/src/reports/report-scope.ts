// Which stores a report may read. Every report function takes the caller's visible stores as one
// parameter: the admin token sees all; a back-office session (auth/principal.ts, later) passes the
// stores its person has a role in. A store outside them is answered like a missing one (404, no
// existence oracle), and "all stores" means all visible ones.
import type { Sql, SqlParam } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';

/** 'all': every store (the admin token); else the ids of the stores the caller may see. */
export type VisibleStores = 'all' | readonly string[];

export interface ReportStore {
  id: string;
  name: string;
  currency: string;
  locale: string;
  time_zone: string;
}

/** The stores a report covers: `storeId` if visible (else 404), or every visible store. */
export async function reportStores(db: Sql, visible: VisibleStores, storeId: string | undefined): Promise<ReportStore[]> {
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
