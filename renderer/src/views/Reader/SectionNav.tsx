/** The archive's sections beside the text, the one being read marked as current. */
import type { Section } from '../../../../main/model/archive';
import { hrefFor } from '../../route';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../../i18n/ContentLanguage';
import './SectionNav.css';

export function SectionNav({ sections, currentId }: { sections: readonly Section[]; currentId: string }) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  return (
    <nav className="toc-side" aria-label={t('reader.sections')}>
      <p className="toc-side-title" aria-hidden="true">
        {t('reader.contents')}
      </p>
      <ol lang={lang}>
        {sections.map((s) => (
          <li key={s.id}>
            <a
              href={hrefFor({ view: 'section', sectionId: s.id })}
              aria-current={s.id === currentId ? 'page' : undefined}
            >
              {s.title}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
