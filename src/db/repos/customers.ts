// Customers the hub sent, found to attach to a sale: any word of the name (by its start), any part
// of the e-mail address, phone digits anywhere, ignoring case and accents in every alphabet. Two
// FTS5 indexes kept by triggers (migration 006) fold the stored text and the query the same way.
// Every typed word must match one of:
//   the start of a word of the name or e-mail (customers_words): "mül", "anna", "j";
//   3+ characters anywhere in the e-mail, or digits anywhere in the phone (customers_text, trigrams).
// Text that looks like a phone number ("+49 30 1234-567", "030 1234") is also matched as its digits
// anywhere in the phone, and without a leading 0, so a national number finds an international one.
import type { SqlExecutor, SqlValue } from '../../sync/sql-connection.ts';
import type { CustomerView } from '../../api/till-api.ts';
import { MAX_CUSTOMER_RESULTS } from './data-limits.ts';
import { clampLimit, cleanSearchText } from './text-match.ts';

/** Trigram indexes need substrings of at least this many characters. */
export const MIN_SUBSTRING_LENGTH = 3;
/** What a phone number may be typed with besides digits. */
const PHONE_LIKE = /^[\d\s+()\-./]+$/;
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

interface CustomerRow {
  uuid: string;
  name: string;
  email: string | null;
  phone: string | null;
}

/** An FTS5 string literal: no input can inject query syntax. */
function quoted(token: string): string {
  return `"${token.replace(/"/g, '""')}"`;
}

export async function searchCustomers(db: SqlExecutor, rawText: string, rawLimit: number): Promise<CustomerView[]> {
  const text = cleanSearchText(rawText);
  const tokens = text.split(' ').filter((t) => WORD_CHARACTER.test(t));
  if (tokens.length === 0) return [];

  const params: SqlValue[] = [];
  const perToken = tokens.map((token) => {
    const ways = [`c.id IN (SELECT rowid FROM customers_words WHERE customers_words MATCH ?)`];
    params.push(`${quoted(token)}*`);
    if ([...token].length >= MIN_SUBSTRING_LENGTH) {
      ways.push(`c.id IN (SELECT rowid FROM customers_text WHERE customers_text MATCH ?)`);
      params.push(`${/^\d+$/.test(token) ? '{email phone_digits}' : 'email'} : ${quoted(token)}`);
    }
    return `(${ways.join(' OR ')})`;
  });
  const alternatives = [perToken.join(' AND ')];
  for (const digits of phoneDigits(text)) {
    alternatives.push(`c.id IN (SELECT rowid FROM customers_text WHERE customers_text MATCH ?)`);
    params.push(`phone_digits : ${quoted(digits)}`);
  }
  params.push(clampLimit(rawLimit, MAX_CUSTOMER_RESULTS));
  const rows = await db.all<CustomerRow>(
    `SELECT c.uuid, c.name, c.email, c.phone FROM customers c
     WHERE c.deleted_at IS NULL AND (${alternatives.join(' OR ')})
     ORDER BY c.name COLLATE NOCASE, c.id LIMIT ?`,
    params,
  );
  return rows.map((r) => ({ uuid: r.uuid, name: r.name, email: r.email, phone: r.phone }));
}

/** The digit strings to look for in phones when the text looks like a phone number (with punctuation or a leading 0). */
function phoneDigits(text: string): string[] {
  if (!PHONE_LIKE.test(text)) return [];
  const digits = text.replace(/\D/g, '');
  const national = digits.replace(/^0+/, '');
  return [...new Set([digits, national])].filter((d) => d.length >= MIN_SUBSTRING_LENGTH && d !== text);
}

/** A customer that may be attached to a new sale; undefined when unknown or deleted. */
export function liveCustomer(db: SqlExecutor, uuid: string): Promise<{ name: string } | undefined> {
  return db.get<{ name: string }>(`SELECT name FROM customers WHERE uuid = ? AND deleted_at IS NULL`, [uuid]);
}
