/**
 * The first matches of an all-optional query, found without scoring every match (MaxScore, after
 * Turtle and Flood): exact, the same documents, scores and order as scoring them all.
 *
 * A document's score is the sum over its term/field pairs of boost · weight / |queryVector| (each
 * field's dot product over its magnitude), so no document scores more than the sum of each pair's
 * bound, boost · (the pair's highest weight) / magnitude. Given a score θ that `wanted` documents
 * are known to reach, the pairs of lowest bounds whose bounds add up to less than θ cannot lift a
 * document to θ on their own: only the documents of the other pairs are candidates, each scored
 * exactly (its other pairs found by galloping through their documents) when its bound reaches θ.
 * Every document scored at θ or more is then ranked, and every other one ranks below them all.
 * θ comes from a sample: the documents of the pairs of highest bound (all of a short pair's, the
 * heaviest entries of a long one), scored exactly; the `wanted`-th best of those is reached by
 * `wanted` documents. When the bounds alone show that no θ leaves few candidates, nothing is
 * sampled (worthSampling), and a query whose candidates would be most of its postings is scored
 * whole by the caller: gathering a candidate costs several times scoring a posting.
 *
 * Exact scores are computed as PackEngine's full scoring computes them (same operations, same
 * order): a field's products added in ascending term index from 0, its score the dot product over
 * the magnitude (NaN as 0), and the document's score 0 plus its field scores in the order its field
 * refs were first met, the order of the first pair holding the document in that field. Ties rank
 * by the first pair holding the document, then by ordinal: the order lunr met the documents in.
 *
 * The count of matches is kept exact by a union of the pairs' documents in a bitmap (a bit per
 * document, reused), far cheaper than scoring them: "kernel module parameters" on the large pack
 * matches 245,862 passages through 268,698 postings, of which about 12,000 are candidates (2.4 ms
 * where scoring them all took 5.2; "kernel" alone, 1.4 where 4.5).
 */
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
}

/** The ranking's first entries: every document scoring at least the sample's threshold. */
export interface BoundedTop {
  /** In rank order. */
  ordinals: Int32Array;
  scores: Float64Array;
  /** Documents matched (any pair). */
  total: number;
}

/**
 * Relative margin on a bound: floating-point sums of a few dozen positive products are within
 * about 1e-14 of the exact sum, so a bound lifted by 1e-9 is never below a score it bounds.
 */
const SLACK = 1 + 1e-9;
/** Sampled postings per document wanted (the sample's threshold rises with its size). */
const SAMPLE_PER_WANTED = 2;
/** Candidates above this share of the postings: scoring them all costs about as much. */
const MAX_CANDIDATE_SHARE = 0.25;

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

/** Two bitmaps over the archive's documents, clear between uses. */
export class DocumentBits {
  readonly union: Int32Array;
  readonly candidates: Int32Array;

  constructor(documents: number) {
    this.union = new Int32Array((documents + 31) >>> 5);
    this.candidates = new Int32Array((documents + 31) >>> 5);
  }
}

/** What a pass scores documents with. */
interface Pairs {
  count: number;
  lists: Int32Array[];
  weights: Float64Array[];
  field: Int32Array;
  boost: Float64Array;
  bound: Float64Array;
  /** boost / magnitude: what an entry's weight is worth to a document's score. */
  scale: Float64Array;
  /** By field: the pairs of that field by ascending term index (the order of the dot product). */
  dotOrder: Int32Array[];
  magnitudes: Float64Array;
  /** Per pair: where the next seek starts, and the document's entry (−1: not held). */
  cursor: Int32Array;
  at: Int32Array;
}

/** Documents scored, in ordinal order. */
interface Scored {
  ordinals: number[];
  scores: number[];
  /** The first pair holding the document: with the ordinal, lunr's order among ties. */
  firstPairs: number[];
}

/**
 * The ranking's first entries (at least `wanted`), or null when bounds would not save work (then
 * every match is to be scored): a boost or magnitude not above 0, too few matches, or candidates
 * making up most of the postings.
 */
