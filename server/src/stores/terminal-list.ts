// A store's terminals for the back office, each with the device paired to it now (at most one: the
// devices_one_active_per_terminal index) and whether its legacy token still works.
import type { AdminTerminal } from '@ezo/contract/admin-lists';
import type { Device } from '@ezo/contract/devices';
import type { Sql } from '../db/database.ts';
import { DEVICE_COLUMNS } from '../devices/devices.ts';

export async function listTerminals(db: Sql, storeId: string): Promise<AdminTerminal[]> {
  const terminals = await db.query<Omit<AdminTerminal, 'active_device'>>(
    `SELECT id::text AS id, store_id::text AS store_id, name, receipt_prefix,
            to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS created_at, legacy_retired_at IS NULL AS legacy_token_active
       FROM terminals WHERE store_id = $1 ORDER BY name, id`,
    [storeId],
  );
  const devices = await db.query<Device>(
    `SELECT ${DEVICE_COLUMNS} FROM devices d JOIN terminals t ON t.id = d.terminal_id WHERE d.store_id = $1 AND d.status = 'active'`,
    [storeId],
  );
  const byTerminal = new Map(devices.map((d) => [d.terminal_id, d]));
  return terminals.map((t) => ({ ...t, active_device: byTerminal.get(t.id) ?? null }));
}
