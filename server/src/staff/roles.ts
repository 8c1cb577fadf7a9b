// Permissions per role, one set for the whole organisation. The owner role always holds every permission
// (nobody can lock the organisation out of its own settings). A change re-stamps every store-role row
// of the changed roles, so tills pull the members' new permissions with their next page.
import { ALL_PERMISSIONS, type Permission, type Role, type RolePermissions } from '@ezo/contract/staff';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';

const ROLE_ORDER: Record<Role, number> = { owner: 0, manager: 1, cashier: 2 };

export async function listRoles(db: Sql): Promise<RolePermissions[]> {
  const rows = await db.query<{ role: Role; permissions: Permission[] }>('SELECT role, permissions FROM role_permissions');
  return rows.sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]).map((r) => ({ role: r.role, permissions: [...r.permissions] }));
}

export async function setRoles(tx: Sql, roles: readonly RolePermissions[]): Promise<RolePermissions[]> {
  for (const r of roles) {
    if (r.role === 'owner' && ALL_PERMISSIONS.some((p) => !r.permissions.includes(p))) {
      throw new HttpError('bad_request', 'the owner role always holds every permission', [{ path: 'roles', message: 'leave the owner out, or give it every permission' }]);
    }
  }
  for (const r of roles) {
    await tx.query('UPDATE role_permissions SET permissions = $2::text[], updated_at = now() WHERE role = $1', [r.role, r.permissions]);
    await tx.query('UPDATE staff_store_roles SET role = role WHERE role = $1', [r.role]);
  }
  return listRoles(tx);
}
