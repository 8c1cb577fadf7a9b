// Builds the hub's HTTP app from its parts; main.ts and the test server both start it this way.
// Holds no state of its own (rate limit buckets and failed sign-ins live in the database), so many
// instances can share one PostgreSQL.
import Fastify, { LogController, type FastifyBaseLogger, type FastifyInstance, type RouteOptions } from 'fastify';
import { MAX_BODY_BYTES } from '@ezo/contract/limits';
import type { Database } from './db/database.ts';
import { registerCompression } from './http/compression.ts';
import { contractSerializerCompiler, contractValidatorCompiler } from './http/contract-validation.ts';
import { registerCors } from './http/cors.ts';
import { registerErrorHandler } from './http/error-handler.ts';
import type { HubContext } from './http/hub-context.ts';
import { registerLifecycle } from './http/lifecycle.ts';
import { hubLoggerOptions, REQUEST_ID_HEADER, requestIdFor } from './http/logging.ts';
import fastifyCookie from '@fastify/cookie';
import { AuthThrottle, DEFAULT_ACCOUNT_THROTTLE, DEFAULT_AUTH_THROTTLE, type AuthThrottleOptions } from './auth/auth-throttle.ts';
import { DEFAULT_SESSION_LIFETIME, Sessions, type SessionLifetime } from './auth/sessions.ts';
import { registerPrincipal } from './routes/admin-guard.ts';
import { registerBackOfficeSessionRoutes } from './routes/backoffice-session-routes.ts';
import { registerCatalogRoutes } from './routes/catalog-routes.ts';
import { DEFAULT_RATE_LIMIT, PAIRING_RATE_LIMIT, RateLimiter, startRateLimitSweep, type RateLimitOptions } from './http/rate-limit.ts';
import { DEFAULT_TIMEOUTS, limitConnectionsPerAddress, serverOptions, type HubTimeouts } from './http/timeouts.ts';
import { LastSeen } from './devices/devices.ts';
import { registerPairingRoutes } from './routes/pairing-routes.ts';
import { registerStaffRoutes } from './routes/staff-routes.ts';
import { registerStoreRoutes } from './routes/store-routes.ts';
import { registerDeviceRoutes } from './routes/device-routes.ts';
import { registerCustomerRoutes } from './routes/customer-routes.ts';
import { registerStoreListRoutes } from './routes/store-list-routes.ts';
import { registerStaticApp } from './http/static-app.ts';
import { registerOpenApi } from './openapi/register-openapi.ts';
import { registerAdminRoutes } from './routes/admin-routes.ts';
import { registerReportRoutes } from './routes/report-routes.ts';
import { registerHealthRoutes } from './routes/health-routes.ts';
import { registerMetricsRoutes } from './routes/metrics-routes.ts';
import { registerHubMetrics } from './metrics/hub-metrics.ts';
import { registerPublicRoutes } from './routes/public-routes.ts';
import { registerSyncRoutes } from './routes/sync-routes.ts';
import { registerNoticeRoutes } from './routes/notice-routes.ts';
import { NoticeHub } from './live/notice-hub.ts';
import { DEFAULT_LIVE_LIMITS, type LiveLimits } from './live/live-limits.ts';
import { DRAINING_RETRY_AFTER_S } from './http/lifecycle.ts';
import fastifySse from '@fastify/sse';
import { startStockFolding } from './sync/fold-stock.ts';

export interface HubOptions {
  db: Database;
  adminTokenHash: Buffer;
  /** SHA-256 of METRICS_TOKEN: GET /metrics accepts it besides the admin token. */
  metricsTokenHash?: Buffer;
  /** false turns limiting off (benchmarks); default DEFAULT_RATE_LIMIT. */
  rateLimit?: RateLimitOptions | false;
  /** Failed sign-ins per address (shared through the database); false turns it off; default DEFAULT_AUTH_THROTTLE. */
  authThrottle?: AuthThrottleOptions | false;
  /** Failed back-office sign-ins per account (shared through the database); false turns it off; default DEFAULT_ACCOUNT_THROTTLE. */
  accountThrottle?: AuthThrottleOptions | false;
  /** Back-office session expiry; default DEFAULT_SESSION_LIFETIME. */
  sessionLifetime?: SessionLifetime;
  /** Bounds on slow clients; default DEFAULT_TIMEOUTS. */
  timeouts?: Partial<HubTimeouts>;
  /** true: JSON lines on stdout (http/logging.ts); a logger: that one (main.ts's, a test's capture); default none. */
  logger?: boolean | FastifyBaseLogger;
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
  /** Log (at info, as the hub logs: redacted) to this stream instead: tests read what the hub would log. */
  logStream?: { write(line: string): void };
  /** Sees every route as it is registered (a test checks each one is in the OpenAPI document). */
  onRoute?: (route: RouteOptions) => void;
  /** Bounds of the live notice streams; default DEFAULT_LIVE_LIMITS (tests lower them). */
  liveLimits?: Partial<LiveLimits>;
}

