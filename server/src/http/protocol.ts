// The protocol window: a till says which protocol it speaks in PROTOCOL_HEADER (absent: the current one).
// The hub speaks MIN_SUPPORTED_PROTOCOL_VERSION..PROTOCOL_VERSION; an older till is told to update
// (426 protocol_too_old, which the till shows and keeps its data), a newer or garbled one gets a 400.
import type { FastifyRequest } from 'fastify';
import { MIN_SUPPORTED_PROTOCOL_VERSION, PROTOCOL_HEADER, PROTOCOL_VERSION } from '@ezo/contract/protocol-version';
import { HttpError } from './api-error.ts';

export function protocolOf(request: FastifyRequest): number {
  const sent = request.headers[PROTOCOL_HEADER];
  if (sent === undefined) return PROTOCOL_VERSION;
  const version = typeof sent === 'string' && /^[0-9]{1,4}$/.test(sent) ? Number(sent) : Number.NaN;
  if (Number.isInteger(version) && version < MIN_SUPPORTED_PROTOCOL_VERSION) {
    throw new HttpError('protocol_too_old', `this till speaks protocol ${version}; the hub needs ${MIN_SUPPORTED_PROTOCOL_VERSION} or newer: update the app (nothing on the till is lost)`);
  }
  if (!Number.isInteger(version) || version > PROTOCOL_VERSION) {
    throw new HttpError('bad_request', `this hub speaks protocols ${MIN_SUPPORTED_PROTOCOL_VERSION} to ${PROTOCOL_VERSION}, the request says ${String(sent)}`, [
      { path: PROTOCOL_HEADER, message: `expected ${MIN_SUPPORTED_PROTOCOL_VERSION} to ${PROTOCOL_VERSION}` },
    ]);
  }
  return version;
}
