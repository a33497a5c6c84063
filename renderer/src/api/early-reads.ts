/**
 * The reads every page starts with, asked as the script starts instead of after the first render.
 *
 * Without this the page asked in a chain: kiosk.config; once it answered, the app drew itself, and only
 * then did its effects ask for the archive's description, the library, the settings and the bookmarks
 * (200–300 ms later on a 2-core machine; two round trips more on a phone over a hotspot). Now the
 * description and the library, which belong to no reader, are asked at once beside kiosk.config; the
 * settings and the bookmarks, which belong to the reader's profile, as soon as kiosk.config says this
 * is no kiosk (a kiosk's belong to a visitor who has not come yet).
 *
 * Each early answer goes to the first call that asks the same thing (an empty request: a scoped call
 * names its archive and asks for itself), once. Any other call first drops the answers not yet taken,
 * since it may change what they say, and nothing already asked for is asked early afterwards.
 */
import type { ApiMethod, ApiRequest, ApiResponses, FolioApi, KioskConfig } from '../../../main/api/contract';

const NOBODYS_OWN = ['archive.info', 'library.list'] as const satisfies readonly ApiMethod[];
const THE_READERS_OWN = ['settings.get', 'bookmarks.list'] as const satisfies readonly ApiMethod[];
type EarlyRead = 'kiosk.config' | (typeof NOBODYS_OWN)[number] | (typeof THE_READERS_OWN)[number];
const EARLY_READS: ReadonlySet<ApiMethod> = new Set<ApiMethod>(['kiosk.config', ...NOBODYS_OWN, ...THE_READERS_OWN]);

export function withEarlyReads(api: FolioApi): FolioApi {
  const early = new Map<ApiMethod, Promise<unknown>>();
  const askedFor = new Set<ApiMethod>();
  const askEarly = <M extends EarlyRead>(method: M): Promise<ApiResponses[M]> => {
    const answer = api.call(method, {} as ApiRequest<M>);
    answer.catch(() => undefined); // a failure is the taker's to report, or nobody's
    early.set(method, answer);
    return answer;
  };
  const readersOwn = (): void => {
    for (const method of THE_READERS_OWN) if (!askedFor.has(method) && !early.has(method)) void askEarly(method);
  };
  // A reader that cannot ask is an ordinary reader (KioskRoot), so its own reads are asked then too.
  askEarly('kiosk.config').then((config: KioskConfig) => !config.enabled && readersOwn(), readersOwn);
  for (const method of NOBODYS_OWN) void askEarly(method);

  return {
    call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponses[M]> {
      const answer = early.get(method);
      if (answer && Object.keys(request).length === 0) {
        early.delete(method);
        return answer as Promise<ApiResponses[M]>;
      }
      if (!EARLY_READS.has(method)) early.clear();
      askedFor.add(method);
      return api.call(method, request);
    },
    mediaUrl: (mediaId, archiveId) => api.mediaUrl(mediaId, archiveId),
  };
}
