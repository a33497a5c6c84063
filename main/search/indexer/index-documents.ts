/**
 * Indexes documents into IndexTables, the pack's search tables in memory, without building a
 * lunr.Index.
 *
 * A pack stores no lunr weights: a posting keeps its term frequency, and the weight is lunr's BM25
 * recomputed from tf, the field's length and the term's idf (format/postings.ts, weights 'tf').
 * lunr.Builder would first hold every posting as nested objects (term → field → ref → metadata) and
 * compute a field vector per document and field, only for the writer to take the numbers apart
 * again: on the 89,000 indexed passages of the Python documentation that took 23 s and 1.7 GB,
 * against 3 s here. This indexer gathers the same inputs in flat typed arrays, following
 * lunr.Builder#add wherever the result depends on it:
 * - term indices (lunr's `_index`, a term's dimension in its vectors, which fixes the order in which
 *   scores are summed) are handed out in the order lunr meets terms: documents in add order, fields
 *   in declaration order, tokens in order;
 * - a field's length is its token count, and the average is over every document;
 * - idf counts a document once per field that holds the term (lunr.idf).
 * The tests build real lunr indexes with lunr.Builder (tests/reference/), write a pack from each
 * both ways and require the same tables byte for byte.
 */
import { FIELD_BOOSTS } from '../fields';
import { LUNR_B, LUNR_K1, lunrIdf } from '../format/lunr-bm25';
import type { FlatPostings } from '../format/postings';
import { compareStrings } from '../format/sorted-strings';
import { SEARCH_FIELDS, type Analyzer, type IndexDocument, type SearchField } from '../types';
import { documentOrder } from './document-order';
import { grown } from '../grown-array';
import { sortSegment, type IndexTables, type TfModel } from './index-tables';
import { PostingLog } from './posting-log';

/** Texts up to this many characters are kept for the next document (titles; see DocumentIndexer.add). */
const REUSED_TEXT_CHARS = 1024;

/** Indexes `docs` (fields title, text, caption, media with FIELD_BOOSTS) into IndexTables. */
export function indexDocuments(
  docs: IndexDocument[],
  analyzer: Analyzer,
  onProgress?: (done: number, total: number) => void,
): IndexTables {
  const indexer = new DocumentIndexer(
    docs.map((d) => d.id),
    analyzer,
    onProgress,
  );
  for (const doc of docs) indexer.add(doc);
  return indexer.finish();
}

/**
 * The indexer, taking documents one at a time (a build streams them from disk): their ids, in add
 * order, are given first, as ordinals depend on every id (document-order.ts).
 */
export class DocumentIndexer {
  private readonly fields = [...SEARCH_FIELDS];
  private readonly addOrder: string[];
  private readonly refs: string[];
  private readonly reordered: boolean;
  private readonly ordinalOf = new Map<string, number>();
  private readonly termIndexOf = new Map<string, number>();
  private log: PostingLog | null = new PostingLog();
  private readonly fieldLengths: Float64Array;
  private counts = new Int32Array(1 << 16);
  private readonly touched: number[] = [];
  private added = 0;
  /** Per field, the last text analysed (when short) and its terms, in order. */
  private readonly lastText: (string | null)[] = this.fields.map(() => null);
  private readonly lastTerms: (string[] | null)[] = this.fields.map(() => null);

  /**
   * `slices` cuts a field's text into pieces whose terms, analysed one after another, are the
   * whole's (Folio's analyzer: analyzer/slices.ts): a text of millions of characters is never
   * analysed at once. By default a text is analysed whole.
   */
  constructor(
    ids: readonly string[],
    private readonly analyzer: Analyzer,
    private readonly onProgress?: (done: number, total: number) => void,
    private readonly slices: (text: string) => Iterable<string> = (text) => [text],
  ) {
    // Ordinals in V8's key order (document-order.ts).
    this.addOrder = [...ids];
    if (new Set(this.addOrder).size !== ids.length) throw new Error('search index: two documents have the same id');
    const { refs, reordered } = documentOrder(this.addOrder);
    this.refs = refs;
    this.reordered = reordered;
    if (reordered) refs.forEach((ref, ordinal) => this.ordinalOf.set(ref, ordinal));
    this.fieldLengths = new Float64Array(ids.length * this.fields.length);
  }

