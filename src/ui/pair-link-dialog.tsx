// A pairing link (…/?pair=CODE) opened on a till that is already paired: never re-paired silently.
// Staff see what the till is now and what waits unsynced, confirm, and need settings_and_pairing (or
// a manager's PIN, the shell's permission gate) before the code is redeemed. Unsynced items stay in
// the outbox whatever happens: the worker refuses a switch of terminal or store while any wait
// (src/sync/pairing.ts), and a new device for the same terminal sends them.
import { useState } from 'preact/hooks';
import type { SyncStatus } from '../api/till-api.ts';
import { errorText } from './error-text.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { Modal } from './modal.tsx';
import { formatCodeInput } from './setup-screen.tsx';
import { useTill } from './till-context.ts';

export function PairLinkDialog(props: { code: string; status: SyncStatus; onDone: () => void }) {
  const { api, pairing, paired, notify, requirePermission } = useTill();
  const { t, language } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { status } = props;
  const unsyncedSales = status.pendingSales + status.failedSales;
  const unsyncedOther = Math.max(0, status.pending + status.failed - unsyncedSales);

  const confirm = async () => {
    if (busy || !(await requirePermission('settings_and_pairing'))) return;
    setBusy(true);
    setError(null);
    try {
      const next = await api.pairWithCode(pairing.serverUrl, props.code);
      paired(next);
      notify(t('settings.pairLink.done', { terminal: next.terminal.terminal_name, store: next.terminal.store_name }));
      props.onDone();
    } catch (e) {
      setError(errorText(t, language, e, 'pair'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal title={t('settings.pairLink.title')} onClose={props.onDone}>
      <p>{t('settings.pairLink.current', { terminal: pairing.terminal.terminal_name, store: pairing.terminal.store_name, code: formatCodeInput(props.code) })}</p>
      {(unsyncedSales > 0 || unsyncedOther > 0) && (
        <div class="pair-link-unsynced" data-testid="pair-link-unsynced">
          {unsyncedSales > 0 && <p>{t('settings.pairLink.unsyncedSales', { count: unsyncedSales })}</p>}
          {unsyncedOther > 0 && <p>{t('settings.pairLink.unsyncedChanges', { count: unsyncedOther })}</p>}
          <p>{t('settings.pairLink.keptHint')}</p>
        </div>
      )}
      {error !== null && (
        <p role="alert" class="form-error">
          {error}
        </p>
      )}
      <div class="actions">
        <button type="button" onClick={props.onDone} disabled={busy}>
          {t('settings.pairLink.cancel')}
        </button>
        <button type="button" class="primary" onClick={() => void confirm()} disabled={busy}>
          {t('settings.pairLink.confirm')}
        </button>
      </div>
    </Modal>
  );
}
