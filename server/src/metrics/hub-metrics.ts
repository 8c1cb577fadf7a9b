// What an operator watches, in Prometheus' text format (prom-client), one registry per hub app (tests run
// several apps in one process; each counts only its own). Label values are bounded sets: route patterns
// (never raw URLs), status codes, the contract's entity/status/reject-code enums.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client';
import type { ItemResult } from '@ezo/contract/upstream';
import type { Database } from '../db/database.ts';
import type { RateLimitScope } from '../http/rate-limit.ts';

/** Latency buckets in seconds: a batch is tens of milliseconds when healthy; the goal is p99 ≤ 100 ms. */
const LATENCY_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.15, 0.25, 0.5, 1, 2.5, 5, 10];
/** The route label of a request no route matched (404s): one value, so scanners cannot blow up the series. */
const UNMATCHED_ROUTE = 'unmatched';
export const UPSTREAM_ROUTE = '/api/v1/sync/upstream';
export const DOWNSTREAM_ROUTE = '/api/v1/sync/downstream';

export interface HubMetrics {
  registry: Registry;
  /** Counts one batch's results by entity, status and reject code. */
  countIngest(results: readonly ItemResult[]): void;
  /** Counts one 429 of a rate limit; `local`: this instance refused from memory, without asking the database. */
  countRateLimited(limit: RateLimitScope, local: boolean): void;
  /** The live notice streams open on this instance, read at each scrape (live/notice-hub.ts). */
  watchLiveStreams(count: () => number): void;
  /** A live stream was refused (over a limit) or cut off (a slow reader). */
  countStreamTurnedAway(reason: 'store_limit' | 'instance_limit' | 'slow_reader'): void;
}

type Realm = 'terminal' | 'admin' | 'metrics' | 'other';

function realmOf(route: string): Realm {
  if (route.startsWith('/api/v1/sync/')) return 'terminal';
  if (route.startsWith('/api/v1/admin/')) return 'admin';
  if (route === '/metrics') return 'metrics';
  return 'other';
}

const routeOf = (request: FastifyRequest): string => request.routeOptions.url ?? UNMATCHED_ROUTE;

export function registerHubMetrics(app: FastifyInstance, db: Database): HubMetrics {
  const registry = new Registry();
  // RSS, heap, event-loop lag, open handles, CPU: process_* and nodejs_* as every Node exporter names them.
  collectDefaultMetrics({ register: registry });
  const registers = [registry];

  const requests = new Counter({
    name: 'ezo_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status code.',
    labelNames: ['method', 'route', 'status'] as const,
    registers,
  });
  const duration = new Histogram({
    name: 'ezo_http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, by method and route pattern.',
    labelNames: ['method', 'route'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const batches = new Histogram({
    name: 'ezo_sync_upstream_batch_duration_seconds',
    help: 'Time to take in one upstream batch (POST /api/v1/sync/upstream), by status code.',
    labelNames: ['status'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const pulls = new Histogram({
    name: 'ezo_sync_downstream_pull_duration_seconds',
    help: 'Time to answer one pull page (GET /api/v1/sync/downstream), by status code.',
    labelNames: ['status'] as const,
    buckets: LATENCY_BUCKETS,
    registers,
  });
  const items = new Counter({
    name: 'ezo_ingest_items_total',
    help: 'Upstream items taken in, by entity, outcome (applied, duplicate, rejected) and reject code.',
    labelNames: ['entity', 'status', 'code'] as const,
    registers,
  });
  const authFailures = new Counter({
    name: 'ezo_auth_failures_total',
    help: 'Requests refused for a missing or wrong token (401), by realm: terminal, admin, metrics.',
    labelNames: ['realm'] as const,
    registers,
  });
  const rateLimited = new Counter({
    name: 'ezo_rate_limited_total',
    help: 'Requests refused by a rate limit (429), by limit (terminal, pairing_address, pairing_terminal) and where it was decided: database (the shared bucket) or local (this instance remembering an earlier refusal).',
    labelNames: ['limit', 'decided'] as const,
    registers,
  });
  const inFlight = new Gauge({ name: 'ezo_http_requests_in_flight', help: 'Requests being answered now.', registers });
  new Gauge({
    name: 'ezo_db_pool_connections',
    help: 'Database connections of this instance by state (total, idle); PGlite has one.',
    labelNames: ['state'] as const,
    registers,
    collect() {
      const stats = db.poolStats();
      this.set({ state: 'total' }, stats.total);
      this.set({ state: 'idle' }, stats.idle);
    },
  });
  new Gauge({
    name: 'ezo_db_pool_waiting',
    help: 'Callers waiting for a database connection (PGlite: statements queued for its one connection).',
    registers,
    collect() {
      this.set(db.poolStats().waiting);
    },
  });

  let liveStreams: () => number = () => 0;
  new Gauge({
    name: 'ezo_live_connections',
    help: 'Live notice streams (GET /api/v1/sync/notices) open on this instance.',
    registers,
    collect() {
      this.set(liveStreams());
    },
  });
  const turnedAway = new Counter({
    name: 'ezo_live_streams_turned_away_total',
    help: 'Live notice streams refused over a limit (store_limit, instance_limit) or cut off for not reading (slow_reader).',
    labelNames: ['reason'] as const,
    registers,
  });

  const started = new WeakMap<FastifyRequest, bigint>();
  const inside = new WeakSet<FastifyRequest>();
  app.addHook('onRequest', (request, _reply, done) => {
    started.set(request, process.hrtime.bigint());
    inside.add(request);
    inFlight.inc();
    done();
  });
  // A request leaves the in-flight count once, whichever comes first: its answer, or its caller leaving.
  const leave = (request: FastifyRequest) => {
    if (inside.delete(request)) inFlight.dec();
  };
  app.addHook('onRequestAbort', (request, done) => {
    leave(request);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    leave(request);
    const since = started.get(request);
    const route = routeOf(request);
    const status = String(reply.statusCode);
    requests.inc({ method: request.method, route, status });
    const seconds = since === undefined ? 0 : Number(process.hrtime.bigint() - since) / 1e9;
    duration.observe({ method: request.method, route }, seconds);
    if (route === UPSTREAM_ROUTE) batches.observe({ status }, seconds);
    else if (route === DOWNSTREAM_ROUTE) pulls.observe({ status }, seconds);
    if (reply.statusCode === 401) authFailures.inc({ realm: realmOf(route) });
    done();
  });

  return {
    registry,
    countIngest(results) {
      for (const r of results) items.inc({ entity: r.entity, status: r.status, code: r.status === 'rejected' ? (r.code ?? '') : '' });
    },
    countRateLimited(limit, local) {
      rateLimited.inc({ limit, decided: local ? 'local' : 'database' });
    },
    watchLiveStreams(count) {
      liveStreams = count;
    },
    countStreamTurnedAway(reason) {
      turnedAway.inc({ reason });
    },
  };
}