  /**
   * lunr.Builder#add: the document's fields in order, each field's tokens counted per term, term
   * indices handed out as terms are first met. Documents come in the order of the ids given.
   */
  add(doc: IndexDocument): void {
    const { fields, touched } = this;
    const log = this.log;
    if (!log) throw new Error('search index: a document added after the index was finished');
    const added = this.added++;
    if (this.addOrder[added] !== doc.id)
      throw new Error(`search index: document ${doc.id} comes where ${this.addOrder[added]} was announced`);
    const fieldCount = fields.length;
    const ordinal = this.reordered ? this.ordinalOf.get(doc.id)! : added;
    for (let field = 0; field < fieldCount; field++) {
      const name = fields[field]!;
      const text = doc.fields[name];
      let length = 0;
      if (text !== null && text !== undefined) {
        const whole = String(text);
        if (whole.length <= REUSED_TEXT_CHARS) {
          // A section's passages share its title: the previous document's terms of a field are
          // taken again, not analysed again, when the text is the same (the analyzer is a function
          // of the text alone).
          let terms = this.lastText[field] === whole ? this.lastTerms[field]! : null;
          if (!terms) {
            terms = [];
            for (const slice of this.slices(whole))
              for (const token of this.analyzer.analyze(slice, name)) terms.push(token.term);
            this.lastText[field] = whole;
            this.lastTerms[field] = terms;
          }
          length = terms.length;
          for (const term of terms) this.count(term);
        } else
          for (const slice of this.slices(whole)) {
            const tokens = this.analyzer.analyze(slice, name);
            length += tokens.length;
            for (const token of tokens) this.count(token.term);
          }
      }
      this.fieldLengths[ordinal * fieldCount + field] = length;
      for (const termIndex of touched) {
        log.push(termIndex, field, ordinal, this.counts[termIndex]!);
        this.counts[termIndex] = 0;
      }
      touched.length = 0;
    }
    if (this.onProgress && (added + 1) % 5000 === 0) this.onProgress(added + 1, this.addOrder.length);
  }

  /** Counts one occurrence of `term` in the field being added, handing out its index when new. */
  private count(term: string): void {
    const termIndexOf = this.termIndexOf;
    let termIndex = termIndexOf.get(term);
    if (termIndex === undefined) {
      termIndex = termIndexOf.size;
      termIndexOf.set(term, termIndex);
      if (termIndex === this.counts.length) this.counts = grown(this.counts, this.counts.length * 2);
    }
    const seen = this.counts[termIndex]!;
    if (seen === 0) this.touched.push(termIndex);
    this.counts[termIndex] = seen + 1;
  }

  /** Lets go of what the index holds, without finishing it (after a failed build). */
  close(): void {
    this.log?.close();
    this.log = null;
  }

  /** The tables, once every announced document was added. */
  finish(): IndexTables {
    const log = this.log;
    if (!log) throw new Error('search index: finished twice');
    if (this.added !== this.addOrder.length)
      throw new Error(`search index: ${this.added} of ${this.addOrder.length} documents were added`);
    this.log = null;
    return tables(
      this.fields,
      this.refs,
      this.reordered ? this.addOrder : null,
      this.termIndexOf,
      log,
      this.fieldLengths,
      this.onProgress,
    );
  }
}

