// Choosing what goes back: per line up to what is still refundable (sold minus earlier refunds),
// and how the money is returned. The worker refuses an over-refund too; this form never offers one.
import { useEffect, useId, useState } from 'preact/hooks';
import type { RefundableLine, SaleDetail } from '../api/till-api.ts';
import type { PaymentMethod } from '@ezo/contract/sale';
import { lineAmounts } from '../domain/sale-totals.ts';
import { errorText } from './error-text.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { useTill } from './till-context.ts';
import { afterSaleRecorded } from './pwa/after-sale.ts';

export function RefundForm(props: { detail: SaleDetail; onCancel: () => void; onRefunded: (refund: SaleDetail) => void }) {
  const { api, money, reportError, requirePermission } = useTill();
  const { t, language } = useI18n();
  const [lines, setLines] = useState<RefundableLine[] | null>(null);
  const [qty, setQty] = useState<Record<string, number>>({});
  const [method, setMethod] = useState<PaymentMethod>('cash');
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  useEffect(() => {
    api.refundableLines(props.detail.sale.uuid).then(setLines, (e: unknown) => {
      reportError(e, 'loadRefundable');
      setLines([]);
    });
  }, [props.detail.sale.uuid]);

  // The refund of a line returns its share of discount and tax, by the same per-line rule as the sale.
  const refundTotal = (lines ?? []).reduce((sum, l) => {
    const q = qty[l.lineUuid] ?? 0;
    const orig = props.detail.sale.lines.find((s) => s.uuid === l.lineUuid);
    if (q === 0 || orig === undefined) return sum;
    return sum - lineAmounts({ unit_price: orig.unit_price, quantity: -q, discount_bp: orig.discount_bp, tax_rate_bp: orig.tax_rate_bp, tax_included: orig.tax_included }).line_total;
  }, 0);
  const chosen = Object.entries(qty).filter(([, q]) => q > 0);

  const submit = async (e: Event) => {
    e.preventDefault();
    if (chosen.length === 0) {
      setError(t('history.refund.chooseOne'));
      return;
    }
    if (!(await requirePermission('refund'))) return;
    setBusy(true);
    setError(null);
    try {
      const refund = await api.recordRefund({
        originalSaleUuid: props.detail.sale.uuid,
        lines: chosen.map(([lineUuid, quantity]) => ({ lineUuid, quantity })),
        method,
        note: note.trim() === '' ? null : note.trim(),
      });
      props.onRefunded(refund);
      void afterSaleRecorded(api).catch((e: unknown) => reportError(e, 'wakeUp'));
    } catch (err) {
      setError(errorText(t, language, err, 'recordRefund'));
    } finally {
      setBusy(false);
    }
  };

  if (lines === null) return <p class="loading">{t('common.loading')}</p>;
  const refundable = lines.filter((l) => l.refundable > 0);
  return (
    <form class="refund-form" onSubmit={submit}>
      {refundable.length === 0 ? (
        <p>{t('history.refund.allRefunded')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('history.refund.item')}</th>
              <th scope="col" class="num">
                {t('history.refund.sold')}
              </th>
              <th scope="col" class="num">
                {t('history.refund.refunded')}
              </th>
              <th scope="col">{t('history.refund.refundNow')}</th>
            </tr>
          </thead>
          <tbody>
            {lines.map((l) => (
              <tr key={l.lineUuid}>
                <td>
                  {l.name}
                  <br />
                  <span class="muted">{t('history.refund.each', { price: money.format(l.unitPrice) })}</span>
                </td>
                <td class="num">{l.sold}</td>
                <td class="num">{l.alreadyRefunded}</td>
                <td>
                  <label class="visually-hidden" for={`${id}-${l.lineUuid}`}>
                    {t('history.refund.quantityOf', { name: l.name, max: l.refundable })}
                  </label>
                  <input
                    id={`${id}-${l.lineUuid}`}
                    class="qty-input"
                    type="number"
                    min={0}
                    max={l.refundable}
                    step={1}
                    disabled={l.refundable === 0}
                    value={qty[l.lineUuid] ?? 0}
                    onInput={(e) => {
                      const n = Math.trunc(Number(e.currentTarget.value));
                      const clamped = Number.isFinite(n) ? Math.min(Math.max(n, 0), l.refundable) : 0;
                      setQty({ ...qty, [l.lineUuid]: clamped });
                    }}
                  />{' '}
                  <button type="button" class="link-button" disabled={l.refundable === 0} onClick={() => setQty({ ...qty, [l.lineUuid]: l.refundable })}>
                    {t('history.refund.all', { count: l.refundable })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <fieldset class="radio-row">
        <legend>{t('history.refund.giveBackBy')}</legend>
        {(['cash', 'card'] as const).map((m) => (
          <label key={m}>
            <input type="radio" name={`${id}-method`} value={m} checked={method === m} onChange={() => setMethod(m)} /> {t(`common.method.${m}`)}
          </label>
        ))}
      </fieldset>
      <div class="field">
        <label for={`${id}-note`}>{t('history.refund.reason')}</label>
        <input id={`${id}-note`} type="text" maxLength={500} value={note} onInput={(e) => setNote(e.currentTarget.value)} />
      </div>
      <p class="refund-total">
        {t('history.refund.total')} <strong data-testid="refund-total">{money.format(refundTotal)}</strong>
      </p>
      <p role="alert" class="form-error">
        {error}
      </p>
      <div class="actions">
        <button type="button" onClick={props.onCancel} disabled={busy}>
          {t('common.back')}
        </button>
        <button type="submit" class="primary" disabled={busy || chosen.length === 0}>
          {busy ? t('common.saving') : t('history.refund.record')}
        </button>
      </div>
    </form>
  );
}
