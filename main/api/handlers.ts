/**
 * The one handler table: every method of the contract, implemented once over an open archive
 * (the pack, its search and the bookmark store). Callers go through `dispatch` (dispatch.ts), which
 * validates first; a handler reports its own failures as ApiFailure.
 */
import type { Passage } from '../model/archive';
import type { Bookmark } from '../model/bookmark';
import type { SearchRequest, SearchResponse, ShownSearchResponse } from '../model/search-result';
import type { SearchControl } from '../search/searcher/searcher';
import { nowMs } from '../search/searcher/clock';
import { shownHit } from './shown-hit';
import { suggestionOrNone } from '../search/suggest/hint';
import type { LibraryEntry, LibrarySearchResponse } from '../model/library';
import type { PackReader } from '../archive/pack-reader-types';
import type { BookmarkStore } from '../bookmarks/store';
import { excerptOf, exportFilename, exportJson, exportMarkdown } from '../bookmarks/export';
import { ApiFailure } from './api-error';
import { randomPassage } from './random-passage';
import type { ApiMethod, ApiRequest, ApiResponses } from './contract';
import { SECTIONS_PER_REQUEST } from './contract';
import type { KioskRuntime } from '../kiosk/kiosk-runtime';
import { kioskHandlers } from '../kiosk/kiosk-handlers';

/** What the handlers need to answer `search.query`: one call, whatever searcher is behind it. */
export interface SearchPort {
  /** `control` lets the caller give up a search overtaken by a newer one (SearchCancelledError). */
  search(request: SearchRequest, control?: SearchControl): SearchResponse;
  /**
   * "Did you mean …": the query with misspelt words corrected from the archive's vocabulary, or null.
   * Obeys `control` as the search does (SearchCancelledError).
   */
  suggest?(query: string, control?: SearchControl): string | null;
}

/** The archives open together (main/library): what `library.*` answers. */
export interface LibraryPort {
  /** Packs that were not opened, and why: told to the reader with the archive's own notices. */
  notices: readonly string[];
  entries(): LibraryEntry[];
  search(request: SearchRequest): LibrarySearchResponse;
}

/** Everything a handler works on: one open archive, seen by one profile, and the library it belongs to. */
export interface ApiContext {
  pack: PackReader;
  searcher: SearchPort;
  bookmarks: BookmarkStore;
  profileId: string;
  /** Absent when an archive is opened on its own (tests, `folio search`). */
  library?: LibraryPort;
  /** Kiosk mode and the usage ledger, when the app or server runs with them. */
  kiosk?: KioskRuntime | null;
  /** Lets `search.query` give up a search a newer one from the same client overtakes (the core worker's). */
  searchControl?: SearchControl | null;
}

type Handler<M extends ApiMethod> = (request: ApiRequest<M>, ctx: ApiContext) => ApiResponses[M];
export type HandlerTable = { [M in ApiMethod]: Handler<M> };

const archiveId = (ctx: ApiContext): string => ctx.pack.manifest.id;

function toBookmark(
  ctx: ApiContext,
  stored: { passageId: string; note: string; savedExcerpt: string; createdAt: string; updatedAt: string },
  passage: Passage | undefined = ctx.pack.passage(stored.passageId),
): Bookmark {
  const section = passage ? ctx.pack.section(passage.sectionId) : undefined;
  return {
    archiveId: archiveId(ctx),
    passageId: stored.passageId,
    note: stored.note,
    savedExcerpt: stored.savedExcerpt,
    createdAt: stored.createdAt,
    updatedAt: stored.updatedAt,
    passage: passage
      ? {
          kind: passage.kind,
          excerpt: excerptOf(passage.text),
          sectionId: passage.sectionId,
          section: section?.title ?? '',
        }
      : null,
    orphaned: !passage,
  };
}

function listBookmarks(ctx: ApiContext): Bookmark[] {
  // Reading order; orphans (no passage) last, oldest first, so they stay visible. Each passage is read once.
  const entries = ctx.bookmarks.list(ctx.profileId, archiveId(ctx)).map((b) => {
    const passage = ctx.pack.passage(b.passageId);
    return { bookmark: toBookmark(ctx, b, passage), ordinal: passage?.ordinal ?? Number.MAX_SAFE_INTEGER };
  });
  entries.sort((a, b) => a.ordinal - b.ordinal || a.bookmark.createdAt.localeCompare(b.bookmark.createdAt));
  return entries.map((e) => e.bookmark);
}

function requireLibrary(ctx: ApiContext): LibraryPort {
  if (!ctx.library) throw new ApiFailure('unavailable', 'No library is open.');
  return ctx.library;
}

function requirePassage(ctx: ApiContext, passageId: string): Passage {
  const passage = ctx.pack.passage(passageId);
  if (!passage) throw new ApiFailure('not-found', `No passage "${passageId}" in this archive.`);
  return passage;
}

