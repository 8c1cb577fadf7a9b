// The back office (admin token only): catalog edits, stores and terminals, sales and stock reports.
// Writes that version rows take the commit-order lock first, in the same order as upstream batches.
// The token is checked before the schema (preValidation), so a caller without one learns nothing more.
import type { FastifyInstance, preValidationHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { strictContract } from '@ezo/contract/contract';
import { DEFAULT_ADMIN_SALES_LIMIT } from '@ezo/contract/admin';
import type { AdminSale } from '@ezo/contract/admin';
import { requireAdmin } from '../auth/authenticate.ts';
import { fastJsonSerializerCompiler } from '../http/contract-validation.ts';
import type { HubContext } from '../http/hub-context.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { createCatalogRow, deleteCatalogRow, patchCatalogRow, type CatalogKind } from '../catalog/admin-catalog.ts';
import { STOCK_COLUMNS, stockToWire, type StockRow } from '../catalog/wire-rows.ts';
import { createStore, createTerminal, listStores, patchStore } from '../stores/stores.ts';
import { COMMIT_ORDER_LOCK_KEY } from '../sync/item-outcome.ts';
import { foldStockMoves } from '../sync/fold-stock.ts';
import { storeList } from './hub-responses.ts';

const admin = strictContract.admin;
const TAGS = ['admin'];
const SECURITY = [{ admin: [] }];
const UuidParam = z.strictObject({ uuid: z.uuid().describe('The row uuid.') });

interface CatalogSpec {
  /** One row, for summaries ("Create a product"). */
  noun: string;
  /** Capitalised and singular, for operation ids (createProduct). */
  name: string;
  create: z.ZodType;
  patch: z.ZodType;
  row: z.ZodType;
}

const CATALOG: Record<CatalogKind, CatalogSpec> = {
  products: { noun: 'product', name: 'Product', create: admin.productCreate, patch: admin.productPatch, row: admin.product },
  categories: { noun: 'category', name: 'Category', create: admin.categoryCreate, patch: admin.categoryPatch, row: admin.category },
  customers: { noun: 'customer', name: 'Customer', create: admin.customerCreate, patch: admin.customerPatch, row: admin.customer },
};

const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });

