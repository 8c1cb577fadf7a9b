// The OpenAPI document covers the hub: every route registered on the app (seen through onRoute) is in
// it with an operationId, a summary and an explicit security; the contract's messages are named
// components referenced where used (a Sale is defined once); errors are named responses; request bodies
// are required. `npm run lint` runs Redocly's recommended rules on the same document.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, RouteOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHub } from '../src/app.ts';
import type { Database } from '../src/db/database.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { OPENAPI_PATH } from '../src/openapi/register-openapi.ts';
import { tidyDocument } from '../src/openapi/tidy-document.ts';

interface Operation {
  operationId?: string;
  summary?: string;
  security?: unknown[];
  requestBody?: { required?: boolean };
  responses: Record<string, { $ref?: string; content?: unknown }>;
}
interface Document {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; responses: Record<string, { content?: unknown }> };
}

/** Fastify's /:uuid is OpenAPI's /{uuid}. */
const openApiPath = (url: string) => url.replace(/:([A-Za-z_]\w*)/g, '{$1}');

describe('the OpenAPI document', () => {
  let db: Database;
  let app: FastifyInstance;
  let dist: string;
  const routes: RouteOptions[] = [];
  let doc: Document;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'ezo-openapi-dist-'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>till</title>');
    db = await openDatabase({ memory: true });
    app = await buildHub({ db, adminTokenHash: Buffer.alloc(32), staticDir: dist, publicUrl: 'http://localhost:8080', demoTerminalId: '00000000-0000-4000-8000-000000000001', onRoute: (route) => routes.push(route) });
    const res = await app.inject({ method: 'GET', url: OPENAPI_PATH });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    doc = res.json();
  });
  afterAll(async () => {
    await app.close();
    await db.close();
    rmSync(dist, { recursive: true, force: true });
  });

  it('lists every route the hub serves, each with an operationId, a summary and its security', () => {
    const served = routes.flatMap((r) => (Array.isArray(r.method) ? r.method : [r.method]).map((method) => ({ method, url: r.url, schema: r.schema })));
    // Fastify adds a HEAD twin to every GET; the document lists the GET.
    const own = served.filter((r) => r.method !== 'HEAD');
    // Only the built till's files are left out of the document (@fastify/static hides its routes).
    expect(own.filter((r) => r.schema?.hide === true).map((r) => r.url)).toEqual(['/*']);
    const api = own.filter((r) => r.schema?.hide !== true);
    expect(api.length).toBeGreaterThanOrEqual(20);
    const ids = new Set<string>();
    for (const route of api) {
      const op = doc.paths[openApiPath(route.url)]?.[route.method.toLowerCase()];
      expect(op, `${route.method} ${route.url} is not in the document`).toBeDefined();
      expect(op?.operationId, `${route.method} ${route.url} has no operationId`).toMatch(/^[a-z][A-Za-z]+$/);
      expect(op?.summary?.length ?? 0, `${route.method} ${route.url} has no summary`).toBeGreaterThan(5);
      expect(Array.isArray(op?.security), `${route.method} ${route.url} does not say who may call it`).toBe(true);
      expect(Object.keys(op?.responses ?? {}).some((status) => /^2\d\d$/.test(status))).toBe(true);
      if (route.schema?.body !== undefined) expect(op?.requestBody?.required).toBe(true);
      ids.add(op?.operationId ?? '');
    }
    expect(ids.size).toBe(api.length);
    // And nothing documented that is not served.
    const documented = Object.values(doc.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(documented).toBe(api.length);
    expect(doc.paths['/api/v1/admin/stores']?.['get']?.operationId).toBe('listStores');
    expect(doc.paths['/api/v1/health']?.['get']?.security).toEqual([]);
    expect(doc.paths['/api/v1/sync/upstream']?.['post']?.security).toEqual([{ terminal: [] }]);
  });

  it('defines each message once, as a named component, and refers to it', () => {
    const schemas = doc.components.schemas;
    for (const name of ['Sale', 'SaleLine', 'Product', 'UpstreamBatch', 'UpstreamResponse', 'DownstreamPage', 'ApiError', 'StoreList']) expect(schemas).toHaveProperty([name]);
    expect(Object.keys(schemas).filter((name) => name.endsWith('Input'))).toEqual([]);
    const text = JSON.stringify(doc);
    // The Sale's own fields appear in its component, in protocol 1's frozen copy (SaleV1: the import takes both) and in
    // the admin's row (AdminSale: the sale with who and which device); everything else refers to those. The reports'
    // rows name a receipt too (JournalEntry, LinkedSale), each once, as a component.
    expect(text.match(/"receipt_number":/g)).toHaveLength(5);
    for (const name of ['JournalEntry', 'LinkedSale', 'Receipt', 'PeriodReport']) expect(schemas).toHaveProperty([name]);
    expect(JSON.stringify(schemas['UpstreamBatch'])).toContain('"#/components/schemas/Sale"');
    expect(JSON.stringify(schemas['SalesReport'])).toContain('"#/components/schemas/AdminSale"');
    expect(JSON.stringify(schemas['AdminSale'])).toContain('"#/components/schemas/SaleLine"');
    expect(JSON.stringify(schemas['ImportBatch'])).toContain('"#/components/schemas/UpstreamBatchV1"');
    // Descriptions come from the contract.
    expect(JSON.stringify(schemas['Product'])).toContain('price_version');
    expect((schemas['Product'] as { description?: string }).description).toMatch(/catalog/);
  });

  it('answers errors with named responses whose body is the ApiError', () => {
    expect(doc.components.responses['BadRequest']?.content).toEqual({ 'application/json': { schema: { $ref: '#/components/schemas/ApiError' } } });
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses)) {
          if (Number(status) >= 400) expect(response.$ref, `${method} ${path} ${status}`).toMatch(/^#\/components\/responses\/[A-Z]\w+$/);
        }
      }
    }
  });
});

describe('the tidy pass', () => {
  const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
  const error = { description: 'x', content: { 'application/json': { schema: ref('ApiError') } } };

  it('merges equal input and output twins, keeps different ones, names a lone input plainly and drops the unused', () => {
    const tidy = tidyDocument({
      paths: {
        '/a': {
          post: {
            requestBody: { content: { 'application/json': { schema: ref('OrderInput') } } },
            responses: { '200': { description: 'ok', content: { 'application/json': { schema: ref('Order') } } }, '400': error },
          },
          put: { requestBody: { content: { 'application/json': { schema: ref('BatchInput') } } }, responses: { '200': { description: 'ok' } } },
        },
      },
      components: {
        schemas: {
          Order: { type: 'object', properties: { line: ref('Line') } },
          OrderInput: { type: 'object', properties: { line: ref('LineInput') } },
          // Different: an input default makes the field optional on the way in.
          Line: { type: 'object', required: ['n'] },
          LineInput: { type: 'object' },
          Batch: { type: 'object', required: ['x'] },
          BatchInput: { type: 'object' },
          ApiError: { type: 'object' },
          ApiErrorInput: { type: 'object' },
          Unused: { type: 'string' },
        },
      },
    });
    const schemas = (tidy['components'] as { schemas: Record<string, unknown> }).schemas;
    // Order and OrderInput differ through their lines, so both stay; Batch only ever comes in, so it takes the plain name.
    expect(Object.keys(schemas).sort()).toEqual(['ApiError', 'Batch', 'Line', 'LineInput', 'Order', 'OrderInput']);
    expect(schemas['Batch']).toEqual({ type: 'object' });
    expect(JSON.stringify(tidy['paths'])).toContain('"#/components/responses/BadRequest"');
  });
});
