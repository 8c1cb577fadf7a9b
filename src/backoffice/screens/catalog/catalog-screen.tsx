// The catalog section: tabs for products (list, new, edit with price history), categories, VAT rates,
// and CSV import/export. Sub-routes: /backoffice/catalog, /catalog/products/new, /catalog/products/<uuid>,
// /catalog/categories, /catalog/vat-rates, /catalog/import.
import { useLocation } from 'preact-iso';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { sectionUrl } from '../../paths.ts';
import { CategoriesPanel } from './categories-panel.tsx';
import { ImportPanel } from './import-panel.tsx';
import { ProductForm } from './product-form.tsx';
import { ProductsPanel } from './products-panel.tsx';
import { VatRatesPanel } from './vat-rates-panel.tsx';

export const CATALOG_URL = sectionUrl('catalog');

type Tab = 'products' | 'categories' | 'vatRates' | 'import';
const TABS: readonly { tab: Tab; path: string }[] = [
  { tab: 'products', path: '' },
  { tab: 'categories', path: '/categories' },
  { tab: 'vatRates', path: '/vat-rates' },
  { tab: 'import', path: '/import' },
];

export default function CatalogScreen({ title }: { title: string }) {
  const { t } = useI18n();
  const { path } = useLocation();
  const rest = path.startsWith(CATALOG_URL) ? path.slice(CATALOG_URL.length).replace(/\/$/, '') : '';
  const product = /^\/products\/([^/]+)$/.exec(rest)?.[1];
  const current: Tab = TABS.find((x) => x.path !== '' && rest.startsWith(x.path))?.tab ?? 'products';
  return (
    <section class="bo-screen">
      <h1>{title}</h1>
      <nav aria-label={title}>
        <ul class="bo-tabs">
          {TABS.map((x) => (
            <li key={x.tab}>
              <a href={`${CATALOG_URL}${x.path}`} aria-current={x.tab === current ? 'page' : undefined}>
                {t(`catalog.tabs.${x.tab}`)}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {product !== undefined ? (
        <ProductForm key={product} uuid={product === 'new' ? undefined : product} />
      ) : current === 'categories' ? (
        <CategoriesPanel />
      ) : current === 'vatRates' ? (
        <VatRatesPanel />
      ) : current === 'import' ? (
        <ImportPanel />
      ) : (
        <ProductsPanel />
      )}
    </section>
  );
}
