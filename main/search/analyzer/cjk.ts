/**
 * Hangul (and other CJK) runs: indexed whole and as overlapping character bigrams.
 *
 * Korean writes compounds and particles without spaces, so a reader's word may be a part of a
 * written run (민중 in 민중항쟁) or the run itself (제주, 민중항쟁). Indexing the whole run plus its
 * bigrams (CJK-bigram style, as Lucene's CJKAnalyzer does), and analysing the query the same way,
 * finds whole words, whole compounds and parts of compounds. No stemming applies.
 */
import type { DetailedToken } from './tokens';

/** Tokens for one CJK run `run` written at `start`: the whole run, then its bigrams when longer than 2. */
export function cjkTokens(run: string, start: number): DetailedToken[] {
  const chars = Array.from(run);
  const out: DetailedToken[] = [
    { term: run, raw: run, start, end: start + run.length, role: 'cjk', primary: true, stop: false },
  ];
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
