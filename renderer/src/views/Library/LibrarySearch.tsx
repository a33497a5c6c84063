/**
 * "Search all archives": a form (a search over every pack costs more than one, so it runs on submit,
 * not as you type) and the merged results, each labelled with its archive and linking into it.
 */
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LibraryEntry } from '../../../../main/api/contract';
import { Badge } from '../../components/Badge';
import { DidYouMean } from '../../components/DidYouMean';
import { Highlighted } from '../../components/Highlighted';
import { ContentInText } from '../../i18n/ContentInText';
import { passageHref } from '../../route';
import { useLibrarySearch } from './useLibrarySearch';

/** A long query, cut for the sentence that quotes it. */
const clip = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

export function LibrarySearch({ entries }: { entries: LibraryEntry[] }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [query, setQuery] = useState('');
  const state = useLibrarySearch(query);
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    setQuery(text.trim());
  };
  /** Searches for the suggested spelling, shown in the box as if typed. */
  const rerun = (corrected: string): void => {
    setText(corrected);
    setQuery(corrected);
  };
  const archivesWithResults = state.status === 'done' ? state.response.archives.filter((a) => a.total > 0).length : 0;
  return (
    <section className="library-search" aria-labelledby="library-search-title">
      <h2 id="library-search-title">{t('library.searchAll')}</h2>
      <form role="search" aria-label={t('library.searchAll')} onSubmit={submit}>
        <label htmlFor="library-query" className="visually-hidden">
          {t('library.searchAll')}
        </label>
        <input
          id="library-query"
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('library.searchAll')}
          autoComplete="off"
          spellCheck={false}
        />
        <button type="submit" className="primary">
          {t('library.searchButton')}
        </button>
      </form>
      <p className="library-status" role="status">
        {state.status === 'searching'
          ? t('library.searching')
          : state.status === 'failed'
            ? t('library.failed', { message: state.message })
            : state.status === 'done'
              ? state.response.total
                ? t(
                    state.response.totalIsEstimate
                      ? 'library.countAbout'
                      : state.response.total > state.response.results.length
                        ? 'library.countShowing'
                        : 'library.count',
                    {
                      count: state.response.total,
                      archives: t('library.archiveCount', { count: archivesWithResults }),
                      shown: state.response.results.length,
                    },
                  )
                : t('library.none', { query: clip(state.response.query) })
              : ''}
      </p>
      {state.status === 'done' && state.response.didYouMean && (
        <DidYouMean className="library-suggestion" suggestion={state.response.didYouMean} onTake={rerun} />
      )}
      {state.status === 'done' && state.response.results.length > 0 && (
        <ol className="library-results" aria-label={t('library.results')}>
          {state.response.results.map((hit) => {
            // The archive's own words (title, section, text) carry its language.
            const lang = entries.find((e) => e.archiveId === hit.archiveId)?.languages[0];
            return (
              <li key={`${hit.archiveId}/${hit.passageId}`} className="library-result" data-archive-id={hit.archiveId}>
                <a href={passageHref(hit.passageId, hit.highlights, linkArchiveOf(entries, hit.archiveId))}>
                  <span className="result-meta">
                    <span className="library-archive">
                      <ContentInText
                        text={t('library.from', { archive: hit.archiveTitle })}
                        content={hit.archiveTitle}
                        lang={lang}
                      />
                    </span>
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
                    {hit.snippetStart + hit.snippet.length < hit.textLength && '…'}
                  </span>
                </a>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

/** A result's link names its archive (a library of one has no other: plain links). */
function linkArchiveOf(entries: LibraryEntry[], archiveId: string): string | null {
  return entries.length > 1 ? archiveId : null;
}
