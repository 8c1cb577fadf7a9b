// GET /api/v1/admin/shifts: one page of a store's closed shifts as the tills sent them, by closing time
// then uuid, with an opaque keyset cursor (as the sales report: "z1.<closed_at in microseconds since
// 1970>.<uuid>", exact, anything else a 400). `day` is a calendar day in the store's time zone
// (stores.time_zone): a shift closed at 23:30 in Berlin is that day's, though it is the next in UTC.
import type { AdminShift, ShiftsQuery, ShiftsReport } from '@ezo/contract/admin';
import { DEFAULT_ADMIN_SHIFTS_LIMIT } from '@ezo/contract/admin';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';

/** At most 17 digits of microseconds (past year 5000): the number stays exact in a bigint and in SQL. */
const CURSOR_PATTERN = /^z1\.(0|[1-9][0-9]{0,16})\.([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;
const MICROS = `(extract(epoch FROM closed_at) * 1000000)::bigint`;
const FROM_MICROS = (param: string) => `(timestamptz 'epoch' + ${param}::bigint * interval '1 microsecond')`;
const ISO = (col: string) => `to_char(${col} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

function decodeCursor(cursor: string): { micros: string; uuid: string } {
  const match = CURSOR_PATTERN.exec(cursor);
  if (match?.[1] === undefined || match[2] === undefined) {
    throw new HttpError('bad_request', 'cursor is not a cursor this hub issued', [{ path: 'cursor', message: 'expected the next_cursor of a previous page' }]);
  }
  return { micros: match[1], uuid: match[2] };
}

export async function readShiftsPage(db: Sql, q: ShiftsQuery): Promise<ShiftsReport> {
  const stores = await db.query<{ time_zone: string }>('SELECT time_zone FROM stores WHERE id = $1', [q.store_id]);
  const store = stores[0];
  if (store === undefined) throw new HttpError('not_found', 'no such store');
  const params: (string | number)[] = [q.store_id];
  const where = ['store_id = $1'];
  if (q.terminal_id !== undefined) where.push(`terminal_id = $${params.push(q.terminal_id)}`);
  if (q.day !== undefined) {
    // The day's first and the next day's first instant in the zone (23 or 25 hours across a DST change).
    const day = `$${params.push(q.day)}::date`;
    const zone = `$${params.push(store.time_zone)}::text`;
    where.push(`closed_at >= (${day}::timestamp AT TIME ZONE ${zone}) AND closed_at < ((${day} + 1)::timestamp AT TIME ZONE ${zone})`);
  }
  if (q.cursor !== undefined) {
    const after = decodeCursor(q.cursor);
    where.push(`(closed_at, uuid) > (${FROM_MICROS(`$${params.push(after.micros)}`)}, $${params.push(after.uuid)}::uuid)`);
  }
  const limit = q.limit ?? DEFAULT_ADMIN_SHIFTS_LIMIT;
  // One row more than the page tells whether another page follows.
  const rows = await db.query<{ body: AdminShift; uuid: string; micros: string }>(
    `SELECT body || printed || jsonb_build_object('store_id', store_id, 'device_id', device_id, 'received_at', ${ISO('received_at')}) AS body,
            uuid::text AS uuid, ${MICROS}::text AS micros
       FROM shifts WHERE ${where.join(' AND ')}
      ORDER BY closed_at, uuid LIMIT $${params.push(limit + 1)}`,
    params,
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  const next = rows.length > limit && last !== undefined ? `z1.${last.micros}.${last.uuid}` : null;
  return { store_id: q.store_id, time_zone: store.time_zone, shifts: page.map((r) => r.body), next_cursor: next };
}
