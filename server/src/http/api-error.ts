// Errors as data on the wire: every non-2xx answer is the contract's ApiError body. Route code throws
// HttpError; the error handler turns it (and Fastify's own 4xx errors) into that body.
import type { z } from 'zod';
import type { ApiError, ApiErrorCode } from '@ezo/contract/api-error';

const STATUS: Record<ApiErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  invalid_token: 401,
  device_revoked: 401,
  device_retired: 401,
  pairing_code_invalid: 400,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  last_owner: 409,
  payload_too_large: 413,
  protocol_too_old: 426,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
};

export type Issue = { path: string; message: string };

export class HttpError extends Error {
  readonly status: number;
  readonly code: ApiErrorCode;
  readonly issues: Issue[] | undefined;
  readonly headers: Record<string, string>;
  constructor(code: ApiErrorCode, message: string, issues?: Issue[], headers: Record<string, string> = {}) {
    super(message);
    this.name = 'HttpError';
    this.code = code;
    this.issues = issues;
    this.headers = headers;
    this.status = STATUS[code];
  }

  body(): ApiError {
    return { error: { code: this.code, message: this.message, ...(this.issues === undefined ? {} : { issues: this.issues }) } };
  }
}

/** Most issues listed in one 400; the rest are summarised, so a huge bad batch gets a bounded answer. */
export const MAX_ISSUES_REPORTED = 50;

export function zodIssues(error: z.ZodError): Issue[] {
  const issues = error.issues.slice(0, MAX_ISSUES_REPORTED).map((i) => ({
    path: i.path.map(String).join('.'),
    message: i.message.slice(0, 500),
  }));
  if (error.issues.length > MAX_ISSUES_REPORTED) {
    issues.push({ path: '', message: `${error.issues.length - MAX_ISSUES_REPORTED} more issues not listed` });
  }
  return issues;
}
