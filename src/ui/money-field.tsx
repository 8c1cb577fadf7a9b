// A labelled amount input: staff type major units with the locale's decimal separator ("12,50" on a
// German screen; "12.50" is read too, see parseMoney); the value is integer minor units or null
// while the text is not a valid amount for the store's currency.
import { useId } from 'preact/hooks';
import { parseMoney } from '../domain/format-money.ts';
import { useI18n } from './i18n/i18n-context.tsx';
import { useTill } from './till-context.ts';

export interface MoneyFieldProps {
  label: string;
  text: string;
  onText: (text: string, minor: number | null) => void;
  autoFocus?: boolean;
  onEnter?: () => void;
}

export function MoneyField(props: MoneyFieldProps) {
  const { money } = useTill();
  const { t } = useI18n();
  const id = useId();
  const invalid = props.text.trim() !== '' && parseMoney(props.text, money.fractionDigits) === null;
  return (
    <div class="field">
      <label for={id}>{props.label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={props.text}
        autoFocus={props.autoFocus === true}
        aria-invalid={invalid}
        aria-describedby={invalid ? `${id}-err` : undefined}
        onInput={(e) => {
          const text = e.currentTarget.value;
          props.onText(text, parseMoney(text, money.fractionDigits));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && props.onEnter !== undefined && !e.defaultPrevented) {
            e.preventDefault();
            props.onEnter();
          }
        }}
      />
      {invalid && (
        <span id={`${id}-err`} class="field-error">
          {t('payment.amountHint', { example: money.plain(1250) })}
        </span>
      )}
    </div>
  );
}
