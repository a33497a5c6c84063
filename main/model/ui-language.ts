/** The languages Folio's interface speaks (the archive's content keeps its own). */
export const UI_LANGUAGES = ['en', 'ko'] as const;

export type UiLanguage = (typeof UI_LANGUAGES)[number];

export const isUiLanguage = (value: unknown): value is UiLanguage =>
  typeof value === 'string' && (UI_LANGUAGES as readonly string[]).includes(value);
