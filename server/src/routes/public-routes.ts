// Routes without a terminal: health (for load balancers), the OpenAPI document, and demo pairing.
// Demo pairing answers only a caller on this machine (loopback), with the configured address: on a hub
// listening on 0.0.0.0 nobody on the network can pair a till to the demo terminal, and a forged Host
// header changes nothing.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { strictContract } from '@ezo/contract/contract';
import type { DemoPairing } from '@ezo/contract/demo-pairing';
import { HttpError } from '../http/api-error.ts';
import type { HubContext } from '../http/hub-context.ts';
import { sendJsonText } from '../http/json-text.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { OPENAPI_PATH } from '../openapi/register-openapi.ts';
import { health, openApiDocument } from './hub-responses.ts';
import { createPairingCode } from '../devices/pairing.ts';

/** 127.0.0.0/8 and ::1, also as IPv4-mapped IPv6. */
export function isLoopback(address: string | undefined): boolean {
  if (address === undefined) return false;
  const v4 = address.startsWith('::ffff:') ? address.slice(7) : address;
  return v4.startsWith('127.') || address === '::1';
}

const TAGS = ['public'];
/** Explicitly public: no token is asked for. */
const NO_AUTH: [] = [];

export function registerPublicRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/api/v1/health',
    {
      schema: {
        operationId: 'getHealth',
        summary: 'Whether the hub and its database are up',
        description: 'For load balancers: 200 when the database answers a query, 503 when it does not.',
        tags: TAGS,
        security: NO_AUTH,
        response: { 200: { description: 'Up.', content: { 'application/json': { schema: health } } }, ...errorResponses(500, 503) },
      },
    },
    async () => {
      await ctx.db.query('SELECT 1');
      return { status: 'ok' as const, database: ctx.db.kind };
    },
  );

  let document: string | undefined;
  api.get(
    OPENAPI_PATH,
    {
      schema: {
        operationId: 'getOpenApiDocument',
        summary: 'This API description',
        description: "OpenAPI 3.1, generated from the routes' schemas, which come from the wire contract.",
        tags: TAGS,
        security: NO_AUTH,
        response: { 200: { description: 'The OpenAPI document.', content: { 'application/json': { schema: openApiDocument } } }, ...errorResponses(500) },
      },
    },
    // Built on the first call (every route is known by then) and sent as the same text after.
    async (_request, reply) => sendJsonText(reply, (document ??= JSON.stringify(app.swagger()))),
  );

  api.get(
    '/api/v1/demo/pairing',
    {
      schema: {
        operationId: 'getDemoPairing',
        summary: 'A pairing code for a freshly opened till (demo hubs only, same machine only)',
        description:
          'A hub started with --demo hands a till on its own machine (loopback) the configured hub URL and a fresh one-time pairing code for the demo terminal; ' +
          'any other hub, and any other caller, gets 404.',
        tags: TAGS,
        security: NO_AUTH,
        response: { 200: { description: 'The demo pairing.', content: { 'application/json': { schema: strictContract.demo.demoPairing } } }, ...errorResponses(404, 500) },
      },
    },
    async (request) => {
      if (ctx.demoTerminalId === undefined) throw new HttpError('not_found', 'this hub was not started with --demo');
      if (!isLoopback(request.socket.remoteAddress)) throw new HttpError('not_found', 'demo pairing answers only on the machine the hub runs on');
      const created = await createPairingCode(ctx.db, ctx.demoTerminalId, ctx.now(), ctx.publicUrl());
      const pairing: DemoPairing = { server_url: ctx.publicUrl(), code: created.code };
      return pairing;
    },
  );
}
