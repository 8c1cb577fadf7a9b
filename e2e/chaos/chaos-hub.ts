// The hub a chaos run talks to, and the fault proxy in front of it: the real server (PGlite, or the
// PostgreSQL at TEST_DATABASE_URL in CI, in a throwaway database) serving the built till. The page
// is loaded FROM the proxy, so the app's CSP (connect-src 'self') lets it reach the proxy, and the
// till is paired with the proxy's URL: every sync request crosses the faults.
import { fileURLToPath } from 'node:url';
import { startTestServer, type TestServer } from '../../server/src/testing/test-server.ts';
import { createTestDatabase } from '../../server/src/testing/test-database.ts';
import { startFaultProxy, type FaultProxy } from '../../test-support/fault-proxy.ts';

const BUILT_TILL = fileURLToPath(new URL('../../dist', import.meta.url));

export interface ChaosHub {
  hub: TestServer;
  proxy: FaultProxy;
  backend: 'pglite' | 'postgres';
  dispose(): Promise<void>;
}

export async function startChaosHub(seed: number): Promise<ChaosHub> {
  const baseUrl = process.env['TEST_DATABASE_URL'];
  const database = baseUrl !== undefined && baseUrl !== '' ? await createTestDatabase(baseUrl) : null;
  const hub = await startTestServer({ staticDir: BUILT_TILL, seedCatalog: true, ...(database === null ? {} : { databaseUrl: database.url }) });
  const proxy = await startFaultProxy({ target: hub.url, seed });
  return {
    hub,
    proxy,
    backend: database === null ? 'pglite' : 'postgres',
    async dispose() {
      await proxy.close();
      await hub.stop();
      await database?.drop();
    },
  };
}
