/**
 * Ranking: the best `k` matches by final score (score.ts), and how many matches there are.
 *
 * Bounded work on large result sets: the engine gives matches by lunr score, highest first, sorted
 * only as far as they are read (RankedMatches), and
 * the final score never exceeds lunr's (× INTENT_FACTOR when the query has a kind word), so the walk
 * stops as soon as no later match can enter the top `k`; the result equals a full sort. Kinds are
 * looked up in batches, only for the matches walked (at most KIND_LOOKUP_LIMIT with a kind filter,
 * whose total then counts the matches of that kind among those).
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
  /** How many of the best to keep. */
  k: number;
  /** The query has kind words: passages of their kinds may score up to INTENT_FACTOR × lunr's. */
  intents: boolean;
  /** Only passages of these kinds count. */
  kindFilter: Set<PassageKind> | undefined;
  /** Count matches whose final score is 0 (a query of stop words only). */
  keepZero: boolean;
  /** Polled once a batch: throws when the caller gave the search up (scoring many terms is the long part). */
  checkCancelled?: () => void;
}

export function rank(
  matches: RankedMatches,
  score: FinalScore,
  kinds: PassageKinds,
  { k, intents, kindFilter, keepZero, checkCancelled }: RankOptions,
): { top: RankedMatch[]; total: number } {
  // Ties keep the engine's order (lunr's), so a walk can stop at the first match that cannot beat
  // the last of the page.
  const before = (a: RankedMatch, b: RankedMatch): boolean => a.score > b.score || (a.score === b.score && a.at < b.at);
  const top: RankedMatch[] = [];
  const maxFactor = intents ? INTENT_FACTOR : 1;
  const needKinds = intents || !!kindFilter;
  const lookupLimit = kindFilter ? KIND_LOOKUP_LIMIT : intents ? INTENT_LOOKUP_LIMIT : 0;
  let total = 0;
  let walked = 0;
  for (let i = 0; i < matches.length; i += BATCH) {
    checkCancelled?.();
    const batch: EngineMatch[] = [];
    for (let j = i; j < Math.min(matches.length, i + BATCH); j++) batch.push(matches.at(j));
    if (!kindFilter && top.length >= k && k > 0 && batch[0]!.score * maxFactor <= top[top.length - 1]!.score) break;
    if (needKinds && walked < lookupLimit) kinds.lookUp(batch.map((m) => m.ref));
    else if (kindFilter) break;
    walked += batch.length;
    for (let j = 0; j < batch.length; j++) {
      const match = batch[j]!;
      const kind = needKinds ? kinds.get(match.ref) : undefined;
      if (kindFilter && !(kind && kindFilter.has(kind))) continue;
      const entry = { match, score: score(match, kind), at: i + j };
      if (!(entry.score > 0) && !keepZero) continue;
      total++;
      if (k <= 0) continue;
      if (top.length >= k && !before(entry, top[top.length - 1]!)) continue;
      let at = top.length;
      while (at > 0 && before(entry, top[at - 1]!)) at--;
      top.splice(at, 0, entry);
      if (top.length > k) top.pop();
    }
  }
  // Matches not walked all score above zero in practice (each matched a query term); count them.
  if (!kindFilter) total += matches.length - Math.min(matches.length, walked);
  return { top, total };
}
