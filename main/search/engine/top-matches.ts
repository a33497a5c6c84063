/**
 * RankedMatches of an all-optional query whose first entries were found with bounds (bounded-top.ts)
 * rather than by scoring every match: the count is exact from the start; a rank past those found
 * asks for a deeper top (four times as deep), or, when that would be most of the matches anyway,
 * for every match scored as PackEngine scores them (the same order: both are lunr's).
 */
import type { EngineMatch, RankedMatches, TermGroup } from '../types';
import type { BoundedTop } from './bounded-top';
import { LazyMatch, type MatchData } from './lazy-matches';

/** A deeper top is tried while it is at most this share of the matches. */
const DEEPER_SHARE = 1 / 8;
/** How much deeper than the rank asked for. */
const DEEPER = 4;

export class TopMatches implements RankedMatches {
  private readonly made: (LazyMatch | undefined)[] = [];
  private all: RankedMatches | null = null;

  constructor(
    private top: BoundedTop,
    private readonly matchData: MatchData,
    /** The top `wanted` (at least), or null when bounds would not save work. */
    private readonly deeper: (wanted: number) => BoundedTop | null,
    /** Every match, scored and ranked. */
    private readonly scoreAll: () => RankedMatches,
  ) {}

  get length(): number {
    return this.top.total;
  }

  at(i: number): EngineMatch {
    if (!(i >= 0 && i < this.top.total)) throw new RangeError(`no match at rank ${i}`);
    if (this.all) return this.all.at(i);
    if (i >= this.top.ordinals.length) {
      const wanted = DEEPER * (i + 1);
      const deeper = wanted <= this.top.total * DEEPER_SHARE ? this.deeper(wanted) : null;
      if (deeper && deeper.ordinals.length > i) this.top = deeper;
      else return this.every().at(i);
    }
    let match = this.made[i];
    if (!match) {
      match = new LazyMatch(this.top.scores[i]!, this.top.ordinals[i]!, this.matchData);
      this.made[i] = match;
    }
    return match;
  }

  holding(groups: readonly TermGroup[]): RankedMatches {
    return this.every().holding(groups);
  }

  filter(keep: (match: EngineMatch) => boolean): RankedMatches {
    return this.every().filter(keep);
  }

  private every(): RankedMatches {
    this.all ??= this.scoreAll();
    return this.all;
  }
}
