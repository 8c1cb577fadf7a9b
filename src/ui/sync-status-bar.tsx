// Always on screen: whether this till is online, what waits to sync, what failed (with a dialog to
// see why and retry), when it last synced, and "Sync now". Driven by the worker's pushed status.
import { useState } from 'preact/hooks';
import type { SyncStatus } from '../api/till-api.ts';
import { useTill } from './till-context.ts';
import { firstSyncShare, lastSyncedAt, syncSummary } from './sync-summary.ts';
import { formatTime } from './time-format.ts';
import { FailedItemsDialog } from './failed-items-dialog.tsx';

export function SyncStatusBar(props: { status: SyncStatus }) {
  const { api, terminal, reportError, notify } = useTill();
  const [showFailed, setShowFailed] = useState(false);
  const [syncing, setSyncing] = useState(false);
  const s = props.status;
  const summary = syncSummary(s);
  const last = lastSyncedAt(s);
  const share = firstSyncShare(s);

  const syncNow = async () => {
    setSyncing(true);
    try {
      await api.syncNow();
      notify('Sync finished.');
    } catch (e) {
      reportError(e, 'sync');
    } finally {
      setSyncing(false);
    }
  };

  return (
    <section class={`sync-bar tone-${summary.tone}`} aria-label="Sync status">
      <span class="sync-dot" aria-hidden="true" />
      <span class="sync-headline" role="status">
        {s.online ? `Online · ${summary.headline}` : summary.headline}
      </span>
      {s.pending > 0 && summary.tone === 'bad' && <span class="sync-count">{s.pending} pending</span>}
      {s.failed > 0 && (
        <button type="button" class="link-button danger" onClick={() => setShowFailed(true)}>
          {s.failed} failed – details
        </button>
      )}
      {s.firstSync !== null && (
        <span class="sync-progress">
          <progress
            aria-label="Catalog download"
            max={1}
            {...(share === null ? {} : { value: share })}
          />
          <span>{s.firstSync.rows} rows</span>
        </span>
      )}
      {!s.authorised && (
        <span class="sync-alert" role="alert">
          Terminal not authorised: ask a manager to pair this till again.
        </span>
      )}
      <span class="sync-last">Last sync: {last === null ? 'never' : formatTime(last, terminal.locale)}</span>
      {s.lastError !== null && s.online && s.authorised && (
        <span class="sync-error" title={s.lastError.message}>
          Last error: {s.lastError.code}
        </span>
      )}
      <button type="button" class="small" onClick={syncNow} disabled={syncing || s.pulling || s.pushing}>
        {syncing ? 'Syncing…' : 'Sync now'}
      </button>
      {showFailed && <FailedItemsDialog onClose={() => setShowFailed(false)} />}
    </section>
  );
}
