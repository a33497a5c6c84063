/**
 * English Porter stemming through lunr.stemmer, applied only to plain Latin-script words.
 *
 * Acronyms, numbers, designations and Hangul are never stemmed (the analyzer decides which tokens
 * are words). Stems are cached: the same few thousand words recur across an archive.
 */
import lunr from 'lunr';

const cache = new Map<string, string>();
const LATIN_WORD = /^[a-z]+$/;

/** Porter stem of a folded lowercase word; anything that is not plain a–z is returned unchanged. */
export function stem(word: string): string {
  // Only plain words are cached: a word met before skips the pattern.
  let out = cache.get(word);
  if (out === undefined) {
    if (!LATIN_WORD.test(word) || word.length < 3) return word;
    out = lunr.stemmer(new lunr.Token(word, {})).toString();
    if (cache.size > 200_000) cache.clear();
    cache.set(word, out);
  }
  return out;
}
