// The back office's list pages (issue 19): customers (search, sort, keyset pages, merge), a store's
// stock and adjustments journal, a store's terminals with their active device. Not spoken by the till,
// and not part of `strictContract` (whose hash guards the till protocol): the hub validates and
// documents these with `strictAdminLists`, the back office parses answers with `lenientAdminLists`.
//
// Paging: every list answers `{ items, next_cursor }`; pass next_cursor as `cursor` (with the same
// filters and sort) for the next page, null on the last. A cursor names the last row of the page; the
// next page starts after that row's position as it is when asked (rows are never deleted, only
// tombstoned, so the row is always there).
import { z } from 'zod';
import { objectBuilder, oncePerBuilder } from './strictness.ts';
import { deviceSchemas } from './devices.ts';
import { Code, IsoTime, Name, StorableString, Text, Uuid } from './primitives.ts';
import { MAX_NAME_LENGTH, MAX_STOCK } from './limits.ts';

/** Rows one list page returns at most, and by default. */
export const MAX_ADMIN_PAGE_LIMIT = 200;
export const DEFAULT_ADMIN_PAGE_LIMIT = 50;

/** A list cursor: a kind prefix and the last row's id, e.g. `cu1.<uuid>`. */
const ListCursor = z
  .string()
  .regex(/^[a-z]{1,4}[0-9]\.[0-9a-fA-F-]{36}$/, 'expected the next_cursor of a previous page')
  .describe('The next_cursor of the previous page (same filters and sort); absent for the first page.');
const Limit = z.coerce.number().int().min(1).max(MAX_ADMIN_PAGE_LIMIT).describe(`Rows per page at most; default ${DEFAULT_ADMIN_PAGE_LIMIT}.`);
const Search = StorableString.trim().max(MAX_NAME_LENGTH).describe('Search text; empty or absent: everything.');
const StockFigure = z.int().min(-MAX_STOCK).max(MAX_STOCK);

export const CUSTOMER_SORTS = ['name', '-name', 'updated', '-updated'] as const;
export const STOCK_SORTS = ['name', '-name', 'quantity', '-quantity'] as const;

