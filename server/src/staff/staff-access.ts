// Who may change whom (issue 19). Owners and the admin token manage every member. A manager holding
// manage_staff manages staff in the stores where they hold it, and only below or at their own level:
//   - a member is theirs to see when the member has a role in one of those stores (they see those roles
//     only); any other member is a 404, as one that does not exist;
//   - granting, changing or removing a role in a store needs manage_staff there (404 for a store outside
//     their scope, 403 for one they see without it), and both the role given and the role taken away
//     must hold no permission the manager lacks in that store (no privilege escalation: a manager cannot
//     make an owner, nor demote one);
//   - a member's own fields (name, e-mail, PIN, password, active) reach every store they work in, so
//     changing them needs all of the member's roles to be within the manager's reach in that sense.
import type { Permission, Role, StaffRecord, StoreRole } from '@ezo/contract/staff';
import { type Principal, hasPermission, requirePermission, storesWith } from '../auth/principal.ts';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';

export type RolePermissionMap = ReadonlyMap<Role, readonly Permission[]>;

export async function rolePermissionMap(db: Sql): Promise<RolePermissionMap> {
  const rows = await db.query<{ role: Role; permissions: Permission[] }>('SELECT role, permissions FROM role_permissions');
  return new Map(rows.map((r) => [r.role, r.permissions]));
}

/** 'all', or the stores where the principal holds manage_staff (lower-case ids). */
export function staffScope(principal: Principal): 'all' | ReadonlySet<string> {
  const stores = storesWith(principal, 'manage_staff');
  return stores === 'all' ? 'all' : new Set(stores.map((id) => id.toLowerCase()));
}

/** The member as the principal sees them: roles outside their scope left out; undefined when none is left. */
export function visibleMember(principal: Principal, member: StaffRecord): StaffRecord | undefined {
  const scope = staffScope(principal);
  if (scope === 'all') return member;
  const roles = member.roles.filter((r) => scope.has(r.store_id.toLowerCase()));
  return roles.length === 0 ? undefined : { ...member, roles };
}

/** 404 unless the principal sees the member (a role in a store where they manage staff). */
export function requireVisibleMember(principal: Principal, member: StaffRecord): void {
  if (visibleMember(principal, member) === undefined) throw new HttpError('not_found', `no staff member ${member.id}`);
}

/** Throws unless the principal may give (or take away) `role` in `storeId`. `path` names the field for the error. */
export function requireGrantable(principal: Principal, roles: RolePermissionMap, storeId: string, role: Role, path = 'role'): void {
  requirePermission(principal, 'manage_staff', storeId);
  const missing = (roles.get(role) ?? []).filter((p) => !hasPermission(principal, p, storeId));
  if (missing.length > 0) {
    throw new HttpError('forbidden', `the role ${role} holds permissions you do not hold in this store: ${missing.join(', ')}`, [
      { path, message: `you cannot give or take away a role with more permissions than yours (${missing.join(', ')})` },
    ]);
  }
}

/** Throws unless the principal may change the member's own fields: every role of theirs is grantable by the principal. */
export function requireWholeMember(principal: Principal, roles: RolePermissionMap, member: StaffRecord): void {
  requireVisibleMember(principal, member);
  for (const r of member.roles) {
    if (!hasPermission(principal, 'manage_staff', r.store_id)) throw new HttpError('forbidden', 'this member also works in stores where you do not manage staff; ask an owner');
    requireGrantable(principal, roles, r.store_id, r.role, 'roles');
  }
}

/** Every store whose role differs between `before` and `after` (added, changed or removed), with both roles. */
export function roleChanges(before: readonly StoreRole[], after: readonly StoreRole[]): { storeId: string; from: Role | undefined; to: Role | undefined }[] {
  const was = new Map(before.map((r) => [r.store_id.toLowerCase(), r.role]));
  const will = new Map(after.map((r) => [r.store_id.toLowerCase(), r.role]));
  const stores = new Set([...was.keys(), ...will.keys()]);
  return [...stores].filter((id) => was.get(id) !== will.get(id)).map((storeId) => ({ storeId, from: was.get(storeId), to: will.get(storeId) }));
}

/** Throws unless the principal may make every change from `before` to `after`. */
export function requireRoleChanges(principal: Principal, roles: RolePermissionMap, before: readonly StoreRole[], after: readonly StoreRole[]): void {
  for (const change of roleChanges(before, after)) {
    if (change.from !== undefined) requireGrantable(principal, roles, change.storeId, change.from, 'roles');
    if (change.to !== undefined) requireGrantable(principal, roles, change.storeId, change.to, 'roles');
  }
}
