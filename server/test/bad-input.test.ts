// Bad input never gets a 500 and never writes a row: 500+ generated malformed bodies (wrong types,
// missing fields, huge strings, negative and fractional minor units, unknown keys, broken JSON), plus
// the size limits, the item limit, media types and the protocol header.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES, MAX_UPSTREAM_ITEMS } from '@ezo/contract/limits';
import { BACKENDS } from './support/backends.ts';
import { adjustment, batch, call, line, productEdit, sale } from './support/fixtures.ts';
import { securityTally } from './support/security-tally.ts';

/** Generated malformed requests per backend. */
const MALFORMED_RUNS = 520;
const GHOST = { uuid: '00000000-0000-4000-8000-0000000000aa', name: 'Ghost', sku: 'G-1', price: 500, tax_rate_bp: 1900, tax_included: true };

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Every path to a value inside `v` (objects and arrays), root excluded. */
function paths(v: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (v === null || typeof v !== 'object') return [];
  const keys: (string | number)[] = Array.isArray(v) ? v.map((_, i) => i) : Object.keys(v);
  return keys.flatMap((k) => {
    const child = (v as Record<string | number, Json>)[k] as Json;
    return [[...prefix, k], ...paths(child, [...prefix, k])];
  });
}

function mutate(root: Json, path: (string | number)[], how: 'set' | 'delete' | 'extra', value: Json): Json {
  const copy = structuredClone(root);
  let node = copy as Record<string | number, Json>;
  for (const k of path.slice(0, -1)) node = node[k] as Record<string | number, Json>;
  const last = path.at(-1)!;
  if (how === 'delete') {
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else if (how === 'extra') {
    const target = node[last];
    if (target !== null && typeof target === 'object' && !Array.isArray(target)) (target as Record<string, Json>)['unexpected_key'] = value;
    else node[last] = value;
  } else node[last] = value;
  return copy;
}

const badValue: fc.Arbitrary<Json> = fc.oneof(
  fc.string({ maxLength: 20 }),
  fc.constant('x'.repeat(5_000)),
  fc.integer({ min: -1_000_000, max: -1 }),
  fc.double({ noNaN: true }).filter((d) => !Number.isInteger(d)),
  fc.constant(1e300),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.integer(), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 5 }), fc.integer(), { maxKeys: 3 }),
);

