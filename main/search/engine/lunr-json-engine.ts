/**
 * A minimal IndexEngine over an in-memory lunr.Index (used by step 1 of the pack index and as a
 * fallback reader for packs written in the `lunr-json` format).
 */
import lunr from 'lunr';
import type { EngineMatch, IndexEngine, SearchField, TermClause } from '../types';
import { internals, TokenSet, type LunrIndexInternals } from './lunr-internals';

const PRESENCE = {
  optional: lunr.Query.presence.OPTIONAL,
  required: lunr.Query.presence.REQUIRED,
  prohibited: lunr.Query.presence.PROHIBITED,
} as const;

export class LunrJsonEngine implements IndexEngine {
  readonly documentCount: number;
  private readonly ix: LunrIndexInternals;

  constructor(private readonly index: lunr.Index) {
    this.ix = internals(index);
    const refs = new Set<string>();
    for (const fieldRef of Object.keys(this.ix.fieldVectors)) refs.add(fieldRef.slice(fieldRef.indexOf('/') + 1));
    this.documentCount = refs.size;
  }

  query(clauses: TermClause[]): EngineMatch[] {
    const results = this.index.query((q) => {
      for (const c of clauses) {
        q.term(c.term, {
          fields: c.fields ?? (this.ix.fields as SearchField[]),
          boost: c.boost,
          presence: PRESENCE[c.presence],
          usePipeline: false,
          wildcard: lunr.Query.wildcard.NONE,
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

  hasTerm(term: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.ix.invertedIndex, term);
  }

  documentFrequency(term: string): number {
    if (!this.hasTerm(term)) return 0;
    const posting = this.ix.invertedIndex[term]!;
    const docs = new Set<string>();
    for (const f of this.ix.fields) for (const ref of Object.keys(posting[f] ?? {})) docs.add(ref);
    return docs.size;
  }

  expandPrefix(prefix: string, limit: number): string[] {
    const terms = this.ix.tokenSet.intersect(TokenSet.fromString(prefix + '*')).toArray();
    return this.byFrequency(terms, limit);
  }

  expandFuzzy(term: string, maxDistance: number, limit: number): string[] {
    const terms = this.ix.tokenSet.intersect(TokenSet.fromFuzzyString(term, maxDistance)).toArray();
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
