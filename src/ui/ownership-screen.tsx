// What a tab shows when it does not own the till: another tab has it ("Use here" takes it over),
// or this tab handed it on ("Take it back"). One owner per device keeps sales in one database.
import { useState } from 'preact/hooks';
import { errorText } from './error-text.ts';

export interface OwnershipScreenProps {
  kind: 'elsewhere' | 'moved';
  /** Asks the owning tab to close its database and opens it here. */
  onTakeOver: () => Promise<unknown>;
}

const TEXT = {
  elsewhere: {
    title: 'The till is open in another tab',
    detail: 'Only one tab can sell at a time, so every sale lands in one place. Use the till here and the other tab will stop.',
    action: 'Use here',
  },
  moved: {
    title: 'The till moved to another tab',
    detail: 'This tab no longer records sales. Take it back to sell here; the other tab will stop.',
    action: 'Take it back',
  },
} as const;

export function OwnershipScreen({ kind, onTakeOver }: OwnershipScreenProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const text = TEXT[kind];

  const takeOver = async () => {
    setBusy(true);
    setError(null);
    try {
      await onTakeOver();
    } catch (e) {
      setError(errorText(e, 'take the till over'));
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
          {busy ? 'Taking over…' : text.action}
        </button>
        <div role="alert" class="form-error">
          {error}
        </div>
      </div>
    </main>
  );
}