describe.each(BACKENDS)('bad input on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  const rowCount = async () => {
    const rows = await server.db.query<{ n: string }>(
      `SELECT ((SELECT count(*) FROM sales) + (SELECT count(*) FROM sale_lines) + (SELECT count(*) FROM adjustments)
             + (SELECT count(*) FROM product_edits) + (SELECT count(*) FROM stock) + (SELECT count(*) FROM products)
             + (SELECT max(version) FROM products))::text AS n`,
    );
    return rows[0]?.n;
  };

  beforeAll(async () => {
    server = await backend.start({ seedCatalog: true });
  });
  const tally = securityTally('bad input', backend.name);
  afterAll(async () => {
    tally.print();
    await server.dispose();
  });

  it(`${MALFORMED_RUNS} malformed bodies: never a 500, nothing written`, async () => {
    // Every item of the base batch names a product the hub does not have, so even a mutant that
    // passes the schema must end as a rejected item: any row written is a bug.
    const base = batch({
      sales: [sale(server.terminal.id, [line({ product: GHOST, quantity: 2 })], { method: 'cash' })],
      adjustments: [adjustment(GHOST.uuid, 3)],
      products: [productEdit(GHOST.uuid, 1, { price: 10 })],
    }) as unknown as Json;
    const allPaths = paths(base);
    const before = await rowCount();
    const area = tally.area('malformed upstream bodies (ghost products)');
    const statuses = new Map<number, number>();
    const body = fc.oneof(
      { weight: 8, arbitrary: fc.tuple(fc.constantFrom(...allPaths), fc.constantFrom('set', 'delete', 'extra'), badValue).map(([p, how, v]) => JSON.stringify(mutate(base, p, how as 'set', v))) },
      { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((n) => JSON.stringify(base).slice(0, n)) },
      { weight: 1, arbitrary: fc.oneof(fc.string(), fc.constant('{"sync_id":'), fc.constant('[]'), fc.constant('null'), fc.constant('{"__proto__":{"x":1}}')) },
    );
    await fc.assert(
      fc.asyncProperty(body, async (text) => {
        const res = await call<{ results?: { status: string }[]; error?: { code: string; issues?: unknown[] } }>(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', text);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        area.tried(res.status);
        expect(res.status).toBeLessThan(500);
        if (res.status === 200) expect(res.body.results?.every((r) => r.status === 'rejected')).toBe(true);
        else expect(res.body.error?.code).toBe('bad_request');
      }),
      { numRuns: MALFORMED_RUNS, seed: 20_260_101 },
    );
    area.wrote(Number(await rowCount()) - Number(before));
    expect(await rowCount()).toBe(before);
    // The validator, not the semantic checks, must be what stops most of them.
    expect(statuses.get(400) ?? 0).toBeGreaterThan(MALFORMED_RUNS * 0.6);
  });

  it('a body over MAX_BODY_BYTES is a 413 with the ApiError body', async () => {
    const huge = JSON.stringify({ sync_id: 'x', timestamp: new Date().toISOString(), changes: { sales: [], adjustments: [], products: [] }, pad: 'x'.repeat(MAX_BODY_BYTES) });
    const res = await call(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', huge);
    expect(res.status).toBe(413);
    expect(res.body).toMatchObject({ error: { code: 'payload_too_large' } });
  });

  it('a batch over MAX_UPSTREAM_ITEMS is a 400 and nothing of it is applied', async () => {
    const product = (await server.db.query<{ uuid: string }>('SELECT uuid::text AS uuid FROM products LIMIT 1'))[0]!.uuid;
    const before = await rowCount();
    const items = Array.from({ length: MAX_UPSTREAM_ITEMS + 1 }, () => adjustment(product, 1));
    const res = await call(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', batch({ adjustments: items }));
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: { code: 'bad_request', issues: [{ path: 'changes' }] } });
    expect(await rowCount()).toBe(before);
  });

  it('wrong content type, empty body and an unknown protocol version are 4xx, not 500', async () => {
    const text = await fetch(`${server.url}/api/v1/sync/upstream`, {
      method: 'POST',
      headers: { authorization: `Bearer ${server.terminal.token}`, 'content-type': 'application/xml' },
      body: '<batch/>',
    });
    expect(text.status).toBe(415);
    expect(await text.json()).toMatchObject({ error: { code: 'bad_request' } });
    const empty = await call(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', '');
    expect(empty.status).toBe(400);
    const version = await call(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', batch({}), { 'x-ezo-protocol': '99' });
    expect(version.status).toBe(400);
    expect(version.body).toMatchObject({ error: { issues: [{ path: 'x-ezo-protocol' }] } });
  });

  it('unknown keys are rejected by the strict parser and listed by path', async () => {
    const b = { ...batch({ adjustments: [{ ...adjustment(GHOST.uuid, 1), colour: 'red' } as never] }) };
    const res = await call<{ error: { issues: { path: string }[] } }>(server, server.terminal.token, 'POST', '/api/v1/sync/upstream', b);
    expect(res.status).toBe(400);
    expect(res.body.error.issues.map((i) => i.path)).toContain('changes.adjustments.0');
  });

  it('admin routes: no token 401, a terminal token 401, bad bodies 400', async () => {
    expect((await call(server, undefined, 'POST', '/api/v1/admin/stores', { name: 'x', currency: 'EUR', locale: 'de-DE' })).status).toBe(401);
    expect((await call(server, server.terminal.token, 'GET', `/api/v1/admin/stock?store_id=${server.store.id}`)).status).toBe(401);
    const bad = await server.admin('POST', '/api/v1/admin/products', { sku: 'A', name: 'B', price: -1, tax_rate_bp: 1900, tax_included: true });
    expect(bad.status).toBe(400);
    expect((await server.admin('PATCH', `/api/v1/admin/products/${randomUUID()}`, { name: 'nobody' })).status).toBe(404);
    expect((await server.admin('PATCH', '/api/v1/admin/products/not-a-uuid', { name: 'x' })).status).toBe(400);
  });
});
