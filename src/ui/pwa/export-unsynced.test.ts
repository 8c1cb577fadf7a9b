// The export file's name and item count, checked on a batch that passes the shared contract.
import { describe, expect, it } from 'vitest';
import { strictContract } from '@ezo/contract/contract';
import { exportFileName, exportItemCount, splitExport } from './export-unsynced.ts';
import { MAX_BODY_BYTES, MAX_UPSTREAM_ITEMS } from '@ezo/contract/limits';
import type { UpstreamBatch } from '@ezo/contract/upstream';

describe('export file', () => {
  it('is named by the batch time without characters file systems refuse', () => {
    const batch = strictContract.upstream.batch.parse({
      sync_id: 'export-1',
      timestamp: '2026-11-25T15:04:05.123Z',
      changes: {},
    });
    expect(exportFileName(batch)).toBe('ezo-unsynced-2026-11-25T15-04-05Z.json');
    expect(exportItemCount(batch)).toBe(0);
    expect(exportItemCount({ sync_id: 'x', timestamp: batch.timestamp, changes: {} })).toBe(0);
  });
});

/** Who made the export's items (protocol 2 names a staff member on every item). */
const STAFF_ID = '00000000-0000-4000-8000-00000000057a';

/** A valid sale with `lines` lines; uuids derived from n so every item is distinct. */
function sale(n: number, lines = 1) {
  const hex = (k: number) => k.toString(16).padStart(12, '0');
  return {
    uuid: `00000000-0000-4000-8000-${hex(n)}`,
    receipt_number: `T1-${n}`,
    terminal_id: '00000000-0000-4000-8000-ffffffffffff',
    shift_uuid: null,
    customer_uuid: null,
    refund_of: null,
    currency: 'EUR',
    subtotal: 100 * lines,
    discount_total: 0,
    tax_total: 0,
    total: 100 * lines,
    note: null,
    created_at: '2026-11-25T15:04:05.000Z',
    lines: Array.from({ length: lines }, (_, i) => ({
      uuid: `00000000-0000-4000-9000-${hex(n * 1000 + i)}`,
      product_uuid: '00000000-0000-4000-8000-eeeeeeeeeeee',
      name: 'A product with a fairly long name to take room',
      sku: 'SKU-1',
      quantity: 1,
      unit_price: 100,
      discount_bp: 0,
      tax_rate_bp: 0,
      tax_included: false,
      line_subtotal: 100,
      line_discount: 0,
      line_tax: 0,
      line_total: 100,
      refund_of_line: null,
    })),
    payments: [{ uuid: `00000000-0000-4000-a000-${hex(n)}`, method: 'card', amount: 100 * lines, tendered: null, change: null }],
    staff_id: STAFF_ID,
  };
}

describe('splitting an export the hub would refuse whole', () => {
  const exported = (sales: unknown[], adjustments: unknown[] = []): UpstreamBatch => ({
    sync_id: 'export-1',
    timestamp: '2026-11-25T15:04:05.123Z',
    changes: { sales: sales as never, adjustments: adjustments as never, products: [] },
  });

  it('keeps a small export in one file', () => {
    const batches = splitExport(exported([sale(1), sale(2)]));
    expect(batches).toHaveLength(1);
    expect(batches[0]?.sync_id).toBe('export-1');
  });

  it('splits by item count and by size, every part a batch the hub accepts, nothing lost or repeated', () => {
    const many = Array.from({ length: MAX_UPSTREAM_ITEMS * 2 + 7 }, (_, i) => sale(i + 1, i % 50 === 0 ? 200 : 1));
    const adjustment = { uuid: '00000000-0000-4000-b000-000000000001', product_uuid: '00000000-0000-4000-8000-eeeeeeeeeeee', delta: -2, reason: 'broken', created_at: '2026-11-25T15:04:05.000Z', staff_id: STAFF_ID };
    const batches = splitExport(exported(many, [adjustment]));
    expect(batches.length).toBeGreaterThanOrEqual(3);
    const seen: string[] = [];
    for (const b of batches) {
      const parsed = strictContract.upstream.batch.safeParse(b);
      expect(parsed.success).toBe(true);
      expect(new TextEncoder().encode(JSON.stringify(b, null, 2)).length).toBeLessThanOrEqual(MAX_BODY_BYTES);
      seen.push(...(b.changes.sales ?? []).map((s) => s.uuid), ...(b.changes.adjustments ?? []).map((a) => a.uuid));
    }
    expect(seen).toEqual([...many.map((s) => s.uuid), adjustment.uuid]);
    expect(new Set(batches.map((b) => b.sync_id)).size).toBe(batches.length);
    expect(exportFileName(exported([]), 2, 3)).toBe('ezo-unsynced-2026-11-25T15-04-05Z-part-2-of-3.json');
  });
});
