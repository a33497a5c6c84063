/**
 * The pack: one SQLite file holding an archive's manifest, sections, passages, media and search
 * index, opened read-only by readers (the way Kiwix treats a ZIM).
 *
 * Passages live in Brotli-compressed blocks of consecutive passages (columns: text, title,
 * provenance…, a value's JSON a line), so a large archive stays small on disk while reading a section costs one or two
 * block reads. The passage index (passage-index.ts) keeps only what must be found without
 * decompressing: each passage's id hash (for lookups by id) and its kind (for kind filters). Ids are
 * not stored beside the text: the reader derives them from kind and text (passage-id.ts).
 *
 * A section's row holds what searching needs of it besides its passages: its title, and whether it
 * is a page made mostly of links (link_list, 1 or 0: section-priors.ts ranks its entries lower).
 *
 * Every row carries a checksum of its values (row-checks.ts), and the meta table one of all its
 * rows, checked whenever they are read: a damaged pack is reported, never answered. The counts that
 * `folio info` shows are kept in meta, so they are as sure as the manifest.
 */
import type { Block } from '../model/passage-content';
import { PASSAGE_KINDS } from '../model/passage-kind';

/**
 * 3: row checksums, counts in meta, framed search-index blobs (search format SEARCH_FORMAT in search/format/schema.ts).
 * 4: passage structure and language in block records, section depth (covered by the row checksums).
 * 5: blocks of columns without ids, 64 KiB of JSON each; the passage index in chunked blobs (smaller);
 *    caption tracks: media rows of type 'captions' (WebVTT files) and a film's `captions` column naming them.
 * 6: whether a section is a page of links (`link_list`, search/searcher/link-lists.ts), told when the
 *    pack is built: a search no longer reads a section's passages to tell it.
 * 7: `range_starts`: each block's and section's passage count in one row per table (range-starts.ts),
 *    so reading a passage finds its block and section without searching their tables.
 */
export const PACK_FORMAT_VERSION = 7;
/** The SQLite `application_id` header field: "FOLI". Lets `folio` reject other SQLite files early. */
export const PACK_APPLICATION_ID = 0x464f4c49;
/**
 * The size a text block grows to before a new one starts (in characters of its values' JSON). Larger blocks compress better (on the
 * PostgreSQL manual 64 KiB saves a sixth against 32 KiB of text), but a search hit decompresses its
 * passage's block for the snippet: about 1 ms for 64 KiB, 2.6 ms for 128 KiB.
 */
export const TEXT_BLOCK_BYTES = 64 * 1024;

/** Kinds as stored in the `passages` table. */
// A passage's kind is stored as its index in PASSAGE_KINDS: that list may grow, never be reordered.
export const KIND_CODES = PASSAGE_KINDS;

export const PACK_SCHEMA = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE sections (
  ordinal INTEGER PRIMARY KEY,
  id TEXT NOT NULL UNIQUE,
  title TEXT NOT NULL,
  title_is_metadata INTEGER NOT NULL,
  depth INTEGER NOT NULL DEFAULT 0,
  first_passage INTEGER NOT NULL,
  first_passage_id TEXT NOT NULL,
  passage_count INTEGER NOT NULL,
  link_list INTEGER NOT NULL,
  checksum INTEGER NOT NULL
);
CREATE TABLE blocks (
  id INTEGER PRIMARY KEY,
  first_passage INTEGER NOT NULL,
  passage_count INTEGER NOT NULL,
  data BLOB NOT NULL,
  checksum INTEGER NOT NULL
);
CREATE TABLE passage_ids (key INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE passage_kinds (chunk INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE range_starts (name TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE media (
  id TEXT PRIMARY KEY,
  type TEXT NOT NULL CHECK (type IN ('image', 'video', 'audio', 'captions')),
  mime TEXT,
  source TEXT,
  present INTEGER NOT NULL,
  bytes INTEGER NOT NULL,
  captions TEXT,
  sha256 TEXT,
  data BLOB,
  data_checksum INTEGER,
  checksum INTEGER NOT NULL
) WITHOUT ROWID;
`;

/** Keys of the meta table. */
export const META = {
  formatVersion: 'format_version',
  manifest: 'manifest',
  contentSha256: 'content_sha256',
  indexSha256: 'index_sha256',
  analyzerVersion: 'analyzer_version',
  builtBy: 'built_by',
  /** PackCounts as JSON. */
  counts: 'counts',
  /** The checksum of every other meta row (row-checks.ts), written last. */
  checksum: 'checksum',
} as const;

/** What a pack holds, counted by the builder: `folio info` shows these, and reading checks the tables against them. */
export interface PackCounts {
  passages: number;
  sections: number;
  blocks: number;
  /** Passages per kind code (KIND_CODES order). */
  kinds: number[];
}

/**
 * A text block: its passages' fields as columns, one per field with a value per passage (a column of
 * repeated file names or nulls compresses to almost nothing): [kind codes, texts, titles, levels,
 * mediaIds, repeatOfs, provFiles, provStarts, provEnds, contents, langs, occurrences]. `content` is
 * the passage's structure (model/passage-content.ts) or null; when it is there, the text is stored as
 * '' (it is `plainText(content)`, so the pack holds the words once). `lang` is null for the main
 * language. `occurrence` makes the id with kind and text (passage-id.ts).
 *
 * As stored (before Brotli), a block is its values column after column, passage after passage
 * within a column, each value's JSON.stringify ended by a newline ("\n"), and nothing else: no
 * header, no brackets, no commas. BLOCK_COLUMNS·passage_count lines. JSON.stringify writes no
 * newline, so a reader finds each value by its line and parses only the values it is asked for
 * (text-block-values.ts). A block that has another number of lines, an empty line, or a line that
 * does not parse is damage.
 */
export type StoredBlock = Columns<StoredRow>;

/** A tuple of arrays, one per element of row tuple `T` (generic, so that it maps to a tuple). */
type Columns<T extends unknown[]> = { [C in keyof T]: T[C][] };

/** One passage's values in a StoredBlock, column by column. */
export type StoredRow = [
  number,
  string,
  string | null,
  number | null,
  string | null,
  string | null,
  string,
  number,
  number,
  Block | null,
  string | null,
  number,
];

/** The number of columns of a StoredBlock. */
export const BLOCK_COLUMNS = 12;

/** Passage ids are `p` + 12 hex digits of a SHA-256 (+ `-N` for the Nth passage with that hash). */
export function passageIdHash(id: string): { hash: number; occurrence: number } | null {
  if (id.length < 13 || id[0] !== 'p') return null;
  const hex = id.slice(1, 13);
  // Twelve lower-case hex digits, as ids are written (a regular expression: converting back to hex is slow).
  if (!/^[0-9a-f]{12}$/u.test(hex)) return null;
  const hash = Number.parseInt(hex, 16);
  if (id.length === 13) return { hash, occurrence: 1 };
  if (id[13] !== '-') return null;
  const occurrence = Number(id.slice(14));
  return Number.isInteger(occurrence) && occurrence >= 2 && String(occurrence) === id.slice(14)
    ? { hash, occurrence }
    : null;
}
