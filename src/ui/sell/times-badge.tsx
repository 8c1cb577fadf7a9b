// Shows a pending "3 ×" beside the search box, with a way to drop it.
import { useI18n } from '../i18n/i18n-context.tsx';

export function TimesBadge(props: { count: number; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <span class="times-badge" role="status">
      <span aria-hidden="true">{t('sell.times.badge', { count: props.count })}</span>
      <span class="visually-hidden">{t('sell.times.label', { count: props.count })}</span>
      <button type="button" class="icon-button times-cancel" aria-label={t('sell.times.cancel')} onClick={props.onCancel}>
        ×
      </button>
    </span>
  );
}
