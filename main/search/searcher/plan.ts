/**
 * Planning: from parsed query parts to the concepts searched for (concepts.ts), with their
 * expansions (expand.ts). Stop words are dropped unless the query has nothing else, or one is
 * required; a phrase keeps its stop words for the check that its words stand together (phrases.ts).
 */
import type { QueryPart } from '../query/index';
import type { Analyzer, IndexEngine } from '../types';
import { detailedTokens, groupTokens, makeConcept, type Concept } from './concepts';
import { expandConcepts } from './expand';
import { byPhrase } from './phrases';

/** At most this many concepts are planned (bounded work for long queries). */
const MAX_CONCEPTS = 24;

export interface QueryPlan {
  /** The concepts searched for, each with at least one alternative. */
  concepts: Concept[];
  /** Each positive phrase's concepts in order, stop words included. */
  phrases: Concept[][];
}

/** Concepts of the query, with expansions planned. */
export function planQuery(
  parts: QueryPart[],
  partialLast: boolean,
  analyzer: Analyzer,
  engine: IndexEngine,
  /** Throws when the search is no longer wanted (polled between expansions). */
  checkCancelled: () => void = () => {},
): QueryPlan {
  const concepts: Concept[] = [];
  parts.forEach((part, pi) => {
    const groups = groupTokens(detailedTokens(analyzer, part.text));
    groups.forEach((group, gi) => {
      if (concepts.length >= MAX_CONCEPTS) return;
      const partial = partialLast && pi === parts.length - 1 && gi === groups.length - 1 && !part.phrase;
      concepts.push({ ...makeConcept(group, part, part.phrase ? pi : -1, partial), part: pi });
    });
  });
  // Each phrase's words in order, stop words included: they are not searched for ("for" is in
  // most passages), but a phrase's words must stand together, "for loop" as written.
  const phrases = byPhrase(concepts.filter((c) => c.presence !== 'prohibited'));
  // Stop words: dropped unless they are all the query has (or explicitly required).
  const positive = concepts.filter((c) => c.presence !== 'prohibited');
  const allStop = positive.length > 0 && positive.every((c) => c.stop);
  let kept = concepts.filter((c) => allStop || !c.stop || (c.presence === 'required' && c.phraseId < 0) || c.partial);
  // A partial stop word ("Mig all…") is only a prefix: a bonus, not a requirement.
  for (const c of kept) {
    if (c.stop && c.partial && !allStop) {
      c.weight = 0;
      c.alternatives = [];
    }
  }
  kept = kept.filter((c) => c.weight > 0 || c.partial);
  expandConcepts(kept, engine, analyzer, checkCancelled);
  const planned = kept.filter((c) => c.alternatives.length > 0);
  for (const c of planned) {
    c.setIndex = new Map();
    for (const a of c.alternatives)
      if (a.set !== 'whole' && !c.setIndex.has(a.set)) c.setIndex.set(a.set, c.setIndex.size);
  }
  return { concepts: planned, phrases };
}
