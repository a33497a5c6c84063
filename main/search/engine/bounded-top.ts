/**
 * The first matches of an all-optional query, found without scoring every match (after MaxScore,
 * Turtle and Flood): exact, the same documents, scores and order as scoring them all.
 *
 * A document's score is the sum over its term/field pairs of boost · weight / |queryVector| (each
 * field's dot product over its magnitude), never more than what its pairs add plus the bounds,
 * boost · (highest weight) / magnitude, of those it may be in. A common word's pairs hold most of
 * the postings and bound little ("kernel" in a title, in 243,738 of the large pack's passages, adds
 * at most 0.8 where the page's last scores 9): the pairs of most postings are set aside (all but
 * BULK_SHARE of the postings), the others scored as PackEngine scores every match (the same
 * compiled loops), and the `wanted`-th best of those partial scores is reached by `wanted` documents.
 * Only the documents whose partial score plus the set-aside pairs' bounds reach it can rank among
 * those: each is looked up in the set-aside pairs, and one found in none has its partial score as
 * its score, bit for bit (the same additions in the same order); one found in some is scored
 * again, looked up in every pair, with the same operations in the same order as the full scoring:
 * a field's products added in ascending term index from 0, its score the dot product over the
 * magnitude (NaN as 0), the document's score 0 plus its field scores in the order its field refs
 * were first met (the order of the first pair holding the document in each field). Ties rank by
 * the first pair holding the document, then by ordinal: the order lunr met the documents in.
 *
 * What is left to code V8 has seen little of is a few hundred lookups: a bounded query comes once
 * in a while, and ran its own loops uncompiled (a first "kernel module parameters" took 26 ms in
 * them, against 12 for scoring every match). The count of matches stays exact: the union of every
 * pair's documents, each stamped once in its document slot (QueryScratch#countDocuments).
 */
import { indexOfOrdinal } from './lazy-matches';
import type { QueryScratch } from './query-scratch';
import { kthLargestBelow, positionsFrom } from './ranked-matches';
import { sortByScoreDesc, type SortScratch } from './sort-by-score';

/** One term's documents in one field, in the order the query met the term/field pairs. */
export interface ScoredPair {
  field: number;
  /** Ascending document ordinals. */
  ordinals: Int32Array;
  /** lunr's weight for each document of `ordinals`. */
  weights: Float64Array;
  /** The query vector's element in this field: the summed boosts of the clauses naming the term. */
  boost: number;
  /** lunr's term index (the dimension of the term in lunr's vectors). */
  termIndex: number;
  /** No weight of `weights` is above this, when known without reading them (else they are read). */
  highestWeight?: number;
}

/** The ranking's first entries: every document scoring at least a threshold `wanted` of them reach. */
export interface BoundedTop {
  /** In rank order. */
  ordinals: Int32Array;
  scores: Float64Array;
  /** Documents matched (any pair). */
  total: number;
}

/** PackEngine's scoring, over some of the query's pairs. */
export interface PairScorer {
  /** How many documents the pairs hold together (their union's size). */
  union(): number;
  /** Every document of the pairs not `aside`, scored by those pairs (the full scoring's loops). */
  partial(aside: Uint8Array): QueryScratch;
}

/**
 * Relative margin on a bound: floating-point sums of a few dozen positive products are within
 * about 1e-14 of the exact sum, so a margin of 1e-9 never leaves out a document that belongs.
 */
const MARGIN = 1e-9;
/** Postings scored: the pairs of most postings are set aside until the others hold at most this share. */
const BULK_SHARE = 0.25;
/** Documents looked up in the set-aside pairs, per document wanted: past that, every match is scored. */
const LOOKUPS_PER_WANTED = 4;

/** The highest weight of each weights array met (postings are cached: so are their bounds). */
const highestWeights = new WeakMap<Float64Array, number>();

function highestWeight(weights: Float64Array): number {
  let highest = highestWeights.get(weights);
  if (highest === undefined) {
    highest = maxOf(weights);
    highestWeights.set(weights, highest);
  }
  return highest;
}

