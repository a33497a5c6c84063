/**
 * PackEngine: lunr's Index#query, reproduced over the pack's `search_` tables (format/schema.ts) and
 * read on demand. Opening reads two meta rows and prepares statements: nothing proportional to the
 * archive.
 *
 * ## Same answers as lunr
 *
 * `query` replays lunr.Index#query step by step (each step below carries lunr's comment, shortened):
 * the per-field query vectors hold the summed clause boosts (lunr's `upsert`), required clauses
 * intersect per-field sets of the union over the clause's fields, prohibited ones union, an
 * all-prohibited (or empty) query returns every document with score 0 in add order. A field's score
 * is dot(queryVector, fieldVector) / |queryVector|, with the products added in ascending term index
 * exactly as lunr.Vector#dot does, and a document's score is the sum of its field scores in the order
 * lunr first met the field refs. Document ordinals follow the order in which V8 enumerates a
 * posting's refs (indexer/document-order.ts), so walking postings by ordinal meets documents in
 * lunr's order, and the final stable sort by score keeps lunr's order among ties (sort-by-score.ts).
 * The result is identical to lunr's, not merely close: same floating-point operations, same order.
 *
 * Expansion uses lunr's own automata (TokenSet.fromFuzzyString / fromString, ported statement for
 * statement in sorted-trie.ts so that reading a pack never loads lunr), and `intersectSorted` walks
 * the sorted vocabulary as an implicit trie, giving the term set `index.tokenSet.intersect(...)`
 * gives. Prefixes without wildcards are a B-tree range scan.
 *
 * ## Memory
 *
 * Decoded postings live in an LRU (postings-cache.ts); the per-query arrays are allocated once and reused
 * (query-scratch.ts); SQLite's page cache is the connection's (bounded by its cache_size). Matches
 * are sorted only as far as they are read (ranked-matches.ts), and read their refs and matched
 * terms lazily (lazy-matches.ts).
 */
import { inflateRawSync } from 'node:zlib';
import type Database from 'better-sqlite3';
import { SearchFormatError, SearchIndexError } from '../../model/errors';
import { prefixChecksum, searchMetaChecksum, unframed } from '../format/checksum';
import { decodeFieldLengths, type FieldLengths } from '../format/field-lengths';
import { decodeIdfTable } from '../format/idf-table';
import { decodePostings, unpackPostingsRow, type PostingContext, type Postings } from '../format/postings';
import { RefList } from '../format/ref-list';
import { PREFIX_TABLE_TOP, REF_CHUNK, refChunkName, SEARCH_FORMAT, type SearchMeta } from '../format/schema';
import { compareStrings, nextPrefix } from '../format/sorted-strings';
import { ByteReader } from '../format/varint';
import {
  Vocabulary,
  VOCABULARY_INDEX,
  VOCABULARY_ORDER,
  VocabularyIndex,
  vocabularyShardName,
} from '../format/vocabulary';
import type { EngineMatch, IndexEngine, RankedMatches, SearchField, TermClause } from '../types';
import { intersect, type DocumentSet } from './document-set';
import { MatchData, type TermFieldMatch } from './lazy-matches';
import { POSTINGS_CACHE_BYTES, PostingsCache } from './postings-cache';
import { QueryScratch } from './query-scratch';
import { ListedMatches, PackMatches } from './ranked-matches';
import { boundedTop, type PairScorer, type ScoredPair } from './bounded-top';
import { TopMatches } from './top-matches';
import { TermTable } from './term-table';
import { fuzzyAutomaton, intersectSorted, type QueryNode } from './sorted-trie';

export interface PackEngineOptions {
  /** Budget of the decoded-postings LRU, in bytes of typed arrays. */
  cacheBytes?: number;
  /**
   * Postings from which an all-optional query's first matches are found with bounds rather than
   * by scoring every match (bounded-top.ts; the same answers either way). Default PRUNE_FROM.
   */
  pruneFrom?: number;
  /** How many matches a bounded top finds, at least (past them, every match is scored). Default FIRST_TOP. */
  firstTop?: number;
}

