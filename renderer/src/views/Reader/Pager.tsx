/** The way to the previous and the next section, at the end of a section. */
import type { Section } from '../../../../main/model/archive';
import { hrefFor } from '../../route';
import { strings } from '../../strings';
import './Pager.css';

export function Pager({ previous, next }: { previous: Section | null; next: Section | null }) {
  return (
    <nav className="pager" aria-label={strings.reader.pager}>
      {previous ? (
        <a rel="prev" href={hrefFor({ view: 'section', sectionId: previous.id })}>
          <span className="pager-label">{strings.reader.previous}</span> {previous.title}
        </a>
      ) : (
        <span />
      )}
      {next && (
        <a rel="next" href={hrefFor({ view: 'section', sectionId: next.id })}>
          <span className="pager-label">{strings.reader.next}</span> {next.title}
        </a>
      )}
    </nav>
  );
}