/** The largest of `values` (NaN left aside), 0 when none is above 0. */
function maxOf(values: Float64Array): number {
  let max = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

/**
 * The ranking's first entries (at least `wanted`), or null when bounds would not save work (then
 * every match is to be scored): a boost or magnitude not above 0, no pair to set aside, too few
 * matches, or set-aside pairs that bound too much.
 */
export function boundedTop(
  pairs: readonly ScoredPair[],
  magnitudes: Float64Array,
  fieldCount: number,
  wanted: number,
  scorer: PairScorer,
  sortBuffers: (n: number) => SortScratch,
): BoundedTop | null {
  const count = pairs.length;
  if (count === 0 || fieldCount > 30) return null;
  let postings = 0;
  for (const { field, boost, ordinals } of pairs) {
    const magnitude = magnitudes[field]!;
    if (!(boost > 0 && boost < Infinity && magnitude > 0 && magnitude < Infinity)) return null;
    postings += ordinals.length;
  }
  // The pairs of most postings, set aside until the others hold at most BULK_SHARE of them.
  const bySize = Array.from({ length: count }, (_, i) => i).sort(
    (a, b) => pairs[b]!.ordinals.length - pairs[a]!.ordinals.length,
  );
  const aside = new Uint8Array(count);
  let scored = postings;
  let asideBound = 0;
  for (let j = 0; j < count && scored > postings * BULK_SHARE; j++) {
    const { ordinals, weights, boost, field } = pairs[bySize[j]!]!;
    aside[bySize[j]!] = 1;
    scored -= ordinals.length;
    asideBound += (boost * (pairs[bySize[j]!]!.highestWeight ?? highestWeight(weights))) / magnitudes[field]!;
  }
  if (scored === 0) return null;

  const partial = scorer.partial(aside);
  const n = partial.documentCount;
  const documents = partial.documents.subarray(0, n);
  const scores = partial.scores.subarray(0, n);
  const threshold = kthLargestBelow(scores, Infinity, wanted);
  if (!(threshold > asideBound * (1 + MARGIN))) return null;
  // Partial scores from which a document may still reach the threshold: listed and counted in
  // one pass (a fresh process runs it before V8 compiles it), more than can be looked up not kept.
  const from = threshold * (1 - MARGIN) - asideBound * (1 + MARGIN);
  const room = new Int32Array(wanted * LOOKUPS_PER_WANTED);
  const candidates = positionsFrom(scores, from, Infinity, room);
  if (candidates > room.length) return null;
  const positions = room.subarray(0, candidates);

  // Each candidate's score and its first pair; those reaching the threshold are kept.
  const lookup = new Lookup(pairs, magnitudes);
  const keys: number[] = [];
  const documentCount = partial.documentSlots.length;
  for (let j = 0; j < positions.length; j++) {
    const p = positions[j]!;
    const d = documents[p]!;
    let score = scores[p]!;
    let first: number;
    if (lookup.inAny(d, aside)) {
      lookup.find(d);
      score = lookup.score();
      first = lookup.first();
    } else first = lookup.firstOf(d);
    if (!(score >= threshold)) continue;
    scores[p] = score;
    keys.push(first * documentCount + d);
  }

  // Rank order: lunr's order (by first pair, then ordinal), then a stable sort by score.
  const byKey = Float64Array.from(keys).sort();
  const inOrder = new Int32Array(byKey.length);
  for (let j = 0; j < byKey.length; j++) inOrder[j] = partial.documentSlots[byKey[j]! % documentCount]!;
  const ranked = sortByScoreDesc(inOrder, scores, sortBuffers(inOrder.length));
  const topOrdinals = new Int32Array(ranked.length);
  const topScores = new Float64Array(ranked.length);
  for (let rank = 0; rank < ranked.length; rank++) {
    topOrdinals[rank] = documents[ranked[rank]!]!;
    topScores[rank] = scores[ranked[rank]!]!;
  }
  // Last: the union stamps the document slots the partial scores' documents are found through.
  return { ordinals: topOrdinals, scores: topScores, total: scorer.union() };
}

/** Looks a document up in the query's pairs, and scores it as the full scoring does. */
class Lookup {
  /** Per pair: the document's entry, −1 when the pair lacks it. */
  private readonly at: Int32Array;
  /** By field: the pairs of that field by ascending term index (the order of the dot product). */
  private readonly dotOrder: Int32Array[] = [];

  constructor(
    private readonly pairs: readonly ScoredPair[],
    private readonly magnitudes: Float64Array,
  ) {
    this.at = new Int32Array(pairs.length);
    const fields = new Map<number, number[]>();
    pairs.forEach((pair, i) => {
      const ofField = fields.get(pair.field);
      if (ofField) ofField.push(i);
      else fields.set(pair.field, [i]);
    });
    for (const [field, ofField] of fields)
      this.dotOrder[field] = Int32Array.from(ofField.sort((a, b) => pairs[a]!.termIndex - pairs[b]!.termIndex));
  }

  /** Whether a pair marked in `which` holds `d`. */
  inAny(d: number, which: Uint8Array): boolean {
    for (let i = 0; i < this.pairs.length; i++)
      if (which[i] && indexOfOrdinal(this.pairs[i]!.ordinals, d) >= 0) return true;
    return false;
  }

  /** The first pair holding `d` (the pairs' count when none does). */
  firstOf(d: number): number {
    for (let i = 0; i < this.pairs.length; i++) if (indexOfOrdinal(this.pairs[i]!.ordinals, d) >= 0) return i;
    return this.pairs.length;
  }

  /** Finds `d` in every pair (for score and first). */
  find(d: number): void {
    for (let i = 0; i < this.pairs.length; i++) this.at[i] = indexOfOrdinal(this.pairs[i]!.ordinals, d);
  }

  /** The first pair holding the document found. */
  first(): number {
    for (let i = 0; i < this.at.length; i++) if (this.at[i]! >= 0) return i;
    return this.at.length;
  }

  /** The score of the document found, as the full scoring adds it up. */
  score(): number {
    let score = 0;
    let seen = 0;
    for (let i = 0; i < this.at.length; i++) {
      if (this.at[i]! < 0) continue;
      const field = this.pairs[i]!.field;
      if (seen & (1 << field)) continue;
      seen |= 1 << field;
      const order = this.dotOrder[field]!;
      let dot = 0;
      for (let j = 0; j < order.length; j++) {
        const h = order[j]!;
        const at = this.at[h]!;
        if (at >= 0) dot = dot + this.pairs[h]!.boost * this.pairs[h]!.weights[at]!;
      }
      score = score + (dot / this.magnitudes[field]! || 0);
    }
    return score;
  }
}
