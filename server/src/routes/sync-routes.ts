// The till's API: who am I, pull a page of master data, push a batch, report the device's state. Each
// call is authenticated as one device (or a terminal's legacy token), rate limited per terminal, and
// works only on that terminal's store.
// Order per request: the protocol header and the token in onRequest, before the body is read (a
// revoked device, a stranger or a too-old till never gets to send a megabyte); then the rate limit,
// body parsing (413, 415, bad JSON), the schema (400), the handler.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { strictContract } from '@ezo/contract/contract';
import { DEFAULT_DOWNSTREAM_LIMIT } from '@ezo/contract/limits';
import { MIN_SUPPORTED_PROTOCOL_VERSION, PROTOCOL_HEADER, PROTOCOL_VERSION } from '@ezo/contract/protocol-version';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import type { AnyBatch } from '../sync/ingest-batch.ts';
import { HttpError, zodIssues } from '../http/api-error.ts';
import { contractValidatorCompiler, fastJsonSerializerCompiler, handlerParsesBody } from '../http/contract-validation.ts';
import type { HubContext } from '../http/hub-context.ts';
import { PULL_COMPRESSION } from '../http/compression.ts';
import { sendJsonText } from '../http/json-text.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { decodeCursor } from '../sync/cursor.ts';
import { readDownstreamPage } from '../sync/downstream-page.ts';

/** The protocol that knows open_price products (the till asks for their price). */
const OPEN_PRICE_PROTOCOL = 3;
import { ingestBatch } from '../sync/ingest-batch.ts';
import { foldStockMoves } from '../sync/fold-stock.ts';
import { recordDeviceReport } from '../devices/devices.ts';
import { lastShiftOf, terminalInfoOf } from '../devices/terminal-info.ts';
import { terminalAuth } from './terminal-auth.ts';

const contract = strictContract;
const TAGS = ['sync'];
const SECURITY = [{ terminal: [] }];
const SPOKEN = Array.from({ length: PROTOCOL_VERSION - MIN_SUPPORTED_PROTOCOL_VERSION + 1 }, (_, i) => String(MIN_SUPPORTED_PROTOCOL_VERSION + i)) as [string, ...string[]];

/**
 * The protocol header, documented. The onRequest hook checks it before the token (an old till learns
 * it must update even with a token this hub no longer knows), so this schema only ever sees a good one;
 * a loose object because it is matched against every header of the request.
 */
export const protocolHeader = z.looseObject({
  [PROTOCOL_HEADER]: z
    .enum(SPOKEN)
    .optional()
    .describe(
      `The protocol version the till speaks (absent: ${PROTOCOL_VERSION}). Older than ${MIN_SUPPORTED_PROTOCOL_VERSION} is a 426 protocol_too_old, newer than ${PROTOCOL_VERSION} a 400.`,
    ),
});

/** The upstream batch in the protocol the till speaks; a 400 that says what is wrong otherwise. */
export function parseUpstreamBatch(protocol: number, body: unknown): AnyBatch {
  const schema = protocol === 1 ? contract.upstreamV1.batch : contract.upstream.batch;
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new HttpError('bad_request', 'the batch is not valid', zodIssues(parsed.error));
  return parsed.data;
}

