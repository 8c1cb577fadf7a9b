// Back-office sign-in and the session behind the admin routes. Sign-in takes an owner's or manager's
// e-mail and password (their scrypt hash, auth/slow-hash.ts) and is throttled twice: per client address
// (the hub-wide failed sign-in throttle, shared with tokens) and per account (a throttle of its own
// scope, so guessing one person's password from many addresses is bounded too). A throttled attempt is
// refused before the password is looked at, so a right guess then is refused as well. An unknown e-mail
// costs the same scrypt as a known one, so timing does not tell which e-mails exist.
//
// CSRF: the cookie is SameSite=Strict, and every state-changing request with a session cookie (sign-in
// included, against login CSRF) must carry an Origin header naming this hub's own host.
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { BackOfficeSession, BackOfficeSignIn } from '@ezo/contract/backoffice';
import { SESSION_COOKIE } from '@ezo/contract/backoffice';
import { ALL_PERMISSIONS, type Permission, type Role } from '@ezo/contract/staff';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import type { HubContext } from '../http/hub-context.ts';
import { throttleKey } from './auth-throttle.ts';
import type { StaffPrincipal } from './principal.ts';
import { hashPassword, verifyPassword } from './slow-hash.ts';
import type { SessionRow } from './sessions.ts';

/** The cookie is sent to the API only; the pages and assets never need it. */
export const SESSION_COOKIE_PATH = '/api/';
/** Methods that change nothing; every other one needs a same-origin Origin header when a cookie authenticates it. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
/** Roles that may sign in to the back office. */
const BACK_OFFICE_ROLES: readonly Role[] = ['owner', 'manager'];

/** A password hash no password matches by chance: verified against when the e-mail is unknown (same cost). */
let decoyHash: Promise<string> | undefined;
function decoy(): Promise<string> {
  decoyHash ??= hashPassword(`decoy-${Math.random()}-${Date.now()}`);
  return decoyHash;
}

export function isStateChanging(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

/** The request's Origin names this hub (its Host). Absent or `null` (a sandboxed page) is not same-origin. */
export function sameOrigin(request: FastifyRequest): boolean {
  const origin = request.headers.origin;
  if (typeof origin !== 'string' || origin === '' || origin === 'null') return false;
  try {
    return new URL(origin).host.toLowerCase() === (request.headers.host ?? '').toLowerCase();
  } catch {
    return false;
  }
}

export function requireSameOrigin(request: FastifyRequest): void {
  if (!sameOrigin(request)) throw new HttpError('forbidden', 'a cross-origin request may not change anything here (send the Origin of this hub)');
}

export function sessionCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies[SESSION_COOKIE];
  return value === undefined || value === '' ? undefined : value;
}

interface GrantRow {
  staff_id: string;
  display_name: string;
  email: string;
  store_id: string | null;
  role: Role | null;
  permissions: Permission[] | null;
}

/** The member as a principal: active, with an e-mail and an owner or manager role somewhere; else undefined. */
export async function loadStaffPrincipal(db: Sql, staffId: string): Promise<StaffPrincipal | undefined> {
  const rows = await db.query<GrantRow>(
    `SELECT s.id::text AS staff_id, s.display_name, s.email, r.store_id::text AS store_id, r.role, p.permissions
       FROM staff s
       JOIN staff_store_roles r ON r.staff_id = s.id AND r.removed_at IS NULL AND r.role = ANY($2::text[])
       JOIN role_permissions p ON p.role = r.role
      WHERE s.id = $1 AND s.active AND s.email IS NOT NULL AND s.password_hash IS NOT NULL`,
    [staffId, BACK_OFFICE_ROLES],
  );
  const first = rows[0];
  if (first === undefined) return undefined;
  const storeRoles = rows.flatMap((r) => (r.store_id === null || r.role === null ? [] : [{ storeId: r.store_id, role: r.role, permissions: [...(r.permissions ?? [])] }]));
  return {
    kind: 'staff',
    staffId: first.staff_id,
    displayName: first.display_name,
    email: first.email,
    owner: storeRoles.some((g) => g.role === 'owner'),
    storeRoles,
  };
}

