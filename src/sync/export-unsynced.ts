// The unsynced queue as one upstream batch, for a file staff can carry to the hub when the till
// cannot reach it. Items are the stored payloads (the same uuids and content the till would send),
// so importing the file and the till's own later push never create duplicates.
import type { SqlExecutor } from './sql-connection.ts';
import type { UpstreamBatch } from '@ezo/contract/upstream';
import type { Sale } from '@ezo/contract/sale';
import type { Adjustment } from '@ezo/contract/adjustment';
import type { ProductEdit } from '@ezo/contract/product-edit';
import type { Shift } from '@ezo/contract/shift';
import type { QueueEntityType } from './outbox.ts';
import { unsyncedRows } from './queue-store.ts';

export async function exportUnsynced(db: SqlExecutor, syncId: string, timestamp: string): Promise<UpstreamBatch> {
  const rows = await unsyncedRows(db);
  const of = <T>(type: QueueEntityType) => rows.filter((r) => r.entity_type === type).map((r) => JSON.parse(r.payload) as T);
  return {
    sync_id: syncId,
    timestamp,
    changes: { sales: of<Sale>('Sale'), adjustments: of<Adjustment>('Adjustment'), products: of<ProductEdit>('Product'), shifts: of<Shift>('Shift') },
  };
}
