// The back office's messages (admin token only): catalog edits, stores and terminals, sales and
// stock reports. Not spoken by the till; here so the hub validates them and OpenAPI documents them.
import { z } from 'zod';
import type { ObjectBuilder } from './strictness.ts';
import { catalogSchemas } from './catalog.ts';
import { saleSchemas } from './sale.ts';
import { Code, Currency, Name, NonNegativeMoney, TaxRateBp, Text, Uuid } from './primitives.ts';

/** Sales one report page returns at most. */
export const MAX_ADMIN_SALES_LIMIT = 5_000;
export const DEFAULT_ADMIN_SALES_LIMIT = 500;

const Locale = z.string().min(2).max(35);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'a day is YYYY-MM-DD');

export function adminSchemas(object: ObjectBuilder) {
  const { category, product, customer, stockLevel } = catalogSchemas(object);
  const { sale } = saleSchemas(object);

  const categoryFields = { name: Name, sort_order: z.int().min(0).max(1_000_000) };
  const categoryCreate = object({ uuid: Uuid.optional(), ...categoryFields, sort_order: categoryFields.sort_order.optional() });
  const categoryPatch = object({ name: Name.optional(), sort_order: categoryFields.sort_order.optional() });

  const productCreate = object({
    uuid: Uuid.optional(),
    sku: Code,
    barcode: Code.nullable().optional(),
    name: Name,
    category_uuid: Uuid.nullable().optional(),
    price: NonNegativeMoney,
    tax_rate_bp: TaxRateBp,
    tax_included: z.boolean(),
    active: z.boolean().optional(),
  });
  const productPatch = object({
    sku: Code.optional(),
    barcode: Code.nullable().optional(),
    name: Name.optional(),
    category_uuid: Uuid.nullable().optional(),
    price: NonNegativeMoney.optional(),
    tax_rate_bp: TaxRateBp.optional(),
    tax_included: z.boolean().optional(),
    active: z.boolean().optional(),
  });

  const customerCreate = object({
    uuid: Uuid.optional(),
    name: Name,
    email: Text.nullable().optional(),
    phone: Text.nullable().optional(),
  });
  const customerPatch = object({ name: Name.optional(), email: Text.nullable().optional(), phone: Text.nullable().optional() });

  const storeCreate = object({ name: Name, currency: Currency, locale: Locale });
  const store = object({ id: Uuid, name: Name, currency: Currency, locale: Locale });
  const terminalCreate = object({ store_id: Uuid, name: Name, receipt_prefix: Code });
  /** `token` is shown once: the hub keeps only its hash. */
  const terminalCreated = object({
    terminal_id: Uuid,
    store_id: Uuid,
    name: Name,
    receipt_prefix: Code,
    token: z.string().min(32).max(200),
  });

  const salesQuery = object({
    store_id: Uuid.optional(),
    terminal_id: Uuid.optional(),
    /** A UTC calendar day. */
    day: Day.optional(),
    limit: z.coerce.number().int().min(1).max(MAX_ADMIN_SALES_LIMIT).optional(),
  });
  const salesReport = object({ sales: z.array(sale) });
  const stockQuery = object({ store_id: Uuid });
  const stockReport = object({ store_id: Uuid, stock: z.array(stockLevel) });

  return {
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
    store,
    terminalCreate,
    terminalCreated,
    salesQuery,
    salesReport,
    stockQuery,
    stockReport,
  };
}

type Schemas = ReturnType<typeof adminSchemas>;
export type ProductCreate = z.infer<Schemas['productCreate']>;
export type ProductPatch = z.infer<Schemas['productPatch']>;
export type CategoryCreate = z.infer<Schemas['categoryCreate']>;
export type CategoryPatch = z.infer<Schemas['categoryPatch']>;
export type CustomerCreate = z.infer<Schemas['customerCreate']>;
export type CustomerPatch = z.infer<Schemas['customerPatch']>;
export type StoreCreate = z.infer<Schemas['storeCreate']>;
export type AdminStore = z.infer<Schemas['store']>;
export type TerminalCreate = z.infer<Schemas['terminalCreate']>;
export type TerminalCreated = z.infer<Schemas['terminalCreated']>;
export type SalesQuery = z.infer<Schemas['salesQuery']>;