export const handlers: HandlerTable = {
  'archive.info': (_req, ctx) => ({
    archiveId: archiveId(ctx),
    manifest: ctx.pack.manifest,
    formatVersion: ctx.pack.formatVersion,
    passageCount: ctx.pack.passageCount(),
    kindCounts: ctx.pack.kindCounts(),
    // Counted, not listed: opening an archive reads nothing in proportion to its size (the contents come
    // with archive.sections, when a view shows them).
    sectionCount: ctx.pack.sectionCount(),
    firstSectionId: ctx.pack.sectionAt(0)?.id ?? null,
    notices: [...(ctx.bookmarks.recovery ? [ctx.bookmarks.recovery.message] : []), ...(ctx.library?.notices ?? [])],
  }),

  'archive.section': (req, ctx) => {
    const section = ctx.pack.section(req.sectionId);
    if (!section) throw new ApiFailure('not-found', `No section "${req.sectionId}" in this archive.`);
    return {
      section,
      passages: ctx.pack.passagesOfSection(section.id, req.from, req.count),
      from: Math.min(req.from ?? 0, section.passageCount),
      previous: ctx.pack.sectionAt(section.ordinal - 1) ?? null,
      next: ctx.pack.sectionAt(section.ordinal + 1) ?? null,
    };
  },

  'archive.sections': (req, ctx) => {
    if (req.ids) return ctx.pack.sectionsById(req.ids);
    if (req.from === undefined && req.count === undefined) return ctx.pack.sections();
    return ctx.pack.sectionsFrom(req.from ?? 0, req.count ?? SECTIONS_PER_REQUEST);
  },

  'archive.curatedSections': (req, ctx) => {
    const curated = ctx.pack.sections().filter((s) => s.titleIsMetadata);
    const from = req.from ?? 0;
    return { sections: curated.slice(from, from + (req.count ?? SECTIONS_PER_REQUEST)), total: curated.length };
  },

  'archive.passage': (req, ctx) => {
    const passage = requirePassage(ctx, req.passageId);
    const held = ctx.pack.sectionHolding(passage.ordinal);
    if (held?.section.id !== passage.sectionId) throw new ApiFailure('internal', 'The passage has no section.');
    return { passage, section: held.section, at: held.at };
  },

  'passage.random': (_req, ctx) => {
    const passage = randomPassage(ctx.pack);
    if (!passage) throw new ApiFailure('not-found', 'This archive has no passages.');
    const section = ctx.pack.section(passage.sectionId);
    if (!section) throw new ApiFailure('internal', 'The passage has no section.');
    return { passage, section };
  },

  'search.query': (req, ctx) => {
    const request: SearchRequest = { query: req.query };
    if (req.kinds) request.kinds = req.kinds;
    if (req.limit !== undefined) request.limit = req.limit;
    if (req.offset !== undefined) request.offset = req.offset;
    const started = nowMs();
    const control = ctx.searchControl ?? undefined;
    const found = ctx.searcher.search(request, control);
    // Only the first page is told; a suggestion for a query that matched exactly is never made.
    const suggestion = req.offset ? null : suggestionOrNone(() => ctx.searcher.suggest?.(req.query, control) ?? null);
    // The time the answer took, its suggestion included (library.search's tookMs counts it too).
    const response: ShownSearchResponse = {
      ...found,
      results: found.results.map(shownHit),
      tookMs: nowMs() - started,
    };
    if (suggestion) response.didYouMean = suggestion;
    return req.seq === undefined ? response : { ...response, seq: req.seq };
  },

  'library.list': (_req, ctx) => requireLibrary(ctx).entries(),

  'library.search': (req, ctx) => {
    const request: SearchRequest = { query: req.query };
    if (req.kinds) request.kinds = req.kinds;
    if (req.limit !== undefined) request.limit = req.limit;
    if (req.offset !== undefined) request.offset = req.offset;
    const found = requireLibrary(ctx).search(request);
    return { ...found, results: found.results.map(shownHit) };
  },

  'bookmarks.list': (_req, ctx) => listBookmarks(ctx),

  'bookmarks.set': (req, ctx) => {
    // Only passages of the open archive can be newly bookmarked; notes on orphans may still be edited.
    const existing = ctx.bookmarks.get(ctx.profileId, archiveId(ctx), req.passageId);
    const passage = existing ? ctx.pack.passage(req.passageId) : requirePassage(ctx, req.passageId);
    const excerpt = passage ? excerptOf(passage.text) : '';
    return toBookmark(ctx, ctx.bookmarks.set(ctx.profileId, archiveId(ctx), req.passageId, req.note, excerpt));
  },

  'bookmarks.remove': (req, ctx) => ({
    removed: ctx.bookmarks.remove(ctx.profileId, archiveId(ctx), req.passageId),
  }),

  'bookmarks.export': (req, ctx) => {
    const exportedAt = new Date().toISOString();
    const { title: archiveTitle, version } = ctx.pack.manifest;
    const meta = { archiveId: archiveId(ctx), archiveTitle, version, exportedAt, link: req.link };
    const list = listBookmarks(ctx);
    return req.format === 'json'
      ? {
          filename: exportFilename(meta.archiveId, 'json', exportedAt),
          mime: 'application/json',
          content: exportJson(meta, list),
        }
      : {
          filename: exportFilename(meta.archiveId, 'markdown', exportedAt),
          mime: 'text/markdown',
          content: exportMarkdown(meta, list, (id) => ctx.pack.passage(id)?.text),
        };
  },

  'bookmarks.import': (req, ctx) => ctx.bookmarks.importJson(ctx.profileId, archiveId(ctx), req.content),

  'settings.get': (_req, ctx) => ctx.bookmarks.getSettings(ctx.profileId, archiveId(ctx)),

  'settings.set': (req, ctx) => {
    const patch: Parameters<BookmarkStore['setSettings']>[2] = {};
    if (req.fontSize !== undefined) patch.fontSize = req.fontSize;
    if (req.theme !== undefined) patch.theme = req.theme;
    if (req.language !== undefined) patch.language = req.language;
    if (req.readingPosition !== undefined) patch.readingPosition = req.readingPosition;
    return ctx.bookmarks.setSettings(ctx.profileId, archiveId(ctx), patch);
  },

  // Only `folio serve` knows its addresses, and answers this itself; here (the desktop app) nothing is shared.
  'share.info': () => ({ urls: [], localUrl: null, qrSvg: null }),
  ...kioskHandlers,
};
