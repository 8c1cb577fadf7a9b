// The database layer in real Chromium: wa-sqlite on OPFS (and the IndexedDB fallback) in a
// dedicated worker, the ownership protocol between two workers, and errors crossing Comlink.
import { afterAll, describe, expect, it } from 'vitest';
import { wrap, type Remote } from 'comlink';
import { registerErrorTransfer } from '../api/error-transfer.ts';
import type { OwnershipProbe, ProbeConfig } from './ownership-probe-worker.ts';
import { ACCESS_HANDLE_BACKOFF_MS } from './vfs-retry.ts';

registerErrorTransfer();

/** Small transactions timed to confirm the journal choice; a figure for the report, not an assertion. */
const MEASURED_TRANSACTIONS = 200;

const workers: Worker[] = [];
const files: string[] = [];

function probe(): Remote<OwnershipProbe> {
  const worker = new Worker(new URL('./ownership-probe-worker.ts', import.meta.url), { type: 'module' });
  workers.push(worker);
  return wrap<OwnershipProbe>(worker);
}

function config(overrides: Partial<ProbeConfig> = {}): ProbeConfig {
  const id = crypto.randomUUID().slice(0, 8);
  const name = `test-${id}.sqlite3`;
  files.push(name);
  return { name, lock: `test-owner-${id}`, channel: `test-handover-${id}`, ...overrides };
}

async function rejection(promise: Promise<unknown>): Promise<{ name: string; code?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { name: string; code?: string; message: string };
  }
  throw new Error('expected a rejection');
}

async function ownershipOf(p: Remote<OwnershipProbe>, wanted: string): Promise<void> {
  await expect.poll(() => p.state(), { timeout: 10_000 }).toBe(wanted);
}

const SHIFT = `INSERT INTO shifts (uuid, opened_at, opening_float) VALUES (?, '2026-01-01T09:00:00Z', ?)`;
const SALE = `INSERT INTO sales (uuid, receipt_number, terminal_id, currency, subtotal, discount_total, tax_total, total, created_at)
  VALUES (?, ?, 't1', 'EUR', 100, 0, 17, 100, '2026-01-01T09:00:00Z')`;

afterAll(async () => {
  for (const w of workers) w.terminate();
  const root = await navigator.storage.getDirectory();
  for (const name of files) {
    for (const suffix of ['', '-journal', '-wal']) await root.removeEntry(name + suffix).catch(() => undefined);
  }
});

