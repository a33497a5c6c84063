/**
 * Hangul (and other CJK) runs: indexed as overlapping character bigrams, and Hangul runs whole.
 *
 * Korean writes compounds and particles without spaces, so a reader's word may be a part of a
 * written run (민중 in 민중항쟁) or the run itself (제주, 민중항쟁). Indexing the whole run plus its
 * bigrams (CJK-bigram style, as Lucene's CJKAnalyzer does), and analysing the query the same way,
 * finds whole words, whole compounds and parts of compounds. No stemming applies.
 *
 * Japanese and Chinese put no spaces between words at all: a run of kana and Han is a whole
 * clause, never typed as a query, and as a term it only swells the index (a third of the terms of
 * the Japanese Debian Reference). Such runs, longer than two characters, give their bigrams only.
 */
import type { DetailedToken } from './tokens';

const HANGUL = /\p{Script=Hangul}/u;

/** Tokens for one CJK run `run` written at `start`: the whole run (see above), then its bigrams when longer than 2. */
export function cjkTokens(run: string, start: number): DetailedToken[] {
  const chars = Array.from(run);
  const whole = chars.length <= 2 || HANGUL.test(run);
  const out: DetailedToken[] = whole
    ? [{ term: run, raw: run, start, end: start + run.length, role: 'cjk', primary: true, stop: false }]
    : [];
  if (chars.length > 2) {
    let offset = start;
    for (let i = 0; i + 1 < chars.length; i++) {
      const a = chars[i]!;
      const b = chars[i + 1]!;
      const bigram = a + b;
      out.push({
        term: bigram,
        raw: bigram,
        start: offset,
        end: offset + bigram.length,
        role: 'bigram',
        primary: false,
        stop: false,
      });
      offset += a.length;
    }
  }
  return out;
}
