// The hub's log stream as an operator ships it: JSON lines, every request line with its request id, and
// no secret in any of them. Requests here carry every kind of secret the hub handles (terminal token,
// admin token, metrics token, a token a caller put in the query, a PIN and a password in a body, a new
// terminal's token in an answer); the captured stream must contain none of them.
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHubLogger, loggedUrl } from '../src/http/logging.ts';
import { BACKENDS } from './support/backends.ts';
import { batch, call } from './support/fixtures.ts';

const METRICS_TOKEN = 'metrics-secret-5f1d2a9c';
const QUERY_TOKEN = 'query-secret-77aa19';
const PIN = '493817';
const PASSWORD = 'pass-secret-0b7e';

describe.each(BACKENDS)('logs on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;
  let text = '';
  const capture = new Writable({
    write(chunk: Buffer, _encoding, done) {
      text += chunk.toString();
      done();
    },
  });

  beforeAll(async () => {
    // trace: every line Fastify or the hub writes at any level
    server = await backend.start({ logger: createHubLogger('trace', capture), metricsToken: METRICS_TOKEN });
  });
  afterAll(async () => server.dispose());

  it('writes JSON lines with request ids and never a token, PIN, password or authorization header', async () => {
    const secrets: string[] = [server.adminToken, server.terminal.token, METRICS_TOKEN, QUERY_TOKEN, PIN, PASSWORD];
    const t = server.terminal.token;
    await call(server, t, 'GET', '/api/v1/sync/terminal', undefined, { 'x-request-id': 'trace-me-1' });
    await call(server, t, 'GET', `/api/v1/sync/downstream?limit=10&token=${QUERY_TOKEN}`);
    await call(server, t, 'POST', '/api/v1/sync/upstream', batch({}));
    // a bad batch with secrets in its body: a 400 whose details must not bring the body into the log
    await call(server, t, 'POST', '/api/v1/sync/upstream', { sync_id: 'x', pin: PIN, password: PASSWORD, token: QUERY_TOKEN });
    await call(server, t, 'POST', '/api/v1/sync/upstream', `{"pin":"${PIN}", broken`);
    await call(server, `${t}x`, 'GET', '/api/v1/sync/terminal');
    await call(server, 'wrong-admin-token-secret', 'GET', '/api/v1/admin/stores');
    await call(server, METRICS_TOKEN, 'GET', '/metrics');
    const created = await server.admin<{ token: string }>('POST', '/api/v1/admin/terminals', { store_id: server.store.id, name: 'Till L', receipt_prefix: 'TL' });
    expect(created.status).toBe(201);
    secrets.push(created.body.token, 'wrong-admin-token-secret');
    await call(server, server.adminToken, 'GET', `/api/v1/admin/stores?password=${PASSWORD}`);
    await call(server, undefined, 'GET', '/health/ready', undefined, { 'x-request-id': 'probe-1' });

    const lines = text.trim().split('\n');
    expect(lines.length).toBeGreaterThan(20);
    const records = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    for (const secret of secrets) expect(text, `a secret (${secret.slice(0, 4)}…) is in the log`).not.toContain(secret);
    expect(text.toLowerCase()).not.toContain('bearer');
    // every request line names its request; the caller's id is kept
    const requestLines = records.filter((r) => r['req'] !== undefined || r['res'] !== undefined);
    expect(requestLines.length).toBeGreaterThanOrEqual(20);
    for (const r of requestLines) expect(typeof r['request_id']).toBe('string');
    const traced = records.filter((r) => r['request_id'] === 'trace-me-1');
    expect(traced.map((r) => r['msg'])).toEqual(['incoming request', 'request completed']);
    // probes are answered but not logged
    expect(records.some((r) => r['request_id'] === 'probe-1')).toBe(false);
    // the query is logged with the secret masked, the rest kept
    expect(text).toContain('/api/v1/sync/downstream?limit=10&token=%5Bredacted%5D');
  });
});

describe('loggedUrl', () => {
  it('masks secret-named query values and keeps the rest', () => {
    expect(loggedUrl('/a?limit=5')).toBe('/a?limit=5');
    expect(loggedUrl('/a?access_token=s&pin=1&day=2026-01-01&pairing_code=9')).toBe('/a?access_token=%5Bredacted%5D&pin=%5Bredacted%5D&day=2026-01-01&pairing_code=%5Bredacted%5D');
    expect(loggedUrl('/plain')).toBe('/plain');
  });
});
