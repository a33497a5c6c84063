/**
 * The pack's search index: lunr's inverted index and field vectors kept in SQLite tables and read
 * on demand, scored exactly like lunr's Index#query.
 *
 * ## Design
 *
 * The index is lunr's (the analyzer, field boosts and BM25 weights are lunr's own); this module only
 * changes where it lives. An in-memory lunr.Index for a 90,000-passage archive costs about a second
 * to load and a gigabyte of heap; the pack keeps the same numbers in tables and a query reads just
 * the postings of its terms. `folio build` fills the tables with pack-indexer.ts, which follows
 * lunr.Builder step by step without its object graph (seven times faster); writing a lunr.Index
 * built by lunr.Builder gives the same tables byte for byte (tested).
 *
 * Tables (all `search_`):
 * - `search_terms(term PRIMARY KEY, tid, df) WITHOUT ROWID`: the vocabulary, for exact lookups and
 *   prefix range scans (`term >= ? AND term < ?`); `tid` is lunr's term index (the term's dimension
 *   in lunr's vectors), `df` the number of documents containing it.
 * - `search_postings(tid INTEGER PRIMARY KEY, data BLOB)`: per term and field, the documents as
 *   ordinal deltas (varints) and what lunr's field-vector element for that term needs. lunr's weight
 *   is round3(idf·(k1+1)·tf / (k1·(1−b+b·len/avgLen)+tf) · fieldBoost); when the writer can recompute
 *   every stored weight bit for bit from tf, the document's field length and the term's idf (it
 *   checks all of them, inferring the field boosts), a posting stores only tf — nothing at all for
 *   tf 1, and a run of consecutive documents (a section title's terms are in every passage of the
 *   section) is one entry — plus the term's idf as a double, and the field lengths are one deflated
 *   blob. Otherwise (e.g. an index built without position metadata) each weight is stored as the
 *   integer w·1000 (k/1000 is bit-identical to lunr's `Math.round(score * 1000) / 1000`), or as a
 *   double. No positions: the searcher derives highlights by re-analysing the passages it shows.
 * - `search_prefix(prefix, terms)`: for prefixes shared by more than 200 terms, the 64 most frequent
 *   completions, so as-you-type on a one- or two-letter prefix is one lookup, not a scan.
 * - `search_blobs`: `refs/0`, `refs/1`, … (document refs by ordinal in chunks of 1,024,
 *   newline-joined and deflated: about 5 bytes a document; a chunk is decoded when one of its
 *   documents is first shown), `field_lengths` (tf mode; loaded at the
 *   first posting decode), `vocab` (the JS-sorted term list with document counts, deflated, loaded
 *   only when a fuzzy or wildcard expansion is first needed) and `add_order` (see below, usually
 *   absent).
 * - `search_meta`: format, fields, counts.
 *
 * Opening reads two meta rows and prepares statements: nothing proportional to the archive.
 *
 * ## Same answers as lunr
 *
 * PackEngine#query replays Index#query step by step: the per-field query vectors hold the summed
 * clause boosts (lunr's `upsert`), required clauses intersect per-field sets of the union over the
 * clause's fields, prohibited ones union, an all-prohibited (or empty) query returns every document
 * with score 0 in add order. A field's score is dot(queryVector, fieldVector) / |queryVector|, with
 * the products added in ascending term index exactly as lunr.Vector#dot does, and a document's score
 * is the sum of its field scores in the order lunr first met the field refs. Document ordinals follow
 * the order in which V8 enumerates a posting's refs (array-index-like refs first, ascending, then add
 * order), so walking postings by ordinal meets documents in lunr's order, and the final stable sort
 * by score keeps lunr's order among ties (a stable radix sort on the IEEE-754 bits for long lists).
 * The result is identical to lunr's, not merely close: same floating-point operations, same order.
 *
 * Expansion uses lunr's own automata (TokenSet.fromFuzzyString / fromString, ported statement for
 * statement in sorted-trie.ts so that reading a pack never loads lunr, and tested against lunr), and
 * `intersectSorted` walks the sorted vocabulary as an implicit trie, giving the term set
 * `index.tokenSet.intersect(...)` gives. Prefixes without wildcards are a B-tree range scan.
 *
 * ## Memory
 *
 * Decoded postings live in a 12 MB LRU; the per-query scratch arrays (documentCount × fields
 * numbers, about 8 MB for 90,000 passages) are allocated once and reused, so a query makes little
 * garbage; SQLite's page cache is the connection's (bounded by its cache_size). EngineMatch#matched
 * is computed when first read, for the whole result list in one pass over the query's postings, so
 * a caller that reads only the top refs builds no Maps at all.
 *
 * ## Determinism
 *
 * Only the builder evaluates Math.log (for idf, stored as a double); reading uses +, −, ×, ÷ and
 * Math.round, which IEEE-754 fixes, so a pack gives the same scores under any JavaScript engine
 * (Node for the CLI, Electron's V8 for the app).
 */
