/**
 * IndexEngine over an in-memory lunr.Index: the reference implementation. Queries go through
 * lunr's own Index#query, built programmatically from analysed clauses (no pipeline, no wildcard,
 * no edit distance), so scoring is exactly lunr's. Term expansion reads the index's TokenSet with
 * lunr's own automata: `expandFuzzy` accepts the same terms lunr's fuzzy clauses would (insert,
 * delete, substitute, transpose adjacent; at most `maxDistance`).
 */
import lunr from 'lunr';
import { ListedMatches } from '../../main/search/engine/ranked-matches';
import type { EngineMatch, IndexEngine, RankedMatches, SearchField, TermClause } from '../../main/search/types';
import { internals, TokenSet, type LunrIndexInternals } from './lunr-internals';

const PRESENCE = {
  optional: lunr.Query.presence.OPTIONAL,
  required: lunr.Query.presence.REQUIRED,
  prohibited: lunr.Query.presence.PROHIBITED,
} as const;

/** The IndexEngine of a plain in-memory lunr.Index (see the module doc). */
export class MemoryEngine implements IndexEngine {
  readonly documentCount: number;
  private readonly ix: LunrIndexInternals;
  private readonly dfCache = new Map<string, number>();

  constructor(private readonly index: lunr.Index) {
    this.ix = internals(index);
    const refs = new Set<string>();
    for (const fieldRef of Object.keys(this.ix.fieldVectors)) refs.add(fieldRef.slice(fieldRef.indexOf('/') + 1));
    this.documentCount = refs.size;
  }

  query(clauses: TermClause[]): EngineMatch[] {
    if (clauses.length === 0) return [];
    const allFields = this.ix.fields as SearchField[];
    const results = this.index.query((q) => {
      for (const c of clauses) {
        q.term(c.term, {
          fields: c.fields && c.fields.length ? c.fields : allFields,
          boost: c.boost,
          presence: PRESENCE[c.presence],
          usePipeline: false,
          wildcard: lunr.Query.wildcard.NONE,
          editDistance: 0,
        });
      }
    });
    return results.map((r) => {
      const matched = new Map<string, SearchField[]>();
      const md = r.matchData.metadata as Record<string, Record<string, unknown>>;
      for (const term of Object.keys(md)) matched.set(term, Object.keys(md[term]!) as SearchField[]);
      return { ref: r.ref, score: r.score, matched };
    });
  }

  ranked(clauses: TermClause[]): RankedMatches {
    return new ListedMatches(this.query(clauses));
  }

  hasTerm(term: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.ix.invertedIndex, term);
  }

  documentFrequency(term: string): number {
    if (!this.hasTerm(term)) return 0;
    const cached = this.dfCache.get(term);
    if (cached !== undefined) return cached;
    const posting = this.ix.invertedIndex[term]!;
    const docs = new Set<string>();
    for (const f of this.ix.fields) for (const ref of Object.keys(posting[f] ?? {})) docs.add(ref);
    this.dfCache.set(term, docs.size);
    return docs.size;
  }

  expandPrefix(prefix: string, limit: number): string[] {
    if (!prefix || /[*]/.test(prefix)) return [];
    const terms = this.ix.tokenSet.intersect(TokenSet.fromString(prefix + '*')).toArray();
    return this.byFrequency(terms, limit);
  }

  expandFuzzy(term: string, maxDistance: number, limit: number): string[] {
    if (!term || /[*]/.test(term)) return [];
    const terms = this.ix.tokenSet
      .intersect(TokenSet.fromFuzzyString(term, Math.max(0, Math.floor(maxDistance))))
      .toArray();
    return this.byFrequency(terms, limit);
  }

  private byFrequency(terms: string[], limit: number): string[] {
    return terms
      .map((t) => ({ t, df: this.documentFrequency(t) }))
      .sort((a, b) => b.df - a.df || (a.t < b.t ? -1 : a.t > b.t ? 1 : 0))
      .slice(0, Math.max(0, limit))
      .map((x) => x.t);
  }
}
