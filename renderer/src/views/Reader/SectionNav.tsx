/**
 * The archive's sections beside the text, as the site arranged them (parts, chapters, sections: each
 * section's depth), the one being read marked as current. A section with sections under it can be
 * folded; the way to the current one stays open. In an archive of thousands of sections, only a window
 * around the current one is drawn, widened a page at a time by "Earlier sections" and "Later sections".
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { ArchiveInfo } from '../../../../main/api/contract';
import type { Section } from '../../../../main/model/archive';
import { useSectionSpan } from '../../hooks/useSections';
import { hrefFor } from '../../route';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../../i18n/ContentLanguage';
import './SectionNav.css';

/** Up to this many sections, all are listed; past it, a window around the current one. */
const LIST_WHOLE_UP_TO = 400;
/** The window: sections before and after the current one, and how much each button adds. */
const BEFORE = 50;
const AFTER = 150;
const STEP = 200;
const NO_SECTIONS: readonly Section[] = [];

/** A title as a button's name: long ones cut, so a screen reader does not read a paragraph. */
const clip = (text: string): string => (text.length > 60 ? `${text.slice(0, 60)}…` : text);

interface Entry {
  section: Section;
  depth: number;
  /** Index of the nearest shallower section before it, or -1. */
  parent: number;
  hasChildren: boolean;
}

function entries(sections: readonly Section[]): Entry[] {
  const out: Entry[] = [];
  const open: number[] = [];
  sections.forEach((section, i) => {
    const depth = section.depth ?? 0;
    while (open.length > 0 && out[open[open.length - 1]!]!.depth >= depth) open.pop();
    const parent = open.length > 0 ? open[open.length - 1]! : -1;
    if (parent >= 0) out[parent]!.hasChildren = true;
    out.push({ section, depth, parent, hasChildren: false });
    open.push(i);
  });
  return out;
}

export function SectionNav({ info, current: reading }: { info: ArchiveInfo; current: Section }) {
  const currentId = reading.id;
  const count = info.sectionCount;
  // Widened by the reader; a new current section starts from the plain window again.
  const [widened, setWidened] = useState({ currentId, earlier: 0, later: 0 });
  const extra = widened.currentId === currentId ? widened : { currentId, earlier: 0, later: 0 };
  const whole = count <= LIST_WHOLE_UP_TO;
  const from = whole ? 0 : Math.max(0, reading.ordinal - BEFORE - extra.earlier);
  const to = whole ? count : Math.min(count, reading.ordinal + 1 + AFTER + extra.later);
  const span = useSectionSpan(info, from, to);
  // While a wider window is read, the narrower one stays (no flash of an empty list); never another archive's.
  const [lastShown, setLastShown] = useState<{ info: ArchiveInfo; sections: readonly Section[] } | null>(null);
  if (span.sections && span.sections !== lastShown?.sections) setLastShown({ info, sections: span.sections });
  const sections = span.sections ?? (lastShown?.info === info ? lastShown.sections : NO_SECTIONS);
  const list = useMemo(() => entries(sections), [sections]);
  // Folded by the reader; sections deeper than the top start folded unless they lead to the current one.
  const [toggled, setToggled] = useState<ReadonlyMap<string, boolean>>(new Map());
  const current = list.findIndex((e) => e.section.id === currentId);
  const onPath = new Set<number>();
  for (let i = current; i >= 0; i = list[i]!.parent) onPath.add(i);
  const isOpen = (i: number): boolean => toggled.get(list[i]!.section.id) ?? (list[i]!.depth === 0 || onPath.has(i));
  const visible = (i: number): boolean => {
    for (let p = list[i]!.parent; p >= 0; p = list[p]!.parent) if (!isOpen(p)) return false;
    return true;
  };
  const nav = useRef<HTMLElement>(null);
  const found = current >= 0;
  // The current section in view within the side contents' own scroll box (never the page's scroll).
  useEffect(() => {
    const box = nav.current;
    const link = box?.querySelector<HTMLElement>('a[aria-current="page"]');
    if (!box || !link) return;
    const top = link.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    if (top < box.scrollTop || top + link.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = top - box.clientHeight / 3;
    }
  }, [currentId, found]);
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const widen = (side: 'earlier' | 'later') => (
    <button
      type="button"
      className="button toc-widen"
      onClick={() => setWidened({ ...extra, [side]: extra[side] + STEP })}
    >
      {t(`reader.${side}`)}
    </button>
  );
  return (
    <nav ref={nav} className="toc-side" aria-label={t('reader.sections')}>
      <p className="toc-side-title" aria-hidden="true">
        {t('reader.contents')}
      </p>
      {from > 0 && widen('earlier')}
      <ol lang={lang}>
        {list.map((e, i) =>
          visible(i) ? (
            <li key={e.section.id} style={{ paddingLeft: `${e.depth * 0.9}rem` }} className="toc-entry">
              {e.hasChildren && (
                <button
                  type="button"
                  className="toc-fold"
                  aria-expanded={isOpen(i)}
                  aria-label={t('reader.fold', { title: clip(e.section.title) })}
                  onClick={() => setToggled((m) => new Map(m).set(e.section.id, !isOpen(i)))}
                >
                  {isOpen(i) ? '▾' : '▸'}
                </button>
              )}
              <a
                href={hrefFor({ view: 'section', sectionId: e.section.id })}
                aria-current={e.section.id === currentId ? 'page' : undefined}
              >
                {e.section.title}
              </a>
            </li>
          ) : null,
        )}
      </ol>
      {to < count && widen('later')}
    </nav>
  );
}
