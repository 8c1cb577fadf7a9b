// Issue 19, live changes: the time from a price change through the admin API to a till holding the new
// price, with 50 tills connected to the hub's notice stream. One till is the real sync engine (in-memory
// wa-sqlite, as in the worker; its time ends when the new price is committed to its database); the other
// 49 are simulated tills that hold the same stream and, on a notice past their cursor, pull as the engine
// does (their time ends when the pull answer holds the new price). So the hub carries 50 streams and 50
// pulls per change, as with 50 real tills, without 50 SQLite instances in this one process.
import { randomUUID } from 'node:crypto';
import type { Product } from '@ezo/contract/catalog';
import type { DownstreamPage } from '@ezo/contract/downstream';
import { isPastCursor } from '@ezo/contract/notices';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@ezo/contract/protocol-version';
import { startTestServer, type TestServer } from '../../server/src/testing/test-server.ts';
import { createTestDatabase } from '../../server/src/testing/test-database.ts';
import { openNoticeStream, type ReceivedEvent } from '../../server/src/testing/notice-client.ts';
import { openMigratedMemoryDb } from '../../test-support/memory-db.ts';
import { createSyncService } from '../../src/sync/sync-service.ts';
import { measured, notMeasured, goal, type Figure } from '../runner/figures.ts';
import { summarise } from '../shared/stats.ts';
import type { SectionContext } from './context.ts';

const TILLS = 50;
const ROUNDS = 20;
const QUICK_ROUNDS = 5;
/** Between price changes: every till has pulled the last one well before. */
const ROUND_GAP_MS = 1_000;
/** A till that has not got a change by then counts as missed (reported, not a sample). */
const ROUND_TIMEOUT_MS = 10_000;
const REACHES_WITHIN_MS = 2_000;
const ITEM = 10;

interface SimulatedTill {
  cursor: string | undefined;
  /** The price it last pulled for the product under test. */
  price: number | null;
  pricedAt: number;
  /** When the first notice past its cursor arrived in this round (0: none yet). */
  noticedAt: number;
}

async function pull(hub: TestServer, token: string, till: SimulatedTill, uuid: string): Promise<void> {
  for (;;) {
    const q = till.cursor === undefined ? '' : `?last_synced_at=${encodeURIComponent(till.cursor)}`;
    const res = await fetch(`${hub.url}/api/v1/sync/downstream${q}`, { headers: { authorization: `Bearer ${token}`, [PROTOCOL_HEADER]: String(PROTOCOL_VERSION) } });
    if (res.status !== 200) throw new Error(`pull answered ${res.status}`);
    const page = (await res.json()) as DownstreamPage;
    const p = page.changes.products.find((x) => x.uuid === uuid);
    if (p !== undefined) {
      till.price = p.price;
      till.pricedAt = performance.now();
    }
    till.cursor = page.timestamp;
    if (!page.has_more) return;
  }
}

