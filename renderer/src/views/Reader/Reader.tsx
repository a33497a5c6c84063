/**
 * Reading one section: the contents beside it, its passages, and the way to the previous and next section.
 * A passage route scrolls to that passage, focuses it and marks the words the search matched.
 */
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ArchiveInfo, SectionView } from '../../../../main/api/contract';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { hrefFor } from '../../route';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../../i18n/ContentLanguage';
import { NotFound } from '../NotFound';
import { focusUnlessTyping } from '../../focus-unless-typing';
import { takeScrollToRestore } from '../../scroll-memory';
import { ContentInText } from '../../i18n/ContentInText';
import { excerpt } from './excerpt';
import { Pager } from './Pager';
import { missingRuns, MissingRun, runStarts } from './MissingRun';
import { Passage } from './Passage';
import { PrintLinks, printedLinks } from './PrintLinks';
import { SectionNav } from './SectionNav';
import { useReadingPosition } from './useReadingPosition';
import { STEP, useSection, type ReaderRoute } from './useSection';
import { WindowEdge } from './WindowEdge';
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
  const pages = useSection(route);
  const { view, error, widen } = pages;
  const articleRef = useRef<HTMLElement>(null);
  const targetId = route.view === 'passage' ? route.passageId : null;
  const highlights = route.view === 'passage' ? route.highlights : [];
  // Runs of missing pictures among the passages on the page (of a long section, its span).
  const runs = useMemo(() => missingRuns(view?.passages ?? []), [view]);
  const runStartOf = useMemo(() => runStarts(runs, view?.passages.length ?? 0), [runs, view]);
  // The span of the section's passages on the page: [from, to) of them.
  const from = view?.from ?? 0;
  const to = from + (view?.passages.length ?? 0);
  // The passage to keep in place (and focus) once passages are added above it, and the one to focus below.
  const keepInPlace = useRef<{ id: string; top: number } | null>(null);
  const focusAdded = useRef<number | null>(null);
  // The runs of missing pictures the reader unfolded, by their first passage.
  const [unfolded, setUnfolded] = useState<ReadonlySet<string>>(new Set());

  // Back, Forward and a reload return to where the reader was; else scroll to (and focus) the target passage
  // once it is on the page, or to the top of the section. Once per route and section: passages added to a
  // long section's span (a new view of the same section) leave the page where the reader has it.
  const placed = useRef<{ route: ReaderRoute; sectionId: string } | null>(null);
  useEffect(() => {
    if (!view || !shows(view, route)) return;
    if (placed.current?.route === route && placed.current.sectionId === view.section.id) return;
    placed.current = { route, sectionId: view.section.id };
    const restore = takeScrollToRestore();
    if (restore !== null) {
      window.scrollTo(0, restore);
      focusUnlessTyping(
        (targetId && document.getElementById(`p-${targetId}`)) || articleRef.current?.querySelector('h1'),
      );
    } else if (targetId) {
      const el = document.getElementById(`p-${targetId}`);
      if (el) {
        el.scrollIntoView({ block: 'center' });
        focusUnlessTyping(el);
      }
    } else {
      window.scrollTo(0, 0);
      focusUnlessTyping(articleRef.current?.querySelector('h1'));
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

  // Added above: the passage that was first stays where it was on screen, and takes the focus from the button.
  useLayoutEffect(() => {
    const kept = keepInPlace.current;
    keepInPlace.current = null;
    const el = kept && document.getElementById(`p-${kept.id}`);
    if (!kept || !el) return;
    window.scrollBy(0, el.getBoundingClientRect().top - kept.top);
    el.focus({ preventScroll: true });
  }, [from]);
  // Added below by the button: the focus goes to the first passage added, where the button was.
  useEffect(() => {
    const mark = focusAdded.current;
    const added = mark === null ? undefined : view?.passages[mark - from];
    if (mark !== null && mark < to) focusAdded.current = null;
    if (added) document.getElementById(`p-${added.id}`)?.focus({ preventScroll: true });
  }, [view, from, to]);

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
  const titleFromHeading =
    from === 0 && !!first && first.kind === 'heading' && first.text.trim() === section.title.trim();
  const total = section.passageCount;
  const earlier = (byHand: boolean): void => {
    const el = first && document.getElementById(`p-${first.id}`);
    if (byHand && first && el) keepInPlace.current = { id: first.id, top: el.getBoundingClientRect().top };
    widen('earlier');
  };
  // The first passage added below is the one at `to`: its id is known once it arrives, so the mark is the index.
  const later = (byHand: boolean): void => {
    focusAdded.current = byHand ? to : null;
    widen('later');
  };
  // A long section prints whole: what is not on the page is asked for first (Ctrl+P prints the page as it is).
  const print = (): void => {
    void pages.showAll().finally(() => window.print());
  };
  return (
    <div className="reader">
      <SectionNav info={info} current={section} />
      <article ref={articleRef} className="reading" aria-labelledby="section-title">
        <p className="print-only print-header" lang={lang}>
          {manifest.title}
        </p>
        <div className="reading-head">
          <p className="eyebrow">{t('reader.sectionOf', { n: section.ordinal + 1, total: info.sectionCount })}</p>
          <button type="button" className="print-section" onClick={print}>
            {t('print.section')}
          </button>
        </div>
        {!titleFromHeading && (
          <h1 id="section-title" tabIndex={-1} lang={lang}>
            {section.title}
          </h1>
        )}
        {pages.partial && <p className="print-only">{t('print.partial', { from: from + 1, to, total })}</p>}
        {from > 0 && (
          <WindowEdge
            side="earlier"
            from={from}
            to={to}
            total={total}
            count={Math.min(STEP, from)}
            error={pages.widenError}
            onWiden={earlier}
          />
        )}
        {passages.map((p, i) => {
          const runStart = runStartOf[i] ?? -1;
          const runId = runStart >= 0 ? passages[runStart]!.id : null;
          const folded = runId !== null && !unfolded.has(runId);
          return (
            <Fragment key={p.id}>
              {runStart === i && runId !== null && (
                <MissingRun
                  count={runs.get(runStart)!}
                  open={!folded}
                  onToggle={() =>
                    setUnfolded((was) => {
                      const next = new Set(was);
                      if (!next.delete(runId)) next.add(runId);
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
        {to < total && (
          <WindowEdge
            side="later"
            from={from}
            to={to}
            total={total}
            count={Math.min(STEP, total - to)}
            error={pages.widenError}
            onWiden={later}
          />
        )}
        <Pager previous={view.previous} next={view.next} />
        <PrintLinks info={info} links={printedLinks(passages, highlights.length > 0 ? targetId : null)} />
        <p className="print-only print-cite">
          <ContentInText text={t('print.cite', { citation: sectionCitation })} content={sectionCitation} />
        </p>
      </article>
    </div>
  );
}
