// The store filter of the reports: the stores where the person holds view_reports, optionally with
// "All stores" ('').
import { useId } from 'preact/hooks';
import { useStores } from '../../components/store-picker.tsx';
import { useI18n } from '../../i18n/i18n-context.tsx';

export function ReportStoreSelect({ value, onValue, withAll }: { value: string; onValue: (id: string) => void; withAll: boolean }) {
  const { t } = useI18n();
  const id = useId();
  const stores = useStores('view_reports');
  return (
    <div class="bo-field">
      <label for={id}>{t('reports.store')}</label>
      <select id={id} value={value} onChange={(e) => onValue(e.currentTarget.value)}>
        {withAll && <option value="">{t('reports.allStores')}</option>}
        {stores.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name}
          </option>
        ))}
      </select>
    </div>
  );
}

export function DateField({ label, value, onValue }: { label: string; value: string; onValue: (day: string) => void }) {
  const id = useId();
  return (
    <div class="bo-field">
      <label for={id}>{label}</label>
      <input id={id} type="date" value={value} required onInput={(e) => onValue(e.currentTarget.value)} />
    </div>
  );
}
