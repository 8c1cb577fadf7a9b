// The catalog calls of the back office (GET/POST/PATCH/DELETE /api/v1/admin/products, categories,
// vat-rates, products/import, products/export); answers parsed with the contract's schemas.
import { MAX_TAX_RATE_BP } from '@ezo/contract/limits';
import { backOfficeCatalog, DEFAULT_PRODUCT_PAGE, type AdminProductPage, type ImportReport } from '@ezo/contract/backoffice-catalog';
import { strictContract } from '@ezo/contract/contract';
import type { ProductCreate, ProductPatch } from '@ezo/contract/admin';
import type { PageRequest } from '../components/paged-table.tsx';
import { apiRequest, type ApiResult } from './client.ts';
import { bpToPercent as domainBpToPercent } from '../../domain/cart.ts';

const { admin } = strictContract;

export const PRODUCTS_EXPORT_URL = '/api/v1/admin/products/export';

export function listProducts(request: PageRequest, signal: AbortSignal): Promise<ApiResult<AdminProductPage>> {
  return apiRequest('GET', '/admin/products', {
    schema: backOfficeCatalog.productPage,
    query: { q: request.q, sort: request.sort, order: request.order, cursor: request.cursor, limit: DEFAULT_PRODUCT_PAGE },
    signal,
  });
}

export const getProduct = (uuid: string) => apiRequest('GET', `/admin/products/${uuid}`, { schema: backOfficeCatalog.productRow });
export const getPriceHistory = (uuid: string) => apiRequest('GET', `/admin/products/${uuid}/price-history`, { schema: backOfficeCatalog.priceHistory });
export const createProduct = (body: ProductCreate) => apiRequest('POST', '/admin/products', { body, schema: admin.product });
export const patchProduct = (uuid: string, body: ProductPatch) => apiRequest('PATCH', `/admin/products/${uuid}`, { body, schema: admin.product });

export const listCategories = () => apiRequest('GET', '/admin/categories', { schema: backOfficeCatalog.categoryList });
export const createCategory = (name: string) => apiRequest('POST', '/admin/categories', { body: { name }, schema: admin.category });
export const renameCategory = (uuid: string, name: string) => apiRequest('PATCH', `/admin/categories/${uuid}`, { body: { name }, schema: admin.category });
export const deleteCategory = (uuid: string) => apiRequest('DELETE', `/admin/categories/${uuid}`, { schema: admin.category });

export const listVatRates = () => apiRequest('GET', '/admin/vat-rates', { schema: backOfficeCatalog.vatRateList });

export function importProducts(csv: string, apply: boolean): Promise<ApiResult<ImportReport>> {
  return apiRequest('POST', '/admin/products/import', {
    raw: { body: csv, contentType: 'text/csv' },
    query: { apply: apply ? 'true' : undefined },
    schema: backOfficeCatalog.importReport,
  });
}

/** "19" -> 1900, "5,5" -> 550; null when it is not a percent with at most two decimals. */
export function percentToBp(text: string): number | null {
  const m = /^(\d{1,3})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (m === null) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= MAX_TAX_RATE_BP ? bp : null;
}

/** 1900 -> "19", 550 -> "5,5" in German and "5.5" in English (what percentToBp reads back). */
export function bpToPercent(bp: number, language: string): string {
  return domainBpToPercent(bp, decimalSeparatorOf(language));
}

const separators = new Map<string, string>();

function decimalSeparatorOf(language: string): string {
  let separator = separators.get(language);
  if (separator === undefined) {
    separator = new Intl.NumberFormat(language).formatToParts(1.5).find((p) => p.type === 'decimal')?.value ?? '.';
    separators.set(language, separator);
  }
  return separator;
}
