// Live notices (issue 19): a committed change reaches the open streams of the tills it concerns, through
// PostgreSQL's LISTEN/NOTIFY (PGlite's on its worker), on this instance and on any other on the same
// database; limits refuse with 503 and Retry-After; a closing hub ends streams with a retry hint.
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StorePrice } from '@ezo/contract/admin';
import { buildHub } from '../src/app.ts';
import { hashToken } from '../src/auth/tokens.ts';
import { openPostgresDatabase } from '../src/db/pg-database.ts';
import { openNoticeStream, type NoticeClient } from '../src/testing/notice-client.ts';
import { BACKENDS } from './support/backends.ts';
import { createProduct, pullAll } from './support/fixtures.ts';

/** The functional bound is 2 s from change to till; the notice itself must come well within it. */
const NOTICE_WITHIN_MS = 1_500;
/** How long a till that a change does not concern is watched for a stray notice. */
const QUIET_MS = 600;

const changed = (e: { event: string }) => e.event === 'changed';
const cursorOf = (e: { data: string }) => (JSON.parse(e.data) as { cursor: string }).cursor;

describe.each(BACKENDS)('live notices on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let storeB: { id: string };
  let tillB: { token: string };
  const open: NoticeClient[] = [];
  const stream = async (token: string) => {
    const c = await openNoticeStream(server.url, token);
    open.push(c);
    return c;
  };

  beforeAll(async () => {
    server = await backend.start({ liveLimits: { maxPerStore: 3, maxPerInstance: 5 } });
    storeB = await server.createStore('Store B');
    tillB = await server.createTerminal(storeB.id);
  });
  afterAll(async () => {
    for (const c of open) c.close();
    await server.dispose();
  });

  it("a store's price change reaches only that store's tills, with the cursor its pull then reaches", async () => {
    const p = await createProduct(server, { name: 'Scarf', price: 2000 });
    const beforeB = await pullAll(server, tillB.token);
    const a = await stream(server.terminal.token);
    const b = await stream(tillB.token);
    expect(a.status).toBe(200);
    expect(a.headers.get('content-type')).toMatch(/^text\/event-stream/);
    await a.next((e) => e.event === 'ready', NOTICE_WITHIN_MS);
    await b.next((e) => e.event === 'ready', NOTICE_WITHIN_MS);

    const started = performance.now();
    const res = await server.admin<StorePrice>('PUT', `/api/v1/admin/stores/${storeB.id}/prices/${p.uuid}`, { price: 1500 });
    expect(res.status).toBe(200);
    const notice = await b.next(changed, NOTICE_WITHIN_MS);
    expect(notice.at - started).toBeLessThan(NOTICE_WITHIN_MS);
    const afterB = await pullAll(server, tillB.token, beforeB.cursor);
    expect(afterB.products.get(p.uuid)).toMatchObject({ price: 1500 });
    expect(cursorOf(notice), 'the notice names the cursor the pull reaches').toBe(afterB.cursor);

    await new Promise((r) => setTimeout(r, QUIET_MS));
    expect(a.events.filter(changed), "store A's till hears nothing of store B's price").toEqual([]);
  });

  it('a chain-wide catalog change reaches every store; a burst is coalesced to the newest cursor', async () => {
    const a = await stream(server.terminal.token);
    const b = await stream(tillB.token);
    await a.next((e) => e.event === 'ready', NOTICE_WITHIN_MS);
    await b.next((e) => e.event === 'ready', NOTICE_WITHIN_MS);
    const p = await createProduct(server, { name: 'Hat', price: 900 });
    for (let price = 901; price <= 910; price++) {
      expect((await server.admin('PATCH', `/api/v1/admin/products/${p.uuid}`, { price })).status).toBe(200);
    }
    const final = await pullAll(server, server.terminal.token);
    for (const c of [a, b]) {
      await c.next((e) => changed(e) && cursorOf(e) === final.cursor, NOTICE_WITHIN_MS);
      expect(c.events.filter(changed).length, '11 writes, fewer notices').toBeLessThan(11);
    }
    a.close();
    b.close();
  });

  it('refuses a stream without a device token (401) and one over a limit (503, Retry-After)', async () => {
    const stranger = await openNoticeStream(server.url, 'not-a-token');
    expect(stranger.status).toBe(401);
    for (const c of open.splice(0)) c.close();
    await new Promise((r) => setTimeout(r, 100));

    const inA = await Promise.all([1, 2, 3].map(() => stream(server.terminal.token)));
    expect(inA.map((c) => c.status)).toEqual([200, 200, 200]);
    const overStore = await stream(server.terminal.token);
    expect(overStore.status).toBe(503);
    expect(overStore.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(JSON.parse(overStore.refusal)).toMatchObject({ error: { code: 'unavailable' } });

    const inB = await Promise.all([1, 2].map(() => stream(tillB.token)));
    expect(inB.map((c) => c.status)).toEqual([200, 200]);
    const overInstance = await stream(tillB.token);
    expect(overInstance.status, 'five streams on the instance: the sixth is refused').toBe(503);

    inA[0]!.close();
    await new Promise((r) => setTimeout(r, 100));
    const again = await stream(tillB.token);
    expect(again.status, 'a closed stream frees its place').toBe(200);

    const metrics = await fetch(`${server.url}/metrics`, { headers: { authorization: `Bearer ${server.adminToken}` } });
    const text = await metrics.text();
    expect(text).toMatch(/^ezo_live_connections 5$/m);
    expect(text).toMatch(/^ezo_live_streams_turned_away_total\{reason="store_limit"\} 1$/m);
    expect(text).toMatch(/^ezo_live_streams_turned_away_total\{reason="instance_limit"\} 1$/m);
  });
});

