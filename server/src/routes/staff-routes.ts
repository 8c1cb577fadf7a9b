// Admin: staff members (create with roles per store, add, change or remove a role in one store, reset
// PIN or password, deactivate) and the permissions of each role. Answers never carry a PIN or password,
// nor their hashes. Owners and the admin token manage everyone; a manager holding manage_staff manages
// the staff of the stores where they hold it, never above their own permissions (staff/staff-access.ts).
// Every check runs inside the write's transaction, on the rows as they are under the commit-order lock.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { strictContract } from '@ezo/contract/contract';
import type { HubContext } from '../http/hub-context.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { createStaff, hashSecrets, listStaff, patchStaff, removeStoreRole, setStoreRole, staffRecord } from '../staff/staff.ts';
import { listRoles, setRoles } from '../staff/roles.ts';
import { principalOf, requirePermission, type Principal } from '../auth/principal.ts';
import type { Sql } from '../db/database.ts';
import type { StaffRecord } from '@ezo/contract/staff';
import { HttpError } from '../http/api-error.ts';
import { requireGrantable, requireRoleChanges, requireVisibleMember, requireWholeMember, rolePermissionMap, visibleMember } from '../staff/staff-access.ts';
import { ADMIN_SECURITY, ADMIN_TAGS, adminGuard, json, versionedWrite } from './admin-guard.ts';

const { staff } = strictContract;

