/**
 * RankedMatches of an all-optional query whose first entries were found with bounds (bounded-top.ts)
 * rather than by scoring every match: the count is exact from the start; a rank past those found
 * has every match scored as PackEngine scores them (the same order: both are lunr's). Not a deeper
 * bounded top: a typo ("kernal") whose ranking read 320 of its first 272 asked for 1,092, which the
 * bounds could not give, and then for every match.
 */
import type { EngineMatch, RankedMatches, TermGroup } from '../types';
import type { BoundedTop } from './bounded-top';
import { LazyMatch, type MatchData } from './lazy-matches';

export class TopMatches implements RankedMatches {
  private readonly made: (LazyMatch | undefined)[] = [];
  private all: RankedMatches | null = null;

  constructor(
    private readonly top: BoundedTop,
    private readonly matchData: MatchData,
    /** Every match, scored and ranked. */
    private readonly scoreAll: () => RankedMatches,
  ) {}

  get length(): number {
    return this.top.total;
  }

  at(i: number): EngineMatch {
    if (!(i >= 0 && i < this.top.total)) throw new RangeError(`no match at rank ${i}`);
    if (this.all || i >= this.top.ordinals.length) return this.every().at(i);
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
