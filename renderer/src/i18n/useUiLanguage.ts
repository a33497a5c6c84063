/** Puts the interface in the reader's language (or the default) and names it on <html lang> for screen readers. */
import { useEffect } from 'react';
import type { UiLanguage } from '../../../main/model/ui-language';
import { defaultLanguage, i18n } from './i18n';

export function useUiLanguage(chosen: UiLanguage | null | undefined): void {
  useEffect(() => {
    const lang = chosen ?? defaultLanguage();
    document.documentElement.lang = lang;
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [chosen]);
}
