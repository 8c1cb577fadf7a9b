// Lists the keyboard shortcuts (from shortcuts.ts) for staff who sell without touching the screen.
import { useI18n } from './i18n/i18n-context.tsx';
import { Modal } from './modal.tsx';
import { SHORTCUTS } from './shortcuts.ts';

export function HelpDialog(props: { onClose: () => void }) {
  const { t } = useI18n();
  return (
    <Modal title={t('help.title')} onClose={props.onClose}>
      <table class="data-table">
        <thead>
          <tr>
            <th scope="col">{t('help.keysColumn')}</th>
            <th scope="col">{t('help.actionColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((id) => (
            <tr key={id}>
              <td>
                <kbd>{t(`help.keys.${id}`)}</kbd>
              </td>
              <td>{t(`help.does.${id}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div class="actions">
        <button type="button" class="primary" onClick={props.onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </Modal>
  );
}