/**
 * Below this many postings, scoring every match takes a few milliseconds at most on the large
 * pack, and bounds would save little of it.
 */
export const PRUNE_FROM = 100_000;
/**
 * The matches a bounded top holds (at least): a page and the ranking's look past it (rank.ts walks
 * 64 at a time, further when the best scores by lunr's lack some of the query's concepts). Past
 * them every match is scored: a typo ("kernal") whose ranking read 321 on the large pack was
 * scored twice at 256; at 512, a common word ("kernel") leaves too many candidates for bounds.
 */
export const FIRST_TOP = 320;

/** Fuzzy expansion limits (see expandFuzzy). */
export const MAX_FUZZY_DISTANCE = 4;
export const MAX_FUZZY_WORD = 48;

const NO_DOCUMENTS = new Int32Array(0);

/** Typo expansions remembered (the least recently used are forgotten first). */
const FUZZY_CACHED = 256;

/**
 * Chunks of document refs kept decoded (about 13 KB each, with the refs sliced from them). A page
 * of hits meets a few dozen, but ranking by section reads the refs of many more candidates: at 64
 * chunks, typing on the large pack decoded the same chunks again and again (7% more time). Unbounded,
 * a server kept every chunk it ever met, in proportion to the archive (the large pack has 381).
 */
const CACHED_REF_CHUNKS = 256;

/**
 * Adds boost × weight to the dot product of each field ref of `ordinals` in `field`: a function of
 * its own (as addFieldRefs and sumScores are), which V8 optimises on its own rather than with the
 * whole of `ranked`; a common word runs it over hundreds of thousands of postings.
 */
function addProducts(
  dotProducts: Float64Array,
  fieldSlots: Int32Array,
  ordinals: Int32Array,
  weights: Float64Array,
  boost: number,
  /** field · documents: the field's first ref (query-scratch.ts). */
  base: number,
): void {
  for (let i = 0; i < ordinals.length; i++) {
    const slot = fieldSlots[base + ordinals[i]!]!;
    dotProducts[slot] = dotProducts[slot]! + boost * weights[i]!;
  }
}

/** The pack's search engine, reading the tables on demand. */
export function openSearchEngine(db: Database.Database): IndexEngine {
  const table = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'search_meta'").get();
  if (table === undefined) throw new Error('pack has no search index');
  return new PackEngine(db);
}

export class PackEngine implements IndexEngine {
  readonly documentCount: number;
  readonly meta: SearchMeta;
  private readonly fields: SearchField[];
  private readonly fieldIndex = new Map<string, number>();

  private readonly terms: TermTable;
  private readonly selectPostings: Database.Statement;
  private readonly selectPrefixList: Database.Statement;
  private readonly selectBlob: Database.Statement;

  private readonly postingsCache: PostingsCache;
  /** Decoded chunks of document refs, least recently used first (at most CACHED_REF_CHUNKS). */
  private readonly refChunks = new Map<number, RefList>();
  private vocabularyIndex: VocabularyIndex | null = null;
  /** Shards of the vocabulary read so far, by number (format/vocabulary.ts). */
  private readonly vocabularyShards = new Map<number, Vocabulary>();
  /** The whole vocabulary in JS order, merged from its shards when a wildcard first needs it. */
  private vocabulary: Vocabulary | null = null;
  private addOrder: Int32Array | null = null;
  private lengths: FieldLengths | null = null;
  private idfTable: Map<number, number> | null = null;
  private readonly postingContext: PostingContext;
  private scratch: QueryScratch | null = null;
  private readonly pruneFrom: number;
  private readonly firstTop: number;
  private readonly fuzzyCache = new Map<string, string[]>();

