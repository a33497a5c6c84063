/** One search over all archives: the last submitted query's answer, or its failure. */
import { useEffect, useState } from 'react';
import type { ShownLibraryResponse } from '../../../../main/api/contract';
import { useApi } from '../../api/ApiContext';
import { messageOf } from '../../error-message';

export const LIBRARY_PAGE = 30;

export type LibrarySearchState =
  | { status: 'idle' }
  | { status: 'searching' }
  | { status: 'done'; response: ShownLibraryResponse }
  | { status: 'failed'; message: string };

type Answer = { query: string; response: ShownLibraryResponse } | { query: string; message: string };

export function useLibrarySearch(query: string): LibrarySearchState {
  const api = useApi();
  // The answer names its query, so a newer query shows "searching" until its own answer arrives.
  const [answer, setAnswer] = useState<Answer | null>(null);
  useEffect(() => {
    if (!query) return;
    let cancelled = false;
    api.call('library.search', { query, limit: LIBRARY_PAGE }).then(
      (response) => !cancelled && setAnswer({ query, response }),
      (failure: unknown) => !cancelled && setAnswer({ query, message: messageOf(failure) }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, query]);
  if (!query) return { status: 'idle' };
  if (answer?.query !== query) return { status: 'searching' };
  return 'response' in answer
    ? { status: 'done', response: answer.response }
    : { status: 'failed', message: answer.message };
}
