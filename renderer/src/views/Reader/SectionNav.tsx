/** The archive's sections beside the text, the one being read marked as current. */
import type { Section } from '../../../../main/model/archive';
import { hrefFor } from '../../route';
import { strings } from '../../strings';
import './SectionNav.css';

export function SectionNav({ sections, currentId }: { sections: readonly Section[]; currentId: string }) {
  return (
    <nav className="toc-side" aria-label={strings.reader.sections}>
      <p className="toc-side-title" aria-hidden="true">
        {strings.reader.contents}
      </p>
      <ol>
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
