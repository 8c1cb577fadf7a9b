// Probes for orchestrators and load balancers, outside /api/v1 as they usually are:
// /health/live says the process serves HTTP at all (restart it when this fails), /health/ready says this
// instance should get traffic: the database answers, every migration this code needs is applied, and the
// instance is not draining (http/lifecycle.ts). /api/v1/health stays as the till's older alias.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { schemaIsCurrent } from '../db/migrate.ts';
import { HttpError } from '../http/api-error.ts';
import type { HubContext } from '../http/hub-context.ts';
import type { Lifecycle } from '../http/lifecycle.ts';
import { errorResponses } from '../openapi/error-responses.ts';

const TAGS = ['health'];
const NO_AUTH: [] = [];
/** How long a not-ready instance suggests waiting, in seconds. */
const NOT_READY_RETRY_AFTER_S = 5;

const live = z.strictObject({ status: z.literal('live') }).meta({ id: 'Liveness', description: 'The process serves HTTP.' });
const ready = z
  .strictObject({
    status: z.literal('ready'),
    database: z.enum(['pglite', 'postgres']).describe('The backend: embedded PGlite or a PostgreSQL server.'),
  })
  .meta({ id: 'Readiness', description: 'The database answers, the schema is current and the instance is not shutting down.' });

export function registerHealthRoutes(app: FastifyInstance, ctx: HubContext, lifecycle: Lifecycle): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.get(
    '/health/live',
    {
      schema: {
        operationId: 'getLiveness',
        summary: 'Whether the process is alive',
        description: 'Always 200 while the process serves HTTP; it does not touch the database (a database outage is not a reason to restart the hub).',
        tags: TAGS,
        security: NO_AUTH,
        response: { 200: { description: 'Alive.', content: { 'application/json': { schema: live } } }, ...errorResponses(500, 503) },
      },
    },
    () => ({ status: 'live' as const }),
  );

  api.get(
    '/health/ready',
    {
      schema: {
        operationId: 'getReadiness',
        summary: 'Whether this instance should receive traffic',
        description: '200 when the database answers and every migration is applied; 503 while the database is unreachable, migrations are pending or the instance drains for shutdown.',
        tags: TAGS,
        security: NO_AUTH,
        response: { 200: { description: 'Ready.', content: { 'application/json': { schema: ready } } }, ...errorResponses(500, 503) },
      },
    },
    async () => {
      const notReady = (why: string) => new HttpError('unavailable', why, undefined, { 'Retry-After': String(NOT_READY_RETRY_AFTER_S) });
      if (lifecycle.draining) throw notReady('this instance is shutting down');
      let current: boolean;
      try {
        current = await schemaIsCurrent(ctx.db);
      } catch {
        throw notReady('the database is unreachable');
      }
      if (!current) throw notReady('database migrations are pending');
      return { status: 'ready' as const, database: ctx.db.kind };
    },
  );
}
