// GET /api/v1/sync/terminal: who the bearer token belongs to. The till reads it when paired and
// on every start; receipt numbers use receipt_prefix, prices use the store's currency.
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { Code, Currency, Name, Uuid } from './primitives.ts';

export const terminalSchemas = oncePerBuilder((object) => {
  const terminalInfo = object(
    {
      terminal_id: Uuid,
      terminal_name: Name,
      store_id: Uuid,
      store_name: Name,
      currency: Currency.describe('The store currency: every price and sale of this terminal is in it.'),
      locale: z.string().min(2).max(35).describe('BCP-47 locale for formatting money and dates at this store.'),
      receipt_prefix: Code.describe('Prefix of this terminal receipt numbers; unique per store.'),
    },
    { id: 'TerminalInfo', description: 'The terminal a token belongs to, and its store.' },
  );
  return { terminalInfo };
});

export type TerminalInfo = z.infer<ReturnType<typeof terminalSchemas>['terminalInfo']>;
