// A multi-line field (address, receipt header and footer) with its error under it, like TextField.
import { useId } from 'preact/hooks';

export function TextAreaField({ name, label, value, onValue, error, rows = 3 }: { name: string; label: string; value: string; onValue: (v: string) => void; error?: string | undefined; rows?: number }) {
  const id = useId();
  return (
    <div class={`bo-field${error === undefined ? '' : ' invalid'}`}>
      <label for={id}>{label}</label>
      <textarea id={id} name={name} rows={rows} value={value} aria-invalid={error !== undefined} aria-describedby={error === undefined ? undefined : `${id}-error`} onInput={(e) => onValue(e.currentTarget.value)} />
      {error !== undefined && (
        <small id={`${id}-error`} class="bo-field-error">
          {error}
        </small>
      )}
    </div>
  );
}
