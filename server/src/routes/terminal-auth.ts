// The onRequest hook every till route shares (sync routes, the notice stream): protocol header, device
// token, per-terminal rate limit, last-seen; and the caller it found, for the handler.
import type { FastifyRequest } from 'fastify';
import { authenticateTerminal, type TerminalPrincipal } from '../auth/authenticate.ts';
import { enforceRateLimit } from '../http/enforce-rate-limit.ts';
import type { HubContext } from '../http/hub-context.ts';
import { protocolOf } from '../http/protocol.ts';

export interface Caller {
  who: TerminalPrincipal;
  protocol: number;
}

export interface TerminalAuth {
  authenticate: (request: FastifyRequest) => Promise<void>;
  caller: (request: FastifyRequest) => Caller;
}

export function terminalAuth(ctx: HubContext): TerminalAuth {
  const callers = new WeakMap<FastifyRequest, Caller>();
  return {
    authenticate: async (request) => {
      const protocol = protocolOf(request);
      const who = await authenticateTerminal(ctx.db, request, ctx.authThrottle);
      await enforceRateLimit(ctx, ctx.rateLimiter, who.terminalId, 'requests');
      if (who.deviceId !== null) await ctx.lastSeen.touch(ctx.db, who.deviceId, ctx.now());
      callers.set(request, { who, protocol });
    },
    caller: (request) => {
      const c = callers.get(request);
      if (c === undefined) throw new Error('a till route ran without its onRequest hook');
      return c;
    },
  };
}
