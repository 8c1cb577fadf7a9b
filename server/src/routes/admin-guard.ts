// What every admin route shares: authentication (an onRequest hook, before the body is read, with the
// failed sign-in throttle, so a caller without a credential learns nothing and costs nothing) and
// transactions that take the commit-order lock first, in the same order as upstream batches, for writes
// that version rows.
//
// An admin route accepts EITHER the admin bearer token (automation: every store) OR a back-office session
// cookie (auth/backoffice-auth.ts). A request that sends an Authorization header is judged by it alone.
// With a session, a state-changing request must come from this hub's own origin (CSRF), and the staff
// member must pass the route's `staffAccess`:
//   'owner' (the default, safe for routes written before sessions): owners only, managers get 403;
//   a Permission: chain-wide data, the permission in at least one store (catalog: manage_catalog);
//   'route': the handler checks itself with auth/principal.ts (requirePermission, visibleStoreIds).
// The guard sets `request.principal` either way.
import type { FastifyInstance, onRequestAsyncHookHandler } from 'fastify';
import type { z } from 'zod';
import type { Permission } from '@ezo/contract/staff';
import { requireAdmin } from '../auth/authenticate.ts';
import { authenticateSession, isStateChanging, requireSameOrigin, sessionCookie } from '../auth/backoffice-auth.ts';
import { ADMIN_PRINCIPAL, hasPermission } from '../auth/principal.ts';
import type { Sql } from '../db/database.ts';
import { HttpError } from '../http/api-error.ts';
import type { HubContext } from '../http/hub-context.ts';
import { COMMIT_ORDER_LOCK_KEY } from '../sync/item-outcome.ts';

export const ADMIN_TAGS = ['admin'];
/** Either scheme (components.securitySchemes in openapi/register-openapi.ts). */
export const ADMIN_SECURITY = [{ admin: [] }, { session: [] }];

export type StaffAccess = 'owner' | 'route' | Permission;

/** Lets every request carry a principal (null until a guard sets it). */
export function registerPrincipal(app: FastifyInstance): void {
  app.decorateRequest('principal', null);
}

export function adminGuard(ctx: HubContext, staffAccess: StaffAccess = 'owner'): onRequestAsyncHookHandler {
  // A throw here ends the request with that error (Fastify catches it), before the body is read.
  return async (request) => {
    if (request.headers.authorization === undefined && sessionCookie(request) !== undefined) {
      if (isStateChanging(request.method)) requireSameOrigin(request);
      const signedIn = await authenticateSession(ctx, request);
      if (signedIn === undefined) throw new HttpError('unauthorized', 'the session ended; sign in again');
      const { principal } = signedIn;
      if (staffAccess === 'owner' && !principal.owner) throw new HttpError('forbidden', 'only an owner may do this');
      if (staffAccess !== 'owner' && staffAccess !== 'route' && !hasPermission(principal, staffAccess)) {
        throw new HttpError('forbidden', `this needs the permission ${staffAccess}`);
      }
      request.principal = principal;
      return;
    }
    await requireAdmin(ctx.db, ctx.adminTokenHash, request, ctx.authThrottle);
    request.principal = ADMIN_PRINCIPAL;
  };
}

export function versionedWrite(ctx: HubContext) {
  return <T>(work: (tx: Sql) => Promise<T>) =>
    ctx.db.transaction(async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [COMMIT_ORDER_LOCK_KEY]);
      return work(tx);
    });
}

export const json = <S extends z.ZodType>(description: string, schema: S) => ({ description, content: { 'application/json': { schema } } });
