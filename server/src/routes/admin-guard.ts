// What every admin route shares: the admin-token check (a preValidation hook, so a caller without the
// token learns nothing from the schema) and transactions that take the commit-order lock first, in the
// same order as upstream batches, for writes that version rows.
import type { preValidationHookHandler } from 'fastify';
import type { z } from 'zod';
import { requireAdmin } from '../auth/authenticate.ts';
import type { Sql } from '../db/database.ts';
import type { HubContext } from '../http/hub-context.ts';
import { COMMIT_ORDER_LOCK_KEY } from '../sync/item-outcome.ts';

export const ADMIN_TAGS = ['admin'];
export const ADMIN_SECURITY = [{ admin: [] }];

export function adminGuard(ctx: HubContext): preValidationHookHandler {
  // A throw here ends the request with that error (Fastify catches it), before the body is validated.
  return (request, _reply, done) => {
    requireAdmin(ctx.adminTokenHash, request);
    done();
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