export const adminListSchemas = oncePerBuilder((object) => {
  const adminCustomer = object(
    {
      uuid: Uuid,
      name: Name,
      email: Text.nullable(),
      phone: Text.nullable(),
      store_id: Uuid.nullable().describe("The customer's store; null: the chain's (seen by tills only when the chain shares customers)."),
      merged_into: Uuid.nullable().describe('Set when this customer was merged into another (it is then a tombstone): its sales are reported under that one.'),
      updated_at: IsoTime,
      deleted_at: IsoTime.nullable(),
    },
    { id: 'AdminCustomer', description: 'A customer as the back office sees it.' },
  );
  const customerQuery = object({
    q: Search.optional().describe(
      'Matches any word of the name by its start, any part of the e-mail, or the digits anywhere in the phone number; case and accents are ignored. Several words must all match.',
    ),
    store_id: Uuid.optional().describe("Only the customers this store's tills see: its own, or every customer when the chain shares them."),
    sort: z.enum(CUSTOMER_SORTS).optional().describe('name (default) or updated; a leading - reverses.'),
    include_deleted: z.enum(['true', 'false']).optional().describe('true: tombstones (deleted or merged customers) too.'),
    cursor: ListCursor.optional(),
    limit: Limit.optional(),
  });
  const customerPage = object(
    { items: z.array(adminCustomer), next_cursor: ListCursor.nullable().describe('null on the last page.') },
    { id: 'AdminCustomerPage', description: 'One page of customers.' },
  );
  const customerParams = object({ uuid: Uuid.describe('The customer.') });
  const customerDetail = object(
    {
      customer: adminCustomer,
      merged_from: z.array(Uuid).describe('The customers merged into this one.'),
      sales_count: z.int().min(0).describe('Its sales, those of the customers merged into it included.'),
      last_sale_at: IsoTime.nullable(),
    },
    { id: 'CustomerDetail', description: 'A customer with the sales reported under it.' },
  );
  const customerMerge = object(
    { duplicate_uuid: Uuid.describe('The duplicate: it becomes a tombstone merged into the customer of the path.') },
    { id: 'CustomerMerge', description: 'Merge a duplicate into this customer.' },
  );
  const customerMerged = object(
    { survivor: adminCustomer.describe('The customer that stays, with e-mail or phone taken from the duplicate where it had none.'), duplicate: adminCustomer },
    { id: 'CustomerMerged', description: 'The outcome of a merge.' },
  );

  const stockQuery = object({
    q: Search.optional().describe('Matches the product name (any part), SKU or barcode (from the start); case is ignored.'),
    low_stock_below: z.coerce.number().pipe(StockFigure).optional().describe('Only products with fewer units on hand than this.'),
    sort: z.enum(STOCK_SORTS).optional().describe('name (default) or quantity (lowest first); a leading - reverses.'),
    cursor: ListCursor.optional(),
    limit: Limit.optional(),
  });
  const stockItem = object(
    {
      product_uuid: Uuid,
      name: Name,
      sku: Code,
      barcode: Code.nullable(),
      active: z.boolean(),
      quantity: z.int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER).describe('Units on hand (negative: more sold than recorded).'),
      updated_at: IsoTime,
    },
    { id: 'StockItem', description: "One product's stock in a store." },
  );
  const stockPage = object(
    { store_id: Uuid, items: z.array(stockItem), next_cursor: ListCursor.nullable().describe('null on the last page.') },
    { id: 'StockPage', description: "One page of a store's stock; every stock move committed before the call is included." },
  );

  const adjustmentQuery = object({
    product_uuid: Uuid.optional().describe('Only adjustments of this product.'),
    cursor: ListCursor.optional(),
    limit: Limit.optional(),
  });
  const adjustmentEntry = object(
    {
      uuid: Uuid,
      product_uuid: Uuid,
      product_name: Name,
      sku: Code,
      delta: z.int().describe('Units added (negative: taken out).'),
      reason: Text,
      created_at: IsoTime.describe('When it was made on the till.'),
      staff_id: Uuid.nullable(),
      staff_name: Name.nullable().describe('Who made it; null from a protocol 1 till.'),
      approved_by: Uuid.nullable(),
      approved_by_name: Name.nullable().describe('The manager who approved it, if any.'),
      terminal_id: Uuid.nullable(),
      terminal_name: Name.nullable(),
    },
    { id: 'AdjustmentEntry', description: 'A stock adjustment as the journal shows it: what, how many, why, who, when, where.' },
  );
  const adjustmentPage = object(
    { items: z.array(adjustmentEntry), next_cursor: ListCursor.nullable().describe('null on the last page.') },
    { id: 'AdjustmentPage', description: "One page of a store's adjustments journal, newest first." },
  );

  const { device } = deviceSchemas(object);
  const terminal = object(
    {
      id: Uuid,
      store_id: Uuid,
      name: Name,
      receipt_prefix: Code,
      created_at: IsoTime,
      legacy_token_active: z.boolean().describe("Whether the terminal's legacy token (scripts) still works: no device was paired to it yet."),
      active_device: device.nullable().describe('The device paired to it now, if any.'),
    },
    { id: 'Terminal', description: 'A terminal of a store with the device paired to it.' },
  );
  const terminalList = object({ terminals: z.array(terminal).describe('By name.') }, { id: 'TerminalList', description: "A store's terminals." });

  return {
    adminCustomer,
    customerQuery,
    customerPage,
    customerParams,
    customerDetail,
    customerMerge,
    customerMerged,
    stockQuery,
    stockItem,
    stockPage,
    adjustmentQuery,
    adjustmentEntry,
    adjustmentPage,
    terminal,
    terminalList,
  };
});

export const strictAdminLists = adminListSchemas(objectBuilder('strict'));
export const lenientAdminLists = adminListSchemas(objectBuilder('lenient'));

type Schemas = ReturnType<typeof adminListSchemas>;
export type AdminCustomer = z.infer<Schemas['adminCustomer']>;
export type CustomerQuery = z.infer<Schemas['customerQuery']>;
export type CustomerPage = z.infer<Schemas['customerPage']>;
export type CustomerDetail = z.infer<Schemas['customerDetail']>;
export type CustomerMerged = z.infer<Schemas['customerMerged']>;
export type StockQuery = z.infer<Schemas['stockQuery']>;
export type StockItem = z.infer<Schemas['stockItem']>;
export type StockPage = z.infer<Schemas['stockPage']>;
export type AdjustmentQuery = z.infer<Schemas['adjustmentQuery']>;
export type AdjustmentEntry = z.infer<Schemas['adjustmentEntry']>;
export type AdjustmentPage = z.infer<Schemas['adjustmentPage']>;
export type AdminTerminal = z.infer<Schemas['terminal']>;
export type TerminalList = z.infer<Schemas['terminalList']>;
