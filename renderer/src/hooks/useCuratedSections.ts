/**
 * The sections whose titles are the curator's, the first `shown` of them, and how many there are: what
 * About lists of an archive too large to list whole. They are asked for a page at a time
 * (archive.curatedSections) rather than found among every section: on the Linux and Rust documentation
 * that was the contents of 35,284 sections, 6.4 MB, before About could list a title.
 */
import { useEffect, useState } from 'react';
import type { ApiResponses, ArchiveInfo } from '../../../main/api/contract';
import type { Section } from '../../../main/model/archive';
import { useApi } from '../api/ApiContext';
import { messageOf } from '../error-message';

type Page = ApiResponses['archive.curatedSections'];
type Api = ReturnType<typeof useApi>;

/** Titles asked for at once; pages are aligned, so a page once asked is shared. */
const PAGE = 200;
/** One request per archive and page (a failed one is asked again). */
const asked = new WeakMap<ArchiveInfo, Map<number, Promise<Page>>>();

export interface CuratedSections {
  /** Null until the first page arrives (or when it could not be read). */
  sections: readonly Section[] | null;
  /** How many sections have the curator's titles. */
  total: number;
  /** Why they could not be read, in one line. */
  error: string | null;
}

function askPage(api: Api, info: ArchiveInfo, from: number): Promise<Page> {
  let pages = asked.get(info);
  if (!pages) asked.set(info, (pages = new Map<number, Promise<Page>>()));
  let pending = pages.get(from);
  if (!pending) {
    pending = api.call('archive.curatedSections', { from, count: PAGE });
    pages.set(from, pending);
    pending.catch(() => pages.delete(from));
  }
  return pending;
}

export function useCuratedSections(info: ArchiveInfo | null, shown: number): CuratedSections {
  const api = useApi();
  const [answer, setAnswer] = useState<{ info: ArchiveInfo; state: CuratedSections } | null>(null);
  useEffect(() => {
    if (!info) return;
    let cancelled = false;
    const pages: Promise<Page>[] = [];
    for (let from = 0; from < shown; from += PAGE) pages.push(askPage(api, info, from));
    Promise.all(pages).then(
      (read) =>
        !cancelled &&
        setAnswer({
          info,
          state: { sections: read.flatMap((page) => page.sections), total: read[0]?.total ?? 0, error: null },
        }),
      (failure: unknown) =>
        !cancelled && setAnswer({ info, state: { sections: null, total: 0, error: messageOf(failure) } }),
    );
    return () => {
      cancelled = true;
    };
  }, [api, info, shown]);
  // While more are asked for, those already listed stay (no flash of an empty list); never another archive's.
  return answer?.info === info ? answer.state : { sections: null, total: 0, error: null };
}
