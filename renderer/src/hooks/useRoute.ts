/** The route of the page's hash, kept in step with back, forward and links (the hash is the only router). */
import { useMemo, useSyncExternalStore } from 'react';
import { parseHash, type Route } from '../route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function useRoute(): Route {
  const hash = useSyncExternalStore(subscribe, () => location.hash);
  return useMemo(() => parseHash(hash), [hash]);
}
