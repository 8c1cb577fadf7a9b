// What the hub shows the outside besides sync semantics: rate limiting (429 + Retry-After), CORS for
// the till's dev origin, health, the generated OpenAPI document, demo pairing, the served till's
// security headers and SPA fallback, and a restart on the same port keeping the data.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strictContract } from '@ezo/contract/contract';
import { PROTOCOL_VERSION } from '@ezo/contract/protocol-version';
import type { Paired } from '@ezo/contract/pairing';
import { APP_CSP } from '../src/http/static-app.ts';
import { BACKENDS } from './support/backends.ts';
import { call } from './support/fixtures.ts';

const backend = BACKENDS[0]!;

describe('http surface', () => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'ezo-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>till</title>');
    writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("fetch", () => {});');
    writeFileSync(join(dist, 'assets', 'app-abc123.js'), 'console.log(1);');
    server = await backend.start({ demo: true, staticDir: dist, rateLimit: { perSecond: 1, burst: 3 } });
  });
  afterAll(async () => {
    await server.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  it('rate limits per terminal with 429 and Retry-After, leaving other terminals alone', async () => {
    const t1 = await server.createTerminal(server.store.id);
    const t2 = await server.createTerminal(server.store.id);
    const statuses: number[] = [];
    let retryAfter: string | null = null;
    for (let i = 0; i < 5; i++) {
      const res = await call(server, t1.token, 'GET', '/api/v1/sync/terminal');
      statuses.push(res.status);
      if (res.status === 429) {
        retryAfter = res.headers.get('retry-after');
        expect(res.body).toMatchObject({ error: { code: 'rate_limited' } });
      }
    }
    expect(statuses.slice(0, 3)).toEqual([200, 200, 200]);
    expect(statuses.at(-1)).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
    expect((await call(server, t2.token, 'GET', '/api/v1/sync/terminal')).status).toBe(200);
  });

  it('answers CORS preflight for the sync API, pairing and health, not for admin', async () => {
    for (const path of ['/api/v1/sync/upstream', '/api/v1/sync/device-report', '/api/v1/pairing/redeem']) {
      const pre = await fetch(`${server.url}${path}`, {
        method: 'OPTIONS',
        headers: { origin: 'http://localhost:5173', 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization,content-type,x-ezo-protocol' },
      });
      expect(pre.status, path).toBe(204);
      expect(pre.headers.get('access-control-allow-origin')).toBe('*');
      expect(pre.headers.get('access-control-allow-headers')).toMatch(/x-ezo-protocol/i);
    }
    const health = await fetch(`${server.url}/api/v1/health`, { headers: { origin: 'http://localhost:5173' } });
    expect(health.headers.get('access-control-allow-origin')).toBe('*');
    expect(health.headers.get('cache-control')).toBe('no-store');
    expect(await health.json()).toMatchObject({ status: 'ok' });
    const admin = await fetch(`${server.url}/api/v1/admin/stores`, { method: 'OPTIONS', headers: { origin: 'http://evil.example' } });
    expect(admin.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves an OpenAPI 3.1 document generated from the contract', async () => {
    const res = await call<{ openapi: string; paths: Record<string, unknown>; info: { version: string } }>(server, undefined, 'GET', '/api/v1/openapi.json');
    expect(res.status).toBe(200);
    expect(res.body.openapi).toBe('3.1.0');
    expect(res.body.info.version).toBe(String(PROTOCOL_VERSION));
    for (const p of ['/api/v1/sync/downstream', '/api/v1/sync/upstream', '/api/v1/sync/terminal', '/api/v1/admin/products', '/api/v1/admin/terminals', '/api/v1/demo/pairing']) {
      expect(res.body.paths).toHaveProperty([p]);
    }
  });

  it('demo pairing hands a till on this machine the configured URL and a code that pairs it', async () => {
    const res = await call(server, undefined, 'GET', '/api/v1/demo/pairing', undefined, { host: 'evil.example' });
    const pairing = strictContract.demo.demoPairing.parse(res.body);
    expect(pairing.server_url).toBe(server.url);
    const paired = await call<Paired>(server, undefined, 'POST', '/api/v1/pairing/redeem', { code: pairing.code, app_version: 'test' });
    expect(paired.status).toBe(201);
    const info = await call(server, paired.body.device_token, 'GET', '/api/v1/sync/terminal');
    expect(strictContract.terminal.terminalInfo.parse(info.body).terminal_id).toBe(server.terminal.id);
  });

  it('serves the till with CSP and cache headers, and falls back to index.html for app routes', async () => {
    const index = await fetch(`${server.url}/`);
    expect(index.status).toBe(200);
    expect(index.headers.get('content-security-policy')).toBe(APP_CSP);
    expect(index.headers.get('x-content-type-options')).toBe('nosniff');
    expect(index.headers.get('referrer-policy')).toBe('no-referrer');
    expect(index.headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${server.url}/sw.js`)).headers.get('cache-control')).toBe('no-cache');
    expect((await fetch(`${server.url}/assets/app-abc123.js`)).headers.get('cache-control')).toMatch(/immutable/);
    const deep = await fetch(`${server.url}/sales/today`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain('<title>till</title>');
    expect(deep.headers.get('content-security-policy')).toBe(APP_CSP);
    const api = await fetch(`${server.url}/api/v1/nothing-here`);
    expect(api.status).toBe(404);
    expect(await api.json()).toMatchObject({ error: { code: 'not_found' } });
  });

  it('restarts on the same port with the same data', async () => {
    const before = await server.admin<{ stores: unknown[] }>('GET', '/api/v1/admin/stores');
    await server.restart();
    const after = await server.admin<{ stores: unknown[] }>('GET', '/api/v1/admin/stores');
    expect(after.body.stores).toEqual(before.body.stores);
  });
});

describe('without --demo', () => {
  it('demo pairing is a 404', async () => {
    const server = await backend.start();
    try {
      const res = await call(server, undefined, 'GET', '/api/v1/demo/pairing');
      expect(res.status).toBe(404);
    } finally {
      await server.dispose();
    }
  });
});
