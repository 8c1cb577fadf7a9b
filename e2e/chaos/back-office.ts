// Back-office edits made while the till pulls through the faults: a price change on a product being
// sold, a new product, a rename and a deletion of products no sale uses (a sale of a product the hub
// deleted is rightly refused, and would blur the "no sale lost" count).
import { expect } from '@playwright/test';
import type { TestServer } from '../../server/src/testing/test-server.ts';

let created = 0;

export async function backOfficeEdit(hub: TestServer, random: () => number, sold: ReadonlySet<string>): Promise<void> {
  const live = await hub.db.query<{ uuid: string; price: string | number }>(`SELECT uuid::text AS uuid, price FROM products WHERE deleted_at IS NULL ORDER BY uuid`);
  const soldLive = live.filter((p) => sold.has(p.uuid));
  const unsold = live.filter((p) => !sold.has(p.uuid));
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

  const repriced = pick(soldLive);
  const price = await hub.admin('PATCH', `/api/v1/admin/products/${repriced.uuid}`, { price: 100 + Math.floor(random() * 5_000) });
  expect(price.status, JSON.stringify(price.body)).toBe(200);

  created += 1;
  const made = await hub.admin('POST', '/api/v1/admin/products', { sku: `CHAOS-${created}-${Math.floor(random() * 1e6)}`, name: `Chaos product ${created}`, price: 99 + created, tax_rate_bp: 1900, tax_included: true });
  expect(made.status, JSON.stringify(made.body)).toBe(201);

  if (unsold.length < 2) return;
  const renamed = pick(unsold);
  expect((await hub.admin('PATCH', `/api/v1/admin/products/${renamed.uuid}`, { name: `Renamed ${Math.floor(random() * 1e6)}` })).status).toBe(200);
  const deleted = pick(unsold.filter((p) => p.uuid !== renamed.uuid));
  expect((await hub.admin('DELETE', `/api/v1/admin/products/${deleted.uuid}`)).status).toBe(200);
}
