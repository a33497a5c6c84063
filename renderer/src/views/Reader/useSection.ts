/**
 * The section a reader route shows: a section route names it; a passage route asks for the passage's section
 * first. Moving between passages of the section on screen does not fetch it again.
 *
 * A long section comes a span at a time. The Linux kernel's list of maintainers is one section of 25,702
 * passages: asked for whole, it was 9.6 MB of JSON that took the server's worker 0.4 s (every other reader
 * waited) and its memory from 88 to 290 MB, and the reader 8.5 s and 262,795 elements to draw. Past
 * SHOW_WHOLE_UP_TO passages the reader asks for STEP of them, from a few before the passage a link opens,
 * and STEP more at either end when the reader gets there (Reader.tsx). The span belongs to the history
 * entry, like its scroll position, so Back, Forward and a reload return to the same page (scroll-memory.ts).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { FolioApi, PASSAGES_PER_REQUEST as PassagesPerRequest, SectionView } from '../../../../main/api/contract';
import { useApi } from '../../api/ApiContext';
import { isNotFound, messageOf } from '../../error-message';
import type { Route } from '../../route';
import { passageWindowToRestore, rememberPassageWindow } from '../../scroll-memory';

export type ReaderRoute = Extract<Route, { view: 'section' } | { view: 'passage' }>;

/** Why a section could not be shown: it is not in the archive, or the call failed (with the reason). */
export type SectionError = { notFound: true } | { notFound: false; message: string };

/** Up to this many passages, a section is asked for (and shown) whole. */
const SHOW_WHOLE_UP_TO = 400;
/** Passages a long section shows first, and adds at either end each time. */
export const STEP = 200;
/** Passages shown above the one a link opens, so that it is read in its context. */
const BEFORE_TARGET = 20;
/** The contract's bound on the passages one request may ask for (typed to it: a change there fails here). */
const PASSAGES_PER_REQUEST: typeof PassagesPerRequest = 1000;

export interface SectionPages {
  /** The section, with the span of its passages shown (`from` on); null while loading. */
  view: SectionView | null;
  error: SectionError | null;
  /** Whether the section has passages before or after those shown. */
  partial: boolean;
  /** Why the last widening failed, if it did (what is shown stays). */
  widenError: string | null;
  /** Adds STEP passages before those shown, or after them. */
  widen(this: void, side: 'earlier' | 'later'): void;
  /** Adds every passage not shown (for printing), and shows them before it resolves. */
  showAll(this: void): Promise<void>;
}

/** Passages [from, to) of the section, asked for PASSAGES_PER_REQUEST at a time. */
async function span(api: FolioApi, sectionId: string, from: number, to: number): Promise<SectionView> {
  let view = await api.call('archive.section', { sectionId, from, count: Math.min(PASSAGES_PER_REQUEST, to - from) });
  const end = Math.min(to, view.section.passageCount);
  while (view.from + view.passages.length < end) {
    const at = view.from + view.passages.length;
    const more = await api.call('archive.section', {
      sectionId,
      from: at,
      count: Math.min(PASSAGES_PER_REQUEST, end - at),
    });
    if (more.passages.length === 0) break;
    view = { ...more, from: view.from, passages: [...view.passages, ...more.passages] };
  }
  return view;
}

const isPartial = (v: SectionView): boolean => v.from > 0 || v.from + v.passages.length < v.section.passageCount;
const covers = (v: SectionView, passageId: string | null): boolean =>
  passageId === null || v.passages.some((p) => p.id === passageId);

export function useSection(route: ReaderRoute): SectionPages {
  const api = useApi();
  const [view, setView] = useState<SectionView | null>(null);
  const [error, setError] = useState<SectionError | null>(null);
  const [widenError, setWidenError] = useState<string | null>(null);
  // The section last loaded, for the loader to compare with; a ref, so that loading it does not load again.
  const loaded = useRef<SectionView | null>(null);
  // A widening under way: no other starts until it answers (the end of the page can be reached twice before
  // it does), and printing waits for it.
  const widening = useRef<Promise<void> | null>(null);
  const byPassage = route.view === 'passage';
  const target = route.view === 'passage' ? route.passageId : route.sectionId;

  const show = useCallback((next: SectionView, now = false) => {
    loaded.current = next;
    if (now) flushSync(() => setView(next));
    else setView(next);
    if (isPartial(next)) rememberPassageWindow(next.from, next.from + next.passages.length);
  }, []);

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      try {
        const restored = passageWindowToRestore();
        let next: SectionView;
        if (byPassage) {
          const { section, at } = await api.call('archive.passage', { passageId: target });
          const held = loaded.current;
          if (held?.section.id === section.id && covers(held, target)) next = held;
          else if (section.passageCount <= SHOW_WHOLE_UP_TO)
            next = await api.call('archive.section', { sectionId: section.id });
          else if (restored && restored[0] <= at && at < restored[1])
            next = await span(api, section.id, restored[0], restored[1]);
          else {
            const from = Math.max(0, at - BEFORE_TARGET);
            next = await span(api, section.id, from, from + STEP);
          }
        } else if (loaded.current?.section.id === target) next = loaded.current;
        else if (restored) next = await span(api, target, restored[0], restored[1]);
        else {
          // Whole when it is short; else its first SHOW_WHOLE_UP_TO, which are shown as they came.
          next = await api.call('archive.section', { sectionId: target, from: 0, count: SHOW_WHOLE_UP_TO });
        }
        // A span past the end (a section shorter now than when the entry was left): its beginning instead.
        if (next.passages.length === 0 && next.section.passageCount > 0)
          next = await api.call('archive.section', { sectionId: next.section.id, from: 0, count: SHOW_WHOLE_UP_TO });
        if (cancelled) return;
        show(next);
        setError(null);
        setWidenError(null);
      } catch (failure) {
        if (!cancelled)
          setError(isNotFound(failure) ? { notFound: true } : { notFound: false, message: messageOf(failure) });
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [api, byPassage, target, show]);

  const widen = useCallback(
    (side: 'earlier' | 'later') => {
      if (widening.current) return;
      const shown = loaded.current;
      if (!shown) return;
      const end = shown.from + shown.passages.length;
      const from = side === 'earlier' ? Math.max(0, shown.from - STEP) : end;
      const to = side === 'earlier' ? shown.from : Math.min(shown.section.passageCount, end + STEP);
      if (from >= to) return;
      widening.current = (async () => {
        try {
          const got = await span(api, shown.section.id, from, to);
          // Another section (or span) was loaded meanwhile: this one is no longer wanted.
          if (loaded.current !== shown) return;
          show(
            side === 'earlier'
              ? { ...got, passages: [...got.passages, ...shown.passages] }
              : { ...got, from: shown.from, passages: [...shown.passages, ...got.passages] },
          );
          setWidenError(null);
        } catch (failure) {
          setWidenError(messageOf(failure));
        } finally {
          widening.current = null;
        }
      })();
    },
    [api, show],
  );

  const showAll = useCallback(async () => {
    await widening.current;
    const shown = loaded.current;
    if (!shown || !isPartial(shown)) return;
    const whole = await span(api, shown.section.id, 0, shown.section.passageCount);
    if (loaded.current === shown) show(whole, true);
  }, [api, show]);

  return { view, error, partial: !!view && isPartial(view), widenError, widen, showAll };
}
