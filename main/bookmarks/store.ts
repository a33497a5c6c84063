/**
 * Bookmarks and reader settings, in one SQLite file in the user's data folder (never inside a pack).
 *
 * - Keyed by (profile id, archive id, passage id): several browser profiles (folio serve) and several
 *   archives share one file without seeing each other's bookmarks.
 * - WAL mode; every change is one statement in autocommit (or one transaction), so it is durable on
 *   disk before the method returns and the UI confirms it.
 * - A corrupt file never stops the app: it is moved aside to `<file>.corrupt-<date>` and a fresh
 *   database is started; `recovery` says what happened so the shell can tell the user.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { z } from 'zod';
import type { ImportSummary, Settings } from '../model/bookmark';
import { BookmarkStoreError } from '../model/errors';
import { isUiLanguage } from '../model/ui-language';
import { openDatabase as openSqlite } from '../sqlite';

export interface StoredBookmark {
  passageId: string;
  note: string;
  /** What the passage said when it was bookmarked: shown when a newer pack no longer has it. */
  savedExcerpt: string;
  createdAt: string;
  updatedAt: string;
}

export const DEFAULT_SETTINGS: Settings = { fontSize: 18, theme: 'system', readingPosition: null, language: null };

/** What happened when the file could not be opened as a database. */
export interface StoreRecovery {
  reason: string;
  movedTo: string;
  message: string;
}

export interface BookmarkStoreOptions {
  /** Clock, for tests. */
  now?: () => Date;
}

export const BOOKMARKS_FILE = 'bookmarks.sqlite';
const SCHEMA_VERSION = 2;

const SCHEMA = `
CREATE TABLE IF NOT EXISTS bookmarks (
  profile_id TEXT NOT NULL,
  archive_id TEXT NOT NULL,
  passage_id TEXT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  saved_excerpt TEXT NOT NULL DEFAULT '',
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (profile_id, archive_id, passage_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS settings (
  profile_id TEXT NOT NULL,
  archive_id TEXT NOT NULL,
  font_size INTEGER,
  theme TEXT,
  reading_position TEXT,
  language TEXT,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (profile_id, archive_id)
) WITHOUT ROWID;
`;

/** The export file format (also what import accepts). */
export const exportFileSchema = z.object({
  format: z.literal('folio-bookmarks'),
  version: z.literal(1),
  archiveId: z.string().min(1).max(200),
  archiveTitle: z.string().max(1000).optional(),
  exportedAt: z.string().max(100).optional(),
  bookmarks: z.array(z.unknown()).max(100_000),
});

export const exportedBookmarkSchema = z.object({
  passageId: z.string().min(1).max(200),
  note: z.string().max(10_000).default(''),
  createdAt: z.string().datetime({ offset: true }).optional(),
  updatedAt: z.string().datetime({ offset: true }).optional(),
  // Informational fields written by export; only the excerpt is kept on import (for orphans).
  section: z.string().optional(),
  kind: z.string().optional(),
  excerpt: z.string().optional(),
  orphaned: z.boolean().optional(),
});

export class BookmarkStore {
  readonly file: string;
  /** Set when a corrupt file was moved aside at open. */
  readonly recovery: StoreRecovery | null;
  private readonly db: Database.Database;
  private readonly now: () => Date;

  private constructor(file: string, db: Database.Database, recovery: StoreRecovery | null, now: () => Date) {
    this.file = file;
    this.db = db;
    this.recovery = recovery;
    this.now = now;
  }

