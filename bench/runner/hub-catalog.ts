// Puts the bench catalog on the hub through its admin API (POST/PATCH /api/v1/admin/products), a
// few requests in flight at once. The hub has no bulk endpoint yet, so 100k rows are 100k requests;
// the time this takes is reported, but it is setup, not a figure.
import { generateCatalog } from '../shared/catalog-gen';
import type { BenchHub } from './hub';

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

export async function seedHubCatalog(hub: BenchHub, total: number): Promise<{ elapsedMs: number }> {
  const t0 = performance.now();
  for (let from = 0; from < total; from += CHUNK) {
    const rows = generateCatalog(from, Math.min(CHUNK, total - from));
    await inParallel(rows, async (p) => {
      const { status, body } = await hub.admin('POST', '/api/v1/admin/products', {
        uuid: p.uuid,
        sku: p.sku,
        barcode: p.barcode,
        name: p.name,
        category_uuid: p.category_uuid,
        price: p.price,
        tax_rate_bp: p.tax_rate_bp,
        tax_included: p.tax_included,
        active: p.active,
      });
      if (status !== 201) throw new Error(`seeding product ${p.sku}: HTTP ${status} ${JSON.stringify(body).slice(0, 200)}`);
    });
  }
  return { elapsedMs: performance.now() - t0 };
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
