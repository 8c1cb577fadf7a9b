// CSV import: choose a file, check it (the hub's preview: what it would create, change, leave alone, or
// each error with its line), then import it (one transaction; a refused file changes nothing). Export
// downloads every product in the same format.
import { useState } from 'preact/hooks';
import type { ImportReport } from '@ezo/contract/backoffice-catalog';
import type { ApiFailure } from '../../api/client.ts';
import { importProducts, PRODUCTS_EXPORT_URL } from '../../api/catalog.ts';
import { failureText } from '../../components/failure-text.ts';
import { useI18n } from '../../i18n/i18n-context.tsx';

export function ImportPanel() {
  const { t } = useI18n();
  const [text, setText] = useState<string | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [busy, setBusy] = useState(false);

  const send = async (apply: boolean) => {
    if (text === null) return;
    setBusy(true);
    const r = await importProducts(text, apply);
    setBusy(false);
    if (r.ok) {
      setReport(r.value);
      setFailure(null);
    } else setFailure(r.failure);
  };

  const summary = (r: ImportReport) => {
    const counts = { created: r.created, updated: r.updated, unchanged: r.unchanged };
    if (!r.accepted) return t('catalog.import.refused', { count: r.error_count });
    return r.applied ? t('catalog.import.done', counts) : t('catalog.import.preview', counts);
  };

  return (
    <>
      <div class="bo-panel">
        <h2>{t('catalog.import.title')}</h2>
        <p class="bo-hint">{t('catalog.import.help')}</p>
        <div class="bo-field">
          <label for="bo-import-file">{t('catalog.import.file')}</label>
          <input
            id="bo-import-file"
            type="file"
            accept=".csv,text/csv"
            onChange={(e) => {
              const file = e.currentTarget.files?.[0];
              setReport(null);
              setFailure(null);
              if (file === undefined) setText(null);
              else void file.text().then(setText);
            }}
          />
        </div>
        <div class="bo-form-actions">
          <button type="button" disabled={text === null || busy} onClick={() => void send(false)}>
            {busy ? t('catalog.import.checking') : t('catalog.import.check')}
          </button>
          <button type="button" class="primary" disabled={text === null || busy || report === null || !report.accepted || report.applied} onClick={() => void send(true)}>
            {t('catalog.import.apply')}
          </button>
        </div>
        {failure !== null && (
          <p class="bo-error" role="alert">
            {failureText(t, failure)}
          </p>
        )}
        {report !== null && (
          <p class={report.accepted ? 'bo-ok' : 'bo-error'} role={report.accepted ? 'status' : 'alert'} data-import-result={report.accepted ? (report.applied ? 'applied' : 'ready') : 'refused'}>
            {summary(report)}
          </p>
        )}
        {report !== null && report.errors.length > 0 && (
          <div class="bo-table-wrap">
            <table class="bo-table">
              <caption>{t('catalog.import.errorsCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col" class="num">
                    {t('catalog.import.line')}
                  </th>
                  <th scope="col">{t('catalog.import.column')}</th>
                  <th scope="col">{t('catalog.import.message')}</th>
                </tr>
              </thead>
              <tbody>
                {report.errors.map((e, i) => (
                  <tr key={`${e.line}-${i}`}>
                    <td class="num">{e.line}</td>
                    <td>{e.column ?? ''}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </div>
      <p>
        <a href={PRODUCTS_EXPORT_URL} download="products.csv" target="_self">
          {t('catalog.import.export')}
        </a>
      </p>
    </>
  );
}
