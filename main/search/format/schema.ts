/**
 * The pack's search index on disk: lunr's inverted index and field vectors kept in SQLite tables
 * (all prefixed `search_`). The engine (engine/) reads them, the indexer (indexer/) writes them;
 * this folder is what both agree on.
 *
 * The index is lunr's (the analyzer, field boosts and BM25 weights are lunr's own); the format only
 * changes where it lives. An in-memory lunr.Index for a 90,000-passage archive costs about a second
 * to load and a gigabyte of heap; the pack keeps the same numbers in tables and a query reads just
 * the postings of its terms.
 *
 * Tables:
 * - `search_terms(key PRIMARY KEY, data) WITHOUT ROWID`: the vocabulary in blocks of up to a
 *   kilobyte in SQLite's order, keyed by their first term, for exact lookups and prefix range scans
 *   (term-blocks.ts): per term, front-coded, `tid` (lunr's term index, the term's dimension in
 *   lunr's vectors), `df` (the number of documents containing it) and, for a rare term, its postings.
 * - `search_postings(tid INTEGER PRIMARY KEY, data BLOB)`: the postings of the other terms, deflated
 *   when that makes them smaller (postings.ts, packPostingsRow). Postings
 *   are, per term and field, the documents as ordinal deltas (varints) and what lunr's field-vector
 *   element for that term needs (postings.ts).
 *   lunr's weight is round3(idf·(k1+1)·tf / (k1·(1−b+b·len/avgLen)+tf) · fieldBoost) (lunr-bm25.ts);
 *   when every stored weight is recomputed bit for bit from tf, the document's field length and the
 *   term's idf, a posting stores only tf — nothing at all for tf 1, and a run of consecutive
 *   documents (a section title's terms are in every passage of the section) is one entry — plus the
 *   term's idf, a double kept once per distinct document count (`idf`, idf-table.ts), and the field
 *   lengths are one deflated blob (field-lengths.ts), or, from LENGTHS_IN_POSTINGS_FROM documents,
 *   in the postings themselves (postings.ts).
 *   Otherwise (an index built without term frequencies) each weight is stored as the integer w·1000
 *   (k/1000 is bit-identical to lunr's `Math.round(score * 1000) / 1000`), or as a double. No
 *   positions: the searcher derives highlights by re-analysing the passages it shows.
 * - `search_prefix(prefix, terms)`: for prefixes shared by more than PREFIX_TABLE_MIN_TERMS terms, the
 *   PREFIX_TABLE_TOP most frequent completions, so as-you-type on a one- or two-letter prefix is one
 *   lookup, not a scan.
 * - `search_blobs`: `refs/0`, `refs/1`, … (document refs by ordinal in chunks of REF_CHUNK,
 *   newline-joined and deflated: about 5 bytes a document, ref-list.ts; a chunk is decoded when one
 *   of its documents is first shown), `field_lengths` and `idf` (tf mode; loaded at the first posting decode),
 *   `vocab`, `vocab/0`, `vocab/1`, … and `vocab/order` (the JS-sorted terms in shards by length,
 *   a byte or two per code unit, with their document counts, Brotli-compressed, read as typed
 *   arrays, vocabulary.ts; a shard is loaded only when a typo's correction first needs its lengths,
 *   all of them when a wildcard does) and `add_order` (usually absent: lunr's add order
 *   of the documents when it differs from their ordinals, see indexer/document-order.ts).
 * - `search_meta`: format, fields, counts (SearchMeta), and `checksum` of the other two.
 *
 * Nothing is answered from data that fails its checks (checksum.ts): every blob (term blocks, keyed
 * by their key; `search_postings` data, keyed by tid; `search_blobs` data, keyed by name) is framed
 * with a checksum, and every row of `search_prefix` carries one. Each term block names its number
 * and the next block's key, which lets a lookup prove a term absent: a block lost or damaged is never
 * taken for "no such word" (term-table.ts in engine/).
 */

// 7: the typed-array vocabulary of 6 (issue 15) with the checksummed rows and framed blobs of the
// other 6 (issue 13); a new name, so that a pack of either is told to rebuild, never misread.
// 8: terms in front-coded blocks with rare terms' postings inline, idf once per document count,
// other postings deflated, a smaller vocabulary blob.
// 9: the vocabulary in shards by term length, so that a typo's correction inflates only the lengths
// it can reach (a tenth of the large corpus's 8.4 MB), its units a byte each where they fit.
// 10: a large archive's field lengths in its postings, not in a blob that every query read whole.
export const SEARCH_FORMAT = 'folio-search-10';

export const SEARCH_SCHEMA = `
CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE search_terms (key TEXT PRIMARY KEY, data BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE search_postings (tid INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE search_prefix (prefix TEXT PRIMARY KEY, terms TEXT NOT NULL, checksum INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE search_blobs (name TEXT PRIMARY KEY, data BLOB NOT NULL);
`;

export const SEARCH_TABLES = ['search_meta', 'search_terms', 'search_postings', 'search_prefix', 'search_blobs'];

/**
 * Document refs are stored in deflated chunks of this many (blobs `refs/0`, `refs/1`, …), so a query
 * decodes only the chunks of the documents it shows: on the Python documentation, decoding all
 * 135,000 refs at once was 10 ms of a one-shot `folio search`.
 */
export const REF_CHUNK = 1024;

/** The blob holding refs chunk `c`. */
export function refChunkName(c: number): string {
  return `refs/${c}`;
}

/** A prefix with more than this many terms gets a precomputed most-frequent list... */
export const PREFIX_TABLE_MIN_TERMS = 200;
/** ...of this many terms. */
export const PREFIX_TABLE_TOP = 64;

/**
 * How a posting's weight (lunr's field-vector element for that term, document and field) is stored:
 * - `milli`: the integer round(w·1000) (lunr rounds every weight to 3 decimals, and k/1000 gives back
 *   the identical double);
 * - `f64`: the raw double, used when some weight is not k/1000 (never with lunr's own builder);
 * - `tf`: the term frequency only (1 costs no byte), the weight being recomputed from tf, the
 *   document's field length, the term's idf (stored as a double per term) and lunr's k1, b and field
 *   boost with lunr's own expression; chosen only when that reproduces every stored weight exactly.
 */
export type WeightMode = 'milli' | 'f64' | 'tf';

export interface SearchMeta {
  format: string;
  fields: string[];
  docCount: number;
  termCount: number;
  /** Blocks of `search_terms` (term-blocks.ts). */
  termBlocks: number;
  postingCount: number;
  weights: WeightMode;
  /** True when docs must be listed in a different order for lunr's negated (all-prohibited) queries. */
  hasAddOrder: boolean;
  /**
   * With `weights: 'tf'`: lunr's BM25 parameters as the builder used them, and whether each posting
   * entry carries its field length (then there is no `field_lengths` blob).
   */
  tf?: { k1: number; b: number; avgFieldLength: number[]; fieldBoost: number[]; lengthsInPostings?: boolean };
}

/**
 * From this many documents a pack's field lengths are kept in its postings (postings.ts): the
 * large pack's blob of 1.56 MB was read and inflated whole by every query (5% of a one-shot search)
 * and kept by a server for good; the pack grew by 11%. Below it the blob is small (Python's 87 KB
 * inflates in about a millisecond), and lengths in postings would cost more room than they save
 * time: Debian-ja's pack would go from 1.47× to 1.79× the ZIM, Python's from 1.17× to 1.33×.
 */
export const LENGTHS_IN_POSTINGS_FROM = 1 << 17;
