// The back office's reports (issue 20): the sales journal, one receipt as printed, the period report and
// its CSV exports. Days are the store's own calendar days (its time zone). Amounts are integer minor
// units; report sums are safe integers, wider than one sale's Money.
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { adminSchemas } from './admin.ts';
import { PaymentMethod } from './sale.ts';
import { Code, Currency, Cursor, Day, IsoTime, Name, TaxRateBp, Uuid } from './primitives.ts';

/** Journal entries one page returns at most, and by default. */
export const MAX_JOURNAL_LIMIT = 500;
export const DEFAULT_JOURNAL_LIMIT = 50;
/** Products and categories the period report ranks, at most and by default. */
export const MAX_REPORT_TOP = 100;
export const DEFAULT_REPORT_TOP = 20;
/** The longest period one report covers (a year and a day: any calendar year). */
export const MAX_REPORT_DAYS = 366;
/** Search text for product and customer. */
export const MAX_REPORT_SEARCH_LENGTH = 100;

/** A sum of money over many sales: integer minor units, a safe integer. */
const Amount = z.int().describe('Integer minor units of the store currency; a sum over many sales.');
const Count = z.int().min(0);
/** The store's wall clock, as "YYYY-MM-DDTHH:MM:SS" without an offset. */
const LocalTime = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/).describe("The store's wall-clock time (its time zone), without an offset.");
const SearchText = z.string().trim().min(1).max(MAX_REPORT_SEARCH_LENGTH);
const Kind = z.enum(['sale', 'refund']);

/** Which export format: the store's locale (de-DE: ";" and decimal comma) or locale-neutral (",", "."). */
export const CsvFormat = z.enum(['store', 'neutral']).describe('store: the store locale (de-DE: ";" between fields, decimal comma, DD.MM.YYYY); neutral: "," and "." and ISO dates.');
export type CsvFormat = z.infer<typeof CsvFormat>;

export const PERIOD_SECTIONS = ['summary', 'vat', 'payments', 'terminals', 'cashiers', 'products', 'categories', 'hours', 'days'] as const;
export const PeriodSection = z.enum(PERIOD_SECTIONS);
export type PeriodSection = z.infer<typeof PeriodSection>;

