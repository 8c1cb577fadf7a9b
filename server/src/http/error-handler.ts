// The one place errors become HTTP answers. Bad input of any kind (schema, JSON syntax, media type,
// size) is a 4xx with the contract's ApiError body; only a bug is a 500, and a lost database a 503.
import type { FastifyError, FastifyInstance } from 'fastify';
import { HttpError } from './api-error.ts';

/** Connection-level failures: PostgreSQL classes 08 (connection) and 57P (shutdown), and socket errors. */
function isDatabaseDown(err: { code?: unknown }): boolean {
  const code = typeof err.code === 'string' ? err.code : '';
  return code.startsWith('08') || code.startsWith('57P') || code === 'ECONNREFUSED' || code === 'ECONNRESET';
}

export function registerErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler(async (err: FastifyError | HttpError, request, reply) => {
    if (err instanceof HttpError) {
      return reply.code(err.status).headers(err.headers).send(err.body());
    }
    const status = err.statusCode ?? 500;
    if (status === 413) {
      return reply.code(413).send(new HttpError('payload_too_large', 'the request body is too large').body());
    }
    if (status === 415) {
      return reply.code(415).send(new HttpError('bad_request', 'send the body as application/json').body());
    }
    if (status >= 400 && status < 500) {
      return reply.code(400).send(new HttpError('bad_request', err.message.slice(0, 300)).body());
    }
    if (isDatabaseDown(err)) {
      request.log.warn({ err }, 'database unavailable');
      return reply.code(503).header('Retry-After', '5').send(new HttpError('unavailable', 'the database is unavailable').body());
    }
    request.log.error({ err }, 'unhandled error');
    return reply.code(500).send(new HttpError('internal', 'internal error').body());
  });
}
