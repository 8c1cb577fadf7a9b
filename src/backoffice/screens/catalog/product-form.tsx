// Create or edit one product, with its price history below. Price and VAT rate are typed as people
// write them ("2,50", "19") and converted exactly (domain/format-money.ts); the hub's field errors show
// next to their fields. Deactivate takes the product off sale on every till (it stays in the catalog).
import { useEffect, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { CATALOG_FRACTION_DIGITS, type AdminCategoryRow, type AdminProductRow, type PriceHistory } from '@ezo/contract/backoffice-catalog';
import { amountText, parseMoney } from '../../../domain/format-money.ts';
import type { ApiFailure } from '../../api/client.ts';
import { bpToPercent, createProduct, getPriceHistory, getProduct, listCategories, patchProduct, percentToBp } from '../../api/catalog.ts';
import { failureText } from '../../components/failure-text.ts';
import { CheckboxField, fieldErrors, Form, SelectField, TextField } from '../../components/form.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';
import { sectionUrl } from '../../paths.ts';

interface Draft {
  name: string;
  sku: string;
  barcode: string;
  category: string;
  price: string;
  vat: string;
  taxIncluded: boolean;
  active: boolean;
}

const EMPTY: Draft = { name: '', sku: '', barcode: '', category: '', price: '', vat: '19', taxIncluded: true, active: true };

// The price in the UI language's decimal form ("2,50" in German), which parseMoney reads back.
function draftOf(p: AdminProductRow, language: string): Draft {
  return {
    name: p.name,
    sku: p.sku,
    barcode: p.barcode ?? '',
    category: p.category_uuid ?? '',
    price: amountText(p.price, CATALOG_FRACTION_DIGITS, language),
    vat: bpToPercent(p.tax_rate_bp, language),
    taxIncluded: p.tax_included,
    active: p.active,
  };
}

const localFailure = (path: string, message: string): ApiFailure => ({ status: 400, code: 'bad_request', message, issues: [{ path, message }] });

export function ProductForm({ uuid }: { uuid: string | undefined }) {
  const { t, language } = useI18n();
  const { route } = useLocation();
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [product, setProduct] = useState<AdminProductRow | null>(null);
  const [categories, setCategories] = useState<AdminCategoryRow[]>([]);
  const [history, setHistory] = useState<PriceHistory | null>(null);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const errors = fieldErrors(failure);
  const set = <K extends keyof Draft>(key: K) => (value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const load = async (id: string) => {
    const [p, h] = await Promise.all([getProduct(id), getPriceHistory(id)]);
    if (p.ok) {
      setProduct(p.value);
      setDraft(draftOf(p.value, language));
    } else setFailure(p.failure);
    if (h.ok) setHistory(h.value);
  };
  useEffect(() => {
    void listCategories().then((r) => r.ok && setCategories(r.value.categories));
    if (uuid !== undefined) void load(uuid);
  }, [uuid]);

  const save = async (override?: Partial<Draft>) => {
    const d = { ...draft, ...override };
    const price = parseMoney(d.price, CATALOG_FRACTION_DIGITS);
    if (price === null) return setFailure(localFailure('price', t('catalog.product.priceInvalid')));
    const vat = percentToBp(d.vat);
    if (vat === null) return setFailure(localFailure('tax_rate_bp', t('catalog.product.vatInvalid')));
    const fields = {
      name: d.name.trim(),
      sku: d.sku.trim(),
      barcode: d.barcode.trim() === '' ? null : d.barcode.trim(),
      category_uuid: d.category === '' ? null : d.category,
      price,
      tax_rate_bp: vat,
      tax_included: d.taxIncluded,
      active: d.active,
    };
    setBusy(true);
    setNotice(null);
    const result = uuid === undefined ? await createProduct(fields) : await patchProduct(uuid, fields);
    setBusy(false);
    if (!result.ok) return setFailure(result.failure);
    setFailure(null);
    if (uuid === undefined) {
      route(`${sectionUrl('catalog')}/products/${result.value.uuid}`);
      return;
    }
    setNotice(t('catalog.product.saved'));
    await load(uuid);
  };

  const dateTime = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <p>
        <a href={sectionUrl('catalog')}>{t('catalog.product.back')}</a>
      </p>
      <h2>{uuid === undefined ? t('catalog.product.newTitle') : t('catalog.product.editTitle')}</h2>
      {notice !== null && (
        <p class="bo-ok" role="status">
          {notice}
        </p>
      )}
      <Form onSubmit={() => save()} busy={busy} failure={failure} submitLabel={t('common.save')} label={uuid === undefined ? t('catalog.product.newTitle') : t('catalog.product.editTitle')}>
        <TextField name="name" label={t('catalog.products.name')} value={draft.name} onValue={set('name')} error={errors.get('name')} required />
        <TextField name="sku" label={t('catalog.products.sku')} value={draft.sku} onValue={set('sku')} error={errors.get('sku')} required />
        <TextField name="barcode" label={t('catalog.products.barcode')} value={draft.barcode} onValue={set('barcode')} error={errors.get('barcode')} />
        <SelectField
          name="category"
          label={t('catalog.products.category')}
          value={draft.category}
          onValue={set('category')}
          error={errors.get('category_uuid')}
          options={[{ value: '', label: t('catalog.products.noCategory') }, ...categories.map((c) => ({ value: c.uuid, label: c.name }))]}
        />
        <TextField name="price" label={t('catalog.products.price')} value={draft.price} onValue={set('price')} error={errors.get('price')} inputMode="decimal" hint={t('catalog.product.priceHint')} required />
        <TextField name="vat" label={t('catalog.products.vatRate')} value={draft.vat} onValue={set('vat')} error={errors.get('tax_rate_bp')} inputMode="decimal" hint={t('catalog.product.vatHint')} required />
        <CheckboxField name="tax_included" label={t('catalog.product.taxIncluded')} checked={draft.taxIncluded} onChecked={set('taxIncluded')} />
        <CheckboxField name="active" label={t('catalog.product.active')} checked={draft.active} onChecked={set('active')} />
      </Form>
      {product !== null && (
        <p>
          <button type="button" class={product.active ? 'danger' : undefined} disabled={busy} onClick={() => void save({ active: !product.active })}>
            {product.active ? t('catalog.product.deactivate') : t('catalog.product.activate')}
          </button>
        </p>
      )}
      {failure !== null && failure.issues.length === 0 && uuid !== undefined && product === null && (
        <p class="bo-error" role="alert">
          {failureText(t, failure)}
        </p>
      )}
      {history !== null && (
        <>
          <h2>{t('catalog.product.history')}</h2>
          <div class="bo-table-wrap">
            <table class="bo-table">
              <caption>{t('catalog.product.historyCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('catalog.product.changedAt')}</th>
                  <th scope="col" class="num">
                    {t('catalog.products.price')}
                  </th>
                  <th scope="col" class="num">
                    {t('catalog.products.vatRate')}
                  </th>
                  <th scope="col">{t('catalog.product.source')}</th>
                  <th scope="col">{t('catalog.product.changedBy')}</th>
                </tr>
              </thead>
              <tbody>
                {history.items.map((h, i) => (
                  <tr key={`${h.changed_at}-${i}`}>
                    <td>{dateTime.format(new Date(h.changed_at))}</td>
                    <td class="num">{amountText(h.price, CATALOG_FRACTION_DIGITS, language)}</td>
                    <td class="num">{bpToPercent(h.tax_rate_bp, language)} %</td>
                    <td>{t(`catalog.product.sources.${h.source}`)}</td>
                    <td>{h.changed_by?.display_name ?? t('catalog.product.nobody')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}
