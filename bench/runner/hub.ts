// The real hub for the app's measurements: server/src/testing/test-server.ts (PGlite in memory, or
// the PostgreSQL in BENCH_DATABASE_URL), on 127.0.0.1:<free port>, rate limiting off. Loaded by
// path at run time: the server is compiled by its own tsconfig, not the till's.
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

/** What the bench uses of the test server (server/src/testing/test-server.ts). */
export interface BenchHub {
  url: string;
  adminToken: string;
  terminal: { id: string; token: string };
  admin<T = unknown>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  /** The hub's database (server/src/db/database.ts), for seeding the catalog in batches. */
  db?: HubDatabase;
  stop(): Promise<void>;
}

/** What the bench uses of server/src/db/database.ts. */
export interface HubSql {
  query<R = Record<string, unknown>>(text: string, params?: readonly unknown[]): Promise<R[]>;
}
export interface HubDatabase extends HubSql {
  transaction<T>(fn: (tx: HubSql) => Promise<T>): Promise<T>;
}

/** The lock every catalog write and upstream batch takes first (server/src/sync/item-outcome.ts). */
export interface HubCatalogWrites {
  COMMIT_ORDER_LOCK_KEY: number;
}

export async function loadCatalogWrites(): Promise<HubCatalogWrites> {
  const outcome = (await import(pathToFileURL(resolve('server/src/sync/item-outcome.ts')).href)) as HubCatalogWrites;
  return { COMMIT_ORDER_LOCK_KEY: outcome.COMMIT_ORDER_LOCK_KEY };
}

interface TestServerModule {
  startTestServer(options: { databaseUrl?: string; staticDir?: string; demo?: boolean; rateLimit?: false }): Promise<BenchHub>;
}

export const TEST_SERVER_PATH = 'server/src/testing/test-server.ts';
export const BENCH_DATABASE_ENV = 'BENCH_DATABASE_URL';

export async function startHub(options: { staticDir?: string; demo?: boolean } = {}): Promise<BenchHub> {
  const url = pathToFileURL(resolve(TEST_SERVER_PATH)).href;
  const mod = (await import(url)) as TestServerModule;
  const databaseUrl = process.env[BENCH_DATABASE_ENV];
  return mod.startTestServer({
    rateLimit: false,
    ...(databaseUrl === undefined || databaseUrl === '' ? {} : { databaseUrl }),
    ...options,
  });
}
