// The back office's one way to the hub: fetch with the session cookie (same origin), answers parsed with
// the contract's zod schemas, errors as data. Every call resolves (never rejects) to an ApiResult:
//   { ok: true, value }                     a 2xx whose body the schema accepted
//   { ok: false, failure }                  anything else: the hub's ApiError (code, message, field issues,
//                                           Retry-After), no connection ('network'), or an answer the
//                                           schema refused ('bad_answer')
// Screens show `failure.issues` next to their fields (components/form.tsx: fieldErrors) and the rest
// as one message (failureText). A 401 tells the shell the session ended (onSessionEnded).
// The browser sends Origin with every POST, PATCH, PUT and DELETE, which the hub checks (CSRF).
import type { z } from 'zod';
import { lenientContract } from '@ezo/contract/contract';

export interface FieldIssue {
  /** Dot-separated path in the request body ('price', 'rows.3.sku'); empty for the whole request. */
  path: string;
  message: string;
}

export interface ApiFailure {
  /** HTTP status; 0 when the hub could not be reached. */
  status: number;
  /** The hub's ApiError code, 'network', or 'bad_answer' (a 2xx the contract does not describe). */
  code: string;
  message: string;
  issues: FieldIssue[];
  /** Seconds from Retry-After (429, 503). */
  retryAfterSeconds?: number;
}

export type ApiResult<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

export type Query = Record<string, string | number | boolean | undefined>;

export interface RequestOptions<S extends z.ZodType | undefined> {
  /** Parses the 2xx body; undefined: no body expected (204). */
  schema?: S;
  query?: Query;
  /** Sent as JSON. */
  body?: unknown;
  /** Sent as is (CSV text) with this content type. */
  raw?: { body: string; contentType: string };
  signal?: AbortSignal;
}

/** All back-office calls go to the hub that served the page. */
export const API_BASE = '/api/v1';

let sessionEnded: (() => void) | undefined;

/** The shell learns here when any call is answered 401 (the session expired or was ended elsewhere). */
export function onSessionEnded(listener: (() => void) | undefined): void {
  sessionEnded = listener;
}

export function withQuery(path: string, query: Query | undefined): string {
  if (query === undefined) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text === '' ? path : `${path}?${text}`;
}

async function failureOf(response: Response): Promise<ApiFailure> {
  const retry = Number(response.headers.get('Retry-After') ?? '');
  const base = { status: response.status, ...(Number.isFinite(retry) && retry > 0 ? { retryAfterSeconds: retry } : {}) };
  const parsed = lenientContract.apiError.apiError.safeParse(await response.json().catch(() => null));
  if (!parsed.success) return { ...base, code: 'unexpected', message: `HTTP ${response.status}`, issues: [] };
  const { code, message, issues } = parsed.data.error;
  return { ...base, code, message, issues: issues ?? [] };
}

export async function apiRequest<S extends z.ZodType | undefined = undefined>(
  method: 'GET' | 'POST' | 'PATCH' | 'PUT' | 'DELETE',
  path: string,
  options: RequestOptions<S> = {},
): Promise<ApiResult<S extends z.ZodType ? z.infer<S> : null>> {
  type Value = S extends z.ZodType ? z.infer<S> : null;
  const headers: Record<string, string> = { Accept: 'application/json' };
  let body: string | undefined;
  if (options.raw !== undefined) {
    headers['Content-Type'] = options.raw.contentType;
    body = options.raw.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response: Response;
  try {
    response = await fetch(`${API_BASE}${withQuery(path, options.query)}`, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
  } catch (err) {
    return { ok: false, failure: { status: 0, code: 'network', message: err instanceof Error ? err.message : String(err), issues: [] } };
  }
  if (!response.ok) {
    const failure = await failureOf(response);
    if (response.status === 401 && !path.startsWith('/backoffice/session')) sessionEnded?.();
    return { ok: false, failure };
  }
  if (options.schema === undefined) return { ok: true, value: null as Value };
  const parsed = options.schema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) return { ok: false, failure: { status: response.status, code: 'bad_answer', message: parsed.error.message.slice(0, 300), issues: [] } };
  return { ok: true, value: parsed.data as Value };
}
