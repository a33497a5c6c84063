/**
 * Which results matched only their section title. Every passage is indexed with its section's
 * title (documents.ts), so a passage can be found for words its own text lacks; its snippet then
 * has nothing highlighted, and the reader is owed the reason. For those hits this marks the words
 * of the section title that the query matched: the same term, a word the last word begins while
 * it is still being typed, or a word within the searcher's typo tolerance.
 */
import { editDistance } from '../query/edit-distance';
import type { SearchHit, SearchResponse } from '../../model/search-result';
import type { AnalyzedToken, Analyzer } from '../types';

/** Edits allowed between a query term and a title term: as the searcher's typo tolerance. */
const maxEdits = (term: string): number => (Array.from(term).length <= 4 ? 0 : Array.from(term).length <= 7 ? 1 : 2);

/** The response with `sectionHighlights` on the hits that matched only their section title. */
export function withSectionTitleMatches(response: SearchResponse, analyzer: Analyzer): SearchResponse {
  const titleOnly = response.results.filter((h) => h.highlights.length === 0 && h.score > 0 && h.section);
  if (titleOnly.length === 0) return response;
  const query = analyzer.analyze(response.query, 'text');
  if (query.length === 0) return response;
  const stillTyping = !/[\s"”]$/.test(response.query);
  const matches = (term: string): boolean =>
    query.some(
      (q, i) =>
        q.term === term ||
        (stillTyping && i === query.length - 1 && term.startsWith(q.term)) ||
        editDistance(q.term, term, maxEdits(q.term)) <= maxEdits(q.term),
    );
  const results = response.results.map((hit): SearchHit => {
    if (!titleOnly.includes(hit)) return hit;
    const spans = mergedSpans(analyzer.analyze(hit.section, 'title').filter((t) => matches(t.term)));
    return spans.length ? { ...hit, sectionHighlights: spans } : hit;
  });
  return { ...response, results };
}

function mergedSpans(tokens: readonly AnalyzedToken[]): [number, number][] {
  const spans: [number, number][] = [];
  for (const t of [...tokens].sort((a, b) => a.start - b.start)) {
    const last = spans.at(-1);
    if (last && t.start <= last[1]) last[1] = Math.max(last[1], t.end);
    else if (t.end > t.start) spans.push([t.start, t.end]);
  }
  return spans;
}
