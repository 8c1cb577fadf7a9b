// Where this till stands: its pairing, its local database (VFS, schema), and the storage panel
// (persistence, usage, export of unsynced sales; src/ui/pwa). Loaded lazily.
import { useEffect, useState } from 'preact/hooks';
import type { DatabaseInfo, Pairing } from '../api/till-api.ts';
import { useTill } from './till-context.ts';
import { StoragePanel } from './pwa/storage-panel.tsx';
import { PairForm } from './setup-screen.tsx';

export function SettingsScreen() {
  const { api, reportError } = useTill();
  const [info, setInfo] = useState<DatabaseInfo | null>(null);
  const [pairing, setPairing] = useState<Pairing | null>(null);
  const [pairingAgain, setPairingAgain] = useState(false);

  useEffect(() => {
    api.databaseInfo().then(setInfo, (e: unknown) => reportError(e, 'read the database info'));
    api.pairing().then(setPairing, (e: unknown) => reportError(e, 'read the pairing'));
  }, []);

  return (
    <section class="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">Settings</h1>
      <div class="card">
        <h2>This terminal</h2>
        {pairing === null ? (
          <p class="loading">Loading…</p>
        ) : (
          <dl class="facts">
            <dt>Store</dt>
            <dd>{pairing.terminal.store_name}</dd>
            <dt>Terminal</dt>
            <dd>{pairing.terminal.terminal_name}</dd>
            <dt>Server</dt>
            <dd>{pairing.serverUrl}</dd>
            <dt>Currency</dt>
            <dd>
              {pairing.terminal.currency} ({pairing.terminal.locale})
            </dd>
            <dt>Receipt prefix</dt>
            <dd>{pairing.terminal.receipt_prefix}</dd>
          </dl>
        )}
        {pairing !== null && !pairingAgain && (
          <button type="button" onClick={() => setPairingAgain(true)}>
            Pair again…
          </button>
        )}
      </div>
      {pairing !== null && pairingAgain && (
        <PairForm
          api={api}
          initialUrl={pairing.serverUrl}
          title="Pair this till again"
          onPaired={(p) => {
            setPairing(p);
            setPairingAgain(false);
          }}
        />
      )}
      <div class="card">
        <h2>Local database</h2>
        {info === null ? (
          <p class="loading">Loading…</p>
        ) : (
          <dl class="facts">
            <dt>Storage</dt>
            <dd>{info.storage === 'opfs' ? 'Origin private file system' : 'IndexedDB'}</dd>
            <dt>SQLite VFS</dt>
            <dd>{info.vfs}</dd>
            <dt>SQLite</dt>
            <dd>{info.sqliteVersion}</dd>
            <dt>Journal</dt>
            <dd>{info.journalMode}</dd>
            <dt>Schema version</dt>
            <dd>{info.schemaVersion}</dd>
          </dl>
        )}
      </div>
      <div class="card">
        <StoragePanel api={api} />
      </div>
    </section>
  );
}
