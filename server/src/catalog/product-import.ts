// CSV import of products (csv-parse), idempotent by SKU. The file is checked as a whole first: every
// row's errors are listed with their line; a file with any error changes nothing. Applying writes every
// new product and every changed one in ONE transaction, with two statements (a bulk insert and a bulk
// update from jsonb_to_recordset), so 10,000 rows take about a second, not 10,000 round trips. A row
// equal to the product with its SKU is not written at all: importing the same file twice bumps no
// version, so tills pull nothing the second time. A price change bumps price_version (as an admin
// patch does) and lands in the price history (source 'import').
//
// Columns (header names, any order; PRODUCT_CSV_COLUMNS): sku, name, price, vat_rate required;
// barcode, category (a category's name), tax_included, active optional: an absent column or an empty
// cell keeps an existing product's value and gives a new one the default (no barcode, no category,
// tax included, active). Price in major units ("2.50"), VAT rate in percent ("19", "5.5"); booleans
// true/false, yes/no, ja/nein, 1/0. Comma or semicolon separated (the header decides); a UTF-8 BOM is skipped.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { CATALOG_FRACTION_DIGITS, MAX_IMPORT_ERRORS, MAX_IMPORT_ROWS, type ImportError, type ImportReport } from '@ezo/contract/backoffice-catalog';
import { Code, Name, TaxRateBp } from '@ezo/contract/primitives';
import { parseMoney } from '../../../src/domain/format-money.ts';
import type { Sql } from '../db/database.ts';

const REQUIRED = ['sku', 'name', 'price', 'vat_rate'] as const;
const OPTIONAL = ['barcode', 'category', 'tax_included', 'active'] as const;
type Column = (typeof REQUIRED)[number] | (typeof OPTIONAL)[number];
const KNOWN: readonly string[] = [...REQUIRED, ...OPTIONAL];
const TRUE_WORDS = new Set(['true', 'yes', 'ja', '1', 'y', 'j']);
const FALSE_WORDS = new Set(['false', 'no', 'nein', '0', 'n']);
/** "19", "7", "5.5", "5,50": a percent with at most two decimals, in basis points. */
const PERCENT = /^(\d{1,3})(?:[.,](\d{1,2}))?\s*%?$/;

interface Wanted {
  line: number;
  sku: string;
  name: string;
  price: number;
  tax_rate_bp: number;
  /** undefined: keep (existing) or default (new). */
  barcode: string | null | undefined;
  category_uuid: string | null | undefined;
  tax_included: boolean | undefined;
  active: boolean | undefined;
}

interface Existing {
  uuid: string;
  sku: string;
  name: string;
  barcode: string | null;
  category_uuid: string | null;
  price: string;
  tax_rate_bp: number;
  tax_included: boolean;
  active: boolean;
}

interface Written {
  uuid: string;
  sku: string;
  name: string;
  barcode: string | null;
  category_uuid: string | null;
  price: number;
  tax_rate_bp: number;
  tax_included: boolean;
  active: boolean;
}

class Errors {
  readonly list: ImportError[] = [];
  add(line: number, column: string | null, message: string): void {
    this.list.push({ line, column, message });
  }
}

function report(errors: Errors, rows: number, counts: { created: number; updated: number; unchanged: number }, applied: boolean): ImportReport {
  const sorted = [...errors.list].sort((a, b) => a.line - b.line);
  return {
    accepted: sorted.length === 0,
    applied,
    rows,
    ...counts,
    error_count: sorted.length,
    errors: sorted.slice(0, MAX_IMPORT_ERRORS),
  };
}

const NOTHING = { created: 0, updated: 0, unchanged: 0 };

function parseBoolean(text: string): boolean | null {
  const t = text.trim().toLowerCase();
  if (TRUE_WORDS.has(t)) return true;
  if (FALSE_WORDS.has(t)) return false;
  return null;
}

export function parsePercentBp(text: string): number | null {
  const m = PERCENT.exec(text.trim());
  if (m === null) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return TaxRateBp.safeParse(bp).success ? bp : null;
}

const withLine = (record: string[], context: { lines: number }) => ({ fields: record, line: context.lines });

/** The records of the file with the line each ends on; a file csv-parse refuses is one error. */
function records(text: string, errors: Errors): { fields: string[]; line: number }[] | undefined {
  const firstLine = text.replace(/^\uFEFF/, '').split(/\r?\n/, 1)[0] ?? '';
  const delimiter = firstLine.includes(';') && !firstLine.includes(',') ? ';' : ',';
  try {
    // on_record reads the line from the parser's context: cheaper than `info: true`, which copies the whole info object per record.
    return parse(text, {
      bom: true,
      delimiter,
      skip_empty_lines: true,
      relax_column_count: false,
      on_record: withLine as unknown as (record: string[]) => string[],
    }) as unknown as { fields: string[]; line: number }[];
  } catch (err) {
    const line = typeof err === 'object' && err !== null && typeof (err as { lines?: unknown }).lines === 'number' ? (err as { lines: number }).lines : 1;
    errors.add(Math.max(1, line), null, `not a readable CSV file: ${err instanceof Error ? err.message.slice(0, 200) : String(err)}`);
    return undefined;
  }
}

