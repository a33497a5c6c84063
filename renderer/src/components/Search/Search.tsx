/**
 * The search in the masthead: a combobox whose listbox of results opens below it. Arrows move through the
 * results, Enter opens one, Escape clears; the panel closes on a click outside it. Focused and empty, it
 * offers the reader's recent searches; a query with misspelt words offers the archive's spelling.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ShownHit } from '../../../../main/model/search-result';
import { passageHref } from '../../route';
import { i18n } from '../../i18n/i18n';
import { useContentLanguage } from '../../i18n/ContentLanguage';
import { useRecentSearches } from '../../hooks/useRecentSearches';
import { DidYouMean } from '../DidYouMean';
import { KindFilters } from './KindFilters';
import { RecentSearches } from './RecentSearches';
import { SearchResult } from './SearchResult';
import { useSearch, type Answer } from './useSearch';
import { useSearchShortcut } from './useSearchShortcut';
import './Search.css';

const clip = (text: string): string => (text.length > 80 ? `${text.slice(0, 80)}…` : text);

function statusText(error: string | null, answer: Answer | null): string {
  const t = i18n.t;
  if (error) return t('search.failed', { message: error });
  if (!answer) return t('search.searching');
  if (answer.total === 0) return t('search.none', { query: clip(answer.query) });
  const shown = answer.results.length;
  const about = answer.totalIsEstimate ? 'About' : '';
  return answer.total > shown
    ? t(`search.count${about}Showing`, { count: answer.total, shown })
    : t(`search.count${about}`, { count: answer.total });
}

export function Search({ passageCount, archiveId }: { passageCount: number | null; archiveId: string | null }) {
  const { t } = useTranslation();
  const lang = useContentLanguage();
  const search = useSearch();
  const recent = useRecentSearches(archiveId);
  const { query, answer } = search;
  const [open, setOpen] = useState(false);
  // The highlighted result belongs to one answer: a new answer starts with none.
  const [selection, setSelection] = useState({ serial: -1, index: -1 });
  const inputRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const ids = useId();
  const listId = `${ids}-results`;
  const optionId = (i: number): string => `${ids}-option-${i}`;
  const results = answer?.results ?? [];
  const active = answer && selection.serial === answer.serial ? selection.index : -1;
  const select = (index: number): void => setSelection({ serial: answer?.serial ?? -1, index });

  useSearchShortcut(inputRef);

  // Close the panel on a click outside it.
  useEffect(() => {
    const onDown = (event: MouseEvent): void => {
      const t = event.target as Node;
      if (!panelRef.current?.contains(t) && !inputRef.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);

  // Keep the highlighted result in view as the arrows move through a long list.
  useEffect(() => {
    if (active >= 0) document.getElementById(`${ids}-option-${active}`)?.scrollIntoView({ block: 'nearest' });
  }, [active, ids]);

  // A result chosen keeps its query (the way back to the other results); going anywhere else clears it.
  // changeQuery is stable: were this listener replaced on every render, the route's own listener, which
  // re-renders at once, would swap it out in the middle of the hashchange, and it would never run.
  const chosen = useRef<string | null>(null);
  const { changeQuery } = search;
  useEffect(() => {
    const onHash = (): void => {
      if (location.hash !== chosen.current) changeQuery('');
      setOpen(false);
    };
    window.addEventListener('hashchange', onHash);
    return () => window.removeEventListener('hashchange', onHash);
  }, [changeQuery]);

  const choose = (hit: ShownHit): void => {
    setOpen(false);
    recent.add(query);
    chosen.current = passageHref(hit.passageId, hit.highlights);
    location.hash = chosen.current;
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      select(results.length ? (active + 1) % results.length : -1);
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      select(results.length ? (active <= 0 ? results.length - 1 : active - 1) : -1);
    } else if (event.key === 'Enter') {
      const hit = results[active >= 0 ? active : 0];
      if (hit && open) {
        event.preventDefault();
        choose(hit);
      } else if (query.trim()) {
        // Pressed Enter on a search with nothing (yet) to open: still a search the reader ran.
        recent.add(query);
        setOpen(true);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query) search.changeQuery('');
      setOpen(false);
    }
  };

  /** Runs another query from the panel (a recent search, a correction), keeping the field the combobox. */
  const runQuery = (text: string): void => {
    search.changeQuery(text);
    setOpen(true);
    inputRef.current?.focus();
  };
  const afterRemoval = (): void => inputRef.current?.focus();

  const showRecent = query.trim() === '' && recent.searches.length > 0;
  const showPanel = open && (query.trim() !== '' || showRecent);
  return (
    <div role="search" className="search">
      <label htmlFor={`${ids}-input`} className="visually-hidden">
        {t('search.label')}
      </label>
      <div className="search-field">
        <svg aria-hidden="true" viewBox="0 0 20 20" className="search-icon">
          <circle cx="8.5" cy="8.5" r="5.5" fill="none" stroke="currentColor" strokeWidth="1.8" />
          <path d="M13 13l4.5 4.5" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" />
        </svg>
        <input
          ref={inputRef}
          id={`${ids}-input`}
          type="search"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showPanel && active >= 0 ? optionId(active) : undefined}
          aria-describedby={`${ids}-hint`}
          placeholder={
            passageCount === null ? t('search.placeholder') : t('search.placeholderCount', { count: passageCount })
          }
          autoComplete="off"
          spellCheck={false}
          maxLength={10_000}
          value={query}
          onChange={(e) => {
            search.changeQuery(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={onKeyDown}
        />
        <kbd className="search-kbd" aria-hidden="true">
          /
        </kbd>
      </div>
      <span id={`${ids}-hint`} className="visually-hidden">
        {t('search.hint')}
      </span>
      <div ref={panelRef} className="search-panel" hidden={!showPanel}>
        {showRecent && (
          <RecentSearches
            searches={recent.searches}
            onRun={runQuery}
            onRemove={(q) => {
              recent.remove(q);
              afterRemoval();
            }}
            onClear={() => {
              recent.clear();
              afterRemoval();
            }}
          />
        )}
        <div hidden={showRecent}>
          <KindFilters kinds={search.kinds} onToggle={search.toggleKind} />
          {/* Busy while the answer shown is not yet the one for what is typed: screen readers wait for it. */}
          <p className="search-status" role="status" aria-busy={search.busy || undefined}>
            {statusText(search.error, answer)}
          </p>
          {answer?.didYouMean && (
            <DidYouMean className="search-suggestion" suggestion={answer.didYouMean} lang={lang} onTake={runQuery} />
          )}
          {answer && answer.total === 0 && <p className="search-empty">{t('search.emptyHint')}</p>}
          <ul id={listId} role="listbox" aria-label={t('search.results')} className="results">
            {results.map((hit, i) => (
              <SearchResult
                key={hit.passageId}
                hit={hit}
                id={optionId(i)}
                active={i === active}
                onChoose={() => choose(hit)}
                onHover={() => select(i)}
              />
            ))}
          </ul>
          {answer && answer.total > results.length && (
            <button
              type="button"
              className="more"
              disabled={search.loadingMore}
              onClick={() => void search.showMore().then(() => inputRef.current?.focus())}
            >
              {search.loadingMore
                ? t('search.loadingMore')
                : answer.totalIsEstimate
                  ? t('search.moreAbout')
                  : t('search.more', { count: answer.total - results.length })}
            </button>
          )}
        </div>
      </div>
    </div>
  );
}
