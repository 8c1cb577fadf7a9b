// Admin: customers for the back office: a searched, sorted, keyset-paged list, one customer with the
// sales reported under it, create, edit, delete (a tombstone) and merging a duplicate. Writes take the
// commit-order lock (versionedWrite), so tills pull them in order; a merged duplicate is a tombstone
// tills pull, and its sales (even ones a till made offline after the merge) are reported under the
// survivor (customers/merge-customers.ts).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { strictContract } from '@ezo/contract/contract';
import { strictAdminLists } from '@ezo/contract/admin-lists';
import type { HubContext } from '../http/hub-context.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { createCustomer, customerDetail, deleteCustomer, listCustomers, patchCustomer } from '../customers/customers.ts';
import { mergeCustomers } from '../customers/merge-customers.ts';
import { ADMIN_SECURITY, ADMIN_TAGS, adminGuard, json, versionedWrite } from './admin-guard.ts';
import { scopeOf } from './request-scope.ts';

const { admin } = strictContract;
const lists = strictAdminLists;

export function registerCustomerRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // Owners and managers: each sees and changes the customers of their stores (the handlers scope by store).
  const guard = adminGuard(ctx, 'route');
  const versioned = versionedWrite(ctx);

  api.get(
    '/api/v1/admin/customers',
    {
      onRequest: guard,
      schema: {
        operationId: 'listCustomers',
        summary: 'Customers, searched and sorted, a page at a time',
        description:
          'Search by any word of the name, any part of the e-mail or the phone digits (case and accents ignored). Pass next_cursor as cursor, ' +
          'with the same filters and sort, for the next page. Deleted and merged customers only with include_deleted=true.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        querystring: lists.customerQuery,
        response: { 200: json('One page.', lists.customerPage), ...errorResponses(400, 401, 404, 500, 503) },
      },
    },
    async (request) => listCustomers(ctx.db, request.query, scopeOf(request)),
  );

  api.get(
    '/api/v1/admin/customers/:uuid',
    {
      onRequest: guard,
      schema: {
        operationId: 'getCustomer',
        summary: 'A customer with the sales reported under it',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: lists.customerParams,
        response: { 200: json('The customer.', lists.customerDetail), ...errorResponses(400, 401, 404, 500, 503) },
      },
    },
    async (request) => customerDetail(ctx.db, request.params.uuid, scopeOf(request)),
  );

  api.post(
    '/api/v1/admin/customers',
    {
      onRequest: guard,
      schema: {
        operationId: 'createCustomer',
        summary: 'Create a customer',
        description: "Tills of the customer's store (all, when the chain shares customers) pull it with their next page.",
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        body: admin.customerCreate,
        response: { 201: json('The new customer.', lists.adminCustomer), ...errorResponses(400, 401, 409, 413, 415, 500, 503) },
      },
    },
    async (request, reply) => reply.code(201).send(await versioned((tx) => createCustomer(tx, request.body, scopeOf(request)))),
  );

  api.patch(
    '/api/v1/admin/customers/:uuid',
    {
      onRequest: guard,
      schema: {
        operationId: 'updateCustomer',
        summary: 'Change fields of a customer',
        description: 'Absent fields stay as they are.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: lists.customerParams,
        body: admin.customerPatch,
        response: { 200: json('The customer as changed.', lists.adminCustomer), ...errorResponses(400, 401, 404, 409, 413, 415, 500, 503) },
      },
    },
    async (request) => versioned((tx) => patchCustomer(tx, request.params.uuid, request.body, scopeOf(request))),
  );

  api.delete(
    '/api/v1/admin/customers/:uuid',
    {
      onRequest: guard,
      schema: {
        operationId: 'deleteCustomer',
        summary: 'Delete a customer (a tombstone)',
        description: 'Sets deleted_at; nothing is removed, so tills pull the tombstone. Past sales keep naming the customer.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: lists.customerParams,
        response: { 200: json('The customer as tombstoned.', lists.adminCustomer), ...errorResponses(400, 401, 404, 500, 503) },
      },
    },
    async (request) => versioned((tx) => deleteCustomer(tx, request.params.uuid, scopeOf(request))),
  );

  api.post(
    '/api/v1/admin/customers/:uuid/merge',
    {
      onRequest: guard,
      schema: {
        operationId: 'mergeCustomers',
        summary: 'Merge a duplicate customer into this one',
        description:
          'The duplicate becomes a tombstone (tills pull it) with merged_into naming this customer, which takes its e-mail or phone where it has none. ' +
          "Sales keep the customer the till named (their history) and are reported under this one, also sales a till made offline with the duplicate " +
          'and sends later (they are stored as usual). Customers of different stores merge only when the chain shares customers. Repeating a merge answers the same.',
        tags: ADMIN_TAGS,
        security: ADMIN_SECURITY,
        params: lists.customerParams,
        body: lists.customerMerge,
        response: { 200: json('Both customers after the merge.', lists.customerMerged), ...errorResponses(400, 401, 404, 409, 413, 415, 500, 503) },
      },
    },
    async (request) => {
      const merged = await versioned((tx) => mergeCustomers(tx, request.params.uuid, request.body.duplicate_uuid, scopeOf(request), ctx.now()));
      request.log.info({ survivor: merged.survivor.uuid, duplicate: merged.duplicate.uuid }, 'customers merged');
      return merged;
    },
  );
}