export function registerAdminRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // A throw here ends the request with that error (Fastify catches it), before the body is validated.
  const guard: preValidationHookHandler = (request, _reply, done) => {
    requireAdmin(ctx.adminTokenHash, request);
    done();
  };
  const versioned = <T>(work: (tx: Parameters<Parameters<HubContext['db']['transaction']>[0]>[0]) => Promise<T>) =>
    ctx.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK_KEY]);
      return work(tx);
    });

  for (const kind of Object.keys(CATALOG) as CatalogKind[]) {
    const spec = CATALOG[kind];
    api.post(
      `/api/v1/admin/${kind}`,
      {
        preValidation: guard,
        schema: {
          operationId: `create${spec.name}`,
          summary: `Create a ${spec.noun}`,
          description: `Tills pull the new ${spec.noun} with their next downstream page.`,
          tags: TAGS,
          security: SECURITY,
          body: spec.create,
          response: { 201: json(`The new ${spec.noun}.`, spec.row), ...errorResponses(400, 401, 409, 413, 415, 500, 503) },
        },
      },
      async (request, reply) => {
        const row = await versioned((tx) => createCatalogRow(tx, kind, request.body as Record<string, unknown>));
        return reply.code(201).send(row);
      },
    );
    api.patch(
      `/api/v1/admin/${kind}/:uuid`,
      {
        preValidation: guard,
        schema: {
          operationId: `update${spec.name}`,
          summary: `Change fields of a ${spec.noun}`,
          description: `Absent fields stay as they are.${kind === 'products' ? ' A new price bumps price_version.' : ''}`,
          tags: TAGS,
          security: SECURITY,
          params: UuidParam,
          body: spec.patch,
          response: { 200: json(`The ${spec.noun} as changed.`, spec.row), ...errorResponses(400, 401, 404, 409, 413, 415, 500, 503) },
        },
      },
      async (request) => versioned((tx) => patchCatalogRow(tx, kind, request.params.uuid, request.body as Record<string, unknown>)),
    );
    api.delete(
      `/api/v1/admin/${kind}/:uuid`,
      {
        preValidation: guard,
        schema: {
          operationId: `delete${spec.name}`,
          summary: `Delete a ${spec.noun} (a tombstone)`,
          description: `Sets deleted_at; nothing is removed, so tills pull the tombstone and take the ${spec.noun} out of sale.`,
          tags: TAGS,
          security: SECURITY,
          params: UuidParam,
          response: { 200: json(`The ${spec.noun} as tombstoned.`, spec.row), ...errorResponses(400, 401, 404, 500, 503) },
        },
      },
      async (request) => versioned((tx) => deleteCatalogRow(tx, kind, request.params.uuid)),
    );
  }

  api.get(
    '/api/v1/admin/stores',
    {
      preValidation: guard,
      schema: {
        operationId: 'listStores',
        summary: 'List the stores',
        tags: TAGS,
        security: SECURITY,
        response: { 200: json('Every store.', storeList), ...errorResponses(401, 500, 503) },
      },
    },
    async () => ({ stores: await listStores(ctx.db) }),
  );
  api.post(
    '/api/v1/admin/stores',
    {
      preValidation: guard,
      schema: {
        operationId: 'createStore',
        summary: 'Create a store',
        tags: TAGS,
        security: SECURITY,
        body: admin.storeCreate,
        response: { 201: json('The new store.', admin.store), ...errorResponses(400, 401, 413, 415, 500, 503) },
      },
    },
    async (request, reply) => reply.code(201).send(await createStore(ctx.db, request.body)),
  );
  api.patch(
    '/api/v1/admin/stores/:store_id',
    {
      preValidation: guard,
      schema: {
        operationId: 'updateStore',
        summary: 'Change a store (name, locale, PIN lock time, discount limit)',
        description: 'Tills read the settings when they start and with GET /api/v1/sync/terminal.',
        tags: TAGS,
        security: SECURITY,
        params: admin.storeParams,
        body: admin.storePatch,
        response: { 200: json('The store as changed.', admin.store), ...errorResponses(400, 401, 404, 413, 415, 500, 503) },
      },
    },
    async (request) => patchStore(ctx.db, request.params.store_id, request.body),
  );
  api.post(
    '/api/v1/admin/terminals',
    {
      preValidation: guard,
      schema: {
        operationId: 'createTerminal',
        summary: 'Create a terminal (and its legacy token)',
        description:
          'Pair a till to it with POST /api/v1/admin/terminals/{terminal_id}/pairing-codes. The legacy token (scripts and tests) is in this answer only: ' +
          'the hub keeps only its hash, and the first pairing retires it.',
        tags: TAGS,
        security: SECURITY,
        body: admin.terminalCreate,
        response: { 201: json('The new terminal and its token.', admin.terminalCreated), ...errorResponses(400, 401, 404, 409, 413, 415, 500, 503) },
      },
    },
    async (request, reply) => reply.code(201).send(await createTerminal(ctx.db, request.body)),
  );

  api.get(
    '/api/v1/admin/sales',
    {
      preValidation: guard,
      // Up to MAX_ADMIN_SALES_LIMIT sales the hub validated when they came in (see contract-validation.ts).
      serializerCompiler: fastJsonSerializerCompiler,
      schema: {
        operationId: 'listSales',
        summary: 'Sales as the tills sent them',
        description: 'Filtered by store, terminal and UTC day; oldest first.',
        tags: TAGS,
        security: SECURITY,
        querystring: admin.salesQuery,
        response: { 200: json('The sales.', admin.salesReport), ...errorResponses(400, 401, 500, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      const where: string[] = [];
      const params: (string | number)[] = [];
      if (q.store_id !== undefined) where.push(`store_id = $${params.push(q.store_id)}`);
      if (q.terminal_id !== undefined) where.push(`terminal_id = $${params.push(q.terminal_id)}`);
      if (q.day !== undefined) {
        const start = `${q.day}T00:00:00Z`;
        where.push(`created_at >= $${params.push(start)}::timestamptz AND created_at < $${params.length}::timestamptz + interval '1 day'`);
      }
      const limit = params.push(q.limit ?? DEFAULT_ADMIN_SALES_LIMIT);
      // The sale as the till sent it, with who made it and on which device (columns, not in a protocol 1 body).
      const rows = await ctx.db.query<{ body: AdminSale }>(
        `SELECT body || jsonb_build_object('staff_id', staff_id, 'approved_by', approved_by, 'device_id', device_id) AS body
           FROM sales ${where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`} ORDER BY created_at, uuid LIMIT $${limit}`,
        params,
      );
      return { sales: rows.map((r) => r.body) };
    },
  );

  api.get(
    '/api/v1/admin/stock',
    {
      preValidation: guard,
      schema: {
        operationId: 'getStock',
        summary: 'Stock figures of one store',
        description: 'Every stock move committed before the call is included.',
        tags: TAGS,
        security: SECURITY,
        querystring: admin.stockQuery,
        response: { 200: json('The stock of the store.', admin.stockReport), ...errorResponses(400, 401, 500, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      await foldStockMoves(ctx.db);
      const rows = await ctx.db.query<StockRow>(`SELECT ${STOCK_COLUMNS} FROM stock WHERE store_id = $1 ORDER BY product_uuid`, [q.store_id]);
      return { store_id: q.store_id, stock: rows.map(stockToWire) };
    },
  );
}
