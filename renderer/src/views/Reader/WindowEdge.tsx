/**
 * An end of the span of a long section on the page (useSection.ts): which passages are shown, and a button
 * for the ones before or after. The end after them also widens by itself when scrolled near, so that
 * reading on is not interrupted; the button is there for the keyboard and for anyone who wants it.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import '../../components/ShowMore.css';

/** How near the end after the window comes into view before it widens by itself. */
const AHEAD = '0px 0px 800px 0px';

export function WindowEdge({
  side,
  from,
  to,
  total,
  count,
  error,
  onWiden,
}: {
  side: 'earlier' | 'later';
  /** The passages shown, [from, to) of `total`. */
  from: number;
  to: number;
  total: number;
  /** How many passages the button adds. */
  count: number;
  /** Why the last widening failed, if it did. */
  error: string | null;
  /** Widens the window; `byHand` when the button was pressed or held the focus (focus then goes to what it added). */
  onWiden(this: void, byHand: boolean): void;
}) {
  const { t } = useTranslation();
  const edge = useRef<HTMLParagraphElement>(null);

  // Observed afresh after each widening: an edge still in reach then widens again.
  useEffect(() => {
    const el = edge.current;
    if (side !== 'later' || !el || !('IntersectionObserver' in window)) return;
    const observer = new IntersectionObserver(
      (entries) => {
        // With the focus on the button (tabbed to), what is added is where the keyboard goes next.
        if (entries.some((e) => e.isIntersecting)) onWiden(el.contains(document.activeElement));
      },
      { rootMargin: AHEAD },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [side, to, onWiden]);

  const shown = t('reader.passagesShown', { from: from + 1, to, total });
  return (
    <p ref={edge} className={`show-more window-edge window-edge-${side}`}>
      {/* Announced once, at the end after the window (where reading goes on). */}
      {side === 'later' ? <span role="status">{shown}</span> : <span>{shown}</span>}
      <button type="button" className="button" onClick={() => onWiden(true)}>
        {side === 'earlier' ? t('reader.passagesEarlier', { count }) : t('list.more', { count })}
      </button>
      {error && <span role="alert">{error}</span>}
    </p>
  );
}