  constructor(db: Database.Database, options: PackEngineOptions = {}) {
    const format = db.prepare("SELECT value FROM search_meta WHERE key = 'format'").pluck().get() as string | undefined;
    if (format !== SEARCH_FORMAT) throw new SearchFormatError(String(format), SEARCH_FORMAT);
    const metaJson = db.prepare("SELECT value FROM search_meta WHERE key = 'meta'").pluck().get();
    const checksum = db.prepare("SELECT value FROM search_meta WHERE key = 'checksum'").pluck().get();
    if (String(searchMetaChecksum(format, metaJson)) !== checksum)
      throw new SearchIndexError('the index header fails its checksum');
    const meta = JSON.parse(metaJson as string) as SearchMeta;
    this.meta = meta;
    this.fields = meta.fields as SearchField[];
    this.fields.forEach((field, i) => this.fieldIndex.set(field, i));
    this.documentCount = meta.docCount;
    this.postingsCache = new PostingsCache(options.cacheBytes ?? POSTINGS_CACHE_BYTES);
    this.pruneFrom = options.pruneFrom ?? PRUNE_FROM;
    this.firstTop = Math.max(1, options.firstTop ?? FIRST_TOP);
    this.terms = new TermTable(db, meta.termBlocks);
    this.selectPostings = db.prepare('SELECT data FROM search_postings WHERE tid = ?').pluck();
    this.selectPrefixList = db.prepare('SELECT terms, checksum FROM search_prefix WHERE prefix = ?').raw();
    this.selectBlob = db.prepare('SELECT data FROM search_blobs WHERE name = ?').pluck();
    this.postingContext = {
      fieldCount: this.fields.length,
      meta,
      fieldLengths: () => this.fieldLengths(),
      idf: (documentsWithTerm) => this.idf(documentsWithTerm),
    };
  }

  /** The payload of blob `name`, checked against its checksum; undefined when there is no such blob. */
  private blob(name: string, what = `blob ${name}`): Uint8Array | undefined {
    const blob = this.selectBlob.get(name);
    return blob === undefined ? undefined : unframed(name, blob, what);
  }

  /** Runs a read of stored index data; whatever goes wrong is a SearchIndexError (a damaged index). */
  private read<T>(what: () => T): T {
    try {
      return what();
    } catch (error) {
      throw error instanceof SearchIndexError ? error : new SearchIndexError(error);
    }
  }

  /** Token counts per document and field (lunr's fieldLengths), loaded at the first tf decode. */
  private fieldLengths(): FieldLengths {
    this.lengths ??= this.read(() => {
      const blob = this.blob('field_lengths');
      if (!blob) throw new Error('field lengths missing');
      return decodeFieldLengths(blob, this.documentCount * this.fields.length);
    });
    return this.lengths;
  }

  /** lunr's idf of a term with `documentsWithTerm` field postings, from the table loaded at the first tf decode. */
  private idf(documentsWithTerm: number): number {
    this.idfTable ??= this.read(() => {
      const blob = this.blob('idf');
      if (!blob) throw new Error('idf table missing');
      return decodeIdfTable(blob);
    });
    const idf = this.idfTable.get(documentsWithTerm);
    if (idf === undefined) throw new SearchIndexError(`no idf for ${documentsWithTerm} documents`);
    return idf;
  }

  // ---- vocabulary -------------------------------------------------------------------------

  hasTerm(term: string): boolean {
    const cached = this.postingsCache.peek(term);
    if (cached !== undefined) return cached !== null;
    return this.read(() => this.terms.find(term)) !== null;
  }

  documentFrequency(term: string): number {
    const cached = this.postingsCache.peek(term);
    if (cached !== undefined) return cached ? cached.documentFrequency : 0;
    return this.read(() => this.terms.find(term))?.df ?? 0;
  }

  expandPrefix(prefix: string, limit: number): string[] {
    // No empty prefix, no wildcards (as lunr's in-memory engine).
    if (!prefix || prefix.includes('*') || !(limit > 0)) return [];
    if (limit <= PREFIX_TABLE_TOP) {
      const stored = this.read(() => {
        const row = this.selectPrefixList.get(prefix) as [unknown, unknown] | undefined;
        if (row === undefined) return undefined;
        const [list, checksum] = row;
        if (typeof list !== 'string' || prefixChecksum(prefix, list) !== checksum)
          throw new Error(`the prefix list of "${prefix}" fails its checksum`);
        return JSON.parse(list) as string[];
      });
      if (stored !== undefined) return stored.slice(0, limit);
    }
    const rows = this.read(() => this.terms.range(prefix, nextPrefix(prefix)));
    const completions = rows.filter((row) => row.term.startsWith(prefix));
    completions.sort((a, b) => b.df - a.df || compareStrings(a.term, b.term));
    return completions.slice(0, limit).map((row) => row.term);
  }

