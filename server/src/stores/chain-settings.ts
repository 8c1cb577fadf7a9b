// Settings of the whole chain (one row, migrations/004-customer-stores.ts). Sharing customers makes every
// customer visible to every store's tills; since tills pull by version, turning it on re-stamps every
// customer's version so tills that have pulled past them pull them now. Turning it off re-stamps nothing:
// a till keeps the copies it already has until it is paired again, but the hub refuses to attach a
// customer the till's store may no longer see (unknown_customer). The caller holds the commit-order lock.
import type { ChainSettings } from '@ezo/contract/admin';
import type { Sql } from '../db/database.ts';

export async function readChainSettings(db: Sql): Promise<ChainSettings> {
  const rows = await db.query<{ share_customers: boolean }>('SELECT share_customers FROM chain_settings');
  return { share_customers: rows[0]?.share_customers ?? false };
}

export async function writeChainSettings(tx: Sql, settings: ChainSettings): Promise<ChainSettings> {
  const before = await readChainSettings(tx);
  await tx.query('UPDATE chain_settings SET share_customers = $1', [settings.share_customers]);
  if (settings.share_customers && !before.share_customers) await tx.query('UPDATE customers SET version = version');
  return readChainSettings(tx);
}