export async function buildHub(options: HubOptions): Promise<FastifyInstance> {
  const timeouts: HubTimeouts = { ...DEFAULT_TIMEOUTS, ...options.timeouts };
  const logger = options.logStream === undefined ? (options.logger ?? false) : true;
  const app = Fastify({
    ...(typeof logger === 'boolean'
      ? { logger: logger ? { ...hubLoggerOptions(), ...(options.logStream === undefined ? {} : { stream: options.logStream }) } : false }
      : { loggerInstance: logger }),
    // Every log line of a request carries its id: the caller's x-request-id when it sent a plain one (a
    // balancer's, so one id follows the request through), else a new uuid; the answer carries it back.
    genReqId: requestIdFor,
    requestIdHeader: false,
    // Probes (a balancer asks every few hundred ms) are not logged: they would drown the requests.
    logController: new LogController({ requestIdLogLabel: 'request_id', disableRequestLogging: (request) => request.url.startsWith('/health/') }),
    bodyLimit: MAX_BODY_BYTES,
    trustProxy: false,
    // A closing hub answers with its own 503 (http/lifecycle.ts: the contract's body, Retry-After).
    return503OnClosing: false,
    http: serverOptions(timeouts),
    requestTimeout: timeouts.requestMs,
    connectionTimeout: timeouts.idleMs,
  });
  limitConnectionsPerAddress(app.server, timeouts.maxConnectionsPerAddress);
  if (options.onRoute !== undefined) app.addHook('onRoute', options.onRoute);
  // Every route declares its zod schemas: they validate the request, type the handler, encode the answer
  // and make the OpenAPI document (openapi/register-openapi.ts).
  app.setValidatorCompiler(contractValidatorCompiler());
  app.setSerializerCompiler(contractSerializerCompiler);
  registerErrorHandler(app);
  // The first hooks: metrics see every request, refused ones included; then a draining instance
  // refuses before any work (http/lifecycle.ts).
  const metrics = registerHubMetrics(app, options.db);
  const lifecycle = registerLifecycle(app);
  const rate = options.rateLimit ?? DEFAULT_RATE_LIMIT;
  const throttle = options.authThrottle ?? DEFAULT_AUTH_THROTTLE;
  const accountThrottle = options.accountThrottle ?? DEFAULT_ACCOUNT_THROTTLE;
  const pairingRate = options.pairingRateLimit ?? PAIRING_RATE_LIMIT;
  const now = options.now ?? (() => new Date());
  const ctx: HubContext = {
    db: options.db,
    adminTokenHash: options.adminTokenHash,
    rateLimiter: rate === false ? undefined : new RateLimiter('terminal', rate),
    authThrottle: throttle === false ? undefined : new AuthThrottle(throttle),
    accountThrottle: accountThrottle === false ? undefined : new AuthThrottle(accountThrottle, 'account'),
    sessions: new Sessions(options.sessionLifetime ?? DEFAULT_SESSION_LIFETIME),
    pairingByAddress: pairingRate === false ? undefined : new RateLimiter('pairing_address', pairingRate),
    pairingByTerminal: pairingRate === false ? undefined : new RateLimiter('pairing_terminal', pairingRate),
    now,
    publicUrl: () => (typeof options.publicUrl === 'string' ? options.publicUrl : options.publicUrl()).replace(/\/+$/, ''),
    lastSeen: new LastSeen(),
    demoTerminalId: options.demoTerminalId,
    metrics,
  };
  registerCors(app);
  // Parses the back-office session cookie (auth/backoffice-auth.ts); nothing is signed: the id is unguessable and stored hashed.
  await app.register(fastifyCookie);
  registerPrincipal(app);
  app.addHook('onSend', async (request, reply) => {
    void reply.header(REQUEST_ID_HEADER, request.id);
  });
  // API answers and probes are per caller and per moment: never cached by a browser or proxy.
  app.addHook('onSend', async (request, reply) => {
    if (request.url.startsWith('/api/') || request.url.startsWith('/health/')) void reply.header('Cache-Control', 'no-store');
  });
  // Before the routes and the static files: both plugins hook the routes registered after them.
  await registerCompression(app);
  await registerOpenApi(app);
  registerHealthRoutes(app, ctx, lifecycle);
  registerMetricsRoutes(app, metrics, { adminTokenHash: options.adminTokenHash, metricsTokenHash: options.metricsTokenHash });
  registerPublicRoutes(app, ctx);
  registerSyncRoutes(app, ctx);
  const liveLimits: LiveLimits = { ...DEFAULT_LIVE_LIMITS, ...options.liveLimits };
  const notices = new NoticeHub(options.db, liveLimits, {
    dropped: () => metrics.countStreamTurnedAway('slow_reader'),
    listenFailed: (err) => app.log.error({ err }, 'live notices: listening for changes failed'),
  });
  metrics.watchLiveStreams(() => notices.size);
  // Streams never finish by themselves: a closing instance ends them (with a retry hint) before it waits
  // for running requests (http/lifecycle.ts), and stops listening.
  app.addHook('preClose', async () => {
    await notices.close(DRAINING_RETRY_AFTER_S * 1000);
  });
  // The heartbeat is the hub's own (one timer for all streams, and it checks the slow-reader bound).
  await app.register(fastifySse, { heartbeatInterval: 0 });
  registerNoticeRoutes(app, ctx, notices, liveLimits);
  registerPairingRoutes(app, ctx);
  registerAdminRoutes(app, ctx);
  registerStoreRoutes(app, ctx);
  registerDeviceRoutes(app, ctx);
  registerStaffRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerCustomerRoutes(app, ctx);
  registerStoreListRoutes(app, ctx);
  registerBackOfficeSessionRoutes(app, ctx);
  registerCatalogRoutes(app, ctx);
  await registerStaticApp(app, options.staticDir);
  const stopFolding = startStockFolding(options.db, (err) => app.log.warn({ err }, 'stock fold failed; retrying'));
  app.addHook('onClose', stopFolding);
  // Every instance sweeps: the DELETE is idempotent, and the table stays small whichever instances run.
  const stopSweeping = startRateLimitSweep(options.db, (err) => app.log.warn({ err }, 'rate limit sweep failed; retrying'));
  app.addHook('onClose', stopSweeping);
  return app;
}
