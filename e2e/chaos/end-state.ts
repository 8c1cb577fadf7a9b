// The end state a chaos run must reach, checked against the hub: every sale the till confirmed is
// on the hub exactly once with the same total, the hub holds no other sale of this terminal, every
// queue row is Completed (or Failed with a non-transient reason), and the till's catalog is exactly
// the hub's (same checksum over every sellable product).
import { createHash } from 'node:crypto';
import type { Page } from '@playwright/test';
import type { TestServer } from '../../server/src/testing/test-server.ts';
import { callApi } from './till-api-bridge.ts';
import type { Ledger } from './till-driver.ts';

/** Products one till API page returns at most (src/db/repos/data-limits.ts MAX_SEARCH_RESULTS). */
const PRODUCT_PAGE = 100;
/** Messages of queue items that gave up on a transient failure: such an item is not settled. */
export const TRANSIENT_GIVE_UP = /^Gave up after/;

export interface Reconciliation {
  sales: number;
  lost: string[];
  duplicated: string[];
  wrongTotal: string[];
  /** Sales still Pending, or Failed for a transient reason. */
  unsettled: string[];
  failedPermanently: number;
}

export async function reconcile(page: Page, hub: TestServer, terminalId: string, ledger: Ledger): Promise<Reconciliation> {
  const rows = await hub.db.query<{ uuid: string; total: string | number; receipt_number: string }>(
    `SELECT uuid::text AS uuid, total, receipt_number FROM sales WHERE terminal_id = $1`,
    [terminalId],
  );
  const onHub = new Map<string, number>();
  const duplicated: string[] = [];
  const receipts = new Set<string>();
  for (const r of rows) {
    if (onHub.has(r.uuid) || receipts.has(r.receipt_number)) duplicated.push(r.uuid);
    onHub.set(r.uuid, Number(r.total));
    receipts.add(r.receipt_number);
  }
  for (const uuid of onHub.keys()) if (!ledger.has(uuid)) duplicated.push(uuid);

  const failed = await callApi(page, 'failedItems');
  const permanentlyFailed = new Set(failed.filter((f) => !TRANSIENT_GIVE_UP.test(f.lastError ?? '')).map((f) => f.label.replace(/^Receipt /, '')));
  const lost: string[] = [];
  const wrongTotal: string[] = [];
  const unsettled: string[] = [];
  let failedPermanently = 0;
  for (const [uuid, total] of ledger) {
    const detail = await callApi(page, 'sale', uuid);
    const state = detail?.syncState ?? 'missing';
    if (state === 'failed' && detail !== null && permanentlyFailed.has(detail.sale.receipt_number)) failedPermanently += 1;
    else if (state !== 'synced') unsettled.push(`${uuid} (${state})`);
    if (!onHub.has(uuid)) {
      if (state !== 'failed' || detail === null || !permanentlyFailed.has(detail.sale.receipt_number)) lost.push(uuid);
    } else if (onHub.get(uuid) !== total) wrongTotal.push(uuid);
  }
  return { sales: ledger.size, lost, duplicated, wrongTotal, unsettled, failedPermanently };
}

/** A checksum of what the till sells: every active, live product with the fields a sale copies. */
export async function tillCatalogChecksum(page: Page): Promise<{ count: number; sum: string }> {
  const lines: string[] = [];
  for (let offset = 0; ; offset += PRODUCT_PAGE) {
    const batch = await callApi(page, 'products', { categoryUuid: null, limit: PRODUCT_PAGE, offset });
    for (const p of batch) lines.push([p.uuid, p.sku, p.name, p.price, p.taxRateBp, p.taxIncluded, p.priceVersion].join('|'));
    if (batch.length < PRODUCT_PAGE) break;
  }
  return checksum(lines);
}

export async function hubCatalogChecksum(hub: TestServer): Promise<{ count: number; sum: string }> {
  const rows = await hub.db.query<{ uuid: string; sku: string; name: string; price: string | number; tax_rate_bp: number; tax_included: boolean; price_version: number }>(
    `SELECT uuid::text AS uuid, sku, name, price, tax_rate_bp, tax_included, price_version FROM products WHERE deleted_at IS NULL AND active`,
  );
  return checksum(rows.map((p) => [p.uuid, p.sku, p.name, Number(p.price), p.tax_rate_bp, p.tax_included, p.price_version].join('|')));
}

function checksum(lines: string[]): { count: number; sum: string } {
  lines.sort();
  return { count: lines.length, sum: createHash('sha256').update(lines.join('\n')).digest('hex') };
}
