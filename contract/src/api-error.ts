// The body of every non-2xx answer from the hub. Errors are data: a stable code, a sentence, and
// for 400 the list of what is wrong with the request.
import { z } from 'zod';
import type { ObjectBuilder } from './strictness.ts';

export const ApiErrorCode = z.enum([
  'bad_request', // 400: fails validation; `issues` says where
  'unauthorized', // 401: no token, or an unknown one
  'forbidden', // 403: the token may not do this
  'not_found', // 404
  'conflict', // 409
  'payload_too_large', // 413
  'rate_limited', // 429: see Retry-After
  'internal', // 500: a bug, never bad input
  'unavailable', // 503: database down
]);
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export function apiErrorSchemas(object: ObjectBuilder) {
  const issue = object({ path: z.string(), message: z.string() });
  const apiError = object({
    error: object({
      code: ApiErrorCode,
      message: z.string(),
      issues: z.array(issue).optional(),
    }),
  });
  return { apiError, issue };
}

export type ApiError = z.infer<ReturnType<typeof apiErrorSchemas>['apiError']>;
