/**
 * Which of a section's passages are on the page. The Linux kernel's list of maintainers is one
 * section of 25,702 passages: drawn whole, it took 8.5 s and 260,000 elements on a desktop, and every
 * frame after it was slow (a phone would give up). A section of more than SHOW_WHOLE_UP_TO passages
 * therefore shows a window of them: from a few before the passage a link opens, widened a STEP at a
 * time at either end. The window belongs to the history entry, like its scroll position, so that
 * Back, Forward and a reload return to the same page (scroll-memory.ts).
 */
import { useCallback, useEffect, useState } from 'react';
import { passageWindowToRestore, rememberPassageWindow } from '../../scroll-memory';

/** Up to this many passages, a section is shown whole. */
export const SHOW_WHOLE_UP_TO = 400;
/** Passages shown, and added by each widening. */
export const STEP = 200;
/** Passages kept above the one a link opens, so that it is read in its context. */
const BEFORE_TARGET = 20;

/** The passages shown: indexes [from, to) of the section's. */
export interface PassageSpan {
  from: number;
  to: number;
}

export interface PassageWindow extends PassageSpan {
  /** Whether part of the section is left out. */
  partial: boolean;
  /** Shows STEP more passages before the first shown, or after the last. */
  widen(this: void, side: 'earlier' | 'later'): void;
  /** Shows every passage (for printing). */
  showAll(this: void): void;
}

interface Held {
  sectionId: string;
  count: number;
  span: PassageSpan;
}

const covers = (span: PassageSpan, index: number): boolean => index < 0 || (index >= span.from && index < span.to);

function initialSpan(count: number, target: number): PassageSpan {
  if (count <= SHOW_WHOLE_UP_TO) return { from: 0, to: count };
  const restored = passageWindowToRestore();
  if (restored) {
    const [from, to] = restored;
    if (from >= 0 && from < to && to <= count && covers({ from, to }, target)) return { from, to };
  }
  const from = target < 0 ? 0 : Math.max(0, target - BEFORE_TARGET);
  return { from, to: Math.min(count, from + STEP) };
}

/** The window on section `sectionId` (null while none is loaded) of `count` passages, holding index `target` (-1: none). */
export function usePassageWindow(sectionId: string | null, count: number, target: number): PassageWindow {
  const [state, setState] = useState<Held | null>(null);
  let held = state;
  // A new section, or a passage outside the window: a new window (set while rendering, as React allows for
  // state that follows props, so the passages outside it are never drawn).
  if (sectionId !== null && (held?.sectionId !== sectionId || held.count !== count || !covers(held.span, target))) {
    held = { sectionId, count, span: initialSpan(count, target) };
    setState(held);
  }
  const span = held?.span ?? { from: 0, to: 0 };

  useEffect(() => {
    if (state && state.count > SHOW_WHOLE_UP_TO) rememberPassageWindow(state.span.from, state.span.to);
  }, [state]);

  const widen = useCallback((side: 'earlier' | 'later') => {
    setState((s) => {
      if (!s) return s;
      const { from, to } = s.span;
      const next =
        side === 'earlier' ? { from: Math.max(0, from - STEP), to } : { from, to: Math.min(s.count, to + STEP) };
      return { ...s, span: next };
    });
  }, []);
  const showAll = useCallback(() => setState((s) => s && { ...s, span: { from: 0, to: s.count } }), []);

  return { ...span, partial: span.from > 0 || span.to < (held?.count ?? 0), widen, showAll };
}
