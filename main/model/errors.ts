/**
 * The failures Folio expects and explains. Each carries a one-line message fit for a reader; the
 * CLI, the API and the server tell them apart with `instanceof`, never by name. Anything that is
 * not a FolioError is a bug.
 */
export abstract class FolioError extends Error {
  constructor(message: string) {
    super(message);
    // Stack traces and logs name the concrete class; code never compares names (use instanceof).
    this.name = new.target.name;
  }
}

/** A pack that is missing, unreadable, damaged or of another format. */
export class PackError extends FolioError {}

/** A source folder that cannot be compiled; the message names the file and line. */
export class SourceError extends FolioError {}

/**
 * A pack whose stored data fails its checks (a checksum, a count, SQLite's own): reported, never
 * answered. The app says "This archive is damaged" (main/api/api-error.ts).
 */
export class PackDamagedError extends PackError {}

/**
 * A search index whose stored data cannot be read (a missing blob, a posting that does not decode,
 * SQLite reporting corruption). The searcher lets it through rather than answer "no results".
 */
export class SearchIndexError extends PackDamagedError {
  constructor(cause: unknown) {
    const message = cause instanceof Error ? cause.message : String(cause);
    super(message.startsWith('search index: ') ? message : `search index: ${message}`);
  }
}

/** A search index in a format this Folio does not read (an older or newer build): rebuild the pack. */
export class SearchFormatError extends PackError {
  constructor(
    readonly found: string,
    expected: string,
  ) {
    super(`search index: format ${found} is not ${expected}`);
  }
}

/** Folio itself is not ready for the command (say, the web reader is not built); the message says what to run. */
export class SetupError extends FolioError {}

/** A bookmarks file that cannot be used; the message says what to do. */
export class BookmarkStoreError extends FolioError {}

/**
 * A bookmark write that would pass one of the store's caps (bookmarks or note text per reader, readers
 * per server): nothing of that write is kept, and the message says which cap and what to do.
 */
export class BookmarkLimitError extends BookmarkStoreError {}
