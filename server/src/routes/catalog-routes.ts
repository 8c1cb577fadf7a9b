// The back office's catalog reads and bulk operations (issue 19): the product list (search, sort,
// keyset pages), one product and its price history, categories with counts, the VAT rates in use, CSV
// import (preview, then apply in one transaction) and CSV export (streamed). Chain-wide data: a session
// needs manage_catalog in at least one store; the admin token may do everything.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { backOfficeCatalog, MAX_IMPORT_BYTES, PRODUCT_CSV_COLUMNS } from '@ezo/contract/backoffice-catalog';
import { listCategories, listVatRates } from '../catalog/catalog-overview.ts';
import { markPriceChanges, priceHistory } from '../catalog/price-history.ts';
import { exportProducts } from '../catalog/product-export.ts';
import { importProducts } from '../catalog/product-import.ts';
import { listProducts, productRow } from '../catalog/product-list.ts';
import type { HubContext } from '../http/hub-context.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { ADMIN_SECURITY, ADMIN_TAGS, adminGuard, json, versionedWrite } from './admin-guard.ts';

const UuidParam = z.strictObject({ uuid: z.uuid().describe('The product uuid.') });
const CSV = 'text/csv';

export function registerCatalogRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const guard = adminGuard(ctx, 'manage_catalog');
  const versioned = versionedWrite(ctx);
  // CSV arrives as text; only the import route accepts it, with its own body limit.
  app.addContentTypeParser(CSV, { parseAs: 'string', bodyLimit: MAX_IMPORT_BYTES }, (_request, body, done) => done(null, body));

  api.get(
    '/api/v1/admin/products',
    {
      onRequest: guard,
      schema: {
        operationId: 'listProducts',
        summary: 'Products, searched, sorted and paged',
        description: 'Live products (deleted ones left out) with their category name. Search by name words, SKU or barcode; keyset pages (next_cursor).',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        querystring: backOfficeCatalog.productListQuery,
        response: { 200: json('One page.', backOfficeCatalog.productPage), ...errorResponses(400, 401, 403, 500, 503) },
      },
    },
    async (request) => listProducts(ctx.db, request.query),
  );

  api.get(
    '/api/v1/admin/products/export',
    {
      onRequest: guard,
      schema: {
        operationId: 'exportProducts',
        summary: 'Export the products as CSV',
        description: `Streamed, by SKU, with the columns ${PRODUCT_CSV_COLUMNS.join(', ')}: the import's format, so importing the file again changes nothing.`,
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        produces: [CSV],
        response: {
          200: { description: 'The CSV file.', content: { [CSV]: { schema: z.string() } } },
          ...errorResponses(401, 403, 500, 503),
        },
      },
    },
    async (_request, reply) =>
      reply
        .header('Content-Type', `${CSV}; charset=utf-8`)
        .header('Content-Disposition', 'attachment; filename="products.csv"')
        // The CSV stream is the body as is (the route's 200 is documented, not serialized).
        .send(exportProducts(ctx.db) as unknown as string),
  );

  api.post(
    '/api/v1/admin/products/import',
    {
      onRequest: guard,
      bodyLimit: MAX_IMPORT_BYTES,
      schema: {
        operationId: 'importProducts',
        summary: 'Import products from CSV (preview or apply)',
        description:
          `Columns ${PRODUCT_CSV_COLUMNS.join(', ')} (sku, name, price, vat_rate required), matched by SKU: a new SKU is created, a changed row updated, ` +
          'an equal row left alone (no version bump). Without apply=true only checks the file and says what it would do. A file with any error changes ' +
          'nothing; the report lists each error with its line. Applied in one transaction.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        consumes: [CSV],
        querystring: backOfficeCatalog.importQuery,
        body: z.string().describe('The CSV file, UTF-8, comma or semicolon separated, with a header line.'),
        response: { 200: json('What the file would do, or did.', backOfficeCatalog.importReport), ...errorResponses(400, 401, 403, 413, 415, 500, 503) },
      },
    },
    async (request) => {
      if (request.query.apply !== 'true') return importProducts(ctx.db, request.body, false);
      return versioned(async (tx) => {
        await markPriceChanges(tx, 'import', request.principal);
        return importProducts(tx, request.body, true);
      });
    },
  );

  api.get(
    '/api/v1/admin/products/:uuid',
    {
      onRequest: guard,
      schema: {
        operationId: 'getProduct',
        summary: 'One product',
        description: 'A product with its category name; a deleted one too (deleted_at set).',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: UuidParam,
        response: { 200: json('The product.', backOfficeCatalog.productRow), ...errorResponses(400, 401, 403, 404, 500, 503) },
      },
    },
    async (request) => productRow(ctx.db, request.params.uuid),
  );

  api.get(
    '/api/v1/admin/products/:uuid/price-history',
    {
      onRequest: guard,
      schema: {
        operationId: 'getPriceHistory',
        summary: "A product's price history",
        description: 'Every price (and VAT rate) the product had, newest first, with where it came from and who changed it.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: UuidParam,
        response: { 200: json('The history.', backOfficeCatalog.priceHistory), ...errorResponses(400, 401, 403, 404, 500, 503) },
      },
    },
    async (request) => priceHistory(ctx.db, request.params.uuid),
  );

  api.get(
    '/api/v1/admin/categories',
    {
      onRequest: guard,
      schema: {
        operationId: 'listCategories',
        summary: 'Categories',
        description: 'Live categories with their product counts. Create, rename and delete with POST, PATCH and DELETE.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        response: { 200: json('The categories.', backOfficeCatalog.categoryList), ...errorResponses(401, 403, 500, 503) },
      },
    },
    async () => ({ categories: await listCategories(ctx.db) }),
  );

  api.get(
    '/api/v1/admin/vat-rates',
    {
      onRequest: guard,
      schema: {
        operationId: 'listVatRates',
        summary: 'VAT rates in use',
        description: 'The rates live products carry, with product counts. A rate belongs to each product; change products to change it.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        response: { 200: json('The rates.', backOfficeCatalog.vatRateList), ...errorResponses(401, 403, 500, 503) },
      },
    },
    async () => ({ rates: await listVatRates(ctx.db) }),
  );
}
