// CSV exports of the journal and of each section of the period report, streamed: rows are produced
// batch by batch (the journal walks its keyset pages, EXPORT_BATCH at a time) through csv-stringify
// into the reply, so a year of sales never sits in memory. Formatting: csv-style.ts.
import { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import type { CsvFormat, JournalEntry, PeriodReport, PeriodSection } from '@ezo/contract/reports';
import type { Sql } from '../db/database.ts';
import { journalBatches, type JournalFilters } from './journal.ts';
import type { ReportStore } from './report-scope.ts';
import { csvStyle, type CsvStyle } from './csv-style.ts';
import type { CsvColumn } from './csv-headers.ts';

/** Journal rows per query while exporting. */
export const EXPORT_BATCH = 1_000;

type Cell = string | number;

/** A CSV stream of `rows` (header first) in `style`; the rows' producer runs only as fast as the reader reads. */
function csvStream(style: CsvStyle, header: readonly CsvColumn[], rows: AsyncIterable<Cell[][]> | Iterable<Cell[][]>): Readable {
  const out = stringify({ delimiter: style.delimiter, bom: style.bom, record_delimiter: 'windows' });
  async function* records(): AsyncGenerator<Cell[]> {
    yield header.map(style.header);
    for await (const batch of rows) yield* batch;
  }
  return Readable.from(records()).pipe(out);
}

const JOURNAL_COLUMNS: CsvColumn[] = ['date', 'time', 'store', 'terminal', 'receipt_number', 'kind', 'cashier', 'customer', 'total', 'discount', 'tax', 'payment_methods', 'currency', 'refund_of', 'uuid'];

function journalRow(style: CsvStyle, e: JournalEntry): Cell[] {
  return [
    style.date(e.local_time.slice(0, 10)),
    e.local_time.slice(11),
    e.store_name,
    e.terminal_name,
    e.receipt_number,
    style.header(e.kind === 'sale' ? 'kind_sale' : 'kind_refund'),
    e.staff_name ?? '',
    e.customer_name ?? '',
    style.money(e.total),
    style.money(e.discount_total),
    style.money(e.tax_total),
    e.payment_methods.map((m) => style.header(m === 'cash' ? 'method_cash' : 'method_card')).join(' + '),
    e.currency,
    e.refund_of ?? '',
    e.uuid,
  ];
}

export function journalCsv(db: Sql, stores: readonly ReportStore[], q: JournalFilters, format: CsvFormat): Readable {
  const style = csvStyle(format, stores);
  async function* rows(): AsyncGenerator<Cell[][]> {
    for await (const batch of journalBatches(db, stores, q, EXPORT_BATCH)) yield batch.map((e) => journalRow(style, e));
  }
  return csvStream(style, JOURNAL_COLUMNS, rows());
}

/** One table of the period report. */
export function periodSectionCsv(report: PeriodReport, stores: readonly ReportStore[], section: PeriodSection, format: CsvFormat): Readable {
  const style = csvStyle(format, stores);
  const m = style.money;
  const figures = (f: { sales_count: number; sales_total: number; refunds_count: number; refunds_total: number; net_sales: number }) => [f.sales_count, m(f.sales_total), f.refunds_count, m(f.refunds_total), m(f.net_sales)];
  const FIGURES: CsvColumn[] = ['sales_count', 'sales_total', 'refunds_count', 'refunds_total', 'net_sales'];
  const table = ((): { header: CsvColumn[]; rows: Cell[][] } => {
    const s = report.summary;
    switch (section) {
      case 'summary':
        return {
          header: ['figure', 'value'],
          rows: [
            [style.header('gross_sales'), m(s.gross_sales)],
            [style.header('discounts'), m(s.discounts)],
            [style.header('refunds'), m(s.refunds)],
            [style.header('net_sales'), m(s.net_sales)],
            [style.header('sales_count'), s.sales_count],
            [style.header('refunds_count'), s.refunds_count],
            [style.header('average_basket'), m(s.average_basket)],
            [style.header('items_sold'), s.items_sold],
          ],
        };
      case 'vat':
        return { header: ['tax_rate', 'net', 'tax', 'gross'], rows: report.vat.map((r) => [style.percent(r.tax_rate_bp), m(r.net), m(r.vat), m(r.gross)]) };
      case 'payments':
        return { header: ['method', 'payments', 'amount'], rows: report.payments.map((r) => [style.header(r.method === 'cash' ? 'method_cash' : 'method_card'), r.payments, m(r.amount)]) };
      case 'terminals':
        return { header: ['terminal', ...FIGURES, 'last_received_at'], rows: report.terminals.map((r) => [r.terminal_name, ...figures(r), r.last_received_at ?? '']) };
      case 'cashiers':
        return { header: ['cashier', ...FIGURES], rows: report.cashiers.map((r) => [r.staff_name ?? style.header('none'), ...figures(r)]) };
      case 'products':
        return { header: ['product', 'sku', 'quantity', 'net_sales', 'discount'], rows: report.products.map((r) => [r.name, r.sku, r.quantity, m(r.net_sales), m(r.discount)]) };
      case 'categories':
        return { header: ['category', 'quantity', 'net_sales'], rows: report.categories.map((r) => [r.name ?? style.header('none'), r.quantity, m(r.net_sales)]) };
      case 'hours':
        return { header: ['hour', 'sales_count', 'net_sales'], rows: report.hours.map((r) => [r.hour, r.sales_count, m(r.net_sales)]) };
      case 'days':
        return { header: ['day', 'sales_count', 'refunds_count', 'net_sales'], rows: report.days.map((r) => [style.date(r.day), r.sales_count, r.refunds_count, m(r.net_sales)]) };
    }
  })();
  return csvStream(style, table.header, [table.rows]);
}
