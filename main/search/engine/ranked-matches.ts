/**
 * RankedMatches (types.ts) two ways:
 * - PackMatches: PackEngine's, over typed arrays (documents in the order lunr met them, and their
 *   scores), sorted only as far as the ranking reads. A typo or a prefix can match most of an
 *   archive; a page needs the first hundred or so. Each step takes the best few (a bounded heap
 *   gives the threshold), sorts those stably, and leaves the rest unsorted for a later step; every
 *   document left is scored strictly below every document taken, so the ranks are those of one full
 *   stable sort (sort-by-score.ts): lunr's order, ties included. What is left is never listed: it is
 *   every document scored below the last threshold, found by a pass over the scores themselves (a
 *   list of the 245,000 positions of "kernel module parameters" on the large pack, written whole at
 *   the start and again at each step, then read through for each score, was 1–2 ms of the query).
 * - ListedMatches: a plain array already in rank order (the in-memory reference engine, filtered
 *   lists).
 */
import type { EngineMatch, RankedMatches, SearchField, TermGroup } from '../types';
import { grown } from '../grown-array';
import { LazyMatch, type MatchData } from './lazy-matches';
import { sortByScoreDesc, type SortScratch } from './sort-by-score';

/**
 * The first step sorts at least this many; each later one GROWTH times what has been read. Each
 * step passes over every match left (a threshold, then a split): a query of several common words
 * whose ranking walks 1,300 of 41,000 matches took five steps at twice, three at four times.
 */
const FIRST_STEP = 128;
const GROWTH = 4;
/**
 * Room a step makes for the positions it takes, per position asked and at least: a threshold
 * takes about 1.25 times as many (a sample's) or as many (the exact one), more only when many tie.
 */
const ROOM_PER_COUNT = 4;
const MIN_ROOM = 1024;
/** Room for the matches `holding` keeps before it counts them (those of a phrase of common words are more). */
const HOLDING_ROOM = 16_384;

/** Whether `fields` (a match's fields for a term) meet `wanted` (any field when undefined). */
function inFields(fields: readonly SearchField[], wanted: readonly SearchField[] | undefined): boolean {
  return !wanted || fields.some((f) => wanted.includes(f));
}

/** An array of matches, in rank order. */
export class ListedMatches implements RankedMatches {
  constructor(private readonly list: readonly EngineMatch[]) {}

  get length(): number {
    return this.list.length;
  }

  at(i: number): EngineMatch {
    const match = this.list[i];
    if (!match) throw new RangeError(`no match at rank ${i}`);
    return match;
  }

  holding(groups: readonly TermGroup[]): RankedMatches {
    return this.filter((m) =>
      groups.every((g) =>
        g.terms.some((term) => {
          const fields = m.matched.get(term);
          return fields !== undefined && inFields(fields, g.fields);
        }),
      ),
    );
  }

  filter(keep: (match: EngineMatch) => boolean): RankedMatches {
    return new ListedMatches(this.list.filter(keep));
  }
}

/** PackEngine's matches (see the module doc). */
export class PackMatches implements RankedMatches {
  /**
   * Positions (indices into `ordinals`) in rank order, the first `sortedCount` of them final; room
   * for those sorted so far (a page reads the first hundred or so of hundreds of thousands).
   */
  private order: Int32Array;
  private sortedCount = 0;
  /** The positions not yet sorted are those scored below this (all of them at first). */
  private below = Infinity;
  private readonly made: (LazyMatch | undefined)[] = [];

  /**
   * `ordinals[p]` is the p-th document lunr met and `scores[p]` its score; both are owned by this
   * object from here on.
   */
  constructor(
    private readonly ordinals: Int32Array,
    private readonly scores: Float64Array,
    private readonly matchData: MatchData,
    private readonly documentCount: number,
    private readonly sortScratch: (n: number) => SortScratch,
  ) {
    this.order = new Int32Array(Math.min(ordinals.length, 2 * FIRST_STEP));
  }

  get length(): number {
    return this.ordinals.length;
  }

  at(i: number): EngineMatch {
    if (!(i >= 0 && i < this.ordinals.length)) throw new RangeError(`no match at rank ${i}`);
    while (i >= this.sortedCount) this.sortMore(Math.max(FIRST_STEP, GROWTH * (i + 1)) - this.sortedCount);
    let match = this.made[i];
    if (!match) {
      const p = this.order[i]!;
      match = new LazyMatch(this.scores[p]!, this.ordinals[p]!, this.matchData);
      this.made[i] = match;
    }
    return match;
  }