export function registerStaffRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const guard = adminGuard(ctx);
  const staffGuard = adminGuard(ctx, 'manage_staff');
  const versioned = versionedWrite(ctx);
  /** The member as the principal may see them (404 otherwise), read in `tx`. */
  const memberFor = async (tx: Sql, principal: Principal, id: string): Promise<StaffRecord> => {
    const member = await staffRecord(tx, id);
    requireVisibleMember(principal, member);
    return member;
  };
  const answer = (principal: Principal, member: StaffRecord): StaffRecord => visibleMember(principal, member) ?? member;

  api.get(
    '/api/v1/admin/staff',
    {
      onRequest: staffGuard,
      schema: {
        operationId: 'listStaff',
        summary: 'Staff members',
        description:
          'Everyone, or the members with a role in one store; deactivated members included (active false). ' +
          'A manager with manage_staff gets the members of the stores where they hold it, with those roles only.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        querystring: staff.staffQuery,
        response: { 200: json('The members.', staff.staffList), ...errorResponses(400, 401, 403, 404, 500, 503) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      if (request.query.store_id !== undefined) requirePermission(principal, 'manage_staff', request.query.store_id);
      const members = await listStaff(ctx.db, request.query.store_id);
      return { staff: members.flatMap((m) => visibleMember(principal, m) ?? []) };
    },
  );

  api.post(
    '/api/v1/admin/staff',
    {
      onRequest: staffGuard,
      schema: {
        operationId: 'createStaff',
        summary: 'Create a staff member',
        description:
          "The PIN and password are stored only as scrypt hashes. Each store's tills pull the member (with the PIN hash) with their next page. " +
          'Each role needs manage_staff in its store and no permission the caller lacks there (403).',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        body: staff.staffCreate,
        response: { 201: json('The new member.', staff.staffRecord), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 500, 503) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      // Checked before hashing (a refused caller costs no scrypt), and again under the lock below.
      const check = async (db: Sql) => requireRoleChanges(principal, await rolePermissionMap(db), [], request.body.roles);
      await check(ctx.db);
      // Hashed before the commit-order lock is taken: no till waits for scrypt.
      const secrets = await hashSecrets(request.body);
      const created = await versioned(async (tx) => {
        await check(tx);
        return createStaff(tx, request.body, secrets);
      });
      return reply.code(201).send(answer(principal, created));
    },
  );

  api.patch(
    '/api/v1/admin/staff/:staff_id',
    {
      onRequest: staffGuard,
      schema: {
        operationId: 'updateStaff',
        summary: 'Change a staff member',
        description:
          'Change the name, e-mail or roles, reset the PIN or password, or deactivate (active false): every till of their stores drops the PIN at its next pull. ' +
          'Past sales keep naming the member. The organisation keeps an owner (409). ' +
          "A manager with manage_staff changes a member's own fields only when every role of theirs is within the manager's reach; " +
          'roles replaces every role, so a manager changes roles with PUT and DELETE /api/v1/admin/staff/{staff_id}/roles/{store_id}.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: staff.staffParams,
        body: staff.staffPatch,
        response: { 200: json('The member as changed.', staff.staffRecord), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 500, 503) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { roles, ...own } = request.body;
      const check = async (db: Sql) => {
        const member = await memberFor(db, principal, request.params.staff_id);
        const rolePermissions = await rolePermissionMap(db);
        if (Object.keys(own).length > 0) requireWholeMember(principal, rolePermissions, member);
        if (roles !== undefined) requireRoleChanges(principal, rolePermissions, member.roles, roles);
      };
      await check(ctx.db);
      const secrets = await hashSecrets(request.body);
      const changed = await versioned(async (tx) => {
        await check(tx);
        return patchStaff(tx, request.params.staff_id, request.body, secrets);
      });
      return answer(principal, changed);
    },
  );

  api.put(
    '/api/v1/admin/staff/:staff_id/roles/:store_id',
    {
      onRequest: staffGuard,
      schema: {
        operationId: 'setStaffStoreRole',
        summary: "Give a member a role in one store, or change the role they hold there",
        description:
          "The member's other roles stay. Needs manage_staff in the store (404 for a store or member outside the caller's stores, 403 without it), " +
          'and neither the new role nor the one it replaces may hold a permission the caller lacks there (403). The organisation keeps an owner (409). ' +
          "The store's tills pull the change with their next page.",
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: staff.staffRoleParams,
        body: staff.staffRoleSet,
        response: { 200: json('The member as changed.', staff.staffRecord), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 500, 503) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { staff_id: staffId, store_id: storeId } = request.params;
      const changed = await versioned(async (tx) => {
        requirePermission(principal, 'manage_staff', storeId);
        const member = await memberFor(tx, principal, staffId);
        const rolePermissions = await rolePermissionMap(tx);
        const held = member.roles.find((r) => r.store_id.toLowerCase() === storeId.toLowerCase());
        if (held !== undefined) requireGrantable(principal, rolePermissions, storeId, held.role);
        requireGrantable(principal, rolePermissions, storeId, request.body.role);
        return setStoreRole(tx, staffId, storeId, request.body.role);
      });
      return answer(principal, changed);
    },
  );

  api.delete(
    '/api/v1/admin/staff/:staff_id/roles/:store_id',
    {
      onRequest: staffGuard,
      schema: {
        operationId: 'removeStaffStoreRole',
        summary: "End a member's role in one store",
        description:
          "The store's tills see the member inactive and drop the PIN with their next page; the other roles stay. Same checks as setting a role; " +
          'the last owner role of the organisation cannot go (409), nor the last back-office role of a member with a password (400).',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: staff.staffRoleParams,
        response: { 200: json('The member as changed.', staff.staffRecord), ...errorResponses(400, 401, 403, 404, 409, 500, 503) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const { staff_id: staffId, store_id: storeId } = request.params;
      const changed = await versioned(async (tx) => {
        requirePermission(principal, 'manage_staff', storeId);
        const member = await memberFor(tx, principal, staffId);
        const held = member.roles.find((r) => r.store_id.toLowerCase() === storeId.toLowerCase());
        if (held === undefined) throw new HttpError('not_found', `no role in store ${storeId}`);
        requireGrantable(principal, await rolePermissionMap(tx), storeId, held.role);
        return removeStoreRole(tx, staffId, storeId);
      });
      return answer(principal, changed);
    },
  );

  api.get(
    '/api/v1/admin/roles',
    {
      onRequest: staffGuard,
      schema: {
        operationId: 'listRoles',
        summary: 'Roles and their permissions',
        description: 'For owners and whoever holds manage_staff (the Staff screen offers only the roles they may give); changing them is for owners.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        response: { 200: json('Every role.', staff.rolesList), ...errorResponses(401, 500, 503) },
      },
    },
    async () => ({ roles: await listRoles(ctx.db) }),
  );

  api.put(
    '/api/v1/admin/roles',
    {
      onRequest: guard,
      schema: {
        operationId: 'setRoles',
        summary: 'Set the permissions of roles',
        description: 'Replaces the permissions of each role named; the owner role always holds every permission. Tills pull the change with their next page.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        body: staff.rolesList,
        response: { 200: json('Every role, as changed.', staff.rolesList), ...errorResponses(400, 401, 413, 415, 500, 503) },
      },
    },
    async (request) => ({ roles: await versioned((tx) => setRoles(tx, request.body.roles)) }),
  );
}
