/**
 * The one handler table: every method of the contract, implemented once over an open archive.
 * IPC (main/electron via CoreHost), HTTP (main/serve via CoreHost) and tests all call `dispatch`,
 * which validates the method name against the allowlist and the payload with its zod schema.
 * Errors leave as `ApiError` with a one-line message; stack traces never cross a transport.
 */
import type { z } from 'zod';
import { PackError } from '../model/errors';
import type { PackReader } from '../archive/pack-reader-types';
import type { Passage, Section } from '../model/archive';
import { BookmarkStore } from '../bookmarks/store';
import { BookmarkLimitError, BookmarkStoreError } from '../model/errors';
import { excerptOf, exportFilename, exportJson, exportMarkdown } from '../bookmarks/export';
import type { SearchRequest, SearchResponse } from '../model/search-result';
import {
  API_METHODS,
  requestSchemas,
  type ApiError,
  type ApiMethod,
  type ApiRequest,
  type ApiResponses,
  type ApiResult,
  type Bookmark,
} from './contract';

export interface Searcher {
  search(request: SearchRequest): SearchResponse;
}

export interface ApiContext {
  pack: PackReader;
  searcher: Searcher;
  bookmarks: BookmarkStore;
  profileId: string;
}

/** A handler error with a code and a message fit for the reader. */
export class ApiFailure extends Error {
  constructor(
    readonly code: ApiError['code'],
    message: string,
  ) {
    super(message);
  }
}

type Handler<M extends ApiMethod> = (request: ApiRequest<M>, ctx: ApiContext) => ApiResponses[M];
export type HandlerTable = { [M in ApiMethod]: Handler<M> };

const archiveId = (ctx: ApiContext): string => ctx.pack.manifest.id;

function sectionMap(pack: PackReader): Map<string, Section> {
  return new Map(pack.sections().map((s) => [s.id, s]));
}

function toBookmark(
  ctx: ApiContext,
  stored: { passageId: string; note: string; savedExcerpt: string; createdAt: string; updatedAt: string },
  sections?: Map<string, Section>,
  passage: Passage | undefined = ctx.pack.passage(stored.passageId),
): Bookmark {
  const section = passage ? (sections ?? sectionMap(ctx.pack)).get(passage.sectionId) : undefined;
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
  const sections = sectionMap(ctx.pack);
  // Reading order; orphans (no passage) last, oldest first, so they stay visible. Each passage is read once.
  const entries = ctx.bookmarks.list(ctx.profileId, archiveId(ctx)).map((b) => {
    const passage = ctx.pack.passage(b.passageId);
    return { bookmark: toBookmark(ctx, b, sections, passage), ordinal: passage?.ordinal ?? Number.MAX_SAFE_INTEGER };
  });
  entries.sort((a, b) => a.ordinal - b.ordinal || a.bookmark.createdAt.localeCompare(b.bookmark.createdAt));
  return entries.map((e) => e.bookmark);
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
    sections: ctx.pack.sections(),
    notices: ctx.bookmarks.recovery ? [ctx.bookmarks.recovery.message] : [],
  }),

  'archive.section': (req, ctx) => {
    const sections = ctx.pack.sections();
    const index = sections.findIndex((s) => s.id === req.sectionId);
    const section = sections[index];
    if (!section) throw new ApiFailure('not-found', `No section "${req.sectionId}" in this archive.`);
    return {
      section,
      passages: ctx.pack.passagesOfSection(section.id),
      previous: sections[index - 1] ?? null,
      next: sections[index + 1] ?? null,
    };
  },

  'archive.passage': (req, ctx) => {
    const passage = requirePassage(ctx, req.passageId);
    const section = sectionMap(ctx.pack).get(passage.sectionId);
    if (!section) throw new ApiFailure('internal', 'The passage has no section.');
    return { passage, section };
  },

  'search.query': (req, ctx) => {
    const request: SearchRequest = { query: req.query };
    if (req.kinds) request.kinds = req.kinds;
    if (req.limit !== undefined) request.limit = req.limit;
    if (req.offset !== undefined) request.offset = req.offset;
    const response = ctx.searcher.search(request);
    return req.seq === undefined ? response : { ...response, seq: req.seq };
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
    const meta = { archiveId: archiveId(ctx), archiveTitle: ctx.pack.manifest.title, exportedAt };
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
          content: exportMarkdown(meta, list),
        };
  },

  'bookmarks.import': (req, ctx) => ctx.bookmarks.importJson(ctx.profileId, archiveId(ctx), req.content),

  'settings.get': (_req, ctx) => ctx.bookmarks.getSettings(ctx.profileId, archiveId(ctx)),

  'settings.set': (req, ctx) => {
    const patch: Parameters<BookmarkStore['setSettings']>[2] = {};
    if (req.fontSize !== undefined) patch.fontSize = req.fontSize;
    if (req.theme !== undefined) patch.theme = req.theme;
    if (req.readingPosition !== undefined) patch.readingPosition = req.readingPosition;
    return ctx.bookmarks.setSettings(ctx.profileId, archiveId(ctx), patch);
  },

  // Only `folio serve` knows its addresses, and answers this itself; here (the desktop app) nothing is shared.
  'share.info': () => ({ urls: [], localUrl: null, qrSvg: null }),
};

const METHOD_SET: ReadonlySet<string> = new Set(API_METHODS);

export function isApiMethod(method: unknown): method is ApiMethod {
  return typeof method === 'string' && METHOD_SET.has(method);
}

/** One line per zod issue, at most three, with the field path: fit for a reader, no internals. */
export function describeZodError(error: z.ZodError): string {
  const parts = error.issues.slice(0, 3).map((issue) => {
    const path = issue.path.length ? issue.path.join('.') : 'payload';
    return `${path}: ${issue.message}`;
  });
  if (error.issues.length > 3) parts.push(`and ${error.issues.length - 3} more`);
  return parts.join('; ');
}

/** Validates and runs one call. Never throws. */
export function dispatch(method: unknown, payload: unknown, ctx: ApiContext): ApiResult<ApiMethod> {
  if (!isApiMethod(method)) {
    const shown = typeof method === 'string' ? `"${method.slice(0, 80)}"` : typeof method;
    return { ok: false, error: { code: 'bad-request', message: `Unknown API method ${shown}.` } };
  }
  const schema = requestSchemas[method];
  const parsed = schema.safeParse(payload ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: { code: 'bad-request', message: `Invalid request for ${method}: ${describeZodError(parsed.error)}` },
    };
  }
  try {
    const handler = handlers[method] as (req: unknown, ctx: ApiContext) => ApiResponses[ApiMethod];
    return { ok: true, value: handler(parsed.data, ctx) };
  } catch (error) {
    return { ok: false, error: toApiError(error) };
  }
}

export function toApiError(error: unknown): ApiError {
  if (error instanceof ApiFailure) return { code: error.code, message: error.message };
  if (error instanceof BookmarkLimitError) return { code: 'full', message: error.message };
  if (error instanceof BookmarkStoreError) return { code: 'bad-request', message: error.message };
  // A damaged pack: say so in the pack's own words (it names the file and what to do).
  if (error instanceof PackError) return { code: 'unavailable', message: error.message };
  const message = error instanceof Error ? (error.message.split('\n')[0] ?? 'Internal error') : 'Internal error';
  return { code: 'internal', message: `Internal error: ${message.slice(0, 300)}` };
}
