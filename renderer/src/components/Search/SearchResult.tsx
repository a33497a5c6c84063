/** One search result: an option of the results listbox, with its kind, section and highlighted snippet. */
import type { SearchHit } from '../../../../main/model/search-result';
import { strings } from '../../strings';
import { Badge } from '../Badge';
import { Highlighted } from '../Highlighted';
import './SearchResult.css';

export function SearchResult({
  hit,
  id,
  active,
  onChoose,
  onHover,
}: {
  hit: SearchHit;
  id: string;
  active: boolean;
  onChoose(this: void): void;
  onHover(this: void): void;
}) {
  return (
    <li
      id={id}
      role="option"
      aria-selected={active}
      className={active ? 'result active' : 'result'}
      // Keep focus in the search field: the click chooses, the field stays the combobox.
      onMouseDown={(e) => e.preventDefault()}
      onClick={onChoose}
      onMouseMove={() => !active && onHover()}
    >
      <span className="result-meta">
        <Badge tone={hit.kind}>{strings.kind.label[hit.kind]}</Badge>
        <span className="result-section">{hit.section}</span>
      </span>
      {hit.kind === 'media' && hit.title && <span className="result-title">{hit.title}</span>}
      <span className="result-snippet">
        {hit.snippetStart > 0 && '…'}
        <Highlighted text={hit.snippet} offset={hit.snippetStart} ranges={hit.highlights} />
        {hit.snippetStart + hit.snippet.length < hit.text.length && '…'}
      </span>
    </li>
  );
}
