// CSV export of the live products (csv-stringify), in the import's columns and formats, so exporting and
// importing the file again changes nothing. Streamed: products are read in keyset pages of
// EXPORT_PAGE_ROWS by SKU, so memory stays flat whatever the catalog's size, and each page is written
// before the next is read (backpressure through the stream).
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { CATALOG_FRACTION_DIGITS, PRODUCT_CSV_COLUMNS } from '@ezo/contract/backoffice-catalog';
import { decimalString } from '../../../src/domain/format-money.ts';
import type { Sql } from '../db/database.ts';

const EXPORT_PAGE_ROWS = 1000;

interface ExportRow {
  uuid: string;
  sku: string;
  name: string;
  barcode: string | null;
  category: string | null;
  price: string;
  tax_rate_bp: number;
  tax_included: boolean;
  active: boolean;
}

/** 1900 -> "19", 550 -> "5.5", 725 -> "7.25". */
export function percentText(bp: number): string {
  return decimalString(bp, 2).replace(/\.?0+$/, '');
}

async function* productRows(db: Sql): AsyncGenerator<string[]> {
  let after: { sku: string; uuid: string } | undefined;
  for (;;) {
    const rows = await db.query<ExportRow>(
      `SELECT p.uuid::text AS uuid, p.sku, p.name, p.barcode, c.name AS category, p.price::text AS price, p.tax_rate_bp, p.tax_included, p.active
         FROM products p LEFT JOIN categories c ON c.uuid = p.category_uuid AND c.deleted_at IS NULL
        WHERE p.deleted_at IS NULL ${after === undefined ? '' : 'AND (p.sku, p.uuid) > ($1, $2::uuid)'}
        ORDER BY p.sku, p.uuid LIMIT ${EXPORT_PAGE_ROWS}`,
      after === undefined ? [] : [after.sku, after.uuid],
    );
    for (const r of rows) {
      yield [
        r.sku,
        r.name,
        r.barcode ?? '',
        r.category ?? '',
        decimalString(Number(r.price), CATALOG_FRACTION_DIGITS),
        percentText(r.tax_rate_bp),
        String(r.tax_included),
        String(r.active),
      ];
    }
    const last = rows[rows.length - 1];
    if (rows.length < EXPORT_PAGE_ROWS || last === undefined) return;
    after = { sku: last.sku, uuid: last.uuid };
  }
}

/** The CSV text as a stream: the header, then one line per live product by SKU. */
export function exportProducts(db: Sql): Readable {
  const csv = stringify({ header: true, columns: [...PRODUCT_CSV_COLUMNS] });
  const source = Readable.from(productRows(db));
  source.on('error', (err) => csv.destroy(err));
  return source.pipe(csv);
}
