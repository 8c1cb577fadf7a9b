// GET /api/v1/sync/terminal: who the bearer token belongs to. The till reads it when paired and
// on every start; receipt numbers use receipt_prefix, prices use the store's currency, the PIN lock
// and the discount check use the store's settings.
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { Code, Currency, Money, Name, Uuid } from './primitives.ts';
import { MAX_IDLE_LOCK_SECONDS, MAX_SHIFT_COUNT, MIN_IDLE_LOCK_SECONDS } from './limits.ts';

export const IdleLockSeconds = z
  .int()
  .min(MIN_IDLE_LOCK_SECONDS)
  .max(MAX_IDLE_LOCK_SECONDS)
  .describe('Seconds without a touch after which the till asks for a PIN again.');
export const DiscountLimitPercent = z
  .int()
  .min(0)
  .max(100)
  .describe('A line or cart discount above this percentage needs the discount_over_limit permission (or a manager PIN).');

export const terminalSchemas = oncePerBuilder((object) => {
  const terminalInfo = object(
    {
      terminal_id: Uuid,
      terminal_name: Name,
      store_id: Uuid,
      store_name: Name,
      currency: Currency.describe('The store currency: every price and sale of this terminal is in it.'),
      locale: z.string().min(2).max(35).describe('BCP-47 locale for formatting money and dates at this store.'),
      receipt_prefix: Code.describe(
        "Prefix of this device's receipt numbers (the terminal's own for a legacy terminal token); unique per store, so no two devices print one number.",
      ),
      device_id: Uuid.nullable().describe('The paired device the token belongs to; null for a legacy terminal token (scripts, tills paired before protocol 2).'),
      idle_lock_seconds: IdleLockSeconds,
      discount_limit_percent: DiscountLimitPercent,
      last_z_number: z
        .int()
        .min(0)
        .max(MAX_SHIFT_COUNT)
        .optional()
        .describe(
          "The highest Z number of this terminal's shifts the hub has (0: none; protocol 3). A till replacing another on the terminal numbers its next Z report after it, so Z numbers stay consecutive per terminal.",
        ),
      last_grand_total: Money.optional().describe('The grand total of that shift (0: none; protocol 3): where the next Z report carries on from.'),
    },
    { id: 'TerminalInfo', description: 'The terminal (and device) a token belongs to, and its store with the settings the till needs.' },
  );
  return { terminalInfo };
});

export type TerminalInfo = z.infer<ReturnType<typeof terminalSchemas>['terminalInfo']>;
