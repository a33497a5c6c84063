/** The archive's front page: its title and description, what it holds, the contents, and the way to About. */
import type { ArchiveInfo, Settings } from '../../../main/api/contract';
import { hrefFor, passageHref } from '../route';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../i18n/ContentLanguage';
import { RandomPassage } from '../components/RandomPassage';
import { ContentsList } from './ContentsList';
import { useHoldings } from './Holdings';
import './Home.css';

export function Home({ info, settings }: { info: ArchiveInfo; settings: Settings }) {
  const { manifest } = info;
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const holdings = useHoldings(info);
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
        <ContentsList info={info} />
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
