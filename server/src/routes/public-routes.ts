// Routes without a terminal: health (for load balancers), the OpenAPI document, and demo pairing.
import type { FastifyInstance } from 'fastify';
import type { DemoPairing } from '@ezo/contract/demo-pairing';
import { HttpError } from '../http/api-error.ts';
import type { HubContext } from '../http/hub-context.ts';
import { openApiDocument } from '../openapi/openapi-document.ts';

export function registerPublicRoutes(app: FastifyInstance, ctx: HubContext): void {
  app.get('/api/v1/health', async () => {
    await ctx.db.query('SELECT 1');
    return { status: 'ok', database: ctx.db.kind };
  });

  let openapi: unknown;
  app.get('/api/v1/openapi.json', () => (openapi ??= openApiDocument()));

  app.get('/api/v1/demo/pairing', (request) => {
    if (ctx.demoTerminalToken === undefined) throw new HttpError('not_found', 'this hub was not started with --demo');
    const pairing: DemoPairing = { server_url: `${request.protocol}://${request.host}`, token: ctx.demoTerminalToken };
    return pairing;
  });
}
