// The error answers routes declare. Every one has the contract's ApiError body; the document names
// each status once under components.responses (tidy-document.ts swaps the route's copy for a $ref).
import { strictContract } from '@ezo/contract/contract';
import { MAX_BODY_BYTES } from '@ezo/contract/limits';

export interface ErrorResponse {
  /** Its name under components.responses. */
  name: string;
  description: string;
  /** Set on the answer: documented as a response header. */
  retryAfter?: boolean;
}

export const ERROR_RESPONSES = {
  400: { name: 'BadRequest', description: 'The request is not valid; `issues` lists what is wrong and where.' },
  401: {
    name: 'Unauthorized',
    description: 'No bearer token (unauthorized), an unknown one (invalid_token), or a device that was revoked (device_revoked) or replaced by a newer pairing (device_retired).',
  },
  403: {
    name: 'Forbidden',
    description: 'A back-office session without the permission this needs (forbidden), or a state-changing request with a session cookie from another origin.',
  },
  404: { name: 'NotFound', description: 'No such record.' },
  409: { name: 'Conflict', description: 'The request contradicts a record the hub holds (conflict), or would leave the organisation without an owner (last_owner).' },
  413: { name: 'PayloadTooLarge', description: `The body is larger than the ${MAX_BODY_BYTES} bytes the hub reads.` },
  415: { name: 'UnsupportedMediaType', description: 'The body is not application/json.' },
  426: { name: 'ProtocolTooOld', description: 'The till speaks a protocol older than the hub supports (protocol_too_old): update the app; the till keeps its data.' },
  429: { name: 'RateLimited', description: 'Too many requests from this terminal; retry after Retry-After seconds.', retryAfter: true },
  500: { name: 'InternalError', description: 'A bug in the hub; never caused by bad input.' },
  503: { name: 'Unavailable', description: 'The database is unavailable; retry after Retry-After seconds.', retryAfter: true },
} as const satisfies Record<number, ErrorResponse>;

export type ErrorStatus = keyof typeof ERROR_RESPONSES;

const apiError = strictContract.apiError.apiError;

/** The route schema's entries for these error statuses. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  const entries = statuses.map((status) => [status, { description: ERROR_RESPONSES[status].description, content: { 'application/json': { schema: apiError } } }] as const);
  return Object.fromEntries(entries) as Record<S, { description: string; content: { 'application/json': { schema: typeof apiError } } }>;
}
