/**
 * The searches a reader ran, kept on this device per archive (localStorage, like a browser's own
 * history): a search counts once the reader commits it, by pressing Enter or opening a result, never
 * per keystroke. A kiosk keeps none: the next visitor must not see the last one's searches.
 */
import { useCallback, useState } from 'react';
import { useKioskMode } from '../kiosk/kiosk-mode';

/** How many are kept (the oldest goes first). */
export const RECENT_SEARCHES = 8;
const keyOf = (archiveId: string): string => `folio.recentSearches.${archiveId}`;
const same = (a: string, b: string): boolean => a.toLocaleLowerCase() === b.toLocaleLowerCase();

function read(key: string | null): string[] {
  if (!key) return [];
  try {
    const stored: unknown = JSON.parse(localStorage.getItem(key) ?? '[]');
    return Array.isArray(stored)
      ? stored.filter((q): q is string => typeof q === 'string').slice(0, RECENT_SEARCHES)
      : [];
  } catch {
    return []; // a damaged or unreadable entry is no history, not a broken search box
  }
}

function write(key: string, searches: readonly string[]): void {
  try {
    if (searches.length) localStorage.setItem(key, JSON.stringify(searches));
    else localStorage.removeItem(key);
  } catch {
    // Storage full or refused (private browsing): the list lives until the page closes.
  }
}

export interface RecentSearches {
  searches: readonly string[];
  /** Records a search the reader committed (most recent first; the same words once, case aside). */
  add(this: void, query: string): void;
  remove(this: void, query: string): void;
  clear(this: void): void;
}

/** `searches` without repeats (case aside), the first spelling kept, at most RECENT_SEARCHES. */
const distinct = (searches: readonly string[]): string[] =>
  searches.filter((q, i) => searches.findIndex((s) => same(s, q)) === i).slice(0, RECENT_SEARCHES);

/**
 * The recent searches of `archiveId` (none in a kiosk). Searches committed before the archive's id
 * is known are held in memory and join its list once it is, so the first moments after start are
 * remembered too.
 */
export function useRecentSearches(archiveId: string | null): RecentSearches {
  const kiosk = useKioskMode() !== null;
  const key = kiosk || !archiveId ? null : keyOf(archiveId);
  const [state, setState] = useState<{ key: string | null; searches: string[] }>(() => ({ key, searches: read(key) }));
  if (state.key !== key) {
    // Another archive (or the first answer of archive.info): its own list, plus what was held.
    const held = state.key === null && key !== null ? state.searches : [];
    const searches = held.length ? distinct([...held, ...read(key)]) : read(key);
    if (held.length && key) write(key, searches);
    setState({ key, searches });
  }
  const searches = state.key === key ? state.searches : read(key);

  const update = useCallback(
    (change: (searches: string[]) => string[]) => {
      if (kiosk) return;
      setState((prev) => {
        const next = change(prev.key === key ? prev.searches : read(key)).slice(0, RECENT_SEARCHES);
        if (key) write(key, next);
        return { key, searches: next };
      });
    },
    [key, kiosk],
  );
  return {
    searches,
    add: useCallback(
      (query: string) => {
        const q = query.trim().slice(0, 500);
        if (q) update((list) => [q, ...list.filter((s) => !same(s, q))]);
      },
      [update],
    ),
    remove: useCallback((query: string) => update((list) => list.filter((s) => s !== query)), [update]),
    clear: useCallback(() => update(() => []), [update]),
  };
}
