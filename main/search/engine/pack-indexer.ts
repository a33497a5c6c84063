/**
 * Indexes documents straight into the pack's search tables, without building a lunr.Index.
 *
 * A pack stores no lunr weights: a posting keeps its term frequency, and the weight is lunr's BM25
 * recomputed from tf, the field's length and the term's idf (pack-writer.ts, weights 'tf').
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
 * lunr-build.ts still builds real lunr indexes (the in-memory engine, the tests); the tests write a
 * pack both ways and require the same tables byte for byte.
 */
import { FIELD_BOOSTS } from '../fields';
import { SEARCH_FIELDS, type Analyzer, type IndexDocument } from '../types';
import {
  compareStrings,
  grown,
  isArrayIndexKey,
  LUNR_B,
  LUNR_K1,
  lunrIdf,
  sortSegment,
  type FlatPostings,
  type IndexTables,
  type TfModel,
} from './pack-writer';

/** Growable parallel Int32Arrays of postings in the order they are met. */
class PostingLog {
  tids = new Int32Array(1 << 16);
  fields = new Uint8Array(1 << 16);
  ords = new Int32Array(1 << 16);
  tfs = new Int32Array(1 << 16);
  length = 0;

  push(tid: number, field: number, ord: number, tf: number): void {
    if (this.length === this.tids.length) this.grow();
    const i = this.length++;
    this.tids[i] = tid;
    this.fields[i] = field;
    this.ords[i] = ord;
    this.tfs[i] = tf;
  }

  private grow(): void {
    const size = this.tids.length * 2;
    this.tids = grown(this.tids, size);
    this.fields = grown(this.fields, size);
    this.ords = grown(this.ords, size);
    this.tfs = grown(this.tfs, size);
  }
}

/** Indexes `docs` (fields title, text, caption, media with FIELD_BOOSTS) into IndexTables. */
export function indexDocuments(
  docs: IndexDocument[],
  analyzer: Analyzer,
  onProgress?: (done: number, total: number) => void,
): IndexTables {
  const fields = [...SEARCH_FIELDS];
  const F = fields.length;
  const N = docs.length;

  // Ordinals as pack-writer gives them: V8's key order, array-index-like refs first.
  const addOrder = docs.map((d) => d.id);
  if (new Set(addOrder).size !== N) throw new Error('search index: two documents have the same id');
  const numeric = addOrder.filter(isArrayIndexKey).sort((a, b) => Number(a) - Number(b));
  const refs = numeric.length === 0 ? addOrder : [...numeric, ...addOrder.filter((r) => !isArrayIndexKey(r))];
  const ordOf = new Map<string, number>();
  refs.forEach((r, i) => ordOf.set(r, i));

  const termIds = new Map<string, number>();
  const log = new PostingLog();
  const fieldLengths = new Float64Array(N * F);
  let counts = new Int32Array(1 << 16);
  const touched: number[] = [];
  docs.forEach((doc, added) => {
    const ord = numeric.length === 0 ? added : ordOf.get(doc.id)!;
    for (let f = 0; f < F; f++) {
      const field = fields[f]!;
      const text = doc.fields[field];
      const tokens = text === null || text === undefined ? [] : analyzer.analyze(String(text), field);
      fieldLengths[ord * F + f] = tokens.length;
      for (const token of tokens) {
        let tid = termIds.get(token.term);
        if (tid === undefined) {
          tid = termIds.size;
          termIds.set(token.term, tid);
          if (tid === counts.length) counts = grown(counts, counts.length * 2);
        }
        const seen = counts[tid]!;
        if (seen === 0) touched.push(tid);
        counts[tid] = seen + 1;
      }
      for (const tid of touched) {
        log.push(tid, f, ord, counts[tid]!);
        counts[tid] = 0;
      }
      touched.length = 0;
    }
    if (onProgress && (added + 1) % 5000 === 0) onProgress(added + 1, N);
  });

  // Postings by (term in JS order, field): a counting sort, stable, so each slot is in add order.
  const sortedTerms = [...termIds.keys()].sort(compareStrings);
  const T = sortedTerms.length;
  const tids = new Int32Array(T);
  const sortedIndexOfTid = new Int32Array(T);
  sortedTerms.forEach((term, ti) => {
    const tid = termIds.get(term)!;
    tids[ti] = tid;
    sortedIndexOfTid[tid] = ti;
  });
  const P = log.length;
  const start = new Int32Array(T * F + 1);
  for (let i = 0; i < P; i++) {
    const slot = sortedIndexOfTid[log.tids[i]!]! * F + log.fields[i]!;
    start[slot + 1] = start[slot + 1]! + 1;
  }
  for (let s = 0; s < T * F; s++) start[s + 1] = start[s + 1]! + start[s]!;
  const next = start.slice(0, T * F);
  const flat: FlatPostings = { start, ords: new Int32Array(P), tfs: new Int32Array(P), ws: new Float64Array(0) };
  for (let i = 0; i < P; i++) {
    const slot = sortedIndexOfTid[log.tids[i]!]! * F + log.fields[i]!;
    const at = next[slot]!;
    next[slot] = at + 1;
    flat.ords[at] = log.ords[i]!;
    flat.tfs[at] = log.tfs[i]!;
  }
  // Only array-index-like refs make add order differ from ordinal order.
  if (numeric.length > 0)
    for (let s = 0; s < T * F; s++) if (start[s + 1]! - start[s]! > 1) sortSegment(flat, start[s]!, start[s + 1]!);

  // Document counts (a document once, whatever its fields) and lunr.idf (once per field).
  const dfs = new Int32Array(T);
  const idf = new Float64Array(T);
  const stamp = new Int32Array(N).fill(-1);
  for (let ti = 0; ti < T; ti++) {
    let df = 0;
    for (let i = start[ti * F]!; i < start[ti * F + F]!; i++) {
      if (stamp[flat.ords[i]!] !== ti) {
        stamp[flat.ords[i]!] = ti;
        df++;
      }
    }
    dfs[ti] = df;
    idf[ti] = lunrIdf(start[ti * F + F]! - start[ti * F]!, N);
  }

  let tfModel: TfModel | null = null;
  if (N > 0) {
    const avg = fields.map((_, f) => {
      let sum = 0;
      for (let d = 0; d < N; d++) sum += fieldLengths[d * F + f]!;
      return sum / N;
    });
    // A field without postings records boost 1, as pack-writer infers it from a lunr index.
    const used = fields.map((_, f) => {
      for (let ti = 0; ti < T; ti++) if (start[ti * F + f + 1]! > start[ti * F + f]!) return true;
      return false;
    });
    const boost = fields.map((field, f) => (used[f] ? FIELD_BOOSTS[field] : 1));
    tfModel = { k1: LUNR_K1, b: LUNR_B, avg, boost, idf };
  }
  onProgress?.(N, N);
  return {
    fields,
    refs,
    addOrder: numeric.length > 0 ? addOrder : null,
    sortedTerms,
    tids,
    dfs,
    flat,
    fieldLengths,
    weights: tfModel ? 'tf' : 'milli',
    tfModel,
  };
}
