// The items the server refused, with its reasons, and a Retry that puts them back in the queue.
// Nothing here deletes a sale: a failed item stays on the till until it syncs or is exported.
import { useEffect, useState } from 'preact/hooks';
import type { QueueItemView } from '../api/till-api.ts';
import { Modal } from './modal.tsx';
import { useTill } from './till-context.ts';
import { formatDateTime } from './time-format.ts';

export function FailedItemsDialog(props: { onClose: () => void }) {
  const { api, terminal, reportError, notify } = useTill();
  const [items, setItems] = useState<QueueItemView[] | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async () => {
    try {
      setItems(await api.failedItems());
    } catch (e) {
      reportError(e, 'list failed items');
      setItems([]);
    }
  };
  useEffect(() => {
    void load().catch((e: unknown) => reportError(e, 'list failed items'));
  }, []);

  const retry = async () => {
    setBusy(true);
    try {
      const n = await api.retryFailed([]);
      notify(`${n} item${n === 1 ? '' : 's'} queued again.`);
      await load();
    } catch (e) {
      reportError(e, 'retry');
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title="Items that failed to sync" onClose={props.onClose} class="modal-wide">
      {items === null ? (
        <p>Loading…</p>
      ) : items.length === 0 ? (
        <p>Nothing has failed.</p>
      ) : (
        <table class="data-table">
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col">Made</th>
              <th scope="col">Tries</th>
              <th scope="col">Reason</th>
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>
                  {i.entityType}: {i.label}
                </td>
                <td>{formatDateTime(i.createdAt, terminal.locale)}</td>
                <td class="num">{i.retryCount}</td>
                <td>{i.lastError ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div class="actions">
        <button type="button" class="primary" onClick={retry} disabled={busy || items === null || items.length === 0}>
          Retry all
        </button>
        <button type="button" onClick={props.onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
