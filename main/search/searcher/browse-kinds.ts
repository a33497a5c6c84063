/**
 * Listing by kind. A query that asks only for kinds ("photos", "videos and films", `kind:caption`
 * with no words) lists the passages of those kinds in reading order, rather than the few that happen
 * to contain the word. Unless the word is common in the archive (its passages outnumber those of the
 * kind, as "image" in software documentation without pictures): then it is a word like any other.
 */
import type { PassageKind } from '../../model/passage-kind';
import type { IndexEngine } from '../types';
import type { Concept } from './concepts';

/**
 * The kinds to list when a query asks for kinds and nothing else: every word is a kind word or a stop
 * word, with no quotes, fields or exclusions; or there are no words and a kind filter is set. A kind
 * filter narrows the kind words' kinds. Null otherwise.
 */
export function browseKinds(concepts: Concept[], kindFilter: Set<PassageKind> | undefined): PassageKind[] | null {
  if (concepts.length === 0) return kindFilter && kindFilter.size > 0 ? [...kindFilter] : null;
  const kinds = new Set<PassageKind>();
  for (const c of concepts) {
    if (c.presence === 'prohibited' || c.phraseId >= 0 || c.fields) return null;
    if (c.intent) kinds.add(c.intent);
    else if (!c.stop) return null;
  }
  const wanted = [...kinds].filter((k) => !kindFilter || kindFilter.has(k));
  return kinds.size > 0 ? wanted : null;
}

/** How many passages contain the query's kind words ("photos"), at most. */
export function kindWordFrequency(concepts: Concept[], engine: IndexEngine): number {
  let most = 0;
  for (const c of concepts) {
    const exact = c.intent ? c.alternatives.find((a) => a.kind === 'exact' && a.set === 'whole') : undefined;
    if (exact) most = Math.max(most, engine.documentFrequency(exact.term));
  }
  return most;
}
