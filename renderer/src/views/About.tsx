/**
 * About this archive: where it comes from (source, licence, version, languages), what it holds, and which
 * section titles are the curator's rather than headings of the original, with the original's own heading
 * where a section opens with one and the lines of the source each section comes from. These notes used to sit
 * in every page's footer.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ArchiveInfo } from '../../../main/api/contract';
import type { Provenance, Section } from '../../../main/model/archive';
import { useApi } from '../api/ApiContext';
import { useContentLanguage } from '../i18n/ContentLanguage';
import { ContentInText } from '../i18n/ContentInText';
import { hrefFor } from '../route';
import { useCuratedSections } from '../hooks/useCuratedSections';
import { useSections } from '../hooks/useSections';
import { useShownCount } from '../hooks/useShownCount';
import { ShowMore } from '../components/ShowMore';
import { useHoldings } from './Holdings';
import './About.css';

/** Past this many sections the list names only the curator's titles: the contents list the rest. */
const LIST_ALL_UP_TO = 100;
/** Sections listed per page: a site of 35,000 pages has as many curator's titles. */
const LIST_PAGE = 200;
/** Up to this many passages a section's origin is read from all of them; past it, from its first and last. */
const WHOLE_ORIGIN_UP_TO = 400;
/** While the contents are on their way. */
const NO_SECTIONS: readonly Section[] = [];

/** What a curator-titled section holds of the original: the heading it opens with, and its lines. */
interface SectionOrigin {
  heading: string | null;
  file: string;
  lines: Provenance['lines'];
}

function useSectionOrigins(sections: readonly Section[]): ReadonlyMap<string, SectionOrigin> {
  const api = useApi();
  const [origins, setOrigins] = useState<ReadonlyMap<string, SectionOrigin>>(new Map());
  useEffect(() => {
    let cancelled = false;
    void Promise.all(
      sections.map(async (section): Promise<[string, SectionOrigin] | null> => {
        try {
          // A long section's first and last passages only (a whole one of 25,000 was megabytes, and a
          // server's memory); they name the same file when the section comes from one.
          const whole = section.passageCount <= WHOLE_ORIGIN_UP_TO;
          const { passages } = await api.call(
            'archive.section',
            whole ? { sectionId: section.id } : { sectionId: section.id, from: 0, count: 1 },
          );
          const first = passages[0];
          const last = whole
            ? passages.at(-1)
            : (await api.call('archive.section', { sectionId: section.id, from: section.passageCount - 1, count: 1 }))
                .passages[0];
          if (!first || !last) return null;
          const sameFile = (whole ? passages : [first, last]).every((p) => p.provenance.file === first.provenance.file);
          const heading = first.kind === 'heading' && first.text.trim() !== section.title.trim() ? first.text : null;
          return [
            section.id,
            {
              heading,
              file: sameFile ? first.provenance.file : '',
              lines: [first.provenance.lines[0], last.provenance.lines[1]],
            },
          ];
        } catch {
          return null; // The About page still names the title; only the detail is missing.
        }
      }),
    ).then((found) => {
      if (!cancelled) setOrigins(new Map(found.filter((entry) => entry !== null)));
    });
    return () => {
      cancelled = true;
    };
  }, [api, sections]);
  return origins;
}

export function About({ info }: { info: ArchiveInfo }) {
  const { t, i18n } = useTranslation();
  const lang = useContentLanguage();
  const { manifest } = info;
  const holdings = useHoldings(info);
  const languageName = new Intl.DisplayNames([i18n.language], { type: 'language' });
  const { shown, more, firstNew } = useShownCount(info, 'about', LIST_PAGE);
  // A small archive lists every section; a larger one only the curator's titles, asked for a page at a time.
  const small = info.sectionCount <= LIST_ALL_UP_TO;
  const { sections } = useSections(small ? info : null);
  const titled = useCuratedSections(small ? null : info, shown);
  const listed = (small ? sections : titled.sections) ?? NO_SECTIONS;
  const listedTotal = small ? listed.length : titled.total;
  const curated = useMemo(() => listed.filter((s) => s.titleIsMetadata).slice(0, LIST_ALL_UP_TO), [listed]);
  const list = useRef<HTMLOListElement>(null);
  // A keyboard or screen reader user who asked for more lands on the first new entry, once it is listed.
  const listedCount = listed.length;
  useEffect(() => {
    if (firstNew !== null) list.current?.querySelectorAll<HTMLElement>(':scope > li > a')[firstNew]?.focus();
  }, [firstNew, listedCount]);
  const origins = useSectionOrigins(curated);
  return (
    <div className="about-view">
      <h1 tabIndex={-1}>{t('about.title')}</h1>
      <p className="about-archive" lang={lang}>
        {manifest.title}
      </p>
      {manifest.description && (
        <p className="lede" lang={lang}>
          {manifest.description}
        </p>
      )}
      <dl className="about-facts">
        <dt>{t('about.holdings')}</dt>
        <dd className="holdings">{holdings}</dd>
        <dt>{t('about.languages')}</dt>
        <dd>{manifest.languages.map((code) => languageName.of(code) ?? code).join(', ')}</dd>
        {manifest.source && (
          <>
            <dt>{t('about.source')}</dt>
            <dd lang={lang}>{manifest.source}</dd>
          </>
        )}
        {manifest.licence && (
          <>
            <dt>{t('about.licence')}</dt>
            <dd lang={lang}>{manifest.licence}</dd>
          </>
        )}
        {manifest.version && (
          <>
            <dt>{t('about.version')}</dt>
            <dd>{manifest.version}</dd>
          </>
        )}
      </dl>
      <section aria-labelledby="about-sections">
        <h2 id="about-sections">{t('about.sections')}</h2>
        <p>{t('about.sectionsLede')}</p>
        <ol ref={list} className="about-sections">
          {listed.slice(0, shown).map((s) => {
            const origin = origins.get(s.id);
            return (
              <li key={s.id} value={s.ordinal + 1}>
                <a href={hrefFor({ view: 'section', sectionId: s.id })} lang={lang}>
                  {s.title}
                </a>{' '}
                <span className={`about-tag${s.titleIsMetadata ? ' curators' : ''}`}>
                  {s.titleIsMetadata ? t('about.curators') : t('about.fromPage')}
                </span>
                {origin?.heading && (
                  <span className="about-detail">
                    <ContentInText
                      text={t('about.pageHeading', { heading: origin.heading })}
                      content={origin.heading}
                    />
                  </span>
                )}
                {origin?.file && (
                  <span className="about-detail">
                    <ContentInText
                      text={t(origin.lines[0] === origin.lines[1] ? 'about.line' : 'about.lines', {
                        file: origin.file,
                        from: origin.lines[0],
                        to: origin.lines[1],
                      })}
                      content={origin.file}
                    />
                  </span>
                )}
              </li>
            );
          })}
        </ol>
        <ShowMore shown={Math.min(shown, listed.length)} total={listedTotal} step={LIST_PAGE} onMore={more} />
      </section>
    </div>
  );
}
