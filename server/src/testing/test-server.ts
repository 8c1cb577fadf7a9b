// A real hub on 127.0.0.1:<free port> for other people's tests (sync engine, e2e): in-memory PGlite by
// default (one per call, fast), or the PostgreSQL at `databaseUrl`. Seeds a store, a terminal with a
// device paired through a one-time code (the path tills take), and a cashier, a manager and an owner
// with known ids and PINs (TEST_STAFF), who also get their roles in every store createStore() makes.
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import { buildHub } from '../app.ts';
import { hashToken, newToken } from '../auth/tokens.ts';
import type { Database } from '../db/database.ts';
import { openDatabase } from '../db/open-database.ts';
import type { AuthThrottleOptions } from '../auth/auth-throttle.ts';
import type { SessionLifetime } from '../auth/sessions.ts';
import type { RateLimitOptions } from '../http/rate-limit.ts';
import type { HubTimeouts } from '../http/timeouts.ts';
import { seedDemo } from '../seed/demo-seed.ts';
import { createStore, createTerminal } from '../stores/stores.ts';
import { addRole } from '../staff/staff.ts';
import { createPairingCode, redeemPairingCode } from '../devices/pairing.ts';
import { COMMIT_ORDER_LOCK_KEY } from '../sync/item-outcome.ts';
import { PROTOCOL_VERSION } from '@ezo/contract/protocol-version';
import type { Paired } from '@ezo/contract/pairing';

/** The seeded staff: fixed ids, so fixtures can name them without asking the hub. */
export const TEST_STAFF = {
  cashier: { id: '00000000-0000-4000-8000-00000000ca51', pin: '1234' },
  manager: { id: '00000000-0000-4000-8000-0000000a4a9e', pin: '9876' },
  owner: { id: '00000000-0000-4000-8000-0000000000e7' },
} as const;

export interface TestServerOptions {
  /** A PostgreSQL database to use as is (see createTestDatabase); default: in-memory PGlite. */
  databaseUrl?: string;
  /** The built till to serve at /. */
  staticDir?: string;
  /** Serve GET /api/v1/demo/pairing for the seeded terminal. */
  demo?: boolean;
  /** Seed the demo catalog (300 products, 30 customers, stock); default false: an empty catalog. */
  seedCatalog?: boolean;
  /** Per-terminal token bucket; default: off, so tests are never throttled unless they ask. */
  rateLimit?: RateLimitOptions | false;
  /** The hub's logger (a test capturing the log stream); default: no logs. */
  logger?: FastifyBaseLogger;
  /** METRICS_TOKEN: GET /metrics accepts it besides the admin token. */
  metricsToken?: string;
  /** Failed sign-ins per address; default off, so suites that forge tokens by the hundred are not throttled. */
  authThrottle?: AuthThrottleOptions | false;
  /** Failed back-office sign-ins per account; default off like authThrottle. */
  accountThrottle?: AuthThrottleOptions | false;
  /** Back-office session expiry; default the hub's. */
  sessionLifetime?: SessionLifetime;
  /** Bounds on slow clients; default the hub's, without the per-address connection limit. */
  timeouts?: Partial<HubTimeouts>;
  /** Pairing redemptions per address and terminal; default: off. */
  pairingRateLimit?: RateLimitOptions | false;
  /** The hub's clock (pairing code expiry); default: the real one. */
  now?: () => Date;
  /** Where the hub logs (at info); default: it does not. */
  logStream?: { write(line: string): void };
}

export interface AdminResponse<T = unknown> {
  status: number;
  body: T;
}

export interface TestServer {
  /** http://127.0.0.1:<port>, no trailing slash. */
  url: string;
  adminToken: string;
  store: { id: string };
  /** The seeded terminal and the device paired to it; `token` is the device's. */
  terminal: { id: string; token: string; deviceId: string };
  staff: typeof TEST_STAFF;
  /** The hub's database, for tests that count rows. */
  db: Database;
  /** A store; the seeded staff get their roles in it too. */
  createStore(name: string): Promise<{ id: string }>;
  /** A terminal with a device paired to it (`token` is the device's); `legacy`: no device, `token` is the terminal's own. */
  createTerminal(storeId: string, options?: { legacy?: boolean }): Promise<{ id: string; token: string; deviceId: string | null }>;
  /** A one-time pairing code for a terminal (default: the seeded one), as the admin API makes it. */
  pairingCode(terminalId?: string): Promise<string>;
  /** Pairs a new device to a terminal (retiring its current one), as a till redeeming a code does. */
  pair(terminalId?: string): Promise<Paired>;
  /** fetch with the admin token; `path` starts with /api/v1/admin/... */
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<AdminResponse<T>>;
  /** The listening HTTP server (a new one after restart()), for benches that watch requests arrive. */
  httpServer(): Server;
  /** Stops listening and starts again on the same port with the same data (a hub restart). */
  restart(): Promise<void>;
  stop(): Promise<void>;
}

