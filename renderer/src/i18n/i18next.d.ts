/** Typed keys: `t('nav.bookmarkz')` does not compile, and every key is checked against the English catalogue. */
import 'i18next';
import type { en } from './en';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
