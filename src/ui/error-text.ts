// Turns whatever a worker call rejected with into a sentence staff can act on, in the UI language:
// what could not be done, then what to do. TillErrors are recognised by name and code (they cross
// Comlink as data, so instanceof would fail). Codes are never shown. The worker's own message is an
// English diagnostic: it is added in brackets on English screens only, so a German screen stays German.
import { isTillError, TillErrorCode } from '../api/till-error.ts';
import type { en } from './i18n/en/index.ts';
import type { UiLanguage } from './i18n/languages.ts';
import type { Translate } from './i18n/translator.ts';

/** What staff were doing when it failed: one sentence per action in the catalogs (errors.failed). */
export type ErrorAction = keyof typeof en.errors.failed;

/** The language the worker writes its error messages in. */
const WORKER_LANGUAGE: UiLanguage = 'en';

type InvalidWhen = keyof typeof en.errors.invalidWhen;
const INVALID_WHEN: ReadonlySet<string> = new Set<InvalidWhen>(['recordSale', 'pair', 'adjustStock', 'recordRefund']);

function isInvalidWhen(action: ErrorAction): action is InvalidWhen {
  return INVALID_WHEN.has(action);
}

function isKnownCode(code: string): code is TillErrorCode {
  return Object.hasOwn(TillErrorCode, code);
}

/** "Could not record the sale: The till refused this input. (empty cart)" */
export function errorText(t: Translate, language: UiLanguage, e: unknown, action: ErrorAction): string {
  const failed = t(`errors.failed.${action}`);
  const showDetail = language === WORKER_LANGUAGE;
  if (isTillError(e)) {
    const advice =
      e.code === 'invalid' && isInvalidWhen(action)
        ? t(`errors.invalidWhen.${action}`)
        : isKnownCode(e.code)
          ? t(`errors.advice.${e.code}`)
          : t('errors.unexpected');
    const detail = showDetail && e.message.trim() !== '' ? ` (${e.message.trim()})` : '';
    return `${failed}: ${advice}${detail}`;
  }
  const message = e instanceof Error ? e.message : String(e);
  const detail = showDetail && message.trim() !== '' ? ` (${message.trim()})` : '';
  return `${failed}: ${t('errors.unexpected')}${detail}`;
}