  /** Opens (or creates) `<dataDir>/bookmarks.sqlite`. Never throws for a corrupt file: see `recovery`. */
  static open(dataDir: string, options: BookmarkStoreOptions = {}): BookmarkStore {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, BOOKMARKS_FILE);
    const now = options.now ?? (() => new Date());
    try {
      return new BookmarkStore(file, openDatabase(file), null, now);
    } catch (error) {
      if (!isCorruption(error)) {
        throw new BookmarkStoreError(`Cannot open the bookmarks database ${file}: ${messageOf(error)}`);
      }
      const stamp = now().toISOString().replace(/[:.]/g, '-');
      const movedTo = `${file}.corrupt-${stamp}`;
      renameSync(file, movedTo);
      for (const suffix of ['-wal', '-shm']) {
        if (existsSync(file + suffix)) renameSync(file + suffix, movedTo + suffix);
      }
      const reason = messageOf(error);
      const recovery: StoreRecovery = {
        reason,
        movedTo,
        message:
          `The bookmarks database was damaged (${reason}). It was moved aside to ${movedTo} ` +
          'and a new, empty one was started. Bookmarks from the damaged file may be recoverable with sqlite3 ".recover".',
      };
      return new BookmarkStore(file, openDatabase(file), recovery, now);
    }
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  list(profileId: string, archiveId: string): StoredBookmark[] {
    const rows = this.db
      .prepare(
        `SELECT passage_id, note, saved_excerpt, created_at, updated_at FROM bookmarks
         WHERE profile_id = ? AND archive_id = ? ORDER BY created_at, passage_id`,
      )
      .all(profileId, archiveId) as BookmarkRow[];
    return rows.map(toBookmark);
  }

  get(profileId: string, archiveId: string, passageId: string): StoredBookmark | undefined {
    const row = this.db
      .prepare(
        `SELECT passage_id, note, saved_excerpt, created_at, updated_at FROM bookmarks
         WHERE profile_id = ? AND archive_id = ? AND passage_id = ?`,
      )
      .get(profileId, archiveId, passageId) as BookmarkRow | undefined;
    return row ? toBookmark(row) : undefined;
  }

  /** Adds a bookmark, or updates its note when given. Committed when this returns. */
  set(profileId: string, archiveId: string, passageId: string, note?: string, excerpt = ''): StoredBookmark {
    const at = this.now().toISOString();
    this.db
      .prepare(
        `INSERT INTO bookmarks (profile_id, archive_id, passage_id, note, saved_excerpt, created_at, updated_at)
         VALUES (@profileId, @archiveId, @passageId, @note, @excerpt, @at, @at)
         ON CONFLICT (profile_id, archive_id, passage_id) DO UPDATE SET
           note = CASE WHEN @hasNote THEN excluded.note ELSE bookmarks.note END,
           saved_excerpt = CASE WHEN @excerpt <> '' THEN @excerpt ELSE bookmarks.saved_excerpt END,
           updated_at = CASE WHEN @hasNote AND excluded.note <> bookmarks.note THEN @at ELSE bookmarks.updated_at END`,
      )
      .run({ profileId, archiveId, passageId, note: note ?? '', excerpt, at, hasNote: note === undefined ? 0 : 1 });
    const stored = this.get(profileId, archiveId, passageId);
    if (!stored) throw new BookmarkStoreError('The bookmark was not saved.');
    return stored;
  }

  remove(profileId: string, archiveId: string, passageId: string): boolean {
    const info = this.db
      .prepare('DELETE FROM bookmarks WHERE profile_id = ? AND archive_id = ? AND passage_id = ?')
      .run(profileId, archiveId, passageId);
    return info.changes > 0;
  }

  getSettings(profileId: string, archiveId: string): Settings {
    const row = this.db
      .prepare(
        'SELECT font_size, theme, reading_position, language FROM settings WHERE profile_id = ? AND archive_id = ?',
      )
      .get(profileId, archiveId) as
      | { font_size: number | null; theme: string | null; reading_position: string | null; language: unknown }
      | undefined;
    const theme = row?.theme;
    return {
      fontSize: row?.font_size ?? DEFAULT_SETTINGS.fontSize,
      theme: theme === 'light' || theme === 'dark' || theme === 'system' ? theme : DEFAULT_SETTINGS.theme,
      readingPosition: row?.reading_position ?? null,
      language: isUiLanguage(row?.language) ? row.language : null,
    };
  }

  setSettings(profileId: string, archiveId: string, patch: Partial<Settings>): Settings {
    const next = { ...this.getSettings(profileId, archiveId) };
    if (patch.fontSize !== undefined) next.fontSize = patch.fontSize;
    if (patch.theme !== undefined) next.theme = patch.theme;
    if (patch.readingPosition !== undefined) next.readingPosition = patch.readingPosition;
    if (patch.language !== undefined) next.language = patch.language;
    this.db
      .prepare(
        `INSERT INTO settings (profile_id, archive_id, font_size, theme, reading_position, language, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (profile_id, archive_id) DO UPDATE SET
           font_size = excluded.font_size, theme = excluded.theme,
           reading_position = excluded.reading_position, language = excluded.language, updated_at = excluded.updated_at`,
      )
      .run(
        profileId,
        archiveId,
        next.fontSize,
        next.theme,
        next.readingPosition,
        next.language,
        this.now().toISOString(),
      );
    return next;
  }

