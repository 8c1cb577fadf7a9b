// Money text for people: integer minor units <-> the store's currency as Intl formats it. The amount
// never passes through a float: it is written as an exact decimal string and handed to
// Intl.NumberFormat, which formats decimal strings exactly (ECMA-402 "NumberFormat v3").
import { MAX_MONEY_MINOR } from '@ezo/contract/limits';

export interface MoneyFormat {
  currency: string;
  locale: string;
  /** The currency's minor-unit digits as Intl knows them: JPY 0, EUR 2, BHD and KWD 3. */
  fractionDigits: number;
  /** Minor units -> "€12.34", "¥1,235", "BHD 1.234". */
  format: (minor: number) => string;
  /** The locale's decimal separator for this currency: "," in de-DE, "." in en-US. */
  decimalSeparator: string;
  /** Minor units -> "12,34" in de-DE, "12.34" in en-US (no symbol, no grouping): what an amount field starts with. */
  plain: (minor: number) => string;
}

const cache = new Map<string, MoneyFormat>();

/** The formatter for one currency and locale; an unknown locale falls back to the runtime's default. */
export function moneyFormat(currency: string, locale: string): MoneyFormat {
  const key = `${currency}|${locale}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  let nf: Intl.NumberFormat;
  try {
    nf = new Intl.NumberFormat(locale, { style: 'currency', currency });
  } catch {
    nf = new Intl.NumberFormat(undefined, { style: 'currency', currency });
  }
  const fractionDigits = nf.resolvedOptions().maximumFractionDigits ?? 2;
  // From the currency formatter itself, so a field's text always matches the amounts shown beside it.
  const decimalSeparator = nf.formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
  const made: MoneyFormat = {
    currency,
    locale,
    fractionDigits,
    decimalSeparator,
    format: (minor) => nf.format(decimalString(minor, fractionDigits)),
    plain: (minor) => decimalString(minor, fractionDigits).replace('.', decimalSeparator),
  };
  cache.set(key, made);
  return made;
}

/** Exact decimal text of minor units: decimalString(-5, 2) = "-0.05", decimalString(1235, 0) = "1235". */
export function decimalString(minor: number, fractionDigits: number): `${number}` {
  if (!Number.isSafeInteger(minor)) throw new RangeError(`money must be a safe integer, got ${minor}`);
  const negative = minor < 0;
  const digits = String(Math.abs(minor));
  if (fractionDigits === 0) return `${negative ? '-' : ''}${digits}` as `${number}`;
  const padded = digits.padStart(fractionDigits + 1, '0');
  const whole = padded.slice(0, padded.length - fractionDigits);
  const fraction = padded.slice(padded.length - fractionDigits);
  return `${negative ? '-' : ''}${whole}.${fraction}` as `${number}`;
}

const amountFormats = new Map<string, Intl.NumberFormat>();

/**
 * Minor units as a plain number in the locale, without currency sign or grouping: amountText(179, 2,
 * "de-DE") = "1,79", amountText(179, 2, "en") = "1.79", amountText(1235, 0, "de-DE") = "1235". The
 * same text parseMoney reads back, so a price shown in a table can be typed into a field as it stands.
 * Exact: the decimal string is built from integers and Intl formats that string, never a float.
 */
export function amountText(minor: number, fractionDigits: number, locale: string): string {
  const key = `${locale}|${fractionDigits}`;
  let nf = amountFormats.get(key);
  if (nf === undefined) {
    const options: Intl.NumberFormatOptions = { minimumFractionDigits: fractionDigits, maximumFractionDigits: fractionDigits, useGrouping: false };
    try {
      nf = new Intl.NumberFormat(locale, options);
    } catch {
      nf = new Intl.NumberFormat(undefined, options);
    }
    amountFormats.set(key, nf);
  }
  return nf.format(decimalString(minor, fractionDigits));
}

// An amount typed by staff: digits, one optional "." or "," separator, at most fractionDigits after it.
const AMOUNT_PATTERN = /^(\d{1,15})(?:[.,](\d*))?$/;

/**
 * Parses typed money ("12", "12.5", "12,50") into minor units; null when it is not a non-negative
 * amount with at most the currency's fraction digits, or exceeds MAX_MONEY_MINOR.
 *
 * Either separator is the decimal mark, in every locale: German staff type "9,36", and the "." of a
 * numeric keypad or an English habit gives "9.36", which in a two-decimal currency cannot mean
 * anything else. Grouping separators are never accepted, so "1.234" in EUR is refused (three
 * decimals) rather than guessed as 1234 or 1.23; the field's hint shows the expected form.
 */
export function parseMoney(text: string, fractionDigits: number): number | null {
  const match = AMOUNT_PATTERN.exec(text.trim());
  if (match === null) return null;
  const whole = match[1] ?? '0';
  const fraction = match[2] ?? '';
  if (fraction.length > fractionDigits) return null;
  const minor = BigInt(whole) * 10n ** BigInt(fractionDigits) + BigInt(fraction.padEnd(fractionDigits, '0') || '0');
  if (minor > BigInt(MAX_MONEY_MINOR)) return null;
  return Number(minor);
}
