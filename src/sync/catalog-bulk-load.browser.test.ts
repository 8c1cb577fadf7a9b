// A crash during the first sync, in Chromium on OPFS: the worker running a 20k-product bulk first
// sync is terminated at seeded random moments; each time the next worker opens the database, which
// must be intact with no duplicate product, and the resumed sync must end with the catalog and its
// word-search index in agreement and the products' schema as a fresh database has it.
import { afterAll, describe, expect, it } from 'vitest';
import { wrap, type Remote } from 'comlink';
import type { BulkSyncProbe, BulkSyncState } from '../db/testing/bulk-sync-probe-worker.ts';
import { HANGING_MESSAGE, RENAMED_AGAIN } from '../db/testing/bulk-sync-probe-worker.ts';
import { seededRandom } from '../../test-support/seeded-random.ts';

const CATALOG = 20_000;
/**
 * Workers killed part-way before the one that is let finish: two of three while they wait before a
 * random statement of the pull (so inside any of its transactions, the final one included), every
 * third at a random moment (so also inside a statement, or a commit).
 */
const KILLS = 6;
const SEED = 16_020;
/**
 * A kill comes at a uniform random moment in this fraction of an uninterrupted sync's span (its
 * last commit); runs vary, and each resumed run has less left to do, so kills also land in the
 * final transaction (FTS rebuild, indexes) and after it.
 */
const KILL_WITHIN = 0.3;
/** The share of a sync still to do when every row is stored but the final transaction is not. */
const MIN_LEFT = 0.15;

const workers: Worker[] = [];
const files: string[] = [];

function probe(): { worker: Worker; api: Remote<BulkSyncProbe> } {
  const worker = new Worker(new URL('../db/testing/bulk-sync-probe-worker.ts', import.meta.url), { type: 'module' });
  workers.push(worker);
  return { worker, api: wrap<BulkSyncProbe>(worker) };
}

function fileName(): string {
  const name = `test-bulk-${crypto.randomUUID().slice(0, 8)}.sqlite3`;
  files.push(name);
  return name;
}

afterAll(async () => {
  for (const w of workers) w.terminate();
  const root = await navigator.storage.getDirectory();
  for (const name of files) {
    for (const suffix of ['', '-journal', '-wal']) await root.removeEntry(name + suffix).catch(() => undefined);
  }
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function expectConsistent(state: BulkSyncState, when: string): void {
  expect(state.integrity, when).toBe('ok');
  expect(state.distinctUuids, when).toBe(state.products);
  // Outside bulk mode the triggers keep FTS in step row by row; inside it the index is rebuilt at the end.
  if (!state.inBulkMode) expect(state.ftsCheck, when).toBe('ok');
}

describe('first sync killed part-way (OPFS)', () => {
  it(`resumes after the worker is killed at ${KILLS} random moments (seed ${SEED}), without duplicates or missing FTS rows`, async () => {
    // An uninterrupted sync gives the span the kills are drawn from, and the fresh schema.
    const reference = fileName();
    const first = probe();
    const fresh = await first.api.state(reference);
    const t0 = performance.now();
    const run = await first.api.sync(reference, CATALOG);
    expect(run.kind).toBe('ok');
    const total = performance.now() - t0;
    // Kills are drawn up to the last page's commit; later ones find the sync done.
    const span = run.lastCommitMs ?? total;
    const { statements } = run;
    const done = await first.api.state(reference);
    expect(done).toMatchObject({ products: CATALOG, distinctUuids: CATALOG, renamedMatches: RENAMED_AGAIN, ftsCheck: 'ok', inBulkMode: false });
    expect(done.productsSchema).toEqual(fresh.productsSchema);
    await first.api.close();
    first.worker.terminate();

    const file = fileName();
    const random = seededRandom(SEED);
    const seen: string[] = [];
    for (let kill = 0; kill < KILLS; kill++) {
      const { worker, api } = probe();
      const before = await api.state(file);
      expectConsistent(before, `after kill ${kill}`);
      seen.push(`${before.products}${before.inBulkMode ? ' (bulk)' : ''}`);
      const byStatement = kill % 3 !== 2;
      // Drawn over what is left to do: a resumed run skips the pages already stored.
      const left = Math.max(MIN_LEFT, (CATALOG - before.products) / CATALOG);
      const hangAt = 1 + Math.floor(random() * statements * left);
      const delay = random() * span * left * KILL_WITHIN;
      const hanging = new Promise<string>((resolve) => {
        worker.addEventListener('message', (event: MessageEvent) => {
          if (event.data === HANGING_MESSAGE) resolve('killed');
        });
      });
      const running = api.sync(file, CATALOG, byStatement ? hangAt : null).then((r) => r.kind, () => 'killed');
      const outcome = await Promise.race([running, byStatement ? hanging : sleep(delay).then(() => 'killed')]);
      worker.terminate();
      const where = byStatement ? `before statement ${hangAt}` : `at ${Math.round(delay)} ms`;
      seen.push(`kill ${where}: ${outcome === 'killed' ? 'killed' : 'it finished first'}`);
    }
    const last = probe();
    const resumed = await last.api.state(file);
    expectConsistent(resumed, `after kill ${KILLS}`);
    seen.push(`${resumed.products}${resumed.inBulkMode ? ' (bulk)' : ''}`);
    expect((await last.api.sync(file, CATALOG)).kind).toBe('ok');
    const final = await last.api.state(file);
    console.log(`first sync of ${CATALOG}: ${statements} statements, last page committed at ${Math.round(span)} ms, done at ${Math.round(total)} ms; ${seen.join('; ')}`);
    expect(final).toMatchObject({ products: CATALOG, distinctUuids: CATALOG, renamedMatches: RENAMED_AGAIN, ftsCheck: 'ok', integrity: 'ok', inBulkMode: false });
    expect(final.lastPullAt).not.toBeNull();
    expect(final.productsSchema).toEqual(fresh.productsSchema);
    await last.api.close();
  }, 180_000);
});
