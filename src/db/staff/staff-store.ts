// The staff table as the till reads it: the lock screen's list (no hashes) and one member's row for
// a PIN check. Permissions are stored as the hub sent them; only the till's own are kept in views.
import type { SqlExecutor } from '../../sync/sql-connection.ts';
import { TILL_PERMISSIONS, type StaffView, type TillPermission } from '../../api/till-api.ts';

export interface StaffMember extends StaffView {
  permissions: TillPermission[];
  pinHash: string | null;
}

interface StaffRow {
  id: string;
  display_name: string;
  role: string;
  permissions: string;
  pin_hash: string | null;
}

const TILL_PERMISSION_SET: ReadonlySet<string> = new Set(TILL_PERMISSIONS);

function isTillPermission(value: unknown): value is TillPermission {
  return typeof value === 'string' && TILL_PERMISSION_SET.has(value);
}

/** The till's permissions among those stored; anything unreadable counts as none. */
export function tillPermissions(json: string): TillPermission[] {
  try {
    const parsed: unknown = JSON.parse(json);
    return Array.isArray(parsed) ? parsed.filter(isTillPermission) : [];
  } catch {
    return [];
  }
}

export async function activeStaff(db: SqlExecutor): Promise<StaffView[]> {
  const rows = await db.all<StaffRow>(
    `SELECT id, display_name, role FROM staff WHERE active = 1 AND pin_hash IS NOT NULL ORDER BY display_name COLLATE NOCASE, id`,
  );
  return rows.map((r) => ({ id: r.id, displayName: r.display_name, role: r.role }));
}

/** An active member with a PIN, or null (unknown, deactivated, or no PIN set). */
export async function activeMember(db: SqlExecutor, id: string): Promise<StaffMember | null> {
  const row = await db.get<StaffRow>(`SELECT id, display_name, role, permissions, pin_hash FROM staff WHERE id = ? AND active = 1 AND pin_hash IS NOT NULL`, [id]);
  if (row === undefined) return null;
  return { id: row.id, displayName: row.display_name, role: row.role, permissions: tillPermissions(row.permissions), pinHash: row.pin_hash };
}

/** Display names by id, deactivated members included (old receipts still name them). */
export async function staffName(db: SqlExecutor, id: string | null): Promise<string | null> {
  if (id === null) return null;
  return (await db.get<{ display_name: string }>(`SELECT display_name FROM staff WHERE id = ?`, [id]))?.display_name ?? null;
}
