// The hub's API as msw handlers, for Node tests (setupServer from 'msw/node') and Playwright
// (@msw/playwright's defineNetworkFixture, or context.route): the happy path is the real hub
// (requests pass through), and each fault is a handler that testers put in front of it.
// Only faults a real hub cannot produce on demand live here; everything else uses the real server.
//
//   import { setupServer } from 'msw/node';
//   import { faults, hubHandlers } from '../test-support/msw/handlers';
//   const network = setupServer(...hubHandlers(hub.url));
//   network.use(...faults.serverError(hub.url, { path: 'upstream', times: 2 }));  // then the real hub again
//
// In Playwright (handlers run in the test process; requests of pages and service workers are routed):
//   import { defineNetworkFixture } from '@msw/playwright';
//   const network = defineNetworkFixture({ context, handlers: hubHandlers(hub.url), onUnhandledRequest: 'bypass' });
//   await network.enable();
//   network.use(...faults.offline(hub.url));          // the till is offline until network.resetHandlers()
// (src/sync/msw-playwright.test.ts shows both in a real Chromium page.)
//
// Every fault takes the hub's base URL and { path, skip, times }: `path` is one API route (default:
// all of them), `skip` how many requests pass untouched first, `times` how many it then spoils
// before stepping aside (default: all). Faults added later with network.use() are consulted first.
import { bypass, delay, http, HttpResponse, passthrough, type HttpHandler } from 'msw';

/**
 * The real hub's answer to `request`, asked for uncompressed. fetch() decodes a compressed body but
 * keeps its Content-Encoding header; handed back through msw, that answer would be decoded twice.
 */
export async function realResponse(request: Request, url: string | URL = request.url): Promise<Response> {
  const headers = new Headers(request.headers);
  headers.set('accept-encoding', 'identity');
  return fetch(bypass(new Request(url, { method: request.method, headers, body: request.body === null ? null : await request.clone().arrayBuffer() })));
}

/** The hub's sync API routes, by short name. */
export const HUB_PATHS = {
  terminal: '/api/v1/sync/terminal',
  downstream: '/api/v1/sync/downstream',
  upstream: '/api/v1/sync/upstream',
  demoPairing: '/api/v1/demo/pairing',
} as const;
export type HubPath = keyof typeof HUB_PATHS;

export interface FaultOptions {
  /** One route; all of them when absent. */
  path?: HubPath;
  /** Requests let through untouched before the fault starts (e.g. 1: the second page fails); default 0. */
  skip?: number;
  /** Requests spoiled before the fault steps aside; unlimited when absent. */
  times?: number;
}

type Resolver = (info: { request: Request }) => Promise<Response | undefined> | Response | undefined;

/** Builds a handler on the chosen routes that answers with `resolve` for the first `times` requests. */
function fault(baseUrl: string, options: FaultOptions, resolve: Resolver): HttpHandler[] {
  let skip = options.skip ?? 0;
  let left = options.times ?? Number.POSITIVE_INFINITY;
  const paths = options.path === undefined ? Object.values(HUB_PATHS) : [HUB_PATHS[options.path]];
  return paths.map((path) =>
    http.all(`${baseUrl}${path}`, async ({ request }) => {
      if (skip > 0) {
        skip -= 1;
        return undefined; // not yet: the next handler (or the real hub) answers
      }
      if (left <= 0) return undefined; // done: step aside
      left -= 1;
      return resolve({ request });
    }),
  );
}

/** The happy path: every API request reaches the real hub. Put faults in front with `network.use(...)`. */
export function hubHandlers(baseUrl: string): HttpHandler[] {
  return Object.values(HUB_PATHS).map((path) => http.all(`${baseUrl}${path}`, () => passthrough()));
}

/** What a spoiled downstream page looks like: any JSON value built from the hub's real page. */
export type PageCorruption = (page: Record<string, unknown>) => unknown;

export const faults = {
  /** The network is down: the request fails before reaching the hub (fetch rejects). */
  offline: (baseUrl: string, options: FaultOptions = {}) => fault(baseUrl, options, () => HttpResponse.error()),

  /** The hub answers `status` (default 500) with its usual error body. */
  serverError: (baseUrl: string, options: FaultOptions & { status?: number } = {}) =>
    fault(baseUrl, options, () =>
      HttpResponse.json({ error: { code: options.status === 503 ? 'unavailable' : 'internal', message: 'injected fault' } }, { status: options.status ?? 500 }),
    ),

  /** The hub never answers: the till's request timeout must fire. */
  timeout: (baseUrl: string, options: FaultOptions = {}) =>
    fault(baseUrl, options, async () => {
      await delay('infinite');
      return undefined;
    }),

  /** 200 with a body that is not JSON. */
  malformedJson: (baseUrl: string, options: FaultOptions = {}) =>
    fault(baseUrl, options, () => new HttpResponse('{"sync_id": "x", "timest', { status: 200, headers: { 'content-type': 'application/json' } })),

  /** 401: the hub no longer knows the terminal's token. */
  unauthorized: (baseUrl: string, options: FaultOptions = {}) =>
    fault(baseUrl, options, () => HttpResponse.json({ error: { code: 'unauthorized', message: 'unknown token' } }, { status: 401 })),

  /** 429 with Retry-After in seconds. */
  rateLimited: (baseUrl: string, retryAfterSeconds: number, options: FaultOptions = {}) =>
    fault(baseUrl, options, () =>
      HttpResponse.json({ error: { code: 'rate_limited', message: 'slow down' } }, { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } }),
    ),

  /**
   * The lost acknowledgement: the request reaches the real hub and is applied there, but the answer
   * never arrives. The till must resend the same bytes and get `duplicate`, not a second sale.
   */
  lostAck: (baseUrl: string, options: FaultOptions = { path: 'upstream' }) =>
    fault(baseUrl, options, async ({ request }) => {
      await realResponse(request);
      return HttpResponse.error();
    }),

  /** The real hub's downstream page, altered by `corrupt` before the till sees it (e.g. a price of -1). */
  corruptPage: (baseUrl: string, corrupt: PageCorruption, options: Omit<FaultOptions, 'path'> = {}) =>
    fault(baseUrl, { ...options, path: 'downstream' }, async ({ request }) => {
      const real = await realResponse(request);
      if (!real.ok) return real;
      return HttpResponse.json(corrupt((await real.json()) as Record<string, unknown>) as never);
    }),

  /** Not a fault: asks the real hub for pages of `limit` rows, so a small catalog spans several pages (each `delayMs` late). */
  smallPages: (baseUrl: string, limit: number, delayMs = 0) =>
    fault(baseUrl, { path: 'downstream' }, async ({ request }) => {
      if (delayMs > 0) await delay(delayMs);
      const url = new URL(request.url);
      url.searchParams.set('limit', String(limit));
      return realResponse(request, url);
    }),

  /** Adds `ms` of latency before the real hub answers. */
  slow: (baseUrl: string, ms: number, options: FaultOptions = {}) =>
    fault(baseUrl, options, async ({ request }) => {
      await delay(ms);
      return realResponse(request);
    }),
};
