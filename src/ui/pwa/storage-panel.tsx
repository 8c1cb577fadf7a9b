// Settings panel "Storage on this device": whether the browser keeps the till's data for sure (persistent), how
// much it uses of what it may use, a way to ask for persistence, and the export of unsynced sales.
import type { Remote } from 'comlink';
import { useState } from 'preact/hooks';
import type { TillApi } from '../../api/till-api.ts';
import { ExportUnsyncedButton } from './export-button.tsx';
import { formatBytes, requestPersistence } from './storage-safety.ts';
import { useStorageState } from './use-storage-state.ts';
import './pwa.css';

export function StoragePanel(props: { api: Pick<Remote<TillApi>, 'exportUnsynced'> }) {
  const { state, refresh } = useStorageState();
  const [asked, setAsked] = useState(false);

  const ask = async () => {
    await requestPersistence();
    setAsked(true);
    refresh();
  };

  return (
    <section class="storage-panel" aria-labelledby="storage-panel-title">
      <h2 id="storage-panel-title">Storage on this device</h2>
      {state === null ? (
        <p role="status">Reading storage…</p>
      ) : (
        <dl>
          <dt>Persistent storage</dt>
          <dd data-testid="storage-persisted">
            {state.persisted === true
              ? 'Yes: the browser will not delete the till’s data to free space.'
              : state.persisted === false
                ? 'No: the browser may delete the till’s data when the device runs low on space.'
                : 'Unknown: this browser cannot say.'}
          </dd>
          <dt>Used</dt>
          <dd data-testid="storage-usage">
            {state.usageBytes === null
              ? 'Unknown'
              : state.quotaBytes === null
                ? formatBytes(state.usageBytes)
                : `${formatBytes(state.usageBytes)} of ${formatBytes(state.quotaBytes)} available`}
          </dd>
        </dl>
      )}
      {state?.persisted === false && (
        <p>
          <button type="button" onClick={ask}>
            Keep data on this device
          </button>
          {asked && state.persisted === false && (
            <span class="storage-hint">
              {' '}
              The browser declined for now. Installing the till as an app usually makes its storage persistent.
            </span>
          )}
        </p>
      )}
      <p>
        <ExportUnsyncedButton api={props.api} />
      </p>
    </section>
  );
}
