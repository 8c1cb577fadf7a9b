// One recorded sale from the history: its receipt (printable), its refunds, and the refund form.
// After a refund it shows the refund's receipt.
import { useEffect, useState } from 'preact/hooks';
import type { SaleDetail } from '../api/till-api.ts';
import { Modal } from './modal.tsx';
import { Receipt } from './receipt.tsx';
import { RefundForm } from './refund-form.tsx';
import { useI18n } from './i18n/i18n-context.tsx';
import { useTill } from './till-context.ts';

type View = { kind: 'receipt' } | { kind: 'refund' } | { kind: 'refunded'; refund: SaleDetail };

export function SaleDialog(props: { uuid: string; onClose: () => void; onChanged: () => void }) {
  const { api, reportError } = useTill();
  const { t } = useI18n();
  const [detail, setDetail] = useState<SaleDetail | null | undefined>(undefined);
  const [original, setOriginal] = useState<string | undefined>(undefined);
  const [view, setView] = useState<View>({ kind: 'receipt' });

  useEffect(() => {
    api.sale(props.uuid).then(
      async (d) => {
        setDetail(d);
        const refundOf = d?.sale.refund_of ?? null;
        if (refundOf !== null) {
          const o = await api.sale(refundOf);
          setOriginal(o?.sale.receipt_number);
        }
      },
      (e: unknown) => {
        reportError(e, 'openSale');
        setDetail(null);
      },
    ).catch((e: unknown) => reportError(e, 'openSale'));
  }, [props.uuid]);

  const shown = detail ?? null;
  const title =
    shown === null
      ? t('history.sale.title')
      : shown.sale.refund_of === null
        ? t('history.sale.saleTitle', { receipt: shown.sale.receipt_number })
        : t('history.sale.refundTitle', { receipt: shown.sale.receipt_number });
  return (
    <Modal title={title} onClose={props.onClose} class="modal-receipt">
      {detail === undefined && <p class="loading">{t('common.loading')}</p>}
      {detail === null && <p>{t('history.sale.notHere')}</p>}
      {shown !== null && view.kind === 'receipt' && (
        <>
          <Receipt detail={shown} copy {...(original === undefined ? {} : { originalReceipt: original })} />
          <p class={`receipt-sync sync-${shown.syncState}`}>{t(`history.sale.sync.${shown.syncState}`)}</p>
          {shown.refundUuids.length > 0 && <p class="muted">{t('history.sale.refunds', { count: shown.refundUuids.length })}</p>}
          <div class="actions">
            <button type="button" onClick={() => window.print()}>
              {t('common.print')}
            </button>
            {shown.sale.refund_of === null && (
              <button type="button" class="primary" onClick={() => setView({ kind: 'refund' })}>
                {t('history.sale.refund')}
              </button>
            )}
          </div>
        </>
      )}
      {shown !== null && view.kind === 'refund' && (
        <RefundForm
          detail={shown}
          onCancel={() => setView({ kind: 'receipt' })}
          onRefunded={(refund) => {
            setView({ kind: 'refunded', refund });
            props.onChanged();
          }}
        />
      )}
      {shown !== null && view.kind === 'refunded' && (
        <>
          <Receipt detail={view.refund} originalReceipt={shown.sale.receipt_number} />
          <div class="actions">
            <button type="button" onClick={() => window.print()}>
              {t('history.sale.printRefund')}
            </button>
            <button type="button" class="primary" autoFocus onClick={props.onClose}>
              {t('common.done')}
            </button>
          </div>
        </>
      )}
    </Modal>
  );
}
