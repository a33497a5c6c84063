/**
 * Counting for the usage ledger, from the renderer's own calls: a search is counted once it has settled
 * (the visitor stopped typing, opened a result or started another search), not once per keystroke; a
 * bookmark when it is new.
 * The server checks each event (it re-runs the query for its total), so the ledger never trusts a count
 * from the page.
 */
import Hangul from 'hangul-js';
import type { ApiMethod, ApiRequest, ApiResponses, FolioApi } from '../../../main/api/contract';

const SETTLE_MS = 1500;

/**
 * Whether `next` is the same search still being typed or corrected (more letters, or fewer), compared
 * jamo by jamo, since composing Korean changes the last syllable (제 → 젲 → 제주).
 */
function sameSearch(pending: string, next: string): boolean {
  const a = Hangul.disassembleToString(pending.toLowerCase());
  const b = Hangul.disassembleToString(next.toLowerCase());
  return a.startsWith(b) || b.startsWith(a);
}

export interface RecordingApi extends FolioApi {
  /** Counts the search still settling now (before a passage opens, or at a reset). */
  flush(this: void): void;
  passageOpened(this: void, passageId: string): void;
}

export function recordingApi(api: FolioApi): RecordingApi {
  let pending: string | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const record = (request: ApiRequest<'kiosk.record'>): void => {
    api.call('kiosk.record', request).catch(() => undefined); // counting never gets in a visitor's way
  };
  const flush = (): void => {
    clearTimeout(timer);
    if (pending) record({ event: 'search', query: pending });
    pending = null;
  };
  return {
    mediaUrl: (mediaId) => api.mediaUrl(mediaId),
    flush,
    passageOpened: (passageId) => {
      flush();
      record({ event: 'passage', passageId });
    },
    async call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponses[M]> {
      const answer = await api.call(method, request);
      if (method === 'search.query') {
        const search = request as ApiRequest<'search.query'>;
        const query = search.query.trim().slice(0, 500);
        if (query && !search.offset) {
          // A new search (not an edit of the pending one) means the pending one was read: count it.
          if (pending && !sameSearch(pending, query)) flush();
          pending = query;
          clearTimeout(timer);
          timer = setTimeout(flush, SETTLE_MS);
        }
      } else if (method === 'bookmarks.set') {
        const saved = answer as ApiResponses['bookmarks.set'];
        if (saved.createdAt === saved.updatedAt) record({ event: 'bookmark' });
      }
      return answer;
    },
  };
}
