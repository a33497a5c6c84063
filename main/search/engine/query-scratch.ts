/**
 * The arrays PackEngine#query works in. Field refs (a document's field: ordinal·fields + field) and
 * documents are kept in sparse sets: a list of members in the order met, and a slot per possible
 * member that is trusted only when the list holds that member at that slot. Nothing is cleared
 * between queries, and what grows with the query (members, dot products, scores) is sized by what
 * the query meets, not by the archive: per document the scratch holds only the slots, 4 bytes per
 * field and 4 for the document (23 MB for 1.2 million passages, against 125 MB when every array was
 * sized by documents).
 */
import { SortScratch } from './sort-by-score';

/** Members a sparse list starts with room for. */
const INITIAL = 1 << 14;

function grownInt(a: Int32Array, size: number): Int32Array {
  const b = new Int32Array(size);
  b.set(a);
  return b;
}

function grownFloat(a: Float64Array, size: number): Float64Array {
  const b = new Float64Array(size);
  b.set(a);
  return b;
}

export class QueryScratch {
  /** By field ref: its slot in `fieldRefs` (valid when fieldRefs[slot] is that field ref). */
  private readonly fieldSlots: Int32Array;
  /** The field refs of matchingFields, in the order met (lunr's `Object.keys(matchingFields)`). */
  fieldRefs: Int32Array = new Int32Array(INITIAL);
  /** By field slot: queryVector · fieldVector, summed as the query's terms are met. */
  dotProducts: Float64Array = new Float64Array(INITIAL);
  fieldCount = 0;
  /** By document: its slot in `documents` (valid when documents[slot] is that document). */
  private readonly documentSlots: Int32Array;
  /** Matched documents in the order first matched (lunr's `results` before sorting). */
  documents: Int32Array = new Int32Array(INITIAL);
  /** By document slot: its score, the sum of its field scores. */
  scores: Float64Array = new Float64Array(INITIAL);
  documentCount = 0;
  private sortScratch: SortScratch | null = null;

  constructor(documents: number, fields: number) {
    this.fieldSlots = new Int32Array(documents * fields);
    this.documentSlots = new Int32Array(documents);
  }

  /** Starts a query: both sets empty. */
  reset(): void {
    this.fieldCount = 0;
    this.documentCount = 0;
  }

  /** Adds `fieldRef` to matchingFields (with a zero dot product) unless it is there. */
  addFieldRef(fieldRef: number): void {
    const slot = this.fieldSlots[fieldRef]!;
    if (slot < this.fieldCount && this.fieldRefs[slot] === fieldRef) return;
    if (this.fieldCount === this.fieldRefs.length) {
      this.fieldRefs = grownInt(this.fieldRefs, this.fieldCount * 2);
      this.dotProducts = grownFloat(this.dotProducts, this.fieldCount * 2);
    }
    this.fieldSlots[fieldRef] = this.fieldCount;
    this.fieldRefs[this.fieldCount] = fieldRef;
    this.dotProducts[this.fieldCount++] = 0;
  }

  /** The slot of a field ref added by this query. */
  fieldSlot(fieldRef: number): number {
    return this.fieldSlots[fieldRef]!;
  }

  /** Adds `score` to document `ordinal`'s, which starts at 0 when first met. */
  addScore(ordinal: number, score: number): void {
    const slot = this.documentSlots[ordinal]!;
    if (slot < this.documentCount && this.documents[slot] === ordinal) {
      this.scores[slot] = this.scores[slot]! + score;
      return;
    }
    if (this.documentCount === this.documents.length) {
      this.documents = grownInt(this.documents, this.documentCount * 2);
      this.scores = grownFloat(this.scores, this.documentCount * 2);
    }
    this.documentSlots[ordinal] = this.documentCount;
    this.documents[this.documentCount] = ordinal;
    this.scores[this.documentCount++] = score;
  }

  /** Sort buffers for at least `n` keys, kept for later queries. */
  sortBuffers(n: number): SortScratch {
    if (!this.sortScratch || this.sortScratch.capacity < n) this.sortScratch = new SortScratch(Math.max(n, INITIAL));
    return this.sortScratch;
  }
}
