// The backends every API suite runs on: in-memory PGlite always, and a real PostgreSQL when
// TEST_DATABASE_URL is set (CI starts one), each suite in its own throwaway database.
import { createTestDatabase, type TestDatabase } from '../../src/testing/test-database.ts';
import { startTestServer, type TestServer, type TestServerOptions } from '../../src/testing/test-server.ts';

export interface Backend {
  name: 'pglite' | 'postgres';
  /** databaseUrl: the suite's PostgreSQL database (a second hub instance can open it); absent on PGlite. */
  start(options?: TestServerOptions): Promise<TestServer & { dispose(): Promise<void>; databaseUrl?: string }>;
}

const pglite: Backend = {
  name: 'pglite',
  async start(options = {}) {
    const server = await startTestServer(options);
    return Object.assign(server, { dispose: () => server.stop() });
  },
};

function postgres(baseUrl: string): Backend {
  return {
    name: 'postgres',
    async start(options = {}) {
      const database: TestDatabase = await createTestDatabase(baseUrl);
      const server = await startTestServer({ ...options, databaseUrl: database.url });
      return Object.assign(server, {
        databaseUrl: database.url,
        async dispose() {
          await server.stop();
          await database.drop();
        },
      });
    },
  };
}

const url = process.env['TEST_DATABASE_URL'];
export const BACKENDS: Backend[] = url === undefined || url === '' ? [pglite] : [pglite, postgres(url)];
