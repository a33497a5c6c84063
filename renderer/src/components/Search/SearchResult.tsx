/**
 * One search result: an option of the results listbox, with its kind, section and highlighted snippet.
 * A media result names its title once (its text begins with the title, so the snippet goes on after it);
 * a result found only through its section's title says so, with the title's matched words marked.
 */
import type { ShownHit } from '../../../../main/model/search-result';
import { useTranslation } from 'react-i18next';
import { useContentLanguage } from '../../i18n/ContentLanguage';
import { Badge } from '../Badge';
import { Highlighted } from '../Highlighted';
import { mediaTitleAndSnippet } from './media-title';
import './SearchResult.css';

export function SearchResult({
  hit,
  id,
  active,
  onChoose,
  onHover,
}: {
  hit: ShownHit;
  id: string;
  active: boolean;
  onChoose(this: void): void;
  onHover(this: void): void;
}) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const media = hit.kind === 'media' ? mediaTitleAndSnippet(hit) : null;
  const snippet = media ? media.snippet : { text: hit.snippet, start: hit.snippetStart };
  const cutBefore = media ? media.cutBefore : hit.snippetStart > 0;
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
          {hit.sectionHighlights ? <Highlighted text={hit.section} ranges={hit.sectionHighlights} /> : hit.section}
        </span>
        {hit.sectionHighlights && <span className="result-why">{t('searchHelp.titleMatch')}</span>}
      </span>
      {media?.title && (
        <span className="result-title" lang={lang}>
          {media.title.start === null ? (
            media.title.text
          ) : (
            <Highlighted text={media.title.text} offset={media.title.start} ranges={hit.highlights} />
          )}
        </span>
      )}
      {snippet.text && (
        <span className="result-snippet" lang={lang}>
          {cutBefore && '…'}
          <Highlighted text={snippet.text} offset={snippet.start} ranges={hit.highlights} />
          {snippet.start + snippet.text.length < hit.textLength && '…'}
        </span>
      )}
    </li>
  );
}
