// Rate limits shared by every hub instance (issue 18): the per-terminal limit of the sync routes and the
// pairing limits per address and per terminal are buckets in the database, so two hub instances on one
// database, with requests alternating between them, allow the configured rate and not twice it. Runs on
// PGlite (two hub apps on one embedded database, each with its own limiter objects and memory) and on
// PostgreSQL (the second instance with its own connection pool, as a second process would have).
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHub } from '../src/app.ts';
import { hashToken } from '../src/auth/tokens.ts';
import type { Database, Sql, SqlParam } from '../src/db/database.ts';
import { openDatabase } from '../src/db/open-database.ts';
import { RateLimiter, sweepRateLimits, type RateLimitOptions } from '../src/http/rate-limit.ts';
import { BACKENDS } from './support/backends.ts';

/** A token every 2 s, four at once: small enough that a test sees the limit, slow enough that it does not refill mid-burst on a busy machine. */
const SYNC_LIMIT: RateLimitOptions = { perSecond: 0.5, burst: 4 };
/** How long the sustained-rate test sends. */
const SUSTAINED_MS = 4_000;
const PAIRING_LIMIT: RateLimitOptions = { perSecond: 1 / 60, burst: 3 };

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** One HTTP request from a chosen local address (fetch cannot choose it; Linux routes all of 127/8 to lo). */
function send(url: string, method: string, path: string, options: { token?: string; body?: unknown; from?: string } = {}): Promise<Answer> {
  const body = options.body === undefined ? undefined : JSON.stringify(options.body);
  const headers: Record<string, string> = {};
  if (options.token !== undefined) headers['authorization'] = `Bearer ${options.token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${url}${path}`, { method, localAddress: options.from ?? '127.0.0.1', agent: false, headers }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A Sql that counts the statements it passes on. */
function counting(db: Sql): Sql & { count: number } {
  const wrapped = {
    count: 0,
    query: <R,>(text: string, params?: readonly SqlParam[]) => {
      wrapped.count += 1;
      return db.query<R>(text, params);
    },
  };
  return wrapped;
}

describe.each(BACKENDS)('shared rate limits on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  /** The second instance's database: its own pool on PostgreSQL, the same embedded database on PGlite. */
  let secondDb: Database;
  let second: FastifyInstance;
  let secondUrl: string;

  beforeAll(async () => {
    server = await backend.start({ rateLimit: SYNC_LIMIT, pairingRateLimit: PAIRING_LIMIT });
    secondDb = server.databaseUrl === undefined ? server.db : await openDatabase({ url: server.databaseUrl });
    second = await buildHub({
      db: secondDb,
      adminTokenHash: hashToken(server.adminToken),
      rateLimit: SYNC_LIMIT,
      pairingRateLimit: PAIRING_LIMIT,
      authThrottle: false,
      publicUrl: 'http://127.0.0.1',
    });
    await second.listen({ host: '127.0.0.1', port: 0 });
    secondUrl = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await second.close();
    if (secondDb !== server.db) await secondDb.close();
    await server.dispose();
  });

  it('the bucket allows its burst, refuses with the wait until the next token, and refills at the rate', async () => {
    const rate = { perSecond: 1, burst: 3 };
    const limiter = new RateLimiter('terminal', rate);
    const results = [];
    for (let i = 0; i < 4; i++) results.push(await limiter.take(server.db, 'bucket-a'));
    expect(results.slice(0, 3)).toEqual([undefined, undefined, undefined]);
    expect(results[3]).toEqual({ retryAfter: 1, local: false });
    // Another key has its own bucket.
    expect(await limiter.take(server.db, 'bucket-b')).toBeUndefined();
    // 1 s is one token at 1/s: one more is allowed, and the next is refused again (a fresh limiter: no
    // local memory, the database decides).
    await sleep(1_100);
    expect(await new RateLimiter('terminal', rate).take(server.db, 'bucket-a')).toBeUndefined();
    expect(await new RateLimiter('terminal', rate).take(server.db, 'bucket-a')).toMatchObject({ local: false });
    // Limits of another scope never share the key's bucket.
    expect(await new RateLimiter('pairing_terminal', rate).take(server.db, 'bucket-a')).toBeUndefined();
  });

  it('a refusal is remembered locally for its wait (no statement), then the database decides again', async () => {
    let clock = 0;
    const db = counting(server.db);
    const limiter = new RateLimiter('terminal', { perSecond: 0.5, burst: 1 }, () => clock);
    expect(await limiter.take(db, 'local-a')).toBeUndefined();
    const refused = await limiter.take(db, 'local-a');
    expect(refused).toMatchObject({ local: false });
    expect(refused?.retryAfter).toBe(2);
    expect(db.count).toBe(2);
    clock += 1_000;
    expect(await limiter.take(db, 'local-a')).toEqual({ retryAfter: 1, local: true });
    expect(db.count).toBe(2);
    // Locally the wait has passed, but the database's clock has not moved 2 s: it refuses again.
    // Local memory can only ever be stricter than the shared bucket, never let more through.
    clock += 1_500;
    expect(await limiter.take(db, 'local-a')).toMatchObject({ local: false });
    expect(db.count).toBe(3);
  });

  it('the sweep deletes buckets that are full again and keeps the others', async () => {
    const limiter = new RateLimiter('pairing_address', { perSecond: 1, burst: 2 });
    expect(await limiter.take(server.db, 'sweep-old')).toBeUndefined();
    expect(await limiter.take(server.db, 'sweep-live')).toBeUndefined();
    // Age one bucket past its full moment instead of waiting: the bucket is the database's clock.
    await server.db.query(`UPDATE rate_limits SET tat = now() - interval '1 second' WHERE key = 'sweep-old'`);
    expect(await sweepRateLimits(server.db)).toBeGreaterThanOrEqual(1);
    const keys = await server.db.query<{ key: string }>(`SELECT key FROM rate_limits WHERE key LIKE 'sweep-%' ORDER BY key`);
    expect(keys).toEqual([{ key: 'sweep-live' }]);
  });

  it('two instances share a terminal\'s bucket: alternating requests get the burst once, then 429 with Retry-After and the contract body', async () => {
    const t = await server.createTerminal(server.store.id);
    const statuses: number[] = [];
    let limited: Answer | undefined;
    const started = performance.now();
    for (let i = 0; i < 2 * SYNC_LIMIT.burst; i++) {
      const answer = await send(i % 2 === 0 ? server.url : secondUrl, 'GET', '/api/v1/sync/terminal', { token: t.token });
      statuses.push(answer.status);
      if (answer.status === 429) limited ??= answer;
    }
    // Per-instance buckets would have allowed all eight (four on each). One shared bucket allows the burst,
    // plus one token per 2 s should a busy machine take that long for eight requests (normally: none).
    const refilled = Math.floor(((performance.now() - started) / 1000) * SYNC_LIMIT.perSecond);
    expect(statuses.slice(0, SYNC_LIMIT.burst)).toEqual([200, 200, 200, 200]);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(SYNC_LIMIT.burst + refilled);
    const retryAfter = Number(limited?.headers['retry-after']);
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(1 / SYNC_LIMIT.perSecond);
    expect(JSON.parse(limited?.body ?? '{}')).toMatchObject({ error: { code: 'rate_limited' } });
    // The other terminal of the store is not affected, on either instance.
    expect((await send(secondUrl, 'GET', '/api/v1/sync/terminal', { token: server.terminal.token })).status).toBe(200);
    // After Retry-After one token has refilled: one request passes (on the other instance), the next does not.
    await sleep(retryAfter * 1000 + 50);
    expect((await send(secondUrl, 'GET', '/api/v1/sync/terminal', { token: t.token })).status).toBe(200);
    expect((await send(server.url, 'GET', '/api/v1/sync/terminal', { token: t.token })).status).toBe(429);
  });

  it('two instances hold a terminal to the configured sustained rate, not twice it', async () => {
    const t = await server.createTerminal(server.store.id);
    const started = performance.now();
    let allowed = 0;
    let i = 0;
    while (performance.now() - started < SUSTAINED_MS) {
      const answer = await send(i % 2 === 0 ? server.url : secondUrl, 'GET', '/api/v1/sync/terminal', { token: t.token });
      if (answer.status !== 429) allowed += 1;
      i += 1;
      await sleep(50);
    }
    const seconds = (performance.now() - started) / 1000;
    // One bucket: the burst plus what refilled meanwhile (4 + 2 here). Two per-instance buckets would allow twice.
    const oneBucket = SYNC_LIMIT.burst + seconds * SYNC_LIMIT.perSecond;
    expect(allowed).toBeLessThanOrEqual(Math.floor(oneBucket));
    expect(allowed).toBeGreaterThanOrEqual(Math.floor(oneBucket) - 1);
    // More were sent than one bucket allows (normally about three times as many), so the limit was at work.
    expect(i).toBeGreaterThan(oneBucket + 1);
  });

  it('pairing redemptions are limited per address across instances, and per terminal across addresses', async () => {
    // Per address: three failed attempts, alternating instances; the fourth is refused on either.
    for (let k = 0; k < PAIRING_LIMIT.burst; k++) {
      const answer = await send(k % 2 === 0 ? server.url : secondUrl, 'POST', '/api/v1/pairing/redeem', { body: { code: 'ZZZZ-ZZZZ', app_version: '2.0.0' }, from: '127.0.0.5' });
      expect(answer.status).toBe(400);
    }
    for (const url of [server.url, secondUrl]) {
      const answer = await send(url, 'POST', '/api/v1/pairing/redeem', { body: { code: 'ZZZZ-ZZZZ', app_version: '2.0.0' }, from: '127.0.0.5' });
      expect(answer.status).toBe(429);
      expect(Number(answer.headers['retry-after'])).toBeGreaterThanOrEqual(1);
      expect(JSON.parse(answer.body)).toMatchObject({ error: { code: 'rate_limited' } });
    }
    // Per terminal: one code of a terminal tried from a new address each time, alternating instances.
    const t = await server.createTerminal(server.store.id);
    const code = await server.pairingCode(t.id);
    const statuses: number[] = [];
    for (let k = 0; k <= PAIRING_LIMIT.burst; k++) {
      const answer = await send(k % 2 === 0 ? server.url : secondUrl, 'POST', '/api/v1/pairing/redeem', { body: { code, app_version: '2.0.0' }, from: `127.0.1.${k + 1}` });
      statuses.push(answer.status);
    }
    // The first redeems the code, the next two find it used, the fourth is over the terminal's limit.
    expect(statuses).toEqual([201, 400, 400, 429]);
  });

  it('counts refusals in the metrics by limit and where they were decided', async () => {
    const res = await fetch(`${secondUrl}/metrics`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    const text = await res.text();
    expect(text).toMatch(/ezo_rate_limited_total\{limit="terminal",decided="(database|local)"\} [1-9]/);
    expect(text).toMatch(/ezo_rate_limited_total\{limit="pairing_address",decided="(database|local)"\} [1-9]/);
  });
});
