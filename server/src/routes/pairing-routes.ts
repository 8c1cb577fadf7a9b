// POST /api/v1/pairing/redeem: a till redeems a one-time code for a device token (no token needed).
// Rate limited per client address before anything is read from the database, and per terminal once the
// code is known to belong to one; every attempt counts, failed ones too. A wrong, expired or used code
// gets one answer (400 pairing_code_invalid) that says nothing about which, nor about any store.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { strictContract } from '@ezo/contract/contract';
import { HttpError } from '../http/api-error.ts';
import type { HubContext } from '../http/hub-context.ts';
import { protocolOf } from '../http/protocol.ts';
import type { RateLimiter } from '../http/rate-limit.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { redeemPairingCode, terminalOfCode } from '../devices/pairing.ts';
import { protocolHeader } from './sync-routes.ts';

function limit(limiter: RateLimiter | undefined, key: string): void {
  const wait = limiter?.take(key);
  if (wait !== undefined) throw new HttpError('rate_limited', `too many pairing attempts; retry in ${wait} s`, undefined, { 'Retry-After': String(wait) });
}

export function registerPairingRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/pairing/redeem',
    {
      // Before the body: a too-old till or an address over its limit sends nothing more.
      onRequest: (request, _reply, done) => {
        protocolOf(request);
        limit(ctx.pairingByAddress, request.ip);
        done();
      },
      schema: {
        operationId: 'redeemPairingCode',
        summary: 'Pair this till: redeem a one-time code for a device token',
        description:
          'The code (from POST /api/v1/admin/terminals/{terminal_id}/pairing-codes) pairs one device, once, within its validity. ' +
          "The answer holds the device's token (shown only here) and its terminal. The terminal's previous device, if any, is retired.",
        tags: ['pairing'],
        security: [],
        headers: protocolHeader,
        body: strictContract.pairing.redeem,
        response: {
          201: { description: 'The new device and its token.', content: { 'application/json': { schema: strictContract.pairing.paired } } },
          ...errorResponses(400, 413, 415, 426, 429, 500, 503),
        },
      },
    },
    async (request, reply) => {
      const terminalId = await terminalOfCode(ctx.db, request.body.code);
      if (terminalId !== undefined) limit(ctx.pairingByTerminal, terminalId);
      const paired = await redeemPairingCode(ctx.db, request.body, ctx.now(), protocolOf(request));
      request.log.info({ device: paired.device_id, terminal: paired.terminal.terminal_id }, 'device paired');
      return reply.code(201).send(paired);
    },
  );
}
