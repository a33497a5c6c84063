/**
 * The one typed contract between the renderer and the Node side. Every method has a zod schema for
 * its payload; IPC (main/electron), HTTP (main/serve) and the handler table (main/api/handlers)
 * all derive from this table, so a method cannot exist in one transport and not another.
 */
import * as z from 'zod';
import { PASSAGE_KINDS, type KindCounts } from '../model/passage-kind';
import { UI_LANGUAGES } from '../model/ui-language';
import type { Bookmark, ImportSummary, Settings } from '../model/bookmark';
import type { Manifest, Passage, Section } from '../model/archive';
import type { ShownSearchResponse } from '../model/search-result';
import type { KioskConfig, UsageSummary } from '../model/kiosk';
import type { LibraryEntry, ShownLibraryResponse } from '../model/library';
import type { ShareInfo } from '../model/share';

export type { Bookmark, ImportSummary, Settings, ShareInfo, KioskConfig, UsageSummary };
export type { LibraryEntry, ShownLibraryHit, ShownLibraryResponse } from '../model/library';

const passageId = z.string().min(1).max(200);
const kind = z.enum(PASSAGE_KINDS);
const note = z.string().max(10_000);

/** The most sections one archive.sections request may ask for by span, and by ids. */
export const SECTIONS_PER_REQUEST = 1000;
export const SECTION_IDS_PER_REQUEST = 500;
/** The most passages one archive.section request may ask for by span. */
export const PASSAGES_PER_REQUEST = 1000;

/** Payload schemas, one per method. */
export const requestSchemas = {
  'archive.info': z.object({}).strict(),
  /**
   * A section and its passages: all of them, or a span (`from`, `count`), as the reader asks for a section
   * of thousands of passages (a whole one of 25,000 took the worker 0.4 s and the server 200 MB).
   */
  'archive.section': z
    .object({
      sectionId: z.string().min(1).max(200),
      from: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      count: z.number().int().min(1).max(PASSAGES_PER_REQUEST).optional(),
    })
    .strict(),
  /**
   * The contents, in reading order (archive.info only counts them): every section; or a span of them
   * (`from`, `count`), as a long list pages them; or those of some `ids` (the sections a page links to).
   */
  'archive.sections': z
    .object({
      from: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      count: z.number().int().min(1).max(SECTIONS_PER_REQUEST).optional(),
      ids: z.array(z.string().min(1).max(200)).max(SECTION_IDS_PER_REQUEST).optional(),
    })
    .strict()
    .refine((r) => r.ids === undefined || (r.from === undefined && r.count === undefined), {
      message: 'ask for sections by ids, or by from and count, not both',
    }),
  /**
   * The sections whose titles are the curator's (`titleIsMetadata`), a span of them in reading order, and how
   * many there are: what About lists for an archive of more sections than it lists whole, without the
   * contents of 35,000 sections (6.4 MB) to find them in.
   */
  'archive.curatedSections': z
    .object({
      from: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
      count: z.number().int().min(1).max(SECTIONS_PER_REQUEST).optional(),
    })
    .strict(),
  'archive.passage': z.object({ passageId }).strict(),
  /** A passage chosen at random ("Random passage"): one of running text where the archive has any. */
  'passage.random': z.object({}).strict(),
  'search.query': z
    .object({
      // Any text is allowed (the searcher makes it safe); only its size is bounded.
      query: z.string().max(10_000),
      kinds: z.array(kind).max(4).optional(),
      limit: z.number().int().min(1).max(200).optional(),
      offset: z.number().int().min(0).max(100_000).optional(),
      /** Lets a transport drop answers to stale as-you-type queries. */
      seq: z.number().int().min(0).optional(),
    })
    .strict(),
  // The library: every open archive, and one search over all of them (main/library).
  'library.list': z.object({}).strict(),
  'library.search': z
    .object({
      query: z.string().max(10_000),
      kinds: z.array(kind).max(4).optional(),
      limit: z.number().int().min(1).max(200).optional(),
      // Each archive is asked for offset + limit hits before the merge, so the depth is bounded.
      offset: z.number().int().min(0).max(1_000).optional(),
    })
    .strict(),
  'bookmarks.list': z.object({}).strict(),
  'bookmarks.set': z.object({ passageId, note: note.optional() }).strict(),
  'bookmarks.remove': z.object({ passageId }).strict(),
  'bookmarks.export': z
    .object({
      format: z.enum(['json', 'markdown']),
      /** The reader's own address (`folio serve` URL or app link): the Markdown's deep links start with it. */
      link: z.string().max(2000).optional(),
    })
    .strict(),
  'bookmarks.import': z.object({ content: z.string().max(20_000_000) }).strict(),
  'settings.get': z.object({}).strict(),
  'settings.set': z
    .object({
      fontSize: z.number().int().min(12).max(32).optional(),
      theme: z.enum(['light', 'dark', 'system']).optional(),
      /** The interface language, or null to follow the default. */
      language: z.enum(UI_LANGUAGES).nullable().optional(),
      /** Last reading position: a passage id, or null to clear. */
      readingPosition: passageId.nullable().optional(),
    })
    .strict(),
  /** Where other devices can open this reader (folio serve answers it; the desktop app shares nothing). */
  'share.info': z.object({}).strict(),
  ...kioskSchemas(),
} as const;

