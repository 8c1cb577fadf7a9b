// Checks a form's body with the same contract schema the hub parses it with, before sending: a refused
// form shows the schema's issues next to its fields (as the hub's 400 would) and sends nothing.
import type { z } from 'zod';
import type { ApiFailure } from '../api/client.ts';

export type Checked<T> = { ok: true; value: T } | { ok: false; failure: ApiFailure };

export function checkForm<S extends z.ZodType>(schema: S, body: unknown): Checked<z.infer<S>> {
  const parsed = schema.safeParse(body);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues.map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
  return { ok: false, failure: { status: 400, code: 'bad_request', message: 'invalid form', issues } };
}

/** A text field's value as the contract wants an optional text: trimmed, and null when empty. */
export const textOrNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
