// The till's one way to talk HTTP to the hub: bearer token, protocol header, a timeout on every
// request, and every outcome turned into data (never a throw) so callers classify it in one place.
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '@ezo/contract/protocol-version';
import { lenientContract } from '@ezo/contract/contract';
import type { ApiError } from '@ezo/contract/api-error';
import { parseRetryAfter } from './backoff.ts';

/** A request that has not answered within this time is abandoned and counts as a transient failure. */
export const REQUEST_TIMEOUT_MS = 30_000;

export type HubOutcome =
  | { kind: 'ok'; status: number; body: unknown }
  /** The answer was 2xx but not JSON. */
  | { kind: 'bad_json'; status: number; message: string }
  | { kind: 'http'; status: number; error: ApiError['error'] | null; retryAfterMs: number | null }
  | { kind: 'network'; message: string }
  | { kind: 'timeout' }
  /** stop() aborted the request: nothing may be written about it. */
  | { kind: 'stopped' };

export interface HubRequest {
  method: 'GET' | 'POST';
  url: string;
  token: string | null;
  /** Sent verbatim: upstream batches are assembled from stored payload bytes. */
  body?: string;
}

export interface HubClient {
  send(request: HubRequest): Promise<HubOutcome>;
  /** Aborts every request in flight (they resolve as `stopped`). */
  abortAll(): void;
}

export function createHubClient(fetchFn: typeof fetch, now: () => number): HubClient {
  const inFlight = new Set<AbortController>();

  async function send(request: HubRequest): Promise<HubOutcome> {
    const controller = new AbortController();
    let timedOut = false;
    // setTimeout rather than AbortSignal.timeout(): fake timers in tests drive it.
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, REQUEST_TIMEOUT_MS);
    inFlight.add(controller);
    try {
      const headers: Record<string, string> = { [PROTOCOL_HEADER]: String(PROTOCOL_VERSION), accept: 'application/json' };
      if (request.token !== null) headers.authorization = `Bearer ${request.token}`;
      if (request.body !== undefined) headers['content-type'] = 'application/json';
      const init: RequestInit = { method: request.method, headers, signal: controller.signal };
      if (request.body !== undefined) init.body = request.body;
      // Called on globalThis: an unbound `self.fetch` passed in as a dependency would throw Illegal invocation.
      const response = await fetchFn.call(globalThis, request.url, init);
      const text = await response.text();
      if (response.ok) {
        try {
          return { kind: 'ok', status: response.status, body: JSON.parse(text) as unknown };
        } catch (e) {
          return { kind: 'bad_json', status: response.status, message: e instanceof Error ? e.message : String(e) };
        }
      }
      return {
        kind: 'http',
        status: response.status,
        error: parseApiError(text),
        retryAfterMs: parseRetryAfter(response.headers.get('retry-after'), now()),
      };
    } catch (e) {
      if (timedOut) return { kind: 'timeout' };
      if (controller.signal.aborted) return { kind: 'stopped' };
      return { kind: 'network', message: e instanceof Error ? e.message : String(e) };
    } finally {
      clearTimeout(timer);
      inFlight.delete(controller);
    }
  }

  return {
    send,
    abortAll() {
      for (const c of inFlight) c.abort();
      inFlight.clear();
    },
  };
}

function parseApiError(text: string): ApiError['error'] | null {
  try {
    const parsed = lenientContract.apiError.apiError.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.error : null;
  } catch {
    return null;
  }
}

/** A sentence for the status line and last_error. */
export function describeOutcome(outcome: HubOutcome): string {
  switch (outcome.kind) {
    case 'ok':
      return `HTTP ${outcome.status}`;
    case 'bad_json':
      return `The server answered ${outcome.status} with a body that is not JSON (${outcome.message}).`;
    case 'http':
      return outcome.error === null
        ? `The server answered HTTP ${outcome.status}.`
        : `The server answered HTTP ${outcome.status} ${outcome.error.code}: ${outcome.error.message}${formatIssues(outcome.error.issues)}`;
    case 'network':
      return `The server could not be reached (${outcome.message}).`;
    case 'timeout':
      return `The server did not answer within ${REQUEST_TIMEOUT_MS / 1000} s.`;
    case 'stopped':
      return 'Sync was stopped.';
  }
}

function formatIssues(issues: { path: string; message: string }[] | undefined): string {
  if (issues === undefined || issues.length === 0) return '';
  return ` (${issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ')})`;
}

/**
 * 426: the hub no longer speaks this till's protocol (contract/src/protocol-version.ts, the window). The
 * till's records are fine; its app is old. Nothing is refused for good: the items wait (as for an
 * unreachable hub) until the app updates itself at the next reload and sends them in a protocol the hub
 * takes. The status says so in words (sync-summary.ts, `app_too_old`).
 */
export const HTTP_UPGRADE_REQUIRED = 426;

/** The hub refused this till's protocol version: the app must update (see HTTP_UPGRADE_REQUIRED). */
export function isAppTooOld(outcome: HubOutcome): boolean {
  return outcome.kind === 'http' && outcome.status === HTTP_UPGRADE_REQUIRED;
}

/** Transient: worth sending again later. 408, 426 and 429 are the only retryable 4xx. */
export function isTransient(outcome: HubOutcome): boolean {
  if (outcome.kind === 'network' || outcome.kind === 'timeout' || outcome.kind === 'bad_json') return true;
  if (outcome.kind === 'http') return outcome.status >= 500 || outcome.status === 408 || outcome.status === HTTP_UPGRADE_REQUIRED || outcome.status === 429;
  return false;
}

/** The joined URL of an API path on a hub; serverUrl is stored without a trailing slash. */
export function hubUrl(serverUrl: string, path: string): string {
  return `${serverUrl}${path}`;
}
