/**
 * The arrays PackEngine#query works in. Field refs (a document's field: field·documents + ordinal) and
 * documents are kept in sparse sets: a list of members in the order met, and a slot per possible
 * member that is trusted only when the list holds that member at that slot. Nothing is cleared
 * between queries, and what grows with the query (members, dot products, scores) is sized by what
 * the query meets, not by the archive: per document the scratch holds only the slots, 4 bytes per
 * field, the document's sharing the first field's (23 MB for 1.2 million passages when the document
 * had 4 bytes of its own, against 125 MB when every array was sized by documents). The field slots
 * are field-major, so a posting's documents (ascending, one field) are adjacent slots: a common
 * word's first query touches the pages of the fields it is in, about a quarter of them on the large
 * pack, where document-major slots took fresh pages across all 17 MB (4 ms).
 */
import { grown } from '../grown-array';
import { SortScratch } from './sort-by-score';

/** Members a sparse list starts with room for. */
const INITIAL = 1 << 14;
/** Stamps stay below this (an Int32Array's largest value); past it they start again from their floor. */
const STAMP_LIMIT = 0x7fffffff;

export class QueryScratch {
  /** By field ref: its slot in `fieldRefs` (valid when fieldRefs[slot] is that field ref). */
  readonly fieldSlots: Int32Array;
  /** The field refs of matchingFields, in the order met (lunr's `Object.keys(matchingFields)`). */
  fieldRefs: Int32Array = new Int32Array(INITIAL);
  /** By field slot: queryVector · fieldVector, summed as the query's terms are met. */
  dotProducts: Float64Array = new Float64Array(INITIAL);
  fieldCount = 0;
  /** The archive's documents: field ref = field · documentTotal + ordinal. */
  private readonly documentTotal: number;
  /** By document: its slot in `documents` (valid when documents[slot] is that document). */
  readonly documentSlots: Int32Array;
  /** Matched documents in the order first matched (lunr's `results` before sorting). */
  documents: Int32Array = new Int32Array(INITIAL);
  /** By document slot: its score, the sum of its field scores. */
  scores: Float64Array = new Float64Array(INITIAL);
  documentCount = 0;
  private sortScratch: SortScratch | null = null;
  /** countDocuments' stamps are above this, the most slots either set can hold… */
  private readonly stampFloor: number;
  /** …and this is the last one it put in document slots. */
  private stamp: number;

  constructor(documents: number, fields: number) {
    this.documentTotal = documents;
    this.fieldSlots = new Int32Array(documents * fields);
    // The document slots are the first field's: a query is done with its field slots (its field
    // refs are all added, their dot products summed) before it adds its first document, and until the
    // next reset adds no field ref. A slot, of either set, that the other overwrote is only ever
    // trusted when its list holds that member there, so sharing costs no query anything and saves
    // 4 bytes per document (1.6 MB of a server's memory on the large pack).
    this.documentSlots = fields > 0 ? this.fieldSlots.subarray(0, documents) : new Int32Array(documents);
    this.stampFloor = Math.max(this.fieldSlots.length, documents);
    this.stamp = this.stampFloor;
  }

  /** Starts a query: both sets empty. */
  reset(): void {
    this.fieldCount = 0;
    this.documentCount = 0;
  }

  /**
   * Adds the field refs field·documents + ordinal of `ordinals` to matchingFields, in order, each once.
   * Room for all of them is made first (a common word's 240,000 would otherwise be copied through
   * every doubling from INITIAL), so the loop (addNewRefs) has no path it meets only late.
   */
  addFieldRefs(ordinals: Int32Array, field: number): void {
    const needed = Math.min(this.fieldCount + ordinals.length, this.fieldSlots.length);
    if (needed > this.fieldRefs.length)
      this.fieldRefs = grown(
        this.fieldRefs,
        Math.max(needed, Math.min(2 * this.fieldRefs.length, this.fieldSlots.length)),
      );
    this.fieldCount = addNewRefs(
      this.fieldSlots,
      this.fieldRefs,
      this.fieldCount,
      ordinals,
      field * this.documentTotal,
    );
  }

  /** Dot products for every field ref added, all 0. */
  zeroDotProducts(): Float64Array {
    if (this.dotProducts.length < this.fieldCount) this.dotProducts = new Float64Array(this.fieldCount);
    else this.dotProducts.fill(0, 0, this.fieldCount);
    return this.dotProducts;
  }

  /**
   * Document scores: the field scores (dotProducts[slot] / magnitudes[field]) added to their
   * document's, in matchingFields order, for the documents in `required` (null: all) and not in
   * `prohibited` (null: none), bitmaps by document. Bitmaps, not a test function: a closure made
   * per query is a new call target each time, which threw away the compiled loop.
   */
  sumScores(magnitudes: Float64Array, required: Uint8Array | null, prohibited: Uint8Array | null): void {
    // There are at most as many documents as field refs: room for them all at once, not by doubling.
    if (this.documents.length < this.documentCount + this.fieldCount)
      this.growDocuments(this.documentCount + this.fieldCount);
    this.documentCount = addFieldScores(
      this.fieldRefs,
      this.fieldCount,
      this.dotProducts,
      this.documentTotal,
      magnitudes,
      required,
      prohibited,
      this.documentSlots,
      this.documents,
      this.scores,
      this.documentCount,
    );
  }

