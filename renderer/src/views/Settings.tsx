/** Text size and theme, remembered per device and archive, and the keyboard shortcuts. */
import type { Settings as SavedSettings } from '../../../main/api/contract';
import { strings } from '../strings';
import './Settings.css';

const THEMES = Object.keys(strings.settings.themes) as SavedSettings['theme'][];

export function Settings({
  settings,
  onChange,
}: {
  settings: SavedSettings;
  onChange(this: void, patch: Partial<SavedSettings>): Promise<void>;
}) {
  const t = strings.settings;
  return (
    <section className="settings" aria-labelledby="settings-title">
      <h1 id="settings-title">{t.title}</h1>
      <p className="lede">{t.lede}</p>
      <div className="setting">
        <label htmlFor="font-size">{t.textSize}</label>
        <div className="range-row">
          <input
            id="font-size"
            type="range"
            min={12}
            max={32}
            step={1}
            value={settings.fontSize}
            aria-valuetext={t.pixels(settings.fontSize)}
            onChange={(e) => void onChange({ fontSize: Number(e.target.value) })}
          />
          <output htmlFor="font-size">{t.px(settings.fontSize)}</output>
        </div>
        <p className="sample">{t.sample}</p>
      </div>
      <fieldset className="setting">
        <legend>{t.theme}</legend>
        {THEMES.map((theme) => (
          <label key={theme} className="radio">
            <input
              type="radio"
              name="theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => void onChange({ theme })}
            />
            {t.themes[theme]}
          </label>
        ))}
      </fieldset>
      <div className="setting">
        <h2>{t.keyboard}</h2>
        <dl className="keys">
          <dt>
            <kbd>/</kbd> {t.or} <kbd>Ctrl</kbd>+<kbd>K</kbd>
          </dt>
          <dd>{t.keySearch}</dd>
          <dt>
            <kbd>↑</kbd> <kbd>↓</kbd> <kbd>Enter</kbd>
          </dt>
          <dd>{t.keyResults}</dd>
          <dt>
            <kbd>Esc</kbd>
          </dt>
          <dd>{t.keyClear}</dd>
        </dl>
      </div>
    </section>
  );
}
