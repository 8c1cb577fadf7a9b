// Admin: stores and their settings (protocol 3). Every write is versioned under the commit-order lock,
// so the store's own tills pull the change with their next downstream page (store_settings); no other
// store's till ever sees it.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { strictContract } from '@ezo/contract/contract';
import type { HubContext } from '../http/hub-context.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { createStore, listStores, patchStore, putStoreSettings, readStore } from '../stores/stores.ts';
import { storeList } from './hub-responses.ts';
import { canSeeStore, principalOf, requirePermission, visibleStoreIds } from '../auth/principal.ts';
import { HttpError } from '../http/api-error.ts';
import { ADMIN_SECURITY, ADMIN_TAGS, adminGuard, json, versionedWrite } from './admin-guard.ts';

const { admin } = strictContract;
const PULLED = "The store's tills pull the change with their next downstream page (store_settings).";

export function registerStoreRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Creating a store stays with owners (and the admin token). A store's settings, all of them, are
  // changed by whoever holds manage_store_settings in that store (owners everywhere; managers by
  // default in their own stores); the currency still cannot change once the store has sales. Reads
  // are for everyone who may see the store. A store outside the caller's scope is a 404 (no existence
  // oracle), a role there without the permission a 403.
  const guard = adminGuard(ctx);
  const routeGuard = adminGuard(ctx, 'route');
  const versioned = versionedWrite(ctx);

  api.get(
    '/api/v1/admin/stores',
    {
      onRequest: routeGuard,
      schema: {
        operationId: 'listStores',
        summary: 'List the stores with their settings',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        description: 'Every store for the admin token and owners; a manager gets the stores they have a role in.',
        response: { 200: json('The stores the caller may see.', storeList), ...errorResponses(401, 500, 503) },
      },
    },
    async (request) => {
      const visible = visibleStoreIds(principalOf(request));
      const stores = await listStores(ctx.db);
      return { stores: visible === 'all' ? stores : stores.filter((s) => visible.includes(s.id)) };
    },
  );
  api.post(
    '/api/v1/admin/stores',
    {
      onRequest: guard,
      schema: {
        operationId: 'createStore',
        summary: 'Create a store',
        description: 'Absent settings take their defaults; set the rest with PUT /api/v1/admin/stores/{store_id}.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        body: admin.storeCreate,
        response: { 201: json('The new store.', admin.store), ...errorResponses(400, 401, 413, 415, 500, 503) },
      },
    },
    async (request, reply) => reply.code(201).send(await versioned((tx) => createStore(tx, request.body))),
  );
  api.get(
    '/api/v1/admin/stores/:store_id',
    {
      onRequest: routeGuard,
      schema: {
        operationId: 'getStore',
        summary: 'A store and all its settings',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: admin.storeParams,
        response: { 200: json('The store.', admin.store), ...errorResponses(400, 401, 404, 500, 503) },
      },
    },
    async (request) => {
      if (!canSeeStore(principalOf(request), request.params.store_id)) throw new HttpError('not_found', `no store ${request.params.store_id}`);
      return readStore(ctx.db, request.params.store_id);
    },
  );
  api.put(
    '/api/v1/admin/stores/:store_id',
    {
      onRequest: routeGuard,
      schema: {
        operationId: 'setStoreSettings',
        summary: "Replace a store's settings",
        description:
          `All settings at once: receipt header and footer, legal name, address, tax number, VAT id, locale, currency, time zone, PIN lock, discount limit, storage alarm. ${PULLED} ` +
          'The currency cannot change once the store has sales (409); a refused request changes nothing. ' +
          'Needs manage_store_settings in this store (owners: every store; managers by default: theirs).',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: admin.storeParams,
        body: admin.storeSettingsPut,
        response: { 200: json('The store as changed.', admin.store), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 500, 503) },
      },
    },
    async (request) => {
      requirePermission(principalOf(request), 'manage_store_settings', request.params.store_id);
      return versioned((tx) => putStoreSettings(tx, request.params.store_id, request.body));
    },
  );
  api.patch(
    '/api/v1/admin/stores/:store_id',
    {
      onRequest: routeGuard,
      schema: {
        operationId: 'updateStore',
        summary: 'Change some fields of a store (name, locale, PIN lock time, discount limit)',
        description: `Absent fields stay as they are. ${PULLED} Needs manage_store_settings in this store.`,
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: admin.storeParams,
        body: admin.storePatch,
        response: { 200: json('The store as changed.', admin.store), ...errorResponses(400, 401, 403, 404, 413, 415, 500, 503) },
      },
    },
    async (request) => {
      requirePermission(principalOf(request), 'manage_store_settings', request.params.store_id);
      return versioned((tx) => patchStore(tx, request.params.store_id, request.body));
    },
  );
}
