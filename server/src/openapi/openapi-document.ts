// GET /api/v1/openapi.json: the OpenAPI 3.1 description generated from the same zod contract the hub
// parses with (zod 4's z.toJSONSchema), so the document cannot drift from what the hub accepts.
import { z } from 'zod';
import { strictContract } from '@ezo/contract/contract';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@ezo/contract/protocol-version';

const c = strictContract;

function schema(s: z.ZodType, io: 'input' | 'output'): unknown {
  const json = z.toJSONSchema(s, { target: 'draft-2020-12', io, unrepresentable: 'any' }) as Record<string, unknown>;
  delete json['$schema'];
  return json;
}

const json = (s: z.ZodType, io: 'input' | 'output' = 'output') => ({ 'application/json': { schema: schema(s, io) } });
const error = { description: 'ApiError', content: json(c.apiError.apiError) };
const errors = { '400': error, '401': error, '429': error, '500': error, '503': error };

/** Query parameters from a zod object: one OpenAPI parameter per key. */
function queryParams(s: z.ZodObject): unknown[] {
  const js = schema(s, 'input') as { properties?: Record<string, unknown>; required?: string[] };
  return Object.entries(js.properties ?? {}).map(([name, sch]) => ({ name, in: 'query', required: js.required?.includes(name) ?? false, schema: sch }));
}

const uuidPath = [{ name: 'uuid', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } }];

function catalogPaths(kind: 'products' | 'categories' | 'customers', create: z.ZodType, patch: z.ZodType, row: z.ZodType) {
  return {
    [`/api/v1/admin/${kind}`]: {
      post: { security: [{ admin: [] }], requestBody: { content: json(create, 'input') }, responses: { '201': { description: 'created', content: json(row) }, '409': error, ...errors } },
    },
    [`/api/v1/admin/${kind}/{uuid}`]: {
      patch: { security: [{ admin: [] }], parameters: uuidPath, requestBody: { content: json(patch, 'input') }, responses: { '200': { description: 'updated', content: json(row) }, '404': error, ...errors } },
      delete: { security: [{ admin: [] }], parameters: uuidPath, responses: { '200': { description: 'tombstoned', content: json(row) }, '404': error, ...errors } },
    },
  };
}

export function openApiDocument(): unknown {
  const protocol = { name: PROTOCOL_HEADER, in: 'header', required: false, schema: { type: 'string', const: String(PROTOCOL_VERSION) } };
  return {
    openapi: '3.1.0',
    info: { title: 'Ezo POS hub', version: String(PROTOCOL_VERSION), description: 'Sync and back-office API of the Ezo POS hub.' },
    components: {
      securitySchemes: {
        terminal: { type: 'http', scheme: 'bearer', description: 'a terminal token (one store)' },
        admin: { type: 'http', scheme: 'bearer', description: 'ADMIN_TOKEN' },
      },
    },
    paths: {
      '/api/v1/health': { get: { responses: { '200': { description: 'up' }, '503': error } } },
      '/api/v1/sync/terminal': {
        get: { security: [{ terminal: [] }], parameters: [protocol], responses: { '200': { description: 'the calling terminal', content: json(c.terminal.terminalInfo) }, ...errors } },
      },
      '/api/v1/sync/downstream': {
        get: {
          security: [{ terminal: [] }],
          parameters: [protocol, ...queryParams(c.downstream.query)],
          responses: { '200': { description: 'one page of changes in commit order', content: json(c.downstream.page) }, ...errors },
        },
      },
      '/api/v1/sync/upstream': {
        post: {
          security: [{ terminal: [] }],
          parameters: [protocol],
          requestBody: { content: json(c.upstream.batch, 'input') },
          responses: { '200': { description: 'one result per item', content: json(c.upstream.response) }, '413': error, ...errors },
        },
      },
      ...catalogPaths('products', c.admin.productCreate, c.admin.productPatch, c.admin.product),
      ...catalogPaths('categories', c.admin.categoryCreate, c.admin.categoryPatch, c.admin.category),
      ...catalogPaths('customers', c.admin.customerCreate, c.admin.customerPatch, c.admin.customer),
      '/api/v1/admin/stores': {
        post: { security: [{ admin: [] }], requestBody: { content: json(c.admin.storeCreate, 'input') }, responses: { '201': { description: 'created', content: json(c.admin.store) }, ...errors } },
      },
      '/api/v1/admin/terminals': {
        post: {
          security: [{ admin: [] }],
          requestBody: { content: json(c.admin.terminalCreate, 'input') },
          responses: { '201': { description: 'created; the token is shown only here', content: json(c.admin.terminalCreated) }, '404': error, '409': error, ...errors },
        },
      },
      '/api/v1/admin/sales': {
        get: { security: [{ admin: [] }], parameters: queryParams(c.admin.salesQuery), responses: { '200': { description: 'sales', content: json(c.admin.salesReport) }, ...errors } },
      },
      '/api/v1/admin/stock': {
        get: { security: [{ admin: [] }], parameters: queryParams(c.admin.stockQuery), responses: { '200': { description: 'stock of one store', content: json(c.admin.stockReport) }, ...errors } },
      },
      '/api/v1/demo/pairing': {
        get: { responses: { '200': { description: 'demo hubs only', content: json(c.demo.demoPairing) }, '404': error } },
      },
    },
  };
}
