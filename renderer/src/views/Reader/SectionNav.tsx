/**
 * The archive's sections beside the text, as the site arranged them (parts, chapters, sections: each
 * section's depth), the one being read marked as current. A section with sections under it can be
 * folded; the way to the current one stays open.
 */
import { useMemo, useState } from 'react';
import type { Section } from '../../../../main/model/archive';
import { hrefFor } from '../../route';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../../i18n/ContentLanguage';
import './SectionNav.css';

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

export function SectionNav({ sections, currentId }: { sections: readonly Section[]; currentId: string }) {
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
  const { t } = useTranslation();
  const lang = useContentLanguage();
  return (
    <nav className="toc-side" aria-label={t('reader.sections')}>
      <p className="toc-side-title" aria-hidden="true">
        {t('reader.contents')}
      </p>
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
    </nav>
  );
}
