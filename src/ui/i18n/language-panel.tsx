// Settings: the language of the screens. "Automatic" follows the browser (else the store); a choice
// is kept for this device (ui-language-store.ts). Receipts stay in the store's language.
import { useId } from 'preact/hooks';
import { useI18n } from './i18n-context.tsx';
import { LANGUAGE_NAMES, UI_LANGUAGES, type UiLanguage } from './languages.ts';

type Option = UiLanguage | 'auto';

export function LanguagePanel() {
  const { t, chosen, automatic, storeLanguage, choose } = useI18n();
  const id = useId();
  const current: Option = chosen ?? 'auto';
  const options: readonly Option[] = ['auto', ...UI_LANGUAGES];
  return (
    <fieldset class="radio-row language-panel" aria-describedby={`${id}-hint`}>
      <legend>
        <h2>{t('settings.language.title')}</h2>
        <span class="visually-hidden">{t('settings.language.label')}</span>
      </legend>
      {options.map((option) => (
        <label key={option} lang={option === 'auto' ? undefined : option}>
          <input
            type="radio"
            name={`${id}-language`}
            value={option}
            checked={current === option}
            onChange={() => choose(option === 'auto' ? null : option)}
          />{' '}
          {option === 'auto' ? t('settings.language.automatic', { language: LANGUAGE_NAMES[automatic] }) : LANGUAGE_NAMES[option]}
        </label>
      ))}
      <p id={`${id}-hint`} class="muted language-hint">
        {t('settings.language.hint', { language: LANGUAGE_NAMES[storeLanguage] })}
      </p>
    </fieldset>
  );
}
