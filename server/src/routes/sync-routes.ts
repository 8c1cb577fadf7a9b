// The till's API: who am I, pull a page of master data, push a batch. Each call is authenticated as
// one terminal, rate limited per terminal, and works only on that terminal's store.
// Order per request: the protocol header, the failed sign-in throttle, the token and the rate limit
// (onRequest, before a byte of the body is read: a caller without a valid token never gets to send one),
// then body parsing (413, 415, bad JSON), then the schema (400), then the handler.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { strictContract } from '@ezo/contract/contract';
import { DEFAULT_DOWNSTREAM_LIMIT } from '@ezo/contract/limits';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@ezo/contract/protocol-version';
import type { TerminalInfo } from '@ezo/contract/terminal';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { authenticateTerminal, type TerminalPrincipal } from '../auth/authenticate.ts';
import { HttpError } from '../http/api-error.ts';
import { contractValidatorCompiler, fastJsonSerializerCompiler } from '../http/contract-validation.ts';
import type { HubContext } from '../http/hub-context.ts';
import { sendJsonText } from '../http/json-text.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { decodeCursor } from '../sync/cursor.ts';
import { readDownstreamPage } from '../sync/downstream-page.ts';
import { ingestBatch } from '../sync/ingest-batch.ts';
import { foldStockMoves } from '../sync/fold-stock.ts';

const contract = strictContract;
const TAGS = ['sync'];
const SECURITY = [{ terminal: [] }];

/**
 * The protocol header, documented. The onRequest hook checks it before the token (an old till learns
 * it must update even with a token this hub no longer knows), so this schema only ever sees a good one;
 * a loose object because it is matched against every header of the request.
 */
const protocolHeader = z.looseObject({
  [PROTOCOL_HEADER]: z
    .enum([String(PROTOCOL_VERSION)])
    .optional()
    .describe(`The protocol version the till speaks; another than ${PROTOCOL_VERSION} is a 400.`),
});

async function terminalFor(ctx: HubContext, request: FastifyRequest): Promise<TerminalPrincipal> {
  const sent = request.headers[PROTOCOL_HEADER];
  if (sent !== undefined && sent !== String(PROTOCOL_VERSION)) {
    throw new HttpError('bad_request', `this hub speaks protocol ${PROTOCOL_VERSION}, the request says ${String(sent)}`, [
      { path: PROTOCOL_HEADER, message: `expected ${PROTOCOL_VERSION}` },
    ]);
  }
  const who = await authenticateTerminal(ctx.db, request, ctx.authThrottle);
  const wait = ctx.rateLimiter?.take(who.terminalId);
  if (wait !== undefined) throw new HttpError('rate_limited', `too many requests; retry in ${wait} s`, undefined, { 'Retry-After': String(wait) });
  return who;
}

export function registerSyncRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const principals = new WeakMap<FastifyRequest, TerminalPrincipal>();
  const authenticate = async (request: FastifyRequest) => {
    principals.set(request, await terminalFor(ctx, request));
  };
  const terminal = (request: FastifyRequest): TerminalPrincipal => {
    const who = principals.get(request);
    if (who === undefined) throw new Error('a sync route ran without its onRequest hook');
    return who;
  };

  api.get(
    '/api/v1/sync/terminal',
    {
      onRequest: authenticate,
      schema: {
        operationId: 'getTerminal',
        summary: 'The calling terminal and its store',
        description: 'The till reads it when paired and on every start: receipt numbers use receipt_prefix, prices the store currency.',
        tags: TAGS,
        security: SECURITY,
        headers: protocolHeader,
        response: { 200: { description: 'The terminal the token belongs to.', content: { 'application/json': { schema: contract.terminal.terminalInfo } } }, ...errorResponses(400, 401, 429, 500, 503) },
      },
    },
    (request) => {
      const who = terminal(request);
      const info: TerminalInfo = {
        terminal_id: who.terminalId,
        terminal_name: who.terminalName,
        store_id: who.storeId,
        store_name: who.storeName,
        currency: who.currency,
        locale: who.locale,
        receipt_prefix: who.receiptPrefix,
      };
      return info;
    },
  );

  api.get(
    '/api/v1/sync/downstream',
    {
      onRequest: authenticate,
      schema: {
        operationId: 'pullDownstream',
        summary: 'Pull one page of master-data changes',
        description:
          "Products, categories, customers and this store's stock changed since the cursor, in the hub's commit order. " +
          'Send the page timestamp as last_synced_at next time; pull again at once while has_more is true.',
        tags: TAGS,
        security: SECURITY,
        headers: protocolHeader,
        querystring: contract.downstream.query,
        response: { 200: { description: 'One page of changes in commit order.', content: { 'application/json': { schema: contract.downstream.page } } }, ...errorResponses(400, 401, 429, 500, 503) },
      },
    },
    async (request, reply) => {
      const who = terminal(request);
      const since = decodeCursor(request.query.last_synced_at);
      // Every stock move committed before this pull is in the stock rows the pull reads.
      await foldStockMoves(ctx.db);
      const page = await readDownstreamPage(ctx.db, who.storeId, since, request.query.limit ?? DEFAULT_DOWNSTREAM_LIMIT);
      return sendJsonText(reply, page);
    },
  );

  api.post(
    '/api/v1/sync/upstream',
    {
      onRequest: authenticate,
      validatorCompiler: contractValidatorCompiler({ body: 'the batch' }),
      serializerCompiler: fastJsonSerializerCompiler,
      schema: {
        operationId: 'pushUpstream',
        summary: "Push a batch of the till's sales, adjustments and product edits",
        description:
          'Each item is applied atomically and exactly once by its uuid: the same uuid with the same content again is `duplicate` (a success), ' +
          'with other content `rejected`. One rejected item costs the others nothing.',
        tags: TAGS,
        security: SECURITY,
        headers: protocolHeader,
        body: contract.upstream.batch,
        response: { 200: { description: 'One result per item.', content: { 'application/json': { schema: contract.upstream.response } } }, ...errorResponses(400, 401, 413, 415, 429, 500, 503) },
      },
    },
    async (request) => {
      const batch = request.body;
      const results = await ingestBatch(ctx.db, terminal(request), batch, (refused) =>
        request.log.warn({ sqlstate: refused.sqlstate, entity: refused.entity, uuid: refused.uuid, detail: refused.message }, 'upstream item refused by the database'),
      );
      ctx.metrics.countIngest(results);
      const response: UpstreamResponse = { sync_id: batch.sync_id, timestamp: new Date().toISOString(), results };
      return response;
    },
  );
}
