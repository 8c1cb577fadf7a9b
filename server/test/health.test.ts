// The probes (/health/live, /health/ready) and the request id, on each backend: ready only while the
// database answers and every migration is applied; the x-request-id a balancer sends comes back.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LATEST_MIGRATION } from '../src/db/migrate.ts';
import { BACKENDS } from './support/backends.ts';
import { call } from './support/fixtures.ts';

describe.each(BACKENDS)('health probes on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  beforeAll(async () => {
    server = await backend.start();
  });
  afterAll(async () => server.dispose());

  it('live is 200 without touching anything; ready is 200 with the backend named', async () => {
    const live = await call(server, undefined, 'GET', '/health/live');
    expect(live.status).toBe(200);
    expect(live.body).toEqual({ status: 'live' });
    const ready = await call(server, undefined, 'GET', '/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ready', database: backend.name });
    expect(ready.headers.get('cache-control')).toBe('no-store');
    // the older alias stays
    expect((await call(server, undefined, 'GET', '/api/v1/health')).status).toBe(200);
  });

  it('ready is 503 with Retry-After while a migration this code needs is missing, and 200 again once it is there', async () => {
    const [row] = await server.db.query<{ applied_at: string }>('DELETE FROM schema_migrations WHERE version = $1 RETURNING applied_at::text', [LATEST_MIGRATION]);
    try {
      const ready = await call<{ error: { code: string; message: string } }>(server, undefined, 'GET', '/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error).toEqual({ code: 'unavailable', message: 'database migrations are pending' });
      expect(ready.headers.get('retry-after')).toBe('5');
      expect((await call(server, undefined, 'GET', '/health/live')).status).toBe(200);
    } finally {
      await server.db.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2::timestamptz)', [LATEST_MIGRATION, row?.applied_at ?? new Date().toISOString()]);
    }
    expect((await call(server, undefined, 'GET', '/health/ready')).status).toBe(200);
  });

  it('echoes a plain x-request-id and makes one up for a missing or unusable one', async () => {
    const kept = await call(server, undefined, 'GET', '/health/live', undefined, { 'x-request-id': 'lb-7f3a.42' });
    expect(kept.headers.get('x-request-id')).toBe('lb-7f3a.42');
    const made = await call(server, undefined, 'GET', '/health/live');
    expect(made.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const replaced = await call(server, undefined, 'GET', '/health/live', undefined, { 'x-request-id': 'has spaces and "quotes"' });
    expect(replaced.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe.each(BACKENDS)('readiness without a database on $name', (backend) => {
  it('is 503 "unreachable" once the database is gone, while live stays 200', async () => {
    const server = await backend.start();
    try {
      await server.db.close();
      const ready = await call<{ error: { message: string } }>(server, undefined, 'GET', '/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.error.message).toBe('the database is unreachable');
      expect((await call(server, undefined, 'GET', '/health/live')).status).toBe(200);
    } finally {
      await server.dispose().catch(() => undefined);
    }
  });
});
