/** The route of the page's hash, kept in step with back, forward and links (the hash is the only router). */
import { useMemo, useSyncExternalStore } from 'react';
import { parseHash, type Route } from '../route';

/** Where the reader itself lives: the server's root (or index.html in the app). */
const READER_PATHS: ReadonlySet<string> = new Set(['/', '/index.html']);

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The reader's contents, from wherever the page is (an unknown path needs the way back to the root). */
export function contentsHref(): string {
  return READER_PATHS.has(location.pathname) ? '#/' : '/#/';
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  // `folio serve` answers any other path with the reader and a 404: say the page is not there, never guess.
  const atReader = READER_PATHS.has(location.pathname);
  return useMemo(() => (atReader ? parseHash(hash) : { view: 'not-found' }), [atReader, hash]);
}