function tables(
  fields: SearchField[],
  refs: string[],
  addOrder: string[] | null,
  termIndexOf: Map<string, number>,
  log: PostingLog,
  fieldLengths: Float64Array,
  onProgress?: (done: number, total: number) => void,
): IndexTables {
  const fieldCount = fields.length;
  const documentCount = refs.length;
  const reordered = addOrder !== null;

  // Postings by (term in JS order, field): a counting sort, stable, so each slot is in add order.
  const sortedTerms = [...termIndexOf.keys()].sort(compareStrings);
  const termCount = sortedTerms.length;
  const termIndices = new Int32Array(termCount);
  const sortedPositionOf = new Int32Array(termCount);
  sortedTerms.forEach((term, position) => {
    const termIndex = termIndexOf.get(term)!;
    termIndices[position] = termIndex;
    sortedPositionOf[termIndex] = position;
  });
  const postingCount = log.length;
  const slotCount = termCount * fieldCount;
  const start = new Int32Array(slotCount + 1);
  log.forEach((termIndex, field) => {
    const slot = sortedPositionOf[termIndex]! * fieldCount + field;
    start[slot + 1] = start[slot + 1]! + 1;
  });
  for (let slot = 0; slot < slotCount; slot++) start[slot + 1] = start[slot + 1]! + start[slot]!;
  const next = start.slice(0, slotCount);
  const flat: FlatPostings = {
    start,
    ordinals: new Int32Array(postingCount),
    termFrequencies: new Int32Array(postingCount),
    weights: new Float64Array(0),
  };
  log.forEach((termIndex, field, ordinal, termFrequency) => {
    const slot = sortedPositionOf[termIndex]! * fieldCount + field;
    const at = next[slot]!;
    next[slot] = at + 1;
    flat.ordinals[at] = ordinal;
    flat.termFrequencies[at] = termFrequency;
  }, true);
  // Only array-index-like refs make add order differ from ordinal order.
  if (reordered)
    for (let slot = 0; slot < slotCount; slot++)
      if (start[slot + 1]! - start[slot]! > 1) sortSegment(flat, start[slot]!, start[slot + 1]!);

  // Document counts (a document once, whatever its fields) and lunr.idf (once per field).
  const documentFrequencies = new Int32Array(termCount);
  const idf = new Float64Array(termCount);
  const lastTermOf = new Int32Array(documentCount).fill(-1);
  for (let term = 0; term < termCount; term++) {
    let documentFrequency = 0;
    for (let i = start[term * fieldCount]!; i < start[term * fieldCount + fieldCount]!; i++) {
      if (lastTermOf[flat.ordinals[i]!] !== term) {
        lastTermOf[flat.ordinals[i]!] = term;
        documentFrequency++;
      }
    }
    documentFrequencies[term] = documentFrequency;
    idf[term] = lunrIdf(start[term * fieldCount + fieldCount]! - start[term * fieldCount]!, documentCount);
  }

  let tfModel: TfModel | null = null;
  if (documentCount > 0) {
    const avgFieldLength = fields.map((_, field) => {
      let sum = 0;
      for (let d = 0; d < documentCount; d++) sum += fieldLengths[d * fieldCount + field]!;
      return sum / documentCount;
    });
    // A field without postings records boost 1: no weight shows its boost, and the tables written
    // from lunr's own index (which infer each boost from the weights) say 1 there too.
    const used = fields.map((_, field) => {
      for (let term = 0; term < termCount; term++)
        if (start[term * fieldCount + field + 1]! > start[term * fieldCount + field]!) return true;
      return false;
    });
    const fieldBoost = fields.map((name, field) => (used[field] ? FIELD_BOOSTS[name] : 1));
    tfModel = { k1: LUNR_K1, b: LUNR_B, avgFieldLength, fieldBoost, idf };
  }
  onProgress?.(documentCount, documentCount);
  return {
    fields,
    refs,
    addOrder,
    sortedTerms,
    termIndices,
    documentFrequencies,
    flat,
    fieldLengths,
    weightMode: tfModel ? 'tf' : 'milli',
    tfModel,
  };
}
