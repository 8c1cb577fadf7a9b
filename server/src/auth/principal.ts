// Who an admin request acts for: the admin bearer token (automation: every store, every permission) or a
// back-office session of a staff member (owners: every store; managers: the stores they have a role in,
// with their role's permissions there). Routes ask these helpers rather than looking at the kind:
//
//   principalOf(request)                          the principal the guard set (401 if none: a route without the guard)
//   requirePermission(principal, permission)      chain-wide data (the catalog): the permission in at least one store
//   requirePermission(principal, permission, id)  one store: 404 when the principal has no role there (no
//                                                 existence oracle: the same answer as for a store that does not
//                                                 exist), 403 when it has a role there without the permission
//   visibleStoreIds(principal)                    'all' or the ids of the stores it may see (filter lists with it)
//   canSeeStore(principal, id)                    the boolean form
import type { FastifyRequest } from 'fastify';
import { ALL_PERMISSIONS, type Permission, type Role } from '@ezo/contract/staff';
import { HttpError } from '../http/api-error.ts';
import type { StoreScope } from '../http/store-scope.ts';

export interface StoreGrant {
  storeId: string;
  role: Role;
  permissions: readonly Permission[];
}

export interface StaffPrincipal {
  kind: 'staff';
  staffId: string;
  displayName: string;
  email: string;
  /** An owner role in any store: sees and changes every store, with every permission. */
  owner: boolean;
  /** The stores the member has a role in (not removed), with that role's permissions. */
  storeRoles: readonly StoreGrant[];
}

export type Principal = { kind: 'admin' } | StaffPrincipal;

export const ADMIN_PRINCIPAL: Principal = Object.freeze({ kind: 'admin' });

declare module 'fastify' {
  interface FastifyRequest {
    /** Set by the admin guard (routes/admin-guard.ts) and the session routes; null elsewhere. */
    principal: Principal | null;
  }
}

export function principalOf(request: FastifyRequest): Principal {
  if (request.principal === null) throw new HttpError('unauthorized', 'sign in, or send the admin bearer token');
  return request.principal;
}

/** Every permission for admin and owners; otherwise the role's permissions in that store (none without a role). */
function permissionsIn(principal: Principal, storeId: string): readonly Permission[] | undefined {
  if (principal.kind === 'admin' || principal.owner) return ALL_PERMISSIONS;
  return principal.storeRoles.find((g) => g.storeId === storeId.toLowerCase())?.permissions;
}

export function canSeeStore(principal: Principal, storeId: string): boolean {
  return permissionsIn(principal, storeId) !== undefined;
}

export function visibleStoreIds(principal: Principal): StoreScope {
  if (principal.kind === 'admin' || principal.owner) return 'all';
  return principal.storeRoles.map((g) => g.storeId);
}

/** The stores where the principal holds a permission: 'all', or their ids (possibly none). */
export function storesWith(principal: Principal, permission: Permission): StoreScope {
  if (principal.kind === 'admin' || principal.owner) return 'all';
  return principal.storeRoles.filter((g) => g.permissions.includes(permission)).map((g) => g.storeId);
}

export function hasPermission(principal: Principal, permission: Permission, storeId?: string): boolean {
  if (storeId !== undefined) return permissionsIn(principal, storeId)?.includes(permission) ?? false;
  const stores = storesWith(principal, permission);
  return stores === 'all' || stores.length > 0;
}

/** Throws 404 (a store the principal has no role in) or 403 (a role without the permission). */
export function requirePermission(principal: Principal, permission: Permission, storeId?: string): void {
  if (storeId !== undefined && !canSeeStore(principal, storeId)) throw new HttpError('not_found', `no store ${storeId}`);
  if (!hasPermission(principal, permission, storeId)) throw new HttpError('forbidden', `this needs the permission ${permission}`);
}
