/**
 * What a reader is shown of each passage found: its text, section and title, and a snippet with the
 * words that matched highlighted where the page wrote them (snippet.ts).
 */
import type { Passage } from '../../model/archive';
import { PackError } from '../../model/errors';
import type { SearchHit } from '../../model/search-result';
import type { PassageCache } from './passage-cache';
import type { PassageSource } from './passage-source';
import type { PassageTokens } from './passage-tokens';
import type { RankedMatch } from './rank';
import { bestSnippet, passageSnippet, type Snippet } from './snippet';

/** Hits for a page of ranked matches, highlighting each passage's matched terms. */
export function searchHits(
  page: RankedMatch[],
  passages: PassageSource,
  cache: PassageCache,
  tokens: PassageTokens,
): SearchHit[] {
  const byId = new Map(cache.byIds(page.map((r) => r.match.ref)).map((p) => [p.id, p]));
  const hits: SearchHit[] = [];
  for (const ranked of page) {
    const p = byId.get(ranked.match.ref);
    if (!p) continue;
    const snippet = passageSnippet(tokens.of(p), new Set(ranked.match.matched.keys()));
    hits.push(toHit(p, snippet, ranked.score, passages));
  }
  return hits;
}

/** Hits for passages listed by kind, with the opening of each as its snippet. */
export function browseHits(page: Passage[], passages: PassageSource): SearchHit[] {
  return page.map((p) => toHit(p, bestSnippet(p.text, []), 0, passages));
}

function toHit(p: Passage, snippet: Snippet, score: number, passages: PassageSource): SearchHit {
  let section: string;
  try {
    section = passages.sectionTitle(p.sectionId) ?? '';
  } catch (error) {
    // A damaged pack is reported, not shown with its section titles missing.
    if (error instanceof PackError) throw error;
    section = '';
  }
  return {
    passageId: p.id,
    kind: p.kind,
    sectionId: p.sectionId,
    section,
    title: (p.kind === 'media' || p.kind === 'heading') && p.title ? p.title : section,
    text: p.text,
    snippet: snippet.snippet,
    snippetStart: snippet.snippetStart,
    highlights: snippet.highlights,
    score,
  };
}
