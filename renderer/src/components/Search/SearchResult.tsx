/** One search result: an option of the results listbox, with its kind, section and highlighted snippet. */
import type { SearchHit } from '../../../../main/model/search-result';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../../i18n/ContentLanguage';
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
  const { t } = useTranslation();
  const lang = useContentLanguage();
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
        <Badge tone={hit.kind}>{t(`kind.label.${hit.kind}`)}</Badge>
        <span className="result-section" lang={lang}>
          {hit.section}
        </span>
      </span>
      {hit.kind === 'media' && hit.title && (
        <span className="result-title" lang={lang}>
          {hit.title}
        </span>
      )}
      <span className="result-snippet" lang={lang}>
        {hit.snippetStart > 0 && '…'}
        <Highlighted text={hit.snippet} offset={hit.snippetStart} ranges={hit.highlights} />
        {hit.snippetStart + hit.snippet.length < hit.text.length && '…'}
      </span>
    </li>
  );
}
