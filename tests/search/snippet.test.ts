import { describe, expect, it } from 'vitest';
import { createAnalyzer } from '../../main/search/analyzer/index';
import { bestSnippet, matchedSpans, passageSnippet, SNIPPET_CHARS } from '../../main/search/searcher/snippet';
import { TextAnalysis } from '../../main/search/searcher/text-analysis';

const analyzer = createAnalyzer({ variants: [], languages: ['ja', 'en'] });

describe('matched spans', () => {
  it('merges overlapping matches in text order, whatever order the tokens come in', () => {
    const tokens = [
      { term: 'barrier', start: 20, end: 27 },
      { term: 'memori', start: 13, end: 19 },
      { term: 'memorybarri', start: 13, end: 27 },
      { term: 'other', start: 0, end: 5 },
      { term: 'memori', start: 40, end: 46 },
    ];
    const spans = matchedSpans(tokens, new Set(['memori', 'barrier', 'memorybarri']));
    expect(spans.map((s) => s.span)).toEqual([
      [13, 27],
      [40, 46],
    ]);
    expect(spans.map((s) => [...s.terms].sort())).toEqual([['barrier', 'memori', 'memorybarri'], ['memori']]);
  });
});

describe('snippets of text without spaces', () => {
  // Japanese writes no spaces: the window is cut where it falls, not widened to a "word" that is
  // the whole run.
  const text = `${'あ'.repeat(3000)}メモリバリア${'い'.repeat(3000)}`;

  it('shows the window around the match, cut where it falls', () => {
    const at = text.indexOf('メモリ');
    const s = bestSnippet(text, [[at, at + 6]]);
    expect(s.snippetStart).toBe(at - 50);
    expect(s.snippet).toHaveLength(SNIPPET_CHARS);
    expect(s.snippet).toContain('メモリバリア');
    expect(text.slice(s.snippetStart, s.snippetStart + s.snippet.length)).toBe(s.snippet);
  });

  it('highlights the match the analyzer finds there', () => {
    const s = passageSnippet(new TextAnalysis(text, (t) => analyzer.analyzeDetailed(t)), new Set(['メモ']));
    const at = text.indexOf('メモ');
    expect(s.highlights[0]).toEqual([at, at + 2]);
    expect(s.snippet).toContain('メモリバリア');
  });
});
