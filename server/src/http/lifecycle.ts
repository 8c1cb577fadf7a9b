// A hub instance's life after start: serving, then draining on SIGTERM/SIGINT, then closed.
// Draining means: /health/ready answers 503 (a load balancer takes the instance out), the listening socket
// is closed (no new connections), requests already running finish, and a request that still arrives on an
// open keep-alive connection gets a 503 `unavailable` with Retry-After and `Connection: close`, so the till
// retries it (on another instance behind a balancer). Past SHUTDOWN_GRACE_MS every connection is dropped;
// a batch cut off there rolls back whole and the till sends it again (exactly once by uuid).
import type { FastifyInstance } from 'fastify';
import { HttpError } from './api-error.ts';

/** How long a stopping hub lets running requests (a batch: well under a second) finish before dropping them. */
export const SHUTDOWN_GRACE_MS = 10_000;
/** What a refused request is told to wait before retrying, in seconds. */
export const DRAINING_RETRY_AFTER_S = 1;

export interface Lifecycle {
  draining: boolean;
}

const lifecycles = new WeakMap<FastifyInstance, Lifecycle>();

export function registerLifecycle(app: FastifyInstance): Lifecycle {
  const lifecycle: Lifecycle = { draining: false };
  lifecycles.set(app, lifecycle);
  // Any close drains first, whoever calls app.close().
  app.addHook('preClose', (done) => {
    lifecycle.draining = true;
    done();
  });
  app.addHook('onRequest', (_request, _reply, done) => {
    if (!lifecycle.draining) return done();
    const refusal = new HttpError('unavailable', 'this hub instance is shutting down; retry', undefined, {
      'Retry-After': String(DRAINING_RETRY_AFTER_S),
      Connection: 'close',
    });
    done(refusal);
  });
  // A request that was running when draining began keeps its answer but not its connection.
  app.addHook('onSend', async (_request, reply) => {
    if (lifecycle.draining) void reply.header('Connection', 'close');
  });
  return lifecycle;
}

export type ShutdownOutcome = 'clean' | 'forced';

/**
 * Drains and closes the app (its onClose hooks stop the stock folding): resolves 'clean' when every
 * running request finished within `graceMs`, 'forced' when connections had to be dropped.
 */
export async function drainAndClose(app: FastifyInstance, graceMs = SHUTDOWN_GRACE_MS): Promise<ShutdownOutcome> {
  const lifecycle = lifecycles.get(app);
  if (lifecycle !== undefined) lifecycle.draining = true; // at once, not after the close starts
  let outcome: ShutdownOutcome = 'clean';
  const timer = setTimeout(() => {
    outcome = 'forced';
    app.server.closeAllConnections();
  }, graceMs);
  try {
    await app.close();
  } finally {
    clearTimeout(timer);
  }
  return outcome;
}
