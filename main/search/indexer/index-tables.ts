/**
 * The search tables in memory: what the indexer builds from documents and the writer writes to
 * SQLite. Postings are a few flat typed arrays rather than millions of small objects: the builder
 * runs in a process whose heap is large, where every allocation is expensive (garbage collection
 * scans the whole heap).
 */
import type { FlatPostings } from '../format/postings';
import type { WeightMode } from '../format/schema';

export interface IndexTables {
  fields: string[];
  /** Document refs by ordinal (document-order.ts). */
  refs: string[];
  /** lunr's add order when it differs from ordinal order (array-index-like refs), else null. */
  addOrder: string[] | null;
  /** Terms in JS order; `termIndices` (lunr's term index) and `documentFrequencies` follow it. */
  sortedTerms: string[];
  termIndices: Int32Array;
  documentFrequencies: Int32Array;
  /** Postings by (term in the order of `sortedTerms`, field). */
  flat: FlatPostings;
  /** Tokens per document and field (ordinal·fields + field). */
  fieldLengths: Float64Array;
  weightMode: WeightMode;
  /** Set when every weight is lunr's BM25 of tf, field length and idf (then `weightMode` is 'tf'). */
  tfModel: TfModel | null;
}

/** lunr's BM25 parameters, under which the weights are recomputed from tf (format/lunr-bm25.ts). */
export interface TfModel {
  k1: number;
  b: number;
  avgFieldLength: number[];
  fieldBoost: number[];
  /** By term, in the order of `sortedTerms`. */
  idf: Float64Array;
}

/** Sorts entries [begin, end) of `flat` by ordinal. */
export function sortSegment(flat: FlatPostings, begin: number, end: number): void {
  // `weights` is empty when only term frequencies are kept (index-documents.ts).
  const weighted = flat.weights.length > 0;
  const rows: [number, number, number][] = [];
  for (let i = begin; i < end; i++)
    rows.push([flat.ordinals[i]!, flat.termFrequencies[i]!, weighted ? flat.weights[i]! : 0]);
  rows.sort((x, y) => x[0] - y[0]);
  rows.forEach((row, i) => {
    flat.ordinals[begin + i] = row[0];
    flat.termFrequencies[begin + i] = row[1];
    if (weighted) flat.weights[begin + i] = row[2];
  });
}
