/**
 * Snippets and highlights.
 *
 * The index keeps token positions (lunr `position` metadata), but positions for highlighting are
 * derived on demand instead: only the few results shown on a page need them, and re-running the
 * analyzer over a passage's text gives, for every index term, the span of the words as written.
 * A word is highlighted when its term is one the engine matched for this passage, so words matched
 * through a variant spelling (Busan → "Pusan"), a designation (Yak9 → "Yak 9"), fuzzy matching
 * (Chistyakov → "Chistiakov"), a prefix or a Hangul bigram are highlighted where the page wrote them.
 * The searcher keeps the analysis of recently shown passages, so typing a query letter by letter
 * does not analyse the same passages again.
 */
import type { AnalyzedToken, Analyzer } from './types';

export const SNIPPET_CHARS = 220;
const LEAD_CHARS = 50;

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
  const spans: [number, number][] = [];
  for (const t of tokens) if (terms.has(t.term) && t.end > t.start) spans.push([t.start, t.end]);
  spans.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

/** Start of the word containing or following `i`. */
function wordStart(text: string, i: number): number {
  if (i <= 0) return 0;
  let j = i;
  while (j > 0 && !/\s/.test(text[j - 1]!)) j--;
  return i - j > 20 ? i : j;
}

/** End of the word containing `i`. */
function wordEnd(text: string, i: number): number {
  if (i >= text.length) return text.length;
  let j = i;
  while (j < text.length && !/\s/.test(text[j]!)) j++;
  return j - i > 20 ? i : j;
}

/**
 * The best window of `text` around the highlights: the SNIPPET_CHARS-long window holding the most
 * highlighted words (ties: the earliest), opened a little before its first highlight and cut at
 * word boundaries. Returns the whole text when it is short.
 */
export function bestSnippet(text: string, highlights: [number, number][], size = SNIPPET_CHARS): Snippet {
  if (text.length <= size) return { snippet: text, snippetStart: 0, highlights };
  let bestStart = 0;
  let bestCount = -1;
  for (let i = 0; i < highlights.length; i++) {
    const from = highlights[i]![0];
    let count = 0;
    for (let k = i; k < highlights.length && highlights[k]![1] <= from + size - LEAD_CHARS; k++) count++;
    if (count > bestCount) {
      bestCount = count;
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
