// The back office (admin token or session): catalog edits, terminals, sales, shift and stock reports (stores: store-routes.ts).
// Writes that version rows take the commit-order lock first, in the same order as upstream batches.
// The token is checked first (onRequest, before the body is read), so a caller without one learns nothing
// more and cannot make the hub read a body; failed attempts count towards the address's throttle.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { strictContract } from '@ezo/contract/contract';
import { fastJsonSerializerCompiler } from '../http/contract-validation.ts';
import type { HubContext } from '../http/hub-context.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { createCatalogRow, deleteCatalogRow, patchCatalogRow, type CatalogKind } from '../catalog/admin-catalog.ts';
import { STOCK_COLUMNS, stockToWire, type StockRow } from '../catalog/wire-rows.ts';
import { putStorePrice } from '../catalog/store-prices.ts';
import { readChainSettings, writeChainSettings } from '../stores/chain-settings.ts';
import { createTerminal } from '../stores/stores.ts';
import { COMMIT_ORDER_LOCK_KEY } from '../sync/item-outcome.ts';
import { foldStockMoves } from '../sync/fold-stock.ts';
import { readSalesPage } from '../reports/sales-report.ts';
import { readShiftsPage } from '../reports/shifts-report.ts';
import { ADMIN_SECURITY, adminGuard, type StaffAccess } from './admin-guard.ts';
import { markPriceChanges } from '../catalog/price-history.ts';
import { canSeeStore, principalOf, requirePermission, storesWith } from '../auth/principal.ts';
import { HttpError } from '../http/api-error.ts';
import type { Sql } from '../db/database.ts';

const admin = strictContract.admin;
const TAGS = ['admin'];
const SECURITY = ADMIN_SECURITY;
const UuidParam = z.strictObject({ uuid: z.uuid().describe('The row uuid.') });

interface CatalogSpec {
  /** Who may write it with a back-office session (admin-guard.ts): the catalog is chain-wide. */
  access: StaffAccess;
  /** One row, for summaries ("Create a product"). */
  noun: string;
  /** Capitalised and singular, for operation ids (createProduct). */
  name: string;
  create: z.ZodType;
  patch: z.ZodType;
  row: z.ZodType;
}

// Customers have routes of their own (customer-routes.ts): search, store scope, merge.
const CATALOG: Record<Exclude<CatalogKind, 'customers'>, CatalogSpec> = {
  products: { access: 'manage_catalog', noun: 'product', name: 'Product', create: admin.productCreate, patch: admin.productPatch, row: admin.product },
  categories: { access: 'manage_catalog', noun: 'category', name: 'Category', create: admin.categoryCreate, patch: admin.categoryPatch, row: admin.category },
};

const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });

