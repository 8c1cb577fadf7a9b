// Field types shared by every message: ids, money, times, cursors. Each carries a description for the
// hub's OpenAPI document (documentation only: the protocol hash ignores it).
import { z } from 'zod';
import {
  MAX_CODE_LENGTH,
  MAX_CURSOR_LENGTH,
  MAX_MONEY_MINOR,
  MAX_NAME_LENGTH,
  MAX_TAX_RATE_BP,
  BASIS_POINTS,
  MAX_TEXT_LENGTH,
  MAX_QUANTITY,
  MIN_RECORD_YEAR,
  MAX_RECORD_YEAR,
} from './limits.ts';

/** Client- or server-made RFC 4122 id (any version). */
export const Uuid = z.uuid().describe('An RFC 4122 id (any version).');

/** Money in integer minor units of the store's currency (cents for EUR/USD, yen for JPY). Never a float. */
export const Money = z
  .int()
  .min(-MAX_MONEY_MINOR)
  .max(MAX_MONEY_MINOR)
  .describe('Money in integer minor units of the store currency (cents for EUR, yen for JPY); never a fraction.');
export const NonNegativeMoney = Money.min(0);

/** Integer units sold or moved; negative on refund lines and stock decreases. */
export const Quantity = z.int().min(-MAX_QUANTITY).max(MAX_QUANTITY).describe('Whole units; negative on refund lines and stock decreases.');

export const TaxRateBp = z.int().min(0).max(MAX_TAX_RATE_BP).describe('Tax rate in basis points: 1900 = 19 %.');
export const DiscountBp = z.int().min(0).max(BASIS_POINTS).describe('Discount in basis points: 1000 = 10 %.');

/** ISO-8601 instant with an explicit offset, e.g. 2024-01-01T10:00:00.000Z. */
export const IsoTime = z.iso.datetime({ offset: true }).describe('An ISO-8601 instant with an explicit offset.');

/**
 * A time a till made and the hub stores (created_at, edited_at): an IsoTime whose year, as written, is
 * within MIN_RECORD_YEAR..MAX_RECORD_YEAR (see limits.ts for why).
 */
export const RecordTime = IsoTime.refine((s) => {
  const year = Number(s.slice(0, 4));
  return year >= MIN_RECORD_YEAR && year <= MAX_RECORD_YEAR;
}, `the year must be between ${MIN_RECORD_YEAR} and ${MAX_RECORD_YEAR}: the till's clock is wrong`).describe(
  `An ISO-8601 instant with an explicit offset, in the years ${MIN_RECORD_YEAR}-${MAX_RECORD_YEAR}.`,
);

/** A calendar day, YYYY-MM-DD, that exists (no 2024-02-30). */
export const Day = z.iso.date('a day is YYYY-MM-DD and exists in the calendar').describe('A calendar day, YYYY-MM-DD.');

/** ISO-4217 currency code. */
export const Currency = z.string().regex(/^[A-Z]{3}$/).describe('ISO-4217 currency code, e.g. EUR.');

/** No NUL: PostgreSQL's text and jsonb cannot hold U+0000 (SQLSTATE 22021 / 22P05). */
// eslint-disable-next-line no-control-regex -- the point is to match the control character NUL
const NO_NUL = /^[^\u0000]*$/;
/** Every UTF-16 surrogate in a pair: a lone one is not Unicode, has no UTF-8 form, and jsonb refuses it. */
const NO_LONE_SURROGATE = /^(?:[^\ud800-\udfff]|[\ud800-\udbff][\udc00-\udfff])*$/;

/** Any string the hub stores: text PostgreSQL can hold. Every text field of the contract starts here. */
export const StorableString = z
  .string()
  .regex(NO_NUL, 'must not contain a NUL character (\\u0000)')
  .regex(NO_LONE_SURROGATE, 'must not contain a lone UTF-16 surrogate (it is not valid Unicode)');

export const Name = StorableString.trim().min(1).max(MAX_NAME_LENGTH);
export const Code = StorableString.trim().min(1).max(MAX_CODE_LENGTH);
export const Text = StorableString.max(MAX_TEXT_LENGTH);

/**
 * The pull cursor. Issued by the hub from its commit order, opaque to the till: the till stores it
 * and sends it back, and never makes one from its own clock. The query parameter keeps the spec's
 * name `last_synced_at`; its value is whatever the hub returned as `timestamp`.
 */
export const Cursor = z
  .string()
  .min(1)
  .max(MAX_CURSOR_LENGTH)
  .regex(/^[A-Za-z0-9:._-]+$/)
  .describe('The pull cursor: issued by the hub from its commit order, opaque to the till, sent back as is.');
