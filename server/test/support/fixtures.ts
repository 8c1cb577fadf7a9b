// Builders for valid upstream items, with totals computed by the shared money rules, so a test changes
// only the one field it is about. Also a fetch helper that speaks as a terminal.
import { randomUUID } from 'node:crypto';
import { lineAmounts, saleAmounts } from '../../../src/domain/sale-totals.ts';
import type { Customer, Product } from '@ezo/contract/catalog';
import type { DownstreamPage } from '@ezo/contract/downstream';
import type { StoreSettings } from '@ezo/contract/store-settings';
import type { Sale, SaleLine } from '@ezo/contract/sale';
import type { Adjustment } from '@ezo/contract/adjustment';
import type { ProductEdit } from '@ezo/contract/product-edit';
import type { UpstreamBatch } from '@ezo/contract/upstream';
import { TEST_STAFF, type TestServer } from '../../src/testing/test-server.ts';

export interface LineSpec {
  product: Pick<Product, 'uuid' | 'name' | 'sku' | 'price' | 'tax_rate_bp' | 'tax_included'>;
  quantity: number;
  refundOfLine?: string;
  discountBp?: number;
}

export function line(spec: LineSpec): SaleLine {
  const input = {
    unit_price: spec.product.price,
    quantity: spec.quantity,
    discount_bp: spec.discountBp ?? 0,
    tax_rate_bp: spec.product.tax_rate_bp,
    tax_included: spec.product.tax_included,
  };
  return {
    uuid: randomUUID(),
    product_uuid: spec.product.uuid,
    name: spec.product.name,
    sku: spec.product.sku,
    ...input,
    ...lineAmounts(input),
    refund_of_line: spec.refundOfLine ?? null,
  };
}

/** Items name the seeded cashier unless a test says otherwise. */
const STAFF_ID = TEST_STAFF.cashier.id;

export function sale(terminalId: string, lines: SaleLine[], opts: { refundOf?: string; method?: 'cash' | 'card'; staffId?: string } = {}): Sale {
  const totals = saleAmounts(lines);
  const method = opts.method ?? 'card';
  return {
    uuid: randomUUID(),
    receipt_number: `T1-${Math.floor(Math.random() * 1e9)}`,
    terminal_id: terminalId,
    shift_uuid: null,
    customer_uuid: null,
    refund_of: opts.refundOf ?? null,
    currency: 'EUR',
    ...totals,
    note: null,
    created_at: new Date().toISOString(),
    lines,
    payments: [
      method === 'cash'
        ? { uuid: randomUUID(), method: 'cash', amount: totals.total, tendered: totals.total + 100, change: 100 }
        : { uuid: randomUUID(), method: 'card', amount: totals.total, tendered: null, change: null },
    ],
    staff_id: opts.staffId ?? STAFF_ID,
  };
}

export function adjustment(productUuid: string, delta: number): Adjustment {
  return { uuid: randomUUID(), product_uuid: productUuid, delta, reason: 'count', created_at: new Date().toISOString(), staff_id: STAFF_ID };
}

export function productEdit(productUuid: string, basePriceVersion: number, fields: Partial<ProductEdit>): ProductEdit {
  return { uuid: randomUUID(), product_uuid: productUuid, base_price_version: basePriceVersion, edited_at: new Date().toISOString(), staff_id: STAFF_ID, ...fields };
}

export function batch(changes: Partial<UpstreamBatch['changes']>): UpstreamBatch {
  return { sync_id: randomUUID(), timestamp: new Date().toISOString(), changes: { sales: [], adjustments: [], products: [], ...changes } };
}

export interface Answer<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A request as a terminal; `body` is sent as JSON unless it is already a string. */
export async function call<T = unknown>(server: Pick<TestServer, 'url'>, token: string | undefined, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer<T>> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: {
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: keep the text
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

export async function createProduct(server: TestServer, fields: Partial<Product> = {}): Promise<Product> {
  const res = await server.admin<Product>('POST', '/api/v1/admin/products', {
    sku: `SKU-${randomUUID().slice(0, 8)}`,
    name: 'Test product',
    price: 1190,
    tax_rate_bp: 1900,
    tax_included: true,
    ...fields,
  });
  if (res.status !== 201) throw new Error(`create product: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

export interface Pulled {
  products: Map<string, Product>;
  customers: Map<string, Customer>;
  stock: Map<string, number>;
  /** Every store_settings row the pull delivered, in order (protocol 3). */
  storeSettings: StoreSettings[];
  /** The cursor to pull from next time. */
  cursor: string | undefined;
}

/** Pulls as a terminal from `cursor` (default: the start) until has_more is false. */
export async function pullAll(server: Pick<TestServer, 'url'>, token: string, cursor?: string): Promise<Pulled> {
  const out: Pulled = { products: new Map(), customers: new Map(), stock: new Map(), storeSettings: [], cursor };
  for (;;) {
    const q = out.cursor === undefined ? '' : `?last_synced_at=${encodeURIComponent(out.cursor)}`;
    const res = await call<DownstreamPage>(server, token, 'GET', `/api/v1/sync/downstream${q}`);
    if (res.status !== 200) throw new Error(`pull: ${res.status} ${JSON.stringify(res.body)}`);
    for (const p of res.body.changes.products) out.products.set(p.uuid, p);
    for (const c of res.body.changes.customers) out.customers.set(c.uuid, c);
    for (const s of res.body.changes.stock) out.stock.set(s.product_uuid, s.quantity);
    out.storeSettings.push(...res.body.changes.store_settings);
    out.cursor = res.body.timestamp;
    if (!res.body.has_more) return out;
  }
}
