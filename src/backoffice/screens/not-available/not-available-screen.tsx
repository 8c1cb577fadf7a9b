// A section whose screens are not built yet: says so instead of an empty page.
import { useI18n } from '../../i18n/i18n-context.tsx';

export default function NotAvailableScreen({ title }: { title: string }) {
  const { t } = useI18n();
  return (
    <section class="bo-screen">
      <h1>{title}</h1>
      <p>{t('shell.notAvailable')}</p>
    </section>
  );
}
