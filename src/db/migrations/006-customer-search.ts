// Schema v6: customer search that ignores case and accents for every alphabet (Unicode case
// folding, not SQLite's ASCII-only LIKE/NOCASE) and finds phone digits anywhere. Two FTS5 indexes
// kept by triggers, so whatever writes customers (the pull's upsert, tests) keeps them right:
//   customers_words  unicode61 words of the name and e-mail ("müller" starts a word of "Anna
//                    Müller"), prefixes of 1-2 characters indexed: what staff type first.
//   customers_text   trigram (substrings of 3+ characters) of the e-mail and of the phone's digits:
//                    "example" in an address, "4567" in "+49 (30) 1234-567".
// Both fold case with Unicode's tables (Ö/ö, Σ/σ) and remove the diacritics of Latin letters ("Ö"
// matches "o", "é" matches "e"); SQLite's table of diacritics covers Latin script only.
// The phone's digits are picked out in SQL (a trigger may not use a recursive CTE): text_positions
// holds 1..MAX_TEXT_LENGTH, the longest phone the contract allows.
import { MAX_TEXT_LENGTH } from '@ezo/contract/limits';
import type { Migration } from '../migration.ts';

/** The digits of `phone` in order ('' for NULL). */
const digitsOf = (phone: string) =>
  `coalesce((SELECT group_concat(substr(${phone}, n, 1), '' ORDER BY n) FROM text_positions
    WHERE n <= length(${phone}) AND substr(${phone}, n, 1) BETWEEN '0' AND '9'), '')`;

const indexNew = `
  INSERT INTO customers_words (rowid, name, email) VALUES (new.id, new.name, new.email);
  INSERT INTO customers_text (rowid, email, phone_digits) VALUES (new.id, coalesce(new.email, ''), ${digitsOf('new.phone')});`;

const unindexOld = `
  INSERT INTO customers_words (customers_words, rowid, name, email) VALUES ('delete', old.id, old.name, old.email);
  DELETE FROM customers_text WHERE rowid = old.id;`;

export const migration006: Migration = {
  version: 6,
  name: 'customer search folding case and accents',
  sql: `
CREATE TABLE text_positions (n INTEGER PRIMARY KEY);
WITH RECURSIVE s(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM s WHERE n < ${MAX_TEXT_LENGTH})
INSERT INTO text_positions (n) SELECT n FROM s;

CREATE VIRTUAL TABLE customers_words USING fts5 (
  name, email,
  content = 'customers', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '1 2'
);
INSERT INTO customers_words (customers_words) VALUES ('rebuild');

CREATE VIRTUAL TABLE customers_text USING fts5 (
  email, phone_digits,
  content = '', contentless_delete = 1,
  tokenize = 'trigram remove_diacritics 1'
);
INSERT INTO customers_text (rowid, email, phone_digits)
  SELECT id, coalesce(email, ''), ${digitsOf('phone')} FROM customers;

CREATE TRIGGER customers_search_insert AFTER INSERT ON customers BEGIN${indexNew}
END;
CREATE TRIGGER customers_search_delete AFTER DELETE ON customers BEGIN${unindexOld}
END;
CREATE TRIGGER customers_search_update AFTER UPDATE OF name, email, phone ON customers BEGIN${unindexOld}${indexNew}
END;
`,
};
