/**
 * The caps on what one bookmarks file keeps, so that no reader of a shared `folio serve` can fill the
 * laptop's disk or stall the others: entries per import, note length, bookmarks and note text per
 * reader (profile), and readers per file. Checked inside each write's transaction, so a write that
 * would pass a cap is rolled back whole.
 */
import type Database from 'better-sqlite3';
import { BookmarkLimitError, BookmarkStoreError } from '../model/errors';

export const BOOKMARK_LIMITS = {
  /** Entries one import may hold: a full reader's export fits. */
  importEntries: 5_000,
  /** Characters in one note (the API's schema says the same). */
  noteChars: 10_000,
  /** Bookmarks one reader (browser profile) keeps, over all archives. */
  perProfile: 5_000,
  /** Characters of notes one reader keeps, all notes together. */
  noteCharsPerProfile: 1_000_000,
  /** Readers (browser profiles) with bookmarks in one file: a classroom many times over. */
  profiles: 500,
} as const;

const count = (n: number): string => n.toLocaleString('en-US');

/** Why an import of `entries` bookmarks is too large at once, or null. */
export function importCountProblem(entries: number): string | null {
  return entries > BOOKMARK_LIMITS.importEntries
    ? `The file holds ${count(entries)} bookmarks; at most ${count(BOOKMARK_LIMITS.importEntries)} can be imported at once.`
    : null;
}

/** Why an import's entries cannot be taken because of a note that is too long (counted from 1, as a reader would), or null. */
export function importNoteProblem(entries: readonly unknown[]): string | null {
  const index = entries.findIndex((entry) => {
    const note = (entry as { note?: unknown } | null)?.note;
    return typeof note === 'string' && note.length > BOOKMARK_LIMITS.noteChars;
  });
  if (index < 0) return null;
  const length = ((entries[index] as { note: string }).note ?? '').length;
  return `Bookmark ${index + 1} in the file has a note of ${count(length)} characters; a note may have at most ${count(BOOKMARK_LIMITS.noteChars)}.`;
}

/** Refuses an import file whose size alone passes a cap, before anything is written. */
export function checkImportEntries(entries: readonly unknown[]): void {
  const problem = importCountProblem(entries.length) ?? importNoteProblem(entries);
  if (problem) throw new BookmarkStoreError(problem);
}

/**
 * Throws BookmarkLimitError when `profileId`'s bookmarks, as written so far in the current
 * transaction, pass a cap. `inserted` is how many bookmarks this write added: when they are all the
 * profile has, the profile is new and the readers cap applies too.
 */
export function enforceBookmarkLimits(db: Database.Database, profileId: string, inserted: number): void {
  const row = db
    .prepare('SELECT count(*) AS n, coalesce(sum(length(note)), 0) AS chars FROM bookmarks WHERE profile_id = ?')
    .get(profileId) as { n: number; chars: number };
  if (row.n > BOOKMARK_LIMITS.perProfile) {
    throw new BookmarkLimitError(
      `You would have ${count(row.n)} bookmarks; Folio keeps at most ${count(BOOKMARK_LIMITS.perProfile)} for one reader. Remove some first.`,
    );
  }
  if (row.chars > BOOKMARK_LIMITS.noteCharsPerProfile) {
    throw new BookmarkLimitError(
      `Your notes would hold ${count(row.chars)} characters; Folio keeps at most ${count(BOOKMARK_LIMITS.noteCharsPerProfile)} for one reader. Shorten or remove some first.`,
    );
  }
  if (inserted > 0 && row.n === inserted && profilesPassLimit(db)) {
    throw new BookmarkLimitError(
      `This Folio already keeps bookmarks for ${count(BOOKMARK_LIMITS.profiles)} readers, the most it allows, so it cannot keep yours. Ask whoever runs it.`,
    );
  }
}

/** Counts distinct profiles by seeking along the primary key, one step per profile, never scanning rows. */
function profilesPassLimit(db: Database.Database): boolean {
  const next = db.prepare('SELECT profile_id FROM bookmarks WHERE profile_id > ? ORDER BY profile_id LIMIT 1').pluck();
  let profiles = 0;
  let last = '';
  for (;;) {
    const id = next.get(last) as string | undefined;
    if (id === undefined) return false;
    if (++profiles > BOOKMARK_LIMITS.profiles) return true;
    last = id;
  }
}
