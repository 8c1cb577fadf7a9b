// Fuzz of the till's downstream apply: >= 1,000 malformed pages from a fake hub (injected fetch)
// into the real sync service on a real in-memory wa-sqlite. After each: every pulled table and the
// cursor are byte-for-byte unchanged, and syncStatus().lastError names the defect. Seeded (FUZZ_SEED).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { openMigratedMemoryDb } from '../../../test-support/memory-db.ts';
import { createSyncService } from '../sync-service.ts';
import type { SyncService } from '../../api/service-parts.ts';
import type { SqlConnection } from '../sql-connection.ts';
import type { DownstreamPage } from '@ezo/contract/downstream';
import type { TerminalInfo } from '@ezo/contract/terminal';
import { fuzzSeed } from './fuzz-seed.ts';
import { mutantOf, type DefectKind, type Mutant } from './page-mutants.ts';
import { tillChecksum, tillCursor } from './till-checksum.ts';

/** Malformed pages per run (the issue asks for at least 1,000). */
const MALFORMED_PAGES = 1_000;
const HUB = 'http://hub.invalid';
const FIRST_CURSOR = 'c-000001';
const SECOND_CURSOR = 'c-000002';

const id = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;
const TERMINAL: TerminalInfo = {
  terminal_id: id(9001),
  terminal_name: 'Fuzz till',
  store_id: id(9002),
  store_name: 'Fuzz store',
  currency: 'EUR',
  locale: 'de-DE',
  receipt_prefix: 'FZ',
  device_id: null,
  idle_lock_seconds: 300,
  discount_limit_percent: 100,
};

/** A valid page; `version` changes every row's content, so applying any part of page 2 shows. */
function page(version: 1 | 2): DownstreamPage {
  const at = `2026-01-0${version}T10:00:00.000Z`;
  return {
    sync_id: `page-${version}`,
    timestamp: version === 1 ? FIRST_CURSOR : SECOND_CURSOR,
    has_more: false,
    remaining: 0,
    changes: {
      categories: Array.from({ length: 4 }, (_, i) => ({ uuid: id(100 + i), name: `Category ${i} v${version}`, sort_order: i + version, updated_at: at, deleted_at: null })),
      products: Array.from({ length: 12 }, (_, i) => ({
        uuid: id(200 + i),
        sku: `SKU-${i}`,
        barcode: i % 3 === 0 ? null : `40000000${i}${version}`,
        name: `Product ${i} v${version}`,
        category_uuid: i % 4 === 0 ? null : id(100 + (i % 4)),
        price: 100 * i + version,
        tax_rate_bp: 700 + version,
        tax_included: i % 2 === 0,
        active: true,
        open_price: i === 7,
        price_version: version,
        updated_at: at,
        deleted_at: version === 2 && i === 5 ? at : null,
      })),
      customers: Array.from({ length: 4 }, (_, i) => ({ uuid: id(300 + i), name: `Customer ${i} v${version}`, email: i % 2 === 0 ? null : `c${i}@example.com`, phone: null, updated_at: at, deleted_at: null })),
      stock: Array.from({ length: 12 }, (_, i) => ({ product_uuid: id(200 + i), quantity: (i - 3) * version, updated_at: at })),
      staff: [],
      store_settings: [],
    },
  };
}

/** The fake hub: terminal info for pairing, and whatever page the test sets for downstream. */
let nextPage = JSON.stringify(page(1));
const cursorsAsked: (string | null)[] = [];
const fakeFetch: typeof fetch = (input) => {
  const url = new URL(typeof input === 'string' ? input : input instanceof URL ? input.href : input.url);
  const json = (body: string) => new Response(body, { status: 200, headers: { 'content-type': 'application/json' } });
  if (url.pathname === '/api/v1/sync/terminal') return Promise.resolve(json(JSON.stringify(TERMINAL)));
  if (url.pathname === '/api/v1/sync/downstream') {
    cursorsAsked.push(url.searchParams.get('last_synced_at'));
    return Promise.resolve(json(nextPage));
  }
  return Promise.resolve(new Response('{"error":{"code":"not_found","message":"no"}}', { status: 404 }));
};

let db: SqlConnection;
let sync: SyncService;

beforeAll(async () => {
  db = await openMigratedMemoryDb();
  sync = createSyncService(db, {
    clock: { now: () => Date.now() },
    fetch: fakeFetch,
    random: () => 0.5,
    newUuid: () => crypto.randomUUID(),
    locks: null,
    isOnline: () => true,
    appOrigin: null,
  });
  await sync.pair(HUB, 'fuzz-token');
  await sync.syncNow();
  expect(await tillCursor(db)).toBe(FIRST_CURSOR);
});
afterAll(async () => {
  await sync.stop();
  await db.close();
});

describe('downstream fuzz', () => {
  it(`${MALFORMED_PAGES} malformed pages: none applied even in part, cursor unchanged, the error names the defect`, async () => {
    const seed = fuzzSeed('downstream-fuzz');
    const before = await tillChecksum(db);
    const kinds = new Map<DefectKind, number>();
    await fc.assert(
      fc.asyncProperty(mutantOf(page(2), FIRST_CURSOR), async (mutant: Mutant) => {
        kinds.set(mutant.kind, (kinds.get(mutant.kind) ?? 0) + 1);
        nextPage = mutant.body;
        await db.run(`UPDATE sync_state SET last_error = NULL WHERE id = 1`);
        cursorsAsked.length = 0;
        await sync.syncNow();
        expect(cursorsAsked, 'the till asks from the cursor the hub issued').toEqual([FIRST_CURSOR]);
        expect(await tillCursor(db)).toBe(FIRST_CURSOR);
        expect(await tillChecksum(db), `${mutant.kind} changed the database`).toBe(before);
        const error = (await sync.syncStatus()).lastError;
        // An answer that is not a page at all is bad_response; a page that fails the contract is bad_page.
        const notAPage = mutant.expect === 'not JSON' || mutant.kind === 'stalled_cursor';
        expect(error?.code).toBe(notAPage ? 'bad_response' : 'bad_page');
        expect(error?.message).toContain(mutant.expect);
      }),
      { numRuns: MALFORMED_PAGES, seed, endOnFailure: true },
    );
    console.log(`[downstream-fuzz] ${MALFORMED_PAGES} pages by defect: ${[...kinds].map(([k, n]) => `${k} ${n}`).join(', ')}`);
    expect(kinds.size, 'every kind of defect was drawn').toBe(10);
  });

  it('the same page unmutated is applied (the checksum can see a change)', async () => {
    const before = await tillChecksum(db);
    nextPage = JSON.stringify(page(2));
    await sync.syncNow();
    expect(await tillCursor(db)).toBe(SECOND_CURSOR);
    expect(await tillChecksum(db)).not.toBe(before);
    expect((await sync.syncStatus()).lastError).toBeNull();
  });

  it('unknown fields from a newer hub are tolerated (lenient parser), the page is applied', async () => {
    const third = { ...page(2), timestamp: 'c-000003', changes: { ...page(2).changes, products: page(2).changes.products.map((p) => ({ ...p, colour: 'red' })) }, future_flag: true };
    nextPage = JSON.stringify(third);
    await sync.syncNow();
    expect(await tillCursor(db)).toBe('c-000003');
    expect((await sync.syncStatus()).lastError).toBeNull();
  });
});