export function boundedTop(
  pairs: readonly ScoredPair[],
  magnitudes: Float64Array,
  fieldCount: number,
  wanted: number,
  bits: DocumentBits,
  sortBuffers: (n: number) => SortScratch,
): BoundedTop | null {
  const count = pairs.length;
  if (count === 0 || fieldCount > 30) return null;
  const p: Pairs = {
    count,
    lists: pairs.map((pair) => pair.ordinals),
    weights: pairs.map((pair) => pair.weights),
    field: new Int32Array(count),
    boost: new Float64Array(count),
    bound: new Float64Array(count),
    scale: new Float64Array(count),
    dotOrder: [],
    magnitudes,
    cursor: new Int32Array(count),
    at: new Int32Array(count),
  };
  let postings = 0;
  for (let i = 0; i < count; i++) {
    const { field, boost, weights } = pairs[i]!;
    const magnitude = magnitudes[field]!;
    if (!(boost > 0 && boost < Infinity && magnitude > 0 && magnitude < Infinity)) return null;
    p.field[i] = field;
    p.boost[i] = boost;
    p.scale[i] = boost / magnitude;
    p.bound[i] = (boost * highestWeight(weights)) / magnitude;
    postings += pairs[i]!.ordinals.length;
  }
  for (let field = 0; field < fieldCount; field++) {
    const ofField: number[] = [];
    for (let i = 0; i < count; i++) if (p.field[i] === field) ofField.push(i);
    ofField.sort((a, b) => pairs[a]!.termIndex - pairs[b]!.termIndex);
    p.dotOrder.push(Int32Array.from(ofField));
  }

  const byBound = Array.from({ length: count }, (_, i) => i).sort((a, b) => p.bound[a]! - p.bound[b]!);
  if (!worthSampling(p, byBound, postings, wanted)) return null;

  // The threshold: the wanted-th best of a sample, the heaviest entries of the pairs of highest bound.
  let sampled = 0;
  for (let j = count - 1; j >= 0 && sampled < wanted * SAMPLE_PER_WANTED; j--) {
    const i = byBound[j]!;
    sampled = markHeaviest(bits.candidates, p.lists[i]!, p.weights[i]!, sampled, wanted * SAMPLE_PER_WANTED);
  }
  const all = Int32Array.from(byBound);
  const sample: Scored = { ordinals: [], scores: [], firstPairs: [] };
  scoreMarked(bits.candidates, p, all, new Int32Array(0), 0, -Infinity, sample);
  if (sample.scores.length < wanted) return null;
  const threshold = Float64Array.from(sample.scores).sort()[sample.scores.length - wanted]!;
  if (!(threshold > 0)) return null;

  // The pairs whose bounds add up to less than the threshold: alone they cannot reach it.
  let rest = 0;
  let restBound = 0;
  while (rest < count && (restBound + p.bound[byBound[rest]!]!) * SLACK < threshold)
    restBound += p.bound[byBound[rest++]!]!;
  let candidatePostings = 0;
  for (let j = rest; j < count; j++) candidatePostings += p.lists[byBound[j]!]!.length;
  if (candidatePostings > postings * MAX_CANDIDATE_SHARE) return null;
  for (let j = rest; j < count; j++) markAll(bits.candidates, p.lists[byBound[j]!]!);
  const scored: Scored = { ordinals: [], scores: [], firstPairs: [] };
  scoreMarked(bits.candidates, p, all.subarray(rest), all.subarray(0, rest), restBound, threshold, scored);

  // How many documents match: the union of every pair's.
  for (let i = 0; i < count; i++) markAll(bits.union, p.lists[i]!);
  const total = countAndClear(bits.union);

  // Rank order: by first pair then ordinal (lunr's order, a counting sort of the ordinal-ordered
  // entries), then a stable sort by score.
  const n = scored.scores.length;
  const starts = new Int32Array(count + 1);
  for (let j = 0; j < n; j++) starts[scored.firstPairs[j]! + 1]!++;
  for (let i = 0; i < count; i++) starts[i + 1] = starts[i + 1]! + starts[i]!;
  const byOrder = new Int32Array(n);
  for (let j = 0; j < n; j++) byOrder[starts[scored.firstPairs[j]!]!++] = j;
  const scores = Float64Array.from(scored.scores);
  const ranked = sortByScoreDesc(byOrder, scores, sortBuffers(n));
  const top: BoundedTop = { ordinals: new Int32Array(n), scores: new Float64Array(n), total };
  for (let rank = 0; rank < n; rank++) {
    top.ordinals[rank] = scored.ordinals[ranked[rank]!]!;
    top.scores[rank] = scores[ranked[rank]!]!;
  }
  return top;
}

