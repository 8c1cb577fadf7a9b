// The till's API: who am I, pull a page of master data, push a batch. Each call is authenticated as
// one terminal, rate limited per terminal, and works only on that terminal's store.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { strictContract } from '@ezo/contract/contract';
import { DEFAULT_DOWNSTREAM_LIMIT } from '@ezo/contract/limits';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@ezo/contract/protocol-version';
import type { TerminalInfo } from '@ezo/contract/terminal';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { authenticateTerminal, type TerminalPrincipal } from '../auth/authenticate.ts';
import { HttpError, parseOr400 } from '../http/api-error.ts';
import type { HubContext } from '../http/hub-context.ts';
import { decodeCursor } from '../sync/cursor.ts';
import { readDownstreamPage } from '../sync/downstream-page.ts';
import { ingestBatch } from '../sync/ingest-batch.ts';
import { foldStockMoves } from '../sync/fold-stock.ts';

const contract = strictContract;

async function terminalFor(ctx: HubContext, request: FastifyRequest): Promise<TerminalPrincipal> {
  const sent = request.headers[PROTOCOL_HEADER];
  if (sent !== undefined && sent !== String(PROTOCOL_VERSION)) {
    throw new HttpError('bad_request', `this hub speaks protocol ${PROTOCOL_VERSION}, the request says ${String(sent)}`, [
      { path: PROTOCOL_HEADER, message: `expected ${PROTOCOL_VERSION}` },
    ]);
  }
  const who = await authenticateTerminal(ctx.db, request);
  const wait = ctx.rateLimiter?.take(who.terminalId);
  if (wait !== undefined) throw new HttpError('rate_limited', `too many requests; retry in ${wait} s`, undefined, { 'Retry-After': String(wait) });
  return who;
}

export function registerSyncRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/api/v1/sync/terminal', async (request) => {
    const who = await terminalFor(ctx, request);
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
  });

  app.get('/api/v1/sync/downstream', async (request, reply) => {
    const who = await terminalFor(ctx, request);
    const query = parseOr400(contract.downstream.query, request.query, 'the query');
    const since = decodeCursor(query.last_synced_at);
    // Every stock move committed before this pull is in the stock rows the pull reads.
    await foldStockMoves(ctx.db);
    const page = await readDownstreamPage(ctx.db, who.storeId, since, query.limit ?? DEFAULT_DOWNSTREAM_LIMIT);
    return reply.type('application/json; charset=utf-8').send(page);
  });

  app.post('/api/v1/sync/upstream', async (request) => {
    const who = await terminalFor(ctx, request);
    const batch = parseOr400(contract.upstream.batch, request.body, 'the batch');
    const results = await ingestBatch(ctx.db, who, batch);
    const response: UpstreamResponse = { sync_id: batch.sync_id, timestamp: new Date().toISOString(), results };
    return response;
  });
}
