/** The archive's front page: its title and description, what it holds, the contents, and the way to About. */
import type { ArchiveInfo, Settings } from '../../../main/api/contract';
import { hrefFor, passageHref } from '../route';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../i18n/ContentLanguage';
import { RandomPassage } from '../components/RandomPassage';
import { useSections } from '../hooks/useSections';
import { useShownCount } from '../hooks/useShownCount';
import { ShowMore } from '../components/ShowMore';
import { useEffect, useRef } from 'react';
import { useHoldings } from './Holdings';
import './Home.css';

/** Contents entries per page: a large archive's 35,000 would take seconds to draw, and a phone's memory. */
const CONTENTS_PAGE = 200;

export function Home({ info, settings }: { info: ArchiveInfo; settings: Settings }) {
  const { manifest } = info;
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const holdings = useHoldings(info);
  const contents = useSections(info);
  const all = contents.sections ?? [];
  const { shown, more, firstNew } = useShownCount(info, CONTENTS_PAGE);
  const list = useRef<HTMLOListElement>(null);
  // A keyboard or screen reader user who asked for more lands on the first new entry, not at the top.
  useEffect(() => {
    if (firstNew !== null) list.current?.querySelectorAll('a')[firstNew]?.focus();
  }, [firstNew]);
  return (
    <div className="home">
      <section className="hero" aria-labelledby="archive-title">
        <p className="eyebrow">{t('home.eyebrow')}</p>
        <h1 id="archive-title" lang={lang}>
          {manifest.title}
        </h1>
        <p className="lede" lang={lang}>
          {manifest.description}
        </p>
        <p className="holdings">{holdings}</p>
        <p className="hero-actions">
          {info.firstSectionId && (
            <a className="button primary" href={hrefFor({ view: 'section', sectionId: info.firstSectionId })}>
              {t('home.start')}
            </a>
          )}
          {settings.readingPosition && (
            <a className="button" href={passageHref(settings.readingPosition)}>
              {t('home.resume')}
            </a>
          )}
          <RandomPassage />
        </p>
      </section>
      <section className="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">{t('home.contents')}</h2>
        {contents.error && (
          <p className="toc-error" role="alert">
            {contents.error}
          </p>
        )}
        <ol ref={list} className="toc-list" aria-busy={!contents.sections && !contents.error ? true : undefined}>
          {all.slice(0, shown).map((s) => (
            <li key={s.id}>
              <a href={hrefFor({ view: 'section', sectionId: s.id })}>
                <span className="toc-number" aria-hidden="true">
                  {String(s.ordinal + 1).padStart(2, '0')}
                </span>
                <span className="toc-title" lang={lang}>
                  {s.title}
                </span>
                <span className="toc-count">{t('home.passages', { count: s.passageCount })}</span>
              </a>
            </li>
          ))}
        </ol>
        <ShowMore shown={Math.min(shown, all.length)} total={all.length} step={CONTENTS_PAGE} onMore={more} />
      </section>
      <section className="about" aria-labelledby="about-title">
        <h2 id="about-title">{t('about.title')}</h2>
        {manifest.licence && <p lang={lang}>{manifest.licence}</p>}
        <p>
          <a className="button" href={hrefFor({ view: 'about' })}>
            {t('about.linkLong')}
          </a>
        </p>
      </section>
    </div>
  );
}