  /**
   * Terms within `maxDistance` edits, with guards lunr lacks (its fuzzy automaton never terminates
   * for a NaN or infinite distance and grows quadratically with the word): the distance is taken as
   * 0 unless finite, and at most MAX_FUZZY_DISTANCE; a word longer than any term by more than the
   * distance matches nothing; a word over MAX_FUZZY_WORD characters is looked up exactly.
   */
  expandFuzzy(term: string, maxDistance: number, limit: number): string[] {
    if (!term || term.includes('*') || !(limit > 0)) return [];
    // Typing "schedular pol…" corrects the first word again at every keystroke: a walk of the
    // large pack's vocabulary takes up to 25 ms, a remembered answer nothing.
    const key = `${maxDistance}\u0000${limit}\u0000${term}`;
    const known = this.fuzzyCache.get(key);
    if (known) {
      this.fuzzyCache.delete(key);
      this.fuzzyCache.set(key, known);
      return [...known];
    }
    const found = this.walkFuzzy(term, maxDistance, limit);
    if (this.fuzzyCache.size >= FUZZY_CACHED) this.fuzzyCache.delete(this.fuzzyCache.keys().next().value as string);
    this.fuzzyCache.set(key, found);
    return [...found];
  }

  private walkFuzzy(term: string, maxDistance: number, limit: number): string[] {
    let distance = Number.isFinite(maxDistance)
      ? Math.min(MAX_FUZZY_DISTANCE, Math.max(0, Math.floor(maxDistance)))
      : 0;
    if (term.length - distance > this.loadVocabularyIndex().maxLength) return [];
    if (term.length > MAX_FUZZY_WORD) distance = 0;
    // A term within `distance` edits is at most that much shorter or longer.
    const lengths: [number, number] = [term.length - distance, term.length + distance];
    return this.byFrequency(this.expandPattern(fuzzyAutomaton(term, distance), lengths), limit);
  }

  /**
   * Terms of the index accepted by a lunr TokenSet automaton (lunr's tokenSet.intersect), in lunr's
   * order; or, given the `lengths` every accepted term has, the same terms read from only the shards
   * of those lengths, in no particular order.
   */
  expandPattern(automaton: QueryNode, lengths?: [number, number]): string[] {
    if (lengths === undefined) {
      const vocabulary = this.loadVocabulary();
      return intersectSorted(vocabulary, automaton).map((i) => vocabulary.term(i));
    }
    const out: string[] = [];
    for (const k of this.loadVocabularyIndex().shardsFor(lengths[0], lengths[1])) {
      const shard = this.loadVocabularyShard(k);
      for (const i of intersectSorted(shard, automaton)) out.push(shard.term(i));
    }
    return out;
  }

  /** The `limit` most frequent of `terms`, ties in JS order. */
  private byFrequency(terms: string[], limit: number): string[] {
    const index = this.loadVocabularyIndex();
    const frequencyOf = (term: string): number => {
      for (const k of index.shardsFor(term.length, term.length)) {
        const shard = this.loadVocabularyShard(k);
        const i = shard.indexOf(term);
        if (i >= 0) return shard.documentFrequency(i);
      }
      return 0;
    };
    return terms
      .map((term) => ({ term, documentFrequency: frequencyOf(term) }))
      .sort((a, b) => b.documentFrequency - a.documentFrequency || compareStrings(a.term, b.term))
      .slice(0, limit)
      .map((entry) => entry.term);
  }

  private loadVocabularyIndex(): VocabularyIndex {
    this.vocabularyIndex ??= this.read(() => {
      const blob = this.blob(VOCABULARY_INDEX);
      if (!blob) throw new Error('search index: vocabulary missing');
      return VocabularyIndex.decode(blob);
    });
    return this.vocabularyIndex;
  }