describe.each(BACKENDS)('a closing hub on $name', (backend) => {
  it('ends every stream with a retry hint', async () => {
    const server = await backend.start();
    try {
      const c = await openNoticeStream(server.url, server.terminal.token);
      await c.next((e) => e.event === 'ready', NOTICE_WITHIN_MS);
      await server.stop();
      await c.ended;
      expect(c.retryMs).toBe(1000);
    } finally {
      await server.dispose().catch(() => undefined);
    }
  });
});

const postgres = BACKENDS.find((b) => b.name === 'postgres');

describe.skipIf(postgres === undefined)('two hub instances on one PostgreSQL', () => {
  it('a change made through instance 1 reaches a till connected to instance 2', async () => {
    const server = await postgres!.start();
    const db2 = await openPostgresDatabase(server.databaseUrl!);
    const second = await buildHub({
      db: db2,
      adminTokenHash: hashToken(server.adminToken),
      publicUrl: 'http://127.0.0.1',
      rateLimit: false,
      authThrottle: false,
      timeouts: { maxConnectionsPerAddress: Number.POSITIVE_INFINITY },
    });
    try {
      await second.listen({ host: '127.0.0.1', port: 0 });
      const url2 = `http://127.0.0.1:${(second.server.address() as AddressInfo).port}`;
      const p = await createProduct(server, { name: 'Gloves', price: 1200 });
      const c = await openNoticeStream(url2, server.terminal.token);
      await c.next((e) => e.event === 'ready', NOTICE_WITHIN_MS);
      const started = performance.now();
      expect((await server.admin('PATCH', `/api/v1/admin/products/${p.uuid}`, { price: 1250 })).status).toBe(200);
      const notice = await c.next(changed, NOTICE_WITHIN_MS);
      expect(notice.at - started).toBeLessThan(NOTICE_WITHIN_MS);
      expect(cursorOf(notice)).toBe((await pullAll(server, server.terminal.token)).cursor);
      c.close();
    } finally {
      await second.close();
      await db2.close();
      await server.dispose();
    }
  });
});
