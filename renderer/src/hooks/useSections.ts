/**
 * Sections of the open archive, asked for only by the views that show them: all of them, a span (a
 * page of the home page's contents, the window of the reader's side contents), or those of some ids
 * (the sections a printout's links name). archive.info only counts the sections, so opening an
 * archive of 35,000 sections reads none of them, and a first search never waits behind the contents.
 */
import { useEffect, useState } from 'react';
import type {
  ApiRequest,
  ArchiveInfo,
  SECTION_IDS_PER_REQUEST as SectionIdsPerRequest,
} from '../../../main/api/contract';
import type { Section } from '../../../main/model/archive';
import { useApi } from '../api/ApiContext';
import { messageOf } from '../error-message';

export type SectionsRequest = ApiRequest<'archive.sections'>;

/** One request per archive and question: every view of it shares the answer (a failed one is asked again). */
const asked = new WeakMap<ArchiveInfo, Map<string, Promise<Section[]>>>();

export interface SectionsState {
  /** Null until they arrive (or when they could not be read). */
  sections: Section[] | null;
  /** Why they could not be read (a damaged contents table), in one line. */
  error: string | null;
}

const EVERY_SECTION: SectionsRequest = {};
/** The contract's bound on the ids one request may name (typed to it: a change there fails here). */
export const SECTION_IDS_PER_REQUEST: typeof SectionIdsPerRequest = 500;

/** Spans are asked for in pages of this many, aligned, so the home page and the side contents share them. */
export const SECTIONS_PAGE = 200;

type Api = ReturnType<typeof useApi>;

/** The answer to one question about an archive's sections, asked once and shared until it fails. */
function ask(api: Api, info: ArchiveInfo, request: SectionsRequest): Promise<Section[]> {
  const key = JSON.stringify(request);
  let questions = asked.get(info);
  if (!questions) asked.set(info, (questions = new Map<string, Promise<Section[]>>()));
  let pending = questions.get(key);
  if (!pending) {
    pending = api.call('archive.sections', request);
    questions.set(key, pending);
    pending.catch(() => questions.delete(key));
  }
  return pending;
}

/** Sections `from` (inclusive) to `to` (exclusive) of the reading order, read as the aligned pages that hold them. */
function askSpan(api: Api, info: ArchiveInfo, from: number, to: number): Promise<Section[]> {
  const pages: Promise<Section[]>[] = [];
  for (let page = Math.floor(from / SECTIONS_PAGE) * SECTIONS_PAGE; page < to; page += SECTIONS_PAGE)
    pages.push(ask(api, info, { from: page, count: SECTIONS_PAGE }));
  return Promise.all(pages).then((read) => read.flat().filter((s) => s.ordinal >= from && s.ordinal < to));
}

export function useSections(info: ArchiveInfo | null, request: SectionsRequest = EVERY_SECTION): SectionsState {
  const api = useApi();
  const key = JSON.stringify(request);
  return useAnswer(info, key, (archive) => ask(api, archive, JSON.parse(key) as SectionsRequest), api);
}

/** Sections `from` to `to` (exclusive), however many pages that takes. */
export function useSectionSpan(info: ArchiveInfo | null, from: number, to: number): SectionsState {
  const api = useApi();
  return useAnswer(info, `${from}-${to}`, (archive) => askSpan(api, archive, from, to), api);
}

function useAnswer(
  info: ArchiveInfo | null,
  key: string,
  question: (info: ArchiveInfo) => Promise<Section[]>,
  api: Api,
): SectionsState {
  const [answer, setAnswer] = useState<{ info: ArchiveInfo; key: string; state: SectionsState } | null>(null);
  useEffect(() => {
    if (!info) return;
    let cancelled = false;
    question(info).then(
      (sections) => !cancelled && setAnswer({ info, key, state: { sections, error: null } }),
      (failure: unknown) =>
        !cancelled && setAnswer({ info, key, state: { sections: null, error: messageOf(failure) } }),
    );
    return () => {
      cancelled = true;
    };
    // The question is named by its key: a new closure each render asks nothing new.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, info, key]);
  return answer && answer.info === info && answer.key === key ? answer.state : { sections: null, error: null };
}
