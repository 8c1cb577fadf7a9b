// Builds the hub's HTTP app from its parts; main.ts and the test server both start it this way.
// Holds no state of its own beyond the rate limiter, so many instances can share one PostgreSQL.
import Fastify, { type FastifyInstance } from 'fastify';
import { MAX_BODY_BYTES } from '@ezo/contract/limits';
import type { Database } from './db/database.ts';
import { registerCors } from './http/cors.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import type { HubContext } from './http/hub-context.ts';
import { DEFAULT_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './http/rate-limit.ts';
import { registerStaticApp } from './http/static-app.ts';
import { registerAdminRoutes } from './routes/admin-routes.ts';
import { registerPublicRoutes } from './routes/public-routes.ts';
import { registerSyncRoutes } from './routes/sync-routes.ts';
import { startStockFolding } from './sync/fold-stock.ts';

export interface HubOptions {
  db: Database;
  adminTokenHash: Buffer;
  /** false turns limiting off (benchmarks); default DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimitOptions | false;
  /** Set on a --demo hub: GET /api/v1/demo/pairing hands this token out. */
  demoTerminalToken?: string;
  /** The built till to serve at /; absent: API only. */
  staticDir?: string;
  logger?: boolean;
}

export async function buildHub(options: HubOptions): Promise<FastifyInstance> {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: MAX_BODY_BYTES, trustProxy: false });
  const rate = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const ctx: HubContext = {
    db: options.db,
    adminTokenHash: options.adminTokenHash,
    rateLimiter: rate === false ? undefined : new RateLimiter(rate),
    demoTerminalToken: options.demoTerminalToken,
  };
  registerErrorHandler(app);
  registerCors(app);
  // API answers are per caller and per moment: never cached by a browser or proxy.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) void reply.header('Cache-Control', 'no-store');
  });
  registerPublicRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  await registerStaticApp(app, options.staticDir);
  const stopFolding = startStockFolding(options.db, (err) => app.log.warn({ err }, 'stock fold failed; retrying'));
  app.addHook('onClose', stopFolding);
  return app;
}
