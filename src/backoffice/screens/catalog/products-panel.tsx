// The product list: server-side search, sort and keyset pages (components/paged-table.tsx).
import { amountText } from '../../../domain/format-money.ts';
import { CATALOG_FRACTION_DIGITS, type AdminProductRow } from '@ezo/contract/backoffice-catalog';
import { listProducts, bpToPercent } from '../../api/catalog.ts';
import { PagedTable, type Column } from '../../components/paged-table.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { sectionUrl } from '../../paths.ts';

export function ProductsPanel() {
  const { t, language } = useI18n();
  const base = sectionUrl('catalog');
  const columns: Column<AdminProductRow>[] = [
    {
      id: 'name',
      header: t('catalog.products.name'),
      sortable: true,
      cell: (p) => (
        <a href={`${base}/products/${p.uuid}`} aria-label={t('catalog.products.edit', { name: p.name })}>
          {p.name}
        </a>
      ),
    },
    { id: 'sku', header: t('catalog.products.sku'), sortable: true, cell: (p) => p.sku },
    { id: 'barcode', header: t('catalog.products.barcode'), cell: (p) => p.barcode ?? '' },
    { id: 'category', header: t('catalog.products.category'), cell: (p) => p.category_name ?? '' },
    { id: 'price', header: t('catalog.products.price'), sortable: true, numeric: true, cell: (p) => amountText(p.price, CATALOG_FRACTION_DIGITS, language) },
    { id: 'vat', header: t('catalog.products.vatRate'), numeric: true, cell: (p) => `${bpToPercent(p.tax_rate_bp, language)} %` },
    { id: 'active', header: t('catalog.products.active'), cell: (p) => (p.active ? t('common.yes') : t('common.no')) },
  ];
  return (
    <>
      <div class="bo-toolbar">
        <a class="bo-button-link" href={`${base}/products/new`}>
          {t('catalog.products.newProduct')}
        </a>
      </div>
      <PagedTable
        caption={t('catalog.products.caption')}
        columns={columns}
        rowKey={(p) => p.uuid}
        load={listProducts}
        initialSort={{ sort: 'name', order: 'asc' }}
        searchLabel={t('catalog.products.search')}
      />
    </>
  );
}
