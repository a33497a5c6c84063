/**
 * Exclusions lunr cannot express as single prohibited terms: a passage holding all the words of an
 * excluded phrase (`-"Pusan Perimeter"`), or all the terms of one reading of an excluded multi-word
 * concept, is left out.
 */
import type { IndexEngine, RankedMatches } from '../types';
import type { Concept } from './concepts';
import { byPhrase } from './phrases';

/** At most this many exclusions are looked up (one engine query each). */
const MAX_EXCLUSIONS = 8;

/** `matches` without the passages that hold an excluded phrase's or reading's terms. */
export function withoutExclusions(matches: RankedMatches, concepts: Concept[], engine: IndexEngine): RankedMatches {
  const exclusions: string[][] = [];
  const excluded = concepts.filter((c) => c.presence === 'prohibited');
  for (const c of excluded) {
    if (c.phraseId < 0 && !c.alternatives.some((a) => a.set === 'whole')) {
      for (const set of new Set(c.alternatives.map((a) => a.set)))
        exclusions.push(c.alternatives.filter((a) => a.set === set).map((a) => a.term));
    }
  }
  for (const group of byPhrase(excluded)) {
    const terms = group
      .map((c) => c.alternatives.find((a) => a.kind === 'exact' && a.set === 'whole')?.term ?? c.alternatives[0]?.term)
      .filter((t): t is string => !!t);
    if (terms.length) exclusions.push(terms);
  }
  if (exclusions.length === 0) return matches;
  const bad = new Set<string>();
  for (const terms of exclusions.slice(0, MAX_EXCLUSIONS)) {
    const allOf = [...new Set(terms)].map((term) => ({ term, boost: 1, presence: 'required' as const }));
    for (const m of engine.query(allOf)) bad.add(m.ref);
  }
  return matches.filter((m) => !bad.has(m.ref));
}
