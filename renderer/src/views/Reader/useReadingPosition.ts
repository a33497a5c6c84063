/** Reports the passage at the top of the viewport (after 700 ms of stillness) as the reading position. */
import { useEffect, type RefObject } from 'react';
import type { SectionView } from '../../../../main/api/contract';

export function useReadingPosition(
  article: RefObject<HTMLElement | null>,
  view: SectionView | null,
  onPosition: (passageId: string) => void,
): void {
  useEffect(() => {
    if (!view || !('IntersectionObserver' in window)) return;
    let timer = 0;
    const visible = new Map<string, number>();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const e of entries) {
          const id = (e.target as HTMLElement).dataset.passageId;
          if (!id) continue;
          if (e.isIntersecting) visible.set(id, Number((e.target as HTMLElement).dataset.ordinal));
          else visible.delete(id);
        }
        window.clearTimeout(timer);
        timer = window.setTimeout(() => {
          let best: [string, number] | null = null;
          for (const entry of visible) if (!best || entry[1] < best[1]) best = entry;
          if (best) onPosition(best[0]);
        }, 700);
      },
      { rootMargin: '-80px 0px -50% 0px' },
    );
    article.current?.querySelectorAll<HTMLElement>('[data-passage-id]').forEach((el) => observer.observe(el));
    return () => {
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [article, view, onPosition]);
}