  private loadVocabularyShard(k: number): Vocabulary {
    let shard = this.vocabularyShards.get(k);
    if (shard === undefined) {
      const index = this.loadVocabularyIndex();
      shard = this.read(() => {
        const blob = this.blob(vocabularyShardName(k));
        if (!blob) throw new Error(`search index: vocabulary shard ${k} missing`);
        return index.decodeShard(k, blob);
      });
      this.vocabularyShards.set(k, shard);
    }
    return shard;
  }

  private loadVocabulary(): Vocabulary {
    if (this.vocabulary) return this.vocabulary;
    const index = this.loadVocabularyIndex();
    const shards = index.shards.map((_, k) => this.loadVocabularyShard(k));
    this.vocabulary = this.read(() => {
      const blob = this.blob(VOCABULARY_ORDER);
      if (!blob) throw new Error('search index: vocabulary order missing');
      return Vocabulary.merge(shards, index.decodeOrder(blob));
    });
    return this.vocabulary;
  }

  // ---- postings ---------------------------------------------------------------------------

  /** A term's postings (null when the index lacks it), through the LRU cache. */
  postings(term: string): Postings | null {
    const cached = this.postingsCache.get(term);
    if (cached !== undefined) return cached;
    const postings = this.read(() => {
      const row = this.terms.find(term);
      if (!row) return null;
      let payload = row.postings;
      if (!payload) {
        const data = this.selectPostings.get(row.tid);
        if (data === undefined) throw new Error(`the postings of "${term}" are missing`);
        payload = unpackPostingsRow(unframed(row.tid, data, `the posting of "${term}"`));
      }
      return decodePostings(term, row.tid, row.df, payload, this.postingContext);
    });
    this.postingsCache.remember(term, postings);
    return postings;
  }

  // ---- documents --------------------------------------------------------------------------

  /** The ref of document `ordinal`, from its chunk of refs (decoded at the chunk's first need). */
  ref(ordinal: number): string {
    if (!(ordinal >= 0 && ordinal < this.documentCount)) throw new SearchIndexError(`document ${ordinal} missing`);
    const chunk = Math.floor(ordinal / REF_CHUNK);
    let refs = this.refChunks.get(chunk);
    if (refs === undefined) refs = this.loadRefChunk(chunk);
    else if (this.refChunks.size > 1) {
      // Made the most recently used.
      this.refChunks.delete(chunk);
      this.refChunks.set(chunk, refs);
    }
    const ref = refs.at(ordinal - chunk * REF_CHUNK);
    if (ref === undefined) throw new SearchIndexError(`document ${ordinal} missing`);
    return ref;
  }

  private loadRefChunk(chunk: number): RefList {
    const refs = this.read(() => {
      const blob = this.blob(refChunkName(chunk), `document refs (chunk ${chunk})`);
      if (!blob) throw new Error(`document refs missing (chunk ${chunk})`);
      return RefList.decode(inflateRawSync(blob), Math.min(REF_CHUNK, this.documentCount - chunk * REF_CHUNK));
    });
    if (this.refChunks.size >= CACHED_REF_CHUNKS) this.refChunks.delete(this.refChunks.keys().next().value as number);
    this.refChunks.set(chunk, refs);
    return refs;
  }

  /** Document ordinals in lunr's add order (the order of its field vectors). */
  private documentsInAddOrder(): Int32Array {
    if (this.addOrder) return this.addOrder;
    const order = new Int32Array(this.documentCount);
    if (this.meta.hasAddOrder) {
      this.read(() => {
        const blob = this.blob('add_order');
        if (!blob) throw new Error('document add order missing');
        const reader = new ByteReader(blob);
        for (let i = 0; i < order.length; i++) order[i] = reader.uint();
      });
    } else for (let i = 0; i < order.length; i++) order[i] = i;
    this.addOrder = order;
    return order;
  }

  private queryScratch(): QueryScratch {
    const scratch = this.queryScratchOf();
    scratch.reset();
    return scratch;
  }

