/**
 * Bookmarks and reader settings, in one SQLite file in the user's data folder (never inside a pack).
 *
 * - Keyed by (profile id, archive id, passage id): several browser profiles (folio serve) and several
 *   archives share one file without seeing each other's bookmarks.
 * - WAL mode; every change is one transaction, durable on disk before the method returns and the UI
 *   confirms it (see openDatabase for `synchronous` and the checkpoint policy).
 * - Every change also counts itself (store_state.commits) and updates the commit record beside the
 *   file, so a database that lost confirmed changes is noticed at open (commit-record.ts).
 * - A damaged, empty or torn file never stops the app, and is never opened as if nothing happened: the
 *   original is kept as `<file>.corrupt-<date>`, the best surviving state is restored (store-recovery.ts),
 *   and `recovery` says in one line what happened so the shell can tell the user.
 * - One backup a day, the last 3 days kept (backup.ts).
 */
import { existsSync, linkSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import * as z from 'zod';
import type { ImportSummary, Settings } from '../model/bookmark';
import { BookmarkStoreError } from '../model/errors';
import { jsonNestsDeeperThan } from '../json-depth';
import { isUiLanguage } from '../model/ui-language';
import { openDatabase as openSqlite } from '../sqlite';
import { checkImportEntries, enforceBookmarkLimits } from './limits';
import { ensurePrivateDir, ensurePrivateFile } from './private-file';
import { backupDue, makeBackup } from './backup';
import { CommitRecorder, type CommitState } from './commit-record';
import { isCorruption, messageOf, oneLine, recoverIfDamaged, type StoreRecovery } from './store-recovery';

export type { StoreRecovery } from './store-recovery';

export interface StoredBookmark {
  passageId: string;
  note: string;
  /** What the passage said when it was bookmarked: shown when a newer pack no longer has it. */
  savedExcerpt: string;
  createdAt: string;
  updatedAt: string;
}

export const DEFAULT_SETTINGS: Settings = { fontSize: 18, theme: 'system', readingPosition: null, language: null };

export interface BookmarkStoreOptions {
  /** Clock, for tests. */
  now?: () => Date;
}

export const BOOKMARKS_FILE = 'bookmarks.sqlite';
const SCHEMA_VERSION = 3;

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
CREATE TABLE IF NOT EXISTS store_state (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  store_id TEXT NOT NULL,
  commits INTEGER NOT NULL
);
INSERT OR IGNORE INTO store_state (id, store_id, commits) VALUES (1, lower(hex(randomblob(8))), 0);
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
  private readonly recorder: CommitRecorder;
  private readonly bump: Database.Statement;
  private backupRun: Promise<string | null> | null = null;
  private backupDay = '';

  private constructor(file: string, db: Database.Database, recovery: StoreRecovery | null, now: () => Date) {
    this.file = file;
    this.db = db;
    this.recovery = recovery;
    this.now = now;
    this.recorder = new CommitRecorder(file);
    this.bump = db.prepare('UPDATE store_state SET commits = commits + 1 WHERE id = 1 RETURNING store_id, commits');
    const state = db.prepare('SELECT store_id, commits FROM store_state WHERE id = 1').get() as StateRow;
    this.recorder.write({ storeId: state.store_id, commits: state.commits });
  }

  /** Opens (or creates) `<dataDir>/bookmarks.sqlite`. Never throws for a damaged file: see `recovery`. */
  static open(dataDir: string, options: BookmarkStoreOptions = {}): BookmarkStore {
    ensurePrivateDir(dataDir);
    const file = join(dataDir, BOOKMARKS_FILE);
    const now = options.now ?? (() => new Date());
    let store: BookmarkStore;
    try {
      const recovery = recoverIfDamaged(file, now());
      createIfMissing(file);
      store = new BookmarkStore(file, openDatabase(file), recovery, now);
    } catch (error) {
      if (error instanceof BookmarkStoreError) throw error;
      if (!isCorruption(error)) {
        throw new BookmarkStoreError(`Cannot open the bookmarks database ${file}: ${oneLine(messageOf(error))}`);
      }
      // Damage the checks at open did not see (another process wrote in between): start afresh.
      const movedTo = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, '-')}`;
      for (const suffix of ['', '-wal']) if (existsSync(file + suffix)) renameSync(file + suffix, movedTo + suffix);
      rmSync(`${file}-shm`, { force: true });
      const reason = oneLine(messageOf(error));
      const message = `The bookmarks database was damaged (${reason}) and was moved aside to ${movedTo}; a new, empty one was started.`;
      createIfMissing(file);
      store = new BookmarkStore(file, openDatabase(file), { reason, movedTo, message }, now);
    }
    void store.backupIfDue();
    return store;
  }

  /**
   * Makes today's backup when there is none yet (backup.ts); resolves to its path, or null when none
   * was due or it failed (a backup never gets in the way of the store). One run at a time.
   */
  backupIfDue(): Promise<string | null> {
    if (this.backupRun) return this.backupRun;
    const now = this.now();
    const day = now.toISOString().slice(0, 10);
    if (day === this.backupDay || !this.db.open) return Promise.resolve(null);
    if (!backupDue(this.file, now)) {
      this.backupDay = day;
      return Promise.resolve(null);
    }
    this.backupRun = makeBackup(this.db, this.file, now)
      .then((backup) => {
        this.backupDay = day;
        return backup.path;
      })
      .catch(() => null)
      .finally(() => (this.backupRun = null));
    return this.backupRun;
  }

  close(): void {
    if (this.db.open) this.db.close();
    this.recorder.close();
  }

  /**
   * Every change goes through here: one IMMEDIATE transaction (it takes the write lock first, so two
   * processes never fail each other with SQLITE_BUSY_SNAPSHOT) that also counts the commit; the commit
   * record is written once the commit is durable.
   */
  private change<T>(apply: () => T): T {
    let state: StateRow | undefined;
    const result = this.db
      .transaction(() => {
        const value = apply();
        state = this.bump.get() as StateRow;
        return value;
      })
      .immediate();
    if (state) this.recorder.write({ storeId: state.store_id, commits: state.commits } satisfies CommitState);
    if (this.now().toISOString().slice(0, 10) !== this.backupDay) void this.backupIfDue();
    return result;
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
    const isNew = !this.get(profileId, archiveId, passageId);
    const insert = this.db.prepare(
      `INSERT INTO bookmarks (profile_id, archive_id, passage_id, note, saved_excerpt, created_at, updated_at)
         VALUES (@profileId, @archiveId, @passageId, @note, @excerpt, @at, @at)
         ON CONFLICT (profile_id, archive_id, passage_id) DO UPDATE SET
           note = CASE WHEN @hasNote THEN excluded.note ELSE bookmarks.note END,
           saved_excerpt = CASE WHEN @excerpt <> '' THEN @excerpt ELSE bookmarks.saved_excerpt END,
           updated_at = CASE WHEN @hasNote AND excluded.note <> bookmarks.note THEN @at ELSE bookmarks.updated_at END`,
    );
    // One transaction with the limits check, so a bookmark over a cap is never kept.
    this.change(() => {
      insert.run({
        profileId,
        archiveId,
        passageId,
        note: note ?? '',
        excerpt,
        at,
        hasNote: note === undefined ? 0 : 1,
      });
      enforceBookmarkLimits(this.db, profileId, isNew ? 1 : 0);
    });
    const stored = this.get(profileId, archiveId, passageId);
    if (!stored) throw new BookmarkStoreError('The bookmark was not saved.');
    return stored;
  }

  remove(profileId: string, archiveId: string, passageId: string): boolean {
    const remove = this.db.prepare('DELETE FROM bookmarks WHERE profile_id = ? AND archive_id = ? AND passage_id = ?');
    return this.change(() => remove.run(profileId, archiveId, passageId)).changes > 0;
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
    const upsert = this.db.prepare(
      `INSERT INTO settings (profile_id, archive_id, font_size, theme, reading_position, language, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (profile_id, archive_id) DO UPDATE SET
         font_size = excluded.font_size, theme = excluded.theme,
         reading_position = excluded.reading_position, language = excluded.language, updated_at = excluded.updated_at`,
    );
    this.change(() =>
      upsert.run(
        profileId,
        archiveId,
        next.fontSize,
        next.theme,
        next.readingPosition,
        next.language,
        this.now().toISOString(),
      ),
    );
    return next;
  }

  /**
   * Merges an export file into (profileId, archiveId). Existing bookmarks are never duplicated:
   * an entry for a passage already bookmarked updates the note only when the entry is newer and
   * its note differs. Entries that fail validation are counted as rejected. One transaction.
   */
  importJson(profileId: string, archiveId: string, content: string): ImportSummary {
    if (jsonNestsDeeperThan(content)) {
      throw new BookmarkStoreError('The file nests too deeply to be a Folio bookmarks export.');
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(content);
    } catch {
      throw new BookmarkStoreError('The file is not valid JSON.');
    }
    const entries = (parsed as { bookmarks?: unknown } | null)?.bookmarks;
    if (Array.isArray(entries)) checkImportEntries(entries);
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
    this.change(() => {
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
      enforceBookmarkLimits(this.db, profileId, counts.added);
    });
    return counts;
  }
}

interface StateRow {
  store_id: string;
  commits: number;
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

/**
 * A new database is made complete under a temporary name and linked into place only if no file is there
 * yet, so Folio never leaves an empty or half-initialised `bookmarks.sqlite` (an empty one means damage),
 * and two processes starting at once end up sharing one file.
 */
function createIfMissing(file: string): void {
  if (existsSync(file)) return;
  const fresh = `${file}.new-${process.pid}-${randomBytes(4).toString('hex')}`;
  try {
    openDatabase(fresh).close(); // closing the only connection checkpoints: one file, no log
    try {
      linkSync(fresh, file);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // A file system without hard links (FAT on a USB stick): rename, which cannot refuse to replace.
      if (code !== 'EEXIST' && !existsSync(file)) renameSync(fresh, file);
      else if (code !== 'EEXIST') throw error;
    }
  } finally {
    for (const suffix of ['', '-wal', '-shm']) rmSync(fresh + suffix, { force: true });
  }
}

function openDatabase(file: string): Database.Database {
  ensurePrivateFile(file);
  // Through main/sqlite.ts: inside Electron it loads the Electron-ABI build (FOLIO_SQLITE_BINDING).
  const db = openSqlite(file);
  try {
    db.pragma('busy_timeout = 5000');
    db.pragma('journal_mode = WAL');
    // synchronous = FULL: the WAL is fsynced at every commit, so a bookmark the page shows as saved
    // survives a power cut or an OS crash, not only a crash of Folio (NORMAL would be enough for that,
    // and may lose the last commits on power loss). It costs one fsync per click, which no reader notices.
    db.pragma('synchronous = FULL');
    // Checkpoints: SQLite's automatic checkpoint once the log reaches 1000 pages (about 4 MB), and the
    // checkpoint the last connection makes when it closes, which also deletes the log; nothing more.
    // Checkpointing after each change would add two fsyncs of the main file to every click for no gain
    // in durability (a commit is durable once the log is synced), and the log is the part that carries
    // checksums: a damaged frame there is found at open and, most often, repaired (store-recovery.ts).
    db.pragma('wal_autocheckpoint = 1000');
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok')
      throw Object.assign(new Error(`integrity check failed: ${oneLine(String(check))}`), { code: 'SQLITE_CORRUPT' });
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
