// The Z report's printed texts as a translate function (src/print/z-report-texts.ts): {{name}}
// placeholders, and key_one / key_other chosen by Intl.PluralRules when a count is given, as i18next
// does for the till's catalog. Kept this small so the back office need not load the till's i18n.
import { zReportTexts, type PrintLanguage, type ZReportTextKey } from './z-report-texts.ts';

export type ZReportText = (key: ZReportTextKey, vars?: Readonly<Record<string, string | number>>) => string;

const PLACEHOLDER = /\{\{\s*(\w+)\s*\}\}/g;

export function zReportText(language: PrintLanguage): ZReportText {
  const texts: Readonly<Record<string, string>> = zReportTexts[language];
  const plural = new Intl.PluralRules(language);
  return (key, vars = {}) => {
    const count = vars['count'];
    const text = (typeof count === 'number' ? (texts[`${key}_${plural.select(count)}`] ?? texts[`${key}_other`]) : undefined) ?? texts[key] ?? key;
    return text.replace(PLACEHOLDER, (_, name: string) => String(vars[name] ?? ''));
  };
}
