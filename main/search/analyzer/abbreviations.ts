/**
 * Abbreviations and acronyms.
 *
 * - Dotted letters are one token: "U.N." and "U.S." give `un` and `us`, the same terms as "UN"
 *   and "US".
 * - A word written in 2–5 capitals (ROK, DPRK, DMZ, US), optionally with a plural "s" (POWs), is an
 *   acronym: it is never a stop word (so "US" is kept while the pronoun "us" is dropped from a
 *   query) and never stemmed (so "AIDS" does not become "aid").
 * - The searcher never prefix-expands 2-letter tokens, so "us" and "un" do not match everything.
 */
import { foldWord } from './normalize';

/** Dotted single letters: U.N., U.S., H.W. (the trailing dot optional). */
export const DOTTED_ACRONYM_SOURCE = String.raw`(?<![\p{L}\p{N}.])\p{L}(?:\.\p{L}(?![\p{L}\p{M}\p{N}]))+\.?`;

const CAPS_RE = /^\p{Lu}{2,5}$/u;
const CAPS_PLURAL_RE = /^\p{Lu}{2,5}s$/u;

/** If `written` (apostrophes removed) is an acronym, its folded term; otherwise undefined. */
export function acronymTerm(written: string): string | undefined {
  if (written.length < 2 || written.length > 6) return undefined;
  if (CAPS_RE.test(written)) return foldWord(written);
  if (CAPS_PLURAL_RE.test(written)) return foldWord(written.slice(0, -1));
  return undefined;
}

/** Folded term of a dotted acronym ("U.N." gives "un"). */
export function dottedTerm(written: string): string {
  return foldWord(written.replace(/\./g, ''));
}
