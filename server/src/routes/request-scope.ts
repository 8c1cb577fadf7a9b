// The stores the caller of an admin route may see, from the principal the admin guard set: the admin
// token and owners see every store, a manager the stores they have a role in (auth/principal.ts).
import type { FastifyRequest } from 'fastify';
import type { Permission } from '@ezo/contract/staff';
import { principalOf, requirePermission, visibleStoreIds } from '../auth/principal.ts';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import type { StoreScope } from '../http/store-scope.ts';

export function scopeOf(request: FastifyRequest): StoreScope {
  return visibleStoreIds(principalOf(request));
}

/**
 * The store a terminal or device belongs to, checked against the caller's permission there: 404 when
 * the row does not exist or is in a store the caller has no role in (the same answer), 403 without
 * the permission.
 */
export async function requireRowStore(db: Sql, request: FastifyRequest, table: 'terminals' | 'devices', id: string, permission: Permission): Promise<string> {
  const rows = await db.query<{ store_id: string }>(`SELECT store_id::text AS store_id FROM ${table} WHERE id = $1`, [id]);
  const noun = table === 'terminals' ? 'terminal' : 'device';
  const storeId = rows[0]?.store_id;
  if (storeId === undefined) throw new HttpError('not_found', `no ${noun} ${id}`);
  try {
    requirePermission(principalOf(request), permission, storeId);
  } catch (err) {
    if (err instanceof HttpError && err.code === 'not_found') throw new HttpError('not_found', `no ${noun} ${id}`);
    throw err;
  }
  return storeId;
}
