// Admin: staff members (create with roles per store, change role, reset PIN or password, deactivate)
// and the permissions of each role. Answers never carry a PIN or password, nor their hashes.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { strictContract } from '@ezo/contract/contract';
import type { HubContext } from '../http/hub-context.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { createStaff, hashSecrets, listStaff, patchStaff } from '../staff/staff.ts';
import { listRoles, setRoles } from '../staff/roles.ts';
import { ADMIN_SECURITY, ADMIN_TAGS, adminGuard, json, versionedWrite } from './admin-guard.ts';

const { staff } = strictContract;

export function registerStaffRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const guard = adminGuard(ctx);
  const versioned = versionedWrite(ctx);

  api.get(
    '/api/v1/admin/staff',
    {
      preValidation: guard,
      schema: {
        operationId: 'listStaff',
        summary: 'Staff members',
        description: 'Everyone, or the members with a role in one store; deactivated members included (active false).',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        querystring: staff.staffQuery,
        response: { 200: json('The members.', staff.staffList), ...errorResponses(400, 401, 500, 503) },
      },
    },
    async (request) => ({ staff: await listStaff(ctx.db, request.query.store_id) }),
  );

  api.post(
    '/api/v1/admin/staff',
    {
      preValidation: guard,
      schema: {
        operationId: 'createStaff',
        summary: 'Create a staff member',
        description: "The PIN and password are stored only as scrypt hashes. Each store's tills pull the member (with the PIN hash) with their next page.",
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        body: staff.staffCreate,
        response: { 201: json('The new member.', staff.staffRecord), ...errorResponses(400, 401, 404, 409, 413, 415, 500, 503) },
      },
    },
    async (request, reply) => {
      // Hashed before the commit-order lock is taken: no till waits for scrypt.
      const secrets = await hashSecrets(request.body);
      return reply.code(201).send(await versioned((tx) => createStaff(tx, request.body, secrets)));
    },
  );

  api.patch(
    '/api/v1/admin/staff/:staff_id',
    {
      preValidation: guard,
      schema: {
        operationId: 'updateStaff',
        summary: 'Change a staff member',
        description:
          'Change the name, e-mail or roles, reset the PIN or password, or deactivate (active false): every till of their stores drops the PIN at its next pull. ' +
          'Past sales keep naming the member.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: staff.staffParams,
        body: staff.staffPatch,
        response: { 200: json('The member as changed.', staff.staffRecord), ...errorResponses(400, 401, 404, 409, 413, 415, 500, 503) },
      },
    },
    async (request) => {
      const secrets = await hashSecrets(request.body);
      return versioned((tx) => patchStaff(tx, request.params.staff_id, request.body, secrets));
    },
  );

  api.get(
    '/api/v1/admin/roles',
    {
      preValidation: guard,
      schema: {
        operationId: 'listRoles',
        summary: 'Roles and their permissions',
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
      preValidation: guard,
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
