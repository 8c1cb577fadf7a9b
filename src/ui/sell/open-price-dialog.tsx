// Asks for the price of an open-price item (a "Misc 19 %" product) before its line is added: typed in
// the locale's way ("12,50"), read as integer minor units by src/domain (parseMoney). A price of 0 is
// refused here and again by the worker (record-sale.ts): a free item is not a sale.
import { useState } from 'preact/hooks';
import type { ProductView } from '../../api/till-api.ts';
import { MoneyField } from '../money-field.tsx';
import { Modal } from '../modal.tsx';
import { useI18n } from '../i18n/i18n-context.tsx';

export function OpenPriceDialog(props: { product: ProductView; onPrice: (unitPrice: number) => void; onClose: () => void }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const [price, setPrice] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = (e?: Event) => {
    e?.preventDefault();
    if (price === null) return;
    if (price <= 0) {
      setError(t('sell.openPrice.zero'));
      return;
    }
    props.onPrice(price);
  };

  return (
    <Modal title={t('sell.openPrice.title', { name: props.product.name })} onClose={props.onClose}>
      <form class="open-price" onSubmit={submit}>
        <MoneyField
          label={t('sell.openPrice.label')}
          text={text}
          autoFocus
          onText={(s, v) => {
            setText(s);
            setPrice(v);
            setError(null);
          }}
          onEnter={submit}
        />
        <p role="alert" class="form-error">
          {error}
        </p>
        <div class="actions">
          <button type="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" class="primary big" disabled={price === null}>
            {t('sell.openPrice.add')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
