/**
 * The reader's bookmarks, loaded once and shared: every passage, the masthead's count and the bookmarks
 * view read the same map, and every change goes through the actions here (which announce the outcome).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Bookmark } from '../../../main/api/contract';
import { useApi } from '../api/ApiContext';
import { messageOf } from '../error-message';
import { i18n } from '../i18n/i18n';
import { useAnnounce } from './useAnnounce';

export interface BookmarksState {
  /** By passage id. */
  bookmarks: ReadonlyMap<string, Bookmark>;
  /** False until the first list has arrived. */
  loaded: boolean;
  /** Why the list could not be read, if it could not. */
  error: string | null;
  toggle(this: void, passageId: string): Promise<void>;
  saveNote(this: void, passageId: string, note: string): Promise<void>;
  remove(this: void, passageId: string): Promise<void>;
  /** Reads the list again (after an import). */
  refresh(this: void): Promise<void>;
}

const BookmarksContext = createContext<BookmarksState | null>(null);

export function BookmarksProvider({ children }: { children: ReactNode }) {
  const api = useApi();
  const announce = useAnnounce();
  const [list, setList] = useState<Bookmark[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    api.call('bookmarks.list', {}).then(
      (first) => !cancelled && setList(first),
      (failure: unknown) => !cancelled && setError(messageOf(failure)),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);

  const bookmarks = useMemo(() => new Map((list ?? []).map((b) => [b.passageId, b])), [list]);

  const refresh = useCallback(async () => {
    setList(await api.call('bookmarks.list', {}));
  }, [api]);

  const value = useMemo<BookmarksState>(
    () => ({
      bookmarks,
      loaded: list !== null,
      error,
      refresh,
      toggle: async (passageId) => {
        try {
          if (bookmarks.has(passageId)) {
            await api.call('bookmarks.remove', { passageId });
            announce(i18n.t('announce.bookmarkRemoved'));
          } else {
            await api.call('bookmarks.set', { passageId });
            announce(i18n.t('announce.bookmarkSaved'));
          }
          await refresh();
        } catch (failure) {
          announce(i18n.t('announce.toggleFailed', { message: messageOf(failure) }));
        }
      },
      saveNote: async (passageId, note) => {
        try {
          await api.call('bookmarks.set', { passageId, note });
          await refresh();
          announce(i18n.t('announce.noteSaved'));
        } catch (failure) {
          announce(i18n.t('announce.noteFailed', { message: messageOf(failure) }));
        }
      },
      remove: async (passageId) => {
        try {
          await api.call('bookmarks.remove', { passageId });
          await refresh();
          announce(i18n.t('announce.bookmarkRemoved'));
        } catch (failure) {
          announce(i18n.t('announce.removeFailed', { message: messageOf(failure) }));
        }
      },
    }),
    [api, announce, bookmarks, list, error, refresh],
  );

  return <BookmarksContext value={value}>{children}</BookmarksContext>;
}

export function useBookmarks(): BookmarksState {
  const bookmarks = useContext(BookmarksContext);
  if (!bookmarks) throw new Error('useBookmarks() needs a <BookmarksProvider> above it.');
  return bookmarks;
}
