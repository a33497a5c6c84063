/** The way to the previous and the next section, at the end of a section. */
import type { Section } from '../../../../main/model/archive';
import { hrefFor } from '../../route';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../../i18n/ContentLanguage';
import './Pager.css';

export function Pager({ previous, next }: { previous: Section | null; next: Section | null }) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  return (
    <nav className="pager" aria-label={t('reader.pager')}>
      {previous ? (
        <a rel="prev" href={hrefFor({ view: 'section', sectionId: previous.id })}>
          <span className="pager-label">{t('reader.previous')}</span> <span lang={lang}>{previous.title}</span>
        </a>
      ) : (
        <span />
      )}
      {next && (
        <a rel="next" href={hrefFor({ view: 'section', sectionId: next.id })}>
          <span className="pager-label">{t('reader.next')}</span> <span lang={lang}>{next.title}</span>
        </a>
      )}
    </nav>
  );
}
