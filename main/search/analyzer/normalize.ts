/**
 * Normalisation of one written word into its comparable ("folded") form.
 *
 * - Compatibility forms are unified (NFKC: full-width letters, ligatures such as "ﬁ").
 * - Latin, Greek, Cyrillic… lose their diacritics (NFD, then combining marks dropped): café = cafe.
 * - Hangul and other CJK text is kept composed (NFD would split Hangul syllables into jamo).
 * - Apostrophes inside a word are removed, never split on: P'yongyang = Pyongyang, Inch'on = Inchon.
 * - Lower case.
 */
/** Apostrophe-like characters that may sit inside a word (ASCII ', ’, ‘, ʼ). */
export const APOSTROPHES = "'\u2019\u2018\u02bc";

const APOSTROPHE_RE = /['\u2019\u2018\u02bc]/g;
const MARKS_RE = /\p{M}+/gu;
const ASCII = /^[\0-\x7f]*$/;

/** Folds a Latin/alphabetic word (see module doc). */
export function foldWord(written: string): string {
  // ASCII is its own NFKC and NFD and has no marks: skipping those saves compiling \p{M}.
  if (ASCII.test(written)) return written.replace(APOSTROPHE_RE, '').toLowerCase();
  return written.normalize('NFKC').replace(APOSTROPHE_RE, '').normalize('NFD').replace(MARKS_RE, '').toLowerCase();
}

/** Folds CJK text: compatibility forms only, no decomposition. */
export function foldCjk(written: string): string {
  return written.normalize('NFKC').toLowerCase();
}

/** Whether `ch` is an apostrophe-like character. */
export function isApostrophe(ch: string | undefined): boolean {
  return ch !== undefined && APOSTROPHES.includes(ch);
}