export async function runLive(ctx: SectionContext): Promise<Figure[]> {
  const url = process.env['BENCH_DATABASE_URL'];
  // On PostgreSQL a throwaway database of its own (ezo_test_<random>), dropped afterwards.
  const database = url === undefined || url === '' ? null : await createTestDatabase(url);
  const hub = await startTestServer({ ...(database === null ? {} : { databaseUrl: database.url }), timeouts: { maxConnectionsPerAddress: Number.POSITIVE_INFINITY } });
  const cleanups: (() => Promise<void> | void)[] = [];
  try {
    const created = await hub.admin<Product>('POST', '/api/v1/admin/products', { sku: `LIVE-${randomUUID().slice(0, 8)}`, name: 'Live bench product', price: 1000, tax_rate_bp: 1900, tax_included: true });
    const product = created.body;

    ctx.progress(`pairing ${TILLS} tills (1 sync engine, ${TILLS - 1} simulated)`);
    const db = await openMigratedMemoryDb();
    const engine = createSyncService(db, {
      clock: { now: () => Date.now() },
      fetch: (i, init) => fetch(i, init),
      random: Math.random,
      newUuid: () => randomUUID(),
      locks: null,
      isOnline: () => true,
      appOrigin: null,
      liveNotices: (i, init) => fetch(i, init),
    });
    cleanups.push(() => engine.stop(), () => db.close());
    await engine.pair(hub.url, hub.terminal.token);
    await engine.start();
    let engineAt = 0;
    let enginePrice: number | null = null;
    await engine.subscribeSyncStatus(() => {
      void db.get<{ price: number }>('SELECT price FROM products WHERE uuid = ?', [product.uuid]).then((row) => {
        if (row !== undefined && row.price !== enginePrice) {
          enginePrice = row.price;
          engineAt = performance.now();
        }
      });
    });

    const simulated: SimulatedTill[] = [];
    for (let i = 1; i < TILLS; i++) {
      const terminal = await hub.createTerminal(hub.store.id);
      const till: SimulatedTill = { cursor: undefined, price: null, pricedAt: 0, noticedAt: 0 };
      let pulling: Promise<void> = Promise.resolve();
      // A `changed` past the cursor pulls, one pull at a time (as the run loop does).
      const onEvent = (e: ReceivedEvent) => {
        if (e.event !== 'changed') return;
        const { cursor } = JSON.parse(e.data) as { cursor: string };
        if (!isPastCursor(cursor, till.cursor ?? null)) return;
        if (till.noticedAt === 0) till.noticedAt = performance.now();
        pulling = pulling.then(() => pull(hub, terminal.token, till, product.uuid)).catch(() => undefined);
      };
      const stream = await openNoticeStream(hub.url, terminal.token, onEvent);
      cleanups.push(() => stream.close());
      if (stream.status !== 200) throw new Error(`simulated till ${i}: stream answered ${stream.status}`);
      await pull(hub, terminal.token, till, product.uuid);
      simulated.push(till);
    }
    const metrics = async () => {
      const res = await fetch(`${hub.url}/metrics`, { headers: { authorization: `Bearer ${hub.adminToken}` } });
      return Number(/^ezo_live_connections (\d+)$/m.exec(await res.text())?.[1] ?? 0);
    };
    for (let waited = 0; (await metrics()) < TILLS; waited += 100) {
      if (waited > 30_000) throw new Error(`only ${await metrics()} of ${TILLS} streams open`);
      await new Promise((r) => setTimeout(r, 100));
    }

    const rounds = ctx.options.quick ? QUICK_ROUNDS : ROUNDS;
    const all: number[] = [];
    const real: number[] = [];
    // The simulated tills' time split in two: change to notice received, notice to new price pulled.
    const noticed: number[] = [];
    const pulled: number[] = [];
    let missed = 0;
    for (let round = 1; round <= rounds; round++) {
      ctx.progress(`price change ${round}/${rounds}`);
      await new Promise((r) => setTimeout(r, ROUND_GAP_MS));
      const price = 1000 + round;
      for (const s of simulated) s.noticedAt = 0;
      const t0 = performance.now();
      const res = await hub.admin('PATCH', `/api/v1/admin/products/${product.uuid}`, { price });
      if (res.status !== 200) throw new Error(`price change answered ${res.status}`);
      const done = () => enginePrice === price && simulated.every((s) => s.price === price);
      while (!done() && performance.now() - t0 < ROUND_TIMEOUT_MS) await new Promise((r) => setTimeout(r, 5));
      for (const s of simulated) {
        if (s.price === price) {
          all.push(s.pricedAt - t0);
          if (s.noticedAt > 0) {
            noticed.push(s.noticedAt - t0);
            pulled.push(s.pricedAt - s.noticedAt);
          }
        } else missed++;
      }
      if (enginePrice === price) {
        all.push(engineAt - t0);
        real.push(engineAt - t0);
      } else missed++;
    }
    const s = summarise(all);
    const r = summarise(real);
    const n = summarise(noticed);
    const pl = summarise(pulled);
    ctx.notes.live = { backend: database === null ? 'pglite' : 'postgres', tills: TILLS, rounds, missed, all: s, syncEngine: r, noticeDelivery: n, noticeToPulled: pl, how: 'one sync engine (wa-sqlite in Node) + 49 simulated stream clients that pull on a notice; PGlite unless BENCH_DATABASE_URL' };
    const note = `${database === null ? 'PGlite' : 'PostgreSQL'}; ${TILLS} tills (1 sync engine + ${TILLS - 1} simulated stream clients that pull), ${rounds} price changes, ${missed} missed; the sync engine alone: p50 ${Math.round(r.p50)} ms, p95 ${Math.round(r.p95)} ms; simulated tills, change to notice: p50 ${Math.round(n.p50)} / p95 ${Math.round(n.p95)} ms, notice to price pulled: p50 ${Math.round(pl.p50)} / p95 ${Math.round(pl.p95)} ms`;
    return [
      measured(ITEM, 'live.priceToTill.p50', 'Price change to till, 50 connected tills, p50', s.p50, 'ms', { goal: goal(s.p50, REACHES_WITHIN_MS, '< 2 s'), note }),
      measured(ITEM, 'live.priceToTill.p95', 'Price change to till, 50 connected tills, p95', s.p95, 'ms', { goal: goal(s.p95, REACHES_WITHIN_MS, '< 2 s'), note }),
    ];
  } catch (error) {
    return [notMeasured(ITEM, 'live.priceToTill', 'Price change to till, 50 connected tills', error instanceof Error ? error.message : String(error))];
  } finally {
    for (const c of cleanups.reverse()) await Promise.resolve(c()).catch(() => undefined);
    await hub.stop();
    await database?.drop();
  }
}