/**
 * Whether a sample's threshold may leave few enough candidates, told from the bounds alone. The
 * candidates are few only when the pairs of lowest bound holding most postings (all but
 * MAX_CANDIDATE_SHARE of them) add up to less than the threshold. But the pairs of highest bound
 * that hold fewer than `wanted` postings cannot hold `wanted` documents: one of the first `wanted`
 * scores no more than the other pairs' bounds added up, and neither does the threshold. A typo's
 * rare word among its common corrections is such a pair: the common word's documents make the
 * threshold, and its bound exceeds it.
 */
function worthSampling(p: Pairs, byBound: number[], postings: number, wanted: number): boolean {
  let lowBounds = 0;
  let lowPostings = 0;
  for (let j = 0; j < byBound.length && lowPostings < postings * (1 - MAX_CANDIDATE_SHARE); j++) {
    lowBounds += p.bound[byBound[j]!]!;
    lowPostings += p.lists[byBound[j]!]!.length;
  }
  let highest = 0;
  let above = 0;
  for (let j = byBound.length - 1; j >= 0 && above + p.lists[byBound[j]!]!.length < wanted; j--) {
    above += p.lists[byBound[j]!]!.length;
    highest += p.bound[byBound[j]!]!;
  }
  let all = 0;
  for (let i = 0; i < p.count; i++) all += p.bound[i]!;
  return all - highest > lowBounds * SLACK;
}

/*
 * The loops below are functions of their own that return a number, so V8 compiles each on its own
 * while it runs (query-scratch.ts says why).
 */

/**
 * Marks the documents of `list`, all of them when they fit in `limit` (with the `marked` before),
 * else those of at least half its highest weight until `limit` are marked; returns the count.
 */
function markHeaviest(
  bits: Int32Array,
  list: Int32Array,
  weights: Float64Array,
  marked: number,
  limit: number,
): number {
  if (marked + list.length <= limit) return marked + markAll(bits, list);
  const half = highestWeight(weights) / 2;
  let n = marked;
  for (let i = 0; i < list.length && n < limit; i++) {
    if (!(weights[i]! >= half)) continue;
    const d = list[i]!;
    bits[d >>> 5] = bits[d >>> 5]! | (1 << (d & 31));
    n++;
  }
  return n;
}

/** Marks every document of `list`; returns how many entries. */
function markAll(bits: Int32Array, list: Int32Array): number {
  for (let i = 0; i < list.length; i++) {
    const d = list[i]!;
    bits[d >>> 5] = bits[d >>> 5]! | (1 << (d & 31));
  }
  return list.length;
}

