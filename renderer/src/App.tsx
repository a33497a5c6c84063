/** The shell: masthead, the view the route names, colophon. Data comes from the hooks; views get what they show. */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { ArchiveNotices } from './components/ArchiveNotices';
import { Colophon } from './components/Colophon';
import { Loading } from './components/Loading';
import { Masthead } from './components/Masthead';
import { Notice } from './components/Notice';
import { useArchiveInfo } from './hooks/useArchiveInfo';
import { useBookmarks } from './hooks/useBookmarks';
import { useRoute } from './hooks/useRoute';
import { useSettings } from './hooks/useSettings';
import { ContentLanguage } from './i18n/ContentLanguage';
import { useUiLanguage } from './i18n/useUiLanguage';
import { passageHref, type Route } from './route';
import { restoreScroll } from './scroll-memory';
import { About } from './views/About';
import { Bookmarks } from './views/Bookmarks/Bookmarks';
import { Home } from './views/Home';
import { Library } from './views/Library/Library';
import { NotFound } from './views/NotFound';
import { Reader } from './views/Reader/Reader';
import { Settings } from './views/Settings';
import { Share } from './views/Share';
import './App.css';

export function App() {
  const route = useRoute();
  const { info, error: infoError } = useArchiveInfo();
  const { settings, error: settingsError, update: updateSettings, saveReadingPosition } = useSettings();
  const bookmarks = useBookmarks();
  const loadError = infoError ?? settingsError ?? bookmarks.error;
  const mainRef = useRef<HTMLElement>(null);
  const { t } = useTranslation();
  useUiLanguage(settings?.language);

  // Name the document (tabs, history) after the view; the reader names it after the section it shows.
  useEffect(() => {
    if (!info) return;
    const archive = info.manifest.title;
    if (route.view === 'home') document.title = archive;
    else if (route.view === 'bookmarks' || route.view === 'settings')
      document.title = t('app.documentTitle', { page: t(`nav.${route.view}`), archive });
    else if (route.view === 'about') document.title = t('app.documentTitle', { page: t('about.title'), archive });
  }, [info, route.view, t]);

  // Restore the reading position when the app starts without a deep link (once, when the settings arrive).
  const restored = useRef(false);
  useEffect(() => {
    if (!settings || restored.current) return;
    restored.current = true;
    if ((location.hash === '' || location.hash === '#') && settings.readingPosition)
      location.replace(passageHref(settings.readingPosition));
  }, [settings]);

  // Move focus to the main region on view changes (not for passage jumps: the reader focuses the passage).
  // Null until the first view: a reload restores that one's position too, but leaves the focus alone.
  const previousView = useRef<Route['view'] | null>(null);
  useEffect(() => {
    if (previousView.current !== route.view && route.view !== 'passage') {
      if (previousView.current !== null) mainRef.current?.focus({ preventScroll: true });
      // The reader places a section itself, once its passages are on the page.
      if (route.view !== 'section') restoreScroll();
    }
    previousView.current = route.view;
  }, [route]);

  return (
    <ContentLanguage value={info?.manifest.languages[0]}>
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        {t('app.skipLink')}
      </button>
      <Masthead info={info} view={route.view} />
      <main id="main" ref={mainRef} tabIndex={-1}>
        {info && <ArchiveNotices notices={info.notices} />}
        {loadError ? (
          <Notice title={t('app.loadError')}>
            <p>{loadError}</p>
          </Notice>
        ) : !info || !settings || !bookmarks.loaded ? (
          <Loading>{t('app.opening')}</Loading>
        ) : route.view === 'home' ? (
          <Home info={info} settings={settings} />
        ) : route.view === 'bookmarks' ? (
          <Bookmarks info={info} />
        ) : route.view === 'library' ? (
          <Library />
        ) : route.view === 'settings' ? (
          <Settings settings={settings} onChange={updateSettings} />
        ) : route.view === 'share' ? (
          <Share />
        ) : route.view === 'about' ? (
          <About info={info} />
        ) : route.view === 'not-found' ? (
          <NotFound />
        ) : (
          <Reader info={info} route={route} onReadingPosition={saveReadingPosition} />
        )}
      </main>
      <Colophon manifest={info?.manifest ?? null} />
    </ContentLanguage>
  );
}
