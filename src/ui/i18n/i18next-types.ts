// Type-checked message keys: i18next reads the English catalog's type, so `t('sell.cart.title')`
// compiles and `t('sell.cart.titel')` does not, and every {{placeholder}} must be passed.
import type { en } from './en/index.ts';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
    strictInterpolationChecks: true;
  }
}