/** How many bits are set in `bits`, which are cleared. */
function countAndClear(bits: Int32Array): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) {
    let v = bits[w]!;
    if (v === 0) continue;
    bits[w] = 0;
    v = v - ((v >>> 1) & 0x55555555);
    v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
    n += (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

/** The first index from `from` on whose ordinal is at least `target` (ascending `list`; galloping). */
function seek(list: Int32Array, from: number, target: number): number {
  const n = list.length;
  if (from >= n || list[from]! >= target) return from;
  let lo = from;
  let step = 1;
  let hi = from + 1;
  while (hi < n && list[hi]! < target) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  if (hi > n) hi = n;
  lo++;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (list[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Finds each pair of `lead` holding `d` (p.at); returns what they add to its score (a bound of it:
 * each entry's share of the score, added in no particular order).
 */
function locate(p: Pairs, lead: Int32Array, d: number): number {
  let sum = 0;
  for (let j = 0; j < lead.length; j++) {
    const i = lead[j]!;
    const list = p.lists[i]!;
    const c = seek(list, p.cursor[i]!, d);
    p.cursor[i] = c;
    if (c < list.length && list[c] === d) {
      p.at[i] = c;
      sum += p.scale[i]! * p.weights[i]![c]!;
    } else p.at[i] = -1;
  }
  return sum;
}

/**
 * Finds `d` in the pairs of `rest` (ascending bounds, `restBound` their sum), those of highest bound
 * first, while `partial` (what the document has so far) and the bounds of the pairs left can still
 * reach `threshold`. Returns whether they can: then every pair of `rest` has been looked at.
 */
function reaches(
  p: Pairs,
  rest: Int32Array,
  d: number,
  partial: number,
  restBound: number,
  threshold: number,
): boolean {
  let sum = partial;
  let left = restBound;
  for (let j = rest.length - 1; j >= 0; j--) {
    if ((sum + left) * SLACK < threshold) return false;
    const i = rest[j]!;
    left -= p.bound[i]!;
    const list = p.lists[i]!;
    const c = seek(list, p.cursor[i]!, d);
    p.cursor[i] = c;
    if (c < list.length && list[c] === d) {
      p.at[i] = c;
      sum += p.scale[i]! * p.weights[i]![c]!;
    } else p.at[i] = -1;
  }
  return !(sum * SLACK < threshold);
}

/** The exact score of the document whose entries p.at holds, as the full scoring adds it up. */
function exactScore(p: Pairs): number {
  let score = 0;
  let seen = 0;
  for (let i = 0; i < p.count; i++) {
    if (p.at[i]! < 0) continue;
    const field = p.field[i]!;
    if (seen & (1 << field)) continue;
    seen |= 1 << field;
    const order = p.dotOrder[field]!;
    let dot = 0;
    for (let j = 0; j < order.length; j++) {
      const h = order[j]!;
      const at = p.at[h]!;
      if (at >= 0) dot = dot + p.boost[h]! * p.weights[h]![at]!;
    }
    score = score + (dot / p.magnitudes[field]! || 0);
  }
  return score;
}

/** The first pair holding the document whose entries p.at holds. */
function firstPair(p: Pairs): number {
  for (let i = 0; i < p.count; i++) if (p.at[i]! >= 0) return i;
  return p.count;
}

/**
 * Scores the documents marked in `bits` (clearing them), in ordinal order: each is found in the
 * pairs of `lead`, then in those of `rest` while it can still reach `threshold`, and scored if it
 * can; those scoring at least `threshold` go to `out`. Returns how many were scored.
 */
function scoreMarked(
  bits: Int32Array,
  p: Pairs,
  lead: Int32Array,
  rest: Int32Array,
  restBound: number,
  threshold: number,
  out: Scored,
): number {
  p.cursor.fill(0);
  p.at.fill(-1);
  let scored = 0;
  for (let w = 0; w < bits.length; w++) {
    let word = bits[w]!;
    if (word === 0) continue;
    bits[w] = 0;
    while (word !== 0) {
      const low = word & -word;
      const d = w * 32 + 31 - Math.clz32(low);
      word ^= low;
      if (!reaches(p, rest, d, locate(p, lead, d), restBound, threshold)) continue;
      const score = exactScore(p);
      scored++;
      if (score >= threshold) {
        out.ordinals.push(d);
        out.scores.push(score);
        out.firstPairs.push(firstPair(p));
      }
    }
  }
  return scored;
}
