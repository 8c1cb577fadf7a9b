// The VAT rates products use, with counts (a rate is each product's own: no separate edit).
import { useEffect, useState } from 'preact/hooks';
import type { VatRate } from '@ezo/contract/backoffice-catalog';
import type { ApiFailure } from '../../api/client.ts';
import { bpToPercent, listVatRates } from '../../api/catalog.ts';
import { failureText } from '../../components/failure-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

export function VatRatesPanel() {
  const { t, language } = useI18n();
  const [rates, setRates] = useState<VatRate[] | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  useEffect(() => {
    void listVatRates().then((r) => (r.ok ? setRates(r.value.rates) : setFailure(r.failure)));
  }, []);
  return (
    <>
      <p class="bo-hint">{t('catalog.vat.note')}</p>
      {failure !== null && (
        <p class="bo-error" role="alert">
          {failureText(t, failure)}
        </p>
      )}
      <div class="bo-table-wrap">
        <table class="bo-table">
          <caption>{t('catalog.vat.caption')}</caption>
          <thead>
            <tr>
              <th scope="col" class="num">
                {t('catalog.vat.rate')}
              </th>
              <th scope="col" class="num">
                {t('catalog.vat.products')}
              </th>
              <th scope="col" class="num">
                {t('catalog.vat.active')}
              </th>
            </tr>
          </thead>
          <tbody>
            {(rates ?? []).map((r) => (
              <tr key={r.tax_rate_bp}>
                <td class="num">{bpToPercent(r.tax_rate_bp, language)} %</td>
                <td class="num">{r.products}</td>
                <td class="num">{r.active_products}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
