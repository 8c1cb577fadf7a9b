// The PWA shell's part of recording a sale: now there is data worth keeping, ask for persistent storage; and if the
// sale is queued while the hub is out of reach, ask the browser for a Background Sync wake-up.
import { requestPersistenceAfterSale } from './storage-safety.ts';
import { noteSaleQueued, type WakeApi } from './sync-wakeups.ts';

/** Call after every successful recordSale/recordRefund. Never rejects: the sale is already safely stored. */
export async function afterSaleRecorded(api: WakeApi): Promise<void> {
  await Promise.all([requestPersistenceAfterSale().catch(() => false), noteSaleQueued(api)]);
}
