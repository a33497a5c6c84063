/**
 * The matches PackEngine#query returns. A match's ref is read from its chunk of refs only when asked
 * for, and its matched terms (lunr's matchData) are computed at the first read of any match's:
 * for the whole result list in one pass over the query's postings (a searcher that reads one
 * usually reads all), so a caller that reads only the top refs decodes no other ref and builds no
 * Map at all.
 */
import type { EngineMatch, SearchField } from '../types';

/** One term's documents in one field, as the query met them. */
export interface TermFieldMatch {
  term: string;
  field: SearchField;
  ordinals: Int32Array;
}

/** Terms by field, per document, shared by one query's matches. */
export class MatchData {
  private byOrdinal: Map<number, Map<string, SearchField[]>> | null = null;

  constructor(
    private readonly termFieldMatches: readonly TermFieldMatch[],
    private readonly resultCount: number,
    readonly refs: { ref(ordinal: number): string },
  ) {}

  get(ordinal: number): Map<string, SearchField[]> {
    this.byOrdinal ??= this.collect();
    let terms = this.byOrdinal.get(ordinal);
    if (!terms) this.byOrdinal.set(ordinal, (terms = new Map<string, SearchField[]>()));
    return terms;
  }

  set(ordinal: number, value: Map<string, SearchField[]>): void {
    this.byOrdinal ??= this.collect();
    this.byOrdinal.set(ordinal, value);
  }

  private collect(): Map<number, Map<string, SearchField[]>> {
    const byOrdinal = new Map<number, Map<string, SearchField[]>>();
    if (this.resultCount === 0) return byOrdinal;
    for (const { term, field, ordinals } of this.termFieldMatches) {
      for (let i = 0; i < ordinals.length; i++) {
        const ordinal = ordinals[i]!;
        let terms = byOrdinal.get(ordinal);
        if (!terms) byOrdinal.set(ordinal, (terms = new Map<string, SearchField[]>()));
        const fields = terms.get(term);
        if (!fields) terms.set(term, [field]);
        else if (!fields.includes(field)) fields.push(field);
      }
    }
    return byOrdinal;
  }
}

export class LazyMatch implements EngineMatch {
  constructor(
    public score: number,
    private readonly ordinal: number,
    private readonly matchData: MatchData,
  ) {}

  /** Read when the searcher needs it: a ranking walk that stops early never decodes the rest. */
  get ref(): string {
    return this.matchData.refs.ref(this.ordinal);
  }

  /** The query's terms found in this document, with their fields (computed on first read). */
  get matched(): Map<string, SearchField[]> {
    return this.matchData.get(this.ordinal);
  }

  set matched(value: Map<string, SearchField[]>) {
    this.matchData.set(this.ordinal, value);
  }

  toJSON(): { ref: string; score: number; matched: Record<string, SearchField[]> } {
    return { ref: this.ref, score: this.score, matched: Object.fromEntries(this.matched) };
  }
}