  private queryScratchOf(): QueryScratch {
    this.scratch ??= new QueryScratch(this.documentCount, this.fields.length);
    return this.scratch;
  }

  // ---- query ------------------------------------------------------------------------------

  /** lunr.Index#query over already-analysed clauses (no pipeline; a '*' matches any one character). */
  query(clauses: TermClause[]): EngineMatch[] {
    const ranked = this.ranked(clauses);
    const matches = new Array<EngineMatch>(ranked.length);
    for (let i = 0; i < ranked.length; i++) matches[i] = ranked.at(i);
    return matches;
  }

  /** The matches of `query`, sorted and made only as far as they are read. */
  ranked(clauses: TermClause[]): RankedMatches {
    if (clauses.length === 0) return new ListedMatches([]);
    const fieldCount = this.fields.length;
    const documentCount = this.documentCount;

    // To support field level boosts a query vector is created per field: term index → the summed
    // boosts of the clauses that name the term. An empty vector is eagerly created to support
    // negated queries.
    const queryVectors: Map<number, { boost: number; postings: Postings }>[] = [];
    for (let field = 0; field < fieldCount; field++) queryVectors.push(new Map());
    // matchingFields: the field refs (field·documentCount + ordinal) met, in order (scratch.fieldRefs).
    // Term index·fieldCount + field, for the term/field combinations whose documents are collected.
    const termFieldCache = new Set<number>();
    // lunr keeps a set of required matches per field, each the intersection of the required clauses
    // naming that field, and then intersects the fields' sets: that is the intersection of the
    // matches of every required clause that names a field of the index, taken here once per clause
    // instead of once per clause and field (for two quoted words, one pass over a byte per document
    // instead of seven, each a fresh array). A required term the index lacks leaves none.
    let allRequiredMatches: DocumentSet = 'all';
    let noneRequired = false;
    const prohibitedMatches: (Uint8Array | undefined)[] = new Array<Uint8Array | undefined>(fieldCount);
    // What lunr gathers into MatchData, kept as postings until a match's terms are read.
    const termFieldMatches: TermFieldMatch[] = [];
    // The term/field pairs whose documents join matchingFields, in the order met (field refs are
    // added when the documents are scored).
    const pairs: { field: number; ordinals: Int32Array; termIndex: number }[] = [];
    // Term index · fieldCount + field → its pair.
    const pairIndex = new Map<number, number>();

    for (const clause of clauses) {
      const clauseFields: number[] = [];
      for (const name of clause.fields && clause.fields.length ? clause.fields : this.fields) {
        const field = this.fieldIndex.get(name);
        if (field !== undefined) clauseFields.push(field);
      }
      // From the term in the clause we create a token set which is intersected with the index's
      // token set to get the terms to look up. With no pipeline and edit distance 0 (as the
      // in-memory engine asks lunr), that is the term itself, or the terms a '*' in it matches
      // (TokenSet.fromFuzzyString(term, 0), in which a literal '*' edge matches any one character).
      // lunr's intersection never yields the empty term.
      const term = String(clause.term);
      const expandedTerms: Postings[] = [];
      const lookUp = (expandedTerm: string): void => {
        const postings = this.postings(expandedTerm);
        if (postings) expandedTerms.push(postings);
      };
      if (term.includes('*'))
        for (const expandedTerm of this.expandPattern(fuzzyAutomaton(term, 0))) lookUp(expandedTerm);
      else if (term !== '') lookUp(term);

      // If a term marked as required does not exist in the token set it is impossible for the
      // search to return any matches: every field scoped required matches set is made empty.
      if (expandedTerms.length === 0 && clause.presence === 'required') {
        if (clauseFields.length > 0) noneRequired = true;
        continue;
      }

      let clauseMatches: Uint8Array | null = null;
      for (const postings of expandedTerms) {
        for (const field of clauseFields) {
          // For each field that this query term is scoped by, all the documents that have this
          // term in that field.
          const matchingDocuments = postings.ordinals[field] ?? NO_DOCUMENTS;

          // If the presence of this term is required, the matching documents are added to the set
          // of required matches for this clause.
          if (clause.presence === 'required') {
            clauseMatches ??= new Uint8Array(documentCount);
            for (let i = 0; i < matchingDocuments.length; i++) clauseMatches[matchingDocuments[i]!] = 1;
          }

          // If the presence of this term is prohibited, the matching documents are added to the
          // set of prohibited matches for this field. Prohibited matches are not part of the query
          // vector and give no match data: on to the next field.
          if (clause.presence === 'prohibited') {
            const prohibited = (prohibitedMatches[field] ??= new Uint8Array(documentCount));
            for (let i = 0; i < matchingDocuments.length; i++) prohibited[matchingDocuments[i]!] = 1;
            continue;
          }

          // The query field vector gets the clause's boost at the term's index, added to what an
          // earlier clause put there (lunr's upsert).
          const element = queryVectors[field]!.get(postings.termIndex);
          if (element) element.boost = element.boost + clause.boost;
          else queryVectors[field]!.set(postings.termIndex, { boost: clause.boost, postings });

          // If this term/field combination was seen already, its documents are collected already.
          const termField = postings.termIndex * fieldCount + field;
          if (termFieldCache.has(termField)) continue;
          termFieldCache.add(termField);

          // Every matching document's field ref joins matchingFields, with this term as match data.
          if (matchingDocuments.length > 0) {
            termFieldMatches.push({ term: postings.term, field: this.fields[field]!, ordinals: matchingDocuments });
            pairIndex.set(termField, pairs.length);
            pairs.push({ field, ordinals: matchingDocuments, termIndex: postings.termIndex });
          }
        }
      }

      // A required clause's term must be in any of its fields, not all of them: the required
      // matches are intersected with the union over the fields.
      if (clause.presence === 'required' && clauseMatches && !noneRequired)
        allRequiredMatches = intersect(allRequiredMatches, clauseMatches);
    }

    // The field scoped prohibited matches combine into one set.
    if (noneRequired) allRequiredMatches = new Uint8Array(documentCount);
    let allProhibitedMatches: Uint8Array | null = null;
    for (let field = 0; field < fieldCount; field++) {
      const prohibited = prohibitedMatches[field];
      if (prohibited) {
        if (!allProhibitedMatches) allProhibitedMatches = prohibited.slice();
        else
          for (let i = 0; i < documentCount; i++) allProhibitedMatches[i] = allProhibitedMatches[i]! | prohibited[i]!;
      }
    }
    const requiredSet = allRequiredMatches === 'all' ? null : allRequiredMatches;
    const prohibitedSet = allProhibitedMatches;
    const excluded = (ordinal: number): boolean =>
      (requiredSet !== null && !requiredSet[ordinal]) || (prohibitedSet !== null && !!prohibitedSet[ordinal]);

    const isNegated = clauses.every((clause) => clause.presence === 'prohibited');
    const matchData = new MatchData(isNegated ? [] : termFieldMatches, this);
    if (isNegated) {
      // A query made only of prohibited terms matches every field of every document (lunr's field
      // vectors, in add order), each scored 0 against an empty query vector.
      const scratch = this.queryScratch();
      const addOrder = this.documentsInAddOrder();
      for (let i = 0; i < addOrder.length; i++) if (!excluded(addOrder[i]!)) scratch.addDocument(addOrder[i]!);
      return this.matchesOf(scratch, matchData);
    }

    // Field scores: queryVector · fieldVector / |queryVector| (lunr.Vector#similarity), the
    // products added in ascending term index as lunr.Vector#dot adds them.
    const queryVectorMagnitudes = new Float64Array(fieldCount);
    const elementsByField: { boost: number; postings: Postings }[][] = [];
    for (let field = 0; field < fieldCount; field++) {
      const elements = [...queryVectors[field]!.entries()].sort((a, b) => a[0] - b[0]);
      let sumOfSquares = 0;
      for (const [, element] of elements) sumOfSquares += element.boost * element.boost;
      queryVectorMagnitudes[field] = Math.sqrt(sumOfSquares);
      elementsByField.push(elements.map(([, element]) => element));
    }
    // Every pair's documents scored, or those of the pairs not `aside` (bounded-top.ts).
    const score = (aside: Uint8Array | null): QueryScratch => {
      const scratch = this.queryScratch();
      pairs.forEach(({ ordinals, field }, i) => {
        if (!aside?.[i]) scratch.addFieldRefs(ordinals, field);
      });
      const dotProducts = scratch.zeroDotProducts();
      const fieldSlots = scratch.fieldSlots;
      for (let field = 0; field < fieldCount; field++) {
        for (const { boost, postings } of elementsByField[field]!) {
          const ordinals = postings.ordinals[field];
          const weights = postings.weights[field];
          if (!ordinals || !weights) continue;
          if (aside?.[pairIndex.get(postings.termIndex * fieldCount + field)!]) continue;
          addProducts(dotProducts, fieldSlots, ordinals, weights, boost, field * documentCount);
        }
      }
      // Documents, not fields, are returned: a document's score is the sum of its field scores,
      // taken in the order matchingFields met them.
      scratch.sumScores(queryVectorMagnitudes, requiredSet, prohibitedSet);
      return scratch;
    };
    const scoreAll = (): PackMatches => this.matchesOf(score(null), matchData);

    // Many postings, every clause optional: the first matches are found with bounds (bounded-top.ts).
    let postingCount = 0;
    for (const pair of pairs) postingCount += pair.ordinals.length;
    if (requiredSet === null && prohibitedSet === null && postingCount >= this.pruneFrom) {
      const scored: ScoredPair[] = [];
      for (const { field, ordinals, termIndex } of pairs) {
        const element = queryVectors[field]!.get(termIndex)!;
        const weights = element.postings.weights[field];
        if (weights)
          scored.push({
            field,
            ordinals,
            weights,
            boost: element.boost,
            termIndex,
            highestWeight: this.highestWeight(element.postings, field),
          });
      }
      const scorer: PairScorer = {
        partial: (aside) => score(aside),
        union: () => this.queryScratchOf().countDocuments(pairs.map((pair) => pair.ordinals)),
      };
      const top =
        scored.length === pairs.length
          ? boundedTop(scored, queryVectorMagnitudes, fieldCount, this.firstTop, scorer, (n) =>
              this.queryScratchOf().sortBuffers(n),
            )
          : null;
      if (top) return new TopMatches(top, matchData, scoreAll);
    }
    return scoreAll();
  }

