// What a tab shows when it does not own the till: another tab has it ("Use here" takes it over),
// or this tab handed it on ("Take it back"). One owner per device keeps sales in one database.
import { useState } from 'preact/hooks';
import { errorText } from './error-text.ts';
import { useI18n } from './i18n/i18n-context.tsx';

export interface OwnershipScreenProps {
  kind: 'elsewhere' | 'moved';
  /** Asks the owning tab to close its database and opens it here. */
  onTakeOver: () => Promise<unknown>;
}


export function OwnershipScreen({ kind, onTakeOver }: OwnershipScreenProps) {
  const [busy, setBusy] = useState(false);
  const { t, language } = useI18n();
  const [error, setError] = useState<string | null>(null);
  const text =
    kind === 'elsewhere'
      ? { title: t('boot.ownership.elsewhereTitle'), detail: t('boot.ownership.elsewhereDetail'), action: t('boot.ownership.elsewhereAction') }
      : { title: t('boot.ownership.movedTitle'), detail: t('boot.ownership.movedDetail'), action: t('boot.ownership.movedAction') };

  const takeOver = async () => {
    setBusy(true);
    setError(null);
    try {
      await onTakeOver();
    } catch (e) {
      setError(errorText(t, language, e, 'takeOver'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <main class="setup" aria-labelledby="ownership-title">
      <div class="card setup-card">
        <div role="status">
          <h1 id="ownership-title">{text.title}</h1>
          <p>{text.detail}</p>
        </div>
        <button type="button" class="primary big" onClick={() => void takeOver()} disabled={busy} aria-busy={busy}>
          {busy ? t('boot.ownership.takingOver') : text.action}
        </button>
        <div role="alert" class="form-error">
          {error}
        </div>
      </div>
    </main>
  );
}
