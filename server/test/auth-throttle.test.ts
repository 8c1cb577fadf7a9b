// Failed-authentication throttling per address (issue 15, item 7): on terminal and admin routes, an
// address that failed MAX times within the window gets 429 with Retry-After, even with a right token
// then; other addresses are unaffected. The count lives in the database, so two hub instances on one
// PostgreSQL share it (PGlite cannot be opened by two instances: that part runs on PostgreSQL only).
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHub } from '../src/app.ts';
import { hashToken } from '../src/auth/tokens.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { BACKENDS } from './support/backends.ts';

const MAX_FAILURES = 4;
const WINDOW_SECONDS = 60;
/** A second loopback address (Linux routes all of 127/8 to lo), so one test has two clients. */
const OTHER_ADDRESS = '127.0.0.2';

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
}

/** One HTTP request from a chosen local address (fetch cannot choose it). */
function send(url: string, method: string, path: string, token: string | undefined, localAddress = '127.0.0.1'): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, localAddress, agent: false, headers: token === undefined ? {} : { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe.each(BACKENDS)('failed sign-in throttling on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  const wrong = 'W'.repeat(43);

  beforeAll(async () => {
    server = await backend.start({ authThrottle: { maxFailures: MAX_FAILURES, windowSeconds: WINDOW_SECONDS } });
  });
  afterAll(async () => server.dispose());

  it('after MAX failures an address gets 429 with Retry-After on every route, even with the right token; another address does not', async () => {
    for (let i = 0; i < MAX_FAILURES; i++) {
      const path = i % 2 === 0 ? '/api/v1/sync/terminal' : '/api/v1/admin/stores';
      expect((await send(server.url, 'GET', path, i === 0 ? undefined : wrong)).status).toBe(401);
    }
    for (const [path, token] of [
      ['/api/v1/sync/terminal', server.terminal.token],
      ['/api/v1/sync/downstream', server.terminal.token],
      ['/api/v1/admin/stores', server.adminToken],
      ['/api/v1/sync/terminal', wrong],
    ] as const) {
      const answer = await send(server.url, 'GET', path, token);
      expect(answer.status, path).toBe(429);
      const wait = Number(answer.headers['retry-after']);
      expect(wait).toBeGreaterThan(0);
      expect(wait).toBeLessThanOrEqual(WINDOW_SECONDS);
    }
    const upstream = await send(server.url, 'POST', '/api/v1/sync/upstream', server.terminal.token);
    expect(upstream.status).toBe(429);
    // Public routes ask for no token and stay open.
    expect((await send(server.url, 'GET', '/api/v1/health', undefined)).status).toBe(200);
    // Another address is not affected.
    expect((await send(server.url, 'GET', '/api/v1/sync/terminal', server.terminal.token, OTHER_ADDRESS)).status).toBe(200);
    expect((await send(server.url, 'GET', '/api/v1/admin/stores', server.adminToken, OTHER_ADDRESS)).status).toBe(200);
  });

  it('a window that has passed counts from zero again', async () => {
    // Age the row instead of waiting a minute: the window is the database's clock.
    await server.db.query(`UPDATE auth_failures SET window_start = window_start - $1 * interval '1 second'`, [WINDOW_SECONDS + 1]);
    expect((await send(server.url, 'GET', '/api/v1/sync/terminal', server.terminal.token)).status).toBe(200);
    expect((await send(server.url, 'GET', '/api/v1/sync/terminal', wrong)).status).toBe(401);
    expect((await send(server.url, 'GET', '/api/v1/sync/terminal', server.terminal.token)).status).toBe(200);
  });

  it.runIf(backend.name === 'postgres')('two hub instances on one database share the count', async () => {
    await server.db.query('DELETE FROM auth_failures');
    const url = server.databaseUrl;
    expect(url).toBeDefined();
    const db = await openDatabase({ url: url! });
    const second = await buildHub({ db, adminTokenHash: hashToken(server.adminToken), rateLimit: false, publicUrl: 'http://127.0.0.1', authThrottle: { maxFailures: MAX_FAILURES, windowSeconds: WINDOW_SECONDS } });
    await second.listen({ host: '127.0.0.1', port: 0 });
    const secondUrl = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
    try {
      // Half the failures on each instance: together they reach the limit, and both refuse.
      for (let i = 0; i < MAX_FAILURES; i++) {
        expect((await send(i % 2 === 0 ? server.url : secondUrl, 'GET', '/api/v1/admin/stores', wrong, OTHER_ADDRESS)).status).toBe(401);
      }
      expect((await send(server.url, 'GET', '/api/v1/admin/stores', server.adminToken, OTHER_ADDRESS)).status).toBe(429);
      expect((await send(secondUrl, 'GET', '/api/v1/sync/terminal', server.terminal.token, OTHER_ADDRESS)).status).toBe(429);
    } finally {
      await second.close();
      await db.close();
    }
  });
});
