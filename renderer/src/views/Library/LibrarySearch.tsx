/**
 * "Search all archives": a form (a search over every pack costs more than one, so it runs on submit,
 * not as you type) and the merged results, each labelled with its archive and linking into it.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryEntry } from '../../../../main/api/contract';
import { Badge } from '../../components/Badge';
import { Highlighted } from '../../components/Highlighted';
import { passageHref } from '../../route';
import { useLibraryStrings } from './library-strings';
import { useLibrarySearch } from './useLibrarySearch';

export function LibrarySearch({ entries }: { entries: LibraryEntry[] }) {
  const t = useLibraryStrings();
  const { t: tr } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const state = useLibrarySearch(query);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setQuery(text.trim());
  };
  const archivesWithResults = state.status === 'done' ? state.response.archives.filter((a) => a.total > 0).length : 0;
  return (
    <section className="library-search" aria-labelledby="library-search-title">
      <h2 id="library-search-title">{t.searchAll}</h2>
      <form role="search" aria-label={t.searchAll} onSubmit={submit}>
        <label htmlFor="library-query" className="visually-hidden">
          {t.searchLabel}
        </label>
        <input
          id="library-query"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t.searchLabel}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="primary">
          {t.searchButton}
        </button>
      </form>
      <p className="library-status" role="status">
        {state.status === 'searching'
          ? t.searching
          : state.status === 'failed'
            ? t.failed(state.message)
            : state.status === 'done'
              ? state.response.total
                ? t.count(state.response.total, archivesWithResults, state.response.results.length)
                : t.none(state.response.query)
              : ''}
      </p>
      {state.status === 'done' && state.response.results.length > 0 && (
        <ol className="library-results" aria-label={t.results}>
          {state.response.results.map((hit) => (
            <li key={`${hit.archiveId}/${hit.passageId}`} className="library-result" data-archive-id={hit.archiveId}>
              <a href={passageHref(hit.passageId, hit.highlights, linkArchiveOf(entries, hit.archiveId))}>
                <span className="result-meta">
                  <span className="library-archive">{t.from(hit.archiveTitle)}</span>
                  <Badge tone={hit.kind}>{tr(`kind.label.${hit.kind}`)}</Badge>
                  <span className="result-section">{hit.section}</span>
                </span>
                {hit.kind === 'media' && hit.title && <span className="result-title">{hit.title}</span>}
                <span className="result-snippet">
                  {hit.snippetStart > 0 && '…'}
                  <Highlighted text={hit.snippet} offset={hit.snippetStart} ranges={hit.highlights} />
                  {hit.snippetStart + hit.snippet.length < hit.text.length && '…'}
                </span>
              </a>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

/** A result's link names its archive (a library of one has no other: plain links). */
function linkArchiveOf(entries: LibraryEntry[], archiveId: string): string | null {
  return entries.length > 1 ? archiveId : null;
}
