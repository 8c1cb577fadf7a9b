// The "Export unsynced sales" button and its result line, shared by the storage panel and the eviction warning.
import type { Remote } from 'comlink';
import { useState } from 'preact/hooks';
import type { TillApi } from '../../api/till-api.ts';
import { errorText } from '../error-text.ts';
import { downloadUnsynced } from './export-unsynced.ts';

export function ExportUnsyncedButton(props: { api: Pick<Remote<TillApi>, 'exportUnsynced'> }) {
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);

  const run = async () => {
    setBusy(true);
    setResult(null);
    try {
      const file = await downloadUnsynced(props.api);
      setResult({
        text:
          file.items === 0
            ? 'Nothing to export: every sale has reached the server.'
            : file.files === 1
              ? `Saved ${file.items} unsynced item(s) to ${file.fileName}.`
              : `Saved ${file.items} unsynced item(s) in ${file.files} files, starting with ${file.fileName}.`,
        error: false,
      });
    } catch (e) {
      setResult({ text: errorText(e, 'export the unsynced sales'), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <span class="export-unsynced">
      <button type="button" onClick={run} disabled={busy}>
        Export unsynced sales
      </button>
      {result !== null && (
        <span class={result.error ? 'export-result error' : 'export-result'} role={result.error ? 'alert' : 'status'}>
          {result.text}
        </span>
      )}
    </span>
  );
}
