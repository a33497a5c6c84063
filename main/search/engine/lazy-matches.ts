/**
 * A match of PackEngine, made only when the ranking reads it: its ref is read from its chunk of
 * refs when asked for, and its matched terms (lunr's matchData) are found when first read, for that
 * document alone, by a binary search in each of the query's term/field postings. Computing them for
 * every match up front (a Map per document) was most of a one-shot search on a typo that matches
 * 89,000 passages, in its own time and in garbage collection.
 */
import type { EngineMatch, SearchField } from '../types';

/** One term's documents in one field, as the query met them. */
export interface TermFieldMatch {
  term: string;
  field: SearchField;
  /** Document ordinals, ascending. */
  ordinals: Int32Array;
}

/** The index of `ordinal` in ascending `ordinals`, −1 when it is not there. */
export function indexOfOrdinal(ordinals: Int32Array, ordinal: number): number {
  let lo = 0;
  let hi = ordinals.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const v = ordinals[mid]!;
    if (v === ordinal) return mid;
    if (v < ordinal) lo = mid + 1;
    else hi = mid;
  }
  return -1;
}

/** Whether ascending `ordinals` holds `ordinal`. */
export function holds(ordinals: Int32Array, ordinal: number): boolean {
  return indexOfOrdinal(ordinals, ordinal) >= 0;
}

/** Terms by field of one query's documents, found per document on demand. */
export class MatchData {
  constructor(
    readonly termFieldMatches: readonly TermFieldMatch[],
    readonly refs: { ref(ordinal: number): string },
  ) {}

  /** The query's terms found in document `ordinal`, with their fields, in the order lunr records them. */
  terms(ordinal: number): Map<string, SearchField[]> {
    const terms = new Map<string, SearchField[]>();
    for (const { term, field, ordinals } of this.termFieldMatches) {
      if (!holds(ordinals, ordinal)) continue;
      const fields = terms.get(term);
      if (!fields) terms.set(term, [field]);
      else if (!fields.includes(field)) fields.push(field);
    }
    return terms;
  }
}

export class LazyMatch implements EngineMatch {
  private terms: Map<string, SearchField[]> | null = null;

  constructor(
    readonly score: number,
    readonly ordinal: number,
    private readonly matchData: MatchData,
  ) {}

  get ref(): string {
    return this.matchData.refs.ref(this.ordinal);
  }

  /** The query's terms found in this document, with their fields (computed on first read). */
  get matched(): Map<string, SearchField[]> {
    this.terms ??= this.matchData.terms(this.ordinal);
    return this.terms;
  }

  toJSON(): { ref: string; score: number; matched: Record<string, SearchField[]> } {
    return { ref: this.ref, score: this.score, matched: Object.fromEntries(this.matched) };
  }
}
