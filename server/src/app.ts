// Builds the hub's HTTP app from its parts; main.ts and the test server both start it this way.
// Holds no state of its own beyond the rate limiter, so many instances can share one PostgreSQL.
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import { MAX_BODY_BYTES } from '@ezo/contract/limits';
import type { Database } from './db/database.ts';
import { registerCompression } from './http/compression.ts';
import { contractSerializerCompiler, contractValidatorCompiler } from './http/contract-validation.ts';
import { registerCors } from './http/cors.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import type { HubContext } from './http/hub-context.ts';
import { DEFAULT_RATE_LIMIT, PAIRING_RATE_LIMIT, RateLimiter, type RateLimitOptions } from './http/rate-limit.ts';
import { LastSeen } from './devices/devices.ts';
import { registerPairingRoutes } from './routes/pairing-routes.ts';
import { registerStaffRoutes } from './routes/staff-routes.ts';
import { registerDeviceRoutes } from './routes/device-routes.ts';
import { registerStaticApp } from './http/static-app.ts';
import { registerOpenApi } from './openapi/register-openapi.ts';
import { registerAdminRoutes } from './routes/admin-routes.ts';
import { registerPublicRoutes } from './routes/public-routes.ts';
import { registerSyncRoutes } from './routes/sync-routes.ts';
import { startStockFolding } from './sync/fold-stock.ts';

export interface HubOptions {
  db: Database;
  adminTokenHash: Buffer;
  /** false turns limiting off (benchmarks); default DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimitOptions | false;
  /** Pairing code redemptions per address and per terminal; false turns them off; default PAIRING_RATE_LIMIT. */
  pairingRateLimit?: RateLimitOptions | false;
  /** The till's public address (pairing URLs, demo pairing); a function when it is known only after listen (tests on port 0). */
  publicUrl: string | (() => string);
  /** The hub's clock; tests inject one. */
  now?: () => Date;
  /** Set on a --demo hub: GET /api/v1/demo/pairing hands out pairing codes for this terminal. */
  demoTerminalId?: string;
  /** The built till to serve at /; absent: API only. */
  staticDir?: string;
  logger?: boolean;
  /** Log (at info) to this stream instead: tests read what the hub would log. */
  logStream?: { write(line: string): void };
  /** Sees every route as it is registered (a test checks each one is in the OpenAPI document). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildHub(options: HubOptions): Promise<FastifyInstance> {
  const logger = options.logStream === undefined ? (options.logger ?? false) : { level: 'info', stream: options.logStream };
  const app = Fastify({ logger, bodyLimit: MAX_BODY_BYTES, trustProxy: false });
  const rate = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const pairingRate = options.pairingRateLimit ?? PAIRING_RATE_LIMIT;
  const now = options.now ?? (() => new Date());
  const ctx: HubContext = {
    db: options.db,
    adminTokenHash: options.adminTokenHash,
    rateLimiter: rate === false ? undefined : new RateLimiter(rate),
    pairingByAddress: pairingRate === false ? undefined : new RateLimiter(pairingRate, () => now().getTime()),
    pairingByTerminal: pairingRate === false ? undefined : new RateLimiter(pairingRate, () => now().getTime()),
    now,
    publicUrl: () => (typeof options.publicUrl === 'string' ? options.publicUrl : options.publicUrl()).replace(/\/+$/, ''),
    lastSeen: new LastSeen(),
    demoTerminalId: options.demoTerminalId,
  };
  if (options.onRoute !== undefined) app.addHook('onRoute', options.onRoute);
  // Every route declares its zod schemas: they validate the request, type the handler, encode the answer
  // and make the OpenAPI document (openapi/register-openapi.ts).
  app.setValidatorCompiler(contractValidatorCompiler());
  app.setSerializerCompiler(contractSerializerCompiler);
  registerErrorHandler(app);
  registerCors(app);
  // API answers are per caller and per moment: never cached by a browser or proxy.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/')) void reply.header('Cache-Control', 'no-store');
  });
  // Before the routes and the static files: both plugins hook the routes registered after them.
  await registerCompression(app);
  await registerOpenApi(app);
  registerPublicRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  registerPairingRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerDeviceRoutes(app, ctx);
  registerStaffRoutes(app, ctx);
  await registerStaticApp(app, options.staticDir);
  const stopFolding = startStockFolding(options.db, (err) => app.log.warn({ err }, 'stock fold failed; retrying'));
  app.addHook('onClose', stopFolding);
  return app;
}
