/**
 * The reader's settings (text size, theme, language, reading position), read once and applied to the root element:
 * `data-theme` picks the palette, `--reader-size` the text size (CSSOM, which the CSP allows).
 */
import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../../main/api/contract';
import { useApi } from '../api/ApiContext';
import { messageOf } from '../error-message';
import { i18n } from '../i18n/i18n';
import { useAnnounce } from './useAnnounce';

export interface SettingsState {
  settings: Settings | null;
  error: string | null;
  update(this: void, patch: Partial<Settings>): Promise<void>;
  saveReadingPosition(this: void, passageId: string): void;
}

export function useSettings(): SettingsState {
  const api = useApi();
  const announce = useAnnounce();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.call('settings.get', {}).then(
      (saved) => !cancelled && setSettings(saved),
      (failure: unknown) => !cancelled && setError(messageOf(failure)),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  useEffect(() => {
    if (!settings) return;
    document.documentElement.dataset.theme = settings.theme;
    document.documentElement.style.setProperty('--reader-size', `${settings.fontSize}px`);
  }, [settings]);

  const update = useCallback(
    async (patch: Partial<Settings>) => {
      // Shown at once; the stored value (committed before the answer) replaces it.
      setSettings((prev) => (prev ? { ...prev, ...patch } : prev));
      try {
        setSettings(await api.call('settings.set', patch));
      } catch (failure) {
        announce(i18n.t('announce.settingFailed', { message: messageOf(failure) }));
      }
    },
    [api, announce],
  );

  const saveReadingPosition = useCallback(
    (passageId: string) => {
      // Best effort: a position that is not saved only means starting one passage earlier next time.
      api.call('settings.set', { readingPosition: passageId }).catch(() => undefined);
    },
    [api],
  );

  return { settings, error, update, saveReadingPosition };
}
