// The back office's messages (admin token only): catalog edits, stores and terminals, sales and
// stock reports, closed shifts, the import of a till's export. Staff, roles and devices: staff.ts, devices.ts. Not spoken by the till; here so the hub validates them and OpenAPI documents them.
import { z } from 'zod';
import { oncePerBuilder } from './strictness.ts';
import { catalogSchemas } from './catalog.ts';
import { saleSchemas } from './sale.ts';
import { upstreamSchemas } from './upstream.ts';
import { shiftSchemas } from './shift.ts';
import { upstreamSchemas as upstreamV1Schemas } from './v1/upstream.ts';
import { DiscountLimitPercent, IdleLockSeconds } from './terminal.ts';
import { Locale, TimeZone, storeSettingsSchemas } from './store-settings.ts';
import { Code, Currency, Cursor, Day, IsoTime, Money, Name, NonNegativeMoney, TaxRateBp, Text, Uuid } from './primitives.ts';

/** Sales one report page returns at most. */
export const MAX_ADMIN_SALES_LIMIT = 5_000;
export const DEFAULT_ADMIN_SALES_LIMIT = 500;
/** Closed shifts per page of GET /api/v1/admin/shifts: at most, and when the caller does not say. */
export const MAX_ADMIN_SHIFTS_LIMIT = 1_000;
export const DEFAULT_ADMIN_SHIFTS_LIMIT = 100;

const NewUuid = Uuid.optional().describe('The new row uuid; the hub makes one when absent.');

