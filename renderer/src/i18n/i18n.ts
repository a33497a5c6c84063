/**
 * The interface's i18next instance, with both catalogues bundled (no loading, no network). The language is the
 * reader's choice in Settings; until there is one, the configured default (`?lang=ko` on the page's URL, which a
 * kiosk sets), then the system or browser languages, then English.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { UiLanguage } from '../../../main/model/ui-language';
import { en } from './en';
import { ko } from './ko';

/** Each language by its own name, as the language chooser lists it (names are never translated). */
export const LANGUAGE_NAMES = { en: 'English', ko: '한국어' } satisfies Record<UiLanguage, string>;
export const LANGUAGES = Object.keys(LANGUAGE_NAMES) as UiLanguage[];

const asUiLanguage = (tag: string | null | undefined): UiLanguage | null => {
  const base = tag?.toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((lang) => lang === base) ?? null;
};

/** A kiosk's configured language (kiosk.json), set before its first render. */
let kioskDefault: UiLanguage | null = null;
export function setKioskLanguage(lang: UiLanguage | null): void {
  kioskDefault = lang;
}

/** The language to use when the reader has not chosen one: `?lang=`, a kiosk's, the system's, else English. */
export function defaultLanguage(): UiLanguage {
  const configured = asUiLanguage(new URLSearchParams(location.search).get('lang')) ?? kioskDefault;
  if (configured) return configured;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const lang = asUiLanguage(tag);
    if (lang) return lang;
  }
  return 'en';
}

export const i18n = i18next.createInstance();
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, ko: { translation: ko } },
  lng: defaultLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  // React escapes what it renders; escaping here would show &amp; in the page.
  interpolation: { escapeValue: false },
  initAsync: false,
});
