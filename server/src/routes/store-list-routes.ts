// Admin: a store's lists for the back office: stock on hand (search, low stock, keyset pages), the
// adjustments journal (who, why, when) and the terminals with their active device. A store outside the
// caller's stores is answered like a missing one: 404.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Permission } from '@ezo/contract/staff';
import { principalOf, requirePermission } from '../auth/principal.ts';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { strictContract } from '@ezo/contract/contract';
import { strictAdminLists } from '@ezo/contract/admin-lists';
import type { HubContext } from '../http/hub-context.ts';
import { requireStoreInScope } from '../http/store-scope.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { readAdjustmentPage, readStockPage, requireStore } from '../stock/stock-pages.ts';
import { listTerminals } from '../stores/terminal-list.ts';
import { ADMIN_SECURITY, ADMIN_TAGS, adminGuard, json } from './admin-guard.ts';
import { scopeOf } from './request-scope.ts';

const { admin } = strictContract;
const lists = strictAdminLists;

export function registerStoreListRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Owners and managers, for the stores they have a role in; terminals need manage_devices there.
  const guard = adminGuard(ctx, 'route');
  const storeOf = async (request: FastifyRequest, storeId: string, permission?: Permission) => {
    if (permission === undefined) requireStoreInScope(scopeOf(request), storeId);
    else requirePermission(principalOf(request), permission, storeId);
    await requireStore(ctx.db, storeId);
  };

  api.get(
    '/api/v1/admin/stores/:store_id/stock',
    {
      onRequest: guard,
      schema: {
        operationId: 'listStoreStock',
        summary: "A store's stock on hand, a page at a time",
        description:
          'Products with a stock figure in the store, by name or quantity; low_stock_below keeps those under a threshold. ' +
          'Every stock move committed before the call is included. Pass next_cursor as cursor (same filters and sort) for the next page.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: admin.storeParams,
        querystring: lists.stockQuery,
        response: { 200: json('One page.', lists.stockPage), ...errorResponses(400, 401, 404, 500, 503) },
      },
    },
    async (request) => {
      await storeOf(request, request.params.store_id);
      return readStockPage(ctx.db, request.params.store_id, request.query);
    },
  );

  api.get(
    '/api/v1/admin/stores/:store_id/stock-adjustments',
    {
      onRequest: guard,
      schema: {
        operationId: 'listStockAdjustments',
        summary: "A store's stock adjustments journal, newest first",
        description: 'Each adjustment with the product, the units, the reason, who made it (and who approved it), when and on which terminal.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: admin.storeParams,
        querystring: lists.adjustmentQuery,
        response: { 200: json('One page.', lists.adjustmentPage), ...errorResponses(400, 401, 404, 500, 503) },
      },
    },
    async (request) => {
      await storeOf(request, request.params.store_id);
      return readAdjustmentPage(ctx.db, request.params.store_id, request.query);
    },
  );

  api.get(
    '/api/v1/admin/stores/:store_id/terminals',
    {
      onRequest: guard,
      schema: {
        operationId: 'listTerminals',
        summary: "A store's terminals with the device paired to each",
        description: 'Create one with POST /api/v1/admin/terminals, pair a till with POST /api/v1/admin/terminals/{terminal_id}/pairing-codes.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: admin.storeParams,
        response: { 200: json('The terminals.', lists.terminalList), ...errorResponses(400, 401, 404, 500, 503) },
      },
    },
    async (request) => {
      await storeOf(request, request.params.store_id, 'manage_devices');
      return { terminals: await listTerminals(ctx.db, request.params.store_id) };
    },
  );
}
