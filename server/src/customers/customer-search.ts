// The WHERE conditions of a customer search (see migrations/009-backoffice-lists.ts for the folded
// columns). Each word of the query must match, in any of: a word of the name by its start, any part of
// the e-mail, the digits anywhere in the phone. A query that looks like a phone number ("+49 170 12")
// is one term: its digits. Folding (case, accents) is done by the same SQL function as the columns.

/** Characters a phone number is written with; a query made only of them is searched as digits. */
const PHONE_LIKE = /^[+0-9\s()./-]+$/;
/** Words of a query used at most: a longer query is refused by the schema's length long before. */
const MAX_TERMS = 8;

/** LIKE's own characters, escaped (the default escape is the backslash). */
const escapeLike = (s: string): string => s.replace(/[\\%_]/g, (c) => `\\${c}`);

/** Conditions over the customers alias `c`, pushing parameters with `param` (which returns "$n"). */
export function customerSearch(q: string, param: (value: string) => string): string[] {
  const text = q.trim();
  if (text === '') return [];
  if (PHONE_LIKE.test(text)) {
    const digits = text.replace(/[^0-9]/g, '');
    if (digits !== '') return [`c.phone_digits LIKE ${param(`%${digits}%`)}`];
  }
  return text
    .split(/\s+/)
    .slice(0, MAX_TERMS)
    .map((word) => {
      const escaped = escapeLike(word);
      const prefix = param(`${escaped}%`);
      const anywhere = param(`%${escaped}%`);
      const digits = word.replace(/[^0-9]/g, '');
      const phone = digits.length > 0 && PHONE_LIKE.test(word) ? ` OR c.phone_digits LIKE ${param(`%${digits}%`)}` : '';
      // A name's words start after a space or hyphen: "anna-lena" is found by "lena".
      return `(translate(c.search_name, '-', ' ') LIKE ezo_fold(${prefix}) OR translate(c.search_name, '-', ' ') LIKE '% ' || ezo_fold(${prefix})
               OR c.search_email LIKE ezo_fold(${anywhere})${phone})`;
    });
}
