/**
 * The analysis of recently shown passages, kept across searches: highlights come from re-analysing
 * the passages a page shows (the index keeps no positions), and typing a query letter by letter shows
 * the same passages again and again.
 */
import type { Passage } from '../../model/archive';
import type { AnalyzedToken, Analyzer } from '../types';

/** Passages whose analysis is kept (the oldest is dropped first). */
const CACHED_PASSAGES = 500;

export class PassageTokens {
  private readonly cache = new Map<string, { text: string; tokens: AnalyzedToken[] }>();

  constructor(private readonly analyzer: Analyzer) {}

  /** The analysis of a passage's text. */
  of(p: Passage): AnalyzedToken[] {
    const cached = this.cache.get(p.id);
    if (cached && cached.text === p.text) return cached.tokens;
    const tokens = this.analyzer.analyze(p.text, 'text');
    if (this.cache.size >= CACHED_PASSAGES) {
      const oldest = this.cache.keys().next();
      if (!oldest.done) this.cache.delete(oldest.value);
    }
    this.cache.set(p.id, { text: p.text, tokens });
    return tokens;
  }
}
