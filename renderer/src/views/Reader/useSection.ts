/**
 * The section a reader route shows: a section route names it; a passage route asks for the passage's section
 * first. Moving between passages of the section on screen does not fetch it again.
 */
import { useEffect, useRef, useState } from 'react';
import type { SectionView } from '../../../../main/api/contract';
import { useApi } from '../../api/ApiContext';
import { isNotFound, messageOf } from '../../error-message';
import type { Route } from '../../route';

export type ReaderRoute = Extract<Route, { view: 'section' } | { view: 'passage' }>;

/** Why a section could not be shown: it is not in the archive, or the call failed (with the reason). */
export type SectionError = { notFound: true } | { notFound: false; message: string };

export function useSection(route: ReaderRoute): { view: SectionView | null; error: SectionError | null } {
  const api = useApi();
  const [view, setView] = useState<SectionView | null>(null);
  const [error, setError] = useState<SectionError | null>(null);
  // The section last loaded, for the loader to compare with; a ref, so that loading it does not load again.
  const loaded = useRef<SectionView | null>(null);
  const byPassage = route.view === 'passage';
  const target = route.view === 'passage' ? route.passageId : route.sectionId;

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const sectionId = byPassage ? (await api.call('archive.passage', { passageId: target })).section.id : target;
        const next =
          loaded.current?.section.id === sectionId ? loaded.current : await api.call('archive.section', { sectionId });
        if (cancelled) return;
        loaded.current = next;
        setView(next);
        setError(null);
      } catch (failure) {
        if (!cancelled)
          setError(isNotFound(failure) ? { notFound: true } : { notFound: false, message: messageOf(failure) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [api, byPassage, target]);

  return { view, error };
}
