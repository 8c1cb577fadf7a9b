// Puts the bench catalog on the hub. The hub has no bulk endpoint or bulk seed function yet, and
// 100k admin requests take many minutes on a shared machine, so when the hub runs in this process the
// rows are inserted as the admin API inserts them (same columns, under the commit-order lock), many
// per statement; otherwise through the admin API, a few requests in flight. The time it takes is
// reported in notes: it is setup, not a figure.
import type { Product } from '@ezo/contract/catalog';
import { generateCatalog } from '../shared/catalog-gen.ts';
import { loadCatalogWrites, type BenchHub, type HubDatabase } from './hub.ts';

/** Requests in flight while seeding: enough to keep the hub busy, few enough for 2 shared cores. */
const SEED_CONCURRENCY = 8;
/** Rows generated at a time (the generator is seeded per chunk). */
const CHUNK = 1_000;

async function inParallel<T>(items: readonly T[], work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const lanes = Array.from({ length: Math.min(SEED_CONCURRENCY, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  });
  await Promise.all(lanes);
}

function createInput(p: Product): Record<string, unknown> {
  return { uuid: p.uuid, sku: p.sku, barcode: p.barcode, name: p.name, category_uuid: p.category_uuid, price: p.price, tax_rate_bp: p.tax_rate_bp, tax_included: p.tax_included, active: p.active };
}

/** Columns createCatalogRow writes for a product (server/src/catalog/admin-catalog.ts), in order. */
const PRODUCT_INSERT_COLUMNS = ['uuid', 'sku', 'barcode', 'name', 'category_uuid', 'price', 'tax_rate_bp', 'tax_included', 'active'] as const;
/** Rows per multi-row INSERT: 9 parameters each, well under PostgreSQL's 65,535. */
const ROWS_PER_INSERT = 500;

/**
 * The admin path's INSERT (same columns, same table triggers that version each row), many rows per
 * statement under the commit-order lock: one PGlite statement per row is what makes seeding slow.
 */
async function seedInProcess(db: HubDatabase, total: number): Promise<void> {
  const writes = await loadCatalogWrites();
  for (let from = 0; from < total; from += CHUNK) {
    const rows = generateCatalog(from, Math.min(CHUNK, total - from));
    await db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [writes.COMMIT_ORDER_LOCK_KEY]);
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
        const part = rows.slice(i, i + ROWS_PER_INSERT);
        const params: unknown[] = [];
        const tuples = part.map((p) => {
          const input = createInput(p);
          const start = params.length;
          for (const c of PRODUCT_INSERT_COLUMNS) params.push(input[c]);
          return `(${PRODUCT_INSERT_COLUMNS.map((_, k) => `$${start + k + 1}`).join(', ')})`;
        });
        await tx.query(`INSERT INTO products (${PRODUCT_INSERT_COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`, params);
      }
    });
  }
}

async function seedThroughApi(hub: BenchHub, total: number): Promise<void> {
  for (let from = 0; from < total; from += CHUNK) {
    const rows = generateCatalog(from, Math.min(CHUNK, total - from));
    await inParallel(rows, async (p) => {
      const { status, body } = await hub.admin('POST', '/api/v1/admin/products', createInput(p));
      if (status !== 201) throw new Error(`seeding product ${p.sku}: HTTP ${status} ${JSON.stringify(body).slice(0, 200)}`);
    });
  }
}

export async function seedHubCatalog(hub: BenchHub, total: number): Promise<{ elapsedMs: number; via: string }> {
  const t0 = performance.now();
  let via = 'admin API';
  if (hub.db === undefined) await seedThroughApi(hub, total);
  else {
    await seedInProcess(hub.db, total);
    via = `multi-row INSERT of the admin path's columns, ${CHUNK} rows per transaction`;
  }
  return { elapsedMs: performance.now() - t0, via };
}

/** Renames the first `count` products (a price change too, every other one); returns the last one's barcode and new name. */
export async function changeHubProducts(hub: BenchHub, count: number): Promise<{ barcode: string; name: string }> {
  const rows = generateCatalog(0, count);
  await inParallel(rows, async (p) => {
    const patch = { name: `${p.name} (new)`, ...(Number(p.sku.slice(-1)) % 2 === 0 ? { price: p.price + 10 } : {}) };
    const { status, body } = await hub.admin('PATCH', `/api/v1/admin/products/${p.uuid}`, patch);
    if (status !== 200) throw new Error(`changing product ${p.sku}: HTTP ${status} ${JSON.stringify(body).slice(0, 200)}`);
  });
  const last = rows[rows.length - 1];
  if (last === undefined || last.barcode === null) throw new Error('no product to change');
  return { barcode: last.barcode, name: `${last.name} (new)` };
}
