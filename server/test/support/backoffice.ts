// A browser's view of the back office for hub tests: sign in with e-mail and password, then call
// with the session cookie (and, for writes, the Origin a browser sends).
import type { StaffRecord } from '@ezo/contract/staff';
import type { TestServer } from '../../src/testing/test-server.ts';

export interface CallResult<T = unknown> {
  status: number;
  body: T;
  headers: Headers;
}

/** A password long enough for the contract (12 characters). */
export const TEST_PASSWORD = 'correct horse battery';

export async function browserCall<T = unknown>(
  server: TestServer,
  method: string,
  path: string,
  options: { cookie?: string | undefined; body?: unknown; origin?: string | null; raw?: { body: string; contentType: string } } = {},
): Promise<CallResult<T>> {
  const headers: Record<string, string> = {};
  if (options.cookie !== undefined) headers['cookie'] = `ezo_session=${options.cookie}`;
  // A browser sends Origin on every request but GET and HEAD; null: a request without it (a tool, a CSRF attempt).
  const origin = options.origin === undefined ? (method === 'GET' || method === 'HEAD' ? null : server.url) : options.origin;
  if (origin !== null) headers['origin'] = origin;
  let body: string | undefined;
  if (options.raw !== undefined) {
    headers['content-type'] = options.raw.contentType;
    body = options.raw.body;
  } else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  const res = await fetch(`${server.url}${path}`, { method, headers, ...(body === undefined ? {} : { body }) });
  const text = await res.text();
  let parsed: unknown = text;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    // CSV and other text stay text.
  }
  return { status: res.status, body: parsed as T, headers: res.headers };
}

/** The session id from a Set-Cookie answer, or undefined. */
export function sessionFrom(headers: Headers): string | undefined {
  for (const cookie of headers.getSetCookie()) {
    const m = /^ezo_session=([^;]*)/.exec(cookie);
    if (m?.[1] !== undefined && m[1] !== '') return m[1];
  }
  return undefined;
}

export async function signIn(server: TestServer, email: string, password = TEST_PASSWORD): Promise<CallResult & { cookie: string | undefined }> {
  const res = await browserCall(server, 'POST', '/api/v1/backoffice/session', { body: { email, password } });
  return { ...res, cookie: sessionFrom(res.headers) };
}

/** A staff member who may sign in (owner or manager), created through the admin API. */
export async function createSignInStaff(server: TestServer, email: string, roles: { store_id: string; role: 'owner' | 'manager' | 'cashier' }[]): Promise<StaffRecord> {
  const res = await server.admin<StaffRecord>('POST', '/api/v1/admin/staff', { display_name: email.split('@')[0], email, password: TEST_PASSWORD, roles });
  if (res.status !== 201) throw new Error(`creating ${email}: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
