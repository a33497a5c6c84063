/**
 * `folio verify` for the search index: reads every table, decodes every posting and every chunk of
 * refs, and checks the counts, orders and cross-references that reading relies on.
 */
import { inflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { prefixChecksum, searchMetaChecksum, termChecksum, unframed } from '../format/checksum';
import { decodeFieldLengths } from '../format/field-lengths';
import { decodePostings, type PostingContext } from '../format/postings';
import { RefList } from '../format/ref-list';
import { REF_CHUNK, refChunkName, SEARCH_FORMAT, SEARCH_TABLES, type SearchMeta } from '../format/schema';
import { compareStrings } from '../format/sorted-strings';
import { decodeVocabulary } from '../format/vocabulary';

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
    let lengths: Int32Array | null = null;
    const context: PostingContext = {
      fieldCount,
      meta,
      fieldLengths: (): Int32Array => {
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
    const rows = db
      .prepare(
        'SELECT t.term, t.tid, t.df, t.rank, t.checksum, p.data FROM search_terms t LEFT JOIN search_postings p ON p.tid = t.tid ORDER BY t.term',
      )
      .raw()
      .iterate() as IterableIterator<[string, number, number, number, number, Buffer | null]>;
    let termCount = 0;
    let postingCount = 0;
    const lastTermOf = new Int32Array(documentCount).fill(-1);
    const termIndices = new Set<number>();
    const terms: string[] = [];
    const documentFrequencies: number[] = [];
    for (const [term, termIndex, documentFrequency, rank, checksum, data] of rows) {
      // Ranks count the rows in SQLite's order: a lost or renamed row leaves a gap (term-table.ts).
      if (termChecksum(term, termIndex, documentFrequency, rank) !== checksum)
        say(`the term row of "${term}" fails its checksum`);
      else if (rank !== termCount) say(`the term table has a gap before "${term}"`);
      termCount++;
      terms.push(term);
      documentFrequencies.push(documentFrequency);
      if (termIndices.has(termIndex)) say(`term index ${termIndex} used twice`);
      termIndices.add(termIndex);
      if (!data) {
        say(`postings of "${term}" missing`);
        continue;
      }
      try {
        const payload = unframed(termIndex, data, `the posting of "${term}"`);
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
    if (postingRows !== termCount) say(`${postingRows} posting rows for ${termCount} terms`);

    // The vocabulary blob agrees with the terms table (in JS order, not SQLite's).
    const vocabularyBlob = blob('vocab');
    if (vocabularyBlob === undefined) say('vocabulary missing');
    else if (vocabularyBlob !== null) {
      const vocabulary = decodeVocabulary(vocabularyBlob);
      const expected = terms
        .map((term, i) => [term, documentFrequencies[i]!] as const)
        .sort((a, b) => compareStrings(a[0], b[0]));
      if (vocabulary.terms.length !== expected.length)
        say(`vocabulary has ${vocabulary.terms.length} terms, table ${expected.length}`);
      else
        for (let i = 0; i < expected.length; i++) {
          if (vocabulary.terms[i] !== expected[i]![0] || vocabulary.documentFrequencies[i] !== expected[i]![1]) {
            say(`vocabulary differs from the terms table at "${vocabulary.terms[i]}"`);
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
