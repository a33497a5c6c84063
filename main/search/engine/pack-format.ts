/** Tables and constants of the pack's search index (all tables prefixed `search_`). */

export const SEARCH_FORMAT = 'folio-search-5';

export const SEARCH_SCHEMA = `
CREATE TABLE search_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE search_terms (term TEXT PRIMARY KEY, tid INTEGER NOT NULL, df INTEGER NOT NULL) WITHOUT ROWID;
CREATE TABLE search_postings (tid INTEGER PRIMARY KEY, data BLOB NOT NULL);
CREATE TABLE search_prefix (prefix TEXT PRIMARY KEY, terms TEXT NOT NULL) WITHOUT ROWID;
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
  postingCount: number;
  weights: WeightMode;
  /** True when docs must be listed in a different order for lunr's negated (all-prohibited) queries. */
  hasAddOrder: boolean;
  /** With `weights: 'tf'`: lunr's BM25 parameters as the builder used them. */
  tf?: { k1: number; b: number; avgFieldLength: number[]; fieldBoost: number[] };
}
