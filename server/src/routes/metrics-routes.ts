// GET /metrics for Prometheus. Not public: the figures say how busy each store is. A scraper presents
// METRICS_TOKEN (so it need not hold the admin token, which can change the catalog) or the admin token.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { bearerToken, sameToken } from '../auth/tokens.ts';
import { HttpError } from '../http/api-error.ts';
import type { HubMetrics } from '../metrics/hub-metrics.ts';
import { errorResponses } from '../openapi/error-responses.ts';

export const METRICS_PATH = '/metrics';

const exposition = z.string().meta({ description: 'Prometheus text exposition format 0.0.4.' });

export function registerMetricsRoutes(app: FastifyInstance, metrics: HubMetrics, tokens: { adminTokenHash: Buffer; metricsTokenHash: Buffer | undefined }): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get(
    METRICS_PATH,
    {
      preValidation: (request, _reply, done) => {
        const token = bearerToken(request.headers.authorization);
        if (token === undefined) return done(new HttpError('unauthorized', 'the metrics or admin bearer token is required'));
        const allowed = sameToken(token, tokens.adminTokenHash) || (tokens.metricsTokenHash !== undefined && sameToken(token, tokens.metricsTokenHash));
        done(allowed ? undefined : new HttpError('unauthorized', 'wrong metrics token'));
      },
      schema: {
        operationId: 'getMetrics',
        summary: 'Prometheus metrics of this instance',
        description:
          'Requests by route and status, request, batch and pull latency histograms, ingested items by outcome, database pool, ' +
          'failed sign-ins, and the Node process (memory, CPU, event loop). Each instance reports its own; sum them in Prometheus.',
        tags: ['metrics'],
        security: [{ metrics: [] }, { admin: [] }],
        response: {
          200: { description: 'The metrics.', content: { 'text/plain': { schema: exposition } } },
          ...errorResponses(401, 500, 503),
        },
      },
    },
    async (_request, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()),
  );
}
