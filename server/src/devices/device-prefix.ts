// A device's receipt prefix: unique in its store among terminals' and devices' prefixes, so two devices
// never print one receipt number and no device needs the network to number a sale. The first device of
// a terminal whose legacy token never synced takes the terminal's prefix (T1); any later one, or the
// first after a legacy till that may have numbered receipts with T1, takes T1-2, T1-3, ... (the first
// of those free in the store). Runs under the terminal's row lock (pairing.ts).
import type { Sql } from '../db/database.ts';

export async function devicePrefix(tx: Sql, terminal: { id: string; storeId: string; prefix: string; legacyTokenUsed: boolean }): Promise<string> {
  const devices = await tx.query<{ n: string }>('SELECT count(*)::text AS n FROM devices WHERE terminal_id = $1', [terminal.id]);
  const earlier = Number(devices[0]?.n ?? 0);
  const taken = async (prefix: string) =>
    (
      await tx.query(
        `SELECT 1 FROM devices WHERE store_id = $1 AND receipt_prefix = $2
         UNION ALL SELECT 1 FROM terminals WHERE store_id = $1 AND receipt_prefix = $2 AND id <> $3`,
        [terminal.storeId, prefix, terminal.id],
      )
    ).length > 0;
  if (earlier === 0 && !terminal.legacyTokenUsed && !(await taken(terminal.prefix))) return terminal.prefix;
  for (let n = Math.max(2, earlier + 1); ; n++) {
    const candidate = `${terminal.prefix}-${n}`;
    if (!(await taken(candidate))) return candidate;
  }
}
