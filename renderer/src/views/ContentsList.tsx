/**
 * The home page's contents: the archive's sections in reading order, a page at a time. Each page is
 * asked for on its own (archive.sections with from and count), so an archive of 35,000 sections sends
 * and draws 200 of them, and "Show 200 more" the next 200, taking the keyboard to the first new one.
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveInfo } from '../../../main/api/contract';
import { ShowMore } from '../components/ShowMore';
import { SECTIONS_PAGE, useSections } from '../hooks/useSections';
import { useShownCount } from '../hooks/useShownCount';
import { useContentLanguage } from '../i18n/ContentLanguage';
import { hrefFor } from '../route';

/** Sections per page (the pages the side contents read too): 35,000 would take a minute to draw. */
const PAGE = SECTIONS_PAGE;

export function ContentsList({ info }: { info: ArchiveInfo }) {
  const { shown, more, firstNew } = useShownCount(info, 'contents', PAGE);
  const first = useSections(info, { from: 0, count: PAGE });
  const total = info.sectionCount;
  const pages = Math.ceil(Math.min(shown, total) / PAGE);
  return (
    <>
      {first.error && (
        <p className="toc-error" role="alert">
          {first.error}
        </p>
      )}
      <ol className="toc-list" aria-busy={!first.sections && !first.error ? true : undefined}>
        {Array.from({ length: pages }, (_, page) => (
          <ContentsPage key={page} info={info} from={page * PAGE} focusFirst={firstNew === page * PAGE} />
        ))}
      </ol>
      <ShowMore shown={Math.min(shown, total)} total={total} step={PAGE} onMore={more} />
    </>
  );
}

function ContentsPage({ info, from, focusFirst }: { info: ArchiveInfo; from: number; focusFirst: boolean }) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const { sections, error } = useSections(info, { from, count: PAGE });
  const firstLink = useRef<HTMLAnchorElement>(null);
  // A keyboard or screen reader user who asked for more lands on the first new entry once it is there.
  useEffect(() => {
    if (focusFirst && sections) firstLink.current?.focus();
  }, [focusFirst, sections]);
  // The first page's failure is said above the list; a later one's in its place.
  if (error && from > 0)
    return (
      <li className="toc-error" role="alert">
        {error}
      </li>
    );
  return (sections ?? []).map((s, i) => (
    <li key={s.id}>
      <a ref={i === 0 ? firstLink : undefined} href={hrefFor({ view: 'section', sectionId: s.id })}>
        <span className="toc-number" aria-hidden="true">
          {String(s.ordinal + 1).padStart(2, '0')}
        </span>
        <span className="toc-title" lang={lang}>
          {s.title}
        </span>
        <span className="toc-count">{t('home.passages', { count: s.passageCount })}</span>
      </a>
    </li>
  ));
}