  /** Adds document `ordinal` with score 0 (a negated query's). */
  addDocument(ordinal: number): void {
    if (this.documentCount === this.documents.length) this.growDocuments(this.documentCount * 2);
    this.documentSlots[ordinal] = this.documentCount;
    this.documents[this.documentCount] = ordinal;
    this.scores[this.documentCount++] = 0;
  }

  /** Room for `size` documents and their scores, the ones held kept. */
  private growDocuments(size: number): void {
    this.documents = grown(this.documents, size);
    this.scores = grown(this.scores, size);
  }

  /**
   * The documents matched and their scores, for the query's matches to keep. A large result is
   * handed over as it is (the scratch starts afresh, small): copying 240,000 documents and scores
   * for the matches, while the scratch kept arrays of that size for every later query, was 3 MB of
   * fresh memory for the first query of a common word and as much held afterwards. A small one is
   * copied, so typing does not allocate a scratch per keystroke.
   */
  takeDocuments(): { documents: Int32Array; scores: Float64Array } {
    const n = this.documentCount;
    if (n <= INITIAL) return { documents: this.documents.slice(0, n), scores: this.scores.slice(0, n) };
    const taken = { documents: this.documents.subarray(0, n), scores: this.scores.subarray(0, n) };
    this.documents = new Int32Array(INITIAL);
    this.scores = new Float64Array(INITIAL);
    this.documentCount = 0;
    return taken;
  }

  /**
   * How many distinct documents `lists` (ascending ordinals each) hold together: the count of a
   * query's matches when bounds left most of them unscored (bounded-top.ts). Each document met is
   * marked in its document slot with a stamp of this count's own, a value no slot of either set
   * ever holds (at least the number of field slots, so `slot < count` rejects it), so nothing is
   * cleared before and nothing trusted is left behind. Counted as field refs of one field
   * (addFieldRefs), the large pack's "kernel" spent 8 ms on its 243,791 documents, growing a list of
   * refs it then dropped.
   */
  countDocuments(lists: readonly Int32Array[]): number {
    if (this.stamp >= STAMP_LIMIT) {
      this.stamp = this.stampFloor;
      this.documentSlots.fill(0);
    }
    const stamp = ++this.stamp;
    let count = 0;
    for (const ordinals of lists) count = markNew(this.documentSlots, ordinals, stamp, count);
    // The sets' lists are as the last query left them; their slots, some now stamped, are trusted
    // only where a list holds them.
    return count;
  }

  /** Sort buffers for at least `n` keys, kept for later queries. */
  sortBuffers(n: number): SortScratch {
    if (!this.sortScratch || this.sortScratch.capacity < n) this.sortScratch = new SortScratch(Math.max(n, INITIAL));
    return this.sortScratch;
  }
}

/*
 * The loops below run over every posting of a query, often in a fresh process before V8 has
 * compiled anything: each is a small function of arrays and numbers, so V8 compiles it in about a
 * millisecond while it runs, and returns a number, so nothing after the loop needs what V8 has not
 * seen yet (a compiled loop that meets such a statement is thrown away: QueryScratch's fields were
 * written after the loop, and the first grow of `refs` came after the compile).
 */

/** addFieldRefs' loop: `refs` has room for every ref of `ordinals`; returns the new count. */
function addNewRefs(
  slots: Int32Array,
  refs: Int32Array,
  count: number,
  ordinals: Int32Array,
  /** field · documents: the field's first ref. */
  base: number,
): number {
  for (let i = 0; i < ordinals.length; i++) {
    const fieldRef = base + ordinals[i]!;
    const slot = slots[fieldRef]!;
    if (slot < count && refs[slot] === fieldRef) continue;
    slots[fieldRef] = count;
    refs[count++] = fieldRef;
  }
  return count;
}

/** countDocuments' loop: stamps each document of `ordinals` not stamped yet; returns the new count. */
function markNew(slots: Int32Array, ordinals: Int32Array, stamp: number, count: number): number {
  for (let i = 0; i < ordinals.length; i++) {
    const ordinal = ordinals[i]!;
    if (slots[ordinal] === stamp) continue;
    slots[ordinal] = stamp;
    count++;
  }
  return count;
}

/**
 * sumScores' loop: adds each field's score to its document's, the document joining `documents`
 * (with score 0, then the field's added: 0 + score is score, which is never −0) when it is new.
 * Returns the new document count.
 */
function addFieldScores(
  fieldRefs: Int32Array,
  fieldCount: number,
  dotProducts: Float64Array,
  documentTotal: number,
  magnitudes: Float64Array,
  required: Uint8Array | null,
  prohibited: Uint8Array | null,
  slots: Int32Array,
  documents: Int32Array,
  scores: Float64Array,
  documentCount: number,
): number {
  let count = documentCount;
  for (let f = 0; f < fieldCount; f++) {
    const fieldRef = fieldRefs[f]!;
    const field = (fieldRef / documentTotal) | 0;
    const ordinal = fieldRef - field * documentTotal;
    if ((required !== null && required[ordinal] === 0) || (prohibited !== null && prohibited[ordinal] !== 0)) continue;
    const score = dotProducts[f]! / magnitudes[field]! || 0;
    let slot = slots[ordinal]!;
    if (!(slot < count && documents[slot] === ordinal)) {
      slot = count++;
      slots[ordinal] = slot;
      documents[slot] = ordinal;
      scores[slot] = 0;
    }
    scores[slot] = scores[slot]! + score;
  }
  return count;
}
