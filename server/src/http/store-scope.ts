// Which stores a caller may see: every store (the admin token, an owner) or a list (a manager). A list
// route filters by it, a store's route answers 404 for a store outside it (no existence oracle).
import { HttpError } from './api-error.ts';

export type StoreScope = { kind: 'all' } | { kind: 'stores'; storeIds: readonly string[] };

export const ALL_STORES: StoreScope = { kind: 'all' };

/** Throws 404 unless the scope includes the store (the same answer as for a store that does not exist). */
export function requireStoreInScope(scope: StoreScope, storeId: string): void {
  if (scope.kind === 'all') return;
  if (!scope.storeIds.some((id) => id.toLowerCase() === storeId.toLowerCase())) throw new HttpError('not_found', `no store ${storeId}`);
}
