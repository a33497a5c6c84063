import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ArchiveInfo, Bookmark, FolioApi, Settings } from '../../main/api/contract';
import { parseHash, passageHref, type Route } from './route';
import { Search } from './Search';
import { Reader } from './Reader';
import { BookmarksView, Home, SettingsView } from './Views';

export interface BookmarkActions {
  bookmarks: Map<string, Bookmark>;
  toggle(passageId: string): Promise<void>;
  saveNote(passageId: string, note: string): Promise<void>;
  remove(passageId: string): Promise<void>;
  refresh(): Promise<void>;
}

export function App({ api }: { api: FolioApi }) {
  const [info, setInfo] = useState<ArchiveInfo | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [route, setRoute] = useState<Route>(() => parseHash(location.hash));
  const [settings, setSettings] = useState<Settings | null>(null);
  const [bookmarkList, setBookmarkList] = useState<Bookmark[]>([]);
  const [status, setStatus] = useState('');
  const [noticesDismissed, setNoticesDismissed] = useState(false);
  const mainRef = useRef<HTMLElement>(null);

  const announce = useCallback((message: string) => {
    setStatus('');
    // A new text node each time, so screen readers repeat identical messages.
    requestAnimationFrame(() => setStatus(message));
  }, []);

  // Start: archive, settings (reading position, theme), bookmarks.
  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const [archive, saved, list] = await Promise.all([
          api.call('archive.info', {}),
          api.call('settings.get', {}),
          api.call('bookmarks.list', {}),
        ]);
        if (cancelled) return;
        setInfo(archive);
        setSettings(saved);
        setBookmarkList(list);
        document.title = `${archive.manifest.title} · Folio`;
        document.documentElement.lang = archive.manifest.languages[0] ?? 'en';
        // Restore the reading position when the app starts without a deep link.
        if ((location.hash === '' || location.hash === '#') && saved.readingPosition) {
          history.replaceState(null, '', passageHref(saved.readingPosition));
          setRoute(parseHash(location.hash));
        }
      } catch (error) {
        if (!cancelled) setLoadError((error as Error).message);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [api]);

  useEffect(() => {
    const onHash = (): void => setRoute(parseHash(location.hash));
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, []);

  // Theme and font size on the root element (CSSOM, allowed by the CSP).
  useEffect(() => {
    if (!settings) return;
    document.documentElement.dataset.theme = settings.theme;
    document.documentElement.style.setProperty('--reader-size', `${settings.fontSize}px`);
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

  const bookmarks = useMemo(() => new Map(bookmarkList.map((b) => [b.passageId, b])), [bookmarkList]);

  const refresh = useCallback(async () => {
    setBookmarkList(await api.call('bookmarks.list', {}));
  }, [api]);

  const actions: BookmarkActions = useMemo(
    () => ({
      bookmarks,
      refresh,
      toggle: async (passageId) => {
        try {
          if (bookmarks.has(passageId)) {
            await api.call('bookmarks.remove', { passageId });
            announce('Bookmark removed.');
          } else {
            await api.call('bookmarks.set', { passageId });
            announce('Bookmark saved.');
          }
          await refresh();
        } catch (error) {
          announce(`Could not change the bookmark: ${(error as Error).message}`);
        }
      },
      saveNote: async (passageId, note) => {
        try {
          await api.call('bookmarks.set', { passageId, note });
          await refresh();
          announce('Note saved.');
        } catch (error) {
          announce(`Could not save the note: ${(error as Error).message}`);
        }
      },
      remove: async (passageId) => {
        try {
          await api.call('bookmarks.remove', { passageId });
          await refresh();
          announce('Bookmark removed.');
        } catch (error) {
          announce(`Could not remove the bookmark: ${(error as Error).message}`);
        }
      },
    }),
    [api, bookmarks, refresh, announce],
  );

  const updateSettings = useCallback(
    async (patch: Partial<Settings>) => {
      // Shown at once; the stored value (committed before the answer) replaces it.
      setSettings((prev) => (prev ? { ...prev, ...patch } : prev));
      try {
        setSettings(await api.call('settings.set', patch));
      } catch (error) {
        announce(`Could not save the setting: ${(error as Error).message}`);
      }
    },
    [api, announce],
  );

  const saveReadingPosition = useCallback(
    (passageId: string) => {
      api.call('settings.set', { readingPosition: passageId }).catch(() => undefined);
    },
    [api],
  );

  const current = route.view;
  return (
    <>
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        Skip to content
      </button>
      <header className="masthead">
        <div className="masthead-inner">
          <a className="brand" href="#/">
            <span className="brand-mark" aria-hidden="true">
              F
            </span>
            <span className="brand-text">
              <span className="brand-title">{info?.manifest.title ?? 'Folio'}</span>
              <span className="brand-sub">Folio offline archive</span>
            </span>
          </a>
          <Search api={api} info={info} />
          <nav className="topnav" aria-label="Main">
            <a href="#/" aria-current={current === 'home' ? 'page' : undefined}>
              Contents
            </a>
            <a href="#/bookmarks" aria-current={current === 'bookmarks' ? 'page' : undefined}>
              Bookmarks
              {bookmarkList.length > 0 && (
                <span className="count" aria-hidden="true">
                  {' '}
                  {bookmarkList.length}
                </span>
              )}
            </a>
            <a href="#/settings" aria-current={current === 'settings' ? 'page' : undefined}>
              Settings
            </a>
          </nav>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1}>
        {info && info.notices.length > 0 && !noticesDismissed && (
          <section className="notice banner" role="alert" aria-labelledby="open-notice">
            <h2 id="open-notice">Please note</h2>
            {info.notices.map((notice) => (
              <p key={notice}>{notice}</p>
            ))}
            <button type="button" onClick={() => setNoticesDismissed(true)}>
              Dismiss
            </button>
          </section>
        )}
        {loadError ? (
          <section className="notice error" aria-labelledby="load-error">
            <h1 id="load-error">The archive could not be opened</h1>
            <p>{loadError}</p>
          </section>
        ) : !info || !settings ? (
          <p className="loading" role="status">
            Opening the archive…
          </p>
        ) : route.view === 'home' ? (
          <Home info={info} settings={settings} />
        ) : route.view === 'bookmarks' ? (
          <BookmarksView api={api} info={info} actions={actions} announce={announce} />
        ) : route.view === 'settings' ? (
          <SettingsView settings={settings} onChange={updateSettings} />
        ) : (
          <Reader api={api} info={info} route={route} actions={actions} onReadingPosition={saveReadingPosition} />
        )}
      </main>
      <footer className="colophon">
        {info && (
          <p>
            <span>{info.manifest.source}</span> <span aria-hidden="true">·</span> <span>{info.manifest.licence}</span>
            {info.manifest.version && (
              <>
                {' '}
                <span aria-hidden="true">·</span> <span>Version {info.manifest.version}</span>
              </>
            )}
          </p>
        )}
        <p>Everything here is read from the archive file on this device. Nothing is fetched from the network.</p>
      </footer>
      <div className="visually-hidden" role="status" aria-live="polite">
        {status}
      </div>
    </>
  );
}
