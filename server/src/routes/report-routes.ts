// Admin: the reports (issue 20): the sales journal, one receipt as printed, the period report, and CSV
// exports of the journal and of each report section. Every handler asks visibleStores(request) which
// stores it may read and passes that one parameter down (reports/report-scope.ts): the admin token and
// owners see all stores; a manager's session the stores where their role has view_reports.
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { strictContract } from '@ezo/contract/contract';
import type { HubContext } from '../http/hub-context.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { ADMIN_SECURITY, ADMIN_TAGS, adminGuard, json } from './admin-guard.ts';
import { principalOf, requirePermission, storesWith } from '../auth/principal.ts';
import type { StoreScope } from '../http/store-scope.ts';
import { reportStores } from '../reports/report-scope.ts';
import { readJournalPage } from '../reports/journal.ts';
import { readReceipt } from '../reports/receipt.ts';
import { readPeriodReport } from '../reports/period-report.ts';
import { readUnsentShifts } from '../reports/unsent-shifts.ts';
import { journalCsv, periodSectionCsv } from '../reports/csv-export.ts';

const { reports } = strictContract;
const TAGS = [...ADMIN_TAGS, 'reports'];
const csvFile = { description: 'The CSV file, streamed.', content: { 'text/csv': { schema: z.string().meta({ description: 'RFC 4180 CSV; see the format parameter.' }) } } };

/** Fastify pipes a stream as is (no serializer); the route's schema documents the CSV text it carries. */
const streamed = (csv: Readable) => csv as unknown as string;

/**
 * The stores this caller may read: where it holds view_reports ('all' for the token and owners). A named
 * store it has no role in answers 404 (no existence oracle); a role there without view_reports, 403.
 */
function visibleStores(request: FastifyRequest, storeId?: string): StoreScope {
  const principal = principalOf(request);
  if (storeId !== undefined) requirePermission(principal, 'view_reports', storeId);
  return storesWith(principal, 'view_reports');
}

function attachment(name: string): string {
  return `attachment; filename="${name.replace(/[^A-Za-z0-9._-]/g, '_')}.csv"`;
}

export function registerReportRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  // view_reports in at least one store; each handler narrows to the stores where it holds it.
  const guard = adminGuard(ctx, 'view_reports');

  api.get(
    '/api/v1/admin/reports/journal',
    {
      onRequest: guard,
      schema: {
        operationId: 'getSalesJournal',
        summary: 'The sales journal: every sale and refund, newest first',
        description:
          "Filters: store, terminal, cashier, payment method, sales or refunds, from/to days in each store's time zone, a receipt number prefix, " +
          'a product (name, SKU or barcode) and a customer (name, e-mail or phone). Pass next_cursor as cursor, with the same filters, for the next page.',
        tags: TAGS,
        security: ADMIN_SECURITY,
        querystring: reports.journalQuery,
        response: { 200: json('One page of the journal.', reports.journalPage), ...errorResponses(400, 401, 403, 404, 500, 503) },
      },
    },
    async (request) => readJournalPage(ctx.db, await reportStores(ctx.db, visibleStores(request, request.query.store_id), request.query.store_id), request.query),
  );

  api.get(
    '/api/v1/admin/reports/journal/export',
    {
      onRequest: guard,
      schema: {
        operationId: 'exportSalesJournal',
        summary: 'The sales journal as CSV',
        description: 'The filters of the journal; every matching sale and refund, newest first, streamed (any length).',
        tags: TAGS,
        security: ADMIN_SECURITY,
        querystring: reports.journalExportQuery,
        response: { 200: csvFile, ...errorResponses(400, 401, 403, 404, 500, 503) },
      },
    },
    async (request, reply) => {
      const stores = await reportStores(ctx.db, visibleStores(request, request.query.store_id), request.query.store_id);
      const name = ['journal', request.query.from, request.query.to].filter((p) => p !== undefined).join('-');
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(name))
        .send(streamed(journalCsv(ctx.db, stores, request.query, request.query.format ?? 'store')));
    },
  );

  api.get(
    '/api/v1/admin/reports/sales/:uuid',
    {
      onRequest: guard,
      schema: {
        operationId: 'getReceipt',
        summary: 'A sale or refund as printed',
        description: 'Its lines, VAT per rate and payments with the figures the till prints; for a sale its refunds, for a refund its original.',
        tags: TAGS,
        security: ADMIN_SECURITY,
        params: reports.receiptParams,
        response: { 200: json('The receipt.', reports.receipt), ...errorResponses(400, 401, 403, 404, 500, 503) },
      },
    },
    async (request) => readReceipt(ctx.db, visibleStores(request), request.params.uuid),
  );

  api.get(
    '/api/v1/admin/reports/period',
    {
      onRequest: guard,
      schema: {
        operationId: 'getPeriodReport',
        summary: 'Sales of a period, for one store or all',
        description:
          "Gross sales, discounts, refunds, net sales, VAT per rate, payment methods, sales count and average basket, per till and per cashier, top products " +
          "and categories, sales per hour and per day; days in each store's time zone. Each till says when its newest sale arrived, so a day with a till " +
          'that has not synced shows it. Read from summary tables kept at ingest.',
        tags: TAGS,
        security: ADMIN_SECURITY,
        querystring: reports.periodQuery,
        response: { 200: json('The report.', reports.periodReport), ...errorResponses(400, 401, 403, 404, 500, 503) },
      },
    },
    async (request) => readPeriodReport(ctx.db, await reportStores(ctx.db, visibleStores(request, request.query.store_id), request.query.store_id), request.query),
  );

  api.get(
    '/api/v1/admin/reports/period/export',
    {
      onRequest: guard,
      schema: {
        operationId: 'exportPeriodReport',
        summary: 'One table of the period report as CSV',
        description: 'section: summary, vat, payments, terminals, cashiers, products, categories, hours or days.',
        tags: TAGS,
        security: ADMIN_SECURITY,
        querystring: reports.periodExportQuery,
        response: { 200: csvFile, ...errorResponses(400, 401, 403, 404, 500, 503) },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const stores = await reportStores(ctx.db, visibleStores(request, q.store_id), q.store_id);
      const report = await readPeriodReport(ctx.db, stores, q);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', attachment(`${q.section}-${q.from}-${q.to}`))
        .send(streamed(periodSectionCsv(report, stores, q.section, q.format ?? 'store')));
    },
  );

  api.get(
    '/api/v1/admin/reports/unsent-shifts',
    {
      onRequest: guard,
      schema: {
        operationId: 'getUnsentShifts',
        summary: 'Days on which a till sold but its shift has not reached the hub',
        description:
          "Per store, day (the store's time zone) and till: the sales and refunds that no closed shift the hub holds covers (their shift is still open " +
          'or not yet synced), so that day\'s Z figures are not complete. Read from a summary table kept at ingest.',
        tags: TAGS,
        security: ADMIN_SECURITY,
        querystring: reports.unsentShiftsQuery,
        response: { 200: json('The days.', reports.unsentShifts), ...errorResponses(400, 401, 403, 404, 500, 503) },
      },
    },
    async (request) => readUnsentShifts(ctx.db, await reportStores(ctx.db, visibleStores(request, request.query.store_id), request.query.store_id), request.query),
  );
}
