/** The archive's front page: its title and description, passages per kind, the contents, and where it comes from. */
import type { ArchiveInfo, Settings } from '../../../main/api/contract';
import { hrefFor, passageHref } from '../route';
import { KINDS, strings } from '../strings';
import './Home.css';

export function Home({ info, settings }: { info: ArchiveInfo; settings: Settings }) {
  const { manifest, kindCounts } = info;
  const t = strings.home;
  return (
    <div className="home">
      <section className="hero" aria-labelledby="archive-title">
        <p className="eyebrow">{t.eyebrow}</p>
        <h1 id="archive-title">{manifest.title}</h1>
        <p className="lede">{manifest.description}</p>
        <dl className="counts" aria-label={t.counts}>
          {KINDS.map((kind) => (
            <div key={kind} className="count-item">
              <dt>{strings.kind.counted[kind]}</dt>
              <dd>{kindCounts[kind].toLocaleString()}</dd>
            </div>
          ))}
        </dl>
        <p className="hero-actions">
          {info.sections[0] && (
            <a className="button primary" href={hrefFor({ view: 'section', sectionId: info.sections[0].id })}>
              {t.start}
            </a>
          )}
          {settings.readingPosition && (
            <a className="button" href={passageHref(settings.readingPosition)}>
              {t.resume}
            </a>
          )}
        </p>
      </section>
      <section className="toc" aria-labelledby="toc-title">
        <h2 id="toc-title">{t.contents}</h2>
        <ol className="toc-list">
          {info.sections.map((s) => (
            <li key={s.id}>
              <a href={hrefFor({ view: 'section', sectionId: s.id })}>
                <span className="toc-number" aria-hidden="true">
                  {String(s.ordinal + 1).padStart(2, '0')}
                </span>
                <span className="toc-title">{s.title}</span>
                <span className="toc-count">{t.passages(s.passageCount)}</span>
              </a>
            </li>
          ))}
        </ol>
      </section>
      <section className="about" aria-labelledby="about-title">
        <h2 id="about-title">{t.about}</h2>
        <dl>
          <dt>{t.source}</dt>
          <dd>{manifest.source}</dd>
          <dt>{t.licence}</dt>
          <dd>{manifest.licence}</dd>
          <dt>{t.languages}</dt>
          <dd>{manifest.languages.join(', ')}</dd>
          <dt>{t.passageCount}</dt>
          <dd>{info.passageCount.toLocaleString()}</dd>
        </dl>
      </section>
    </div>
  );
}
