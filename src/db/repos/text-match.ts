// Turning what staff type into safe SQL patterns: LIKE prefixes with the wildcards escaped, and
// FTS5 queries whose every token is a quoted string, so no input can inject FTS syntax.
import { MAX_SEARCH_TEXT_LENGTH } from './data-limits.ts';

/** The escape character used with every LIKE built here (`LIKE ? ESCAPE '\'`). */
export const LIKE_ESCAPE = '\\';

/** Normalises search input: trimmed, inner whitespace collapsed, capped in length. */
export function cleanSearchText(text: string): string {
  return text.slice(0, MAX_SEARCH_TEXT_LENGTH).trim().replace(/\s+/g, ' ');
}

/** `text%` with %, _ and the escape itself escaped. */
export function likePrefix(text: string): string {
  return `${escapeLike(text)}%`;
}

/** `%text%` with %, _ and the escape itself escaped. */
export function likeContains(text: string): string {
  return `%${escapeLike(text)}%`;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => LIKE_ESCAPE + c);
}

/** Scanner and keypad input: digits only, searched as a barcode or SKU prefix. */
export function isDigitsOnly(text: string): boolean {
  return /^[0-9]+$/.test(text);
}

const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Shorter word prefixes have no FTS5 prefix index ('2 3 ... 8', migration 004) and would merge most of the term list. */
export const MIN_FTS_TOKEN_LENGTH = 2;

export interface WordQuery {
  /** FTS5 MATCH expression, or null when no token is long enough for FTS. */
  match: string | null;
  /** One-letter tokens, checked as the start of a word of the name instead. */
  shortTokens: string[];
}

/**
 * Splits search text into an FTS5 MATCH expression: each whitespace-separated token as a quoted
 * string (inner quotes doubled) with a prefix star, all required, so no input can inject FTS
 * syntax. Tokens without a letter or digit are dropped: the tokenizer would make an empty phrase.
 * The tokenizer splits a token like "sku-x" into a phrase ("sku" "x"); when its last word is one
 * letter, that word is matched whole, not as a prefix (see ONE_LETTER_LAST_WORD).
 */
export function wordQuery(text: string): WordQuery {
  const tokens = text.split(' ').filter((t) => WORD_CHARACTER.test(t));
  const long = tokens.filter((t) => t.length >= MIN_FTS_TOKEN_LENGTH);
  return {
    match: long.length === 0 ? null : long.map(ftsToken).join(' '),
    shortTokens: tokens.filter((t) => t.length < MIN_FTS_TOKEN_LENGTH),
  };
}

/**
 * A token whose last word (after a separator the tokenizer splits on) is one letter or digit. As
 * a prefix, that letter has no prefix index, and FTS5 must check the phrase's word positions in
 * every product holding all its words: "sku-x" checks the ~4k products whose name has a word in
 * "x" (every product has "sku" in its SKU) to find none, ~2 ms at 100k. SKU prefixes are found by
 * the SKU tier before FTS.
 */
const ONE_LETTER_LAST_WORD = /[^\p{L}\p{N}][\p{L}\p{N}]$/u;

function ftsToken(token: string): string {
  const quoted = `"${token.replace(/"/g, '""')}"`;
  return ONE_LETTER_LAST_WORD.test(token) ? quoted : `${quoted}*`;
}

/**
 * The smallest string greater than every string that starts with `prefix` in binary order, for
 * index range scans: the last character incremented. Only used on ASCII digits here.
 */
export function prefixUpperBound(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

/** A caller's limit clamped to 1..max (non-integers and NaN become max). */
export function clampLimit(limit: number, max: number): number {
  if (!Number.isFinite(limit)) return max;
  return Math.min(max, Math.max(1, Math.floor(limit)));
}
