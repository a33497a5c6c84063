/**
 * Stop words: lunr's English list (lunr.stopWordFilter), used as a *query-time* filter only.
 *
 * Folio indexes stop words (so a query made only of stop words, such as "The", still finds
 * something), and the searcher drops them from a query unless every word of the query is one.
 * Acronyms written in capitals ("US", "IT") are never stop words: see abbreviations.ts.
 */
import lunr from 'lunr';

const cache = new Map<string, boolean>();

/** Whether a folded, unstemmed word is on lunr's English stop word list. */
export function isStopWord(word: string): boolean {
  let hit = cache.get(word);
  if (hit === undefined) {
    hit = lunr.stopWordFilter(new lunr.Token(word, {})) === undefined;
    if (cache.size < 10_000) cache.set(word, hit);
  }
  return hit;
}
