/**
 * Folio's analyzer: one function from text to index terms, run identically at index time and at
 * query time, so lunr's pipelines have nothing left to do and are left empty.
 *
 * Stages, one concept per file:
 *  1. tokenize.ts     Unicode words with offsets; apostrophes inside words; dotted acronyms;
 *                     grouped numbers; letters/digits split and joined; CJK runs (cjk.ts).
 *  2. designations.ts Yak 9 / Yak-9 / Yak9 → yak9.
 *  3. joins.ts        Il-sung → il, sung and ilsung.
 *  4. variants.ts     the archive's variant table → one canonical token sequence.
 *  5. stemmer.ts      Porter stems for plain English words; stopwords.ts flags stop words
 *                     (they are indexed; the searcher drops them from queries).
 */
import type { VariantGroup } from '../../model/archive';
import type { AnalyzedToken, Analyzer, SearchField } from '../types';
import { addDesignations } from './designations';
import { addHyphenJoins } from './joins';
import { stem } from './stemmer';
import { isStopWord } from './stopwords';
import { tokenize } from './tokenize';
import type { DetailedToken } from './tokens';
import { VariantTable } from './variants';

export type { DetailedToken, TokenRole } from './tokens';

/** Folio's Analyzer, with the details the searcher uses to plan a query. */
export interface FolioAnalyzer extends Analyzer {
  /** Tokens with roles, raw (unstemmed) forms and stop-word flags, sorted by start. */
  analyzeDetailed(text: string): DetailedToken[];
  /** Canonical tokens of single-word variant forms starting with `prefix` (as-you-type on variants). */
  variantPrefix(prefix: string, limit: number): DetailedToken[][];
}

/** What an archive brings to its analyzer: the manifest's variant table and languages. */
export interface AnalyzerOptions {
  variants: VariantGroup[];
  languages: string[];
}

function byStart(a: DetailedToken, b: DetailedToken): number {
  return a.start - b.start || (a.primary === b.primary ? a.end - b.end : a.primary ? -1 : 1);
}

function baseTokens(text: string): DetailedToken[] {
  let tokens = tokenize(text);
  tokens = addDesignations(text, tokens);
  tokens = addHyphenJoins(text, tokens);
  // Most texts add no designation or join, and tokenize gives its tokens in order: sorting copies
  // the array first, so an array in order already is kept as it is (a stable sort would keep it).
  return inOrder(tokens) ? tokens : tokens.sort(byStart);
}

function inOrder(tokens: DetailedToken[]): boolean {
  for (let i = 1; i < tokens.length; i++) if (byStart(tokens[i - 1]!, tokens[i]!) > 0) return false;
  return true;
}

/** Whether Porter stemming applies: the archive's languages include English (or none are given). */
function usesEnglish(languages: unknown): boolean {
  if (!Array.isArray(languages) || languages.length === 0) return true;
  return languages.some((l) => typeof l === 'string' && /^en\b/i.test(l));
}

/** Creates the analyzer for an archive: its variant table and languages. */
export function createAnalyzer(options: AnalyzerOptions): FolioAnalyzer {
  const english = usesEnglish(options?.languages ?? []);
  // Tokens reaching `finish` are always fresh objects (tokenize and the variant table copy), so
  // they are completed in place.
  const finish = (t: DetailedToken): DetailedToken => {
    const stemmable = t.role === 'word' || t.role === 'join';
    t.term = stemmable && english ? stem(t.raw) : t.raw;
    t.stop = t.role === 'word' && isStopWord(t.raw);
    return t;
  };
  const variants = new VariantTable(Array.isArray(options?.variants) ? options.variants : [], baseTokens);
  const analyzeDetailed = (text: string): DetailedToken[] => {
    if (typeof text !== 'string' || text === '') return [];
    const base = baseTokens(text);
    const applied = variants.apply(text, base);
    // baseTokens sorted its tokens already: only a variant table's replacements need sorting again.
    const tokens = applied === base ? base : applied.sort(byStart);
    for (const t of tokens) finish(t);
    return tokens;
  };
  return {
    analyzeDetailed,
    analyze(text: string, _field: SearchField): AnalyzedToken[] {
      return analyzeDetailed(text).map((t) => ({ term: t.term, start: t.start, end: t.end }));
    },
    variantPrefix(prefix: string, limit: number): DetailedToken[][] {
      return variants.formsStartingWith(prefix, limit).map((ts) => ts.map((t) => finish({ ...t })));
    },
  };
}