  /**
   * Merges an export file into (profileId, archiveId). Existing bookmarks are never duplicated:
   * an entry for a passage already bookmarked updates the note only when the entry is newer and
   * its note differs. Entries that fail validation are counted as rejected. One transaction.
   */
  importJson(profileId: string, archiveId: string, content: string): ImportSummary {
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      throw new BookmarkStoreError('The file is not valid JSON.');
    }
    const file = exportFileSchema.safeParse(parsed);
    if (!file.success) {
      throw new BookmarkStoreError(
        'The file is not a Folio bookmarks export (expected {"format": "folio-bookmarks", "version": 1, ...}).',
      );
    }
    if (file.data.archiveId !== archiveId) {
      throw new BookmarkStoreError(
        `The file holds bookmarks for the archive "${file.data.archiveId}", but the open archive is "${archiveId}".`,
      );
    }
    const counts: ImportSummary = { added: 0, updated: 0, unchanged: 0, rejected: 0 };
    const nowIso = this.now().toISOString();
    const insert = this.db.prepare(
      `INSERT INTO bookmarks (profile_id, archive_id, passage_id, note, saved_excerpt, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
    );
    const update = this.db.prepare(
      `UPDATE bookmarks SET note = ?, updated_at = ? WHERE profile_id = ? AND archive_id = ? AND passage_id = ?`,
    );
    const seen = new Set<string>();
    this.db.transaction(() => {
      for (const raw of file.data.bookmarks) {
        const entry = exportedBookmarkSchema.safeParse(raw);
        if (!entry.success || seen.has(entry.data.passageId)) {
          counts.rejected += 1;
          continue;
        }
        const e = entry.data;
        seen.add(e.passageId);
        const createdAt = e.createdAt ? new Date(e.createdAt).toISOString() : nowIso;
        const updatedAt = e.updatedAt ? new Date(e.updatedAt).toISOString() : createdAt;
        const existing = this.get(profileId, archiveId, e.passageId);
        if (!existing) {
          insert.run(profileId, archiveId, e.passageId, e.note, e.excerpt ?? '', createdAt, updatedAt);
          counts.added += 1;
        } else if (existing.note !== e.note && updatedAt > existing.updatedAt) {
          update.run(e.note, updatedAt, profileId, archiveId, e.passageId);
          counts.updated += 1;
        } else {
          counts.unchanged += 1;
        }
      }
    })();
    return counts;
  }
}

interface BookmarkRow {
  passage_id: string;
  note: string;
  saved_excerpt: string;
  created_at: string;
  updated_at: string;
}

function toBookmark(row: BookmarkRow): StoredBookmark {
  return {
    passageId: row.passage_id,
    note: row.note,
    savedExcerpt: row.saved_excerpt,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function openDatabase(file: string): Database.Database {
  // Through main/sqlite.ts: inside Electron it loads the Electron-ABI build (FOLIO_SQLITE_BINDING).
  const db = openSqlite(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw Object.assign(new Error(`integrity check failed: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > SCHEMA_VERSION) {
      throw new BookmarkStoreError(
        `The bookmarks database was written by a newer Folio (schema ${version}); please update Folio.`,
      );
    }
    db.exec(SCHEMA);
    // Version 1 files lack the saved excerpt; their bookmarks keep working with an empty one.
    const columns = (db.prepare('PRAGMA table_info(bookmarks)').all() as { name: string }[]).map((c) => c.name);
    if (!columns.includes('saved_excerpt'))
      db.exec("ALTER TABLE bookmarks ADD COLUMN saved_excerpt TEXT NOT NULL DEFAULT ''");
    // Files from before the interface language have no column for it: added, null (the default) for all.
    const settingsColumns = (db.prepare('PRAGMA table_info(settings)').all() as { name: string }[]).map((c) => c.name);
    if (!settingsColumns.includes('language')) db.exec('ALTER TABLE settings ADD COLUMN language TEXT');
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function isCorruption(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB') return true;
  return /file is not a database|malformed|corrupt/i.test(messageOf(error));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