describe('database on OPFS', () => {
  it('opens in WAL with the sync build, keeps a row across close and reopen', async () => {
    const cfg = config();
    const first = probe();
    expect(await first.start(cfg)).toBe('owner');
    const info = await first.info();
    expect(info).toMatchObject({ storage: 'opfs', vfs: 'OPFSCoopSyncVFS', journalMode: 'wal', schemaVersion: expect.any(Number) as number });
    expect(info.schemaVersion).toBeGreaterThanOrEqual(1);
    expect(info.sqliteVersion).toMatch(/^3\.\d+/);
    expect(await first.all('PRAGMA foreign_keys')).toEqual([{ foreign_keys: 1 }]);
    expect(await first.all('PRAGMA locking_mode')).toEqual([{ locking_mode: 'exclusive' }]);

    await first.run(SHIFT, ['shift-1', 5000]);
    const timing = await first.measureSmallTransactions(MEASURED_TRANSACTIONS);
    console.log(`OPFSCoopSyncVFS WAL+EXCLUSIVE, synchronous FULL, ${MEASURED_TRANSACTIONS} small transactions: p50 ${timing.p50.toFixed(2)} ms, p95 ${timing.p95.toFixed(2)} ms, p99 ${timing.p99.toFixed(2)} ms`);
    await first.release();

    const second = probe();
    expect(await second.start(cfg)).toBe('owner');
    expect(await second.all('SELECT uuid, opening_float FROM shifts')).toEqual([{ uuid: 'shift-1', opening_float: 5000 }]);
    expect(await second.all('SELECT count(*) AS n FROM sales')).toEqual([{ n: MEASURED_TRANSACTIONS }]);
    expect(await second.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    await second.release();
  });

  it('retries while another context still holds the file\'s access handle', async () => {
    const cfg = config();
    const first = probe();
    await first.start(cfg);
    await first.run(SHIFT, ['held', 1]);
    await first.release();

    // Held for longer than the first backoff step: opening succeeds only by retrying.
    const holder = probe();
    await holder.holdAccessHandle(cfg.name, ACCESS_HANDLE_BACKOFF_MS * 3);
    const second = probe();
    expect(await second.start(cfg)).toBe('owner');
    expect(await second.all('SELECT uuid FROM shifts')).toEqual([{ uuid: 'held' }]);
    await second.release();
  });

  it('measures the rollback journal for comparison', async () => {
    const p = probe();
    await p.start(config());
    await p.exec('PRAGMA journal_mode = DELETE');
    expect(await p.all('PRAGMA journal_mode')).toEqual([{ journal_mode: 'delete' }]);
    const timing = await p.measureSmallTransactions(MEASURED_TRANSACTIONS);
    console.log(`OPFSCoopSyncVFS journal DELETE, synchronous FULL, ${MEASURED_TRANSACTIONS} small transactions: p50 ${timing.p50.toFixed(2)} ms, p95 ${timing.p95.toFixed(2)} ms, p99 ${timing.p99.toFixed(2)} ms`);
    expect(await p.all('SELECT count(*) AS n FROM sales')).toEqual([{ n: MEASURED_TRANSACTIONS }]);
    await p.release();
  });

  it('refuses to update or delete a sale, and the TillError crosses Comlink with its name and code', async () => {
    const p = probe();
    await p.start(config());
    await p.run(SALE, ['sale-1', 'R-1']);

    const update = await rejection(p.run(`UPDATE sales SET total = 1 WHERE uuid = 'sale-1'`));
    expect(update).toMatchObject({ name: 'TillError', code: 'sqlite' });
    expect(update.message).toMatch(/sales are immutable/);
    expect((update as { sqliteCode?: number }).sqliteCode).toBe(19); // SQLITE_CONSTRAINT: RAISE(ABORT)

    const remove = await rejection(p.run(`DELETE FROM sales WHERE uuid = 'sale-1'`));
    expect(remove).toMatchObject({ name: 'TillError', code: 'sqlite' });
    expect(await p.all('SELECT total FROM sales')).toEqual([{ total: 100 }]);
    await p.release();
  });
});

describe('database on the IndexedDB fallback', () => {
  it('opens with the asyncify build without WAL and keeps a row across reopen', async () => {
    const cfg = config({ storage: 'indexeddb' });
    const first = probe();
    await first.start(cfg);
    expect(await first.info()).toMatchObject({ storage: 'indexeddb', vfs: 'IDBBatchAtomicVFS', journalMode: 'delete' });
    await first.run(SHIFT, ['shift-idb', 700]);
    await first.release();

    const second = probe();
    await second.start(cfg);
    expect(await second.all('SELECT opening_float FROM shifts')).toEqual([{ opening_float: 700 }]);
    await second.release();
  });
});

describe('one owner per device', () => {
  it('lets one worker own, hands over after the write in flight, and refuses the old owner with moved', async () => {
    const cfg = config();
    const a = probe();
    const b = probe();
    expect(await a.start(cfg)).toBe('owner');
    expect(await b.start(cfg)).toBe('elsewhere');
    expect(await rejection(b.all('SELECT 1'))).toMatchObject({ name: 'TillError', code: 'not_owner' });

    // A write is in flight in A when B asks for the till: it must commit, not be cut off.
    const inFlight = a.slowWrite(SHIFT, ['shift-a', 100], 300);
    expect(await b.takeOver()).toBe('owner');
    await expect(inFlight).resolves.toMatchObject({ changes: 1 });
    await ownershipOf(a, 'moved');
    expect(await a.changes()).toEqual(['owner', 'moved']);
    expect(await rejection(a.run(SHIFT, ['late', 1]))).toMatchObject({ name: 'TillError', code: 'moved' });

    expect(await b.all('SELECT uuid FROM shifts')).toEqual([{ uuid: 'shift-a' }]);
    await b.run(`UPDATE shifts SET closed_at = '2026-01-01T17:00:00Z' WHERE uuid = 'shift-a'`);

    // And back: A takes the till again and sees B's write.
    expect(await a.takeOver()).toBe('owner');
    await ownershipOf(b, 'moved');
    expect(await a.all('SELECT closed_at FROM shifts')).toEqual([{ closed_at: '2026-01-01T17:00:00Z' }]);
    expect(await a.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    await a.release();
  });

  it('steals the lock from an owner that does not answer, without losing its committed rows', async () => {
    const cfg = config({ handoverWaitMs: 300 });
    const a = probe();
    const b = probe();
    await a.start(cfg);
    await a.run(SHIFT, ['committed', 1]);
    await b.start(cfg);
    const stuck = a.block(1_500);
    expect(await b.takeOver()).toBe('owner');
    await stuck;
    await ownershipOf(a, 'moved');
    expect(await b.all('SELECT uuid FROM shifts')).toEqual([{ uuid: 'committed' }]);
    expect(await b.all('PRAGMA integrity_check')).toEqual([{ integrity_check: 'ok' }]);
    await b.release();
  });

  it('gives the lock to the next tab when the owner releases it on pagehide', async () => {
    const cfg = config();
    const a = probe();
    const b = probe();
    await a.start(cfg);
    await a.run(SHIFT, ['before-reload', 1]);
    await a.release();
    expect(await rejection(a.all('SELECT 1'))).toMatchObject({ code: 'not_owner' });
    expect(await b.start(cfg)).toBe('owner');
    expect(await b.all('SELECT uuid FROM shifts')).toEqual([{ uuid: 'before-reload' }]);
    await b.release();
  });
});
