/**
 * Ranking: the best `k` matches by final score (score.ts), and how many matches there are.
 *
 * Bounded work on large result sets: the engine gives matches by lunr score, highest first, sorted
 * only as far as they are read (RankedMatches), and
 * the final score never exceeds lunr's (× INTENT_FACTOR when the query has a kind word), so the walk
 * stops as soon as no later match can enter the top `k`; the result equals a full sort. Kinds are
 * looked up in batches, only for the matches walked (at most KIND_LOOKUP_LIMIT with a kind filter,
 * whose total then counts the matches of that kind among those).
 *
 * A Ranking keeps what it walked: asked again for a wider top (section-priors.ts widens its window
 * when an index entry drops out of the page), it goes on from where it stopped instead of scoring
 * the same matches again (a query of two common words walked 6,800 matches for a window of 120).
 */
import type { PassageKind } from '../../model/passage-kind';
import type { EngineMatch, RankedMatches } from '../types';
import { INTENT_FACTOR } from './kind-words';
import type { PassageKinds } from './passage-kinds';
import type { FinalScore } from './score';

/** Candidates whose kind is looked up for a kind filter. */
const KIND_LOOKUP_LIMIT = 5000;
/** Candidates re-scored for kind words alone (only the leading ones can reach the first pages). */
const INTENT_LOOKUP_LIMIT = 300;
/** Matches walked at a time. */
const BATCH = 64;

export interface RankedMatch {
  match: EngineMatch;
  score: number;
  /** Position in the engine's order, which breaks ties. */
  at: number;
}

export interface RankOptions {
  /** The query has kind words: passages of their kinds may score up to INTENT_FACTOR × lunr's. */
  intents: boolean;
  /** Only passages of these kinds count. */
  kindFilter: Set<PassageKind> | undefined;
  /** Count matches whose final score is 0 (a query of stop words only). */
  keepZero: boolean;
  /** Polled once a batch: throws when the caller gave the search up (scoring many terms is the long part). */
  checkCancelled?: () => void;
}

/** Ties keep the engine's order (lunr's), so a walk can stop at the first match that cannot beat the last of the page. */
function before(a: RankedMatch, b: RankedMatch): boolean {
  return a.score > b.score || (a.score === b.score && a.at < b.at);
}

/**
 * The best of a query's matches, for any `k` asked (see the module doc): each answer is the one a
 * fresh walk for that `k` gives, and a wider `k` reuses the matches already scored.
 */
export class Ranking {
  private readonly maxFactor: number;
  private readonly needKinds: boolean;
  private readonly lookupLimit: number;
  /** Every match walked that counts (its kind passes the filter; its score is above 0 unless keepZero)… */
  private kept: RankedMatch[] = [];
  /** …how many there are, and whether some were only counted (a walk for the count alone keeps none). */
  private counted = 0;
  private partial = false;
  /** Matches walked: the next batch starts there. */
  private walked = 0;
  /** The walk met the end, or the kind filter's lookup limit. */
  private done = false;

  constructor(
    private readonly matches: RankedMatches,
    private readonly score: FinalScore,
    private readonly kinds: PassageKinds,
    private readonly options: RankOptions,
  ) {
    this.maxFactor = options.intents ? INTENT_FACTOR : 1;
    this.needKinds = options.intents || !!options.kindFilter;
    this.lookupLimit = options.kindFilter ? KIND_LOOKUP_LIMIT : options.intents ? INTENT_LOOKUP_LIMIT : 0;
  }

  /** The best `k` by final score, and how many matches count. */
  top(k: number): { top: RankedMatch[]; total: number } {
    const matches = this.matches;
    const kindFilter = this.options.kindFilter;
    if (k > 0 && this.partial) {
      this.kept = [];
      this.counted = 0;
      this.walked = 0;
      this.done = false;
      this.partial = false;
    }
    // The best k of what was walked before, in order; the walk goes on from there.
    const top = k > 0 ? [...this.kept].sort((a, b) => (before(a, b) ? -1 : 1)).slice(0, k) : [];
    while (!this.done && this.walked < matches.length) {
      const i = this.walked;
      if (!kindFilter && top.length >= k && k > 0 && matches.at(i).score * this.maxFactor <= top[top.length - 1]!.score)
        break;
      this.options.checkCancelled?.();
      const batch: EngineMatch[] = [];
      for (let j = i; j < Math.min(matches.length, i + BATCH); j++) batch.push(matches.at(j));
      if (this.needKinds && this.walked < this.lookupLimit) this.kinds.lookUp(batch.map((m) => m.ref));
      else if (kindFilter) {
        this.done = true;
        break;
      }
      this.walked += batch.length;
      for (let j = 0; j < batch.length; j++) {
        const match = batch[j]!;
        const kind = this.needKinds ? this.kinds.get(match.ref) : undefined;
        if (kindFilter && !(kind && kindFilter.has(kind))) continue;
        const entry = { match, score: this.score(match, kind), at: i + j };
        if (!(entry.score > 0) && !this.options.keepZero) continue;
        this.counted++;
        if (k <= 0) {
          this.partial = true;
          continue;
        }
        this.kept.push(entry);
        if (top.length >= k && !before(entry, top[top.length - 1]!)) continue;
        let at = top.length;
        while (at > 0 && before(entry, top[at - 1]!)) at--;
        top.splice(at, 0, entry);
        if (top.length > k) top.pop();
      }
    }
    // Matches not walked all score above zero in practice (each matched a query term); count them.
    let total = this.counted;
    if (!kindFilter) total += matches.length - Math.min(matches.length, this.walked);
    return { top, total };
  }
}
