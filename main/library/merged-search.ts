/**
 * One search over every archive of a library, merged into one ranking.
 *
 * A pack's scores are lunr's BM25, computed with that pack's own statistics: a word in 3 of 40
 * passages weighs far more than the same word in 30 of 40, and a passage's length counts against the
 * pack's average passage length. Raw scores from two packs are therefore not comparable. The merge
 * re-scores each hit as if every pack were one index: for the query's terms in the hit's body field
 * (its text, or its caption), BM25 is computed twice from the passage's own term counts and length,
 * once with the pack's idf and average field length and once with the library's (summed document
 * counts and lunr's per-field document frequencies, document-weighted average lengths), and the hit's score is
 * multiplied by the ratio. What the searcher adds on top (coverage of the query, exact over fuzzy,
 * kind words) is relative to the passage and carries over. A hit whose body holds none of the
 * query's terms (matched by its section title, a prefix or a typo) gets its pack's idf ratio,
 * Σ idf_library / Σ idf_pack over the query's terms the pack holds.
 * Unlike scaling each pack by its best hit, this keeps a pack of many weak matches weak, and the
 * same passage in two packs gets the same statistics, so it scores alike in both.
 */
import { suggestionOrNone } from '../search/suggest/hint';
import type { LibrarySearchHit, LibrarySearchResponse } from '../model/library';
import type { SearchHit, SearchRequest, SearchResponse } from '../model/search-result';
import { lunrIdf } from '../search/format/lunr-bm25';
import { DEFAULT_LIMIT, MAX_LIMIT } from '../search/searcher/request';

/** The fields a passage's body is indexed under (main/search/documents.ts). */
export type BodyField = 'text' | 'caption';

/** What the merge needs of one archive: its search, and its index statistics. */
export interface SearchMember {
  archiveId: string;
  title: string;
  search(request: SearchRequest): SearchResponse;
  /** "Did you mean": the query with its misspelt words corrected from this archive's words; null when none is. */
  suggest(query: string): string | null;
  /** Passages in the pack's index. */
  documentCount: number;
  /** lunr.idf's count for `term`: a passage once per field that holds it (0 when absent). */
  documentsWithTerm(term: string): number;
  /** The index terms the pack's own analyzer makes of a text, one per token (as the indexer counts them). */
  terms(text: string, field: BodyField): string[];
  /** lunr's BM25 parameters and the pack's average field lengths; absent for an index that stores weights. */
  bm25: { k1: number; b: number; averageLength: Record<BodyField, number> } | null;
}

/** The library as one index: summed counts, and document-weighted average lengths. */
interface LibraryStatistics {
  documentCount: number;
  frequency: Map<string, number>;
  averageLength: Record<BodyField, number>;
}

function libraryStatistics(members: readonly SearchMember[], terms: Iterable<string>): LibraryStatistics {
  const documentCount = members.reduce((sum, m) => sum + m.documentCount, 0);
  const frequency = new Map<string, number>();
  for (const term of terms)
    frequency.set(
      term,
      members.reduce((sum, m) => sum + m.documentsWithTerm(term), 0),
    );
  const averageLength = (field: BodyField): number => {
    let total = 0;
    let documents = 0;
    for (const m of members) {
      if (!m.bm25) continue;
      total += m.bm25.averageLength[field] * m.documentCount;
      documents += m.documentCount;
    }
    return documents ? total / documents : 0;
  };
  return {
    documentCount,
    frequency,
    averageLength: { text: averageLength('text'), caption: averageLength('caption') },
  };
}

/** Per member, the factor that turns its idf into the library's (1 when it holds none of the terms). */
function idfFactor(member: SearchMember, terms: readonly string[], library: LibraryStatistics): number {
  let local = 0;
  let global = 0;
  for (const term of terms) {
    const df = member.documentsWithTerm(term);
    if (df === 0) continue;
    local += lunrIdf(df, member.documentCount);
    global += lunrIdf(library.frequency.get(term) ?? df, library.documentCount);
  }
  return local > 0 ? global / local : 1;
}

/** BM25's term-frequency part. */
const tfPart = (tf: number, length: number, average: number, k1: number, b: number): number =>
  ((k1 + 1) * tf) / (k1 * (1 - b + b * (length / average)) + tf);

