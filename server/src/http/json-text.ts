// Sends a body that is already JSON text (the downstream page is assembled as text by PostgreSQL,
// the OpenAPI document is serialized once). Fastify sends a string or Buffer with a JSON content type as
// it is, past the route's serializer; the route's response schema still types and documents the body.
// A big body goes better as a Buffer: compression and Content-Length then take its length as it is,
// where a string is measured (and flattened) once for each.
import type { FastifyReply } from 'fastify';

export const JSON_UTF8 = 'application/json; charset=utf-8';

export function sendJsonText(reply: FastifyReply, text: string | Buffer): FastifyReply {
  return reply.type(JSON_UTF8).send(text);
}
