/**
 * Text size, theme and interface language, remembered per device and archive (in a kiosk, for the visit
 * only), and the keyboard shortcuts.
 */
import { useTranslation } from 'react-i18next';
import type { Settings as SavedSettings } from '../../../main/api/contract';
import { LANGUAGE_NAMES, LANGUAGES } from '../i18n/i18n';
import { useKioskMode } from '../kiosk/kiosk-mode';
import './Settings.css';

const THEMES = ['light', 'dark', 'system'] as const satisfies readonly SavedSettings['theme'][];

export function Settings({
  settings,
  onChange,
}: {
  settings: SavedSettings;
  onChange(this: void, patch: Partial<SavedSettings>): Promise<void>;
}) {
  const { t } = useTranslation();
  const kiosk = useKioskMode();
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t('settings.title')}</h1>
      <p className="lede">{t(kiosk ? 'settings.ledeKiosk' : 'settings.lede')}</p>
      <div className="setting">
        <label htmlFor="font-size">{t('settings.textSize')}</label>
        <div className="range-row">
          <input
            id="font-size"
            type="range"
            min={12}
            max={32}
            step={1}
            value={settings.fontSize}
            aria-valuetext={t('settings.pixels', { n: settings.fontSize })}
            onChange={(e) => void onChange({ fontSize: Number(e.target.value) })}
          />
          <output htmlFor="font-size">{t('settings.px', { n: settings.fontSize })}</output>
        </div>
        <p className="sample">{t('settings.sample')}</p>
      </div>
      <fieldset className="setting">
        <legend>{t('settings.theme')}</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="radio">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => void onChange({ theme })}
            />
            {t(`settings.themes.${theme}`)}
          </label>
        ))}
      </fieldset>
      <fieldset className="setting" aria-describedby="language-hint">
        <legend>{t('settings.language')}</legend>
        <p id="language-hint" className="hint">
          {t('settings.languageHint')}
        </p>
        <label className="radio">
          <input
            type="radio"
            name="language"
            value=""
            checked={settings.language === null}
            onChange={() => void onChange({ language: null })}
          />
          {t('settings.languageDefault')}
        </label>
        {LANGUAGES.map((lang) => (
          <label key={lang} className="radio" lang={lang}>
            <input
              type="radio"
              name="language"
              value={lang}
              checked={settings.language === lang}
              onChange={() => void onChange({ language: lang })}
            />
            {LANGUAGE_NAMES[lang]}
          </label>
        ))}
      </fieldset>
      <div className="setting">
        <h2>{t('settings.keyboard')}</h2>
        <dl className="keys">
          <dt>
            <kbd>/</kbd> {t('settings.or')} <kbd>Ctrl</kbd>+<kbd>K</kbd>
          </dt>
          <dd>{t('settings.keySearch')}</dd>
          <dt>
            <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd>
          </dt>
          <dd>{t('settings.keyResults')}</dd>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>{t('settings.keyClear')}</dd>
        </dl>
      </div>
    </section>
  );
}