/** The factor that turns a hit's pack statistics into the library's, from its body's own counts; null when its body holds no query term. */
function hitFactor(
  member: SearchMember,
  hit: SearchHit,
  terms: readonly string[],
  library: LibraryStatistics,
): number | null {
  const bm25 = member.bm25;
  const field: BodyField = hit.kind === 'caption' ? 'caption' : 'text';
  if (!bm25 || !bm25.averageLength[field] || !library.averageLength[field]) return null;
  const body = member.terms(hit.text, field);
  const counts = new Map<string, number>();
  for (const term of body) counts.set(term, (counts.get(term) ?? 0) + 1);
  let local = 0;
  let global = 0;
  for (const term of terms) {
    const tf = counts.get(term);
    const df = member.documentsWithTerm(term);
    if (!tf || df === 0) continue;
    local += lunrIdf(df, member.documentCount) * tfPart(tf, body.length, bm25.averageLength[field], bm25.k1, bm25.b);
    global +=
      lunrIdf(library.frequency.get(term) ?? df, library.documentCount) *
      tfPart(tf, body.length, library.averageLength[field], bm25.k1, bm25.b);
  }
  return local > 0 ? global / local : null;
}

/** The first `depth` hits of one archive, in its own order (pages of at most MAX_LIMIT). */
function topHits(
  member: SearchMember,
  request: SearchRequest,
  depth: number,
): { hits: SearchHit[]; total: number; estimate: boolean } {
  const hits: SearchHit[] = [];
  let total = 0;
  let estimate = false;
  while (hits.length < depth) {
    const limit = Math.min(MAX_LIMIT, depth - hits.length);
    const page = member.search({ ...request, offset: hits.length, limit });
    total = page.total;
    estimate ||= page.totalIsEstimate === true;
    hits.push(...page.results);
    if (page.results.length < limit) break;
  }
  return { hits, total, estimate };
}

export function searchLibrary(members: readonly SearchMember[], request: SearchRequest): LibrarySearchResponse {
  const started = performance.now();
  const offset = Math.max(0, Math.floor(request.offset ?? 0));
  const limit = Math.min(MAX_LIMIT, Math.max(0, Math.floor(request.limit ?? DEFAULT_LIMIT)));
  const termsOf = members.map((m) => [...new Set(m.terms(request.query, 'text'))]);
  const library = libraryStatistics(members, new Set(termsOf.flat()));
  const answers = members.map((m) => topHits(m, request, offset + limit));
  const merged: { hit: LibrarySearchHit; member: number; rank: number }[] = [];
  answers.forEach(({ hits }, member) => {
    const m = members[member]!;
    const { archiveId, title } = m;
    const terms = termsOf[member]!;
    const packFactor = idfFactor(m, terms, library);
    hits.forEach((hit, rank) => {
      const score = hit.score * (hitFactor(m, hit, terms, library) ?? packFactor);
      merged.push({ hit: { ...hit, score, packScore: hit.score, archiveId, archiveTitle: title }, member, rank });
    });
  });
  // Ties keep library order, then each archive's own order.
  merged.sort((a, b) => b.hit.score - a.hit.score || a.member - b.member || a.rank - b.rank);
  const suggestion = offset === 0 ? librarySuggestion(members, request.query) : null;
  return {
    query: request.query,
    total: answers.reduce((sum, a) => sum + a.total, 0),
    ...(answers.some((a) => a.estimate) ? { totalIsEstimate: true } : {}),
    tookMs: Math.round((performance.now() - started) * 10) / 10,
    results: merged.slice(offset, offset + limit).map((m) => m.hit),
    archives: answers.map((a, i) => ({ archiveId: members[i]!.archiveId, total: a.total })),
    ...(suggestion ? { didYouMean: suggestion } : {}),
  };
}

/**
 * The library's "did you mean": the first archive's correction, in library order, that changes no word
 * another archive holds. A word one archive lacks may be another's own (a name, a term of art), and is
 * not misspelt in the library.
 */
function librarySuggestion(members: readonly SearchMember[], query: string): string | null {
  const held = (word: string): boolean =>
    members.some((m) => m.terms(word, 'text').some((term) => m.documentsWithTerm(term) > 0));
  for (const m of members) {
    const suggestion = suggestionOrNone(() => m.suggest(query));
    if (suggestion !== null && !changedWords(query, suggestion).some(held)) return suggestion;
  }
  return null;
}

/** The query's words a suggestion replaced (each correction replaces words in place); all of them when the count differs. */
function changedWords(query: string, suggestion: string): string[] {
  const asked = query.trim().split(/\s+/);
  const offered = suggestion.trim().split(/\s+/);
  return asked.length === offered.length ? asked.filter((word, i) => word !== offered[i]) : asked;
}
