// CORS for what the till calls from another origin in development (the sync API, pairing and health).
// Tokens travel in Authorization, never in cookies, so any origin may call; credentials are not allowed.
import type { FastifyInstance } from 'fastify';
import { PROTOCOL_HEADER } from '@ezo/contract/protocol-version';

const CORS_PATHS = /^\/api\/v1\/(sync\/|pairing\/|health(?:$|\?))/;
/** How long a browser may cache a preflight answer, in seconds. */
const PREFLIGHT_MAX_AGE_S = 600;

export function registerCors(app: FastifyInstance): void {
  app.addHook('onRequest', async (request, reply) => {
    if (!CORS_PATHS.test(request.url)) return;
    void reply.header('Access-Control-Allow-Origin', '*');
    void reply.header('Access-Control-Expose-Headers', 'Retry-After');
    if (request.method === 'OPTIONS') {
      await reply
        .code(204)
        .header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS')
        .header('Access-Control-Allow-Headers', `Authorization, Content-Type, ${PROTOCOL_HEADER}`)
        .header('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_S))
        .header('Cache-Control', 'no-store')
        .send();
    }
  });
}