export function registerSyncRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { authenticate, caller } = terminalAuth(ctx);

  api.get(
    '/api/v1/sync/terminal',
    {
      onRequest: authenticate,
      schema: {
        operationId: 'getTerminal',
        summary: 'The calling device, its terminal and its store',
        description: "The till reads it when paired and on every start: receipt numbers use receipt_prefix (the device's own), prices the store currency, the PIN lock and discount check the store settings.",
        tags: TAGS,
        security: SECURITY,
        headers: protocolHeader,
        response: { 200: { description: 'The terminal the token belongs to.', content: { 'application/json': { schema: contract.terminal.terminalInfo } } }, ...errorResponses(400, 401, 426, 429, 500, 503) },
      },
    },
    async (request) => {
      const { who } = caller(request);
      return terminalInfoOf(who, await lastShiftOf(ctx.db, who.terminalId));
    },
  );

  api.get(
    '/api/v1/sync/downstream',
    {
      onRequest: authenticate,
      compress: PULL_COMPRESSION,
      schema: {
        operationId: 'pullDownstream',
        summary: 'Pull one page of master-data changes',
        description:
          "Products, categories, customers, this store's stock, this store's staff and this store's settings changed since the cursor, in the hub's commit order. " +
          `A till speaking a protocol before ${OPEN_PRICE_PROTOCOL} gets open-price products as inactive (it could not ask for their price). ` +
          'Send the page timestamp as last_synced_at next time; pull again at once while has_more is true.',
        tags: TAGS,
        security: SECURITY,
        headers: protocolHeader,
        querystring: contract.downstream.query,
        response: { 200: { description: 'One page of changes in commit order.', content: { 'application/json': { schema: contract.downstream.page } } }, ...errorResponses(400, 401, 426, 429, 500, 503) },
      },
    },
    async (request, reply) => {
      const { who, protocol } = caller(request);
      const since = decodeCursor(request.query.last_synced_at);
      // Every stock move committed before this pull is in the stock rows the pull reads.
      await foldStockMoves(ctx.db);
      const page = await readDownstreamPage(ctx.db, who.storeId, since, request.query.limit ?? DEFAULT_DOWNSTREAM_LIMIT, protocol >= OPEN_PRICE_PROTOCOL);
      // As UTF-8 bytes once: a 5,000-row page is 1.6 MB, which compression and Content-Length would each measure as a string.
      return sendJsonText(reply, Buffer.from(page));
    },
  );

  api.post(
    '/api/v1/sync/upstream',
    {
      onRequest: authenticate,
      validatorCompiler: handlerParsesBody({ body: 'the batch' }),
      serializerCompiler: fastJsonSerializerCompiler,
      schema: {
        operationId: 'pushUpstream',
        summary: "Push a batch of the till's sales, adjustments and product edits",
        description:
          'Each item is applied atomically and exactly once by its uuid: the same uuid with the same content again is `duplicate` (a success), ' +
          `with other content \`rejected\`. One rejected item costs the others nothing. The body is the batch of the protocol in ${PROTOCOL_HEADER} ` +
          `(documented: ${PROTOCOL_VERSION}; a protocol 1 batch has no staff fields and is stored without staff).`,
        tags: TAGS,
        security: SECURITY,
        headers: protocolHeader,
        body: contract.upstream.batch,
        response: { 200: { description: 'One result per item.', content: { 'application/json': { schema: contract.upstream.response } } }, ...errorResponses(400, 401, 413, 415, 426, 429, 500, 503) },
      },
    },
    async (request) => {
      const { who, protocol } = caller(request);
      const batch = parseUpstreamBatch(protocol, request.body);
      const results = await ingestBatch(ctx.db, who, batch, (refused) =>
        request.log.warn({ sqlstate: refused.sqlstate, entity: refused.entity, uuid: refused.uuid, detail: refused.message }, 'upstream item refused by the database'),
      );
      ctx.metrics.countIngest(results);
      const response: UpstreamResponse = { sync_id: batch.sync_id, timestamp: new Date().toISOString(), results };
      return response;
    },
  );

  api.post(
    '/api/v1/sync/device-report',
    {
      onRequest: authenticate,
      validatorCompiler: contractValidatorCompiler({ body: 'the report' }),
      // No body to encode (204).
      serializerCompiler: fastJsonSerializerCompiler,
      schema: {
        operationId: 'reportDevice',
        summary: "The till's app version and queue, for the admin device list",
        description: 'Sent each sync pass. A legacy terminal token has no device to report on: its report is accepted and not kept.',
        tags: TAGS,
        security: SECURITY,
        headers: protocolHeader,
        body: contract.devices.report,
        response: { 204: z.null().describe('Recorded; no body.'), ...errorResponses(400, 401, 413, 415, 426, 429, 500, 503) },
      },
    },
    async (request, reply) => {
      const { who } = caller(request);
      if (who.deviceId !== null) await recordDeviceReport(ctx.db, who.deviceId, request.body, ctx.now());
      return reply.code(204).send(null);
    },
  );
}
