// The back office's catalog messages (issue 19): the product list (search, sort, keyset pages), one
// product with its price history, categories with their product counts, the VAT rates in use, and the
// CSV import report. Outside the till protocol like backoffice.ts (the back office and its hub are
// one deploy): not in contract.ts, not hashed by protocol-version.test.ts.
import { z } from 'zod';
import { catalogSchemas } from './catalog.ts';
import { objectBuilder, oncePerBuilder } from './strictness.ts';
import { IsoTime, Name, NonNegativeMoney, TaxRateBp, Uuid } from './primitives.ts';

/** Products per page: default and most. */
export const DEFAULT_PRODUCT_PAGE = 50;
export const MAX_PRODUCT_PAGE = 200;
/** Longest search text. */
export const MAX_SEARCH_LENGTH = 200;
/** Most rows of one CSV import (a larger catalog is imported in parts). */
export const MAX_IMPORT_ROWS = 20_000;
/** Most bytes of one CSV import. */
export const MAX_IMPORT_BYTES = 4 * 1_048_576;
/** Most errors one import report lists (the count says how many there were). */
export const MAX_IMPORT_ERRORS = 200;
/** Catalog prices are in a currency with this many minor digits (EUR, USD, CHF ...): "2.50" is 250. */
export const CATALOG_FRACTION_DIGITS = 2;
/** The columns of the CSV import and export, in this order (the import reads them by header name). */
export const PRODUCT_CSV_COLUMNS = ['sku', 'name', 'barcode', 'category', 'price', 'vat_rate', 'tax_included', 'active'] as const;

export const ProductSort = z.enum(['name', 'sku', 'price', 'updated_at']).describe('The column to sort by; ties by uuid.');
export type ProductSort = z.infer<typeof ProductSort>;
export const SortOrder = z.enum(['asc', 'desc']);
export type SortOrder = z.infer<typeof SortOrder>;

export type PriceSource = z.infer<typeof PriceSource>;
export const PriceSource = z.enum(['admin', 'import', 'till', 'initial']).describe('Where a price change came from: the admin API or back office, a CSV import, a till price edit, or the price the product had when history began.');

export const backOfficeCatalogSchemas = oncePerBuilder((object) => {
  const { product, category } = catalogSchemas(object);
  const flag = z.enum(['true', 'false']);
  const productListQuery = object({
    q: z.string().max(MAX_SEARCH_LENGTH).optional().describe('Words of the name (each a word prefix), or the start of a SKU or barcode.'),
    sort: ProductSort.optional().describe('Default name.'),
    order: SortOrder.optional().describe('Default asc.'),
    active: flag.optional().describe('Only active (true) or inactive (false) products.'),
    category_uuid: Uuid.optional().describe('Only products of this category.'),
    cursor: z.string().max(1000).optional().describe('The next_cursor of the previous page, with the same q, sort, order and filters.'),
    limit: z.coerce.number().int().min(1).max(MAX_PRODUCT_PAGE).optional().describe(`Products per page; default ${DEFAULT_PRODUCT_PAGE}.`),
  });
  const productRow = object(
    { ...product.shape, category_name: Name.nullable().describe("The category's name; null without a category or when it was deleted.") },
    { id: 'AdminProductRow', description: 'A product with its category name, as the back office lists it.' },
  );
  const productPage = object(
    { items: z.array(productRow), next_cursor: z.string().nullable().describe('Pass as cursor for the next page; null on the last page.') },
    { id: 'AdminProductPage', description: 'One page of products (deleted ones left out).' },
  );
  const priceChange = object(
    {
      price: NonNegativeMoney,
      price_version: z.int().min(1),
      tax_rate_bp: TaxRateBp,
      changed_at: IsoTime,
      source: PriceSource,
      changed_by: object({ staff_id: Uuid, display_name: Name }).nullable().describe('The back-office member who made it; null for the admin token, a till or the initial price.'),
    },
    { id: 'PriceChange', description: 'A price a product had from changed_at on.' },
  );
  const priceHistory = object(
    { product_uuid: Uuid, items: z.array(priceChange).describe('Newest first.') },
    { id: 'PriceHistory', description: "A product's past prices, newest first." },
  );
  const categoryRow = object(
    { ...category.shape, products: z.int().min(0).describe('Products (not deleted) in the category.') },
    { id: 'AdminCategoryRow', description: 'A category with its product count.' },
  );
  const categoryList = object({ categories: z.array(categoryRow).describe('By sort_order, then name.') }, { id: 'AdminCategoryList', description: 'The categories (deleted ones left out).' });
  const vatRate = object(
    {
      tax_rate_bp: TaxRateBp,
      products: z.int().min(0).describe('Products (not deleted) with this rate.'),
      active_products: z.int().min(0),
    },
    { id: 'VatRate', description: 'A VAT rate products use. Rates are a property of each product; change a product to change its rate.' },
  );
  const vatRateList = object({ rates: z.array(vatRate).describe('By rate.') }, { id: 'VatRateList', description: 'The VAT rates in the catalog.' });
  const importQuery = object({ apply: flag.optional().describe('true applies the file; absent or false only checks it (the preview).') });
  const importError = object(
    {
      line: z.int().min(1).describe('The line of the file (the header is line 1).'),
      column: z.string().nullable().describe('The column, when the error is about one.'),
      message: z.string(),
    },
    { id: 'ImportError', description: 'Why one row (or the file) was refused.' },
  );
  const importReport = object(
    {
      accepted: z.boolean().describe('No errors: the file can be (or was) applied as a whole.'),
      applied: z.boolean().describe('The changes were written (apply=true and accepted).'),
      rows: z.int().min(0),
      created: z.int().min(0),
      updated: z.int().min(0),
      unchanged: z.int().min(0).describe('Rows equal to the product with their SKU: not written, no version bump.'),
      error_count: z.int().min(0),
      errors: z.array(importError).describe(`The first ${MAX_IMPORT_ERRORS} errors by line.`),
    },
    { id: 'ImportReport', description: 'What a CSV import would do (preview) or did. A file with any error changes nothing.' },
  );
  return { productListQuery, productRow, productPage, priceChange, priceHistory, categoryRow, categoryList, vatRate, vatRateList, importQuery, importError, importReport };
});

export const backOfficeCatalog = backOfficeCatalogSchemas(objectBuilder('strict'));
type Schemas = typeof backOfficeCatalog;
export type ProductListQuery = z.infer<Schemas['productListQuery']>;
export type AdminProductRow = z.infer<Schemas['productRow']>;
export type AdminProductPage = z.infer<Schemas['productPage']>;
export type PriceChange = z.infer<Schemas['priceChange']>;
export type PriceHistory = z.infer<Schemas['priceHistory']>;
export type AdminCategoryRow = z.infer<Schemas['categoryRow']>;
export type VatRate = z.infer<Schemas['vatRate']>;
export type ImportReport = z.infer<Schemas['importReport']>;
export type ImportError = z.infer<Schemas['importError']>;
