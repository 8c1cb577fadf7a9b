// GET /api/v1/sync/terminal: who the bearer token belongs to. The till reads it when paired and
// on every start; receipt numbers use receipt_prefix, prices use the store's currency.
import { z } from 'zod';
import type { ObjectBuilder } from './strictness.ts';
import { Code, Currency, Name, Uuid } from './primitives.ts';

export function terminalSchemas(object: ObjectBuilder) {
  const terminalInfo = object({
    terminal_id: Uuid,
    terminal_name: Name,
    store_id: Uuid,
    store_name: Name,
    currency: Currency,
    /** BCP-47 locale for formatting money and dates at this store. */
    locale: z.string().min(2).max(35),
    /** Prefix of this terminal's receipt numbers; unique per store. */
    receipt_prefix: Code,
  });
  return { terminalInfo };
}

export type TerminalInfo = z.infer<ReturnType<typeof terminalSchemas>['terminalInfo']>;
