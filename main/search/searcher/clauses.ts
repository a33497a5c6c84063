/**
 * The engine's clauses for planned concepts: one per (term, fields), with its highest boost. All are
 * optional for the engine: required concepts are enforced by the searcher, so that any alternative
 * of a concept satisfies it. Prohibited concepts give prohibited clauses for their exact whole-span
 * terms only (the rest is exclusions.ts).
 */
import type { TermClause } from '../types';
import type { Concept } from './concepts';

export function engineClauses(concepts: Concept[]): TermClause[] {
  const byKey = new Map<string, TermClause>();
  for (const c of concepts) {
    for (const a of c.alternatives) {
      const prohibited = c.presence === 'prohibited';
      if (prohibited && (c.phraseId >= 0 || (a.kind !== 'exact' && a.kind !== 'raw') || a.set !== 'whole')) continue;
      const key = `${prohibited ? '-' : ''}${a.term}\u0000${c.fields?.join(',') ?? ''}`;
      const existing = byKey.get(key);
      if (existing) existing.boost = Math.max(existing.boost, a.boost);
      else {
        const clause: TermClause = { term: a.term, boost: a.boost, presence: prohibited ? 'prohibited' : 'optional' };
        if (c.fields) clause.fields = c.fields;
        byKey.set(key, clause);
      }
    }
  }
  return [...byKey.values()];
}
