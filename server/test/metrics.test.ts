// GET /metrics as Prometheus scrapes it: refused without the metrics or admin token, and after a push and
// a pull the counters and histograms say exactly what happened.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '@ezo/contract/catalog';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { BACKENDS } from './support/backends.ts';
import { batch, call, createProduct, line, sale } from './support/fixtures.ts';

const METRICS_TOKEN = 'scraper-token-for-tests';

/** The value of one sample line (`name{labels} value`), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe.each(BACKENDS)('metrics on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let coffee: Product;
  const scrape = async () => {
    const res = await call<string>(server, METRICS_TOKEN, 'GET', '/metrics');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    return res.body;
  };

  beforeAll(async () => {
    server = await backend.start({ metricsToken: METRICS_TOKEN });
    coffee = await createProduct(server, { price: 250, tax_rate_bp: 700 });
  });
  afterAll(async () => server.dispose());

  it('is refused without a token and with a wrong one; the metrics token and the admin token both work', async () => {
    expect((await call(server, undefined, 'GET', '/metrics')).status).toBe(401);
    expect((await call(server, 'not-the-token', 'GET', '/metrics')).status).toBe(401);
    expect((await call(server, server.terminal.token, 'GET', '/metrics')).status).toBe(401);
    expect((await call(server, server.adminToken, 'GET', '/metrics')).status).toBe(200);
    const text = await scrape();
    expect(sample(text, 'ezo_auth_failures_total{realm="metrics"}')).toBe(3);
  });

  it('counts requests by route and status, ingest outcomes, batch and pull latency, failed sign-ins and the pool', async () => {
    const t = server.terminal.token;
    const good = [sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]), sale(server.terminal.id, [line({ product: coffee, quantity: 2 })])];
    const badTotal = { ...sale(server.terminal.id, [line({ product: coffee, quantity: 1 })]), total: 1 };
    const b = batch({ sales: [...good, badTotal] });
    const first = await call<UpstreamResponse>(server, t, 'POST', '/api/v1/sync/upstream', b);
    expect(first.body.results.map((r) => r.status)).toEqual(['applied', 'applied', 'rejected']);
    const again = await call<UpstreamResponse>(server, t, 'POST', '/api/v1/sync/upstream', batch({ sales: good }));
    expect(again.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect((await call(server, t, 'GET', '/api/v1/sync/downstream?limit=50')).status).toBe(200);
    expect((await call(server, `${t}x`, 'GET', '/api/v1/sync/downstream')).status).toBe(401);
    expect((await call(server, 'nope', 'GET', '/api/v1/admin/stores')).status).toBe(401);

    const text = await scrape();
    expect(sample(text, 'ezo_ingest_items_total{entity="sale",status="applied",code=""}')).toBe(2);
    expect(sample(text, 'ezo_ingest_items_total{entity="sale",status="duplicate",code=""}')).toBe(2);
    expect(sample(text, 'ezo_ingest_items_total{entity="sale",status="rejected",code="totals_mismatch"}')).toBe(1);
    expect(sample(text, 'ezo_http_requests_total{method="POST",route="/api/v1/sync/upstream",status="200"}')).toBe(2);
    expect(sample(text, 'ezo_http_requests_total{method="GET",route="/api/v1/sync/downstream",status="200"}')).toBe(1);
    expect(sample(text, 'ezo_http_requests_total{method="GET",route="/api/v1/sync/downstream",status="401"}')).toBe(1);
    expect(sample(text, 'ezo_sync_upstream_batch_duration_seconds_count{status="200"}')).toBe(2);
    expect(sample(text, 'ezo_sync_upstream_batch_duration_seconds_bucket{le="+Inf",status="200"}')).toBe(2);
    expect(sample(text, 'ezo_sync_downstream_pull_duration_seconds_count{status="200"}')).toBe(1);
    expect(sample(text, 'ezo_sync_downstream_pull_duration_seconds_count{status="401"}')).toBe(1);
    expect(sample(text, 'ezo_auth_failures_total{realm="terminal"}')).toBe(1);
    expect(sample(text, 'ezo_auth_failures_total{realm="admin"}')).toBe(1);
    expect(sample(text, 'ezo_db_pool_connections{state="total"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'ezo_db_pool_waiting')).toBeGreaterThanOrEqual(0);
    expect(sample(text, 'process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
    // the scrape itself is the one request in flight: every other one, refused ones included, has left
    expect(sample(text, 'ezo_http_requests_in_flight')).toBe(1);
    // a 404 is one series, whatever the path
    await call(server, t, 'GET', '/api/v1/nothing/here/1');
    await call(server, t, 'GET', '/api/v1/nothing/here/2');
    expect(sample(await scrape(), 'ezo_http_requests_total{method="GET",route="unmatched",status="404"}')).toBe(2);
  });
});