export function registerAdminRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const guard = adminGuard(ctx);
  // Store-scoped routes: the handler checks the principal (auth/principal.ts); another store is a 404.
  const routeChecks = adminGuard(ctx, 'route');
  const versioned = <T>(work: (tx: Parameters<Parameters<HubContext['db']['transaction']>[0]>[0]) => Promise<T>) =>
    ctx.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK_KEY]);
      return work(tx);
    });

  for (const kind of Object.keys(CATALOG) as (keyof typeof CATALOG)[]) {
    const spec = CATALOG[kind];
    const catalogGuard = adminGuard(ctx, spec.access);
    // Product writes tag their price changes for the price history (catalog/price-history.ts).
    const tagged = <T>(request: FastifyRequest, work: (tx: Sql) => Promise<T>) =>
      versioned(async (tx) => {
        if (kind === 'products') await markPriceChanges(tx, 'admin', request.principal);
        return work(tx);
      });
    api.post(
      `/api/v1/admin/${kind}`,
      {
        onRequest: catalogGuard,
        schema: {
          operationId: `create${spec.name}`,
          summary: `Create a ${spec.noun}`,
          description: `Tills pull the new ${spec.noun} with their next downstream page.`,
          tags: TAGS,
          security: SECURITY,
          body: spec.create,
          response: { 201: json(`The new ${spec.noun}.`, spec.row), ...errorResponses(400, 401, 403, 409, 413, 415, 500, 503) },
        },
      },
      async (request, reply) => {
        const row = await tagged(request, (tx) => createCatalogRow(tx, kind, request.body as Record<string, unknown>));
        return reply.code(201).send(row);
      },
    );
    api.patch(
      `/api/v1/admin/${kind}/:uuid`,
      {
        onRequest: catalogGuard,
        schema: {
          operationId: `update${spec.name}`,
          summary: `Change fields of a ${spec.noun}`,
          description: `Absent fields stay as they are.${kind === 'products' ? ' A new price bumps price_version.' : ''}`,
          tags: TAGS,
          security: SECURITY,
          params: UuidParam,
          body: spec.patch,
          response: { 200: json(`The ${spec.noun} as changed.`, spec.row), ...errorResponses(400, 401, 403, 404, 409, 413, 415, 500, 503) },
        },
      },
      async (request) => tagged(request, (tx) => patchCatalogRow(tx, kind, request.params.uuid, request.body as Record<string, unknown>)),
    );
    api.delete(
      `/api/v1/admin/${kind}/:uuid`,
      {
        onRequest: catalogGuard,
        schema: {
          operationId: `delete${spec.name}`,
          summary: `Delete a ${spec.noun} (a tombstone)`,
          description: `Sets deleted_at; nothing is removed, so tills pull the tombstone and take the ${spec.noun} out of sale.`,
          tags: TAGS,
          security: SECURITY,
          params: UuidParam,
          response: { 200: json(`The ${spec.noun} as tombstoned.`, spec.row), ...errorResponses(400, 401, 403, 404, 500, 503) },
        },
      },
      async (request) => tagged(request, (tx) => deleteCatalogRow(tx, kind, request.params.uuid)),
    );
  }

  api.post(
    '/api/v1/admin/terminals',
    {
      onRequest: guard,
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
    '/api/v1/admin/settings',
    {
      onRequest: guard,
      schema: {
        operationId: 'getChainSettings',
        summary: 'Settings of the whole chain',
        tags: TAGS,
        security: SECURITY,
        response: { 200: json('The settings.', admin.chainSettings), ...errorResponses(401, 500, 503) },
      },
    },
    async () => readChainSettings(ctx.db),
  );
  api.put(
    '/api/v1/admin/settings',
    {
      onRequest: guard,
      schema: {
        operationId: 'setChainSettings',
        summary: 'Change the settings of the whole chain',
        description: "share_customers: true lets every store's tills pull and attach every customer; they pull the other stores' customers with their next page.",
        tags: TAGS,
        security: SECURITY,
        body: admin.chainSettings,
        response: { 200: json('The settings as changed.', admin.chainSettings), ...errorResponses(400, 401, 413, 415, 500, 503) },
      },
    },
    async (request) => versioned((tx) => writeChainSettings(tx, request.body)),
  );

  const storePriceRoute = '/api/v1/admin/stores/:store_id/prices/:product_uuid';
  api.put(
    storePriceRoute,
    {
      onRequest: routeChecks,
      schema: {
        operationId: 'setStorePrice',
        summary: "Set a store's own price of a product",
        description: "Only this store's tills pull it; the chain's product and other stores keep their prices. A change bumps the store's price version.",
        tags: TAGS,
        security: SECURITY,
        params: admin.storePriceParams,
        body: admin.storePriceSet,
        response: { 200: json('The price in that store.', admin.storePrice), ...errorResponses(400, 401, 403, 404, 413, 415, 500, 503) },
      },
    },
    async (request) => {
      requirePermission(principalOf(request), 'manage_catalog', request.params.store_id);
      return versioned((tx) => putStorePrice(tx, request.params.store_id, request.params.product_uuid, request.body.price));
    },
  );
  api.delete(
    storePriceRoute,
    {
      onRequest: routeChecks,
      schema: {
        operationId: 'clearStorePrice',
        summary: "Clear a store's own price of a product",
        description: "The chain's price applies in this store again; its tills pull the product again.",
        tags: TAGS,
        security: SECURITY,
        params: admin.storePriceParams,
        response: { 200: json('The price in that store.', admin.storePrice), ...errorResponses(400, 401, 403, 404, 500, 503) },
      },
    },
    async (request) => {
      requirePermission(principalOf(request), 'manage_catalog', request.params.store_id);
      return versioned((tx) => putStorePrice(tx, request.params.store_id, request.params.product_uuid, null));
    },
  );

  api.get(
    '/api/v1/admin/sales',
    {
      onRequest: routeChecks,
      // Up to MAX_ADMIN_SALES_LIMIT sales the hub validated when they came in (see contract-validation.ts).
      serializerCompiler: fastJsonSerializerCompiler,
      schema: {
        operationId: 'listSales',
        summary: 'Sales as the tills sent them, a page at a time',
        description:
          'Filtered by store, terminal, UTC day and sales below the catalog price; oldest first (created_at, then uuid). ' +
          'Pass next_cursor as cursor, with the same filters, for the next page; it is null on the last page.',
        tags: TAGS,
        security: SECURITY,
        querystring: admin.salesQuery,
        response: { 200: json('The sales.', admin.salesReport), ...errorResponses(400, 401, 403, 404, 500, 503) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      // A manager reads one of their stores at a time (view_reports there); the token and owners read all.
      if (storesWith(principal, 'view_reports') !== 'all') {
        const storeId = request.query.store_id;
        if (storeId === undefined) throw new HttpError('bad_request', 'name one of your stores', [{ path: 'store_id', message: 'required with a manager session' }]);
        requirePermission(principal, 'view_reports', storeId);
      }
      return readSalesPage(ctx.db, request.query);
    },
  );

  api.get(
    '/api/v1/admin/shifts',
    {
      onRequest: routeChecks,
      // Up to MAX_ADMIN_SHIFTS_LIMIT shifts the hub validated when they came in (see contract-validation.ts).
      serializerCompiler: fastJsonSerializerCompiler,
      schema: {
        operationId: 'listShifts',
        summary: 'Closed shifts with their Z reports, as the tills sent them, a page at a time',
        description:
          "Of one store, optionally of one terminal and of one calendar day in the store's time zone (by closing time); oldest first (closed_at, then uuid). " +
          'Pass next_cursor as cursor, with the same filters, for the next page; it is null on the last page. A shift still on a till is not here until it syncs.',
        tags: TAGS,
        security: SECURITY,
        querystring: admin.shiftsQuery,
        response: { 200: json('The shifts.', admin.shiftsReport), ...errorResponses(400, 401, 403, 404, 500, 503) },
      },
    },
    async (request) => {
      // view_reports in that store; another store answers 404 like a missing one.
      requirePermission(principalOf(request), 'view_reports', request.query.store_id);
      return readShiftsPage(ctx.db, request.query);
    },
  );

  api.get(
    '/api/v1/admin/stock',
    {
      onRequest: routeChecks,
      schema: {
        operationId: 'getStock',
        summary: 'Stock figures of one store',
        description: 'Every stock move committed before the call is included.',
        tags: TAGS,
        security: SECURITY,
        querystring: admin.stockQuery,
        response: { 200: json('The stock of the store.', admin.stockReport), ...errorResponses(400, 401, 404, 500, 503) },
      },
    },
    async (request) => {
      const q = request.query;
      if (!canSeeStore(principalOf(request), q.store_id)) throw new HttpError('not_found', `no store ${q.store_id}`);
      await foldStockMoves(ctx.db);
      const rows = await ctx.db.query<StockRow>(`SELECT ${STOCK_COLUMNS} FROM stock WHERE store_id = $1 ORDER BY product_uuid`, [q.store_id]);
      return { store_id: q.store_id, stock: rows.map(stockToWire) };
    },
  );
}