  /**
   * Moves at least `count` of the best pending positions, in rank order, to the end of `order`.
   * Positions scored at or above a threshold go (ties included), in ascending position, the others
   * stay; those taken are about `count`, unless many tie at the threshold. They are listed and
   * counted in one pass over the scores, which also tells whether a sample's threshold took enough:
   * counting them first, to size the list, and once more to check the sample's threshold, made
   * three passes where one does, each a loop over tens of thousands of scores that a fresh process
   * runs before V8 has compiled it (half the ranking's time for a query of 41,000 matches).
   */
  private sortMore(count: number): void {
    const scores = this.scores;
    const below = this.below;
    const pending = scores.length - this.sortedCount;
    // Room for what a step takes (the pending positions are those scored below `below`: module
    // doc); listed again into a list of their size when more tie at the threshold.
    let room = new Int32Array(Math.min(pending, Math.max(ROOM_PER_COUNT * count, MIN_ROOM)));
    let threshold = count * 4 >= pending ? -Infinity : sampledThreshold(scores, below, count, pending);
    let taken = threshold === undefined ? 0 : positionsFrom(scores, threshold, below, room);
    if (threshold === undefined || (taken < count && threshold !== -Infinity)) {
      threshold = kthLargestBelow(scores, below, count);
      // The rest at once when fewer than `count` are left: every position not taken yet (one that
      // no score comparison takes too).
      taken = positionsFrom(scores, threshold, below, room);
    }
    if (taken > room.length) {
      room = new Int32Array(taken);
      positionsFrom(scores, threshold, below, room);
    }
    this.below = threshold;
    const top = room.subarray(0, taken);
    this.append(sortByScoreDesc(top, scores, this.sortScratch(top.length)));
  }

  private append(positions: Int32Array): void {
    const needed = this.sortedCount + positions.length;
    if (needed > this.order.length) this.order = grown(this.order, Math.max(needed, 2 * this.order.length));
    this.order.set(positions, this.sortedCount);
    this.sortedCount += positions.length;
  }

  private subset(positions: Int32Array): PackMatches {
    const ordinals = new Int32Array(positions.length);
    const scores = new Float64Array(positions.length);
    gather(positions, this.ordinals, this.scores, ordinals, scores);
    return new PackMatches(ordinals, scores, this.matchData, this.documentCount, this.sortScratch);
  }

  /** One bitmap per group from the query's own postings: no match is made to decide. */
  holding(groups: readonly TermGroup[]): RankedMatches {
    if (groups.length === 0) return this;
    const count = new Uint8Array(this.documentCount);
    groups.forEach((group, g) => {
      const terms = new Set(group.terms);
      for (const { term, field, ordinals } of this.matchData.termFieldMatches) {
        if (!terms.has(term) || !inFields([field], group.fields)) continue;
        // A document counts once per group: only those that met every earlier group move on.
        markMet(count, ordinals, g);
      }
    });
    // Listed and counted in one pass, into room for a bounded number (listed again, into a list
    // of their size, when more hold).
    const all = groups.length;
    let positions = new Int32Array(Math.min(this.ordinals.length, HOLDING_ROOM));
    const holding = positionsHolding(this.ordinals, count, all, positions);
    if (holding > positions.length) {
      positions = new Int32Array(holding);
      positionsHolding(this.ordinals, count, all, positions);
    }
    return this.subset(positions.subarray(0, holding));
  }

  filter(keep: (match: EngineMatch) => boolean): RankedMatches {
    const kept: EngineMatch[] = [];
    for (let i = 0; i < this.length; i++) {
      const match = this.at(i);
      if (keep(match)) kept.push(match);
    }
    return new ListedMatches(kept);
  }
}

/*
 * The loops below run over every match left, each in a function of its own that returns a number:
 * a statement after a loop that V8 compiled while it ran, not yet seen run, throws the compiled
 * loop away, and V8 entered the same compiled loop again the next time (sortMore's split, inline,
 * was thrown away at every step of every large query, 44 times in the bench's set, and the
 * constructor's loop 23 times).
 */

/** Moves the documents of `ordinals` that have met `groups` groups (their count in `met`) to one more. */
function markMet(met: Uint8Array, ordinals: Int32Array, groups: number): number {
  for (let i = 0; i < ordinals.length; i++) if (met[ordinals[i]!] === groups) met[ordinals[i]!] = groups + 1;
  return groups + 1;
}

/**
 * Writes the positions of the documents that have met all `groups` to `out`, ascending, as many as
 * it has room for; returns how many there are.
 */
