/**
 * The analysis of recently read passages, kept across searches: highlights come from re-analysing
 * the passages a page shows (the index keeps no positions), quoted phrases are checked on the same
 * analysis (phrases.ts), and typing a query letter by letter shows the same passages again and
 * again. A long passage is analysed only as far as a search needed (text-analysis.ts), and what
 * was analysed is kept for the next search to go on from.
 */
import type { Passage } from '../../model/archive';
import type { Analyzer } from '../types';
import { detailedTokens } from './concepts';
import { TextAnalysis } from './text-analysis';

/** Passages whose analysis is kept (the oldest is dropped first)… */
const CACHED_PASSAGES = 500;
/** …and tokens kept in all (a long passage holds tens of thousands). */
const CACHED_TOKENS = 150_000;

export class PassageTokens {
  private readonly cache = new Map<string, { analysis: TextAnalysis; counted: number }>();
  private tokenCount = 0;

  constructor(private readonly analyzer: Analyzer) {}

  /** The analysis of a passage's text (each token's term and span, role and stop-word flag), made as far as it was asked for. */
  of(p: Passage): TextAnalysis {
    const cached = this.cache.get(p.id);
    if (cached && cached.analysis.text === p.text) {
      // Most recently used last.
      this.cache.delete(p.id);
      this.cache.set(p.id, cached);
      return cached.analysis;
    }
    if (cached) this.forget(p.id);
    const analysis: TextAnalysis = new TextAnalysis(
      p.text,
      (text) => detailedTokens(this.analyzer, text),
      // A long text's analysis grows as searches ask for more of it: counted again each time.
      () => {
        if (this.cache.get(p.id)?.analysis !== analysis) return;
        this.forget(p.id);
        this.keep(p.id, analysis);
      },
    );
    this.keep(p.id, analysis);
    return analysis;
  }

  /** Keeps an analysis as the most recent, dropping the oldest until its tokens fit (none is kept beyond CACHED_TOKENS). */
  private keep(id: string, analysis: TextAnalysis): void {
    const count = analysis.tokens.length;
    if (count > CACHED_TOKENS) return;
    while (this.cache.size >= CACHED_PASSAGES || this.tokenCount + count > CACHED_TOKENS) {
      const oldest = this.cache.keys().next();
      if (oldest.done) break;
      this.forget(oldest.value);
    }
    this.cache.set(id, { analysis, counted: count });
    this.tokenCount += count;
  }

  private forget(id: string): void {
    const entry = this.cache.get(id);
    if (!entry) return;
    this.cache.delete(id);
    this.tokenCount -= entry.counted;
  }
}