/** Checks the file and what it would change; with `apply`, writes it (call inside a versioned transaction). */
export async function importProducts(db: Sql, text: string, apply: boolean): Promise<ImportReport> {
  const errors = new Errors();
  const all = records(text, errors);
  if (all === undefined) return report(errors, 0, NOTHING, false);
  const [header, ...rows] = all;
  if (header === undefined) {
    errors.add(1, null, 'the file is empty: it needs a header line and rows');
    return report(errors, 0, NOTHING, false);
  }
  const names = header.fields.map((h) => h.trim().toLowerCase());
  const index = new Map<Column, number>();
  names.forEach((name, i) => {
    if (!KNOWN.includes(name)) errors.add(header.line, name, `unknown column "${name}"; the columns are ${KNOWN.join(', ')}`);
    else if (index.has(name as Column)) errors.add(header.line, name, `column "${name}" twice`);
    else index.set(name as Column, i);
  });
  for (const c of REQUIRED) if (!index.has(c)) errors.add(header.line, c, `the column "${c}" is missing`);
  if (rows.length > MAX_IMPORT_ROWS) errors.add(header.line, null, `at most ${MAX_IMPORT_ROWS} rows per file; this one has ${rows.length}`);
  if (errors.list.length > 0) return report(errors, rows.length, NOTHING, false);

  const categories = await db.query<{ uuid: string; key: string; n: number }>(
    `SELECT min(uuid::text) AS uuid, lower(name) AS key, count(*)::int AS n FROM categories WHERE deleted_at IS NULL GROUP BY lower(name)`,
  );
  const categoryByName = new Map(categories.map((c) => [c.key, c]));
  const cell = (fields: string[], c: Column): string | undefined => {
    const i = index.get(c);
    const v = i === undefined ? undefined : fields[i]?.trim();
    return v === '' ? undefined : v;
  };

  const wanted: Wanted[] = [];
  const skuLine = new Map<string, number>();
  const barcodeLine = new Map<string, number>();
  for (const { fields, line } of rows) {
    const before = errors.list.length;
    const sku = Code.safeParse(cell(fields, 'sku') ?? '');
    if (!sku.success) errors.add(line, 'sku', 'a SKU is required (at most 64 characters)');
    const name = Name.safeParse(cell(fields, 'name') ?? '');
    if (!name.success) errors.add(line, 'name', 'a name is required');
    const price = parseMoney(cell(fields, 'price') ?? '', CATALOG_FRACTION_DIGITS);
    if (price === null) errors.add(line, 'price', `a price like 2.50 (at most ${CATALOG_FRACTION_DIGITS} decimals, no minus)`);
    const vat = parsePercentBp(cell(fields, 'vat_rate') ?? '');
    if (vat === null) errors.add(line, 'vat_rate', 'a VAT rate in percent like 19 or 5.5');
    const barcodeText = cell(fields, 'barcode');
    const barcode = barcodeText === undefined ? (index.has('barcode') ? null : undefined) : Code.safeParse(barcodeText);
    if (barcode !== null && barcode !== undefined && !barcode.success) errors.add(line, 'barcode', 'a barcode of at most 64 characters');
    const categoryText = cell(fields, 'category');
    let category_uuid: string | null | undefined = categoryText === undefined ? (index.has('category') ? null : undefined) : undefined;
    if (categoryText !== undefined) {
      const found = categoryByName.get(categoryText.toLowerCase());
      if (found === undefined) errors.add(line, 'category', `no category "${categoryText}"; create it first`);
      else if (found.n > 1) errors.add(line, 'category', `several categories are called "${categoryText}"; rename one`);
      else category_uuid = found.uuid;
    }
    const flag = (c: 'tax_included' | 'active'): boolean | undefined => {
      const v = cell(fields, c);
      if (v === undefined) return undefined;
      const b = parseBoolean(v);
      if (b === null) errors.add(line, c, 'true or false');
      return b ?? undefined;
    };
    const tax_included = flag('tax_included');
    const active = flag('active');
    if (sku.success) {
      const seen = skuLine.get(sku.data);
      if (seen !== undefined) errors.add(line, 'sku', `SKU ${sku.data} is already on line ${seen}`);
      else skuLine.set(sku.data, line);
    }
    if (barcode !== null && barcode !== undefined && barcode.success) {
      const seen = barcodeLine.get(barcode.data);
      if (seen !== undefined) errors.add(line, 'barcode', `barcode ${barcode.data} is already on line ${seen}`);
      else barcodeLine.set(barcode.data, line);
    }
    if (errors.list.length > before || !sku.success || !name.success || price === null || vat === null) continue;
    wanted.push({
      line,
      sku: sku.data,
      name: name.data,
      price,
      tax_rate_bp: vat,
      barcode: barcode === null || barcode === undefined ? barcode : barcode.success ? barcode.data : undefined,
      category_uuid,
      tax_included,
      active,
    });
  }
  if (errors.list.length > 0) return report(errors, rows.length, NOTHING, false);

  const existing = await db.query<Existing>(
    `SELECT uuid::text AS uuid, sku, name, barcode, category_uuid::text AS category_uuid, price::text AS price, tax_rate_bp, tax_included, active
       FROM products WHERE deleted_at IS NULL AND sku = ANY($1::text[])`,
    [wanted.map((w) => w.sku)],
  );
  const bySku = new Map<string, Existing[]>();
  for (const e of existing) bySku.set(e.sku, [...(bySku.get(e.sku) ?? []), e]);
  const barcodeOwners = await db.query<{ sku: string; barcode: string }>(
    `SELECT sku, barcode FROM products WHERE deleted_at IS NULL AND barcode = ANY($1::text[])`,
    [[...barcodeLine.keys()]],
  );
  const barcodeOwner = new Map<string, string[]>();
  for (const b of barcodeOwners) barcodeOwner.set(b.barcode, [...(barcodeOwner.get(b.barcode) ?? []), b.sku]);

  const creates: Written[] = [];
  const updates: Written[] = [];
  let unchanged = 0;
  for (const w of wanted) {
    const matches = bySku.get(w.sku) ?? [];
    if (matches.length > 1) {
      errors.add(w.line, 'sku', `${matches.length} products have SKU ${w.sku}; fix them in the catalog first`);
      continue;
    }
    const owners = typeof w.barcode === 'string' ? (barcodeOwner.get(w.barcode) ?? []) : [];
    const other = owners.find((s) => s !== w.sku);
    if (other !== undefined) {
      errors.add(w.line, 'barcode', `barcode ${String(w.barcode)} belongs to SKU ${other}`);
      continue;
    }
    const e = matches[0];
    const row: Written = {
      uuid: e?.uuid ?? randomUUID(),
      sku: w.sku,
      name: w.name,
      barcode: w.barcode === undefined ? (e?.barcode ?? null) : w.barcode,
      category_uuid: w.category_uuid === undefined ? (e?.category_uuid ?? null) : w.category_uuid,
      price: w.price,
      tax_rate_bp: w.tax_rate_bp,
      tax_included: w.tax_included ?? e?.tax_included ?? true,
      active: w.active ?? e?.active ?? true,
    };
    if (e === undefined) creates.push(row);
    else if (
      e.name === row.name &&
      e.barcode === row.barcode &&
      e.category_uuid === row.category_uuid &&
      Number(e.price) === row.price &&
      e.tax_rate_bp === row.tax_rate_bp &&
      e.tax_included === row.tax_included &&
      e.active === row.active
    ) {
      unchanged++;
    } else updates.push(row);
  }
  const counts = { created: creates.length, updated: updates.length, unchanged };
  if (errors.list.length > 0) return report(errors, rows.length, NOTHING, false);
  if (!apply) return report(errors, rows.length, counts, false);

  const RECORD = `x(uuid uuid, sku text, name text, barcode text, category_uuid uuid, price bigint, tax_rate_bp int, tax_included boolean, active boolean)`;
  if (creates.length > 0) {
    await db.query(
      `INSERT INTO products (uuid, sku, name, barcode, category_uuid, price, tax_rate_bp, tax_included, active)
       SELECT x.uuid, x.sku, x.name, x.barcode, x.category_uuid, x.price, x.tax_rate_bp, x.tax_included, x.active FROM jsonb_to_recordset($1::jsonb) AS ${RECORD}`,
      [JSON.stringify(creates)],
    );
  }
  if (updates.length > 0) {
    await db.query(
      `UPDATE products p SET name = x.name, barcode = x.barcode, category_uuid = x.category_uuid, price = x.price, tax_rate_bp = x.tax_rate_bp,
              tax_included = x.tax_included, active = x.active,
              price_version = CASE WHEN p.price <> x.price THEN p.price_version + 1 ELSE p.price_version END
         FROM jsonb_to_recordset($1::jsonb) AS ${RECORD} WHERE p.uuid = x.uuid`,
      [JSON.stringify(updates)],
    );
  }
  return report(errors, rows.length, counts, true);
}