import type Database from 'better-sqlite3';
import type lunr from 'lunr';
import type { IndexEngine } from '../types';
import { REF_CHUNK, refChunkName, SEARCH_FORMAT, SEARCH_TABLES, type SearchMeta } from './pack-format';
import { decodePostings, PackEngine, RefList } from './pack-engine';
import { compareStrings, writeIndexTables, writeSearchTables, type IndexTables } from './pack-writer';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { decodeFieldLengths } from './field-lengths';
import { ByteReader } from './varint';

export { PackEngine } from './pack-engine';
export { SEARCH_FORMAT } from './pack-format';

/**
 * Writes an index into the pack's search tables (call inside the builder's write transaction):
 * a lunr.Index, or the tables pack-indexer.ts made straight from the documents.
 */
export function writeSearchIndex(db: Database.Database, index: lunr.Index | IndexTables): void {
  db.exec('DROP TABLE IF EXISTS search_lunr');
  if ('sortedTerms' in index) writeIndexTables(db, index);
  else writeSearchTables(db, index);
}

/** The pack's search engine, reading the tables on demand. */
export function openSearchEngine(db: Database.Database): IndexEngine {
  if (!hasTable(db, 'search_meta')) throw new Error('pack has no search index');
  return new PackEngine(db);
}

function hasTable(db: Database.Database, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Integrity problems of the search index (empty when sound). Reads every posting. */
export function verifySearchIndex(db: Database.Database): string[] {
  const problems: string[] = [];
  const say = (m: string): void => {
    if (problems.length < 50) problems.push(`search index: ${m}`);
  };
  try {
    for (const t of SEARCH_TABLES) if (!hasTable(db, t)) say(`table ${t} missing`);
    if (problems.length > 0) return problems;
    const fmt = db.prepare("SELECT value FROM search_meta WHERE key = 'format'").pluck().get();
    if (fmt !== SEARCH_FORMAT) {
      say(`unknown format ${String(fmt)}`);
      return problems;
    }
    const meta = JSON.parse(
      db.prepare("SELECT value FROM search_meta WHERE key = 'meta'").pluck().get() as string,
    ) as SearchMeta;
    const F = meta.fields.length;
    const N = meta.docCount;
    let lengths: Int32Array | null = null;
    const ctx = {
      F,
      meta,
      fieldLengths: (): Int32Array => {
        if (lengths) return lengths;
        const blob = db.prepare("SELECT data FROM search_blobs WHERE name = 'field_lengths'").pluck().get() as
          Buffer | undefined;
        if (!blob) throw new Error('field lengths missing');
        lengths = decodeFieldLengths(blob, N * F);
        return lengths;
      },
    };

    // Documents.
    const refBlob = db.prepare('SELECT data FROM search_blobs WHERE name = ?').pluck();
    for (let c = 0; c * REF_CHUNK < N; c++) {
      const blob = refBlob.get(refChunkName(c)) as Buffer | undefined;
      if (!blob) {
        say(`document refs missing (chunk ${c})`);
        break;
      }
      try {
        RefList.decode(inflateRawSync(blob), Math.min(REF_CHUNK, N - c * REF_CHUNK));
      } catch (e) {
        say(`${(e as Error).message.replace(/^search index: /, '')} (chunk ${c})`);
      }
    }
    if (refBlob.get(refChunkName(Math.ceil(N / REF_CHUNK))) !== undefined) say(`more document refs than ${N}`);

    // Terms and postings.
    const rows = db
      .prepare(
        'SELECT t.term, t.tid, t.df, p.data FROM search_terms t LEFT JOIN search_postings p ON p.tid = t.tid ORDER BY t.term',
      )
      .raw()
      .iterate() as IterableIterator<[string, number, number, Buffer | null]>;
    let terms = 0;
    let postings = 0;
    const stamp = new Int32Array(N).fill(-1);
    const tids = new Set<number>();
    const termList: string[] = [];
    const dfList: number[] = [];
    for (const [term, tid, df, data] of rows) {
      terms++;
      termList.push(term);
      dfList.push(df);
      if (tids.has(tid)) say(`term index ${tid} used twice`);
      tids.add(tid);
      if (!data) {
        say(`postings of "${term}" missing`);
        continue;
      }
      try {
        const p = decodePostings(term, tid, df, data, ctx);
        let distinct = 0;
        for (let f = 0; f < F; f++) {
          const o = p.ords[f];
          const w = p.weights[f];
          if (!o || !w) continue;
          postings += o.length;
          for (let i = 0; i < o.length; i++) {
            const d = o[i]!;
            if (d < 0 || d >= N || (i > 0 && d <= o[i - 1]!)) {
              say(`postings of "${term}" out of order or range`);
              break;
            }
            if (!Number.isFinite(w[i]!)) say(`postings of "${term}" have a non-finite weight`);
            if (stamp[d] !== terms) {
              stamp[d] = terms;
              distinct++;
            }
          }
        }
        if (distinct !== df) say(`"${term}": document count ${df} stored, ${distinct} in postings`);
      } catch (e) {
        say(`postings of "${term}" undecodable: ${(e as Error).message}`);
      }
    }
    if (terms !== meta.termCount) say(`${terms} terms stored, ${meta.termCount} expected`);
    if (postings !== meta.postingCount) say(`${postings} postings stored, ${meta.postingCount} expected`);
    const postingRows = db.prepare('SELECT count(*) FROM search_postings').pluck().get() as number;
    if (postingRows !== terms) say(`${postingRows} posting rows for ${terms} terms`);

    // Vocabulary blob agrees with the terms table.
    const blob = db.prepare("SELECT data FROM search_blobs WHERE name = 'vocab'").pluck().get() as Buffer | undefined;
    if (!blob) say('vocabulary missing');
    else {
      const raw = inflateSync(blob);
      const r = new ByteReader(raw);
      const textLen = r.uint();
      const vocab = JSON.parse(raw.subarray(raw.length - textLen).toString('utf8')) as string[];
      const sortedJs = termList.map((t, i) => [t, dfList[i]!] as const).sort((a, b) => compareStrings(a[0], b[0]));
      if (vocab.length !== sortedJs.length) say(`vocabulary has ${vocab.length} terms, table ${sortedJs.length}`);
      else
        for (let i = 0; i < vocab.length; i++) {
          const df = r.uint();
          if (vocab[i] !== sortedJs[i]![0] || df !== sortedJs[i]![1]) {
            say(`vocabulary differs from the terms table at "${vocab[i]}"`);
            break;
          }
        }
    }
    if (meta.hasAddOrder) {
      const order = db.prepare("SELECT data FROM search_blobs WHERE name = 'add_order'").pluck().get() as
        Buffer | undefined;
      if (!order) say('document add order missing');
    }
    // Prefix table entries are terms with that prefix.
    const known = new Set(termList);
    for (const [prefix, json] of db
      .prepare('SELECT prefix, terms FROM search_prefix')
      .raw()
      .iterate() as IterableIterator<[string, string]>) {
      const list = JSON.parse(json) as string[];
      if (!list.every((t) => known.has(t) && t.startsWith(prefix)))
        say(`prefix list "${prefix}" names terms it should not`);
    }
  } catch (e) {
    say((e as Error).message);
  }
  return problems;
}
