// Merging a duplicate customer into the one that stays (the survivor). Nothing is rewritten in the
// sales: each keeps the customer_uuid its till sent (its history); the duplicate becomes a tombstone
// (deleted_at, which tills pull and apply) with merged_into naming the survivor, and reports resolve a
// sale's customer through merged_into. merged_into is kept one step deep: customers merged into the
// duplicate earlier are pointed at the survivor too, so one lookup always finds the survivor.
//
// A till that attached the duplicate while offline: its sale still comes in after the merge. Ingest
// accepts tombstoned customers (ingest-batch.ts checks only that the till's store may see the customer,
// and the duplicate keeps its store), so the sale is stored as the till made it and reported under the
// survivor. Nothing is lost and no till has to know about the merge.
//
// The caller holds the commit-order lock (versionedWrite): the writes bump row versions.
import type { CustomerMerged } from '@ezo/contract/admin-lists';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import type { StoreScope } from '../http/store-scope.ts';
import { readCustomer } from './customers.ts';

export async function mergeCustomers(tx: Sql, survivorId: string, duplicateId: string, scope: StoreScope, now: Date): Promise<CustomerMerged> {
  if (survivorId.toLowerCase() === duplicateId.toLowerCase()) {
    throw new HttpError('bad_request', 'a customer cannot be merged into itself', [{ path: 'duplicate_uuid', message: 'choose another customer' }]);
  }
  // Both rows locked in one order (by uuid), so two merges of the same pair cannot deadlock.
  await tx.query('SELECT 1 FROM customers WHERE uuid = ANY($1::uuid[]) ORDER BY uuid FOR UPDATE', [[survivorId, duplicateId]]);
  const survivor = await readCustomer(tx, survivorId, scope);
  const duplicate = await readCustomer(tx, duplicateId, scope).catch((err: unknown) => {
    if (err instanceof HttpError && err.code === 'not_found') {
      throw new HttpError('bad_request', `no customer ${duplicateId}`, [{ path: 'duplicate_uuid', message: 'unknown customer' }]);
    }
    throw err;
  });
  // The same merge again (a retried request) answers as the first did.
  if (duplicate.merged_into?.toLowerCase() === survivor.uuid.toLowerCase()) return { survivor, duplicate };
  if (survivor.deleted_at !== null) throw new HttpError('conflict', `customer ${survivor.uuid} is deleted${survivor.merged_into === null ? '' : ' (merged)'}`);
  if (duplicate.deleted_at !== null) {
    throw new HttpError('conflict', `customer ${duplicate.uuid} is already deleted${duplicate.merged_into === null ? '' : ' (merged into another customer)'}`, [
      { path: 'duplicate_uuid', message: 'already deleted' },
    ]);
  }
  // Customers of two stores (not shared) are seen by different tills: merging would take the duplicate
  // away from its store's tills. Moving one to the other's store first makes that an explicit choice.
  const shared = (await tx.query<{ share_customers: boolean }>('SELECT share_customers FROM chain_settings'))[0]?.share_customers ?? false;
  if (!shared && survivor.store_id !== duplicate.store_id) {
    throw new HttpError('conflict', 'the customers belong to different stores; move one to the other store first', [
      { path: 'duplicate_uuid', message: 'belongs to another store' },
    ]);
  }

  // The survivor takes the duplicate's contact details where it has none.
  if ((survivor.email === null && duplicate.email !== null) || (survivor.phone === null && duplicate.phone !== null)) {
    await tx.query('UPDATE customers SET email = COALESCE(email, $2), phone = COALESCE(phone, $3) WHERE uuid = $1', [survivor.uuid, duplicate.email, duplicate.phone]);
  }
  await tx.query('UPDATE customers SET merged_into = $1 WHERE merged_into = $2', [survivor.uuid, duplicate.uuid]);
  await tx.query('UPDATE customers SET merged_into = $1, merged_at = $3, deleted_at = $3 WHERE uuid = $2', [survivor.uuid, duplicate.uuid, now]);
  return { survivor: await readCustomer(tx, survivor.uuid, 'all'), duplicate: await readCustomer(tx, duplicate.uuid, 'all') };
}