export const adminSchemas = oncePerBuilder((object) => {
  const { category, product, customer, stockLevel } = catalogSchemas(object);
  const { sale } = saleSchemas(object);
  const { storeSettings, storeSettingsPut, printedStore } = storeSettingsSchemas(object);

  const categoryFields = { name: Name, sort_order: z.int().min(0).max(1_000_000) };
  const categoryCreate = object(
    { uuid: NewUuid, ...categoryFields, sort_order: categoryFields.sort_order.optional() },
    { id: 'CategoryCreate', description: 'A new category.' },
  );
  const categoryPatch = object(
    { name: Name.optional(), sort_order: categoryFields.sort_order.optional() },
    { id: 'CategoryPatch', description: 'The fields of a category to change; absent fields stay.' },
  );

  const productCreate = object(
    {
      uuid: NewUuid,
      sku: Code,
      barcode: Code.nullable().optional(),
      name: Name,
      category_uuid: Uuid.nullable().optional(),
      price: NonNegativeMoney.describe('Unit price in minor units; includes tax when tax_included is true.'),
      tax_rate_bp: TaxRateBp,
      tax_included: z.boolean(),
      active: z.boolean().optional(),
      open_price: z.boolean().optional().describe('Protocol 3: the till asks for the price when it is sold (a "Misc 19 %" item); default false.'),
    },
    { id: 'ProductCreate', description: 'A new product.' },
  );
  const productPatch = object(
    {
      sku: Code.optional(),
      barcode: Code.nullable().optional(),
      name: Name.optional(),
      category_uuid: Uuid.nullable().optional(),
      price: NonNegativeMoney.optional().describe('A new price bumps price_version.'),
      tax_rate_bp: TaxRateBp.optional(),
      tax_included: z.boolean().optional(),
      active: z.boolean().optional(),
      open_price: z.boolean().optional(),
    },
    { id: 'ProductPatch', description: 'The fields of a product to change; absent fields stay.' },
  );

  const customerCreate = object(
    {
      uuid: NewUuid,
      name: Name,
      email: Text.nullable().optional(),
      phone: Text.nullable().optional(),
      store_id: Uuid.nullable().optional().describe("The store the customer belongs to: only its tills pull and may attach it, unless the chain shares customers. Null or absent: the chain's customer, seen by tills only when customers are shared."),
    },
    { id: 'CustomerCreate', description: 'A new customer.' },
  );
  const customerPatch = object(
    { name: Name.optional(), email: Text.nullable().optional(), phone: Text.nullable().optional(), store_id: Uuid.nullable().optional().describe('Moves the customer to this store (null: the chain).') },
    { id: 'CustomerPatch', description: 'The fields of a customer to change; absent fields stay.' },
  );

  const storeCreate = object(
    {
      name: Name,
      currency: Currency,
      locale: Locale,
      time_zone: TimeZone.optional(),
      idle_lock_seconds: IdleLockSeconds.optional(),
      discount_limit_percent: DiscountLimitPercent.optional(),
    },
    { id: 'StoreCreate', description: 'A new store; absent settings take their defaults.' },
  );
  const storePatch = object(
    { name: Name.optional(), locale: Locale.optional(), idle_lock_seconds: IdleLockSeconds.optional(), discount_limit_percent: DiscountLimitPercent.optional() },
    { id: 'StorePatch', description: "The fields of a store to change; absent fields stay. Its tills pull the change (downstream store_settings)." },
  );
  const settingsShape = storeSettings.omit({ store_id: true }).shape;
  const store = object(
    { id: Uuid, ...settingsShape },
    { id: 'Store', description: "A store and all its settings (protocol 3: receipt header and footer, time zone, storage alarm): its terminals sell in its currency." },
  );
  const storeParams = object({ store_id: Uuid.describe('The store.') });
  const terminalCreate = object(
    { store_id: Uuid, name: Name, receipt_prefix: Code.describe('Prefix of the new terminal receipt numbers; unique per store.') },
    { id: 'TerminalCreate', description: 'A new terminal of a store.' },
  );
  const terminalCreated = object(
    {
      terminal_id: Uuid,
      store_id: Uuid,
      name: Name,
      receipt_prefix: Code,
      token: z
        .string()
        .min(32)
        .max(200)
        .describe('The legacy terminal bearer token (scripts and tests), shown only here: the hub keeps only its hash. Tills pair with a code instead; pairing a device retires this token.'),
    },
    { id: 'TerminalCreated', description: 'A new terminal and its token.' },
  );

  const salesQuery = object({
    store_id: Uuid.optional().describe('Only sales of this store.'),
    terminal_id: Uuid.optional().describe('Only sales of this terminal.'),
    day: Day.optional().describe('Only sales of this UTC calendar day, YYYY-MM-DD.'),
    below_catalog: z.literal('true').optional().describe('Only sales with a line sold below its catalog price (as the hub had it when the sale came in).'),
    cursor: Cursor.optional().describe('The next_cursor of the previous page, with the same filters; absent for the first page.'),
    limit: z.coerce.number().int().min(1).max(MAX_ADMIN_SALES_LIMIT).optional().describe(`Sales per page at most; default ${DEFAULT_ADMIN_SALES_LIMIT}.`),
  });
  const adminSale = object(
    {
      ...sale.shape,
      staff_id: Uuid.nullable().describe('Who made the sale; null for a sale a protocol 1 till sent.'),
      approved_by: Uuid.nullable().describe('The manager who approved it, if any.'),
      device_id: Uuid.nullable().describe('The device that sent it; null for a legacy terminal token or an admin import without a device.'),
    },
    { id: 'AdminSale', description: 'A sale as the till sent it, with who made it and on which device.' },
  );

  const priceDeviation = object(
    {
      sale_uuid: Uuid,
      line_uuid: Uuid,
      terminal_id: Uuid.describe('The terminal that made the sale.'),
      product_uuid: Uuid,
      unit_price: NonNegativeMoney.describe('The unit price charged.'),
      catalog_price: NonNegativeMoney.describe("The product's catalog price when the sale reached the hub."),
      price_deviation: Money.describe('unit_price - catalog_price: negative when sold below the catalog price.'),
      tax_rate_bp: TaxRateBp.describe('The tax rate charged.'),
      catalog_tax_rate_bp: TaxRateBp.describe("The product's catalog tax rate when the sale reached the hub."),
      tax_included: z.boolean(),
      catalog_tax_included: z.boolean(),
    },
    { id: 'PriceDeviation', description: 'A sale line whose price, tax rate or tax inclusion differs from the catalog at ingest (offline price drift, or a price given at the till).' },
  );
  const salesReport = object(
    {
      sales: z.array(adminSale).describe('Oldest first: by created_at, then uuid.'),
      price_deviations: z.array(priceDeviation).describe('The lines of these sales that differ from the catalog at ingest.'),
      next_cursor: Cursor.nullable().describe('Pass as cursor for the next page; null on the last page.'),
    },
    { id: 'SalesReport', description: 'One page of sales as the tills sent them (with who made them and on which device), with their deviations from the catalog.' },
  );

  const { shift } = shiftSchemas(object);
  const shiftsQuery = object({
    store_id: Uuid.describe('The store.'),
    day: Day.optional().describe("Only shifts closed on this calendar day, YYYY-MM-DD, in the store's time zone."),
    terminal_id: Uuid.optional().describe('Only shifts of this terminal.'),
    cursor: Cursor.optional().describe('The next_cursor of the previous page, with the same filters; absent for the first page.'),
    limit: z.coerce.number().int().min(1).max(MAX_ADMIN_SHIFTS_LIMIT).optional().describe(`Shifts per page at most; default ${DEFAULT_ADMIN_SHIFTS_LIMIT}.`),
  });
  const adminShift = object(
    {
      ...shift.shape,
      store_id: Uuid,
      device_id: Uuid.nullable().describe('The device that sent it; null for a legacy terminal token or an admin import without a device.'),
      received_at: IsoTime.describe('When the hub stored it.'),
      terminal_name: Name.describe("The terminal's name when the hub stored the shift, as its Z report printed it."),
      opened_by_name: Name.nullable().describe('The display name of opened_by; null when nobody was recorded.'),
      closed_by_name: Name.nullable().describe('The display name of closed_by.'),
      close_approved_by_name: Name.nullable().describe('The display name of close_approved_by.'),
      printed_store: printedStore.describe("The store's header as it stood when the hub stored the shift, as its Z report printed it."),
    },
    { id: 'AdminShift', description: 'A closed shift with its Z report as the till sent it, with where it came from and when it arrived.' },
  );
  const shiftsReport = object(
    {
      store_id: Uuid,
      time_zone: z.string().min(1).max(100).describe("The store's IANA time zone, in which `day` is counted."),
      shifts: z.array(adminShift).describe('By closing time, then uuid.'),
      next_cursor: Cursor.nullable().describe('Pass as cursor for the next page; null on the last page.'),
    },
    { id: 'ShiftsReport', description: 'One page of the closed shifts of a store, as the tills sent them.' },
  );

  // The till's "export unsynced" file is one upstream batch in the protocol the till speaks; the hub
  // takes protocol 2 and protocol 1 files (a v1 item has no staff fields, a v2 item must have them).
  const { batch } = upstreamSchemas(object);
  const { batch: batchV1 } = upstreamV1Schemas(object);
  const importBatch = object.doc(z.union([batch, batchV1]), {
    id: 'ImportBatch',
    description: "A till's export of unsynced items (an upstream batch of protocol 3 or 2, or 1): applied once per uuid, so a re-import answers duplicate.",
  });
  const importParams = object({ terminal_id: Uuid.describe('The terminal the export comes from.') });
  const importQuery = object({ device_id: Uuid.optional().describe("The terminal's device the file came from, recorded on its sales.") });
  const stockQuery = object({ store_id: Uuid.describe('The store.') });
  const stockReport = object(
    { store_id: Uuid, stock: z.array(stockLevel).describe('One row per product with a stock figure, by product uuid.') },
    { id: 'StockReport', description: 'The stock figures of one store.' },
  );

  const chainSettings = object(
    { share_customers: z.boolean().describe("Every store's tills see and may attach every customer; false: each store only its own.") },
    { id: 'ChainSettings', description: 'Settings of the whole chain.' },
  );
  const storePriceSet = object(
    { price: NonNegativeMoney.describe("The store's unit price in minor units, over the chain's price.") },
    { id: 'StorePriceSet', description: "A store's own price of a product; only this store's tills pull it." },
  );
  const storePrice = object(
    {
      store_id: Uuid,
      product_uuid: Uuid,
      price: NonNegativeMoney.describe("The price this store's tills sell at: the store's price, else the chain's."),
      store_price: NonNegativeMoney.nullable().describe("The store's own price; null when the chain's price applies."),
      price_version: z.int().min(1).describe("The price version this store's tills see; it moves with the chain's and the store's price."),
    },
    { id: 'StorePrice', description: "A product's price in one store." },
  );
  const storePriceParams = object({ store_id: Uuid.describe('The store.'), product_uuid: Uuid.describe('The product.') });

  return {
    chainSettings,
    storePriceSet,
    storePrice,
    storePriceParams,
    category,
    product,
    customer,
    categoryCreate,
    categoryPatch,
    productCreate,
    productPatch,
    customerCreate,
    customerPatch,
    storeCreate,
    storePatch,
    store,
    storeParams,
    storeSettingsPut,
    terminalCreate,
    terminalCreated,
    salesQuery,
    adminSale,
    shiftsQuery,
    adminShift,
    shiftsReport,
    salesReport,
    priceDeviation,
    importBatch,
    importParams,
    importQuery,
    stockQuery,
    stockReport,
  };
});

