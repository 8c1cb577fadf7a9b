// Entering a PIN: a password field that takes the keyboard's digits and a numeric keypad for touch.
// Used by the lock screen and the manager's approval. What the worker answers is shown in words:
// a wrong PIN with the tries left, the lock with its end (it survives a reload: the worker keeps it).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PinResult, StaffSessionView } from '../../api/till-api.ts';
import { useI18n } from '../i18n/i18n-context.tsx';
import { formatTime } from '../../print/date-time.ts';

/** The hub's rule: 4 to 6 digits. */
export const MIN_PIN_DIGITS = 4;
export const MAX_PIN_DIGITS = 6;
const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

export interface PinEntryProps {
  /** The field's label, e.g. "PIN for Alex". */
  label: string;
  submitLabel: string;
  /** Checks the PIN in the worker. */
  check: (pin: string) => Promise<PinResult>;
  onOk: (session: StaffSessionView) => void;
  /** Name of whoever's PIN this is, for "may not approve this either". */
  who: string;
  /** PIN entry is locked until then (epoch ms), as the worker last said. */
  lockedUntil: number | null;
  onError: (e: unknown) => void;
}

export function PinEntry(props: PinEntryProps) {
  const { t, locale } = useI18n();
  const [pin, setPin] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [lockedUntil, setLockedUntil] = useState<number | null>(props.lockedUntil);
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), []);
  // The lock ends by itself: clear it (and its message) when its time has come.
  useEffect(() => {
    if (lockedUntil === null) return undefined;
    const timer = setTimeout(() => {
      setLockedUntil(null);
      setMessage(null);
    }, Math.max(0, lockedUntil - Date.now()));
    return () => clearTimeout(timer);
  }, [lockedUntil]);
  const locked = lockedUntil !== null;
  const lockedText = (until: number) => t('staff.locked', { time: formatTime(new Date(until).toISOString(), locale) });

  const type = (digit: string) => setPin((p) => (p.length < MAX_PIN_DIGITS ? p + digit : p));

  const submit = async (e?: Event) => {
    e?.preventDefault();
    if (busy || locked || pin.length < MIN_PIN_DIGITS) return;
    setBusy(true);
    try {
      const result = await props.check(pin);
      setPin('');
      if (result.kind === 'ok') {
        setMessage(null);
        props.onOk(result.session);
        return;
      }
      if (result.kind === 'locked') setLockedUntil(result.until);
      setMessage(
        result.kind === 'wrong_pin'
          ? t('staff.wrongPin', { count: result.triesLeft })
          : result.kind === 'locked'
            ? lockedText(result.until)
            : result.kind === 'not_permitted'
              ? t('staff.notPermitted', { name: props.who })
              : t('staff.unknownStaff'),
      );
    } catch (err) {
      props.onError(err);
    } finally {
      setBusy(false);
      input.current?.focus();
    }
  };

  return (
    <form class="pin-entry" onSubmit={submit}>
      <div class="field">
        <label for="pin-input">{props.label}</label>
        <input
          id="pin-input"
          ref={input}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          maxLength={MAX_PIN_DIGITS}
          class="pin-input"
          value={pin}
          disabled={locked}
          onInput={(e) => setPin(e.currentTarget.value.replace(/[^0-9]/g, '').slice(0, MAX_PIN_DIGITS))}
        />
      </div>
      <div role="group" aria-label={t('staff.keypad')} class="keypad">
        {KEYS.map((k) => (
          <button key={k} type="button" class="key" disabled={locked} onClick={() => type(k)}>
            {k}
          </button>
        ))}
        <button type="button" class="key" disabled={locked} onClick={() => setPin('')}>
          {t('staff.clear')}
        </button>
        <button type="button" class="key" disabled={locked} onClick={() => type('0')}>
          0
        </button>
        <button type="button" class="key" aria-label={t('staff.backspace')} disabled={locked} onClick={() => setPin((p) => p.slice(0, -1))}>
          ⌫
        </button>
      </div>
      <div role="alert" class="form-error">
        {locked && lockedUntil !== null ? lockedText(lockedUntil) : message}
      </div>
      <button type="submit" class="primary big" disabled={busy || locked || pin.length < MIN_PIN_DIGITS}>
        {busy ? t('staff.checking') : props.submitLabel}
      </button>
    </form>
  );
}
