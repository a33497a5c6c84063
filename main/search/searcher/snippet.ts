/**
 * Snippets and highlights.
 *
 * The index keeps no token positions: positions for highlighting are derived on demand instead.
 * Only the few results shown on a page need them, and re-running the analyzer over a passage's
 * text gives, for every index term, the span of the words as written.
 * A word is highlighted when its term is one the engine matched for this passage, so words matched
 * through a variant spelling (Busan → "Pusan"), a designation (Yak9 → "Yak 9"), fuzzy matching
 * (Chistyakov → "Chistiakov"), a prefix or a Hangul bigram are highlighted where the page wrote them.
 * The searcher keeps the analysis of recently shown passages (passage-tokens.ts), so typing a query
 * letter by letter does not analyse the same passages again.
 *
 * A long passage (text-analysis.ts) is analysed only until its snippet is known: past its first
 * matched word by a snippet's length, and as far as the best window found there reaches. Its
 * snippet is the best window of that part, which shows the first matched word or a better window
 * near it, and its highlights are those of that part: the reader is taken to the first match,
 * not to every one in 100,000 characters.
 */
import type { AnalyzedToken, Analyzer } from '../types';
import type { TextAnalysis } from './text-analysis';

/** Target length of a snippet, in UTF-16 code units. */
export const SNIPPET_CHARS = 220;
const LEAD_CHARS = 50;

/** A snippet: a window of the passage text, its offset, and all highlights (offsets into the full text). */
export interface Snippet {
  snippet: string;
  snippetStart: number;
  highlights: [number, number][];
}

/** Spans of `text` whose analysed terms are in `terms`, merged, in order. */
export function highlightSpans(text: string, terms: ReadonlySet<string>, analyzer: Analyzer): [number, number][] {
  if (!text || terms.size === 0) return [];
  return spansOf(analyzer.analyze(text, 'text'), terms);
}

/** Merged spans of the `tokens` (of one text, already analysed) whose terms are in `terms`. */
export function spansOf(tokens: readonly AnalyzedToken[], terms: ReadonlySet<string>): [number, number][] {
  return matchedSpans(tokens, terms).map((m) => m.span);
}

/** A highlighted span and the index terms it matched. */
export interface MatchedSpan {
  span: [number, number];
  terms: string[];
}

/** Like spansOf, keeping which terms each merged span matched (for choosing the snippet). */
export function matchedSpans(tokens: readonly AnalyzedToken[], terms: ReadonlySet<string>): MatchedSpan[] {
  // The matched tokens by start, then end. An analysis gives its tokens by start already (ends
  // may be out of order between a word and its alternatives), so the sort is usually skipped.
  const hits: AnalyzedToken[] = [];
  let inOrder = true;
  for (const t of tokens) {
    if (!terms.has(t.term) || t.end <= t.start) continue;
    const last = hits[hits.length - 1];
    if (last && (t.start < last.start || (t.start === last.start && t.end < last.end))) inOrder = false;
    hits.push(t);
  }
  if (!inOrder) hits.sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: MatchedSpan[] = [];
  for (const h of hits) {
    const last = merged[merged.length - 1];
    if (last && h.start <= last.span[1]) {
      last.span[1] = Math.max(last.span[1], h.end);
      if (!last.terms.includes(h.term)) last.terms.push(h.term);
    } else merged.push({ span: [h.start, h.end], terms: [h.term] });
  }
  return merged;
}

/**
 * The snippet of an analysed passage text and its highlights for `terms` (see the module doc for a
 * long text, analysed as far as needed).
 */
export function passageSnippet(analysis: TextAnalysis, terms: ReadonlySet<string>, size = SNIPPET_CHARS): Snippet {
  const text = analysis.text;
  for (;;) {
    const spans = matchedSpans(analysis.tokens, terms);
    const first = spans[0]?.span[0];
    if (analysis.complete || (first !== undefined && analysis.end >= first + size)) {
      const snippet = bestSnippet(
        text,
        spans.map((x) => x.span),
        size,
        spans.map((x) => x.terms),
      );
      if (analysis.complete || snippet.snippetStart + snippet.snippet.length <= analysis.end) return snippet;
    }
    analysis.more();
  }
}

/** A word longer than this is cut where the window falls, not at its start or end. */
const LONGEST_WORD = 20;
const SPACE = /\s/;

/** Start of the word containing or following `i` (`i` itself within a longer word). */
function wordStart(text: string, i: number): number {
  if (i <= 0) return 0;
  // Walks back at most past LONGEST_WORD characters: a text without spaces (CJK) is not walked whole.
  let j = i;
  while (j > 0 && i - j <= LONGEST_WORD && !SPACE.test(text[j - 1]!)) j--;
  return i - j > LONGEST_WORD ? i : j;
}

/** End of the word containing `i` (`i` itself within a longer word). */
function wordEnd(text: string, i: number): number {
  if (i >= text.length) return text.length;
  let j = i;
  while (j < text.length && j - i <= LONGEST_WORD && !SPACE.test(text[j]!)) j++;
  return j - i > LONGEST_WORD ? i : j;
}

/**
 * The best window of `text` around the highlights: the SNIPPET_CHARS-long window holding the most
 * *different* matched terms, then the most highlighted words (ties: the earliest), opened a
 * little before its first highlight and cut at word boundaries. Returns the whole text when it is
 * short. `spanTerms` (parallel to `highlights`) names the terms of each span; without it every
 * span counts as a different term.
 */
export function bestSnippet(
  text: string,
  highlights: [number, number][],
  size = SNIPPET_CHARS,
  spanTerms?: readonly (readonly string[])[],
): Snippet {
  if (text.length <= size) return { snippet: text, snippetStart: 0, highlights };
  let bestStart = 0;
  let best = -1;
  for (let i = 0; i < highlights.length; i++) {
    const from = highlights[i]![0];
    const distinct = new Set<string>();
    let count = 0;
    for (let k = i; k < highlights.length && highlights[k]![1] <= from + size - LEAD_CHARS; k++) {
      count++;
      for (const t of spanTerms?.[k] ?? [String(k)]) distinct.add(t);
    }
    const value = distinct.size * 1000 + count;
    if (value > best) {
      best = value;
      bestStart = Math.max(0, from - LEAD_CHARS);
    }
  }
  let start = wordStart(text, bestStart);
  let end = Math.min(text.length, start + size);
  if (end === text.length) start = wordStart(text, Math.max(0, end - size));
  else end = wordEnd(text, end);
  if (start > 0 && end - start > size + 20) end = start + size;
  return { snippet: text.slice(start, end), snippetStart: start, highlights };
}
