/** The shell: masthead, the view the route names, colophon. Data comes from the hooks; views get what they show. */
import { useEffect, useRef } from 'react';
import { ArchiveNotices } from './components/ArchiveNotices';
import { Colophon } from './components/Colophon';
import { Loading } from './components/Loading';
import { Masthead } from './components/Masthead';
import { Notice } from './components/Notice';
import { useArchiveInfo } from './hooks/useArchiveInfo';
import { useBookmarks } from './hooks/useBookmarks';
import { useRoute } from './hooks/useRoute';
import { useSettings } from './hooks/useSettings';
import { passageHref } from './route';
import { strings } from './strings';
import { Bookmarks } from './views/Bookmarks/Bookmarks';
import { Home } from './views/Home';
import { Reader } from './views/Reader/Reader';
import { Settings } from './views/Settings';
import './App.css';

export function App() {
  const route = useRoute();
  const { info, error: infoError } = useArchiveInfo();
  const { settings, error: settingsError, update: updateSettings, saveReadingPosition } = useSettings();
  const bookmarks = useBookmarks();
  const loadError = infoError ?? settingsError ?? bookmarks.error;
  const mainRef = useRef<HTMLElement>(null);

  // Restore the reading position when the app starts without a deep link (once, when the settings arrive).
  const restored = useRef(false);
  useEffect(() => {
    if (!settings || restored.current) return;
    restored.current = true;
    if ((location.hash === '' || location.hash === '#') && settings.readingPosition)
      location.replace(passageHref(settings.readingPosition));
  }, [settings]);

  // Move focus to the main region on view changes (not for passage jumps: the reader focuses the passage).
  const previousView = useRef(route.view);
  useEffect(() => {
    if (previousView.current !== route.view && route.view !== 'passage') {
      mainRef.current?.focus({ preventScroll: true });
      window.scrollTo(0, 0);
    }
    previousView.current = route.view;
  }, [route]);

  return (
    <>
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        {strings.app.skipLink}
      </button>
      <Masthead info={info} view={route.view} />
      <main id="main" ref={mainRef} tabIndex={-1}>
        {info && <ArchiveNotices notices={info.notices} />}
        {loadError ? (
          <Notice title={strings.app.loadError}>
            <p>{loadError}</p>
          </Notice>
        ) : !info || !settings || !bookmarks.loaded ? (
          <Loading>{strings.app.opening}</Loading>
        ) : route.view === 'home' ? (
          <Home info={info} settings={settings} />
        ) : route.view === 'bookmarks' ? (
          <Bookmarks info={info} />
        ) : route.view === 'settings' ? (
          <Settings settings={settings} onChange={updateSettings} />
        ) : (
          <Reader info={info} route={route} onReadingPosition={saveReadingPosition} />
        )}
      </main>
      <Colophon manifest={info?.manifest ?? null} />
    </>
  );
}
