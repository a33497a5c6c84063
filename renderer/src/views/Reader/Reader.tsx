/**
 * Reading one section: the contents beside it, its passages, and the way to the previous and next section.
 * A passage route scrolls to that passage, focuses it and marks the words the search matched.
 */
import { useEffect, useRef } from 'react';
import type { ArchiveInfo } from '../../../../main/api/contract';
import { Loading } from '../../components/Loading';
import { Notice } from '../../components/Notice';
import { hrefFor } from '../../route';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../../i18n/ContentLanguage';
import { NotFound } from '../NotFound';
import { excerpt } from './excerpt';
import { Pager } from './Pager';
import { Passage } from './Passage';
import { SectionNav } from './SectionNav';
import { useReadingPosition } from './useReadingPosition';
import { useSection, type ReaderRoute } from './useSection';
import './Reader.css';

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

  // Scroll to (and focus) the target passage once it is on the page; else to the top of the section.
  useEffect(() => {
    if (!view) return;
    if (targetId) {
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
  const first = passages[0];
  // A section that opens with its own title as a heading shows that heading as the page's h1.
  const titleFromHeading = !!first && first.kind === 'heading' && first.text.trim() === section.title.trim();
  return (
    <div className="reader">
      <SectionNav sections={info.sections} currentId={section.id} />
      <article ref={articleRef} className="reading" aria-labelledby="section-title">
        <p className="eyebrow">{t('reader.sectionOf', { n: section.ordinal + 1, total: info.sections.length })}</p>
        {!titleFromHeading && (
          <h1 id="section-title" tabIndex={-1} lang={lang}>
            {section.title}
          </h1>
        )}
        {passages.map((p, i) => (
          <Passage
            key={p.id}
            passage={p}
            asTitle={titleFromHeading && i === 0}
            highlights={p.id === targetId ? highlights : []}
            target={p.id === targetId}
          />
        ))}
        <Pager previous={view.previous} next={view.next} />
      </article>
    </div>
  );
}
