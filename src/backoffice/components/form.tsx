// The form pattern every back-office screen uses:
//   const [failure, setFailure] = useState<ApiFailure | null>(null);
//   const errors = fieldErrors(failure);                 // path -> message, from the hub's 400 issues
//   <Form onSubmit={save} busy={busy} failure={failure} submitLabel={t('common.save')}>
//     <TextField name="price" label={...} value={...} onValue={...} error={errors.get('price')} />
//   </Form>
// A field shows its own error under itself (aria-invalid, aria-describedby); the form shows the
// failure's sentence in an alert above the buttons. Nothing is lost on an error: the fields keep what
// was typed.
import type { ComponentChildren, JSX } from 'preact';
import { useId } from 'preact/hooks';
import type { ApiFailure } from '../api/client.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { failureText } from './failure-text.ts';

/** The hub's issues by field path ('price', 'barcodes.0'); an issue without a path is the form's. */
export function fieldErrors(failure: ApiFailure | null): Map<string, string> {
  const out = new Map<string, string>();
  for (const issue of failure?.issues ?? []) if (issue.path !== '' && !out.has(issue.path)) out.set(issue.path, issue.message);
  return out;
}

export interface FormProps {
  onSubmit: () => void | Promise<void>;
  busy: boolean;
  failure: ApiFailure | null;
  submitLabel: string;
  /** Optional second button (Cancel). */
  onCancel?: () => void;
  children: ComponentChildren;
  /** An accessible name for the form. */
  label?: string;
  class?: string;
  /** Shown but not editable (the person lacks the permission): every field disabled, no buttons. */
  readOnly?: boolean;
}

export function Form({ onSubmit, busy, failure, submitLabel, onCancel, children, label, class: className, readOnly = false }: FormProps) {
  const { t } = useI18n();
  const submit = (e: JSX.TargetedEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!busy && !readOnly) void onSubmit();
  };
  if (readOnly) {
    return (
      <form class={`bo-form ${className ?? ''}`} onSubmit={submit} aria-label={label} noValidate>
        <fieldset class="bo-read-only" disabled>
          {children}
        </fieldset>
      </form>
    );
  }
  return (
    <form class={`bo-form ${className ?? ''}`} onSubmit={submit} aria-label={label} aria-busy={busy} noValidate>
      {children}
      {failure !== null && (
        <p class="bo-error" role="alert">
          {failureText(t, failure)}
        </p>
      )}
      <div class="bo-form-actions">
        <button type="submit" class="primary" disabled={busy}>
          {busy ? t('common.saving') : submitLabel}
        </button>
        {onCancel !== undefined && (
          <button type="button" onClick={onCancel} disabled={busy}>
            {t('common.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}

export interface FieldProps {
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  error?: string | undefined;
  type?: 'text' | 'email' | 'password' | 'number' | 'search';
  required?: boolean;
  autoComplete?: string;
  inputMode?: 'text' | 'decimal' | 'numeric';
  hint?: string;
}

export function TextField({ name, label, value, onValue, error, type = 'text', required, autoComplete, inputMode, hint }: FieldProps) {
  const id = useId();
  const describedBy = [error === undefined ? null : `${id}-error`, hint === undefined ? null : `${id}-hint`].filter((x) => x !== null).join(' ');
  return (
    <div class={`bo-field${error === undefined ? '' : ' invalid'}`}>
      <label for={id}>{label}</label>
      <input
        id={id}
        name={name}
        type={type}
        value={value}
        required={required}
        autoComplete={autoComplete}
        inputMode={inputMode}
        aria-invalid={error !== undefined}
        aria-describedby={describedBy === '' ? undefined : describedBy}
        onInput={(e) => onValue(e.currentTarget.value)}
      />
      {hint !== undefined && (
        <small id={`${id}-hint`} class="bo-hint">
          {hint}
        </small>
      )}
      {error !== undefined && (
        <small id={`${id}-error`} class="bo-field-error">
          {error}
        </small>
      )}
    </div>
  );
}

export interface SelectFieldProps {
  name: string;
  label: string;
  value: string;
  onValue: (value: string) => void;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
}

export function SelectField({ name, label, value, onValue, options, error }: SelectFieldProps) {
  const id = useId();
  return (
    <div class={`bo-field${error === undefined ? '' : ' invalid'}`}>
      <label for={id}>{label}</label>
      <select id={id} name={name} value={value} aria-invalid={error !== undefined} aria-describedby={error === undefined ? undefined : `${id}-error`} onChange={(e) => onValue(e.currentTarget.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      {error !== undefined && (
        <small id={`${id}-error`} class="bo-field-error">
          {error}
        </small>
      )}
    </div>
  );
}

export function CheckboxField({ name, label, checked, onChecked }: { name: string; label: string; checked: boolean; onChecked: (checked: boolean) => void }) {
  const id = useId();
  return (
    <div class="bo-field bo-check">
      <input id={id} name={name} type="checkbox" checked={checked} onChange={(e) => onChecked(e.currentTarget.checked)} />
      <label for={id}>{label}</label>
    </div>
  );
}
