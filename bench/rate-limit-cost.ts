// What the shared rate limit (server/src/http/rate-limit.ts: one UPSERT per sync request into an UNLOGGED
// table) costs on PostgreSQL: the statement alone, sequential and with many terminals at once, the worst
// case of one terminal sending in parallel (its requests queue on the bucket's row lock), and the latency of
// an authenticated sync request (GET /api/v1/sync/terminal) through the hub with the limit on and off.
// Nothing is asserted. Run: BENCH_DATABASE_URL=postgres://… npx tsx bench/rate-limit-cost.ts
// (TEST_DATABASE_URL is used when BENCH_DATABASE_URL is not set; a throwaway database is made and dropped.)
import { performance } from 'node:perf_hooks';
import type { AddressInfo } from 'node:net';
import { Agent, request } from 'node:http';
import { buildHub } from '../server/src/app.ts';
import { hashToken } from '../server/src/auth/tokens.ts';
import { openDatabase } from '../server/src/db/open-database.ts';
import { RateLimiter, sweepRateLimits, DEFAULT_RATE_LIMIT } from '../server/src/http/rate-limit.ts';
import { createTestDatabase } from '../server/src/testing/test-database.ts';
import { startTestServer } from '../server/src/testing/test-server.ts';

/** Statements per figure: enough for a stable p99, a few seconds each. */
const SEQUENTIAL_TAKES = 5_000;
/** Concurrent terminals, each taking from its own bucket (a pool of 20 connections serves them). */
const CONCURRENT_TERMINALS = 50;
const TAKES_PER_TERMINAL = 200;
/** One terminal's requests in flight at once (a till sends one at a time; this is the worst case). */
const SAME_KEY_PARALLEL = 8;
const HTTP_REQUESTS = 3_000;
/** A limit no request of this bench reaches: the statement runs, nothing is refused. */
const UNREACHED = { perSecond: 1e6, burst: 1e6 };

/** One keep-alive GET, the body read: its status. */
function get(agent: Agent, target: string, token: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(target, { agent, headers: { authorization: `Bearer ${token}` } }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

const url = process.env['BENCH_DATABASE_URL'] ?? process.env['TEST_DATABASE_URL'];
if (url === undefined || url === '') throw new Error('set BENCH_DATABASE_URL (or TEST_DATABASE_URL) to a PostgreSQL server');

function quantiles(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const q = (p: number) => (s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0).toFixed(3);
  return `p50 ${q(0.5)} ms, p99 ${q(0.99)} ms, max ${q(1)} ms (n=${s.length})`;
}

async function timed(work: () => Promise<unknown>): Promise<number> {
  const t = performance.now();
  await work();
  return performance.now() - t;
}

const database = await createTestDatabase(url);
try {
  const server = await startTestServer({ databaseUrl: database.url });
  const db = await openDatabase({ url: database.url });
  try {
    const limiter = new RateLimiter('terminal', UNREACHED);
    const ids = Array.from({ length: CONCURRENT_TERMINALS }, (_, i) => `bench-terminal-${i}`);

    const select1: number[] = [];
    for (let i = 0; i < SEQUENTIAL_TAKES; i++) select1.push(await timed(() => db.query('SELECT 1')));
    console.log(`round trip floor (SELECT 1), sequential:      ${quantiles(select1)}`);

    const sequential: number[] = [];
    for (let i = 0; i < SEQUENTIAL_TAKES; i++) sequential.push(await timed(() => limiter.take(db, ids[i % ids.length] ?? '')));
    console.log(`take(), sequential, ${ids.length} keys:              ${quantiles(sequential)}`);

    for (const [what, work] of [
      ['SELECT 1', () => db.query('SELECT 1')],
      ['take()  ', (id: string) => limiter.take(db, id)],
    ] as const) {
      const concurrent: number[] = [];
      const t0 = performance.now();
      await Promise.all(
        ids.map(async (id) => {
          for (let i = 0; i < TAKES_PER_TERMINAL; i++) concurrent.push(await timed(() => work(id)));
        }),
      );
      const seconds = (performance.now() - t0) / 1000;
      console.log(`${what}, ${CONCURRENT_TERMINALS} terminals at once:            ${quantiles(concurrent)}; ${Math.round(concurrent.length / seconds)} statements/s`);
    }

    const sameKey: number[] = [];
    await Promise.all(
      Array.from({ length: SAME_KEY_PARALLEL }, async () => {
        for (let i = 0; i < TAKES_PER_TERMINAL; i++) sameKey.push(await timed(() => limiter.take(db, 'bench-one-terminal')));
      }),
    );
    console.log(`take(), one key, ${SAME_KEY_PARALLEL} in parallel (row lock):     ${quantiles(sameKey)}`);

    // The same hub and database, the limit on and off: the difference is what a sync request pays.
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const hubs = await Promise.all(
      [false, DEFAULT_RATE_LIMIT].map(async (rateLimit) => {
        const app = await buildHub({ db, adminTokenHash: hashToken('unused-admin-token-for-the-bench-0000'), rateLimit: rateLimit === false ? false : UNREACHED, authThrottle: false, publicUrl: 'http://127.0.0.1' });
        await app.listen({ host: '127.0.0.1', port: 0 });
        return { app, on: rateLimit !== false, url: `http://127.0.0.1:${(app.server.address() as AddressInfo).port}` };
      }),
    );
    for (let round = 0; round < 2; round++) {
      for (const hub of hubs) {
        const latencies: number[] = [];
        for (let i = 0; i < HTTP_REQUESTS; i++) {
          latencies.push(
            await timed(async () => {
              const status = await get(agent, `${hub.url}/api/v1/sync/terminal`, server.terminal.token);
              if (status !== 200) throw new Error(`status ${status}`);
            }),
          );
        }
        if (round === 1) console.log(`GET /api/v1/sync/terminal, limit ${hub.on ? 'on ' : 'off'}:        ${quantiles(latencies)}`);
      }
    }
    const rows = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM rate_limits');
    console.log(`rate_limits rows after the bench: ${rows[0]?.n}; swept now (tat passed): ${await sweepRateLimits(db)}`);
    await Promise.all(hubs.map((h) => h.app.close()));
    agent.destroy();
  } finally {
    await db.close();
    await server.stop();
  }
} finally {
  await database.drop();
}
