// Back-office sign-in, who is signed in, and sign-out (auth/backoffice-auth.ts, auth/sessions.ts). The
// admin routes accept the session these create (routes/admin-guard.ts).
import type { FastifyInstance, onRequestHookHandler } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { backOffice } from '@ezo/contract/backoffice';
import {
  authenticateSession,
  checkPassword,
  clearSessionCookie,
  loadStaffPrincipal,
  requireSameOrigin,
  sessionBody,
  sessionCookie,
  setSessionCookie,
} from '../auth/backoffice-auth.ts';
import { HttpError } from '../http/api-error.ts';
import type { HubContext } from '../http/hub-context.ts';
import { errorResponses } from '../openapi/error-responses.ts';
import { json } from './admin-guard.ts';

const TAGS = ['backoffice'];
const SESSION_SECURITY = [{ session: [] }];
const PATH = '/api/v1/backoffice/session';

/** A throw here ends the request before its body is read. */
const sameOriginOnly: onRequestHookHandler = (request, _reply, done) => {
  requireSameOrigin(request);
  done();
};

export function registerBackOfficeSessionRoutes(app: FastifyInstance, ctx: HubContext): void {
  const api = app.withTypeProvider<ZodTypeProvider>();

  api.post(
    PATH,
    {
      // Login CSRF: another site must not sign a browser in to an account of its choosing.
      onRequest: sameOriginOnly,
      schema: {
        operationId: 'signInBackOffice',
        summary: 'Sign in to the back office',
        description:
          'E-mail and password of an active owner or manager. Sets the HttpOnly, SameSite=Strict `ezo_session` cookie. ' +
          'Failed attempts are throttled per client address and per account (429 with Retry-After). Needs an Origin header naming this hub.',
        tags: TAGS,
        security: [],
        body: backOffice.signIn,
        response: { 200: json('Signed in; the cookie is set.', backOffice.session), ...errorResponses(400, 401, 403, 413, 415, 429, 500, 503) },
      },
    },
    async (request, reply) => {
      const staffId = await checkPassword(ctx, request, request.body);
      const principal = await loadStaffPrincipal(ctx.db, staffId);
      if (principal === undefined) throw new HttpError('unauthorized', 'wrong e-mail or password');
      const previous = sessionCookie(request);
      if (previous !== undefined) await ctx.sessions.end(ctx.db, previous);
      const now = ctx.now();
      const created = await ctx.sessions.create(ctx.db, staffId, now);
      setSessionCookie(request, reply, created.id, created.expiresAt);
      const idleEnd = new Date(Math.min(now.getTime() + ctx.sessions.idleSeconds * 1000, created.expiresAt.getTime()));
      return sessionBody(ctx.db, principal, idleEnd, created.expiresAt);
    },
  );

  api.get(
    PATH,
    {
      schema: {
        operationId: 'getBackOfficeSession',
        summary: 'Who is signed in',
        description: 'The signed-in member, their stores (an owner: every store) with role and permissions, and when the session ends. Counts as activity.',
        tags: TAGS,
        security: SESSION_SECURITY,
        response: { 200: json('The session.', backOffice.session), ...errorResponses(401, 500, 503) },
      },
    },
    async (request) => {
      const signedIn = await authenticateSession(ctx, request);
      if (signedIn === undefined) throw new HttpError('unauthorized', 'not signed in, or the session ended');
      request.principal = signedIn.principal;
      return sessionBody(ctx.db, signedIn.principal, ctx.sessions.idleEnd(signedIn.session), signedIn.session.expiresAt);
    },
  );

  api.delete(
    PATH,
    {
      onRequest: sameOriginOnly,
      schema: {
        operationId: 'signOutBackOffice',
        summary: 'Sign out of the back office',
        description: 'Ends the session on every hub instance and clears the cookie; answers 204 even when no session was open.',
        tags: TAGS,
        security: SESSION_SECURITY,
        response: { 204: z.null().describe('Signed out; no body.'), ...errorResponses(403, 500, 503) },
      },
    },
    async (request, reply) => {
      const id = sessionCookie(request);
      if (id !== undefined) await ctx.sessions.end(ctx.db, id);
      clearSessionCookie(request, reply);
      return reply.code(204).send(null);
    },
  );
}