export const reportSchemas = oncePerBuilder((object) => {
  const { adminSale } = adminSchemas(object);

  const journalFilters = {
    store_id: Uuid.optional().describe('Only this store (default: every store the caller may see).'),
    terminal_id: Uuid.optional().describe('Only this terminal.'),
    staff_id: Uuid.optional().describe('Only sales made by this cashier.'),
    payment_method: PaymentMethod.optional().describe('Only sales with a payment of this method.'),
    kind: Kind.optional().describe('Only sales or only refunds.'),
    from: Day.optional().describe("First day, in each store's time zone."),
    to: Day.optional().describe("Last day (inclusive), in each store's time zone."),
    receipt: Code.optional().describe('Receipt numbers starting with this text.'),
    product: SearchText.optional().describe('Sales with a line of a product whose name, SKU or barcode contains this text.'),
    customer: SearchText.optional().describe('Sales to a customer whose name, e-mail or phone contains this text.'),
  };
  const journalQuery = object({
    ...journalFilters,
    cursor: Cursor.optional().describe('The next_cursor of the previous page, with the same filters.'),
    limit: z.coerce.number().int().min(1).max(MAX_JOURNAL_LIMIT).optional().describe(`Entries per page; default ${DEFAULT_JOURNAL_LIMIT}.`),
  });
  const journalExportQuery = object({ ...journalFilters, format: CsvFormat.optional().describe('Default store.') });
  const journalEntry = object(
    {
      uuid: Uuid,
      kind: Kind,
      store_id: Uuid,
      store_name: Name,
      terminal_id: Uuid,
      terminal_name: Name,
      receipt_number: Code,
      created_at: IsoTime.describe("The till's clock when the sale was completed."),
      local_time: LocalTime,
      received_at: IsoTime.describe('When the hub stored it.'),
      staff_id: Uuid.nullable(),
      staff_name: Name.nullable(),
      customer_uuid: Uuid.nullable(),
      customer_name: Name.nullable(),
      refund_of: Uuid.nullable().describe('On a refund: the sale it returns.'),
      currency: Currency,
      total: Amount,
      discount_total: Amount,
      tax_total: Amount,
      payment_methods: z.array(PaymentMethod).describe('The methods of its payments, each once.'),
      lines: Count.describe('Number of lines.'),
    },
    { id: 'JournalEntry', description: 'One sale or refund in the sales journal.' },
  );
  const journalPage = object(
    {
      items: z.array(journalEntry).describe('Newest first: by created_at, then uuid, both descending.'),
      next_cursor: Cursor.nullable().describe('Pass as cursor for the next page; null on the last page.'),
    },
    { id: 'JournalPage', description: 'One page of the sales journal.' },
  );

  const receiptParams = object({ uuid: Uuid.describe('The sale or refund.') });
  const linkedSale = object(
    { uuid: Uuid, receipt_number: Code, created_at: IsoTime, local_time: LocalTime, total: Amount },
    { id: 'LinkedSale', description: 'A sale linked to a receipt: its original, or one of its refunds.' },
  );
  const printedLine = object(
    {
      uuid: Uuid,
      amount: Amount.describe('Before its discount, in the presentation (gross or net).'),
      discount: Amount,
      letter: z.string().max(2).describe('The VAT letter printed on the line.'),
    },
    { id: 'PrintedLine', description: 'A line as printed.' },
  );
  const vatRow = object(
    { tax_rate_bp: TaxRateBp, net: Amount, vat: Amount, gross: Amount },
    { id: 'VatRow', description: 'VAT of one rate: net + vat = gross.' },
  );
  const printedVatRow = object({ ...vatRow.shape, letter: z.string().max(2) }, { id: 'PrintedVatRow', description: 'VAT of one rate as printed, with its letter.' });
  const receipt = object(
    {
      sale: adminSale,
      kind: Kind,
      store: object({ id: Uuid, name: Name, currency: Currency, locale: z.string(), time_zone: z.string() }),
      terminal_name: Name,
      staff_name: Name.nullable(),
      customer_name: Name.nullable(),
      local_time: LocalTime,
      received_at: IsoTime,
      printed: object(
        {
          presentation: z.enum(['gross', 'net']),
          lines: z.array(printedLine),
          lines_sum: Amount,
          discounts: Amount,
          subtotal: Amount,
          vat: z.array(printedVatRow),
          total: Amount,
        },
        { id: 'PrintedFigures', description: 'The figures as the till prints them (src/domain/receipt-layout.ts).' },
      ),
      original: linkedSale.nullable().describe('On a refund: the sale it returns.'),
      refunds: z.array(linkedSale).describe('On a sale: its refunds, oldest first.'),
    },
    { id: 'Receipt', description: 'A sale or refund as printed, with its refunds or its original.' },
  );

  const periodFilters = {
    store_id: Uuid.optional().describe('One store; absent: every store the caller may see (they must share a currency).'),
    from: Day.describe("First day, in each store's time zone."),
    to: Day.describe('Last day (inclusive).'),
  };
  const periodQuery = object({ ...periodFilters, top: z.coerce.number().int().min(1).max(MAX_REPORT_TOP).optional().describe(`Products and categories ranked; default ${DEFAULT_REPORT_TOP}.`) });
  const periodExportQuery = object({
    ...periodFilters,
    section: PeriodSection.describe('Which table of the report.'),
    format: CsvFormat.optional().describe('Default store.'),
    top: periodQuery.shape.top,
  });
  const salesFigures = {
    sales_count: Count,
    sales_total: Amount.describe('Sales after discounts (refunds not subtracted).'),
    refunds_count: Count,
    refunds_total: Amount.describe('What went back with refunds, positive.'),
    net_sales: Amount.describe('sales_total - refunds_total.'),
  };
  const summary = object(
    {
      gross_sales: Amount.describe('Sales before discounts: their totals plus their discounts.'),
      discounts: Amount.describe('Discounts given on sales.'),
      refunds: Amount.describe('Refunds, positive.'),
      net_sales: Amount.describe('gross_sales - discounts - refunds: the turnover, VAT included; equals the sum of the VAT rows\' gross.'),
      sales_count: Count,
      refunds_count: Count,
      average_basket: Amount.describe('Sales after discounts / sales count, rounded half away from zero; 0 without sales.'),
      items_sold: z.int().describe('Units sold minus units returned.'),
    },
    { id: 'PeriodSummary', description: 'The headline figures of a period.' },
  );
  const payment = object({ method: PaymentMethod, payments: Count, amount: Amount.describe('Refund payments negative.') }, { id: 'PaymentTotal', description: 'One payment method.' });
  const terminalRow = object(
    {
      terminal_id: Uuid,
      terminal_name: Name,
      store_id: Uuid,
      ...salesFigures,
      last_received_at: IsoTime.nullable().describe("When the hub received this till's newest sale (any day): a till that has not synced shows an old time."),
      last_sale_at: IsoTime.nullable().describe('The created_at of its newest sale the hub has.'),
    },
    { id: 'TerminalFigures', description: 'One till: its figures in the period and how fresh its data is.' },
  );
  const cashierRow = object({ staff_id: Uuid.nullable().describe('null: sales of tills before staff sign-in.'), staff_name: Name.nullable(), ...salesFigures }, { id: 'CashierFigures', description: 'One cashier.' });
  const productRow = object(
    { product_uuid: Uuid, name: Name, sku: Code, category_uuid: Uuid.nullable(), quantity: z.int(), net_sales: Amount, discount: Amount },
    { id: 'ProductFigures', description: 'One product: units sold minus returned, and its turnover (line totals).' },
  );
  const categoryRow = object(
    { category_uuid: Uuid.nullable(), name: Name.nullable(), quantity: z.int(), net_sales: Amount },
    { id: 'CategoryFigures', description: "One category (the product's current category); null: products without one." },
  );
  const hourRow = object({ hour: z.int().min(0).max(23), sales_count: Count, net_sales: Amount }, { id: 'HourFigures', description: 'One hour of the day (store wall clock), summed over the period.' });
  const dayRow = object({ day: Day, sales_count: Count, refunds_count: Count, net_sales: Amount }, { id: 'DayFigures', description: 'One day of the period.' });
  const periodReport = object(
    {
      store_ids: z.array(Uuid).describe('The stores included.'),
      from: Day,
      to: Day,
      currency: Currency.nullable().describe('null when no store is included.'),
      summary,
      vat: z.array(vatRow).describe('Highest rate first.'),
      payments: z.array(payment),
      terminals: z.array(terminalRow).describe('Every till of the stores, also those without sales in the period.'),
      cashiers: z.array(cashierRow),
      products: z.array(productRow).describe('Top products by net sales.'),
      categories: z.array(categoryRow).describe('Top categories by net sales.'),
      hours: z.array(hourRow).describe('24 rows, 0 to 23.'),
      days: z.array(dayRow).describe('Every day of the period.'),
    },
    { id: 'PeriodReport', description: 'Sales of a period, from the summary tables kept at ingest.' },
  );

  const unsentShiftsQuery = object(periodFilters);
  const unsentShift = object(
    {
      store_id: Uuid,
      day: Day.describe("The store's day on which the till sold."),
      terminal_id: Uuid,
      terminal_name: Name,
      receipts: Count.describe('Its sales and refunds that day that no closed shift the hub holds covers.'),
      first_sale_at: IsoTime.describe('The created_at of the first of them.'),
      last_sale_at: IsoTime.describe('The created_at of the last of them.'),
    },
    { id: 'UnsentShift', description: 'A till that sold on a day but whose shift of those sales has not reached the hub.' },
  );
  const unsentShifts = object(
    {
      store_ids: z.array(Uuid).describe('The stores included.'),
      from: Day,
      to: Day,
      unsent: z.array(unsentShift).describe('By day, store and till name.'),
    },
    { id: 'UnsentShifts', description: "The days of a period on which a till sold but the hub holds no closed shift for those sales: the day's Z figures are not complete." },
  );

  return { journalQuery, journalExportQuery, journalEntry, journalPage, receiptParams, receipt, periodQuery, periodExportQuery, periodReport, vatRow, unsentShiftsQuery, unsentShifts };
});

type Schemas = ReturnType<typeof reportSchemas>;
export type JournalQuery = z.infer<Schemas['journalQuery']>;
export type JournalExportQuery = z.infer<Schemas['journalExportQuery']>;
export type JournalEntry = z.infer<Schemas['journalEntry']>;
export type JournalPage = z.infer<Schemas['journalPage']>;
export type Receipt = z.infer<Schemas['receipt']>;
export type PeriodQuery = z.infer<Schemas['periodQuery']>;
export type PeriodExportQuery = z.infer<Schemas['periodExportQuery']>;
export type PeriodReport = z.infer<Schemas['periodReport']>;
export type UnsentShiftsQuery = z.infer<Schemas['unsentShiftsQuery']>;
export type UnsentShifts = z.infer<Schemas['unsentShifts']>;
