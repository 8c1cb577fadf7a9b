// Categories: list with product counts, add, rename, delete (a tombstone tills apply).
import { useEffect, useState } from 'preact/hooks';
import type { AdminCategoryRow } from '@ezo/contract/backoffice-catalog';
import type { ApiFailure } from '../../api/client.ts';
import { createCategory, deleteCategory, listCategories, renameCategory } from '../../api/catalog.ts';
import { failureText } from '../../components/failure-text.ts';
import { fieldErrors, Form, TextField } from '../../components/form.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

export function CategoriesPanel() {
  const { t } = useI18n();
  const [rows, setRows] = useState<AdminCategoryRow[]>([]);
  const [name, setName] = useState('');
  const [renames, setRenames] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const reload = async () => {
    const r = await listCategories();
    if (r.ok) setRows(r.value.categories);
    else setFailure(r.failure);
  };
  useEffect(() => void reload(), []);

  const run = async (work: () => Promise<{ ok: boolean; failure?: ApiFailure }>, done?: string) => {
    setBusy(true);
    const r = await work();
    setBusy(false);
    setFailure(r.ok ? null : (r.failure ?? null));
    setNotice(r.ok && done !== undefined ? done : null);
    if (r.ok) await reload();
    return r.ok;
  };

  return (
    <>
      <Form
        onSubmit={async () => {
          if (await run(() => createCategory(name.trim()))) setName('');
        }}
        busy={busy}
        failure={failure}
        submitLabel={t('catalog.categories.add')}
        label={t('catalog.categories.add')}
      >
        <TextField name="name" label={t('catalog.categories.newName')} value={name} onValue={setName} error={fieldErrors(failure).get('name')} required />
      </Form>
      {notice !== null && (
        <p class="bo-ok" role="status">
          {notice}
        </p>
      )}
      <div class="bo-table-wrap">
        <table class="bo-table">
          <caption>{t('catalog.categories.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('catalog.categories.name')}</th>
              <th scope="col" class="num">
                {t('catalog.categories.products')}
              </th>
              <th scope="col">{t('catalog.categories.rename')}</th>
              <th scope="col">{t('catalog.categories.delete')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((c) => (
              <tr key={c.uuid}>
                <td>{c.name}</td>
                <td class="num">{c.products}</td>
                <td>
                  <input
                    aria-label={t('catalog.categories.renameLabel', { name: c.name })}
                    value={renames[c.uuid] ?? c.name}
                    onInput={(e) => {
                      const value = e.currentTarget.value;
                      setRenames((r) => ({ ...r, [c.uuid]: value }));
                    }}
                  />{' '}
                  <button type="button" disabled={busy} onClick={() => void run(() => renameCategory(c.uuid, (renames[c.uuid] ?? c.name).trim()))}>
                    {t('catalog.categories.rename')}
                  </button>
                </td>
                <td>
                  <button type="button" class="danger" disabled={busy} onClick={() => void run(() => deleteCategory(c.uuid), t('catalog.categories.deleted', { name: c.name }))}>
                    {t('catalog.categories.delete')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {failure !== null && rows.length === 0 && (
        <p class="bo-error" role="alert">
          {failureText(t, failure)}
        </p>
      )}
    </>
  );
}
