/**
 * The arrays PackEngine#query works in, sized by documents and field refs (a document's field:
 * ordinal·fields + field). Allocated at the first query and reused, so a query makes little garbage
 * (about 8 MB for 90,000 passages). Nothing is cleared between queries: an entry counts only when its
 * stamp is the current query's epoch.
 */
import { SortScratch } from './sort-by-score';

export class QueryScratch {
  /** The current query's stamp. */
  epoch = 0;
  /** By field ref: the epoch of the last query whose matchingFields held it. */
  readonly matchingFieldEpochs: Int32Array;
  /** By field ref: queryVector · fieldVector, summed as the query's terms are met. */
  readonly dotProducts: Float64Array;
  /** The field refs of matchingFields, in the order met (lunr's `Object.keys(matchingFields)`). */
  readonly matchingFieldRefs: Int32Array;
  /** By document: the epoch of the last query that gave it a match. */
  readonly matchEpochs: Int32Array;
  /** By document: its score, the sum of its field scores. */
  readonly documentScores: Float64Array;
  /** Matched documents in the order first matched (lunr's `results` before sorting). */
  readonly results: Int32Array;
  readonly sortScratch: SortScratch;

  constructor(documentCount: number, fieldCount: number) {
    this.matchingFieldEpochs = new Int32Array(documentCount * fieldCount);
    this.dotProducts = new Float64Array(documentCount * fieldCount);
    this.matchingFieldRefs = new Int32Array(documentCount * fieldCount);
    this.matchEpochs = new Int32Array(documentCount);
    this.documentScores = new Float64Array(documentCount);
    this.results = new Int32Array(documentCount);
    this.sortScratch = new SortScratch(documentCount);
  }

  /** Whether the epoch stamps are nearly used up (the scratch is then made afresh). */
  get exhausted(): boolean {
    return this.epoch >= 0x7ffffff0;
  }
}
