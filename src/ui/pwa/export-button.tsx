// The "Export unsynced sales" button and its result line, shared by the storage panel and the eviction warning.
import type { Remote } from 'comlink';
import { useState } from 'preact/hooks';
import type { TillApi } from '../../api/till-api.ts';
import { errorText } from '../error-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { downloadUnsynced } from './export-unsynced.ts';
import { useTill } from '../till-context.ts';

export function ExportUnsyncedButton(props: { api: Pick<Remote<TillApi>, 'exportUnsynced'> }) {
  const { t, language } = useI18n();
  const { requirePermission } = useTill();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ text: string; error: boolean } | null>(null);

  const run = async () => {
    if (!(await requirePermission('export_unsynced'))) return;
    setBusy(true);
    setResult(null);
    try {
      const file = await downloadUnsynced(props.api);
      setResult({
        text:
          file.items === 0
            ? t('storage.exportNothing')
            : file.files === 1
              ? t('storage.exportSaved', { count: file.items, file: file.fileName })
              : t('storage.exportSavedParts', { count: file.items, files: file.files, file: file.fileName }),
        error: false,
      });
    } catch (e) {
      setResult({ text: errorText(t, language, e, 'exportUnsynced'), error: true });
    } finally {
      setBusy(false);
    }
  };

  return (
    <span class="export-unsynced">
      <button type="button" onClick={run} disabled={busy}>
        {t('storage.export')}
      </button>
      {result !== null && (
        <span class={result.error ? 'export-result error' : 'export-result'} role={result.error ? 'alert' : 'status'}>
          {result.text}
        </span>
      )}
    </span>
  );
}
