// "Open drawer" without a sale (change for a customer, a note checked): needs open_drawer or a
// manager's approval (the permission gate), and an open shift (this button shows only with one).
// The worker records who opened it and when; the Z report counts the openings.
import { useState } from 'preact/hooks';
import { errorText } from '../error-text.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { useTill } from '../till-context.ts';

export function OpenDrawerButton() {
  const { api, notify, requirePermission } = useTill();
  const { t, language } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async () => {
    setError(null);
    if (!(await requirePermission('open_drawer'))) return;
    setBusy(true);
    try {
      const opening = await api.openDrawer();
      notify(t('shift.drawer.opened', { count: opening.count }));
    } catch (err) {
      setError(errorText(t, language, err, 'openDrawer'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="actions">
      <button type="button" onClick={() => void open()} disabled={busy}>
        {t('shift.drawer.open')}
      </button>
      <p role="alert" class="form-error">
        {error}
      </p>
    </div>
  );
}
