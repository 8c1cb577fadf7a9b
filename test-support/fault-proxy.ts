// A fault-injecting HTTP proxy between a till and the real hub, for chaos tests: latency, 5xx,
// connection resets, truncated and malformed bodies, and lost acknowledgements (the hub commits,
// the answer never arrives). Decisions come from a seeded PRNG so a failing run can be replayed.
import http from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { seededRandom } from './seeded-random.ts';

/** The faults the proxy can inject; `unreachable` is the hub itself being down (restart). */
export const FAULT_KINDS = ['latency', 'serverError', 'reset', 'truncated', 'malformed', 'lostAck', 'offline', 'unreachable'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Probability per request of each injected fault; the rest pass through untouched. */
export interface FaultRates {
  latency: number;
  serverError: number;
  reset: number;
  truncated: number;
  malformed: number;
  lostAck: number;
}

export const NO_FAULTS: FaultRates = { latency: 0, serverError: 0, reset: 0, truncated: 0, malformed: 0, lostAck: 0 };

/** A mix that fails roughly one sync request in three, every kind represented. */
export const CHAOS_RATES: FaultRates = { latency: 0.1, serverError: 0.06, reset: 0.05, truncated: 0.05, malformed: 0.05, lostAck: 0.08 };

/** Upper bound of an injected delay: far below the till's request timeout, so latency never becomes a timeout. */
export const MAX_LATENCY_MS = 400;

/** Only the sync API is faulted: the app shell, admin calls and CORS preflights always pass. */
const FAULTED_PATH = /^\/api\/v1\/sync\//;

/** Bodies a broken hub or a middlebox might send with a 200: each fails JSON parsing or the contract. */
const MALFORMED_BODIES: readonly string[] = [
  '{"sync_id":',
  '<html><body>Bad gateway</body></html>',
  '{"results":"nope"}',
  'null',
  '{"sync_id":"x","timestamp":"yesterday","results":[]}',
  '[]',
];

export interface FaultProxyOptions {
  /** The hub, e.g. http://127.0.0.1:4321 (no trailing slash). */
  target: string;
  seed: number;
  rates?: FaultRates;
}

export interface FaultProxy {
  /** http://127.0.0.1:<port>: pair the till with this (and serve the page from it, for CSP connect-src 'self'). */
  url: string;
  seed: number;
  /** Faults injected so far, by kind. */
  counts: Record<FaultKind, number>;
  /** Sync requests seen so far. */
  requests(): number;
  /** Sum of all injected faults. */
  totalFaults(): number;
  setRates(rates: FaultRates): void;
  /** While offline every sync request has its connection reset before reaching the hub. */
  setOffline(offline: boolean): void;
  close(): Promise<void>;
}

type Decision = FaultKind | 'pass';

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  const random = seededRandom(options.seed);
  const target = new URL(options.target);
  let rates = options.rates ?? NO_FAULTS;
  let offline = false;
  let seen = 0;
  const counts = Object.fromEntries(FAULT_KINDS.map((k) => [k, 0])) as Record<FaultKind, number>;
  const sockets = new Set<Socket>();

  function decide(): Decision {
    if (offline) return 'offline';
    let r = random();
    for (const kind of ['latency', 'serverError', 'reset', 'truncated', 'malformed', 'lostAck'] as const) {
      if (r < rates[kind]) return kind;
      r -= rates[kind];
    }
    return 'pass';
  }

  const server = http.createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const body = await readAll(req);
    const path = req.url ?? '/';
    const faulted = FAULTED_PATH.test(path) && req.method !== 'OPTIONS';
    const decision: Decision = faulted ? decide() : 'pass';
    if (faulted) seen += 1;
    if (decision !== 'pass' && decision !== 'unreachable') counts[decision] += 1;

    if (decision === 'offline' || decision === 'reset') return void req.socket.destroy();
    if (decision === 'serverError') {
      const status = [500, 502, 503, 504][Math.floor(random() * 4)] ?? 503;
      return void res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify({ error: { code: status === 503 ? 'unavailable' : 'internal', message: 'injected by the fault proxy' } }));
    }
    if (decision === 'latency') await delay(Math.floor(random() * MAX_LATENCY_MS));

    let answer: Upstream;
    try {
      answer = await forward(target, req, body);
    } catch {
      // The hub is down (a restart): a real reverse proxy answers 502.
      if (faulted) counts.unreachable += 1;
      return void res.writeHead(502, { 'content-type': 'text/plain' }).end('hub unreachable');
    }
    // The hub has done its work (committed a batch) by now: only the answer is lost.
    if (decision === 'lostAck') return void req.socket.destroy();
    const headers = { ...answer.headers };
    for (const h of ['content-length', 'transfer-encoding', 'connection', 'keep-alive']) delete headers[h];
    let payload = answer.body;
    if (decision === 'truncated') payload = payload.subarray(0, Math.floor(payload.length * random()));
    if (decision === 'malformed') payload = Buffer.from(MALFORMED_BODIES[Math.floor(random() * MALFORMED_BODIES.length)] ?? '{');
    res.writeHead(answer.status, { ...headers, 'content-length': String(payload.length) }).end(payload);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}`,
    seed: options.seed,
    counts,
    requests: () => seen,
    totalFaults: () => FAULT_KINDS.reduce((sum, k) => sum + counts[k], 0),
    setRates(next) {
      rates = next;
    },
    setOffline(next) {
      offline = next;
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

interface Upstream {
  status: number;
  headers: http.OutgoingHttpHeaders;
  body: Buffer;
}

/** One request to the hub on a fresh connection (no pooled socket survives a hub restart). */
function forward(target: URL, req: http.IncomingMessage, body: Buffer): Promise<Upstream> {
  return new Promise((resolve, reject) => {
    const headers = { ...req.headers, host: target.host };
    delete headers.connection;
    const out = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: req.url, headers, agent: false },
      (answer) => {
        readAll(answer).then((b) => resolve({ status: answer.statusCode ?? 502, headers: answer.headers, body: b }), reject);
      },
    );
    out.on('error', reject);
    out.end(body);
  });
}

function readAll(stream: NodeJS.ReadableStream): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
