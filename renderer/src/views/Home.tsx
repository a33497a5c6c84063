/** The archive's front page: its title and description, passages per kind, the contents, and where it comes from. */
import type { ArchiveInfo, Settings } from '../../../main/api/contract';
import { hrefFor, passageHref } from '../route';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../i18n/ContentLanguage';
import { KINDS } from '../kinds';
import { RandomPassage } from '../components/RandomPassage';
import './Home.css';

export function Home({ info, settings }: { info: ArchiveInfo; settings: Settings }) {
  const { manifest, kindCounts } = info;
  const { t, i18n } = useTranslation();
  const lang = useContentLanguage();
  const number = (n: number): string => n.toLocaleString(i18n.language);
  // The archive's languages named in the reader's: "English, Korean", or "영어, 한국어".
  const languageName = new Intl.DisplayNames([i18n.language], { type: 'language' });
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
        <dl className="counts" aria-label={t('home.counts')}>
          {KINDS.map((kind) => (
            <div key={kind} className="count-item">
              <dt>{t(`kind.counted.${kind}`)}</dt>
              <dd>{number(kindCounts[kind])}</dd>
            </div>
          ))}
        </dl>
        <p className="hero-actions">
          {info.sections[0] && (
            <a className="button primary" href={hrefFor({ view: 'section', sectionId: info.sections[0].id })}>
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
        <ol className="toc-list">
          {info.sections.map((s) => (
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
      </section>
      <section className="about" aria-labelledby="about-title">
        <h2 id="about-title">{t('home.about')}</h2>
        <dl>
          <dt>{t('home.source')}</dt>
          <dd lang={lang}>{manifest.source}</dd>
          <dt>{t('home.licence')}</dt>
          <dd lang={lang}>{manifest.licence}</dd>
          <dt>{t('home.languages')}</dt>
          <dd>{manifest.languages.map((code) => languageName.of(code) ?? code).join(', ')}</dd>
          <dt>{t('home.passageCount')}</dt>
          <dd>{number(info.passageCount)}</dd>
        </dl>
      </section>
    </div>
  );
}
