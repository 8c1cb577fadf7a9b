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
  /** The seeded store. */
  store: { id: string };
  /** A new terminal of a store with a device paired to it: a token no demo pairing of the built till retires. */
  createTerminal(storeId: string): Promise<{ id: string; token: string }>;
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
export const TEST_DATABASE_PATH = 'server/src/testing/test-database.ts';
export const BENCH_DATABASE_ENV = 'BENCH_DATABASE_URL';

/** The PostgreSQL the bench may use (BENCH_DATABASE_URL), or null: in-memory PGlite only. */
export function benchDatabaseUrl(): string | null {
  const url = process.env[BENCH_DATABASE_ENV];
  return url === undefined || url === '' ? null : url;
}

/**
 * The hub on the database `backend` names: 'env' (PostgreSQL at BENCH_DATABASE_URL as is, when set;
 * else PGlite), 'pglite', or a throwaway PostgreSQL database made on `url` and dropped by stop().
 */
export type HubBackend = 'env' | 'pglite' | { throwawayOn: string };

interface TestDatabaseModule {
  createTestDatabase(baseUrl: string): Promise<{ url: string; drop(): Promise<void> }>;
}

export async function startHub(options: { staticDir?: string; demo?: boolean; backend?: HubBackend } = {}): Promise<BenchHub> {
  const mod = (await import(pathToFileURL(resolve(TEST_SERVER_PATH)).href)) as TestServerModule;
  const { backend = 'env', ...rest } = options;
  if (backend === 'pglite' || (backend === 'env' && benchDatabaseUrl() === null)) return mod.startTestServer({ rateLimit: false, ...rest });
  if (backend === 'env') return mod.startTestServer({ rateLimit: false, databaseUrl: benchDatabaseUrl()!, ...rest });
  const databases = (await import(pathToFileURL(resolve(TEST_DATABASE_PATH)).href)) as TestDatabaseModule;
  const database = await databases.createTestDatabase(backend.throwawayOn);
  try {
    const hub = await mod.startTestServer({ rateLimit: false, databaseUrl: database.url, ...rest });
    return {
      ...hub,
      async stop() {
        try {
          await hub.stop();
        } finally {
          await database.drop();
        }
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}
