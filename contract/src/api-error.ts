// The body of every non-2xx answer from the hub. Errors are data: a stable code, a sentence, and
// for 400 the list of what is wrong with the request.
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';

export const ApiErrorCode = z
  .enum([
    'bad_request', // 400: fails validation; `issues` says where
    'unauthorized', // 401: no token
    'invalid_token', // 401: a token the hub does not know (never issued, or its terminal re-created)
    'device_revoked', // 401: this device was revoked by an admin; pair again with a new code
    'device_retired', // 401: another device was paired to this terminal since; pair again to use this one
    'pairing_code_invalid', // 400: a pairing code that is wrong, expired or used (one answer for all three)
    'forbidden', // 403: the token may not do this
    'not_found', // 404
    'conflict', // 409
    'last_owner', // 409: the change would leave the organisation without an owner; make someone else an owner first
    'payload_too_large', // 413
    'protocol_too_old', // 426: the till speaks a protocol older than the hub's minimum: update the app (keep its data)
    'rate_limited', // 429: see Retry-After
    'internal', // 500: a bug, never bad input
    'unavailable', // 503: database down
  ])
  .describe('A stable code per kind of error; the HTTP status follows from it.');
export type ApiErrorCode = z.infer<typeof ApiErrorCode>;

export const apiErrorSchemas = oncePerBuilder((object) => {
  const issue = object(
    {
      path: z.string().describe('Where in the request, dot-separated (changes.sales.0.total); empty for the whole.'),
      message: z.string(),
    },
    { id: 'ApiErrorIssue', description: 'One thing wrong with a request.' },
  );
  const apiError = object(
    {
      error: object({
        code: ApiErrorCode,
        message: z.string().describe('What went wrong, in a sentence.'),
        issues: z.array(issue).optional().describe('On a 400: what is wrong and where; a long list ends with one issue that counts the rest.'),
      }),
    },
    { id: 'ApiError', description: 'The body of every error answer.' },
  );
  return { apiError, issue };
});

export type ApiError = z.infer<ReturnType<typeof apiErrorSchemas>['apiError']>;
