// The hub's logs: one JSON object a line (pino, Fastify's own logger), each request's lines carrying its
// request id, and no secret ever written. Secrets travel in the Authorization header (terminal and admin
// tokens, the metrics token), in request bodies (never logged) and in answers (never logged); the
// request serializer below logs the method, the path with a query whose secret-named values are
// masked, and where the request came from, never headers. Redaction is the second line of defence for
// any object a log call is handed (an error with a config or headers, a body by mistake).
import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { FastifyRequest } from 'fastify';
import pino, { type DestinationStream, type Logger, type LoggerOptions } from 'pino';

export const REQUEST_ID_HEADER = 'x-request-id';
/** A caller's (or balancer's) request id is kept when it is this plain and short; otherwise a new one. */
const REQUEST_ID_PATTERN = /^[A-Za-z0-9._:-]{1,128}$/;
/** Query parameters whose value is never logged, however a client came to send one. */
const SECRET_PARAM = /token|secret|password|passwd|pin|code|key|auth|signature/i;
export const REDACTED = '[redacted]';

/** Key paths pino masks in anything logged (fast-redact syntax: `*` is one level). */
export const REDACT_PATHS: readonly string[] = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-metrics-token"]',
  'headers.authorization',
  'headers.cookie',
  '*.headers.authorization',
  '*.headers.cookie',
  'authorization',
  '*.authorization',
  'token',
  '*.token',
  'password',
  '*.password',
  'pin',
  '*.pin',
  'pairing_code',
  '*.pairing_code',
  'admin_token',
  '*.admin_token',
  'body',
  '*.body',
];

export function requestIdFor(request: IncomingMessage): string {
  const sent = request.headers[REQUEST_ID_HEADER];
  return typeof sent === 'string' && REQUEST_ID_PATTERN.test(sent) ? sent : randomUUID();
}

/** The URL as logged: path as is, query values of secret-looking parameters masked. */
export function loggedUrl(url: string): string {
  const q = url.indexOf('?');
  if (q < 0) return url;
  const params = new URLSearchParams(url.slice(q + 1));
  for (const key of new Set(params.keys())) if (SECRET_PARAM.test(key)) params.set(key, REDACTED);
  return `${url.slice(0, q)}?${params.toString()}`;
}

export function hubLoggerOptions(level = 'info'): LoggerOptions {
  return {
    level,
    redact: { paths: [...REDACT_PATHS], censor: REDACTED },
    serializers: {
      req: (request: FastifyRequest) => ({
        method: request.method,
        url: loggedUrl(request.url),
        remoteAddress: request.ip,
        userAgent: request.headers['user-agent'],
      }),
    },
  };
}

/** The hub's logger: JSON lines to stdout, or to `destination` (a test reading what would be written). */
export function createHubLogger(level = 'info', destination?: DestinationStream): Logger {
  return destination === undefined ? pino(hubLoggerOptions(level)) : pino(hubLoggerOptions(level), destination);
}
