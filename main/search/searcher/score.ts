/**
 * The final score of a match: lunr's score × coordination², where coordination is the share of the
 * query's concepts the passage satisfies (each concept's credit: exact 1, prefix 0.9, fuzzy 0.7 or
 * 0.5 for two edits, parts pro rata; weights.ts), so plain questions find the passage that has most
 * of their words and fuzzy never drowns exact matches. A passage of the kind a kind word asks for
 * counts as satisfying that word, and is lifted ×INTENT_FACTOR.
 */
import type { PassageKind } from '../../model/passage-kind';
import type { EngineMatch } from '../types';
import type { Concept } from './concepts';
import { INTENT_FACTOR } from './kind-words';
import { CREDIT } from './weights';

/**
 * The sums of credit per set of parts, reused by every call: the ranking asks for the credit of
 * each concept of every match it walks (1,300 matches of a query of three words), and an array per
 * call was a megabyte of garbage for a query set's ranking.
 */
let setSums = new Float64Array(16);

/** How much of concept `c` the match satisfies: the best of its sets (see makeConcept). */
export function credit(c: Concept, m: EngineMatch): number {
  let best = 0;
  let sets = 0;
  const matched = m.matched;
  for (let i = 0; i < c.alternatives.length; i++) {
    const a = c.alternatives[i]!;
    const fields = matched.get(a.term);
    if (!fields) continue;
    if (c.fields && !fields.some((f) => c.fields!.includes(f))) continue;
    const value = CREDIT[a.kind] * a.share;
    if (a.set === 'whole') {
      if (value > best) best = value;
    } else {
      if (sets === 0) {
        sets = c.setIndex!.size;
        if (setSums.length < sets) setSums = new Float64Array(2 * sets);
        setSums.fill(0, 0, sets);
      }
      const slot = c.setIndex!.get(a.set)!;
      setSums[slot] = setSums[slot]! + value;
    }
  }
  for (let slot = 0; slot < sets; slot++) best = Math.max(best, Math.min(1, setSums[slot]!) * 0.95);
  return Math.min(1, best);
}

/** A match's final score, given its passage's kind when known. */
export type FinalScore = (m: EngineMatch, kind: PassageKind | undefined) => number;

/** The final score for the query's positive concepts. */
export function finalScore(positive: Concept[]): FinalScore {
  const totalWeight = positive.reduce((s, c) => s + c.weight, 0) || 1;
  const allBonus = positive.every((c) => c.weight === 0);
  const intents = kindIntents(positive);
  return (m, kind) => {
    let got = 0;
    for (const c of positive) {
      if (c.weight === 0) continue;
      got += c.weight * (c.intent && kind === c.intent ? 1 : credit(c, m));
    }
    const coordination = allBonus ? 1 : got / totalWeight;
    let score = m.score * coordination * coordination;
    if (kind && intents.has(kind)) score *= INTENT_FACTOR;
    return score;
  };
}

/** The kinds the query's kind words ask for. */
export function kindIntents(concepts: Concept[]): Set<PassageKind> {
  return new Set(concepts.map((c) => c.intent).filter((k): k is PassageKind => !!k));
}
