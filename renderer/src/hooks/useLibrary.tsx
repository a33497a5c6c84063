/**
 * The library: the archives open together, and which one is on screen. The route's `#/a/<id>/` names
 * it (none: the default archive); everything below LibraryScope talks to that archive through an API
 * scoped to it, so views and hooks need not know there are several.
 */
import { createContext, useContext, useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { LibraryEntry } from '../../../main/api/contract';
import { ApiContext, useApi } from '../api/ApiContext';
import { scopedApi } from '../api/scoped-api';
import { archiveOfHash, setLinkArchive } from '../route';

export interface LibraryState {
  /** Every open archive (null until known, or when the list could not be read). */
  entries: LibraryEntry[] | null;
  /** The list could not be read (the reader still works on the default archive). */
  failed: boolean;
  /** The archive on screen: the route's, else the default one (null until known). */
  current: string | null;
}

const LibraryContext = createContext<LibraryState>({ entries: null, failed: false, current: null });

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

export function LibraryScope({ children }: { children: ReactNode }) {
  const api = useApi();
  const named = useSyncExternalStore(subscribe, () => archiveOfHash(location.hash));
  const [entries, setEntries] = useState<LibraryEntry[] | null>(null);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    let cancelled = false;
    // Without the list the reader still works on the default archive; the Library view says it is unavailable.
    api.call('library.list', {}).then(
      (list) => !cancelled && setEntries(list),
      () => !cancelled && setFailed(true),
    );
    return () => {
      cancelled = true;
    };
  }, [api]);
  const current = named ?? entries?.find((e) => e.isDefault)?.archiveId ?? null;
  // Links name the archive once there is more than one (set while rendering, before any child makes a link).
  setLinkArchive(entries && entries.length > 1 ? current : named);
  const scoped = useMemo(() => scopedApi(api, named), [api, named]);
  const state = useMemo(() => ({ entries, failed, current }), [entries, failed, current]);
  return (
    <ApiContext value={scoped}>
      <LibraryContext value={state}>{children}</LibraryContext>
    </ApiContext>
  );
}

export function useLibrary(): LibraryState {
  return useContext(LibraryContext);
}
