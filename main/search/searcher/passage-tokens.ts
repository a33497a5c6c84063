/**
 * The analysis of recently read passages, kept across searches: highlights come from re-analysing
 * the passages a page shows (the index keeps no positions), quoted phrases are checked on the same
 * analysis (phrases.ts), and typing a query letter by letter shows the same passages again and
 * again. A long passage is costly to analyse (the 101,000 characters of Linux's memory-barriers.txt
 * take 40 ms): a phrase check and the page that shows the passage share one analysis.
 */
import type { DetailedToken } from '../analyzer/index';
import type { Passage } from '../../model/archive';
import type { Analyzer } from '../types';
import { detailedTokens } from './concepts';

/** Passages whose analysis is kept (the oldest is dropped first)… */
const CACHED_PASSAGES = 500;
/** …and tokens kept in all (a long passage holds tens of thousands). */
const CACHED_TOKENS = 150_000;

export class PassageTokens {
  private readonly cache = new Map<string, { text: string; tokens: DetailedToken[] }>();
  private tokenCount = 0;

  constructor(private readonly analyzer: Analyzer) {}

  /** The analysis of a passage's text (each token's term and span, role and stop-word flag). */
  of(p: Passage): DetailedToken[] {
    const cached = this.cache.get(p.id);
    if (cached && cached.text === p.text) {
      // Most recently used last.
      this.cache.delete(p.id);
      this.cache.set(p.id, cached);
      return cached.tokens;
    }
    const tokens = detailedTokens(this.analyzer, p.text);
    if (cached) this.forget(p.id);
    if (tokens.length > CACHED_TOKENS) return tokens;
    while (this.cache.size >= CACHED_PASSAGES || this.tokenCount + tokens.length > CACHED_TOKENS) {
      const oldest = this.cache.keys().next();
      if (oldest.done) break;
      this.forget(oldest.value);
    }
    this.cache.set(p.id, { text: p.text, tokens });
    this.tokenCount += tokens.length;
    return tokens;
  }

  private forget(id: string): void {
    const entry = this.cache.get(id);
    if (!entry) return;
    this.cache.delete(id);
    this.tokenCount -= entry.tokens.length;
  }
}
