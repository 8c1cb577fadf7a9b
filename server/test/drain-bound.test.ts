// The drain's bound: a request that never finishes (a client that stopped sending its body) cannot hold a
// stopping hub open past the grace period; its connection is dropped and the close completes as 'forced'.
// With nothing running the drain is 'clean' at once.
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { buildHub } from '../src/app.ts';
import { hashToken, newToken } from '../src/auth/tokens.ts';
import type { Database } from '../src/db/database.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { drainAndClose } from '../src/http/lifecycle.ts';
import { seedDemo } from '../src/seed/demo-seed.ts';

const GRACE_MS = 300;

describe('drainAndClose', () => {
  let db: Database | undefined;
  afterEach(async () => db?.close());

  const start = async () => {
    db = await openDatabase({ memory: true });
    const seed = await db.transaction((tx) => seedDemo(tx, { catalog: false, staff: { cashierPin: '1234', managerPin: '5678' } }));
    const app = await buildHub({ db, adminTokenHash: hashToken(newToken()), rateLimit: false, publicUrl: 'http://127.0.0.1' });
    await app.listen({ host: '127.0.0.1', port: 0 });
    return { app, port: (app.server.address() as AddressInfo).port, token: seed.terminalToken };
  };

  it('drops a request that does not finish within the grace period and reports it', async () => {
    const { app, port, token } = await start();
    const cut = new Promise<string>((resolve) => {
      const req = httpRequest({ host: '127.0.0.1', port, path: '/api/v1/sync/upstream', method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': 1000 } }, (res) =>
        resolve(`answered ${res.statusCode}`),
      );
      req.on('error', (err) => resolve(`dropped: ${err.message}`));
      req.write('{"sync_id":'); // and never the rest
    });
    await new Promise((r) => setTimeout(r, 100)); // the request is in the hub
    const t0 = performance.now();
    const outcome = await drainAndClose(app, GRACE_MS);
    const took = performance.now() - t0;
    expect(outcome).toBe('forced');
    expect(took).toBeGreaterThanOrEqual(GRACE_MS - 20);
    expect(took).toBeLessThan(GRACE_MS + 5_000);
    expect(await cut).toMatch(/^dropped/);
  });

  it('is clean at once when nothing is running', async () => {
    const { app } = await start();
    const t0 = performance.now();
    expect(await drainAndClose(app, 10_000)).toBe('clean');
    expect(performance.now() - t0).toBeLessThan(5_000);
  });
});