function throttled(wait: number): HttpError {
  return new HttpError('rate_limited', `too many failed sign-ins; retry in ${wait} s`, undefined, { 'Retry-After': String(wait) });
}

/** Checks e-mail and password under both throttles; the member's id on success. */
export async function checkPassword(ctx: HubContext, request: FastifyRequest, input: BackOfficeSignIn): Promise<string> {
  const address = throttleKey(request.ip);
  const account = input.email.trim().toLowerCase();
  const waits = await Promise.all([ctx.authThrottle?.blockedFor(ctx.db, address), ctx.accountThrottle?.blockedFor(ctx.db, account)]);
  const wait = waits.find((w) => w !== undefined);
  if (wait !== undefined) throw throttled(wait);
  const rows = await ctx.db.query<{ id: string; password_hash: string }>(
    `SELECT s.id::text AS id, s.password_hash FROM staff s
      WHERE lower(s.email) = $1 AND s.active AND s.password_hash IS NOT NULL
        AND EXISTS (SELECT 1 FROM staff_store_roles r WHERE r.staff_id = s.id AND r.removed_at IS NULL AND r.role = ANY($2::text[]))`,
    [account, BACK_OFFICE_ROLES],
  );
  const row = rows[0];
  const ok = await verifyPassword(input.password, row?.password_hash ?? (await decoy()));
  if (row !== undefined && ok) return row.id;
  const after = await Promise.all([ctx.authThrottle?.recordFailure(ctx.db, address), ctx.accountThrottle?.recordFailure(ctx.db, account)]);
  const nowBlocked = after.find((w) => w !== undefined);
  if (nowBlocked !== undefined) throw throttled(nowBlocked);
  throw new HttpError('unauthorized', 'wrong e-mail or password');
}

/** The staff principal of the request's session cookie, or undefined when there is no live session. */
export async function authenticateSession(ctx: HubContext, request: FastifyRequest): Promise<{ principal: StaffPrincipal; session: SessionRow } | undefined> {
  const id = sessionCookie(request);
  if (id === undefined) return undefined;
  const session = await ctx.sessions.touch(ctx.db, id, ctx.now());
  if (session === undefined) return undefined;
  const principal = await loadStaffPrincipal(ctx.db, session.staffId);
  if (principal === undefined) {
    // Deactivated, or no longer an owner or manager anywhere: the session ends now.
    await ctx.sessions.end(ctx.db, id);
    return undefined;
  }
  return { principal, session };
}

export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, id: string, expiresAt: Date): void {
  void reply.setCookie(SESSION_COOKIE, id, {
    path: SESSION_COOKIE_PATH,
    httpOnly: true,
    sameSite: 'strict',
    secure: request.protocol === 'https',
    expires: expiresAt,
  });
}

export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: SESSION_COOKIE_PATH, httpOnly: true, sameSite: 'strict', secure: request.protocol === 'https' });
}

/** What GET /api/v1/backoffice/session answers: the member, their stores (an owner: all) with role and permissions. */
export async function sessionBody(db: Sql, principal: StaffPrincipal, idleExpiresAt: Date, expiresAt: Date): Promise<BackOfficeSession> {
  const stores = await db.query<{ id: string; name: string }>('SELECT id::text AS id, name FROM stores ORDER BY name, id');
  const grants = new Map(principal.storeRoles.map((g) => [g.storeId, g]));
  const visible = principal.owner ? stores : stores.filter((s) => grants.has(s.id));
  return {
    staff_id: principal.staffId,
    display_name: principal.displayName,
    email: principal.email,
    owner: principal.owner,
    stores: visible.map((s) => {
      const grant = grants.get(s.id);
      return {
        store_id: s.id,
        store_name: s.name,
        role: grant?.role ?? 'owner',
        permissions: principal.owner ? [...ALL_PERMISSIONS] : [...(grant?.permissions ?? [])],
      };
    }),
    idle_expires_at: idleExpiresAt.toISOString(),
    expires_at: expiresAt.toISOString(),
  };
}
