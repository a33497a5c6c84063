/**
 * Designations across words: letters followed by a number, hyphenated, dotted or spaced, also
 * get their joined form, so Yak 9 = Yak-9 = Yak9 (`yak9`), MiG-15 = Mig 15 = MiG15s (`mig15`),
 * T-34 = T34, B-29s = B29. Written-joined forms get the same term in tokenize.ts.
 *
 * A spaced pair is joined only when the letters are a short (≤ 3 letters) non-stop word, so "in
 * 1950" stays apart; a hyphen or dot joins letters of up to 6. The parts stay indexed too, so
 * "MiG" alone still finds "MiG-15". Extra joined terms are harmless: query and index agree.
 */
import { isStopWord } from './stopwords';
import type { DetailedToken } from './tokens';

const TIGHT_GAP = /^(?:[-\u2010\u2011\u2012\u2013.]|)$/;
const SPACE_GAP = /^[ \t\u00a0]{1,2}$/;

/** Adds designation tokens for letter/number pairs written as separate words. */
export function addDesignations(text: string, tokens: DetailedToken[]): DetailedToken[] {
  const extra: DetailedToken[] = [];
  // Each primary token with the primary before it (walked in place: a filtered copy per text was garbage).
  let previous: DetailedToken | undefined;
  for (const b of tokens) {
    if (!b.primary) continue;
    const a = previous;
    previous = b;
    if (!a) continue;
    if (b.role !== 'number' || (a.role !== 'word' && a.role !== 'acronym')) continue;
    if (!/^[a-z]+$/.test(a.raw)) continue;
    const gap = text.slice(a.end, b.start);
    const tight = TIGHT_GAP.test(gap) && a.raw.length <= 6;
    const spaced = SPACE_GAP.test(gap) && a.raw.length <= 3 && (a.role === 'acronym' || !isStopWord(a.raw));
    if (!tight && !spaced) continue;
    if (gap === '') continue; // same written word: tokenize.ts already joined it
    const term = a.raw + b.raw;
    extra.push({ term, raw: term, start: a.start, end: b.end, role: 'designation', primary: false, stop: false });
  }
  return extra.length ? tokens.concat(extra) : tokens;
}
