// Devices against a real hub: pairing by one-time code (single use, expiry, one answer for every bad
// code, rate limits), one active device per terminal, revocation, device reports, receipt numbers
// unique per store across devices, the legacy terminal token, and importing a revoked till's export.
import { randomUUID } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '@ezo/contract/catalog';
import type { Device } from '@ezo/contract/devices';
import type { Paired, PairingCodeCreated } from '@ezo/contract/pairing';
import type { TerminalInfo } from '@ezo/contract/terminal';
import type { UpstreamResponse } from '@ezo/contract/upstream';
import { strictContract } from '@ezo/contract/contract';
import { normalizePairingCode } from '@ezo/contract/pairing';
import { PROTOCOL_VERSION } from '@ezo/contract/protocol-version';
import { PAIRING_CODE_TTL_SECONDS } from '@ezo/contract/limits';
import { BACKENDS } from './support/backends.ts';
import { buildHub } from '../src/app.ts';
import { hashToken } from '../src/auth/tokens.ts';
import { adjustment, batch, call, createProduct, line, sale } from './support/fixtures.ts';

describe.each(BACKENDS)('devices on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let coffee: Product;
  /** The hub's clock: tests move it forward to expire codes. */
  let offsetMs = 0;
  const redeem = (code: string, label?: string) =>
    call<Paired>(server, undefined, 'POST', '/api/v1/pairing/redeem', { code, app_version: '2.0.0', ...(label === undefined ? {} : { device_label: label }) });
  const newCode = async (terminalId = server.terminal.id) => {
    const res = await server.admin<PairingCodeCreated>('POST', `/api/v1/admin/terminals/${terminalId}/pairing-codes`);
    expect(res.status).toBe(201);
    return res.body;
  };
  const push = (token: string, b: unknown, headers: Record<string, string> = {}) => call<UpstreamResponse>(server, token, 'POST', '/api/v1/sync/upstream', b, headers);
  const countSales = async () => Number((await server.db.query<{ n: string }>('SELECT count(*)::text AS n FROM sales'))[0]?.n);
  const devicesOf = async (storeId = server.store.id) => (await server.admin<{ devices: Device[] }>('GET', `/api/v1/admin/devices?store_id=${storeId}`)).body.devices;

  beforeAll(async () => {
    server = await backend.start({ now: () => new Date(Date.now() + offsetMs) });
    coffee = await createProduct(server, { name: 'Coffee', price: 250, tax_rate_bp: 700, tax_included: true });
  });
  afterAll(async () => server.dispose());

  it('a code is shown grouped, carries the till URL, and pairs one device once', async () => {
    const t = await server.createTerminal(server.store.id, { legacy: true });
    const code = await newCode(t.id);
    expect(code.code).toMatch(/^[2-9A-HJ-NP-Z]{4}-[2-9A-HJ-NP-Z]{4}$/);
    expect(code.url).toBe(`${server.url}/?pair=${code.code}`);
    expect(Date.parse(code.expires_at) - Date.now()).toBeGreaterThan((PAIRING_CODE_TTL_SECONDS - 60) * 1000);
    // Typed in lower case without the dash: the same code.
    const first = await redeem(code.code.replace('-', '').toLowerCase(), 'iPad by the door');
    expect(first.status).toBe(201);
    const paired = strictContract.pairing.paired.parse(first.body);
    expect(paired.terminal).toMatchObject({ terminal_id: t.id, device_id: paired.device_id, idle_lock_seconds: 300, discount_limit_percent: 10, last_z_number: 0, last_grand_total: 0 });
    const again = await redeem(code.code);
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ error: { code: 'pairing_code_invalid' } });
    const info = await call<TerminalInfo>(server, paired.device_token, 'GET', '/api/v1/sync/terminal');
    expect(info.body.device_id).toBe(paired.device_id);
    const listed = (await devicesOf()).find((d) => d.id === paired.device_id);
    expect(listed).toMatchObject({ terminal_id: t.id, label: 'iPad by the door', status: 'active', app_version: '2.0.0', protocol_version: PROTOCOL_VERSION });
  });

  it('one code redeemed by five tills at once pairs exactly one of them', async () => {
    const t = await server.createTerminal(server.store.id, { legacy: true });
    const code = await newCode(t.id);
    const answers = await Promise.all(Array.from({ length: 5 }, () => redeem(code.code)));
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400, 400, 400]);
    expect((await devicesOf()).filter((d) => d.terminal_id === t.id && d.status === 'active')).toHaveLength(1);
  });

  it('a wrong, an expired and a used code get one and the same answer', async () => {
    const used = await newCode();
    const usedRes = await redeem(used.code);
    expect(usedRes.status).toBe(201);
    const expiring = await newCode();
    offsetMs += (PAIRING_CODE_TTL_SECONDS + 1) * 1000;
    try {
      const answers = [await redeem('ABCD-EFGH'), await redeem(expiring.code), await redeem(used.code)];
      for (const a of answers) {
        expect(a.status).toBe(400);
        expect(a.body).toEqual(answers[0]?.body);
      }
      expect(answers[0]?.body).toMatchObject({ error: { code: 'pairing_code_invalid' } });
    } finally {
      offsetMs -= (PAIRING_CODE_TTL_SECONDS + 1) * 1000;
    }
    // Back inside its validity the same code pairs: it was refused for the clock alone, and refusing it used nothing.
    expect((await redeem(expiring.code)).status).toBe(201);
    // The paired device of the fixture was retired by these pairings; re-pair it for the other tests.
    const fresh = await server.pair();
    server.terminal.token = fresh.device_token;
    server.terminal.deviceId = fresh.device_id;
  });

  it('pairing a second device retires the first: its requests answer 401 device_retired and write nothing', async () => {
    const t = await server.createTerminal(server.store.id);
    const second = await server.pair(t.id);
    const s = sale(t.id, [line({ product: coffee, quantity: 1 })]);
    const before = await countSales();
    const old = await push(t.token, batch({ sales: [s] }));
    expect(old.status).toBe(401);
    expect(old.body).toMatchObject({ error: { code: 'device_retired' } });
    expect(await countSales()).toBe(before);
    expect((await call(server, t.token, 'GET', '/api/v1/sync/downstream')).status).toBe(401);
    const ok = await push(second.device_token, batch({ sales: [s] }));
    expect(ok.body.results[0]?.status).toBe('applied');
    const mine = (await devicesOf()).filter((d) => d.terminal_id === t.id);
    expect(mine.map((d) => d.status).sort()).toEqual(['active', 'retired']);
    expect(mine.find((d) => d.status === 'retired')?.ended_at).not.toBeNull();
  });

  it('revocation: 401 device_revoked on every route, nothing written; the export imports once', async () => {
    const t = await server.createTerminal(server.store.id);
    const s1 = sale(t.id, [line({ product: coffee, quantity: 1 })]);
    const s2 = sale(t.id, [line({ product: coffee, quantity: 2 })]);
    expect((await push(t.token, batch({ sales: [s1] }))).body.results[0]?.status).toBe('applied');
    const revoked = await server.admin<Device>('POST', `/api/v1/admin/devices/${t.deviceId}/revoke`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: t.deviceId, status: 'revoked' });
    const before = await countSales();
    const adj = adjustment(coffee.uuid, 5);
    for (const res of [
      await push(t.token, batch({ sales: [s2], adjustments: [adj] })),
      await call(server, t.token, 'GET', '/api/v1/sync/downstream'),
      await call(server, t.token, 'GET', '/api/v1/sync/terminal'),
      await call(server, t.token, 'POST', '/api/v1/sync/device-report', { app_version: '2.0.0', protocol_version: 2, pending: 1, failed: 0 }),
    ]) {
      expect(res.status).toBe(401);
      expect(res.body).toMatchObject({ error: { code: 'device_revoked' } });
    }
    expect(await countSales()).toBe(before);
    expect((await server.db.query('SELECT 1 FROM adjustments WHERE uuid = $1', [adj.uuid])).length).toBe(0);

    // The till's export holds what it never got acknowledged (and may hold what it did).
    const file = batch({ sales: [s1, s2], adjustments: [adj] });
    const first = await server.admin<UpstreamResponse>('POST', `/api/v1/admin/terminals/${t.id}/import?device_id=${t.deviceId}`, file);
    expect(first.status).toBe(200);
    expect(first.body.results.map((r) => r.status)).toEqual(['duplicate', 'applied', 'applied']);
    const second = await server.admin<UpstreamResponse>('POST', `/api/v1/admin/terminals/${t.id}/import?device_id=${t.deviceId}`, file);
    expect(second.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate']);
    const rows = await server.db.query<{ device_id: string; staff_id: string }>('SELECT device_id::text AS device_id, staff_id::text AS staff_id FROM sales WHERE uuid = $1', [s2.uuid]);
    expect(rows[0]).toEqual({ device_id: t.deviceId, staff_id: server.staff.cashier.id });
    // A protocol 1 export (no staff fields) imports too; a file that is neither is a 400 that says why.
    const { staff_id: _drop, ...v1Sale } = sale(t.id, [line({ product: coffee, quantity: 1 })]);
    const v1 = await server.admin<UpstreamResponse>('POST', `/api/v1/admin/terminals/${t.id}/import`, batch({ sales: [v1Sale] }));
    expect(v1.body.results[0]?.status).toBe('applied');
    const bad = await server.admin<{ error: { code: string } }>('POST', `/api/v1/admin/terminals/${t.id}/import`, { not: 'an export' });
    expect(bad.status).toBe(400);
  });

  it('a revoked device is answered before it sends its body (the token is checked in onRequest)', async () => {
    const t = await server.createTerminal(server.store.id);
    await server.admin('POST', `/api/v1/admin/devices/${t.deviceId}/revoke`);
    const { hostname, port } = new URL(server.url);
    // Announces a megabyte, sends one byte, and waits: the answer must come without the rest.
    const status = await new Promise<number>((resolve, reject) => {
      const req = httpRequest({
        hostname,
        port,
        method: 'POST',
        path: '/api/v1/sync/upstream',
        headers: { authorization: `Bearer ${t.token}`, 'content-type': 'application/json', 'content-length': String(1_000_000) },
      });
      const timer = setTimeout(() => reject(new Error('no answer before the body was sent')), 5_000);
      req.on('response', (res) => {
        clearTimeout(timer);
        res.resume();
        resolve(res.statusCode ?? 0);
        req.destroy();
      });
      // After the answer, destroying the request may raise an error: the promise is settled by then.
      req.on('error', reject);
      req.write('{');
    });
    expect(status).toBe(401);
  });

  it('the device report and last_seen reach the admin device list', async () => {
    const t = await server.createTerminal(server.store.id);
    const res = await call(server, t.token, 'POST', '/api/v1/sync/device-report', { app_version: '2.1.0', protocol_version: 2, pending: 7, failed: 1 });
    expect(res.status).toBe(204);
    const d = (await devicesOf()).find((x) => x.id === t.deviceId);
    expect(d).toMatchObject({ app_version: '2.1.0', protocol_version: 2, pending: 7, failed: 1, status: 'active' });
    expect(d?.last_seen_at).not.toBeNull();
    expect(d?.reported_at).not.toBeNull();
    const wrong = await call(server, t.token, 'POST', '/api/v1/sync/device-report', { app_version: '2.1.0', protocol_version: 2, pending: -1, failed: 0 });
    expect(wrong.status).toBe(400);
  });

  it('two devices of one terminal never share a receipt prefix, and the hub refuses a receipt number twice in a store', async () => {
    const t = await server.createTerminal(server.store.id);
    const first = (await call<TerminalInfo>(server, t.token, 'GET', '/api/v1/sync/terminal')).body;
    const second = await server.pair(t.id);
    expect(second.terminal.receipt_prefix).not.toBe(first.receipt_prefix);
    const third = await server.pair(t.id);
    const prefixes = new Set((await devicesOf()).map((d) => d.receipt_prefix));
    expect(prefixes.size).toBe((await devicesOf()).length);
    // Each device numbers from 1 with its own prefix: no clash.
    const a = { ...sale(t.id, [line({ product: coffee, quantity: 1 })]), receipt_number: `${second.terminal.receipt_prefix}-000001` };
    const b = { ...sale(t.id, [line({ product: coffee, quantity: 1 })]), receipt_number: `${third.terminal.receipt_prefix}-000001` };
    const ok = await push(third.device_token, batch({ sales: [a, b] }));
    expect(ok.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    // The same number again (a bug, or a forged till): rejected alone, the good sale beside it applies.
    const clash = { ...sale(t.id, [line({ product: coffee, quantity: 1 })]), receipt_number: a.receipt_number };
    const good = sale(t.id, [line({ product: coffee, quantity: 1 })]);
    const res = await push(third.device_token, batch({ sales: [clash, good] }));
    expect(res.body.results[0]).toMatchObject({ status: 'rejected', code: 'invalid' });
    expect(res.body.results[0]?.reason).toMatch(/receipt number/);
    expect(res.body.results[1]?.status).toBe('applied');
  });

  it('a legacy terminal token still syncs a protocol 1 till (staff NULL) until a device is paired, which takes another prefix', async () => {
    const t = await server.createTerminal(server.store.id, { legacy: true });
    const { staff_id: _drop, ...v1Sale } = sale(t.id, [line({ product: coffee, quantity: 1 })]);
    const res = await push(t.token, batch({ sales: [v1Sale] }), { 'x-ezo-protocol': '1' });
    expect(res.status).toBe(200);
    expect(res.body.results[0]?.status).toBe('applied');
    const stored = await server.db.query<{ staff_id: string | null; device_id: string | null }>('SELECT staff_id, device_id FROM sales WHERE uuid = $1', [v1Sale.uuid]);
    expect(stored[0]).toEqual({ staff_id: null, device_id: null });
    // Its resend (a lost acknowledgement) is a duplicate, as before the upgrade: the item hashes as it came.
    const resent = await push(t.token, batch({ sales: [v1Sale] }), { 'x-ezo-protocol': '1' });
    expect(resent.body.results[0]?.status).toBe('duplicate');
    // A protocol 1 batch with staff fields is a 400. A protocol 2 one without them is an item queued before the
    // till's update (contract/src/attribution.ts): accepted, and this one the hub has already.
    expect((await push(t.token, batch({ sales: [sale(t.id, [line({ product: coffee, quantity: 1 })])] }), { 'x-ezo-protocol': '1' })).status).toBe(400);
    const beforeUpdate = await push(t.token, batch({ sales: [v1Sale] }));
    expect(beforeUpdate.status).toBe(200);
    expect(beforeUpdate.body.results[0]?.status).toBe('duplicate');
    const terminalPrefix = (await call<TerminalInfo>(server, t.token, 'GET', '/api/v1/sync/terminal')).body.receipt_prefix;
    const paired = await server.pair(t.id);
    expect(paired.terminal.receipt_prefix).toBe(`${terminalPrefix}-2`);
    const retired = await push(t.token, batch({}), { 'x-ezo-protocol': '1' });
    expect(retired.status).toBe(401);
    expect(retired.body).toMatchObject({ error: { code: 'device_retired' } });
  });

  it('a till older than the window is told to update (426), a newer or garbled one gets a 400, both before any body is read', async () => {
    for (const [header, status, code] of [
      ['0', 426, 'protocol_too_old'],
      [String(PROTOCOL_VERSION + 1), 400, 'bad_request'],
      ['two', 400, 'bad_request'],
    ] as const) {
      const res = await push(server.terminal.token, batch({}), { 'x-ezo-protocol': header });
      expect(res.status, header).toBe(status);
      expect(res.body, header).toMatchObject({ error: { code } });
    }
    // Too old with no token at all: still the update message, not a 401.
    const anonymous = await call(server, undefined, 'GET', '/api/v1/sync/terminal', undefined, { 'x-ezo-protocol': '0' });
    expect(anonymous.status).toBe(426);
  });

  it('demo pairing answers only loopback callers, with the configured URL whatever the Host header says', async () => {
    const app = await buildHub({ db: server.db, adminTokenHash: hashToken('x'.repeat(43)), publicUrl: 'https://till.example/', demoTerminalId: server.terminal.id });
    try {
      const remote = await app.inject({ method: 'GET', url: '/api/v1/demo/pairing', remoteAddress: '192.168.1.20', headers: { host: 'evil.example' } });
      expect(remote.statusCode).toBe(404);
      for (const remoteAddress of ['127.0.0.1', '::1', '::ffff:127.0.0.1']) {
        const local = await app.inject({ method: 'GET', url: '/api/v1/demo/pairing', remoteAddress, headers: { host: 'evil.example' } });
        expect(local.statusCode, remoteAddress).toBe(200);
        const body = strictContract.demo.demoPairing.parse(local.json());
        expect(body.server_url).toBe('https://till.example');
      }
    } finally {
      await app.close();
    }
    // Those codes were not redeemed; the fixture's device is still the active one.
    expect((await call(server, server.terminal.token, 'GET', '/api/v1/sync/terminal')).status).toBe(200);
  });

  it("store settings reach the till's terminal info; bad ones are a 400", async () => {
    const store = await server.createStore('Settings store');
    const t = await server.createTerminal(store.id);
    const patched = await server.admin('PATCH', `/api/v1/admin/stores/${store.id}`, { idle_lock_seconds: 120, discount_limit_percent: 25 });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id: store.id, idle_lock_seconds: 120, discount_limit_percent: 25 });
    const info = await call<TerminalInfo>(server, t.token, 'GET', '/api/v1/sync/terminal');
    expect(info.body).toMatchObject({ store_id: store.id, idle_lock_seconds: 120, discount_limit_percent: 25 });
    for (const body of [{ idle_lock_seconds: 5 }, { discount_limit_percent: 101 }, { currency: 'USD' }]) {
      expect((await server.admin('PATCH', `/api/v1/admin/stores/${store.id}`, body)).status, JSON.stringify(body)).toBe(400);
    }
    expect((await server.admin('PATCH', `/api/v1/admin/stores/${randomUUID()}`, { idle_lock_seconds: 60 })).status).toBe(404);
  });

  it('pairing codes are made by the admin only, for terminals that exist', async () => {
    const res = await server.admin('POST', `/api/v1/admin/terminals/${randomUUID()}/pairing-codes`);
    expect(res.status).toBe(404);
    expect((await call(server, undefined, 'POST', `/api/v1/admin/terminals/${server.terminal.id}/pairing-codes`)).status).toBe(401);
  });
});

describe.each(BACKENDS)('pairing rate limits on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  beforeAll(async () => {
    server = await backend.start({ pairingRateLimit: { perSecond: 1 / 60, burst: 3 } });
  });
  afterAll(async () => server.dispose());

  it('failed redeems count per address: the 4th in a minute is a 429 with Retry-After, even with a good code', async () => {
    const code = await server.pairingCode();
    for (let i = 0; i < 3; i++) {
      const res = await call(server, undefined, 'POST', '/api/v1/pairing/redeem', { code: 'ZZZZ-ZZZZ', app_version: '2.0.0' });
      expect(res.status).toBe(400);
    }
    const limited = await call(server, undefined, 'POST', '/api/v1/pairing/redeem', { code, app_version: '2.0.0' });
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toMatch(/^[1-9][0-9]*$/);
    expect(limited.body).toMatchObject({ error: { code: 'rate_limited' } });
    // The refused attempt never reached the code: it is still unused.
    const rows = await server.db.query<{ used_at: unknown }>('SELECT used_at FROM pairing_codes WHERE code_hash = $1', [hashToken(normalizePairingCode(code) ?? '')]);
    expect(rows).toEqual([{ used_at: null }]);
  });
});
