// The admin's view of devices (list, revoke) and what a device reports about itself. Revoking is final
// for that token: every later request with it answers 401 device_revoked and writes nothing; the till
// keeps its unsynced sales and can export them for POST /api/v1/admin/terminals/:id/import.
import type { Device, DeviceReport } from '@ezo/contract/devices';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';

const iso = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
export const DEVICE_COLUMNS = `d.id::text AS id, d.terminal_id::text AS terminal_id, t.name AS terminal_name, d.store_id::text AS store_id, d.label,
  d.receipt_prefix, d.status, ${iso('d.paired_at')} AS paired_at, ${iso('d.last_seen_at')} AS last_seen_at, d.app_version, d.protocol_version,
  d.pending::int AS pending, d.failed::int AS failed, ${iso('d.reported_at')} AS reported_at, ${iso('d.ended_at')} AS ended_at`;

export async function listDevices(db: Sql, storeId: string): Promise<Device[]> {
  return db.query<Device>(`SELECT ${DEVICE_COLUMNS} FROM devices d JOIN terminals t ON t.id = d.terminal_id WHERE d.store_id = $1 ORDER BY d.paired_at DESC, d.id`, [
    storeId,
  ]);
}

/** Revokes a device (an ended one stays as it was, but its status says revoked from now on). */
export async function revokeDevice(db: Sql, deviceId: string, now: Date): Promise<Device> {
  const updated = await db.query(`UPDATE devices SET status = 'revoked', ended_at = COALESCE(ended_at, $2) WHERE id = $1 RETURNING id`, [deviceId, now]);
  if (updated.length === 0) throw new HttpError('not_found', `no device ${deviceId}`);
  const rows = await db.query<Device>(`SELECT ${DEVICE_COLUMNS} FROM devices d JOIN terminals t ON t.id = d.terminal_id WHERE d.id = $1`, [deviceId]);
  const device = rows[0];
  if (device === undefined) throw new HttpError('not_found', `no device ${deviceId}`);
  return device;
}

export async function recordDeviceReport(db: Sql, deviceId: string, report: DeviceReport, now: Date): Promise<void> {
  await db.query(
    `UPDATE devices SET app_version = $2, protocol_version = $3, pending = $4, failed = $5, reported_at = $6, last_seen_at = $6 WHERE id = $1`,
    [deviceId, report.app_version, report.protocol_version, report.pending, report.failed, now],
  );
}

/** How often last_seen_at is written per device at most: a pull or push a second must not cost a write each. */
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Writes last_seen_at at most once per LAST_SEEN_RESOLUTION_MS per device and hub process. */
export class LastSeen {
  private readonly written = new Map<string, number>();

  async touch(db: Sql, deviceId: string, now: Date): Promise<void> {
    const t = now.getTime();
    const last = this.written.get(deviceId);
    if (last !== undefined && t - last < LAST_SEEN_RESOLUTION_MS) return;
    this.written.set(deviceId, t);
    if (this.written.size > 10_000) this.sweep(t);
    await db.query('UPDATE devices SET last_seen_at = $2 WHERE id = $1 AND (last_seen_at IS NULL OR last_seen_at < $2)', [deviceId, now]);
  }

  private sweep(t: number): void {
    for (const [k, v] of this.written) if (t - v >= LAST_SEEN_RESOLUTION_MS) this.written.delete(k);
  }
}
