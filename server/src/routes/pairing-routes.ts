// POST /api/v1/pairing/redeem: a till redeems a one-time code for a device token (no token needed).
// Rate limited per client address (IPv6 by /64) before the code is looked at, and per terminal once the
// code is known to belong to one; every attempt counts, failed ones too. Both buckets are shared by all
// instances (http/rate-limit.ts). A wrong, expired or used code
// gets one answer (400 pairing_code_invalid) that says nothing about which, nor about any store.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { strictContract } from '@ezo/contract/contract';
import { throttleKey } from '../auth/auth-throttle.ts';
import type { HubContext } from '../http/hub-context.ts';
import { protocolOf } from '../http/protocol.ts';
import { enforceRateLimit } from '../http/enforce-rate-limit.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { redeemPairingCode, terminalOfCode } from '../devices/pairing.ts';
import { protocolHeader } from './sync-routes.ts';

export function registerPairingRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post(
    '/api/v1/pairing/redeem',
    {
      // Before the body: a too-old till or an address over its limit sends nothing more.
      onRequest: async (request) => {
        protocolOf(request);
        await enforceRateLimit(ctx, ctx.pairingByAddress, throttleKey(request.ip), 'pairing attempts');
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
      if (terminalId !== undefined) await enforceRateLimit(ctx, ctx.pairingByTerminal, terminalId, 'pairing attempts');
      const paired = await redeemPairingCode(ctx.db, request.body, ctx.now(), protocolOf(request));
      request.log.info({ device: paired.device_id, terminal: paired.terminal.terminal_id }, 'device paired');
      return reply.code(201).send(paired);
    },
  );
}
