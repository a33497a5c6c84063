/**
 * Writes IndexTables into the pack's `search_` tables (format/schema.ts): terms, postings, document
 * refs, field lengths, the vocabulary blob, the prefix lists and the meta row. The builder calls it
 * inside its write transaction.
 */
import { deflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { encodeFieldLengths } from '../format/field-lengths';
import { encodePostings } from '../format/postings';
import { RefList } from '../format/ref-list';
import {
  PREFIX_TABLE_MIN_TERMS,
  PREFIX_TABLE_TOP,
  REF_CHUNK,
  refChunkName,
  SEARCH_FORMAT,
  SEARCH_SCHEMA,
  SEARCH_TABLES,
  type SearchMeta,
} from '../format/schema';
import { compareStrings } from '../format/sorted-strings';
import { ByteWriter } from '../format/varint';
import { Vocabulary } from '../format/vocabulary';
import type { IndexTables } from './index-tables';

/** Replaces the pack's search tables with `tables` (call inside the builder's write transaction). */
export function writeSearchIndex(db: Database.Database, tables: IndexTables): SearchMeta {
  const { fields, refs, addOrder, sortedTerms, termIndices, documentFrequencies, flat, fieldLengths } = tables;
  const { weightMode, tfModel } = tables;
  if (weightMode === 'tf' && !tfModel) throw new Error('search index: tf weights without their parameters');
  const fieldCount = fields.length;
  const termCount = sortedTerms.length;

  // The lunr index of older packs, then the tables of this format, empty.
  db.exec('DROP TABLE IF EXISTS search_lunr');
  for (const table of SEARCH_TABLES) db.exec(`DROP TABLE IF EXISTS ${table}`);
  db.exec(SEARCH_SCHEMA);

  // Terms and their postings.
  const insertTerm = db.prepare('INSERT INTO search_terms (term, tid, df) VALUES (?, ?, ?)');
  const insertPostings = db.prepare('INSERT INTO search_postings (tid, data) VALUES (?, ?)');
  const writer = new ByteWriter(1 << 16);
  for (let term = 0; term < termCount; term++) {
    writer.reset();
    encodePostings(writer, flat, term, fieldCount, weightMode, tfModel ? tfModel.idf[term]! : 0);
    insertTerm.run(sortedTerms[term]!, termIndices[term]!, documentFrequencies[term]!);
    insertPostings.run(termIndices[term]!, writer.bytes());
  }

  const insertBlob = db.prepare('INSERT INTO search_blobs (name, data) VALUES (?, ?)');
  if (tfModel) insertBlob.run('field_lengths', encodeFieldLengths(fieldLengths));

  // Document refs by ordinal, in chunks.
  for (let chunk = 0; chunk * REF_CHUNK < refs.length; chunk++) {
    const chunkRefs = refs.slice(chunk * REF_CHUNK, (chunk + 1) * REF_CHUNK);
    insertBlob.run(refChunkName(chunk), deflateRawSync(RefList.encode(chunkRefs), { level: 9 }));
  }

  // lunr's add order as ordinals, for negated queries (which list every document in that order).
  if (addOrder) {
    const ordinalOf = new Map<string, number>();
    refs.forEach((ref, ordinal) => ordinalOf.set(ref, ordinal));
    const orderWriter = new ByteWriter();
    for (const ref of addOrder) orderWriter.uint(ordinalOf.get(ref)!);
    insertBlob.run('add_order', orderWriter.bytes());
  }

  insertBlob.run('vocab', Vocabulary.encode(sortedTerms, documentFrequencies));

  const insertPrefix = db.prepare('INSERT INTO search_prefix (prefix, terms) VALUES (?, ?)');
  for (const [prefix, completions] of prefixLists(sortedTerms, documentFrequencies))
    insertPrefix.run(prefix, JSON.stringify(completions));

  const meta: SearchMeta = {
    format: SEARCH_FORMAT,
    fields,
    docCount: refs.length,
    termCount,
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
          },
        }
      : {}),
  };
  const insertMeta = db.prepare('INSERT INTO search_meta (key, value) VALUES (?, ?)');
  insertMeta.run('format', SEARCH_FORMAT);
  insertMeta.run('meta', JSON.stringify(meta));
  return meta;
}

/**
 * The most frequent completions of the prefixes that have many terms (as-you-type on short
 * prefixes), prefixes in JS order.
 */
function prefixLists(sortedTerms: string[], documentFrequencies: Int32Array): [string, string[]][] {
  const termsWithPrefix = new Map<string, number>();
  for (const term of sortedTerms)
    for (const prefix of prefixesOf(term)) termsWithPrefix.set(prefix, (termsWithPrefix.get(prefix) ?? 0) + 1);
  const lists = new Map<string, string[]>();
  for (const [prefix, count] of termsWithPrefix) if (count > PREFIX_TABLE_MIN_TERMS) lists.set(prefix, []);
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

/** Every non-empty prefix of `term` (including `term`) that does not end inside a surrogate pair. */
function* prefixesOf(term: string): Generator<string> {
  for (let i = 1; i <= term.length; i++) {
    const c = term.charCodeAt(i - 1);
    if (c >= 0xd800 && c <= 0xdbff) continue;
    yield term.slice(0, i);
  }
}
