/** `folio search --json`: exactly the fields the README documents, in that order. */
import type { SearchResponse } from '../model/search-result';

export function searchJson(response: SearchResponse) {
  return {
    query: response.query,
    total: response.total,
    ...(response.totalIsEstimate ? { totalIsEstimate: true } : {}),
    tookMs: response.tookMs,
    results: response.results.map((r) => ({
      passageId: r.passageId,
      kind: r.kind,
      section: r.section,
      sectionId: r.sectionId,
      title: r.title,
      text: r.text,
      snippet: r.snippet,
      snippetStart: r.snippetStart,
      highlights: r.highlights,
      score: r.score,
    })),
  };
}
