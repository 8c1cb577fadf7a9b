// Which stores a caller may see. A list route filters by it; a store's route answers 404 for a store
// outside it (no existence oracle: the same answer as for a store that does not exist).
import { HttpError } from './api-error.ts';

/**
 * The stores a caller may see: 'all' for the admin token and owners, else the ids of the stores its
 * roles name (possibly none). One type for routes, customers and reports (auth/principal.ts makes it).
 */
export type StoreScope = 'all' | readonly string[];

/** Throws 404 unless the scope includes the store (the same answer as for a store that does not exist). */
export function requireStoreInScope(scope: StoreScope, storeId: string): void {
  if (scope === 'all') return;
  if (!scope.some((id) => id.toLowerCase() === storeId.toLowerCase())) throw new HttpError('not_found', `no store ${storeId}`);
}
