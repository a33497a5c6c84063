/**
 * Writes IndexTables into the pack's `search_` tables (format/schema.ts): terms, postings, document
 * refs, field lengths, the vocabulary blob, the prefix lists and the meta row. The builder calls it
 * inside its write transaction.
 */
import { deflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { encodeFieldLengths } from '../format/field-lengths';
import { encodePostings, packPostingsRow } from '../format/postings';
import { RefList } from '../format/ref-list';
import {
  PREFIX_TABLE_MIN_TERMS,
  PREFIX_TABLE_TOP,
  REF_CHUNK,
  refChunkName,
  SEARCH_FORMAT,
  SEARCH_SCHEMA,
  SEARCH_TABLES,
  LENGTHS_IN_POSTINGS_FROM,
  type SearchMeta,
} from '../format/schema';
import { framed, prefixChecksum, searchMetaChecksum } from '../format/checksum';
import { encodeIdfTable } from '../format/idf-table';
import {
  encodeTermBlock,
  INLINE_POSTING_BYTES,
  TERM_BLOCK,
  TERM_BLOCK_BYTES,
  TERM_BLOCK_HEADER_BYTES,
  termEntryBytes,
  type TermEntry,
} from '../format/term-blocks';
import { compareCodePoints, compareStrings } from '../format/sorted-strings';
import { ByteWriter } from '../format/varint';
import type { IndexTables } from './index-tables';
import { startVocabularyBlobs } from './vocabulary-blobs';

export interface WriteSearchIndexOptions {
  /**
   * Field lengths in the postings rather than in a blob (tf mode only): by default from
   * LENGTHS_IN_POSTINGS_FROM documents (format/schema.ts).
   */
  lengthsInPostings?: boolean;
}

/** Replaces the pack's search tables with `tables` (call inside the builder's write transaction). */
export function writeSearchIndex(
  db: Database.Database,
  tables: IndexTables,
  options: WriteSearchIndexOptions = {},
): SearchMeta {
  const { fields, refs, addOrder, sortedTerms, termIndices, documentFrequencies, flat, fieldLengths } = tables;
  const { weightMode, tfModel } = tables;
  if (weightMode === 'tf' && !tfModel) throw new Error('search index: tf weights without their parameters');
  const lengthsInPostings =
    weightMode === 'tf' && (options.lengthsInPostings ?? refs.length >= LENGTHS_IN_POSTINGS_FROM);
  const fieldCount = fields.length;
  const termCount = sortedTerms.length;

  // The lunr index of older packs, then the tables of this format, empty.
  db.exec('DROP TABLE IF EXISTS search_lunr');
  for (const table of SEARCH_TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
  db.exec(SEARCH_SCHEMA);

  // Encoded in another thread while this one writes the rest (vocabulary-blobs.ts).
  const vocabularyBlobs = startVocabularyBlobs(sortedTerms, documentFrequencies);

  // Terms in blocks, in SQLite's order, with the postings of rare terms; the others' postings in
  // rows of their own (format/term-blocks.ts). Every block and blob is framed with its checksum.
  const insertBlock = db.prepare('INSERT INTO search_terms (key, data) VALUES (?, ?)');
  const insertPostings = db.prepare('INSERT INTO search_postings (tid, data) VALUES (?, ?)');
  const order = sqliteOrder(sortedTerms);
  const writer = new ByteWriter(1 << 16);
  const idfByCount = new Map<number, number>();
  // A block closes before it would outgrow TERM_BLOCK_BYTES, its key and next key included.
  const utf8 = (at: number): Buffer => Buffer.from(sortedTerms[order[at]!]!, 'utf8');
  let entries: TermEntry[] = [];
  let previous: Buffer = Buffer.alloc(0);
  let key = '';
  let keyBytes = 0;
  let size = 0;
  let blockCount = 0;
  const closeBlock = (next: string | null): void => {
    insertBlock.run(key, encodeTermBlock(blockCount++, key, next, entries));
    entries = [];
    previous = Buffer.alloc(0);
    size = 0;
  };
  let bytes: Buffer = termCount > 0 ? utf8(0) : Buffer.alloc(0);
  for (let at = 0; at < termCount; at++) {
    const term = order[at]!;
    writer.reset();
    encodePostings(writer, flat, term, fieldCount, weightMode, lengthsInPostings ? fieldLengths : null);
    if (tfModel)
      idfByCount.set(flat.start[(term + 1) * fieldCount]! - flat.start[term * fieldCount]!, tfModel.idf[term]!);
    const tid = termIndices[term]!;
    let postings: Uint8Array | null = writer.bytes();
    if (postings.length > INLINE_POSTING_BYTES) {
      insertPostings.run(tid, framed(tid, packPostingsRow(postings)));
      postings = null;
    } else postings = Uint8Array.from(postings);
    const entry: TermEntry = { term: sortedTerms[term]!, tid, df: documentFrequencies[term]!, postings };
    const following = at + 1 < termCount ? utf8(at + 1) : Buffer.alloc(0);
    const fits =
      entries.length < TERM_BLOCK &&
      keyBytes + TERM_BLOCK_HEADER_BYTES + size + termEntryBytes(entry, bytes, previous) + following.length <=
        TERM_BLOCK_BYTES;
    if (entries.length > 0 && !fits) {
      closeBlock(entry.term);
      key = entry.term;
      keyBytes = bytes.length;
    }
    size += termEntryBytes(entry, bytes, previous);
    entries.push(entry);
    previous = bytes;
    bytes = following;
  }
  closeBlock(null);

  const blobStatement = db.prepare('INSERT INTO search_blobs (name, data) VALUES (?, ?)');
  const insertBlob = (name: string, data: Uint8Array): void => void blobStatement.run(name, framed(name, data));
  if (tfModel) {
    if (!lengthsInPostings) insertBlob('field_lengths', encodeFieldLengths(fieldLengths));
    insertBlob('idf', encodeIdfTable(idfByCount));
  }

  // Document refs by ordinal, in chunks.
  for (let chunk = 0; chunk * REF_CHUNK < refs.length; chunk++) {
    const chunkRefs = refs.slice(chunk * REF_CHUNK, (chunk + 1) * REF_CHUNK);
    insertBlob(refChunkName(chunk), deflateRawSync(RefList.encode(chunkRefs), { level: 9 }));
  }

  // lunr's add order as ordinals, for negated queries (which list every document in that order).
  if (addOrder) {
    const ordinalOf = new Map<string, number>();
    refs.forEach((ref, ordinal) => ordinalOf.set(ref, ordinal));
    const orderWriter = new ByteWriter();
    for (const ref of addOrder) orderWriter.uint(ordinalOf.get(ref)!);
    insertBlob('add_order', orderWriter.bytes());
  }

  // The prefix lists are made before the vocabulary is waited for, and stored after it as before.
  const prefixes = prefixLists(sortedTerms, documentFrequencies);
  for (const [name, data] of vocabularyBlobs()) insertBlob(name, data);

  const insertPrefix = db.prepare('INSERT INTO search_prefix (prefix, terms, checksum) VALUES (?, ?, ?)');
  for (const [prefix, completions] of prefixes) {
    const json = JSON.stringify(completions);
    insertPrefix.run(prefix, json, prefixChecksum(prefix, json));
  }

  const meta: SearchMeta = {
    format: SEARCH_FORMAT,
    fields,
    docCount: refs.length,
    termCount,
    termBlocks: blockCount,
    postingCount: flat.start[termCount * fieldCount]!,
    weights: weightMode,
    hasAddOrder: addOrder !== null,
    ...(tfModel
      ? {
          tf: {
            k1: tfModel.k1,
            b: tfModel.b,
            avgFieldLength: tfModel.avgFieldLength,
            fieldBoost: tfModel.fieldBoost,
            ...(lengthsInPostings ? { lengthsInPostings: true } : {}),
          },
        }
      : {}),
  };
  const insertMeta = db.prepare('INSERT INTO search_meta (key, value) VALUES (?, ?)');
  const metaJson = JSON.stringify(meta);
  insertMeta.run('format', SEARCH_FORMAT);
  insertMeta.run('meta', metaJson);
  insertMeta.run('checksum', String(searchMetaChecksum(SEARCH_FORMAT, metaJson)));
  return meta;
}

/**
 * The positions in `sortedTerms` (JS order) in SQLite's order of the terms (code point order). The
 * two orders differ only where a term holds a character above U+FFFF.
 */
function sqliteOrder(sortedTerms: readonly string[]): Int32Array {
  const order = Int32Array.from(sortedTerms.keys());
  if (!sortedTerms.some((term) => /[\u{10000}-\u{10ffff}]/u.test(term))) return order;
  return order.sort((a, b) => compareCodePoints(sortedTerms[a]!, sortedTerms[b]!));
}

/**
 * The most frequent completions of the prefixes that have many terms (as-you-type on short
 * prefixes), prefixes in JS order.
 */
function prefixLists(sortedTerms: string[], documentFrequencies: Int32Array): [string, string[]][] {
  // The terms that share a prefix follow one another in JS order: a prefix's count of terms is the
  // length of its run, found without a map of every prefix (millions on a large archive).
  const lists = new Map<string, string[]>();
  const runStart: number[] = [];
  let previous = '';
  /** Ends the runs of `previous`'s prefixes longer than `common` characters, at term `end`. */
  const endRuns = (common: number, end: number): void => {
    for (let length = previous.length; length > common; length--)
      if (isPrefixEnd(previous, length) && end - runStart[length]! > PREFIX_TABLE_MIN_TERMS)
        lists.set(previous.slice(0, length), []);
  };
  sortedTerms.forEach((term, i) => {
    let common = 0;
    const most = Math.min(term.length, previous.length);
    while (common < most && term.charCodeAt(common) === previous.charCodeAt(common)) common++;
    endRuns(common, i);
    for (let length = common + 1; length <= term.length; length++) runStart[length] = i;
    previous = term;
  });
  endRuns(0, sortedTerms.length);
  if (lists.size === 0) return [];
  const byFrequency = [...sortedTerms.keys()].sort(
    (a, b) => documentFrequencies[b]! - documentFrequencies[a]! || compareStrings(sortedTerms[a]!, sortedTerms[b]!),
  );
  for (const index of byFrequency) {
    const term = sortedTerms[index]!;
    for (const prefix of prefixesOf(term)) {
      const list = lists.get(prefix);
      if (list && list.length < PREFIX_TABLE_TOP) list.push(term);
    }
  }
  return [...lists.keys()].sort(compareStrings).map((prefix) => [prefix, lists.get(prefix)!]);
}

/** Whether the first `length` characters of `term` are a prefix: they do not end inside a surrogate pair. */
function isPrefixEnd(term: string, length: number): boolean {
  const c = term.charCodeAt(length - 1);
  return c < 0xd800 || c > 0xdbff;
}

/** Every non-empty prefix of `term` (including `term`) that does not end inside a surrogate pair. */
function* prefixesOf(term: string): Generator<string> {
  for (let i = 1; i <= term.length; i++) if (isPrefixEnd(term, i)) yield term.slice(0, i);
}
