import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import type { ArchiveInfo, FolioApi } from '../../main/api/contract';
import type { PassageKind } from '../../main/model/passage-kind';
import type { SearchHit } from '../../main/model/search-result';
import { isSuperseded } from './api';
import { Highlighted } from './Highlighted';
import { passageHref } from './route';

const FILTERS: { kind: PassageKind; label: string }[] = [
  { kind: 'text', label: 'Text' },
  { kind: 'caption', label: 'Captions' },
  { kind: 'media', label: 'Media' },
];
export const KIND_LABEL: Record<PassageKind, string> = {
  text: 'Text',
  caption: 'Caption',
  media: 'Media',
  heading: 'Heading',
};
// No wait beyond the current task: the worker drops searches a newer one has overtaken, so bursts cost nothing.
const DEBOUNCE_MS = 0;
const PAGE = 30;

interface Answer {
  query: string;
  /** The kinds this answer was filtered by, sorted and comma-joined ('' for all). */
  kinds: string;
  total: number;
  results: SearchHit[];
  tookMs: number;
}

export function Search({ api, info }: { api: FolioApi; info: ArchiveInfo | null }) {
  const [query, setQuery] = useState('');
  const [kinds, setKinds] = useState<Set<PassageKind>>(() => new Set(['text', 'caption', 'media']));
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [active, setActive] = useState(-1);
  const [open, setOpen] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const panelRef = useRef<HTMLDivElement>(null);
  const seq = useRef(0);
  const shown = useRef(0);
  const answers = useRef(0);
  const ids = useId();
  const listId = `${ids}-results`;
  const optionId = (i: number): string => `${ids}-option-${i}`;

  // `/` and Ctrl+K (⌘K) focus the field from anywhere.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent): void => {
      const target = event.target as HTMLElement | null;
      const editing = !!target && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
      if ((event.key === 'k' || event.key === 'K') && (event.ctrlKey || event.metaKey)) {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      } else if (event.key === '/' && !editing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        inputRef.current?.focus();
        inputRef.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // Close the panel on a click outside it.
  useEffect(() => {
    const onDown = (event: MouseEvent): void => {
      const t = event.target as Node;
      if (!panelRef.current?.contains(t) && !inputRef.current?.contains(t)) setOpen(false);
    };
    document.addEventListener('mousedown', onDown);
    return () => document.removeEventListener('mousedown', onDown);
  }, []);

  // As-you-type search; answers to older queries are ignored.
  useEffect(() => {
    const text = query;
    if (!text.trim()) {
      seq.current += 1;
      setAnswer(null);
      setError(null);
      setActive(-1);
      return;
    }
    const kindList = kinds.size === FILTERS.length ? undefined : [...kinds];
    const timer = window.setTimeout(() => {
      const mySeq = ++seq.current;
      const started = performance.now();
      api
        .call('search.query', { query: text, ...(kindList ? { kinds: kindList } : {}), limit: PAGE, seq: mySeq })
        .then((res) => {
          if (mySeq < shown.current || mySeq !== seq.current) return;
          shown.current = mySeq;
          setAnswer({
            query: text,
            kinds: kindList ? [...kindList].sort().join(',') : '',
            total: res.total,
            results: res.results,
            tookMs: res.tookMs,
          });
          setError(null);
          setActive(-1);
          document.documentElement.dataset.searchMs = String(Math.round(performance.now() - started));
        })
        .catch((err: unknown) => {
          if (isSuperseded(err) || mySeq !== seq.current) return;
          setError((err as Error).message);
        });
    }, DEBOUNCE_MS);
    return () => window.clearTimeout(timer);
  }, [api, query, kinds]);

  // A counter of rendered answers: tests and the latency probe watch it.
  useEffect(() => {
    if (answer) document.documentElement.dataset.searchAnswers = String(++answers.current);
  }, [answer]);

  const results = answer?.results ?? [];
  const [loadingMore, setLoadingMore] = useState(false);
  const showMore = (): void => {
    if (!answer || loadingMore) return;
    const kindList = answer.kinds ? (answer.kinds.split(',') as PassageKind[]) : undefined;
    setLoadingMore(true);
    api
      .call('search.query', {
        query: answer.query,
        ...(kindList ? { kinds: kindList } : {}),
        limit: PAGE,
        offset: answer.results.length,
      })
      .then((res) => {
        setAnswer((prev) =>
          prev && prev.query === answer.query && prev.kinds === answer.kinds
            ? { ...prev, results: [...prev.results, ...res.results] }
            : prev,
        );
      })
      .catch(() => undefined)
      .finally(() => {
        setLoadingMore(false);
        inputRef.current?.focus();
      });
  };

  const choose = (hit: SearchHit): void => {
    setOpen(false);
    location.hash = passageHref(hit.passageId, hit.highlights);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key === 'ArrowDown') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (results.length ? (i + 1) % results.length : -1));
    } else if (event.key === 'ArrowUp') {
      event.preventDefault();
      setOpen(true);
      setActive((i) => (results.length ? (i <= 0 ? results.length - 1 : i - 1) : -1));
    } else if (event.key === 'Enter') {
      const hit = results[active >= 0 ? active : 0];
      if (hit && open) {
        event.preventDefault();
        choose(hit);
      }
    } else if (event.key === 'Escape') {
      event.preventDefault();
      if (query) setQuery('');
      setOpen(false);
    }
  };

  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [active]);

  const toggleKind = (kind: PassageKind): void => {
    setKinds((prev) => {
      const next = new Set(prev);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      return next.size ? next : new Set(FILTERS.map((f) => f.kind));
    });
  };

  const showPanel = open && query.trim() !== '';
  return (
    <div role="search" className="search">
      <label htmlFor={`${ids}-input`} className="visually-hidden">
        Search the archive
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
          placeholder={info ? `Search ${info.passageCount.toLocaleString()} passages` : 'Search'}
          autoComplete="off"
          spellCheck={false}
          maxLength={10_000}
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
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
        Results appear as you type. Use the up and down arrows to move through them, Enter to open one, Escape to clear.
      </span>
      <div ref={panelRef} className="search-panel" hidden={!showPanel}>
        <fieldset className="filters">
          <legend>Show</legend>
          {FILTERS.map((f) => (
            <label key={f.kind} className={`chip kind-${f.kind}`}>
              <input type="checkbox" checked={kinds.has(f.kind)} onChange={() => toggleKind(f.kind)} />
              {f.label}
            </label>
          ))}
        </fieldset>
        <p className="search-status" role="status" data-query={answer?.query} data-kinds={answer?.kinds}>
          {error
            ? `Search failed: ${error}`
            : !answer
              ? 'Searching…'
              : answer.total === 0
                ? `No results for “${clip(answer.query)}”.`
                : `${answer.total.toLocaleString()} ${answer.total === 1 ? 'result' : 'results'}${answer.total > results.length ? `, showing the first ${results.length}` : ''}`}
        </p>
        {answer && answer.total === 0 && (
          <p className="search-empty">Try fewer words, another spelling, or turn on more kinds above.</p>
        )}
        <ul id={listId} role="listbox" aria-label="Search results" className="results">
          {results.map((hit, i) => (
            <li
              key={hit.passageId}
              id={optionId(i)}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'result active' : 'result'}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => choose(hit)}
              onMouseMove={() => active !== i && setActive(i)}
            >
              <span className="result-meta">
                <span className={`badge kind-${hit.kind}`}>{KIND_LABEL[hit.kind]}</span>
                <span className="result-section">{hit.section}</span>
              </span>
              {hit.kind === 'media' && hit.title && <span className="result-title">{hit.title}</span>}
              <span className="result-snippet">
                {hit.snippetStart > 0 && '…'}
                <Highlighted text={hit.snippet} offset={hit.snippetStart} ranges={hit.highlights} />
                {hit.snippetStart + hit.snippet.length < hit.text.length && '…'}
              </span>
            </li>
          ))}
        </ul>
        {answer && answer.total > results.length && (
          <button type="button" className="more" onClick={showMore} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : `Show more results (${answer.total - results.length} more)`}
          </button>
        )}
      </div>
    </div>
  );
}

function clip(text: string): string {
  return text.length > 80 ? `${text.slice(0, 80)}…` : text;
}
