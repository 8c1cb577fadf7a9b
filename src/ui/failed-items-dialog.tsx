// The items the server refused, with its reasons, and a Retry that puts them back in the queue.
// Nothing here deletes a sale: a failed item stays on the till until it syncs or is exported.
import { useEffect, useState } from 'preact/hooks';
import type { QueueItemView } from '../api/till-api.ts';
import { Modal } from './modal.tsx';
import { useI18n } from './i18n/i18n-context.tsx';
import { failureReason } from './sync-summary.ts';
import { useTill } from './till-context.ts';
import { formatDateTime } from '../print/date-time.ts';

export function FailedItemsDialog(props: { onClose: () => void }) {
  const { api, reportError, notify } = useTill();
  const { t, locale, language } = useI18n();
  const [items, setItems] = useState<QueueItemView[] | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      setItems(await api.failedItems());
    } catch (e) {
      reportError(e, 'listFailed');
      setItems([]);
    }
  };
  useEffect(() => {
    void load().catch((e: unknown) => reportError(e, 'listFailed'));
  }, []);

  const retry = async () => {
    setBusy(true);
    try {
      const n = await api.retryFailed([]);
      notify(t('sync.failed.queuedAgain', { count: n }));
      await load();
    } catch (e) {
      reportError(e, 'retry');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('sync.failed.title')} onClose={props.onClose} class="modal-wide">
      {items === null ? (
        <p>{t('common.loading')}</p>
      ) : items.length === 0 ? (
        <p>{t('sync.failed.nothing')}</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">{t('sync.failed.item')}</th>
              <th scope="col">{t('sync.failed.made')}</th>
              <th scope="col">{t('sync.failed.tries')}</th>
              <th scope="col">{t('sync.failed.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>
                  {t(`sync.failed.entity.${i.entityType}`)}: {i.label}
                </td>
                <td>{formatDateTime(i.createdAt, locale)}</td>
                <td class="num">{i.retryCount}</td>
                <td>{failureReason(i.lastError, t, language)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={retry} disabled={busy || items === null || items.length === 0}>
          {t('sync.failed.retryAll')}
        </button>
        <button type="button" onClick={props.onClose}>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
