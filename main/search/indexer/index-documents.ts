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
import { SEARCH_FIELDS, type Analyzer, type IndexDocument } from '../types';
import { documentOrder } from './document-order';
import { grown, sortSegment, type IndexTables, type TfModel } from './index-tables';

/** Growable parallel arrays of postings in the order they are met. */
class PostingLog {
  termIndices = new Int32Array(1 << 16);
  fields = new Uint8Array(1 << 16);
  ordinals = new Int32Array(1 << 16);
  termFrequencies = new Int32Array(1 << 16);
  length = 0;

  push(termIndex: number, field: number, ordinal: number, termFrequency: number): void {
    if (this.length === this.termIndices.length) this.grow();
    const i = this.length++;
    this.termIndices[i] = termIndex;
    this.fields[i] = field;
    this.ordinals[i] = ordinal;
    this.termFrequencies[i] = termFrequency;
  }

  private grow(): void {
    const size = this.termIndices.length * 2;
    this.termIndices = grown(this.termIndices, size);
    this.fields = grown(this.fields, size);
    this.ordinals = grown(this.ordinals, size);
    this.termFrequencies = grown(this.termFrequencies, size);
  }
}

/** Indexes `docs` (fields title, text, caption, media with FIELD_BOOSTS) into IndexTables. */
export function indexDocuments(
  docs: IndexDocument[],
  analyzer: Analyzer,
  onProgress?: (done: number, total: number) => void,
): IndexTables {
  const fields = [...SEARCH_FIELDS];
  const fieldCount = fields.length;
  const documentCount = docs.length;

  // Ordinals in V8's key order (document-order.ts).
  const addOrder = docs.map((d) => d.id);
  if (new Set(addOrder).size !== documentCount) throw new Error('search index: two documents have the same id');
  const { refs, reordered } = documentOrder(addOrder);
  const ordinalOf = new Map<string, number>();
  refs.forEach((ref, ordinal) => ordinalOf.set(ref, ordinal));

  // lunr.Builder#add: each document's fields in order, each field's tokens counted per term, term
  // indices handed out as terms are first met.
  const termIndexOf = new Map<string, number>();
  const log = new PostingLog();
  const fieldLengths = new Float64Array(documentCount * fieldCount);
  let counts = new Int32Array(1 << 16);
  const touched: number[] = [];
  docs.forEach((doc, added) => {
    const ordinal = reordered ? ordinalOf.get(doc.id)! : added;
    for (let field = 0; field < fieldCount; field++) {
      const name = fields[field]!;
      const text = doc.fields[name];
      const tokens = text === null || text === undefined ? [] : analyzer.analyze(String(text), name);
      fieldLengths[ordinal * fieldCount + field] = tokens.length;
      for (const token of tokens) {
        let termIndex = termIndexOf.get(token.term);
        if (termIndex === undefined) {
          termIndex = termIndexOf.size;
          termIndexOf.set(token.term, termIndex);
          if (termIndex === counts.length) counts = grown(counts, counts.length * 2);
        }
        const seen = counts[termIndex]!;
        if (seen === 0) touched.push(termIndex);
        counts[termIndex] = seen + 1;
      }
      for (const termIndex of touched) {
        log.push(termIndex, field, ordinal, counts[termIndex]!);
        counts[termIndex] = 0;
      }
      touched.length = 0;
    }
    if (onProgress && (added + 1) % 5000 === 0) onProgress(added + 1, documentCount);
  });

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
  for (let i = 0; i < postingCount; i++) {
    const slot = sortedPositionOf[log.termIndices[i]!]! * fieldCount + log.fields[i]!;
    start[slot + 1] = start[slot + 1]! + 1;
  }
  for (let slot = 0; slot < slotCount; slot++) start[slot + 1] = start[slot + 1]! + start[slot]!;
  const next = start.slice(0, slotCount);
  const flat: FlatPostings = {
    start,
    ordinals: new Int32Array(postingCount),
    termFrequencies: new Int32Array(postingCount),
    weights: new Float64Array(0),
  };
  for (let i = 0; i < postingCount; i++) {
    const slot = sortedPositionOf[log.termIndices[i]!]! * fieldCount + log.fields[i]!;
    const at = next[slot]!;
    next[slot] = at + 1;
    flat.ordinals[at] = log.ordinals[i]!;
    flat.termFrequencies[at] = log.termFrequencies[i]!;
  }
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
    addOrder: reordered ? addOrder : null,
    sortedTerms,
    termIndices,
    documentFrequencies,
    flat,
    fieldLengths,
    weightMode: tfModel ? 'tf' : 'milli',
    tfModel,
  };
}
