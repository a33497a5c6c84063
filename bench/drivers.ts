/**
 * How each engine answers a benchmark query. Folio and plain lunr share one plan (analysed terms,
 * prefix and fuzzy expansion through the IndexEngine interface), so they answer the same question;
 * MiniSearch and FlexSearch use their own prefix/fuzzy options.
 */
import type { Analyzer, IndexEngine, TermClause } from '../main/search/types';
import type { BenchQuery } from './queries';

export const PREFIX_LIMIT = 30;
export const FUZZY_LIMIT = 20;
export const TOP = 10;

function analysedTerms(analyzer: Analyzer, text: string): string[] {
  return [...new Set(analyzer.analyze(text, 'text').map((t) => t.term))];
}

/** Clauses for `q` (what a searcher would send to the engine), then the top refs. */
export function planClauses(engine: IndexEngine, analyzer: Analyzer, q: BenchQuery): TermClause[] {
  const clauses: TermClause[] = [];
  if (q.kind === 'prefix') {
    const words = q.text.trim().split(/\s+/);
    const last = words.pop() ?? '';
    for (const term of analysedTerms(analyzer, words.join(' '))) clauses.push({ term, boost: 1, presence: 'optional' });
    const prefix = last.toLowerCase();
    for (const term of engine.expandPrefix(prefix, PREFIX_LIMIT))
      clauses.push({ term, boost: term === prefix ? 1 : 0.5, presence: 'optional' });
    return clauses;
  }
  for (const term of analysedTerms(analyzer, q.text)) {
    if (q.kind === 'typo' && !engine.hasTerm(term)) {
      for (const t of engine.expandFuzzy(term, 1, FUZZY_LIMIT))
        clauses.push({ term: t, boost: 0.5, presence: 'optional' });
    } else clauses.push({ term, boost: 1, presence: 'optional' });
  }
  return clauses;
}

export function answer(engine: IndexEngine, analyzer: Analyzer, q: BenchQuery): string[] {
  const clauses = planClauses(engine, analyzer, q);
  if (clauses.length === 0) return [];
  return engine
    .query(clauses)
    .slice(0, TOP)
    .map((m) => m.ref);
}
