// Slow clients (issue 15, item 9), over raw sockets: a client that trickles its body a byte at a time is
// cut off within the request bound; one without a token is refused before it sends its body (and the
// connection closed); one address cannot hold more than its share of connections; trickled headers are
// cut off too. The bounds are shortened here; the hub's defaults are in server/src/http/timeouts.ts.
import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKENDS } from './support/backends.ts';

const TIMEOUTS = { headersMs: 1_500, requestMs: 2_500, idleMs: 10_000, checkEveryMs: 250, maxConnectionsPerAddress: 6 };
/** Slack for a loaded machine on top of a bound. */
const SLACK_MS = 2_000;
const TRICKLE_EVERY_MS = 400;

interface Ended {
  /** What the server sent before it closed. */
  data: string;
  afterMs: number;
}

/** Opens a raw connection; `ended` resolves when the server closes it. */
function open(url: string): { socket: Socket; ended: Promise<Ended>; ready: Promise<void> } {
  const { hostname, port } = new URL(url);
  const socket = connect({ host: hostname, port: Number(port) });
  const started = Date.now();
  let data = '';
  socket.on('data', (chunk: Buffer) => {
    data += chunk.toString('latin1');
  });
  socket.on('error', () => undefined); // a reset is an end too
  const ended = new Promise<Ended>((resolve) => socket.once('close', () => resolve({ data, afterMs: Date.now() - started })));
  const ready = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, ended, ready };
}

/** Writes one byte every TRICKLE_EVERY_MS until the socket closes. */
function trickle(socket: Socket, byte = 'x'): void {
  const timer = setInterval(() => {
    if (socket.destroyed || socket.writableEnded) clearInterval(timer);
    else socket.write(byte);
  }, TRICKLE_EVERY_MS);
  socket.once('close', () => clearInterval(timer));
}

describe.each(BACKENDS)('slow clients on $name', (backend) => {
  let server: Awaited<ReturnType<typeof backend.start>>;

  beforeAll(async () => {
    server = await backend.start({ timeouts: TIMEOUTS });
  });
  afterAll(async () => server.dispose());

  const post = (token: string | undefined, path = '/api/v1/sync/upstream') =>
    `POST ${path} HTTP/1.1\r\nHost: hub\r\nContent-Type: application/json\r\nContent-Length: 1000000\r\n` +
    `${token === undefined ? '' : `Authorization: Bearer ${token}\r\n`}\r\n`;

  it('a terminal that trickles its body a byte at a time is cut off within the request bound', async () => {
    const c = open(server.url);
    await c.ready;
    c.socket.write(post(server.terminal.token) + '{');
    trickle(c.socket);
    const end = await c.ended;
    expect(end.afterMs).toBeLessThan(TIMEOUTS.requestMs + TIMEOUTS.checkEveryMs + SLACK_MS);
    expect(end.afterMs).toBeGreaterThanOrEqual(TIMEOUTS.requestMs - TIMEOUTS.checkEveryMs);
    expect(end.data).toMatch(/^HTTP\/1\.1 408/);
  });

  it('an unauthenticated slow POST (terminal or admin route) is refused before its body: 401 at once, connection closed', async () => {
    const attempts = [
      [undefined, '/api/v1/sync/upstream'],
      ['N'.repeat(43), '/api/v1/sync/upstream'],
      [undefined, '/api/v1/admin/products'],
      ['N'.repeat(43), '/api/v1/admin/customers'],
    ] as const;
    for (const [token, path] of attempts) {
      const c = open(server.url);
      await c.ready;
      c.socket.write(post(token, path)); // announces 1 MB, sends none of it
      trickle(c.socket);
      const end = await c.ended;
      expect(end.data).toMatch(/^HTTP\/1\.1 401/);
      expect(end.data.toLowerCase()).toContain('connection: close');
      expect(end.afterMs).toBeLessThan(TIMEOUTS.requestMs);
    }
  });

  it('headers trickled a byte at a time are cut off within the headers bound', async () => {
    const c = open(server.url);
    await c.ready;
    c.socket.write('GET /api/v1/health HTTP/1.1\r\nHost: hub\r\nX-Slow: ');
    trickle(c.socket);
    const end = await c.ended;
    expect(end.afterMs).toBeLessThan(TIMEOUTS.headersMs + TIMEOUTS.checkEveryMs + SLACK_MS);
  });

  it('one address holds at most maxConnectionsPerAddress connections; the next is closed at once, the others still work', async () => {
    const held = Array.from({ length: TIMEOUTS.maxConnectionsPerAddress }, () => open(server.url));
    await Promise.all(held.map((c) => c.ready));
    // Let the server see them all before the one too many.
    await new Promise((resolve) => setTimeout(resolve, 200));
    const extra = open(server.url);
    const end = await extra.ended;
    expect(end.data).toBe('');
    expect(end.afterMs).toBeLessThan(SLACK_MS);
    const first = held[0]!;
    first.socket.write('GET /api/v1/health HTTP/1.1\r\nHost: hub\r\nConnection: close\r\n\r\n');
    expect((await first.ended).data).toMatch(/^HTTP\/1\.1 200/);
    for (const c of held) c.socket.destroy();
    await Promise.all(held.map((c) => c.ended));
    // Closed connections free their places.
    const again = await fetch(`${server.url}/api/v1/health`);
    expect(again.status).toBe(200);
  });
});