/** Kiosk mode (main/kiosk) and its usage ledger (main/stats). */
function kioskSchemas() {
  return {
    'kiosk.config': z.object({}).strict(),
    /** A visitor session begins / ends (reset): the profile is wiped either way. */
    'kiosk.start': z.object({}).strict(),
    'kiosk.end': z.object({}).strict(),
    /** A usage event for the ledger: a settled search, a passage opened, a bookmark made. */
    'kiosk.record': z.discriminatedUnion('event', [
      z.object({ event: z.literal('search'), query: z.string().min(1).max(500) }).strict(),
      z.object({ event: z.literal('passage'), passageId }).strict(),
      z.object({ event: z.literal('bookmark') }).strict(),
    ]),
    /** PIN-guarded: unlock the admin panel, read the usage summary, or leave kiosk mode (desktop app). */
    'kiosk.admin': z
      .object({
        pin: z.string().max(12),
        action: z.enum(['unlock', 'usage', 'exit']),
        since: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/)
          .optional(),
      })
      .strict(),
  } as const;
}

export type ApiMethod = keyof typeof requestSchemas;
export const API_METHODS = Object.keys(requestSchemas) as ApiMethod[];
/**
 * Which open archive a call is for. Every method takes it; without it a call goes to the default
 * (first) archive. Dispatch takes it off the payload before the method's own schema sees the rest.
 */
export const archiveSelector = z.object({ archiveId: z.string().min(1).max(200).optional() });
export type ArchiveSelector = z.infer<typeof archiveSelector>;
export type ApiRequest<M extends ApiMethod> = z.infer<(typeof requestSchemas)[M]> & ArchiveSelector;

export interface ArchiveInfo {
  archiveId: string;
  manifest: Manifest;
  formatVersion: number;
  passageCount: number;
  kindCounts: KindCounts;
  /** How many sections the archive has; archive.sections lists them. */
  sectionCount: number;
  /** Where reading starts (null for an archive without sections). */
  firstSectionId: string | null;
  /**
   * What the reader must be told on opening, in plain words: for now, that a damaged bookmarks file
   * was moved aside and a new one started. Shown by the renderer over IPC and HTTP alike.
   */
  notices: string[];
}

export interface SectionView {
  section: Section;
  /** The section's passages from `from` on: all of them, unless a span was asked for. */
  passages: Passage[];
  /** The place in the section of the first passage given (0 unless a span was asked for). */
  from: number;
  previous: Section | null;
  next: Section | null;
}

export interface ExportedFile {
  filename: string;
  mime: string;
  content: string;
}

/** What each method answers. */
export interface ApiResponses {
  'archive.info': ArchiveInfo;
  'archive.section': SectionView;
  'archive.sections': Section[];
  'archive.curatedSections': { sections: Section[]; total: number };
  /** `at`: the passage's place in its section (0 for its first), for a reader to ask for a span around it. */
  'archive.passage': { passage: Passage; section: Section; at: number };
  'passage.random': { passage: Passage; section: Section };
  'search.query': ShownSearchResponse & { seq?: number };
  'library.list': LibraryEntry[];
  'library.search': ShownLibraryResponse;
  'bookmarks.list': Bookmark[];
  'bookmarks.set': Bookmark;
  'bookmarks.remove': { removed: boolean };
  'bookmarks.export': ExportedFile;
  'bookmarks.import': ImportSummary;
  'settings.get': Settings;
  'settings.set': Settings;
  'share.info': ShareInfo;
  'kiosk.config': KioskConfig;
  'kiosk.start': Settings;
  'kiosk.end': { ended: boolean };
  'kiosk.record': { recorded: boolean };
  'kiosk.admin':
    | { ok: true; usage: UsageSummary | null; exit: boolean }
    | { ok: false; reason: 'wrong' | 'locked' | 'no-pin'; retryInSeconds: number };
}

/** Errors cross every transport as this shape, never as a stack trace. */
export interface ApiError {
  /**
   * `superseded`: a newer as-you-type search from the same client answers instead (SUPERSEDED below).
   * `full`: the write would pass a cap of the bookmarks store (bookmarks or notes per reader, readers per server).
   */
  code: 'bad-request' | 'not-found' | 'unavailable' | 'internal' | 'superseded' | 'full';
  message: string;
}

export type ApiResult<M extends ApiMethod> = { ok: true; value: ApiResponses[M] } | { ok: false; error: ApiError };

/**
 * What the preload exposes as `window.folio`: results as plain data, because an error thrown through
 * Electron's contextBridge keeps only its message and would lose its `code`. The renderer turns this
 * into a FolioApi exactly as it does the HTTP answers.
 */
export interface FolioBridge {
  invoke<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResult<M>>;
  /** URL the renderer may put in <img>/<video> src for a media item of an archive (default: the default archive). */
  mediaUrl(mediaId: string, archiveId?: string): string;
}

/** The renderer-facing API: the same shape over IPC (window.folio) and over HTTP. */
export interface FolioApi {
  call<M extends ApiMethod>(method: M, request: ApiRequest<M>): Promise<ApiResponses[M]>;
  /** URL the renderer may put in <img>/<video> src for a media item of an archive (default: the default archive). */
  mediaUrl(mediaId: string, archiveId?: string): string;
}

/**
 * The answer to an as-you-type search that a newer one from the same client replaced. It is not a
 * failure: over HTTP it goes out as a 200, since a browser reports every 4xx/5xx fetch in its console.
 * The renderer recognises it by its code, which both transports carry.
 */
export const SUPERSEDED = { code: 'superseded', message: 'Superseded by a newer search.' } as const satisfies ApiError;

/** Electron IPC channel for a method: one allowlisted channel per method. */
export const ipcChannel = (method: ApiMethod): string => `folio:${method}`;
