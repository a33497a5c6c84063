/**
 * A view's own word table in the interface's current language (re-rendered when it changes), for the
 * views that keep their words beside them until the catalogues (en.ts, ko.ts) take them in.
 */
import { useTranslation } from 'react-i18next';
import type { UiLanguage } from '../../../main/model/ui-language';

export function useLocalStrings<T>(tables: Record<UiLanguage, T>): T {
  const { i18n } = useTranslation();
  return (i18n.resolvedLanguage ?? i18n.language) === 'ko' ? tables.ko : tables.en;
}
