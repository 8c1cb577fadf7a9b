// The back office (admin token only): catalog edits, stores and terminals, sales and stock reports.
// Writes that version rows take the commit-order lock first, in the same order as upstream batches.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { strictContract } from '@ezo/contract/contract';
import { DEFAULT_ADMIN_SALES_LIMIT } from '@ezo/contract/admin';
import type { Sale } from '@ezo/contract/sale';
import { requireAdmin } from '../auth/authenticate.ts';
import { parseOr400 } from '../http/api-error.ts';
import type { HubContext } from '../http/hub-context.ts';
import { createCatalogRow, deleteCatalogRow, patchCatalogRow, type CatalogKind } from '../catalog/admin-catalog.ts';
import { STOCK_COLUMNS, stockToWire, type StockRow } from '../catalog/wire-rows.ts';
import { createStore, createTerminal, listStores } from '../stores/stores.ts';
import { COMMIT_ORDER_LOCK_KEY } from '../sync/item-outcome.ts';
import { foldStockMoves } from '../sync/fold-stock.ts';

const admin = strictContract.admin;
const UuidParam = z.strictObject({ uuid: z.uuid() });

const CATALOG: Record<CatalogKind, { create: z.ZodType; patch: z.ZodType }> = {
  products: { create: admin.productCreate, patch: admin.productPatch },
  categories: { create: admin.categoryCreate, patch: admin.categoryPatch },
  customers: { create: admin.customerCreate, patch: admin.customerPatch },
};

export function registerAdminRoutes(app: FastifyInstance, ctx: HubContext): void {
  const guard = (request: FastifyRequest) => requireAdmin(ctx.adminTokenHash, request);
  const versioned = <T>(work: (tx: Parameters<Parameters<HubContext['db']['transaction']>[0]>[0]) => Promise<T>) =>
    ctx.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK_KEY]);
      return work(tx);
    });

  for (const kind of Object.keys(CATALOG) as CatalogKind[]) {
    const schemas = CATALOG[kind];
    app.post(`/api/v1/admin/${kind}`, async (request, reply) => {
      guard(request);
      const input = parseOr400(schemas.create, request.body, 'the body') as Record<string, unknown>;
      const row = await versioned((tx) => createCatalogRow(tx, kind, input));
      return reply.code(201).send(row);
    });
    app.patch(`/api/v1/admin/${kind}/:uuid`, async (request) => {
      guard(request);
      const { uuid } = parseOr400(UuidParam, request.params, 'the path');
      const patch = parseOr400(schemas.patch, request.body, 'the body') as Record<string, unknown>;
      return versioned((tx) => patchCatalogRow(tx, kind, uuid, patch));
    });
    app.delete(`/api/v1/admin/${kind}/:uuid`, async (request) => {
      guard(request);
      const { uuid } = parseOr400(UuidParam, request.params, 'the path');
      return versioned((tx) => deleteCatalogRow(tx, kind, uuid));
    });
  }

  app.get('/api/v1/admin/stores', async (request) => {
    guard(request);
    return { stores: await listStores(ctx.db) };
  });
  app.post('/api/v1/admin/stores', async (request, reply) => {
    guard(request);
    const input = parseOr400(admin.storeCreate, request.body, 'the body');
    return reply.code(201).send(await createStore(ctx.db, input));
  });
  app.post('/api/v1/admin/terminals', async (request, reply) => {
    guard(request);
    const input = parseOr400(admin.terminalCreate, request.body, 'the body');
    return reply.code(201).send(await createTerminal(ctx.db, input));
  });

  app.get('/api/v1/admin/sales', async (request) => {
    guard(request);
    const q = parseOr400(admin.salesQuery, request.query, 'the query');
    const where: string[] = [];
    const params: (string | number)[] = [];
    if (q.store_id !== undefined) where.push(`store_id = $${params.push(q.store_id)}`);
    if (q.terminal_id !== undefined) where.push(`terminal_id = $${params.push(q.terminal_id)}`);
    if (q.day !== undefined) {
      const start = `${q.day}T00:00:00Z`;
      where.push(`created_at >= $${params.push(start)}::timestamptz AND created_at < $${params.length}::timestamptz + interval '1 day'`);
    }
    const limit = params.push(q.limit ?? DEFAULT_ADMIN_SALES_LIMIT);
    const rows = await ctx.db.query<{ body: Sale }>(
      `SELECT body FROM sales ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ORDER BY created_at, uuid LIMIT $${limit}`,
      params,
    );
    return { sales: rows.map((r) => r.body) };
  });

  app.get('/api/v1/admin/stock', async (request) => {
    guard(request);
    const q = parseOr400(admin.stockQuery, request.query, 'the query');
    await foldStockMoves(ctx.db);
    const rows = await ctx.db.query<StockRow>(`SELECT ${STOCK_COLUMNS} FROM stock WHERE store_id = $1 ORDER BY product_uuid`, [q.store_id]);
    return { store_id: q.store_id, stock: rows.map(stockToWire) };
  });
}
