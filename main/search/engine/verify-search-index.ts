/**
 * `folio verify` for the search index: reads every table, decodes every posting and every chunk of
 * refs, and checks the counts, orders and cross-references that reading relies on.
 */
import { inflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { prefixChecksum, searchMetaChecksum, unframed } from '../format/checksum';
import { decodeIdfTable } from '../format/idf-table';
import { decodeFieldLengths, type FieldLengths } from '../format/field-lengths';
import { decodePostings, unpackPostingsRow, type PostingContext } from '../format/postings';
import { RefList } from '../format/ref-list';
import { REF_CHUNK, refChunkName, SEARCH_FORMAT, SEARCH_TABLES, type SearchMeta } from '../format/schema';
import { compareCodePoints, compareStrings } from '../format/sorted-strings';
import { decodeTermBlock, type TermEntry } from '../format/term-blocks';
import {
  Vocabulary,
  VOCABULARY_INDEX,
  VOCABULARY_ORDER,
  VocabularyIndex,
  vocabularyShardName,
} from '../format/vocabulary';

/** At most this many problems are listed. */
const MAX_PROBLEMS = 50;

/** Integrity problems of the search index (empty when sound). Reads every posting. */
export function verifySearchIndex(db: Database.Database): string[] {
  const problems: string[] = [];
  const say = (problem: string): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(`search index: ${problem}`);
  };
  try {
    const tables = new Set(db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all());
    for (const table of SEARCH_TABLES) if (!tables.has(table)) say(`table ${table} missing`);
    if (problems.length > 0) return problems;
    const format = db.prepare("SELECT value FROM search_meta WHERE key = 'format'").pluck().get();
    if (format !== SEARCH_FORMAT) {
      say(`unknown format ${String(format)}`);
      return problems;
    }
    const metaJson = db.prepare("SELECT value FROM search_meta WHERE key = 'meta'").pluck().get();
    const metaChecksum = db.prepare("SELECT value FROM search_meta WHERE key = 'checksum'").pluck().get();
    if (String(searchMetaChecksum(format, metaJson)) !== metaChecksum) {
      say('the index header fails its checksum');
      return problems;
    }
    const meta = JSON.parse(metaJson as string) as SearchMeta;
    const fieldCount = meta.fields.length;
    const documentCount = meta.docCount;
    const selectBlob = db.prepare('SELECT data FROM search_blobs WHERE name = ?').pluck();
    // Every blob is framed with its checksum; one that fails it is reported (then null) and read no further.
    const blob = (name: string, what = `blob ${name}`): Uint8Array | null | undefined => {
      const stored = selectBlob.get(name);
      if (stored === undefined) return undefined;
      try {
        return unframed(name, stored, what);
      } catch (e) {
        say((e as Error).message);
        return null;
      }
    };
    let lengths: FieldLengths | null = null;
    let idfTable: Map<number, number> | null = null;
    const context: PostingContext = {
      idf: (documentsWithTerm: number): number => {
        if (!idfTable) {
          const stored = blob('idf');
          if (!stored) throw new Error('idf table missing');
          idfTable = decodeIdfTable(stored);
        }
        const idf = idfTable.get(documentsWithTerm);
        if (idf === undefined) throw new Error(`no idf for ${documentsWithTerm} documents`);
        return idf;
      },
      fieldCount,
      meta,
      fieldLengths: (): FieldLengths => {
        if (lengths) return lengths;
        const stored = blob('field_lengths');
        if (!stored) throw new Error('field lengths missing');
        lengths = decodeFieldLengths(stored, documentCount * fieldCount);
        return lengths;
      },
    };

    // Documents: every chunk of refs holds its share, and no chunk is left over.
    for (let chunk = 0; chunk * REF_CHUNK < documentCount; chunk++) {
      const refs = blob(refChunkName(chunk), `document refs (chunk ${chunk})`);
      if (refs === null) continue;
      if (refs === undefined) {
        say(`document refs missing (chunk ${chunk})`);
        break;
      }
      try {
        RefList.decode(inflateRawSync(refs), Math.min(REF_CHUNK, documentCount - chunk * REF_CHUNK));
      } catch (e) {
        say(`${(e as Error).message.replace(/^search index: /, '')} (chunk ${chunk})`);
      }
    }
    if (blob(refChunkName(Math.ceil(documentCount / REF_CHUNK))) !== undefined)
      say(`more document refs than ${documentCount}`);

    // Terms and postings: each decodes, its documents are ascending and in range, its weights
    // finite, and it names as many distinct documents as the term's count says.
    // Term blocks: each checked, numbered in order, naming the next block's key, terms ascending.
    const entries: TermEntry[] = [];
    const blockRows = db.prepare('SELECT key, data FROM search_terms ORDER BY key').raw().all() as [string, unknown][];
    const expectedBlocks = meta.termBlocks;
    if (blockRows.length !== expectedBlocks) say(`${blockRows.length} term blocks stored, ${expectedBlocks} expected`);
    for (const [i, [key, data]] of blockRows.entries()) {
      try {
        const block = decodeTermBlock(key, data);
        const next = blockRows[i + 1]?.[0] ?? null;
        if (block.index !== i || block.next !== next || (i === 0 ? key !== '' : block.entries[0]?.term !== key))
          say(`the term block at "${key}" is out of place`);
        entries.push(...block.entries);
      } catch (e) {
        say((e as Error).message);
      }
    }
    const selectPostings = db.prepare('SELECT data FROM search_postings WHERE tid = ?').pluck();
    let termCount = 0;
    let postingCount = 0;
    let postingRowsUsed = 0;
    const lastTermOf = new Int32Array(documentCount).fill(-1);
    const termIndices = new Set<number>();
    const terms: string[] = [];
    const documentFrequencies: number[] = [];
    for (const { term, tid: termIndex, df: documentFrequency, postings: inline } of entries) {
      if (termCount > 0 && compareCodePoints(terms[termCount - 1]!, term) >= 0)
        say(`the term table is out of order at "${term}"`);
      termCount++;
      terms.push(term);
      documentFrequencies.push(documentFrequency);
      if (termIndices.has(termIndex)) say(`term index ${termIndex} used twice`);
      termIndices.add(termIndex);
      const data = inline ? null : (selectPostings.get(termIndex) as Buffer | undefined);
      if (!inline && !data) {
        say(`postings of "${term}" missing`);
        continue;
      }
      if (!inline) postingRowsUsed++;
      try {
        const payload = inline ?? unpackPostingsRow(unframed(termIndex, data, `the posting of "${term}"`));
        const postings = decodePostings(term, termIndex, documentFrequency, payload, context);
        let distinct = 0;
        for (let field = 0; field < fieldCount; field++) {
          const ordinals = postings.ordinals[field];
          const weights = postings.weights[field];
          if (!ordinals || !weights) continue;
          postingCount += ordinals.length;
          for (let i = 0; i < ordinals.length; i++) {
            const ordinal = ordinals[i]!;
            if (ordinal < 0 || ordinal >= documentCount || (i > 0 && ordinal <= ordinals[i - 1]!)) {
              say(`postings of "${term}" out of order or range`);
              break;
            }
            if (!Number.isFinite(weights[i]!)) say(`postings of "${term}" have a non-finite weight`);
            if (lastTermOf[ordinal] !== termCount) {
              lastTermOf[ordinal] = termCount;
              distinct++;
            }
          }
        }
        if (distinct !== documentFrequency)
          say(`"${term}": document count ${documentFrequency} stored, ${distinct} in postings`);
      } catch (e) {
        say(`postings of "${term}" undecodable: ${(e as Error).message}`);
      }
    }
    if (termCount !== meta.termCount) say(`${termCount} terms stored, ${meta.termCount} expected`);
    if (postingCount !== meta.postingCount) say(`${postingCount} postings stored, ${meta.postingCount} expected`);
    const postingRows = db.prepare('SELECT count(*) FROM search_postings').pluck().get() as number;
    if (postingRows !== postingRowsUsed) say(`${postingRows} posting rows for ${postingRowsUsed} terms`);

    // The vocabulary's shards, merged in their stored order, agree with the terms table (in JS order,
    // not SQLite's).
    const vocabulary = readVocabulary(blob, say);
    if (vocabulary) {
      const expected = terms
        .map((term, i) => [term, documentFrequencies[i]!] as const)
        .sort((a, b) => compareStrings(a[0], b[0]));
      if (vocabulary.size !== expected.length) say(`vocabulary has ${vocabulary.size} terms, table ${expected.length}`);
      else
        for (let i = 0; i < expected.length; i++) {
          if (vocabulary.term(i) !== expected[i]![0] || vocabulary.documentFrequency(i) !== expected[i]![1]) {
            say(`vocabulary differs from the terms table at "${vocabulary.term(i)}"`);
            break;
          }
        }
    }
    if (meta.hasAddOrder && blob('add_order') === undefined) say('document add order missing');

    // Prefix lists name only terms with that prefix.
    const known = new Set(terms);
    for (const [prefix, json, checksum] of db
      .prepare('SELECT prefix, terms, checksum FROM search_prefix')
      .raw()
      .iterate() as IterableIterator<[string, string, number]>) {
      if (prefixChecksum(prefix, json) !== checksum) {
        say(`the prefix list "${prefix}" fails its checksum`);
        continue;
      }
      const completions = JSON.parse(json) as string[];
      if (!completions.every((term) => known.has(term) && term.startsWith(prefix)))
        say(`prefix list "${prefix}" names terms it should not`);
    }
  } catch (e) {
    say((e as Error).message);
  }
  return problems;
}

/**
 * The whole vocabulary from its index, shards and order blobs (format/vocabulary.ts), or null after
 * saying what is missing or malformed.
 */
function readVocabulary(
  blob: (name: string) => Uint8Array | null | undefined,
  say: (problem: string) => void,
): Vocabulary | null {
  const read = (name: string): Uint8Array | null => {
    const data = blob(name);
    if (data === undefined) say(`vocabulary blob ${name} missing`);
    return data ?? null;
  };
  try {
    const indexBlob = read(VOCABULARY_INDEX);
    if (!indexBlob) return null;
    const index = VocabularyIndex.decode(indexBlob);
    const shards: Vocabulary[] = [];
    for (let k = 0; k < index.shards.length; k++) {
      const shardBlob = read(vocabularyShardName(k));
      if (!shardBlob) return null;
      shards.push(index.decodeShard(k, shardBlob));
    }
    const orderBlob = read(VOCABULARY_ORDER);
    return orderBlob ? Vocabulary.merge(shards, index.decodeOrder(orderBlob)) : null;
  } catch (e) {
    say(`vocabulary: ${(e as Error).message}`);
    return null;
  }
}
