/**
 * Hyphenated words also get their joined form: "Il-sung" indexes `il`, `sung` and `ilsung`, so
 * "Il sung", "Il-sung" and "Ilsung" all meet. Spaced forms of joined words are matched at query
 * time instead (the searcher joins adjacent query words, or splits an unknown word into two known
 * ones, only when the result is in the index vocabulary).
 */
import type { DetailedToken } from './tokens';

const HYPHEN_GAP = /^[-\u2010\u2011]$/;
const MAX_PARTS = 4;
const ASCII_WORD = /^[a-z]+$/;
const LETTERS = /^\p{L}+$/u;

/** Adds `join` tokens for chains of alphabetic words linked by single hyphens. */
export function addHyphenJoins(text: string, tokens: DetailedToken[]): DetailedToken[] {
  const extra: DetailedToken[] = [];
  // The current chain is chain[0…length): one array reused for the whole text (most words start
  // no chain, and a new array per word was most of what analysing a text allocated).
  const chain: DetailedToken[] = [];
  let length = 0;
  const flush = (): void => {
    if (length >= 2 && length <= MAX_PARTS) {
      let term = '';
      for (let i = 0; i < length; i++) term += chain[i]!.raw;
      extra.push({
        term,
        raw: term,
        start: chain[0]!.start,
        end: chain[length - 1]!.end,
        role: 'join',
        primary: false,
        stop: false,
      });
    }
    length = 0;
  };
  for (const t of tokens) {
    if (!t.primary) continue;
    const alpha = (t.role === 'word' || t.role === 'acronym') && (ASCII_WORD.test(t.raw) || LETTERS.test(t.raw));
    const prev = length > 0 ? chain[length - 1] : undefined;
    if (alpha && prev && t.start - prev.end === 1 && HYPHEN_GAP.test(text[prev.end]!)) {
      chain[length++] = t;
      continue;
    }
    flush();
    if (alpha) chain[length++] = t;
  }
  flush();
  return extra.length ? tokens.concat(extra) : tokens;
}