export async function startTestServer(options: TestServerOptions = {}): Promise<TestServer> {
  const db = await openDatabase(options.databaseUrl === undefined ? { memory: true } : { url: options.databaseUrl });
  const adminToken = newToken();
  const now = options.now ?? (() => new Date());
  const locked = <T>(work: (tx: Parameters<Parameters<Database['transaction']>[0]>[0]) => Promise<T>) =>
    db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK_KEY]);
      return work(tx);
    });
  const seed = await locked((tx) =>
    seedDemo(tx, { catalog: options.seedCatalog ?? false, staff: { cashierPin: TEST_STAFF.cashier.pin, managerPin: TEST_STAFF.manager.pin, ids: idsOf(TEST_STAFF) } }),
  );
  let url = '';
  const pair = async (terminalId: string): Promise<Paired> => {
    const code = await createPairingCode(db, terminalId, now(), url);
    return redeemPairingCode(db, { code: code.code, app_version: 'test' }, now(), PROTOCOL_VERSION);
  };
  const listen = async (port: number): Promise<FastifyInstance> => {
    const app = await buildHub({
      db,
      adminTokenHash: hashToken(adminToken),
      rateLimit: options.rateLimit ?? false,
      ...(options.logger === undefined ? {} : { logger: options.logger }),
      ...(options.metricsToken === undefined ? {} : { metricsTokenHash: hashToken(options.metricsToken) }),
      authThrottle: options.authThrottle ?? false,
      accountThrottle: options.accountThrottle ?? false,
      ...(options.sessionLifetime === undefined ? {} : { sessionLifetime: options.sessionLifetime }),
      // Every simulated till of a test connects from 127.0.0.1: no per-address connection limit unless asked.
      timeouts: { maxConnectionsPerAddress: Number.POSITIVE_INFINITY, ...options.timeouts },
      pairingRateLimit: options.pairingRateLimit ?? false,
      publicUrl: () => url,
      now,
      ...(options.logStream === undefined ? {} : { logStream: options.logStream }),
      ...(options.demo === true ? { demoTerminalId: seed.terminalId } : {}),
      ...(options.staticDir === undefined ? {} : { staticDir: options.staticDir }),
    });
    await app.listen({ host: '127.0.0.1', port });
    return app;
  };
  let app = await listen(0);
  const port = (app.server.address() as AddressInfo).port;
  url = `http://127.0.0.1:${port}`;
  const device = await pair(seed.terminalId);
  let prefixes = 1;
  let stopped = false;

  return {
    url,
    adminToken,
    store: { id: seed.storeId },
    terminal: { id: seed.terminalId, token: device.device_token, deviceId: device.device_id },
    staff: TEST_STAFF,
    db,
    async createStore(name) {
      const store = await createStore(db, { name, currency: 'EUR', locale: 'de-DE' });
      await locked(async (tx) => {
        await addRole(tx, TEST_STAFF.cashier.id, store.id, 'cashier');
        await addRole(tx, TEST_STAFF.manager.id, store.id, 'manager');
        await addRole(tx, TEST_STAFF.owner.id, store.id, 'owner');
      });
      return { id: store.id };
    },
    async createTerminal(storeId, terminalOptions = {}) {
      prefixes += 1;
      const t = await createTerminal(db, { store_id: storeId, name: `Till ${prefixes}`, receipt_prefix: `T${prefixes}` });
      if (terminalOptions.legacy === true) return { id: t.terminal_id, token: t.token, deviceId: null };
      const paired = await pair(t.terminal_id);
      return { id: t.terminal_id, token: paired.device_token, deviceId: paired.device_id };
    },
    async pairingCode(terminalId = seed.terminalId) {
      return (await createPairingCode(db, terminalId, now(), url)).code;
    },
    pair: (terminalId = seed.terminalId) => pair(terminalId),
    async admin<T>(method: string, path: string, body?: unknown): Promise<AdminResponse<T>> {
      const send = () =>
        fetch(`${url}${path}`, {
          method,
          headers: { authorization: `Bearer ${adminToken}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      // After restart() fetch may pick a pooled keep-alive socket the old listener closed; admin calls
      // in tests are retried once for that case only (the error says the socket, not the hub, failed).
      const res = await send().catch((err: unknown) => {
        if (isClosedSocket(err)) return send();
        throw err;
      });
      const text = await res.text();
      return { status: res.status, body: (text === '' ? undefined : JSON.parse(text)) as T };
    },
    httpServer: () => app.server,
    async restart() {
      await closeApp(app);
      app = await listen(port);
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await closeApp(app);
      await db.close();
    },
  };
}

/**
 * How long a stopping test hub waits for its connections to end by themselves. A till a test stopped
 * mid-request may leave one open; past this the hub drops every connection, so stop() cannot hang.
 */
const CLOSE_GRACE_MS = 2_000;

async function closeApp(app: FastifyInstance): Promise<void> {
  const closing = app.close();
  const timer = setTimeout(() => app.server.closeAllConnections(), CLOSE_GRACE_MS);
  try {
    await closing;
  } finally {
    clearTimeout(timer);
  }
}

function idsOf(staff: typeof TEST_STAFF): { cashier: string; manager: string; owner: string } {
  return { cashier: staff.cashier.id, manager: staff.manager.id, owner: staff.owner.id };
}

function isClosedSocket(err: unknown): boolean {
  const cause = err instanceof Error ? (err.cause as { code?: unknown } | undefined) : undefined;
  return cause?.code === 'UND_ERR_SOCKET';
}