function positionsHolding(ordinals: Int32Array, met: Uint8Array, groups: number, out: Int32Array): number {
  let n = 0;
  const room = out.length;
  for (let p = 0; p < ordinals.length; p++)
    if (met[ordinals[p]!] === groups) {
      if (n < room) out[n] = p;
      n++;
    }
  return n;
}

/** The documents and scores at `positions`, into `toOrdinals` and `toScores`; returns how many. */
function gather(
  positions: Int32Array,
  ordinals: Int32Array,
  scores: Float64Array,
  toOrdinals: Int32Array,
  toScores: Float64Array,
): number {
  for (let i = 0; i < positions.length; i++) {
    toOrdinals[i] = ordinals[positions[i]!]!;
    toScores[i] = scores[positions[i]!]!;
  }
  return positions.length;
}

/**
 * Writes the positions scored at least `from` and less than `below` (or any score no comparison
 * takes, for `from` = −∞: a score is never NaN, but such a position would still be ranked) to
 * `out`, ascending, as many as it has room for, and returns how many there are (more than were
 * written when `out` is short).
 */
export function positionsFrom(scores: Float64Array, from: number, below: number, out: Int32Array): number {
  let n = 0;
  const room = out.length;
  if (from === -Infinity) {
    for (let p = 0; p < scores.length; p++)
      if (!(scores[p]! >= below)) {
        if (n < room) out[n] = p;
        n++;
      }
  } else
    for (let p = 0; p < scores.length; p++)
      if (scores[p]! >= from && scores[p]! < below) {
        if (n < room) out[n] = p;
        n++;
      }
  return n;
}

/** Pending matches from which a step's threshold is estimated from a sample (thresholdFor). */
const SAMPLED_FROM = 16_384;
/** Scores in that sample, about. */
const SAMPLE = 2048;

/**
 * A threshold that `count` of the `pending` scores below `below` should reach, estimated from a
 * sample of many matches: the score that 1.25 × `count` of them reach at the sample's rate (a
 * bounded heap over 41,000 matches, for the 1,552 best of them, took 0.4 ms where a sample and a
 * count take 0.1). Any threshold that at least `count` reach gives the same ranks, a lower one
 * only sorts more in this step: sortMore counts, and takes the exact `count`-th largest when the
 * estimate falls short or there is none (undefined: too few matches, or too small a sample).
 */
function sampledThreshold(scores: Float64Array, below: number, count: number, pending: number): number | undefined {
  if (pending < SAMPLED_FROM) return undefined;
  const step = Math.floor(scores.length / SAMPLE);
  const sample = new Float64Array(Math.ceil(scores.length / step));
  const size = sampleBelow(scores, below, step, sample);
  const rank = Math.ceil((count / pending) * size * 1.25) + 4;
  if (rank >= size) return undefined;
  const sorted = sample.subarray(0, size).sort();
  return sorted[size - 1 - rank]!;
}

/** Every `step`-th score that is below `below`, into `out`; returns how many. */
function sampleBelow(scores: Float64Array, below: number, step: number, out: Float64Array): number {
  let n = 0;
  for (let p = 0; p < scores.length; p += step) if (scores[p]! < below) out[n++] = scores[p]!;
  return n;
}

/**
 * The `k`-th largest of the scores below `below` (−∞ when fewer than k are): a min-heap of the k
 * best so far, which most scores pass by with one comparison.
 */
export function kthLargestBelow(scores: Float64Array, below: number, k: number): number {
  const heap = new Float64Array(k);
  let size = 0;
  let p = 0;
  for (; size < k && p < scores.length; p++) if (scores[p]! < below) heap[size++] = scores[p]!;
  if (size < k) return -Infinity;
  for (let i = (k >> 1) - 1; i >= 0; i--) siftDown(heap, i, k);
  let least = heap[0]!;
  for (; p < scores.length; p++) {
    const v = scores[p]!;
    if (v > least && v < below) {
      heap[0] = v;
      least = siftDown(heap, 0, k);
    }
  }
  return least;
}

/** Restores the heap from `at` down; returns its least value (heap[0]). */
function siftDown(heap: Float64Array, at: number, size: number): number {
  const v = heap[at]!;
  let i = at;
  for (;;) {
    let child = 2 * i + 1;
    if (child >= size) break;
    if (child + 1 < size && heap[child + 1]! < heap[child]!) child++;
    if (heap[child]! >= v) break;
    heap[i] = heap[child]!;
    i = child;
  }
  heap[i] = v;
  return heap[0]!;
}
