// What the hub sends compressed: JSON answers over COMPRESS_THRESHOLD_BYTES in br or gzip as the
// request's Accept-Encoding allows (smaller ones and identity as they are), and the built till's
// precompressed copies (x.br, x.gz) in place of x, with x's Content-Type, CSP and cache headers and
// Vary: Accept-Encoding. Raw sockets (node:http), so the test sees the bytes as sent, not decoded.
import { request } from 'node:http';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMPRESS_THRESHOLD_BYTES } from '../src/http/compression.ts';
import { APP_CSP } from '../src/http/static-app.ts';
import { BACKENDS } from './support/backends.ts';

const backend = BACKENDS[0]!;

interface Raw {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  /** The body as sent. */
  bytes: Buffer;
}

function get(url: string, headers: Record<string, string>): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, bytes: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

function decoded(res: Raw): Buffer {
  const encoding = res.headers['content-encoding'];
  return encoding === 'br' ? brotliDecompressSync(res.bytes) : encoding === 'gzip' ? gunzipSync(res.bytes) : res.bytes;
}

/** A wasm-like binary that compresses (repetitive, as code is). */
const WASM = Buffer.concat([Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]), Buffer.alloc(64 * 1024, 'sqlite3_step;sqlite3_prepare_v2;')]);
const WASM_BR = brotliCompressSync(WASM);
const WASM_GZ = gzipSync(WASM);
const INDEX = `<!doctype html><title>till</title>${'<!-- padding -->'.repeat(100)}`;
const SW = `self.addEventListener("fetch", () => {});${'/* padding */'.repeat(200)}`;

describe('compression', () => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let dist: string;

  beforeAll(async () => {
    dist = mkdtempSync(join(tmpdir(), 'ezo-compress-dist-'));
    mkdirSync(join(dist, 'assets'));
    writeFileSync(join(dist, 'index.html'), INDEX);
    writeFileSync(join(dist, 'index.html.br'), brotliCompressSync(INDEX));
    writeFileSync(join(dist, 'index.html.gz'), gzipSync(INDEX));
    writeFileSync(join(dist, 'sw.js'), SW);
    writeFileSync(join(dist, 'assets', 'wa-sqlite-abc123.wasm'), WASM);
    writeFileSync(join(dist, 'assets', 'wa-sqlite-abc123.wasm.br'), WASM_BR);
    writeFileSync(join(dist, 'assets', 'wa-sqlite-abc123.wasm.gz'), WASM_GZ);
    server = await backend.start({ staticDir: dist, seedCatalog: true });
  });
  afterAll(async () => {
    await server.dispose();
    rmSync(dist, { recursive: true, force: true });
  });

  it('compresses a JSON answer over the threshold as the request allows: br first, then gzip, else identity', async () => {
    const pull = `${server.url}/api/v1/sync/downstream?limit=500`;
    const auth = { authorization: `Bearer ${server.terminal.token}` };
    const plain = await get(pull, { ...auth, 'accept-encoding': 'identity' });
    expect(plain.status).toBe(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.bytes.length).toBeGreaterThan(COMPRESS_THRESHOLD_BYTES * 10);
    const page = JSON.parse(plain.bytes.toString('utf8')) as { changes: { products: { uuid: string }[] } };
    expect(page.changes.products.length).toBeGreaterThan(100);

    const cases: [string, string | undefined][] = [
      ['gzip, deflate, br, zstd', 'br'],
      ['br;q=0.5, gzip;q=1', 'gzip'],
      ['gzip', 'gzip'],
      ['deflate', undefined],
      ['identity', undefined],
      ['', undefined],
    ];
    for (const [accept, expected] of cases) {
      const res = await get(pull, { ...auth, 'accept-encoding': accept });
      expect(res.status, accept).toBe(200);
      expect(res.headers['content-encoding'], accept).toBe(expected);
      const body = JSON.parse(decoded(res).toString('utf8')) as { changes: { products: { uuid: string }[] } };
      // The same rows (sync_id differs per page): compression changes the bytes, not the answer.
      expect(body.changes.products.map((p) => p.uuid)).toEqual(page.changes.products.map((p) => p.uuid));
      if (expected !== undefined) {
        expect(res.bytes.length, accept).toBeLessThan(plain.bytes.length / 3);
        expect(res.headers['vary']).toMatch(/accept-encoding/i);
        expect(res.headers['cache-control']).toBe('no-store');
      }
    }
  });

  it('leaves a JSON answer under the threshold as it is', async () => {
    const res = await get(`${server.url}/api/v1/health`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(res.status).toBe(200);
    expect(res.bytes.length).toBeLessThan(COMPRESS_THRESHOLD_BYTES);
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(res.bytes.toString('utf8'))).toMatchObject({ status: 'ok' });
  });

  it('keeps the ApiError body of an error answer, compressed or not', async () => {
    const res = await get(`${server.url}/api/v1/sync/downstream?limit=0`, { authorization: `Bearer ${server.terminal.token}`, 'accept-encoding': 'br' });
    expect(res.status).toBe(400);
    expect(JSON.parse(decoded(res).toString('utf8'))).toMatchObject({ error: { code: 'bad_request', message: 'the query is not valid', issues: [{ path: 'limit' }] } });
  });

  it('sends the precompressed wasm with the wasm type, the asset headers and Vary', async () => {
    const url = `${server.url}/assets/wa-sqlite-abc123.wasm`;
    for (const [accept, encoding, file] of [
      ['gzip, deflate, br, zstd', 'br', WASM_BR],
      ['gzip', 'gzip', WASM_GZ],
      ['identity', undefined, WASM],
    ] as const) {
      const res = await get(url, { 'accept-encoding': accept });
      expect(res.status, accept).toBe(200);
      expect(res.headers['content-type'], accept).toBe('application/wasm');
      expect(res.headers['content-encoding'], accept).toBe(encoding);
      expect(res.bytes.equals(file), `${accept}: the file as built`).toBe(true);
      expect(res.headers['cache-control'], accept).toBe('public, max-age=31536000, immutable');
      expect(res.headers['content-security-policy'], accept).toBe(APP_CSP);
      expect(res.headers['vary'], accept).toBe('accept-encoding');
    }
  });

  it('sends the precompressed index.html, also as the fallback of an app route, with its no-cache and CSP', async () => {
    for (const path of ['/', '/index.html', '/sales/today']) {
      const res = await get(`${server.url}${path}`, { 'accept-encoding': 'br', accept: 'text/html' });
      expect(res.status, path).toBe(200);
      expect(res.headers['content-encoding'], path).toBe('br');
      expect(res.headers['content-type'], path).toMatch(/^text\/html/);
      expect(decoded(res).toString('utf8'), path).toBe(INDEX);
      expect(res.headers['cache-control'], path).toBe('no-cache');
      expect(res.headers['content-security-policy'], path).toBe(APP_CSP);
      expect(res.headers['vary'], path).toBe('accept-encoding');
    }
  });

  it('compresses a built file that has no precompressed copy on the way out, Vary once', async () => {
    const res = await get(`${server.url}/sw.js`, { 'accept-encoding': 'gzip' });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(decoded(res).toString('utf8')).toBe(SW);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.headers['vary']).toBe('accept-encoding');
  });
});
