/**
 * Reading one section: the contents beside it, its passages, and the way to the previous and next section.
 * A passage route scrolls to that passage, focuses it and marks the words the search matched.
 */
import { Fragment, useEffect, useMemo, useRef, useState } from 'react';
import type { ArchiveInfo, SectionView } from '../../../../main/api/contract';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { hrefFor } from '../../route';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../../i18n/ContentLanguage';
import { NotFound } from '../NotFound';
import { takeScrollToRestore } from '../../scroll-memory';
import { ContentInText } from '../../i18n/ContentInText';
import { excerpt } from './excerpt';
import { Pager } from './Pager';
import { missingRuns, MissingRun } from './MissingRun';
import { Passage } from './Passage';
import { PrintLinks, printedLinks } from './PrintLinks';
import { SectionNav } from './SectionNav';
import { useReadingPosition } from './useReadingPosition';
import { useSection, type ReaderRoute } from './useSection';
import './Reader.css';

/** The section's address, for a printout's citation. */
const sectionUrl = (sectionId: string): string =>
  `${location.origin}${location.pathname}#/section/${encodeURIComponent(sectionId)}`;

/** Whether the section on screen is the one the route names (not the last one, while the next loads). */
const shows = (view: SectionView, route: ReaderRoute): boolean =>
  route.view === 'section' ? view.section.id === route.sectionId : view.passages.some((p) => p.id === route.passageId);

export function Reader({
  info,
  route,
  onReadingPosition,
}: {
  info: ArchiveInfo;
  route: ReaderRoute;
  onReadingPosition(this: void, passageId: string): void;
}) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const { view, error } = useSection(route);
  const articleRef = useRef<HTMLElement>(null);
  const targetId = route.view === 'passage' ? route.passageId : null;
  const highlights = route.view === 'passage' ? route.highlights : [];
  const runs = useMemo(() => missingRuns(view?.passages ?? []), [view]);
  // The runs of missing pictures the reader unfolded, by their first passage.
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(new Set());

  // Back, Forward and a reload return to where the reader was; else scroll to (and focus) the target passage
  // once it is on the page, or to the top of the section.
  useEffect(() => {
    if (!view || !shows(view, route)) return;
    const restore = takeScrollToRestore();
    if (restore !== null) {
      window.scrollTo(0, restore);
      const focus = (targetId && document.getElementById(`p-${targetId}`)) || articleRef.current?.querySelector('h1');
      focus?.focus({ preventScroll: true });
    } else if (targetId) {
      const el = document.getElementById(`p-${targetId}`);
      if (el) {
        el.scrollIntoView({ block: 'center' });
        el.focus({ preventScroll: true });
      }
    } else {
      window.scrollTo(0, 0);
      articleRef.current?.querySelector('h1')?.focus({ preventScroll: true });
    }
  }, [view, targetId, route]);

  // Name the document after the section, and the passage a deep link opens.
  useEffect(() => {
    if (!view) return;
    const target = targetId ? view.passages.find((p) => p.id === targetId) : undefined;
    const section = view.section.title;
    const page = target
      ? t('app.passageTitle', { passage: excerpt(target.title ?? target.text, 50), section })
      : section;
    document.title = t('app.documentTitle', { page, archive: info.manifest.title });
  }, [view, targetId, info, t]);

  useReadingPosition(articleRef, view, onReadingPosition);

  if (error?.notFound) return <NotFound />;
  if (error) {
    return (
      <Notice title={t('errors.failedTitle')}>
        <p>{error.message}</p>
        <p>
          <a href={hrefFor({ view: 'home' })}>{t('reader.backToContents')}</a>
        </p>
      </Notice>
    );
  }
  if (!view) return <Loading>{t('reader.loading')}</Loading>;

  const { section, passages } = view;
  const { manifest } = info;
  const citeBase = {
    archiveId: manifest.id,
    archiveTitle: manifest.title,
    version: manifest.version,
    section: section.title,
  };
  const sectionCitation = `${section.title}. In ${manifest.title}, version ${manifest.version}. ${sectionUrl(section.id)}.`;
  const first = passages[0];
  // A section that opens with its own title as a heading shows that heading as the page's h1.
  const titleFromHeading = !!first && first.kind === 'heading' && first.text.trim() === section.title.trim();
  return (
    <div className="reader">
      <SectionNav info={info} current={section} />
      <article ref={articleRef} className="reading" aria-labelledby="section-title">
        <p className="print-only print-header" lang={lang}>
          {manifest.title}
        </p>
        <div className="reading-head">
          <p className="eyebrow">{t('reader.sectionOf', { n: section.ordinal + 1, total: info.sectionCount })}</p>
          <button type="button" className="print-section" onClick={() => window.print()}>
            {t('print.section')}
          </button>
        </div>
        {!titleFromHeading && (
          <h1 id="section-title" tabIndex={-1} lang={lang}>
            {section.title}
          </h1>
        )}
        {passages.map((p, i) => {
          const run = runs.get(i);
          const runStart = [...runs].find(([start, length]) => i >= start && i < start + length)?.[0];
          const folded = runStart !== undefined && !unfolded.has(passages[runStart]!.id);
          return (
            <Fragment key={p.id}>
              {run !== undefined && (
                <MissingRun
                  count={run}
                  open={!folded}
                  onToggle={() =>
                    setUnfolded((was) => {
                      const next = new Set(was);
                      if (!next.delete(p.id)) next.add(p.id);
                      return next;
                    })
                  }
                />
              )}
              <Passage
                passage={p}
                asTitle={titleFromHeading && i === 0}
                highlights={p.id === targetId ? highlights : []}
                target={p.id === targetId}
                citeBase={citeBase}
                placeholder={!folded}
              />
            </Fragment>
          );
        })}
        <Pager previous={view.previous} next={view.next} />
        <PrintLinks info={info} links={printedLinks(passages, highlights.length > 0 ? targetId : null)} />
        <p className="print-only print-cite">
          <ContentInText text={t('print.cite', { citation: sectionCitation })} content={sectionCitation} />
        </p>
      </article>
    </div>
  );
}