  /**
   * What no weight of `postings` in `field` exceeds, from lunr's BM25 (format/lunr-bm25.ts) without
   * reading them: idf · (k1 + 1) · the field's boost, which tf / (k1 · (1 − b + b · length / average)
   * + tf) never reaches, plus the rounding to thousandths. Reading a common word's 243,738 weights
   * for their highest took a fresh process 5 ms. Undefined unless the weights are lunr's (tf mode)
   * with parameters for which that holds.
   */
  private highestWeight(postings: Postings, field: number): number | undefined {
    const tf = this.meta.weights === 'tf' ? this.meta.tf : undefined;
    const fieldBoost = tf?.fieldBoost[field];
    if (!tf || fieldBoost === undefined || !(tf.k1 >= 0 && tf.b >= 0 && tf.b <= 1 && fieldBoost >= 0)) return undefined;
    const idf = this.idf(postings.documentsWithTerm);
    if (!(idf >= 0)) return undefined;
    return idf * (tf.k1 + 1) * fieldBoost + 0.001;
  }

  /**
   * The results by score, highest first (a stable sort: ties keep lunr's order), sorted as far
   * as they are read (ranked-matches.ts). The scratch is the next query's: the matches keep the
   * documents and scores (query-scratch.ts).
   */
  private matchesOf(scratch: QueryScratch, matchData: MatchData): PackMatches {
    const { documents, scores } = scratch.takeDocuments();
    return new PackMatches(documents, scores, matchData, this.documentCount, (n) =>
      this.queryScratchOf().sortBuffers(n),
    );
  }
}