type Schemas = ReturnType<typeof adminSchemas>;
export type ProductCreate = z.infer<Schemas['productCreate']>;
export type ProductPatch = z.infer<Schemas['productPatch']>;
export type CategoryCreate = z.infer<Schemas['categoryCreate']>;
export type CategoryPatch = z.infer<Schemas['categoryPatch']>;
export type CustomerCreate = z.infer<Schemas['customerCreate']>;
export type CustomerPatch = z.infer<Schemas['customerPatch']>;
export type StoreCreate = z.infer<Schemas['storeCreate']>;
export type StorePatch = z.infer<Schemas['storePatch']>;
export type StoreSettingsPut = z.infer<Schemas['storeSettingsPut']>;
export type AdminSale = z.infer<Schemas['adminSale']>;
export type AdminStore = z.infer<Schemas['store']>;
export type TerminalCreate = z.infer<Schemas['terminalCreate']>;
export type TerminalCreated = z.infer<Schemas['terminalCreated']>;
export type SalesQuery = z.infer<Schemas['salesQuery']>;
export type SalesReport = z.infer<Schemas['salesReport']>;
export type ShiftsQuery = z.infer<Schemas['shiftsQuery']>;
export type AdminShift = z.infer<Schemas['adminShift']>;
export type ShiftsReport = z.infer<Schemas['shiftsReport']>;
export type PriceDeviation = z.infer<Schemas['priceDeviation']>;
export type StorePriceSet = z.infer<Schemas['storePriceSet']>;
export type StorePrice = z.infer<Schemas['storePrice']>;
export type ChainSettings = z.infer<Schemas['chainSettings']>;
