/**
 * As-you-type search: the query, the kinds it is narrowed to, and the answer on screen. Every keystroke asks at
 * once (the worker drops searches a newer one overtook, so bursts cost nothing); an answer that arrives after
 * the query moved on is ignored. `busy` says the answer on screen is not yet the one for what is typed.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PassageKind } from '../../../../main/model/passage-kind';
import type { ShownHit } from '../../../../main/model/search-result';
import { useApi } from '../../api/ApiContext';
import { isSuperseded } from '../../api/superseded';
import { messageOf } from '../../error-message';
import { FILTER_KINDS, type FilterKind } from '../../kinds';

const PAGE = 30;

export interface Answer {
  /** Which search answered: a new one resets the active result, more of the same does not. */
  serial: number;
  query: string;
  /** The kinds this answer was filtered by, sorted and comma-joined ('' for all). */
  kinds: string;
  total: number;
  /** `total` is extrapolated from the candidates checked: shown as "about N". */
  totalIsEstimate: boolean;
  results: ShownHit[];
  /** The query with its misspelt words corrected from the archive's vocabulary, when it has any. */
  didYouMean: string | null;
}

const kindsKey = (kinds: ReadonlySet<FilterKind>): string =>
  kinds.size === FILTER_KINDS.length ? '' : [...kinds].sort().join(',');
const kindsOf = (key: string): PassageKind[] | undefined => (key ? (key.split(',') as PassageKind[]) : undefined);

export function useSearch() {
  const api = useApi();
  const [query, setQuery] = useState('');
  const [kinds, setKinds] = useState<ReadonlySet<FilterKind>>(() => new Set(FILTER_KINDS));
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [failure, setFailure] = useState<{ query: string; kinds: string; message: string } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const seq = useRef(0);
  const key = kindsKey(kinds);

  useEffect(() => {
    if (!query.trim()) return;
    let current = true;
    const mySeq = ++seq.current;
    const kindList = kindsOf(key);
    api
      .call('search.query', { query, ...(kindList ? { kinds: kindList } : {}), limit: PAGE, seq: mySeq })
      .then((res) => {
        if (!current) return;
        setAnswer({
          serial: mySeq,
          query,
          kinds: key,
          total: res.total,
          totalIsEstimate: res.totalIsEstimate === true,
          results: res.results,
          didYouMean: res.didYouMean ?? null,
        });
        setFailure(null);
      })
      .catch((err: unknown) => {
        if (!current || isSuperseded(err)) return;
        setFailure({ query, kinds: key, message: messageOf(err) });
      });
    return () => {
      current = false;
    };
  }, [api, query, key]);

  // Stable, so a listener that calls it is registered once (Search's hashchange listener).
  const changeQuery = useCallback((text: string): void => {
    setQuery(text);
    if (!text.trim()) {
      setAnswer(null);
      setFailure(null);
    }
  }, []);

  const toggleKind = (kind: FilterKind): void => {
    setKinds((prev) => {
      const next = new Set(prev);
      if (next.has(kind)) next.delete(kind);
      else next.add(kind);
      // The last kind stays checked (its chip is disabled): a search always shows some kind, never all again unasked.
      return next.size ? next : prev;
    });
  };

  /** The next page of the answer on screen, appended to it. */
  const showMore = async (): Promise<void> => {
    if (!answer || loadingMore) return;
    const kindList = kindsOf(answer.kinds);
    setLoadingMore(true);
    try {
      const res = await api.call('search.query', {
        query: answer.query,
        ...(kindList ? { kinds: kindList } : {}),
        limit: PAGE,
        offset: answer.results.length,
      });
      setAnswer((prev) =>
        prev && prev.query === answer.query && prev.kinds === answer.kinds
          ? { ...prev, results: [...prev.results, ...res.results] }
          : prev,
      );
    } catch {
      // The first page stays; the button stays for another try.
    } finally {
      setLoadingMore(false);
    }
  };

  const answered = (of: { query: string; kinds: string } | null): boolean =>
    !!of && of.query === query && of.kinds === key;
  return {
    query,
    kinds,
    answer,
    error: failure?.message ?? null,
    busy: query.trim() !== '' && !answered(answer) && !answered(failure),
    loadingMore,
    changeQuery,
    toggleKind,
    showMore,
  };
}
