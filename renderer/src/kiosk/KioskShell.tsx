/**
 * A kiosk's life: the attract screen; a touch starts a visitor's session (a fresh id, the kiosk's
 * defaults, the home view); idle time or "Reset now" ends it: the server wipes the session's profile and
 * counts it, and the page reloads, so nothing the visitor did (bookmarks, notes, search text, theme,
 * text size, interface language, position) survives in the page or on the server.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { KioskConfig } from '../../../main/api/contract';
import { ApiContext } from '../api/ApiContext';
import { setVisitorSession, newSessionId } from '../api/visitor-session';
import { App } from '../App';
import { BookmarksProvider } from '../hooks/useBookmarks';
import { useArchiveInfo } from '../hooks/useArchiveInfo';
import { AdminPanel } from './AdminPanel';
import { Attract } from './Attract';
import { IdleDialog } from './IdleDialog';
import { OnScreenKeyboard } from './OnScreenKeyboard';
import type { RecordingApi } from './usage-recorder';
import { UsageRoute } from './UsageRoute';
import { useCornerTaps } from './useCornerTaps';
import { useIdle } from './useIdle';
import { useKioskGuards } from './useKioskGuards';
import './kiosk.css';
import { forgetScrollMemory } from '../scroll-memory';
import { defaultLanguage, i18n, setKioskLanguage } from '../i18n/i18n';

/** How long a reset waits for the server before reloading anyway. */
const END_TIMEOUT_MS = 3000;

function IdleWatch({ config, onTimeout }: { config: KioskConfig; onTimeout: () => void }) {
  const left = useIdle(config.idleSeconds, config.countdownSeconds, onTimeout);
  return left === null ? null : <IdleDialog secondsLeft={left} />;
}

export function KioskShell({ config, api }: { config: KioskConfig; api: RecordingApi }) {
  const [phase, setPhase] = useState<'attract' | 'starting' | 'visiting'>('attract');
  const [admin, setAdmin] = useState(false);
  const { info } = useArchiveInfo();
  const ending = useRef(false);
  useKioskGuards();
  // Before anything below renders: their language effects run first and read the default.
  setKioskLanguage(config.defaults.language);
  useCornerTaps(useCallback(() => setAdmin(true), []));

  // Before a session (and on the attract screen) the kiosk's own defaults, never a visitor's.
  useEffect(() => {
    if (phase !== 'attract') return;
    document.documentElement.dataset.theme = config.defaults.theme;
    document.documentElement.style.setProperty('--reader-size', `${config.defaults.fontSize}px`);
    const lang = defaultLanguage();
    document.documentElement.lang = lang;
    if (i18n.language !== lang) void i18n.changeLanguage(lang);
  }, [phase, config]);

  const start = useCallback(() => {
    if (phase !== 'attract') return;
    setPhase('starting');
    setVisitorSession(newSessionId());
    location.replace('#/');
    api.call('kiosk.start', {}).then(
      () => setPhase('visiting'),
      () => setPhase('visiting'), // the profile is new either way; the visitor is not kept waiting
    );
  }, [phase, api]);

  const reset = useCallback(() => {
    if (ending.current) return;
    ending.current = true;
    api.flush();
    const reload = (): void => {
      setVisitorSession(null);
      forgetScrollMemory();
      sessionStorage.clear();
      localStorage.clear();
      location.replace('#/');
      location.reload();
    };
    const timer = setTimeout(reload, END_TIMEOUT_MS);
    void api
      .call('kiosk.end', {})
      .catch(() => undefined) // the page reloads either way; the server's copy is temporary
      .finally(() => {
        clearTimeout(timer);
        reload();
      });
  }, [api]);

  return (
    <ApiContext value={api}>
      {phase === 'visiting' ? (
        <BookmarksProvider>
          <App />
          <UsageRoute api={api} />
          {config.osk && <OnScreenKeyboard />}
          {!admin && <IdleWatch config={config} onTimeout={reset} />}
        </BookmarksProvider>
      ) : (
        <Attract info={info} config={config} onStart={start} />
      )}
      {admin && <AdminPanel canExit={config.canExit} onReset={reset} onClose={() => setAdmin(false)} />}
    </ApiContext>
  );
}
